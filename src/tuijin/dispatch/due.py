"""What must be in by when: a registry of due-item providers. A cadence event names the kinds of
items it needs (`Cadence.provides`); each provider lists the ones still outstanding and who owes
them. Apps add their own: the project library's monthly reports and the task forces' thematic
reports are here; the plans app adds task reports the same way. Deadline sources list things with
dates of their own (a problem's due date, a consultation measure) for the reminders."""

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tuijin.core.periods import add_months, format_period
from tuijin.org.models import Programme, Region, TaskForce, TaskForceKind, Unit
from tuijin.projects.models import Project, ReportingMonth
from tuijin.projects.reporting.selectors import missing_reports

from .models import ThematicReport


@dataclass(frozen=True)
class Text:
    """Translatable text with named placeholders, rendered in whichever language is active."""

    template: Promise | str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        params = {key: str(value) for key, value in self.params.items()}
        return str(self.template) % params if params else str(self.template)


@dataclass(frozen=True)
class DueItem:
    key: str  # stable name of the thing owed, e.g. "report:12:2026-05"
    label: Text | str
    due_on: dt.date
    programme_id: int
    holder: str  # who owes it, as people call them
    units: tuple[Unit, ...] = ()
    task_forces: tuple[TaskForce, ...] = ()
    territories: tuple[Region, ...] = ()
    offices: tuple[Region, ...] = ()  # the office of these regions acts for their leading group
    url: str = ""
    # The record the item is about; pages list the item only to users the access module lets see it.
    subject: models.Model | None = None


@dataclass(frozen=True)
class DueProvider:
    key: str
    label: Promise | str
    # (programme, first day of the period, first day after it, due date) -> what is still missing
    outstanding: Callable[[Programme, dt.date, dt.date, dt.date], list[DueItem]]


PROVIDERS: dict[str, DueProvider] = {}
# Callables (today, horizon in days) -> open items with their own deadlines between today − horizon
# and today + horizon, across programmes.
DEADLINE_SOURCES: list[Callable[[dt.date, int], list[DueItem]]] = []


def register_provider(provider: DueProvider) -> None:
    PROVIDERS[provider.key] = provider


def register_deadline_source(source: Callable[[dt.date, int], list[DueItem]]) -> None:
    if source not in DEADLINE_SOURCES:
        DEADLINE_SOURCES.append(source)


def _project_url(project: Project) -> str:
    # The project page arrives with the library branch; until its URL exists the item has no link.
    try:
        return project.get_absolute_url()
    except NoReverseMatch:
        return ""


def _monthly_reports(programme: Programme, start: dt.date, end: dt.date, due_on: dt.date) -> list[DueItem]:
    """A cycle's monthly reports are those of its last month, due when that month's window closes."""
    period = add_months(end, -1)
    window = ReportingMonth.objects.filter(programme=programme, period=period).first()
    due_on = window.closes_on if window else due_on
    projects = missing_reports(programme=programme, period=period).select_related(
        "region", "responsible_unit", "owner", "task_force"
    )
    return [
        DueItem(
            key=f"report:{project.pk}:{format_period(period)}",
            label=Text(
                _("%(project)s: monthly report for %(period)s"),
                {"project": project.name, "period": format_period(period)},
            ),
            due_on=due_on,
            programme_id=programme.pk,
            holder=str(project.responsible_unit or project.owner or project.region),
            units=tuple(u for u in (project.responsible_unit, project.owner) if u is not None),
            territories=(project.region,),
            url=_project_url(project),
            subject=project,
        )
        for project in projects
    ]


def thematic_task_forces(programme: Programme) -> list[TaskForce]:
    """The task forces that report to the leading group monthly and are reviewed quarterly: the
    industry and pillar task forces (service lines serve them)."""
    return list(
        TaskForce.objects.filter(programme=programme, kind__in=[TaskForceKind.INDUSTRY, TaskForceKind.PILLAR])
        .select_related("lead_unit")
        .order_by("kind", "sort_order", "name")
    )


def _thematic_reports(programme: Programme, start: dt.date, end: dt.date, due_on: dt.date) -> list[DueItem]:
    period = add_months(end, -1)
    handed_in = set(
        ThematicReport.objects.filter(task_force__programme=programme, period=period).values_list(
            "task_force_id", flat=True
        )
    )
    return [
        DueItem(
            key=f"thematic:{tf.pk}:{format_period(period)}",
            label=Text(
                _("%(task_force)s: thematic report for %(period)s"),
                {"task_force": tf.name, "period": format_period(period)},
            ),
            due_on=due_on,
            programme_id=programme.pk,
            holder=tf.name,
            units=(tf.lead_unit,) if tf.lead_unit else (),
            task_forces=(tf,),
            url=reverse("dispatch:thematic_submit") + f"?task_force={tf.pk}&period={format_period(period)}",
            subject=tf,
        )
        for tf in thematic_task_forces(programme)
        if tf.pk not in handed_in
    ]


register_provider(DueProvider("monthly_reports", _("Monthly project reports"), _monthly_reports))
register_provider(DueProvider("thematic_reports", _("Thematic reports of the task forces"), _thematic_reports))
