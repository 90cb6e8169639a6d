from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from tuijin.core import access
from tuijin.core.forms import bootstrap_style
from tuijin.org.models import Person, Programme, Unit

from .models import LEVEL_ORDER, ProblemCategory, ProblemLevel, ProblemStatus

# What offices attach: documents, sheets, scans and photos.
ATTACHMENT_TYPES = {".pdf", ".doc", ".docx", ".xls", ".xlsx", ".jpg", ".jpeg", ".png", ".ofd", ".zip"}
MAX_ATTACHMENTS = 5


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_ATTACHMENTS:
            raise forms.ValidationError(_("Attach at most %(count)s files.") % {"count": MAX_ATTACHMENTS})
        for upload in files:
            if Path(upload.name).suffix.lower() not in ATTACHMENT_TYPES:
                raise forms.ValidationError(
                    _("“%(name)s” is not a kind of file that can be attached (PDF, Word, Excel, OFD, pictures, ZIP).")
                    % {"name": upload.name}
                )
            if upload.size > settings.TUIJIN_MAX_UPLOAD_BYTES:
                raise forms.ValidationError(
                    _("“%(name)s” is larger than %(mb)s MB.")
                    % {"name": upload.name, "mb": settings.TUIJIN_MAX_UPLOAD_BYTES // (1024 * 1024)}
                )
        return files


class VersionedForm(forms.Form):
    """Carries the problem's version so that a form opened before someone else acted is refused."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput)


class RaiseForm(forms.Form):
    project = forms.ModelChoiceField(label=_("project"), queryset=None)
    category = forms.ModelChoiceField(label=_("category"), queryset=None)
    title = forms.CharField(label=_("problem"), max_length=200, help_text=_("One line: what holds the project back"))
    description = forms.CharField(label=_("description"), widget=forms.Textarea(attrs={"rows": 4}))
    request = forms.CharField(label=_("what is asked"), widget=forms.Textarea(attrs={"rows": 3}))
    attachments = AttachmentsField(label=_("attachments"), required=False)

    def __init__(self, *args: Any, projects: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = projects
        self.fields["category"].queryset = ProblemCategory.objects.filter(
            programme__in=projects.values("programme"), is_active=True
        ).select_related("programme")
        bootstrap_style(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        project, category = data.get("project"), data.get("category")
        if project and category and category.programme_id != project.programme_id:
            self.add_error("category", _("Choose a category of this project's programme."))
        return data


class CommentForm(forms.Form):
    text = forms.CharField(label=_("comment"), widget=forms.Textarea(attrs={"rows": 2}))
    attachments = AttachmentsField(label=_("attachments"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        bootstrap_style(self)


class EscalateForm(VersionedForm):
    reason = forms.CharField(label=_("why the next level is needed"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        bootstrap_style(self)


class ResolveForm(VersionedForm):
    measures = forms.CharField(label=_("measures taken"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        bootstrap_style(self)


class FlagForm(VersionedForm):
    leader = forms.ModelChoiceField(label=_("responsible leader"), queryset=None)
    due_on = forms.DateField(label=_("supervision due on"))
    note = forms.CharField(label=_("note"), required=False, max_length=500)

    def __init__(self, *args: Any, user: Any, programme: Programme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The leaders the office can name: people of its area (lead officials are people records).
        self.fields["leader"].queryset = access.visible(
            user, Person.objects.filter(unit__region__path__startswith=programme.region.path)
        ).select_related("unit")
        self.fields["leader"].label_from_instance = lambda p: f"{p.name}（{p.post or p.unit}）"
        bootstrap_style(self)


class NoteForm(VersionedForm):
    note = forms.CharField(label=_("note"), required=False, max_length=500)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        bootstrap_style(self)


class ReopenForm(VersionedForm):
    reason = forms.CharField(label=_("what is still not solved"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        bootstrap_style(self)


class ProblemFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    status = forms.ChoiceField(label=_("status"), required=False)
    level = forms.ChoiceField(label=_("level"), required=False)
    category = forms.ModelChoiceField(label=_("category"), required=False, queryset=None)
    flagged = forms.BooleanField(label=_("flagged only"), required=False)
    overdue = forms.BooleanField(label=_("overdue only"), required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("Any status")), *ProblemStatus.choices]
        self.fields["level"].choices = [("", _("Any level")), *[(v, ProblemLevel(v).label) for v in LEVEL_ORDER]]
        self.fields["category"].queryset = access.visible(user, ProblemCategory.objects.all())
        self.fields["category"].empty_label = _("Any category")
        bootstrap_style(self)


class ConsultationForm(forms.Form):
    programme = forms.ModelChoiceField(label=_("programme"), queryset=None)
    held_on = forms.DateField(label=_("held on"))
    title = forms.CharField(label=_("title"), max_length=200)
    attendees = forms.CharField(
        label=_("attendees"), widget=forms.Textarea(attrs={"rows": 2}), help_text=_("Names and units, separated by 、")
    )
    notes = forms.CharField(label=_("minutes"), required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args: Any, programmes: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes
        bootstrap_style(self)


class DecisionForm(forms.Form):
    problem = forms.ModelChoiceField(label=_("problem"), queryset=None)
    decision = forms.CharField(label=_("decision"), widget=forms.Textarea(attrs={"rows": 2}))
    measure = forms.CharField(label=_("measure"), widget=forms.Textarea(attrs={"rows": 2}))
    owner_unit = forms.ModelChoiceField(label=_("measure owner"), queryset=None)
    due_on = forms.DateField(label=_("due on"))

    def __init__(self, *args: Any, user: Any, problems: Any, programme: Programme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["problem"].queryset = problems
        self.fields["problem"].label_from_instance = lambda p: f"{p.title}（{p.project.name}）"
        self.fields["owner_unit"].queryset = access.visible(
            user, Unit.objects.filter(region__path__startswith=programme.region.path)
        ).exclude(kind="enterprise")
        bootstrap_style(self)
