"""Reads of the audit trail and of what a user is shown at the top of every page."""

import datetime as dt
from typing import Any

from django.db.models import QuerySet

from . import access
from .models import AuditAction, AuditEntry

AUDIT_ROLES = ("office", "auditor")


def may_read_audit(user: Any) -> bool:
    return access.may_any(user, AUDIT_ROLES)


def audit_entries(
    *,
    user: Any,
    username: str = "",
    model: str = "",
    action: str = "",
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> QuerySet[AuditEntry]:
    if not may_read_audit(user):
        return AuditEntry.objects.none()
    qs = AuditEntry.objects.all()
    if username:
        qs = qs.filter(username__icontains=username)
    if model:
        qs = qs.filter(model=model)
    if action:
        qs = qs.filter(action=action)
    if since:
        qs = qs.filter(at__date__gte=since)
    if until:
        qs = qs.filter(at__date__lte=until)
    return qs


def audited_models() -> list[str]:
    return list(AuditEntry.objects.exclude(model="").order_by("model").values_list("model", flat=True).distinct())


def record_history(*, instance: Any) -> QuerySet[AuditEntry]:
    """Every change to one record, newest first (the detail page's history tab)."""
    return AuditEntry.objects.filter(model=instance._meta.label, object_id=str(instance.pk)).select_related("user")


def previous_login(*, user: Any) -> dict[str, Any] | None:
    """The login before the current one and the failed attempts since, for the last-login notice."""
    logins = list(AuditEntry.objects.filter(user=user, action=AuditAction.LOGIN).order_by("-at").values("at", "ip")[:2])
    if len(logins) < 2:
        return None
    before = logins[1]
    failures = AuditEntry.objects.filter(
        username=user.get_username(), action=AuditAction.LOGIN_FAILED, at__gt=before["at"], at__lt=logins[0]["at"]
    ).count()
    return {"at": before["at"], "ip": before["ip"], "failures": failures}
