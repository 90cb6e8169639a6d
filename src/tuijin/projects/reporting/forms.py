"""What a reporting page is for (a programme and a month, for the office also a region, a task force
and a status), and the office's return and correction forms. Bad input comes back as a form error."""

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tuijin.core.periods import format_period, parse_period
from tuijin.org.models import Programme, Region, TaskForce

from ..models import ReportStatus
from . import selectors


class MonthForm(forms.Form):
    programme = forms.ModelChoiceField(queryset=Programme.objects.none(), label=_("Programme"), empty_label=None)
    period = forms.CharField(label=_("Month"), widget=forms.TextInput(attrs={"type": "month"}))

    def __init__(self, data: Any, *, user: Any) -> None:
        self.user = user
        programmes = selectors.reporting_programmes(user=user)
        data = data.copy() if data else {}
        first = programmes.first()
        if first is not None and not data.get("programme"):
            data["programme"] = first.pk
        if not data.get("period"):
            data["period"] = format_period(selectors.default_period())
        super().__init__(data)
        self.fields["programme"].queryset = programmes

    def clean_period(self) -> dt.date:
        try:
            return parse_period(self.cleaned_data["period"])
        except ValueError:
            raise forms.ValidationError(_("Enter a month as YYYY-MM, for example 2025-06.")) from None

    def params(self, **extra: Any) -> str:
        data = self.cleaned_data
        return urlencode({"programme": data["programme"].pk, "period": format_period(data["period"]), **extra})


class ReviewForm(MonthForm):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All states")), *ReportStatus.choices]
    )
    region = forms.ModelChoiceField(
        queryset=Region.objects.none(), label=_("Region"), required=False, empty_label=_("All regions")
    )
    task_force = forms.ModelChoiceField(
        queryset=TaskForce.objects.none(), label=_("Task force"), required=False, empty_label=_("All task forces")
    )

    def __init__(self, data: Any, *, user: Any) -> None:
        super().__init__(data, user=user)
        programme = self.fields["programme"].queryset.filter(pk=self.data.get("programme")).first()
        if programme is not None:
            # The programme's cities or counties (its region's children) and its task forces.
            self.fields["region"].queryset = Region.objects.filter(parent=programme.region).order_by("path")
            self.fields["task_force"].queryset = TaskForce.objects.filter(programme=programme)

    def params(self, **extra: Any) -> str:
        data = self.cleaned_data
        more = {
            "status": data.get("status") or "",
            "region": data["region"].pk if data.get("region") else "",
            "task_force": data["task_force"].pk if data.get("task_force") else "",
        }
        return super().params(**more, **extra)


class UploadForm(forms.Form):
    workbook = forms.FileField(label=_("Filled workbook (.xlsx)"))

    def clean_workbook(self) -> Any:
        upload = self.cleaned_data["workbook"]
        if upload.size > settings.TUIJIN_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is too large."))
        return upload


class ReturnForm(forms.Form):
    comment = forms.CharField(label=_("What to fix"), widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput)


class CorrectionForm(forms.Form):
    investment_month = forms.CharField(label=_("Investment completed this month (10k CNY)"))
    progress_note = forms.CharField(
        label=_("Physical progress"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    started_on = forms.CharField(label=_("Started on"), required=False)
    completed_on = forms.CharField(label=_("Completed on"), required=False)
    problems = forms.CharField(label=_("Problems"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    reason = forms.CharField(label=_("Why it is corrected"), widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput)
