"""A commitment and its events. The owner is a task force (industry, pillar or service line) or a
territorial unit (a town or zone): `task_force` is set for the first, and `region` is then the
programme's region; for the second `task_force` is empty and `region` is the town itself. So one
region lookup places every commitment for the access module."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tuijin.core.chinese import search_key
from tuijin.core.models import TrackedModel


class CommitmentState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", pgettext_lazy("commitment", "Published")
    EVALUATED = "evaluated", _("Evaluated")


class OwnerKind(models.TextChoices):
    INDUSTRY = "industry", _("Industry task force")
    PILLAR = "pillar", _("Pillar task force")
    SERVICE_LINE = "service_line", _("Service line")
    TERRITORY = "territory", _("Territorial unit")


class Comparator(models.TextChoices):
    AT_LEAST = ">=", pgettext_lazy("comparator", "at least")
    MORE_THAN = ">", pgettext_lazy("comparator", "more than")
    AT_MOST = "<=", pgettext_lazy("comparator", "at most")
    LESS_THAN = "<", pgettext_lazy("comparator", "less than")
    EQUAL = "=", pgettext_lazy("comparator", "reach")
    ABOUT = "~", pgettext_lazy("comparator", "about")


class Commitment(TrackedModel):
    """One yearly public commitment (承诺事项) with its target, measures and responsible person."""

    programme = models.ForeignKey(
        "org.Programme", verbose_name=_("programme"), on_delete=models.PROTECT, related_name="commitments"
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000)])
    owner_kind = models.CharField(_("owner kind"), max_length=20, choices=OwnerKind.choices, editable=False)
    task_force = models.ForeignKey(
        "org.TaskForce",
        verbose_name=_("task force"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="commitments",
    )
    region = models.ForeignKey(
        "org.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="commitments"
    )
    title = models.CharField(_("commitment"), max_length=300)
    target = models.TextField(_("target"))
    target_value = models.DecimalField(_("target value"), max_digits=20, decimal_places=4, null=True, blank=True)
    target_unit = models.CharField(_("target unit"), max_length=20, blank=True)
    target_comparator = models.CharField(_("comparator"), max_length=2, choices=Comparator.choices, blank=True)
    measures = models.TextField(_("measures"))
    responsible = models.CharField(_("responsible person"), max_length=100)
    state = models.CharField(
        pgettext_lazy("commitment", "state"),
        max_length=20,
        choices=CommitmentState.choices,
        default=CommitmentState.DRAFT,
        editable=False,
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MaxValueValidator(100)], editable=False
    )
    progress_note = models.TextField(_("latest progress"), blank=True, editable=False)
    score = models.DecimalField(
        pgettext_lazy("commitment", "score"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        editable=False,
    )
    evaluation = models.TextField(_("evaluation"), blank=True, editable=False)
    published_at = models.DateTimeField(
        pgettext_lazy("commitment", "published at"), null=True, blank=True, editable=False
    )
    search_key = models.CharField(max_length=400, editable=False, db_index=True)

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["programme", "-year", "owner_kind", "task_force__sort_order", "region__path", "id"]
        indexes = [models.Index(fields=["programme", "year", "state"], name="commitment_year_state_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("commitments:detail", args=[self.pk])

    def save(self, *args: object, **kwargs: object) -> None:
        self.search_key = search_key(f"{self.title} {self.target}")
        super().save(*args, **kwargs)

    @property
    def owner(self) -> object:
        return self.task_force if self.task_force_id else self.region

    @property
    def owner_name(self) -> str:
        return str(self.owner)

    @property
    def target_figure(self) -> str:
        """The figure as offices write it: money back in 亿元 or 万元 (the reader stores 元), other
        quantities with thousands separators."""
        if self.target_value is None:
            return ""
        value, unit = self.target_value, self.target_unit
        if unit == "元":
            for size, name in ((10**8, "亿元"), (10**4, "万元")):
                if value >= size:
                    value, unit = value / size, name
                    break
        number = f"{value.normalize():,f}" if value == value.to_integral() else f"{value.normalize():,}"
        return f"{self.get_target_comparator_display()} {number} {unit}".strip()

    @property
    def rating(self) -> str:
        """The public's word for the score (优秀 / 良好 / 合格 / 不合格)."""
        if self.score is None:
            return ""
        for floor, label in RATINGS:
            if self.score >= floor:
                return str(label)
        return ""


RATINGS = ((90, _("Excellent")), (80, _("Good")), (60, _("Satisfactory")), (0, _("Unsatisfactory")))


class CommitmentEventKind(models.TextChoices):
    CREATED = "created", _("Drafted")
    EDITED = "edited", _("Edited")
    SUBMITTED = "submitted", _("Submitted for approval")
    RETURNED = "returned", _("Returned")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", pgettext_lazy("commitment", "Published")
    PROGRESS = "progress", _("Progress reported")
    EVALUATED = "evaluated", _("Evaluated")


class CommitmentEvent(models.Model):
    """The commitment's timeline: each step of 定诺、亮诺、践诺、评诺, who took it and when."""

    commitment = models.ForeignKey(
        Commitment, verbose_name=_("commitment"), on_delete=models.PROTECT, related_name="events"
    )
    kind = models.CharField(_("event"), max_length=20, choices=CommitmentEventKind.choices)
    at = models.DateTimeField(_("time"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    text = models.TextField(_("text"), blank=True)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), null=True, blank=True)
    score = models.DecimalField(
        pgettext_lazy("commitment", "score"), max_digits=5, decimal_places=1, null=True, blank=True
    )

    class Meta:
        verbose_name = _("commitment event")
        verbose_name_plural = _("commitment events")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.commitment} {self.get_kind_display()} {self.at:%Y-%m-%d}"
