"""The dispatch settings on the generic record pages: the cadence, reminder policies, unit contacts
and group robots (whose address and secret the pages never show)."""

from tuijin.core.records import RecordType, register

from .forms import CadenceForm, WebhookForm
from .models import Cadence, ReminderPolicy, UnitContact, Webhook

register(
    RecordType(
        key="cadence",
        model=Cadence,
        fields=CadenceForm.Meta.fields,
        columns=["name", "kind", "frequency", "programme", "is_active"],
        filters=["kind"],
        select_related=["programme"],
        form=CadenceForm,
    ),
    RecordType(
        key="reminderpolicy",
        model=ReminderPolicy,
        fields=["programme", "days_before", "repeat_after_days"],
        columns=["programme", "days_before", "repeat_after_days"],
        text_fields=[],
        select_related=["programme"],
    ),
    RecordType(
        key="unitcontact",
        model=UnitContact,
        fields=["unit", "user", "kind"],
        columns=["unit", "user", "kind"],
        text_fields=["unit__name", "user__display_name"],
        filters=["kind"],
        select_related=["unit", "user"],
    ),
    RecordType(
        key="webhook",
        model=Webhook,
        fields=["unit", "name", "kind", "is_active"],
        columns=["name", "kind", "unit", "is_active"],
        filters=["kind"],
        select_related=["unit"],
        form=WebhookForm,
    ),
)
