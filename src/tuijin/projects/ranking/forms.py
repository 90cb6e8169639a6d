"""What a ranking, dashboard or notice page is for: a programme, a month and the region whose
children are ranked. Bad input comes back as a form error in the reader's language."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from tuijin.core.money import WAN_PER_YI
from tuijin.core.periods import format_period, parse_period
from tuijin.org.models import Programme, Region, RegionLevel, TaskForceKind, UnitKind

from . import selectors
from .models import ExemptionReason
from .rules import (
    Band,
    Boards,
    BoardTarget,
    By,
    CompletionBase,
    Lights,
    Measure,
    RuleConfig,
    Scoring,
    Sequence,
    StartBase,
)


@dataclass(frozen=True)
class Query:
    programme: Programme
    period: dt.date
    parent: Region

    def params(self, **extra: Any) -> str:
        values = {"programme": self.programme.pk, "period": format_period(self.period), "parent": self.parent.code}
        return urlencode({**values, **extra})


class RankingQueryForm(forms.Form):
    programme = forms.ModelChoiceField(queryset=Programme.objects.none(), label=_("Programme"), empty_label=None)
    period = forms.CharField(label=_("Month"), widget=forms.TextInput(attrs={"type": "month"}))
    parent = forms.CharField(label=_("Region"), required=False, widget=forms.HiddenInput)

    def __init__(self, data: Any, *, user: Any) -> None:
        self.user = user
        programmes = selectors.ranking_programmes(user=user)
        data = data.copy() if data else {}
        first = programmes.first()
        if first is not None and not data.get("programme"):
            data["programme"] = first.pk
        if not data.get("period") and first is not None:
            chosen = programmes.filter(pk=data["programme"]).first() or first
            data["period"] = format_period(selectors.default_period(programme=chosen))
        super().__init__(data)
        self.fields["programme"].queryset = programmes

    def clean_period(self) -> dt.date:
        try:
            return parse_period(self.cleaned_data["period"])
        except ValueError:
            raise forms.ValidationError(_("Enter a month as YYYY-MM, for example 2025-06.")) from None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        programme = cleaned.get("programme")
        if programme is None:
            return cleaned
        code = (cleaned.get("parent") or "").strip()
        if not code:
            cleaned["parent"] = selectors.default_parent(user=self.user, programme=programme)
            return cleaned
        region = Region.objects.filter(code=code).first()
        if region is None or not selectors.parent_allowed(user=self.user, programme=programme, region=region):
            raise forms.ValidationError(
                _("The region %(code)s is not one you can rank in this programme."), params={"code": code}
            )
        cleaned["parent"] = region
        return cleaned

    def query(self) -> Query:
        return Query(self.cleaned_data["programme"], self.cleaned_data["period"], self.cleaned_data["parent"])


# --- editing a rule -----------------------------------------------------------------------------------

_KIND_CHOICES = [*TaskForceKind.choices, *UnitKind.choices]
_HUNDRED = Decimal(100)


class RuleForm(forms.Form):
    """The settings of a new rule version; each office's way of ranking, without code."""

    name = forms.CharField(label=_("Name"), max_length=100)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    start_base = forms.ChoiceField(
        label=_("Start rate: projects counted as planned to start"), choices=StartBase.choices
    )
    count_resumed = forms.BooleanField(
        label=_("Count continuing projects that resumed work (start and resumption rate, 开复工率)"), required=False
    )
    completion_base = forms.ChoiceField(
        label=_("Investment completion measured against"), choices=CompletionBase.choices
    )
    late_counts_as_missing = forms.BooleanField(label=_("Count late reports as missing"), required=False)
    yellow_points = forms.IntegerField(label=_("Yellow light from (points behind)"), min_value=0, max_value=100)
    red_points = forms.IntegerField(label=_("Red light beyond (points behind)"), min_value=0, max_value=100)
    overdue_months = forms.IntegerField(
        label=_("Red light when the planned start passed (months)"), min_value=1, max_value=24
    )
    boards = forms.BooleanField(label=_("Publish red and black boards"), required=False)
    board_measure = forms.ChoiceField(label=_("Boards ranked by"), choices=Measure.choices)
    board_target = forms.ChoiceField(label=_("The period's target"), choices=BoardTarget.choices)
    board_target_value = forms.DecimalField(
        label=_("Fixed target value"),
        required=False,
        help_text=_("In percent for a rate, in points for a score."),
        max_digits=7,
        decimal_places=2,
    )
    red_top = forms.IntegerField(label=_("Red board: the first"), min_value=0, max_value=50, initial=3)
    black_bottom = forms.IntegerField(label=_("Black board: the last"), min_value=0, max_value=50, initial=3)
    scoring = forms.BooleanField(label=_("Rank by point score as well"), required=False)
    per_new_start = forms.DecimalField(label=_("Points per new start"), max_digits=6, decimal_places=2, initial=5)
    per_continuing = forms.DecimalField(
        label=_("Points per continuing project"), max_digits=6, decimal_places=2, initial=2
    )
    bands = forms.CharField(
        label=_("Scale bands"),
        required=False,
        help_text=_("Points per project by total investment, as “100M CNY: points”, e.g. 10:3, 5:2, 1:1"),
    )
    completion_points = forms.DecimalField(
        label=_("Points × investment completion rate"), max_digits=6, decimal_places=2, initial=60
    )
    completion_cap = forms.DecimalField(
        label=_("Completion rate counted up to (%)"), max_digits=6, decimal_places=2, initial=100
    )
    per_missing_report = forms.DecimalField(
        label=_("Points per missing report"), max_digits=6, decimal_places=2, initial=-1
    )
    based_on = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def clean_bands(self) -> tuple[Band, ...]:
        bands = []
        text = self.cleaned_data["bands"].replace("，", ",").replace("：", ":")
        for part in filter(None, (p.strip() for p in text.split(","))):
            amount, _sep, points = part.partition(":")
            try:
                bands.append(Band(Decimal(amount.strip()) * WAN_PER_YI, Decimal(points.strip())))
            except (InvalidOperation, ValueError):
                raise forms.ValidationError(
                    _("“%(part)s” is not a band; write it as 100M CNY and points, e.g. 10:3."), params={"part": part}
                ) from None
        return tuple(sorted(bands, key=lambda b: b.min_investment, reverse=True))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        yellow, red = cleaned.get("yellow_points"), cleaned.get("red_points")
        if yellow is not None and red is not None and yellow > red:
            self.add_error("yellow_points", _("The yellow threshold cannot be above the red one."))
        if cleaned.get("board_target") == BoardTarget.FIXED and cleaned.get("board_target_value") is None:
            self.add_error("board_target_value", _("Give the fixed target value."))
        return cleaned


