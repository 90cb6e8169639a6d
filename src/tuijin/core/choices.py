"""Choosing a related record in a form: what a user may pick, and finding it by typing when there are
too many to list. A province holds tens of thousands of units: three unit dropdowns made the new-project
form 7 MB and ten seconds, so a foreign key with more than SEARCH_ABOVE choices is picked by typing
part of the name (either script) instead."""

from functools import reduce
from operator import or_
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q, QuerySet

from . import access
from .chinese import script_variants, search_key

SEARCH_ABOVE = 300
SHOWN = 20
# What tells two records of one name apart (every county has its 财政局, many a 城关镇, many a 张伟):
# where they are, or the unit a person works in.
WHERE = ("parent", "region", "unit")


def in_reach(user: Any, qs: QuerySet) -> QuerySet:
    """The records of `qs` a user may pick: those the access module lets them see."""
    if qs.model._meta.label in access.POLICIES:
        return access.visible(user, qs)
    if qs.model is get_user_model():
        return access.users_in_reach(user, qs)
    return qs


def foreign_key(path: str) -> models.ForeignKey:
    """The foreign key named "app_label.Model.field" to records the access module rules on (or to
    users); LookupError for anything else."""
    label, _dot, name = path.rpartition(".")
    try:
        field = apps.get_model(label)._meta.get_field(name)
    except (ValueError, LookupError, FieldDoesNotExist) as error:
        raise LookupError(path) from error
    if not (field.is_relation and field.many_to_one):
        raise LookupError(path)
    target = field.remote_field.model
    if target._meta.label not in access.POLICIES and target is not get_user_model():
        raise LookupError(path)  # no rule says who may see those records: nothing is offered
    return field


def choices_for(user: Any, field: models.ForeignKey) -> QuerySet:
    """What a model form offers for the key (its limit_choices_to), within the user's reach."""
    qs = field.remote_field.model._default_manager.complex_filter(field.get_limit_choices_to())
    return in_reach(user, qs)


def matching(qs: QuerySet, text: str) -> QuerySet:
    """The records whose name holds the text, typed in either script, with where they are."""
    text = text.strip()
    if not text:
        return qs.none()
    names = {f.name for f in qs.model._meta.fields}
    qs = qs.select_related(*(name for name in WHERE if name in names))
    if "search_key" in names:
        return qs.filter(search_key__contains=search_key(text))
    lookups = [name for name in ("name", "title", "display_name", "username") if name in names]
    return qs.filter(reduce(or_, (Q(**{f"{name}__icontains": v}) for name in lookups for v in script_variants(text))))


def where_of(record: models.Model) -> str:
    """The region a record is in (a unit's), the one above it (a town's county) or a person's unit, for
    telling namesakes apart."""
    for name in WHERE:
        place = getattr(record, name, None)
        if isinstance(place, models.Model):
            return str(place)
    return ""
