"""Generic pages for plain records (list, detail, create, edit) driven by one description per
record type; workflows (submit, return, escalate) get their own views and services instead."""

from dataclasses import dataclass, field
from functools import cached_property, reduce
from operator import or_
from typing import Any

from django.db import models
from django.db.models import Q, QuerySet
from django.utils.functional import Promise

from .chinese import script_variants, search_key
from .forms import RecordForm, record_form_class


@dataclass
class RecordType:
    key: str
    model: type[models.Model]
    fields: list[str]
    columns: list[str]
    text_fields: list[str] = field(default_factory=lambda: ["name"])
    filters: list[str] = field(default_factory=list)
    select_related: list[str] = field(default_factory=list)
    # (related manager name, record type key) shown as tables on the detail page
    children: list[tuple[str, str]] = field(default_factory=list)
    title: Promise | str | None = None
    form: type[RecordForm] | None = None

    @cached_property
    def form_class(self) -> type[RecordForm]:
        return self.form or record_form_class(self.model, self.fields)

    @property
    def verbose_name(self) -> str:
        return str(self.model._meta.verbose_name)

    @property
    def verbose_name_plural(self) -> str:
        return str(self.title or self.model._meta.verbose_name_plural)

    def column_labels(self) -> list[str]:
        return [str(self.model._meta.get_field(c).verbose_name) for c in self.columns]

    def search(self, qs: QuerySet, text: str) -> QuerySet:
        text = text.strip()
        if not text:
            return qs
        if any(f.name == "search_key" for f in self.model._meta.fields):
            return qs.filter(search_key__contains=search_key(text))
        variants = script_variants(text)
        return qs.filter(reduce(or_, (Q(**{f"{f}__icontains": v}) for f in self.text_fields for v in variants)))


REGISTRY: dict[str, RecordType] = {}


def register(*record_types: RecordType) -> None:
    for record_type in record_types:
        REGISTRY[record_type.key] = record_type


def display_value(obj: models.Model, name: str) -> Any:
    model_field = obj._meta.get_field(name)
    if model_field.many_to_many:
        return "、".join(str(o) for o in getattr(obj, name).all())
    if model_field.choices:
        return getattr(obj, f"get_{name}_display")()
    value = getattr(obj, name)
    if isinstance(value, bool):
        return value
    return "" if value is None else value
