"""The organisation's plain records and how their generic pages show them."""

from django.utils.translation import gettext_lazy as _

from tuijin.core.records import RecordType, register
from tuijin.plans.models import Document

from . import models
from .forms import TaskForceForm

register(
    RecordType(
        key="region",
        model=models.Region,
        fields=["code", "name", "level", "parent"],
        columns=["code", "name", "level", "parent"],
        filters=["level"],
        select_related=["parent"],
        children=[("children", "region"), ("units", "unit")],
    ),
    RecordType(
        key="unit",
        model=models.Unit,
        fields=["name", "short_name", "aliases", "kind", "region", "credit_code"],
        columns=["name", "kind", "region"],
        filters=["kind"],
        select_related=["region"],
        children=[("people", "person")],
    ),
    RecordType(
        key="person",
        model=models.Person,
        fields=["name", "post", "unit", "phone"],
        columns=["name", "post", "unit", "phone"],
        select_related=["unit"],
    ),
    RecordType(
        key="industry",
        model=models.Industry,
        fields=["name", "region", "sort_order"],
        columns=["name", "region"],
        select_related=["region"],
    ),
    RecordType(
        key="programme",
        model=models.Programme,
        fields=["name", "region", "start_year", "end_year", "leading_group", "office", "description"],
        columns=["name", "region", "start_year", "end_year"],
        select_related=["region"],
    ),
    RecordType(
        key="taskforce",
        model=models.TaskForce,
        fields=TaskForceForm.Meta.fields,
        columns=["name", "kind", "programme", "lead_unit"],
        filters=["kind"],
        select_related=["programme", "lead_unit"],
        form=TaskForceForm,
    ),
    RecordType(
        key="thinktank",
        model=models.ThinkTank,
        fields=["task_force", "name", "description"],
        columns=["name", "task_force"],
        select_related=["task_force"],
        children=[("experts", "expert")],
    ),
    RecordType(
        key="expert",
        model=models.Expert,
        fields=["think_tank", "name", "affiliation", "field", "is_chief"],
        columns=["name", "think_tank", "affiliation", "is_chief"],
        select_related=["think_tank"],
    ),
    RecordType(
        key="alliance",
        model=models.Alliance,
        fields=["task_force", "name", "head", "member_count"],
        columns=["name", "task_force", "head"],
        select_related=["task_force"],
    ),
    RecordType(
        key="fund",
        model=models.Fund,
        fields=["programme", "task_force", "name", "size", "manager"],
        columns=["name", "task_force", "size", "manager"],
        select_related=["task_force"],
    ),
    RecordType(
        key="policy",
        model=models.Policy,
        fields=[
            "programme",
            "task_force",
            "title",
            "doc_number",
            "issuer",
            "domain",
            "industries",
            "valid_from",
            "valid_until",
            "summary",
        ],
        columns=["title", "domain", "issuer", "valid_until"],
        text_fields=["title", "issuer", "doc_number"],
        filters=["domain"],
    ),
    RecordType(
        key="document",
        model=Document,
        fields=["programme", "task_force", "kind", "title", "doc_number", "issuer", "issued_on"],
        columns=["title", "kind", "task_force", "issued_on"],
        text_fields=["title", "doc_number"],
        filters=["kind"],
        select_related=["task_force"],
        title=_("documents and sector plans"),
    ),
)
