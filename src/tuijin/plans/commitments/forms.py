"""The forms of each step. Each carries the version the user saw, so a form opened before someone
else acted is refused (tuijin.core.services.StaleRecord)."""

from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tuijin.org.models import Programme

from .models import CommitmentState, Comparator, OwnerKind
from .selectors import Owner


def _style(form: forms.Form) -> None:
    for field in form.fields.values():
        widget = field.widget
        css = "form-select" if isinstance(widget, forms.Select) else "form-control"
        widget.attrs.setdefault("class", css)
        if isinstance(widget, forms.Textarea):
            widget.attrs["rows"] = 3


class VersionedForm(forms.Form):
    expected_version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _style(self)


class CommitmentForm(forms.Form):
    """What the owner commits to. `owners` is given on creation only: an existing commitment keeps
    its owner and year."""

    owner = forms.ChoiceField(label=_("Owner"))
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    title = forms.CharField(label=_("Commitment"), max_length=300)
    target = forms.CharField(
        label=_("Target"),
        widget=forms.Textarea,
        help_text=_(
            "Written with its figure, e.g. “at least 10 new industrial enterprises”; the figure is read from it."
        ),
    )
    target_value = forms.DecimalField(
        label=_("Target value"),
        required=False,
        max_digits=20,
        decimal_places=4,
        help_text=_("Left empty, it is read from the target."),
    )
    target_unit = forms.CharField(label=_("Target unit"), required=False, max_length=20)
    target_comparator = forms.ChoiceField(
        label=_("Comparator"), required=False, choices=[("", "—"), *Comparator.choices]
    )
    measures = forms.CharField(label=_("Measures"), widget=forms.Textarea)
    responsible = forms.CharField(label=_("Responsible person"), max_length=100)
    expected_version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, owners: list[Owner] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if owners is None:
            del self.fields["owner"], self.fields["year"]
        else:
            self.owners = {owner.key: owner for owner in owners}
            self.fields["owner"].choices = [(o.key, o.name) for o in owners]
            self.fields["year"].initial = timezone.localdate().year
        _style(self)

    def chosen_owner(self) -> Owner:
        return self.owners[self.cleaned_data["owner"]]

    def content(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "target": data["target"],
            "target_value": data["target_value"],
            "target_unit": data["target_unit"],
            "target_comparator": data["target_comparator"],
            "measures": data["measures"],
            "responsible": data["responsible"],
        }


class NoteForm(VersionedForm):
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea)


class ReturnForm(VersionedForm):
    comment = forms.CharField(label=_("What to change"), widget=forms.Textarea)


class ProgressForm(VersionedForm):
    progress = forms.IntegerField(label=_("Progress (%)"), min_value=0, max_value=100)
    narrative = forms.CharField(label=_("What was done"), widget=forms.Textarea)


class EvaluateForm(VersionedForm):
    score = forms.DecimalField(
        label=pgettext_lazy("commitment", "Score"),
        min_value=Decimal(0),
        max_value=Decimal(100),
        max_digits=5,
        decimal_places=1,
    )
    comment = forms.CharField(label=_("Evaluation"), widget=forms.Textarea)


class CommitmentFilterForm(forms.Form):
    programme = forms.ModelChoiceField(label=_("Programme"), queryset=Programme.objects.none(), required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    owner_kind = forms.ChoiceField(
        label=_("Owner kind"), required=False, choices=[("", _("All owner kinds")), *OwnerKind.choices]
    )
    state = forms.ChoiceField(
        label=pgettext_lazy("commitment", "State"),
        required=False,
        choices=[("", _("All states")), *CommitmentState.choices],
    )
    q = forms.CharField(label=_("Search"), required=False)

    def __init__(self, *args: Any, programmes: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes
        self.fields["programme"].empty_label = None
        _style(self)