class SequenceForm(forms.Form):
    key = forms.SlugField(label=_("Key"), max_length=40)
    name = forms.CharField(label=_("Name as published"), max_length=60, required=False)
    by = forms.ChoiceField(label=_("Ranks"), choices=By.choices)
    levels = forms.MultipleChoiceField(
        label=_("Only regions of level"),
        choices=RegionLevel.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    kinds = forms.MultipleChoiceField(
        label=_("Only of kind"), choices=_KIND_CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        by, kinds = cleaned.get("by"), cleaned.get("kinds") or []
        allowed = {By.TASK_FORCE: TaskForceKind.values, By.UNIT: UnitKind.values}.get(by, [])
        if any(kind not in allowed for kind in kinds):
            self.add_error("kinds", _("These kinds do not apply to what this sequence ranks."))
        if by != By.REGION and cleaned.get("levels"):
            self.add_error("levels", _("Region levels apply only to a ranking by region."))
        return cleaned


class BaseSequenceFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        if any(self.errors):
            return
        keys = [f.cleaned_data["key"] for f in self.forms if f.cleaned_data and not self._should_delete_form(f)]
        if not keys:
            raise forms.ValidationError(_("A rule needs at least one ranking sequence."))
        if len(set(keys)) != len(keys):
            raise forms.ValidationError(_("Two ranking sequences have the same key."))

    def sequences(self) -> tuple[Sequence, ...]:
        return tuple(
            Sequence(
                key=f.cleaned_data["key"],
                by=f.cleaned_data["by"],
                name=f.cleaned_data["name"].strip(),
                levels=tuple(f.cleaned_data["levels"]),
                kinds=tuple(f.cleaned_data["kinds"]),
            )
            for f in self.forms
            if f.cleaned_data and not self._should_delete_form(f)
        )


SequenceFormSet = forms.formset_factory(SequenceForm, formset=BaseSequenceFormSet, extra=1, can_delete=True)


def rule_initial(config: RuleConfig, *, name: str, description: str, based_on: int) -> dict[str, Any]:
    boards, scoring = config.boards or Boards(), config.scoring or Scoring()
    return {
        "name": name,
        "description": description,
        "start_base": config.start_base,
        "count_resumed": config.count_resumed,
        "completion_base": config.completion_base,
        "late_counts_as_missing": config.late_counts_as_missing,
        "yellow_points": config.lights.yellow_points,
        "red_points": config.lights.red_points,
        "overdue_months": config.lights.overdue_months,
        "boards": config.boards is not None,
        "board_measure": boards.measure,
        "board_target": boards.target,
        "board_target_value": boards.target_value
        if boards.measure == Measure.SCORE
        else boards.target_value * _HUNDRED,
        "red_top": boards.red_top,
        "black_bottom": boards.black_bottom,
        "scoring": config.scoring is not None,
        "per_new_start": scoring.per_new_start,
        "per_continuing": scoring.per_continuing,
        "bands": ", ".join(
            f"{(b.min_investment / WAN_PER_YI).normalize():f}:{b.points.normalize():f}" for b in scoring.bands
        ),
        "completion_points": scoring.completion_points,
        "completion_cap": scoring.completion_cap * _HUNDRED,
        "per_missing_report": scoring.per_missing_report,
        "based_on": based_on,
    }


def sequence_initial(config: RuleConfig) -> list[dict[str, Any]]:
    return [
        {"key": s.key, "name": s.name, "by": s.by, "levels": list(s.levels), "kinds": list(s.kinds)}
        for s in config.sequences
    ]


def rule_config(form: RuleForm, sequences: BaseSequenceFormSet) -> RuleConfig:
    data = form.cleaned_data
    boards = None
    if data["boards"]:
        value = data["board_target_value"] or Decimal(0)
        boards = Boards(
            measure=data["board_measure"],
            target=data["board_target"],
            target_value=value if data["board_measure"] == Measure.SCORE else value / _HUNDRED,
            red_top=data["red_top"],
            black_bottom=data["black_bottom"],
        )
    scoring = None
    if data["scoring"]:
        scoring = Scoring(
            per_new_start=data["per_new_start"],
            per_continuing=data["per_continuing"],
            bands=data["bands"],
            completion_points=data["completion_points"],
            completion_cap=data["completion_cap"] / _HUNDRED,
            per_missing_report=data["per_missing_report"],
        )
    return RuleConfig(
        start_base=data["start_base"],
        count_resumed=data["count_resumed"],
        completion_base=data["completion_base"],
        late_counts_as_missing=data["late_counts_as_missing"],
        lights=Lights(data["yellow_points"], data["red_points"], data["overdue_months"]),
        sequences=sequences.sequences(),
        boards=boards,
        scoring=scoring,
    )


# --- a month's recorded marks -------------------------------------------------------------------------


class _MarkForm(forms.Form):
    """Names one member of one of the rule's ranking sequences, as “sequence|member”."""

    member = forms.ChoiceField(label=_("Ranked member"))
    note = forms.CharField(label=_("Why"), max_length=500, widget=forms.TextInput)

    def __init__(self, *args: Any, config: RuleConfig, query: Query, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.members = {
            f"{sequence.key}|{member.key}": (sequence, member)
            for sequence, member in selectors.ranked_members(
                config=config, programme=query.programme, parent=query.parent
            )
        }
        self.fields["member"].choices = [
            (value, f"{sequence.title} · {member.name}") for value, (sequence, member) in self.members.items()
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("member") in self.members:
            cleaned["sequence"], cleaned["member"] = self.members[cleaned["member"]]
        return cleaned


class ExemptionForm(_MarkForm):
    reason = forms.ChoiceField(label=_("Reason"), choices=ExemptionReason.choices)


class AdjustmentForm(_MarkForm):
    points = forms.DecimalField(
        label=_("Points"),
        max_digits=7,
        decimal_places=2,
        help_text=_("Positive for a bonus, negative for a deduction."),
    )

    def clean_points(self) -> Decimal:
        if self.cleaned_data["points"] == 0:
            raise forms.ValidationError(_("An adjustment of zero points changes nothing."))
        return self.cleaned_data["points"]
