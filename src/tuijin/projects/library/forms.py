"""Forms of the project library: the list's filters, and the lifecycle's changes (stage moves, lists,
annual plans, the project itself). Bad input comes back as a form error in the reader's language."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tuijin.core import access
from tuijin.core.forms import record_form_class
from tuijin.org.models import Industry, Programme, TaskForce

from ..models import Origin, Project, ProjectList, Stage
from . import selectors
from .selectors import DEFAULT_SORT, SORTS, Holder, ProjectFilter

NEW_START_CHOICES = [("", _("New and continuing")), ("new", _("New start")), ("continuing", _("Continuing"))]


def _styled(form: forms.Form, small: bool = False) -> None:
    size = " form-control-sm" if small else ""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            widget.attrs.setdefault("class", "form-check-input")
        elif isinstance(widget, forms.Select):
            widget.attrs.setdefault("class", f"form-select{size.replace('control', 'select')}")
        elif not isinstance(widget, forms.HiddenInput):
            widget.attrs.setdefault("class", f"form-control{size}")


class ProjectFilterForm(forms.Form):
    q = forms.CharField(label=_("Code or name"), required=False, max_length=100)
    programme = forms.ModelChoiceField(label=_("Programme"), queryset=Programme.objects.none(), required=False)
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=selectors.Region.objects.none(), required=False, to_field_name="code"
    )
    task_force = forms.ModelChoiceField(label=_("Task force"), queryset=TaskForce.objects.none(), required=False)
    industry = forms.ModelChoiceField(label=_("Industry"), queryset=Industry.objects.none(), required=False)
    stage = forms.ChoiceField(label=_("Stage"), choices=[("", _("All stages")), *Stage.choices], required=False)
    project_list = forms.ModelChoiceField(label=_("List"), queryset=ProjectList.objects.none(), required=False)
    year = forms.IntegerField(label=_("List year"), required=False, min_value=2000, max_value=2100)
    new_start = forms.ChoiceField(label=_("New or continuing"), choices=NEW_START_CHOICES, required=False)
    origin = forms.ChoiceField(
        label=_("Origination channel"), choices=[("", _("All channels")), *Origin.choices], required=False
    )
    min_investment = forms.DecimalField(
        label=_("Investment from (10k CNY)"), required=False, min_value=0, max_digits=16, decimal_places=2
    )
    max_investment = forms.DecimalField(
        label=_("Investment to (10k CNY)"), required=False, min_value=0, max_digits=16, decimal_places=2
    )
    sort = forms.ChoiceField(
        required=False,
        widget=forms.HiddenInput,
        choices=[(f"{sign}{key}", key) for key in SORTS for sign in ("", "-")],
    )

    def __init__(self, data: Any, *, user: Any) -> None:
        super().__init__(data)
        self.fields["programme"].queryset = selectors.programme_choices(user=user)
        region = self.fields["region"]
        region.queryset = selectors.filter_regions(user=user)
        # Any region the user sees is accepted (a town by its code in the address); the dropdown
        # offers the levels one usually filters by.
        region.widget.choices = [("", _("All regions")), *selectors.region_choices(user=user)]
        self.fields["task_force"].queryset = access.visible(user, TaskForce.objects.select_related("programme"))
        self.fields["industry"].queryset = access.visible(user, Industry.objects.all())
        self.fields["project_list"].queryset = access.visible(user, ProjectList.objects.select_related("programme"))
        _styled(self, small=True)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        low, high = cleaned.get("min_investment"), cleaned.get("max_investment")
        if low is not None and high is not None and low > high:
            raise forms.ValidationError(_("The lower bound of the investment is above the upper bound."))
        return cleaned

    def project_filter(self) -> ProjectFilter:
        """The filter to apply: what is valid of what was asked (a bad field is shown as an error
        and left out, the rest still narrows the list)."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        new_start = {"new": True, "continuing": False}.get(data.get("new_start") or "")
        return ProjectFilter(
            text=data.get("q") or "",
            programme=data.get("programme"),
            region=data.get("region"),
            task_force=data.get("task_force"),
            industry=data.get("industry"),
            stage=data.get("stage") or "",
            project_list=data.get("project_list"),
            year=data.get("year"),
            new_start=new_start,
            origin=data.get("origin") or "",
            min_investment=data.get("min_investment"),
            max_investment=data.get("max_investment"),
            sort=data.get("sort") or DEFAULT_SORT,
        )


