from typing import Any

from django import template
from django.utils import timezone

from tuijin.projects.models import Project

from .. import rules, selectors
from ..models import ProblemLevel, ProblemStatus

register = template.Library()

STATUS_CLASSES = {
    ProblemStatus.OPEN: "text-bg-warning",
    ProblemStatus.RESOLVED: "text-bg-info",
    ProblemStatus.CLOSED: "text-bg-success",
}
LEVEL_CLASSES = {
    ProblemLevel.TOWN: "text-bg-light border",
    ProblemLevel.TASK_FORCE: "text-bg-primary",
    ProblemLevel.LEADING_GROUP: "text-bg-danger",
}


@register.filter
def status_class(status: str) -> str:
    return STATUS_CLASSES.get(status, "text-bg-secondary")


@register.filter
def level_class(level: str) -> str:
    return LEVEL_CLASSES.get(level, "text-bg-secondary")


@register.simple_tag(takes_context=True)
def project_problem_panel(context: dict[str, Any], project: Project) -> dict[str, Any]:
    """What the project page's problem panel shows to the user looking at it."""
    user = context["request"].user
    return {
        "problems": list(selectors.project_problems(user=user, project=project)[:20]),
        "may_raise": rules.may_raise(user, project),
        "today": timezone.localdate(),
    }


@register.filter
def level_label(level: str) -> str:
    """A level key stored in a digest's snapshot, in the reader's language."""
    return str(ProblemLevel(level).label) if level in ProblemLevel.values else level
