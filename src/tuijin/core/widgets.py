from typing import Any

from django import forms
from django.db.models import QuerySet
from django.urls import reverse


class SearchSelect(forms.Widget):
    """A related record picked by typing part of its name: the matches come from `core:choices` (htmx)
    and a click puts the record's key in the hidden input the form reads."""

    template_name = "includes/search_select.html"

    def __init__(self, *, path: str, queryset: QuerySet, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.path, self.queryset = path, queryset

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        chosen = self.queryset.filter(pk=value).first() if value not in (None, "") else None
        context["widget"] |= {"label": str(chosen) if chosen else "", "url": reverse("core:choices", args=[self.path])}
        return context

    def format_value(self, value: Any) -> str:
        return "" if value is None else str(value)
