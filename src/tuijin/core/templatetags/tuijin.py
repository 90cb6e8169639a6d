from decimal import Decimal
from typing import Any

from django import template
from django.utils.safestring import mark_safe

from tuijin.core.money import wan_to_yi

register = template.Library()


@register.simple_tag(takes_context=True)
def query_replace(context: dict, **changes: Any) -> str:
    """The current query string with some parameters replaced (for pagination and sorting links)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


@register.filter
def yi(amount: Decimal | None) -> str:
    return "" if amount is None else f"{wan_to_yi(Decimal(amount)):,}"


@register.filter
def wan(amount: Decimal | None) -> str:
    return "" if amount is None else f"{Decimal(amount):,.2f}"


@register.filter
def percent(rate: float | Decimal | None, digits: int = 1) -> str:
    return "—" if rate is None else f"{float(rate) * 100:.{digits}f}%"


@register.filter
def yes_no_icon(value: Any) -> str:
    if value is True:
        return mark_safe('<i class="bi bi-check-circle-fill tj-check-yes" aria-label="✓"></i>')
    if value is False:
        return mark_safe('<i class="bi bi-dash-circle text-muted" aria-label="—"></i>')
    return value


@register.filter
def get_item(mapping: Any, key: str) -> Any:
    return mapping.get(key) if hasattr(mapping, "get") else None
