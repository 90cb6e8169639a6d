import datetime as dt
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tuijin.core.periods import parse_period
from tuijin.org.selectors import home_programme
from tuijin.projects.models import Project

from . import selectors

# What the mapping screen calls each field of tuijin.legacy, in the user's language.
FIELD_CHOICES = [
    ("ignore", _("— do not import —")),
    ("seq", _("Serial number")),
    ("code", _("Project code")),
    ("name", _("Project name")),
    ("content", _("Construction content")),
    ("region", _("Location")),
    ("owner", _("Owner enterprise")),
    ("responsible_unit", _("Responsible unit")),
    ("responsible_person", _("Responsible person")),
    ("total_investment", _("Total investment")),
    ("annual_plan", _("Annual planned investment")),
    ("investment_month", _("Investment this month")),
    ("investment_ytd", _("Investment this year to date")),
    ("investment_since_start", _("Investment since start")),
    ("start", _("Start")),
    ("completion", _("Completion")),
    ("stage", _("Stage")),
    ("progress_note", _("Physical progress")),
    ("problems", _("Problems")),
    ("industry", _("Industry")),
    ("remark", _("Remarks")),
]
_SELECT = {"class": "form-select form-select-sm"}


class PeriodField(forms.Field):
    """A month typed as YYYY-MM, cleaned to the date of its first day."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.TextInput(attrs={"class": "form-control", "placeholder": "YYYY-MM"}))
        kwargs.setdefault("help_text", _("The month the workbook reports on, YYYY-MM."))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> dt.date | None:
        text = (value or "").strip()
        if not text:
            return None
        try:
            return parse_period(text)
        except ValueError:
            raise forms.ValidationError(_("Write the month as YYYY-MM, e.g. 2024-10.")) from None


class UploadForm(forms.Form):
    programme = forms.ModelChoiceField(
        label=_("Programme"), queryset=None, widget=forms.Select(attrs={"class": "form-select"})
    )
    workbook = forms.FileField(
        label=_("Workbook (.xlsx or .xls)"),
        widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": ".xlsx,.xls,.xlsm"}),
    )
    period = PeriodField(label=_("Month (when the title does not say it)"), required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        programmes = selectors.importable_programmes(user)
        self.fields["programme"].queryset = programmes
        home = home_programme(user=user, programmes=programmes)
        self.fields["programme"].initial = home.pk if home else None

    def clean_workbook(self) -> Any:
        upload = self.cleaned_data["workbook"]
        if upload.size > settings.TUIJIN_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is too large."))
        if not upload.name.lower().endswith((".xlsx", ".xls", ".xlsm")):
            raise forms.ValidationError(_("Upload an Excel workbook (.xlsx or .xls)."))
        return upload


class MappingForm(forms.Form):
    """One dropdown per column of each sheet, named `<signature>-<column index>`."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    period = PeriodField(label=_("Month"))

    def __init__(self, *args: Any, screens: list[selectors.SheetMapping], period: str | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.screens = screens
        self.fields["period"].initial = period
        for screen in screens:
            for column in screen.columns:
                self.fields[self.key(screen, column["index"])] = forms.ChoiceField(
                    label=column["header"], choices=FIELD_CHOICES, initial=column["field"], widget=forms.Select(_SELECT)
                )

    @staticmethod
    def key(screen: selectors.SheetMapping, index: int) -> str:
        return f"{screen.layout.signature}-{index}"

    def rows(self) -> list[dict[str, Any]]:
        """Per sheet, its columns beside their dropdowns, for the template."""
        return [
            {
                "screen": screen,
                "columns": [(column, self[self.key(screen, column["index"])]) for column in screen.columns],
            }
            for screen in self.screens
        ]

    def mappings(self) -> dict[str, dict[int, str]]:
        return {
            screen.layout.signature: {
                column["index"]: self.cleaned_data[self.key(screen, column["index"])] for column in screen.columns
            }
            for screen in self.screens
        }


class ConfirmForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class ProjectRevisionForm(forms.ModelForm):
    """What an import may change on a project the library already has."""

    class Meta:
        model = Project
        fields = ["total_investment", "responsible_unit"]
