"""State changes of the organisation that are more than saving one form: the workbook import."""

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Model, Q
from django.utils.translation import gettext as _

from tuijin.core import access
from tuijin.core.chinese import search_key
from tuijin.core.records import REGISTRY
from tuijin.core.services import StaleRecord, record_save
from tuijin.sheets.engine import CellError, SheetRow, annotate, read_sheets

from .models import Industry, Person, Programme, Region, TaskForce, ThinkTank, Unit
from .sheets import ORG_SHEETS, YES, OrgSheet, split_names


class OrgImportFailed(Exception):
    def __init__(self, errors: list[CellError], annotated: bytes) -> None:
        super().__init__(f"{len(errors)} errors")
        self.errors = errors
        self.annotated = annotated


class _Rollback(Exception):
    pass


@dataclass
class ImportResult:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        parts = []
        for key in dict.fromkeys([*self.created, *self.updated]):
            name = REGISTRY[key].verbose_name
            parts.append(
                _("%(name)s: %(created)s new, %(updated)s updated")
                % {"name": name, "created": self.created[key], "updated": self.updated[key]}
            )
        return "; ".join(parts) or _("nothing")


class _Resolver:
    """Finds the records a row names, among those the importing user may see."""

    def __init__(self, user: Any) -> None:
        self.user = user

    def _one(self, qs: Any, label: str, name: str, near: Region | None = None) -> Model:
        found = list(qs[:20])
        if len(found) > 1 and near is not None:
            closest = [o for o in found if _region_of(o) is not None and near.path.startswith(_region_of(o).path)]
            found = closest or found
            if len(found) > 1:
                exact = [o for o in found if _region_of(o) == near]
                found = exact or found
        if not found:
            raise ValueError(_("No %(what)s named “%(name)s” was found.") % {"what": label, "name": name})
        if len(found) > 1:
            raise ValueError(
                _("“%(name)s” names more than one %(what)s; write the full name.") % {"what": label, "name": name}
            )
        return found[0]

    def region(self, text: str, context: dict) -> Region:
        qs = access.visible(self.user, Region.objects.filter(code=str(text).strip()))
        return self._one(qs, _("region"), text)

    def unit(self, text: str, context: dict) -> Unit:
        key = search_key(text)
        qs = access.visible(self.user, Unit.objects.select_related("region"))
        matches = qs.filter(search_key=key)
        if not matches.exists():
            matches = qs.filter(Q(aliases__contains=text) | Q(short_name=text))
        return self._one(matches, _("unit"), text, context.get("near"))

    def person(self, text: str, context: dict) -> Person:
        qs = access.visible(self.user, Person.objects.filter(name=text).select_related("unit__region"))
        return self._one(qs, _("person"), text, context.get("near"))

    def industry(self, text: str, context: dict) -> Industry:
        qs = access.visible(self.user, Industry.objects.filter(name=text).select_related("region"))
        return self._one(qs, _("industry"), text, context.get("near"))

    def programme(self, text: str, context: dict) -> Programme:
        qs = access.visible(self.user, Programme.objects.filter(name=text))
        return self._one(qs, _("programme"), text)

    def task_force(self, text: str, context: dict) -> TaskForce:
        qs = access.visible(self.user, TaskForce.objects.filter(name=text, programme=context.get("programme")))
        return self._one(qs, _("task force"), text)

    def think_tank(self, text: str, context: dict) -> ThinkTank:
        qs = access.visible(
            self.user, ThinkTank.objects.filter(name=text, task_force__programme=context.get("programme"))
        )
        return self._one(qs, _("think tank"), text)


def _region_of(obj: Model) -> Region | None:
    if isinstance(obj, Unit | Industry):
        return obj.region
    if isinstance(obj, Person):
        return obj.unit.region
    return None


def _form_value(sheet: OrgSheet, key: str, value: Any, resolved: Any) -> Any:
    if resolved is not None:
        return [o.pk for o in resolved] if isinstance(resolved, list) else resolved.pk
    column = next(c for c in sheet.spec.columns if c.key == key)
    if key == "is_chief":
        return str(value).strip().lower() in YES
    if column.choices and value is not None:
        return _choice_value(column.choices, value)
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _choice_value(choices: Any, text: Any) -> Any:
    from django.utils import translation

    wanted = str(text).strip()
    for value, label in choices:
        if wanted == value:
            return value
        for language in ("zh-hans", "en"):
            with translation.override(language):
                if wanted == str(label):
                    return value
    return wanted  # the form then says it is not a valid choice


def _import_row(
    user: Any, resolver: _Resolver, sheet: OrgSheet, row: SheetRow, result: ImportResult
) -> list[CellError]:
    errors: list[CellError] = []
    context: dict[str, Any] = {}
    resolved: dict[str, Any] = {}
    for key, ref in sheet.refs.items():
        value = row.values.get(key)
        if value in (None, ""):
            continue
        try:
            if ref.many:
                resolved[key] = [getattr(resolver, ref.kind)(name, context) for name in split_names(value)]
            else:
                resolved[key] = getattr(resolver, ref.kind)(str(value).strip(), context)
        except ValueError as error:
            errors.append(row.error(key, str(error)))
            continue
        if key == "programme":
            context["programme"] = resolved[key]
            context["near"] = resolved[key].region
    if errors:
        return errors
    record_type = REGISTRY[sheet.record]
    data = {
        key: _form_value(sheet, key, value, resolved.get(key))
        for key, value in row.values.items()
        if key in record_type.form_class.base_fields and value not in (None, "")
    }
    data.update(sheet.fixed)
    existing = _existing(record_type.model, sheet, data)
    if existing is not None and not access.can_change(user, existing):
        return [row.error(sheet.key[0], _("You may not change this existing record."))]
    form = record_type.form_class(data=data, instance=existing, user=user)
    if not form.is_valid():
        for name, messages in form.errors.items():
            column = name if name in row.letters else sheet.key[-1]
            errors.extend(row.error(column, str(m)) for m in messages)
        return errors
    try:
        record_save(
            user=user, form=form, expected_version=existing.version if existing else None, reason=_("workbook import")
        )
    except (access.AccessDenied, StaleRecord):
        return [row.error(sheet.key[0], _("This row would create a record outside your area."))]
    (result.updated if existing else result.created)[sheet.record] += 1
    return []


def _existing(model: type[Model], sheet: OrgSheet, data: dict[str, Any]) -> Model | None:
    lookup = {key: data.get(key) for key in sheet.key}
    if any(v is None for v in lookup.values()):
        return None
    return model.objects.filter(**lookup).first()


def org_import(*, user: Any, data: bytes) -> ImportResult:
    """Imports every sheet of the workbook, or nothing: one bad cell rolls the whole workbook back
    and the workbook comes back with every bad cell marked and explained."""
    resolver = _Resolver(user)
    result = ImportResult()
    errors: list[CellError] = []
    try:
        with transaction.atomic():
            by_spec = {id(sheet.spec): sheet for sheet in ORG_SHEETS}
            for spec, rows, sheet_errors in read_sheets(data, [s.spec for s in ORG_SHEETS]):
                errors.extend(sheet_errors)
                for row in rows:
                    errors.extend(_import_row(user, resolver, by_spec[id(spec)], row, result))
            if errors:
                raise _Rollback
    except _Rollback:
        raise OrgImportFailed(errors, annotate(data, errors)) from None
    return result
