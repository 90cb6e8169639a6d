from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tuijin.core.forms import RecordForm
from tuijin.core.periods import parse_period

from .due import PROVIDERS
from .models import Cadence, Webhook

WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


class CadenceForm(RecordForm):
    provides = forms.MultipleChoiceField(
        label=_("what must be in"), required=False, widget=forms.CheckboxSelectMultiple
    )
    weekday = forms.TypedChoiceField(
        label=_("weekday"), choices=[("", "—"), *WEEKDAYS], coerce=int, empty_value=None, required=False
    )

    class Meta:
        model = Cadence
        fields = [
            "programme",
            "kind",
            "name",
            "frequency",
            "weekday",
            "month",
            "day",
            "looks_back",
            "due_days_before",
            "provides",
            "focus_count",
            "is_active",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["provides"].choices = [(key, provider.label) for key, provider in PROVIDERS.items()]
        self.fields["provides"].widget.attrs["class"] = "list-unstyled"


class WebhookForm(RecordForm):
    """The robot's address and secret are write-only: the page never shows them again, and an
    empty field on an edit keeps what is stored."""

    endpoint = forms.URLField(
        assume_scheme="https",
        label=_("robot address"),
        required=False,
        max_length=500,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("The address the chat group gave for its robot, with its key or access token"),
    )
    signing_secret = forms.CharField(
        label=_("signing secret"),
        required=False,
        max_length=200,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("DingTalk robots with signing only"),
    )

    class Meta:
        model = Webhook
        fields = ["unit", "name", "kind", "endpoint", "signing_secret", "is_active"]

    def clean_endpoint(self) -> str:
        value = self.cleaned_data.get("endpoint", "")
        if not value and self.instance.pk:
            return self.instance.endpoint
        if not value:
            raise forms.ValidationError(_("Enter the robot's address."))
        return value

    def clean_signing_secret(self) -> str:
        value = self.cleaned_data.get("signing_secret", "")
        return value or (self.instance.signing_secret if self.instance.pk else "")


class ThematicReportForm(forms.Form):
    task_force = forms.ModelChoiceField(label=_("task force"), queryset=None)
    period = forms.CharField(label=_("month"), help_text=_("As 2026-05"), max_length=7)
    title = forms.CharField(label=_("title"), max_length=200)
    content = forms.CharField(label=_("content"), widget=forms.Textarea(attrs={"rows": 10}))

    def __init__(self, *args: Any, task_forces: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["task_force"].queryset = task_forces
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", css)

    def clean_period(self) -> Any:
        try:
            return parse_period(self.cleaned_data["period"])
        except ValueError:
            raise forms.ValidationError(_("Write the month as 2026-05.")) from None
