"""Writes the audit trail: record changes (from django-simple-history, so jobs and the shell are
covered too), many-to-many changes, logins, logouts, failed logins and permission denials."""

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db import models
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.http import HttpRequest
from simple_history.models import HistoricalRecords
from simple_history.signals import post_create_historical_record

from .models import AuditAction, AuditEntry, TrackedModel

_ACTIONS = {"+": AuditAction.CREATE, "~": AuditAction.UPDATE, "-": AuditAction.DELETE}
_HIDDEN_FIELDS = {"id", "version", "created_at", "updated_at", "search_key", "path"}


def _current_request() -> HttpRequest | None:
    return getattr(HistoricalRecords.context, "request", None)


def _client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


MASK = "••••••"


def _display(model: type[models.Model], name: str, value: Any, instance: models.Model | None = None) -> Any:
    """What a value was, in words that stay true later: a related record by its name, not its id
    (taken from `instance` when it already holds that record, as a save usually does: a bulk import
    writes a dozen of these a row). Labels and choice names are translated when shown, not stored.
    Fields a model names in `MASKED_FIELDS` (a robot's key, a signing secret) are recorded as changed,
    never with their value."""
    if value is None or value == "":
        return None
    if name in getattr(model, "MASKED_FIELDS", ()):
        return MASK
    if hasattr(model, "audit_value"):  # a model that keeps codes in a field says what they mean
        value = model.audit_value(name, value)
    try:
        field = model._meta.get_field(name)
    except Exception:  # a field removed since
        return str(value)
    if field.is_relation and field.many_to_one:
        held = field.get_cached_value(instance, None) if instance is not None else None
        if held is not None and held.pk == value:
            return str(held)
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related else str(value)
    if isinstance(value, bool | int | str):
        return value
    return str(value)


def _changes(history_instance: Any, instance: models.Model) -> list[dict[str, Any]]:
    model = type(instance)
    if history_instance.history_type == "~" and history_instance.prev_record is not None:
        delta = history_instance.diff_against(history_instance.prev_record)
        return [
            {
                "field": c.field,
                "old": _display(model, c.field, c.old),
                "new": _display(model, c.field, c.new, instance),
            }
            for c in delta.changes
            if c.field not in _HIDDEN_FIELDS
        ]
    if history_instance.history_type == "+":
        return [
            {
                "field": f.name,
                "old": None,
                "new": _display(model, f.name, getattr(history_instance, f.attname), instance),
            }
            for f in model._meta.concrete_fields
            if f.name not in _HIDDEN_FIELDS and getattr(history_instance, f.attname, None) not in (None, "")
        ]
    return []


def record_label(instance: models.Model) -> str:
    return instance._meta.label


def write_entry(
    *,
    action: str,
    user: Any = None,
    username: str = "",
    instance: models.Model | None = None,
    changes: list[dict[str, Any]] | None = None,
    reason: str = "",
    request: HttpRequest | None = None,
    path: str = "",
) -> AuditEntry:
    request = request or _current_request()
    if user is not None and not getattr(user, "is_authenticated", False):
        user = None
    return AuditEntry.objects.create(
        action=action,
        user=user,
        username=username or (user.get_username() if user else ""),
        model=record_label(instance) if instance is not None else "",
        object_id=str(instance.pk) if instance is not None else "",
        object_repr=str(instance)[:255] if instance is not None else "",
        changes=changes or [],
        reason=reason or "",
        ip=_client_ip(request),
        path=(path or (request.get_full_path() if request else ""))[:500],
    )


@receiver(post_create_historical_record)
def _on_history(sender: Any, instance: models.Model, history_instance: Any, **kwargs: Any) -> None:
    user = history_instance.history_user
    write_entry(
        action=_ACTIONS[history_instance.history_type],
        user=user,
        instance=instance,
        changes=_changes(history_instance, instance),
        reason=history_instance.history_change_reason or "",
    )


@receiver(m2m_changed)
def _on_m2m(
    sender: Any, instance: models.Model, action: str, reverse: bool, model: type, pk_set: set | None, **kwargs: Any
) -> None:
    if reverse or not isinstance(instance, TrackedModel) or action not in {"post_add", "post_remove"}:
        return
    if not pk_set:
        return
    field = next(f for f in type(instance)._meta.many_to_many if f.remote_field.through is sender)
    names = sorted(str(obj) for obj in model._default_manager.filter(pk__in=pk_set))
    key = "added" if action == "post_add" else "removed"
    request = _current_request()
    user = getattr(instance, "_history_user", None) or (getattr(request, "user", None) if request else None)
    write_entry(
        action=AuditAction.UPDATE,
        user=user,
        instance=instance,
        changes=[{"field": field.name, key: names}],
        reason=getattr(instance, "_change_reason", "") or "",
    )


@receiver(user_logged_in)
def _on_login(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    write_entry(action=AuditAction.LOGIN, user=user, request=request)


@receiver(user_logged_out)
def _on_logout(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    if user is not None:
        write_entry(action=AuditAction.LOGOUT, user=user, request=request)


@receiver(user_login_failed)
def _on_login_failed(sender: Any, credentials: dict, request: HttpRequest | None = None, **kwargs: Any) -> None:
    write_entry(action=AuditAction.LOGIN_FAILED, username=str(credentials.get("username", ""))[:150], request=request)


def record_denial(*, user: Any, what: str, request: HttpRequest | None = None) -> None:
    write_entry(action=AuditAction.DENIED, user=user, reason=what, request=request)
