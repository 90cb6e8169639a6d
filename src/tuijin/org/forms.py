from django import forms
from django.utils.translation import gettext_lazy as _

from tuijin.core.forms import RecordForm

from .models import TaskForce


class TaskForceForm(RecordForm):
    class Meta:
        model = TaskForce
        fields = [
            "programme",
            "kind",
            "name",
            "industry",
            "lead_officials",
            "lead_unit",
            "member_units",
            "contact",
            "sort_order",
        ]

    def clean_lead_officials(self) -> object:
        officials = self.cleaned_data["lead_officials"]
        if len(officials) > 2:
            raise forms.ValidationError(_("A task force has one or two lead officials."))
        return officials

    def clean(self) -> dict:
        data = super().clean()
        if data.get("kind") == "industry" and not data.get("industry"):
            self.add_error("industry", _("An industry task force names its industry."))
        return data


class OrgImportForm(forms.Form):
    workbook = forms.FileField(
        label=_("Workbook (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": ".xlsx"}),
    )

    def clean_workbook(self) -> object:
        from django.conf import settings

        upload = self.cleaned_data["workbook"]
        if upload.size > settings.TUIJIN_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is too large."))
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Upload an Excel workbook (.xlsx)."))
        return upload