class StageMoveForm(forms.Form):
    """Offers only the moves the lifecycle allows from the project's stage; the service re-checks."""

    to_stage = forms.ChoiceField(label=_("Move to"))
    on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    reason = forms.CharField(label=_("Reason"), required=False, max_length=300)
    expected_version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"on": timezone.localdate(), "expected_version": project.version})
        super().__init__(*args, **kwargs)
        self.fields["to_stage"].choices = selectors.allowed_moves(project)
        _styled(self)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("to_stage") == Stage.EXITED and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Say why the project leaves the library."))
        return cleaned


def _this_year() -> int:
    return timezone.localdate().year


class ListAddForm(forms.Form):
    project_list = forms.ModelChoiceField(label=_("List"), queryset=ProjectList.objects.none())
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    reason = forms.CharField(label=_("Reason"), required=False, max_length=300)

    def __init__(self, *args: Any, user: Any, project: Project, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"year": _this_year(), "on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["project_list"].queryset = selectors.project_lists_for(user=user, project=project)
        _styled(self)


class ListRemoveForm(forms.Form):
    on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    reason = forms.CharField(label=_("Reason"), max_length=300)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        _styled(self)


class AnnualPlanForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    planned_investment = forms.DecimalField(
        label=_("Annual planned investment (10k CNY)"), min_value=0, max_digits=16, decimal_places=2
    )
    plans_start = forms.BooleanField(label=_("Planned to start this year"), required=False)
    plans_completion = forms.BooleanField(label=_("Planned to complete this year"), required=False)
    # The plan's version when the form was opened; empty for a year without a plan yet.
    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _styled(self)


PROJECT_FIELDS = [
    "programme",
    "code",
    "name",
    "content",
    "region",
    "industry",
    "task_force",
    "owner",
    "responsible_unit",
    "responsible_person",
    "total_investment",
    "is_new_start",
    "origin",
    "origin_detail",
    "originated_by",
    "approved_on",
    "planned_start",
    "planned_completion",
    "actual_start",
    "actual_completion",
    "latitude",
    "longitude",
]
ProjectForm = record_form_class(Project, PROJECT_FIELDS, widgets={"content": forms.Textarea(attrs={"rows": 3})})


class ProjectCreateForm(ProjectForm):
    """A new project also says at which stage it enters the library, and when."""

    stage = forms.ChoiceField(label=_("Stage"), choices=[c for c in Stage.choices if c[0] != Stage.EXITED])
    entered_on = forms.DateField(
        label=_("Entered the library on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"entered_on": timezone.localdate()})
        super().__init__(*args, user=user, **kwargs)
        self.fields["stage"].widget.attrs["class"] = "form-select"
        self.fields["entered_on"].widget.attrs["class"] = "form-control"

    def project_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in PROJECT_FIELDS}


class OriginationQueryForm(forms.Form):
    programme = forms.ModelChoiceField(label=_("Programme"), queryset=Programme.objects.none(), empty_label=None)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    holder = forms.ChoiceField(
        label=_("Targets of"),
        choices=[(Holder.TERRITORY, _("Territories")), (Holder.DEPARTMENT, _("Departments"))],
    )

    def __init__(self, data: Any, *, user: Any) -> None:
        programmes = selectors.programme_choices(user=user)
        data = data.copy() if data else {}
        first = programmes.first()
        if first is not None and not data.get("programme"):
            data["programme"] = first.pk
        data.setdefault("year", str(_this_year()))
        data.setdefault("holder", Holder.TERRITORY)
        super().__init__(data)
        self.fields["programme"].queryset = programmes
        _styled(self)
