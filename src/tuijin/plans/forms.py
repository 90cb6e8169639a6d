from pathlib import Path
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tuijin.core import access
from tuijin.core.forms import bootstrap_style
from tuijin.core.periods import add_months, month_start, parse_period
from tuijin.org.models import Person, Programme, TaskForce

from .imports import ACCEPTED_SUFFIXES, MAX_UPLOAD_BYTES
from .matching import candidate_units
from .models import Document, DocumentKind, ImportDraft


class StyledForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        bootstrap_style(self)


class UploadForm(StyledForm):
    programme = forms.ModelChoiceField(label=_("Programme"), queryset=Programme.objects.none())
    task_force = forms.ModelChoiceField(
        label=_("task force"),
        queryset=TaskForce.objects.none(),
        required=False,
        help_text=_("If one task force owns it"),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=DocumentKind.choices, initial=DocumentKind.WORK_PLAN)
    file = forms.FileField(label=_("Document"), help_text=_("Word (.docx) or text (.txt), simplified or traditional"))

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        programmes = access.changeable(user, Programme.objects.all()).select_related("region")
        self.fields["programme"].queryset = programmes
        self.fields["task_force"].queryset = TaskForce.objects.filter(programme__in=programmes)
        if len(programmes) == 1:
            self.fields["programme"].initial = programmes[0]

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in ACCEPTED_SUFFIXES:
            raise forms.ValidationError(_("Upload a Word document (.docx) or a text file (.txt)."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        task_force, programme = data.get("task_force"), data.get("programme")
        if task_force and programme and task_force.programme_id != programme.pk:
            self.add_error("task_force", _("This task force is not one of the programme's."))
        return data


class RowForm(StyledForm):
    title = forms.CharField(label=_("Task"), max_length=500)
    lead = forms.CharField(label=_("Lead units"), required=False, help_text=_("Separated by 、"))
    cooperating = forms.CharField(label=_("Cooperating units"), required=False, help_text=_("Separated by 、"))
    deadline_text = forms.CharField(label=_("Deadline"), required=False, max_length=100)


class MappingForm(StyledForm):
    name = forms.CharField(widget=forms.HiddenInput)
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=None, required=False)
    create = forms.BooleanField(label=_("Create it as a new unit"), required=False)

    def __init__(self, *args: Any, draft: ImportDraft, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = candidate_units(draft.programme).order_by("region__path", "name")
        self.fields["unit"].empty_label = _("— choose a unit —")


class ConfirmForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


def reporting_period(today: Any = None) -> Any:
    """The month being reported: the one just ended (reports come in at the start of the next)."""
    return add_months(month_start(today or timezone.localdate()), -1)


class PeriodField(forms.CharField):
    """A month as YYYY-MM, picked with the browser's month picker."""

    widget = forms.TextInput(attrs={"type": "month"})

    def to_python(self, value: Any) -> Any:
        value = super().to_python(value)
        if not value:
            return None
        try:
            return parse_period(value)
        except ValueError:
            raise forms.ValidationError(_("Write the month as YYYY-MM.")) from None


class TaskReportForm(StyledForm):
    period = PeriodField(label=_("Month"))
    progress = forms.IntegerField(label=_("Progress (%)"), min_value=0, max_value=100)
    done = forms.CharField(label=_("What was done"), widget=forms.Textarea(attrs={"rows": 4}))
    problems = forms.CharField(label=_("Problems met"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    next_steps = forms.CharField(label=_("Next steps"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ContributionForm(StyledForm):
    period = PeriodField(label=_("Month"))
    unit = forms.TypedChoiceField(label=_("Unit"), coerce=int)
    text = forms.CharField(label=_("What your unit did"), widget=forms.Textarea(attrs={"rows": 4}))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class PlanForm(StyledForm):
    task_book = forms.CharField(label=_("Task book"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    responsibility = forms.CharField(
        label=_("Responsibility list"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    people = forms.ModelMultipleChoiceField(
        label=_("Responsible people"), queryset=Person.objects.none(), required=False
    )
    timetable = forms.CharField(label=_("Timetable"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    standard = forms.CharField(label=_("Standard of done"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    assessment = forms.CharField(
        label=_("How it is assessed"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    starts_on = forms.DateField(label=_("Starts on"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, unit_ids: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = Person.objects.filter(unit_id__in=unit_ids).select_related("unit")


class MilestoneForm(StyledForm):
    title = forms.CharField(
        label=_("Milestone"), max_length=300, widget=forms.TextInput(attrs={"placeholder": _("New milestone")})
    )
    due_on = forms.DateField(label=_("Due date"))


class TaskFilterForm(StyledForm):
    q = forms.CharField(
        label=_("Search"), required=False, widget=forms.TextInput(attrs={"placeholder": _("Task or number")})
    )
    document = forms.ModelChoiceField(label=_("Document"), queryset=Document.objects.none(), required=False)

    def __init__(self, *args: Any, documents: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = documents
        self.fields["document"].empty_label = _("Every document")
