"""Display of ranking figures: rates are exact fractions until here, rounded only for the eye."""

from decimal import Decimal
from fractions import Fraction
from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from tuijin.projects.ranking.lights import Light

register = template.Library()


def _missing(value: Any) -> bool:
    """No figure: None, or "" — what a template reads from a row that is not there (a member the
    previous rule did not rank, beside the new rule's figures)."""
    return value is None or value == ""


@register.filter
def rate(value: Fraction | None, digits: int = 1) -> str:
    return "—" if _missing(value) else f"{float(value) * 100:.{digits}f}%"


@register.filter
def points(value: Fraction | None) -> str:
    """Percentage points against time-proportional progress, signed ("+3.2", "−5.1")."""
    if _missing(value):
        return "—"
    shown = f"{abs(float(value)):.1f}"
    return "0.0" if shown == "0.0" else f"{'+' if value > 0 else '−'}{shown}"


@register.filter
def score(value: Fraction | None) -> str:
    return "—" if _missing(value) else f"{float(value):.1f}"


@register.filter
def light_badge(value: str) -> SafeString:
    css = {Light.GREEN: "success", Light.YELLOW: "warning", Light.RED: "danger"}.get(value, "secondary")
    return format_html(
        '<span class="badge rounded-pill text-bg-{}" data-light="{}">{}</span>', css, value, Light(value).label
    )


@register.filter
def share(part: Decimal | None, whole: Decimal | None) -> str:
    """A project's completion rate for a list: part ÷ whole as a percentage."""
    if not whole or part is None:
        return "—"
    return rate(Fraction(part) / Fraction(whole))


@register.filter
def field(form: Any, name: str) -> Any:
    return form[name]


@register.filter
def add_class(bound: Any, css: str) -> SafeString:
    """Renders a form field with Bootstrap's classes (selects get form-select)."""
    if getattr(bound.field.widget, "input_type", "") == "select" and "form-control" in css:
        css = css.replace("form-control", "form-select")
    return bound.as_widget(attrs={"class": css})
