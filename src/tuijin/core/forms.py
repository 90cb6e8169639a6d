from typing import Any

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import choices
from .widgets import SearchSelect


def bootstrap_style(form: forms.Form) -> None:
    """Gives a plain form's widgets the page's Bootstrap classes, and dates the browser's date picker."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            css = "form-check-input"
        elif isinstance(widget, forms.Select):
            css = "form-select"
        else:
            css = "form-control"
        widget.attrs.setdefault("class", css)
        if isinstance(field, forms.DateField):
            widget.input_type = "date"


class RecordForm(forms.ModelForm):
    """A model form that carries the record's version (to refuse stale saves), an optional reason
    for the audit trail, and offers only the related records the user may see."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    change_reason = forms.CharField(
        label=_("Reason for the change"), required=False, max_length=500, widget=forms.TextInput
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        if self.instance.pk:
            self.fields["expected_version"].initial = self.instance.version
        else:
            del self.fields["change_reason"]
        for name, field in self.fields.items():
            queryset = getattr(field, "queryset", None)
            if queryset is not None:
                field.queryset = choices.in_reach(user, queryset)
                self._search_if_long(name, field)
            if isinstance(field, forms.DateField):
                field.widget = forms.DateInput(attrs=field.widget.attrs, format="%Y-%m-%d")
                field.widget.input_type = "date"
            widget = field.widget
            css = "form-select" if isinstance(widget, forms.Select | forms.SelectMultiple) else "form-control"
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            widget.attrs.setdefault("class", css)

    def _search_if_long(self, name: str, field: forms.Field) -> None:
        """A foreign key with more choices than a list can hold is picked by typing (core/choices.py)."""
        if isinstance(field, forms.ModelMultipleChoiceField) or not isinstance(field, forms.ModelChoiceField):
            return
        path = f"{self._meta.model._meta.label}.{name}"
        try:
            choices.foreign_key(path)
        except LookupError:  # a form field that is not the model's foreign key
            return
        if field.queryset.count() > choices.SEARCH_ABOVE:
            field.widget = SearchSelect(path=path, queryset=field.queryset)


def record_form_class(model: type[models.Model], fields: list[str], widgets: dict | None = None) -> type[RecordForm]:
    meta = type("Meta", (), {"model": model, "fields": fields, "widgets": widgets or {}})
    return type(f"{model.__name__}Form", (RecordForm,), {"Meta": meta})


class AuditFilterForm(forms.Form):
    username = forms.CharField(label=_("User"), required=False)
    model = forms.ChoiceField(label=_("Record type"), required=False)
    action = forms.ChoiceField(label=_("Action"), required=False)
    since = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, models: list[str], **kwargs: Any) -> None:
        from django.apps import apps

        from .models import AuditAction

        super().__init__(*args, **kwargs)
        labels = []
        for label in models:
            try:
                labels.append((label, apps.get_model(label)._meta.verbose_name))
            except LookupError:
                labels.append((label, label))
        self.fields["model"].choices = [("", _("All")), *labels]
        self.fields["action"].choices = [("", _("All")), *AuditAction.choices]
        for field in self.fields.values():
            css = (
                "form-select form-select-sm"
                if isinstance(field.widget, forms.Select)
                else "form-control form-control-sm"
            )
            field.widget.attrs["class"] = css
