"""The organisation workbook: one sheet per kind of record, read and written with the sheets
engine; each row is validated by the same form the pages use."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model, QuerySet
from django.utils.translation import gettext_lazy as _

from tuijin.core import access
from tuijin.plans.models import Document, DocumentKind
from tuijin.sheets.engine import Column, SheetSpec, build_workbook

from .models import (
    Alliance,
    Expert,
    Fund,
    Industry,
    Person,
    Policy,
    PolicyDomain,
    Programme,
    Region,
    RegionLevel,
    TaskForce,
    TaskForceKind,
    ThinkTank,
    Unit,
    UnitKind,
)

LIST_SEPARATORS = ("、", ",", "，", ";", "；", "\n")
YES = {"是", "√", "y", "yes", "true", "1", "t"}


@dataclass(frozen=True)
class Ref:
    """A column that names another record; `many` columns list several names separated by 、."""

    kind: str
    many: bool = False


@dataclass(frozen=True)
class OrgSheet:
    record: str
    spec: SheetSpec
    key: tuple[str, ...]
    refs: dict[str, Ref] = field(default_factory=dict)
    export: Callable[[Any], list[list[Any]]] | None = None
    fixed: dict[str, Any] = field(default_factory=dict)


def _names(items: Any) -> str:
    return "、".join(str(i) for i in items)


def _region_code(region: Region | None) -> str:
    return region.code if region else ""


P = Column("programme", _("programme"), required=True, width=30)

ORG_SHEETS: list[OrgSheet] = [
    OrgSheet(
        "region",
        SheetSpec(
            _("Regions"),
            [
                Column("code", _("administrative code"), True, note=_("6, 9 or 12 digits (GB/T 2260)")),
                Column("name", _("name"), True),
                Column("level", _("level"), True, choices=RegionLevel.choices),
                Column("parent", _("parent region code"), note=_("Empty for the top region")),
            ],
        ),
        key=("code",),
        refs={"parent": Ref("region")},
    ),
    OrgSheet(
        "unit",
        SheetSpec(
            _("Units"),
            [
                Column("name", _("name"), True, width=30),
                Column("short_name", _("short name")),
                Column("aliases", _("other names"), width=30, note=_("Separated by 、, e.g. 省发改委、省发展改革委")),
                Column("kind", _("kind"), True, choices=UnitKind.choices),
                Column("region", _("region code"), True),
                Column("credit_code", _("unified social credit code"), width=22),
            ],
        ),
        key=("region", "name"),
        refs={"region": Ref("region")},
    ),
    OrgSheet(
        "person",
        SheetSpec(
            _("People"),
            [
                Column("name", _("name"), True),
                Column("post", _("post"), width=24),
                Column("unit", _("unit"), True, width=30),
                Column("phone", _("phone")),
            ],
        ),
        key=("unit", "name"),
        refs={"unit": Ref("unit")},
    ),
    OrgSheet(
        "industry",
        SheetSpec(
            _("Industries"),
            [
                Column("name", _("name"), True),
                Column("region", _("region code"), True),
                Column("sort_order", _("order")),
            ],
        ),
        key=("region", "name"),
        refs={"region": Ref("region")},
    ),
    OrgSheet(
        "programme",
        SheetSpec(
            _("Programmes"),
            [
                Column("name", _("name"), True, width=36),
                Column("region", _("region code"), True),
                Column("start_year", _("first year"), True),
                Column("end_year", _("last year"), True),
                Column("leading_group", _("leading group"), width=30),
                Column("office", _("programme office"), width=30),
                Column("description", _("description"), width=40),
            ],
        ),
        key=("region", "name"),
        refs={"region": Ref("region"), "leading_group": Ref("unit"), "office": Ref("unit")},
    ),
    OrgSheet(
        "taskforce",
        SheetSpec(
            _("Task forces"),
            [
                P,
                Column("kind", _("kind"), True, choices=TaskForceKind.choices),
                Column("name", _("name"), True, width=20),
                Column("industry", _("industry")),
                Column("lead_officials", _("lead officials"), note=_("One or two names separated by 、")),
                Column("lead_unit", _("lead unit"), width=24),
                Column("member_units", _("member units"), width=40, note=_("Separated by 、")),
                Column("contact", _("contact person")),
                Column("sort_order", _("order")),
            ],
        ),
        key=("programme", "name"),
        refs={
            "programme": Ref("programme"),
            "industry": Ref("industry"),
            "lead_officials": Ref("person", many=True),
            "lead_unit": Ref("unit"),
            "member_units": Ref("unit", many=True),
            "contact": Ref("person"),
        },
    ),
    OrgSheet(
        "thinktank",
        SheetSpec(
            _("Think tanks"),
            [
                P,
                Column("task_force", _("task force"), True),
                Column("name", _("name"), True, width=30),
                Column("description", _("description"), width=40),
            ],
        ),
        key=("task_force", "name"),
        refs={"programme": Ref("programme"), "task_force": Ref("task_force")},
    ),
    OrgSheet(
        "expert",
        SheetSpec(
            _("Experts"),
            [
                P,
                Column("think_tank", _("think tank"), True, width=30),
                Column("name", _("name"), True),
                Column("affiliation", _("affiliation"), width=30),
                Column("field", _("field"), width=24),
                Column("is_chief", _("chief expert"), choices=[("是", "是"), ("否", "否")]),
            ],
        ),
        key=("think_tank", "name"),
        refs={"programme": Ref("programme"), "think_tank": Ref("think_tank")},
    ),
    OrgSheet(
        "alliance",
        SheetSpec(
            _("Alliances"),
            [
                P,
                Column("task_force", _("task force"), True),
                Column("name", _("name"), True, width=30),
                Column("head", _("head"), width=24),
                Column("member_count", _("members")),
            ],
        ),
        key=("task_force", "name"),
        refs={"programme": Ref("programme"), "task_force": Ref("task_force")},
    ),
    OrgSheet(
        "fund",
        SheetSpec(
            _("Funds"),
            [
                P,
                Column("task_force", _("task force")),
                Column("name", _("name"), True, width=30),
                Column("size", _("size (10k CNY)")),
                Column("manager", _("fund manager"), width=30),
            ],
        ),
        key=("programme", "name"),
        refs={"programme": Ref("programme"), "task_force": Ref("task_force")},
    ),
    OrgSheet(
        "document",
        SheetSpec(
            _("Sector plans"),
            [
                P,
                Column("task_force", _("task force")),
                Column("title", _("title"), True, width=40),
                Column("doc_number", _("document number"), width=20),
                Column("issuer", _("issuer"), width=24),
                Column("issued_on", _("issued on"), note=_("YYYY-MM-DD")),
            ],
        ),
        key=("programme", "title", "kind"),
        refs={"programme": Ref("programme"), "task_force": Ref("task_force")},
        fixed={"kind": DocumentKind.PLAN},
    ),
    OrgSheet(
        "policy",
        SheetSpec(
            _("Policies"),
            [
                P,
                Column("task_force", _("task force")),
                Column("title", _("title"), True, width=40),
                Column("doc_number", _("document number"), width=20),
                Column("issuer", _("issuer"), True, width=24),
                Column("domain", _("domain"), True, choices=PolicyDomain.choices),
                Column("industries", _("industries"), note=_("Separated by 、")),
                Column("valid_from", _("valid from"), note=_("YYYY-MM-DD")),
                Column("valid_until", _("valid until"), note=_("YYYY-MM-DD")),
                Column("summary", _("summary"), width=40),
            ],
        ),
        key=("programme", "title"),
        refs={"programme": Ref("programme"), "task_force": Ref("task_force"), "industries": Ref("industry", many=True)},
    ),
]

SPECS = [sheet.spec for sheet in ORG_SHEETS]


def template() -> bytes:
    return build_workbook(SPECS)


def split_names(text: Any) -> list[str]:
    text = str(text or "")
    for separator in LIST_SEPARATORS[1:]:
        text = text.replace(separator, LIST_SEPARATORS[0])
    return [name.strip() for name in text.split(LIST_SEPARATORS[0]) if name.strip()]


def _cell(value: Any) -> Any:
    if isinstance(value, Model):
        return value.code if isinstance(value, Region) else str(value)
    return value


def _export_rows(user: Any) -> dict[str, list[list[Any]]]:
    def visible(model: type[Model], *related: str) -> QuerySet:
        return access.visible(user, model.objects.select_related(*related))

    rows: dict[str, list[list[Any]]] = {}
    for sheet in ORG_SHEETS:
        model = {
            "region": Region,
            "unit": Unit,
            "person": Person,
            "industry": Industry,
            "programme": Programme,
            "taskforce": TaskForce,
            "thinktank": ThinkTank,
            "expert": Expert,
            "alliance": Alliance,
            "fund": Fund,
            "document": Document,
            "policy": Policy,
        }[sheet.record]
        qs = visible(model)
        if sheet.fixed:
            qs = qs.filter(**sheet.fixed)
        rows[str(sheet.spec.name)] = [[_export_value(obj, column.key) for column in sheet.spec.columns] for obj in qs]
    return rows


def _export_value(obj: Model, key: str) -> Any:
    if key == "programme" and not hasattr(obj, "programme"):
        holder = getattr(obj, "task_force", None) or obj.think_tank.task_force
        return str(holder.programme)
    value = getattr(obj, key)
    if hasattr(value, "all"):
        return _names(value.all())
    if key == "is_chief":
        return "是" if value else "否"
    if isinstance(value, Model):
        return _cell(value)
    field = obj._meta.get_field(key)
    if field.choices:
        return getattr(obj, f"get_{key}_display")()
    return value


def export(*, user: Any) -> bytes:
    return build_workbook(SPECS, _export_rows(user))
