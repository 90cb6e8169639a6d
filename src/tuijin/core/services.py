"""State changes shared by every app: saving a record from a form with the stale-form check,
the scope check after the save, and the audit reason."""

from typing import Any

from django.db import models, transaction
from django.forms import ModelForm
from django.utils.translation import gettext as _

from . import access


class StaleRecord(Exception):
    """Someone else saved the record after this form was opened."""

    def __init__(self) -> None:
        super().__init__(
            _("Someone else changed this record after you opened it. Reload it and make your change again.")
        )


def attribute_change(instance: models.Model, *, user: Any, reason: str = "") -> None:
    """Name who and why for the history row the next save writes."""
    instance._history_user = user if getattr(user, "is_authenticated", False) else None
    instance._change_reason = reason


@transaction.atomic
def record_save(*, user: Any, form: ModelForm, expected_version: int | None, reason: str = "") -> models.Model:
    instance = form.instance
    if instance.pk is not None:
        current = (
            type(instance)
            ._default_manager.select_for_update()
            .filter(pk=instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        if current is None or current != expected_version:
            raise StaleRecord()
        instance.version = current + 1
    attribute_change(instance, user=user, reason=reason)
    saved = form.save()
    # Re-checked inside the transaction: a save that moves a record out of the user's scope is undone.
    if not access.can_change(user, saved):
        raise access.AccessDenied(str(saved))
    return saved
