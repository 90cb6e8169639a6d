"""Problems (问题诉求): blockers raised for a project, solved level by level (town → task force →
leading group, seed 002 五(三)), flagged for supervision (挂牌督办), digested weekly for the green
channel (seed 001 七(一)) and settled at special consultation meetings (专题会商)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tuijin.core.chinese import search_key
from tuijin.core.models import TrackedModel


class ProblemLevel(models.TextChoices):
    """The graded levels, lowest first; escalation moves one step along this order."""

    # In context: "Task force" as a level reads 产业专班, elsewhere 专班.
    TOWN = "town", pgettext_lazy("problem level", "Town")
    TASK_FORCE = "task_force", pgettext_lazy("problem level", "Task force")
    LEADING_GROUP = "leading_group", pgettext_lazy("problem level", "Leading group")


LEVEL_ORDER: list[str] = [ProblemLevel.TOWN, ProblemLevel.TASK_FORCE, ProblemLevel.LEADING_GROUP]


class ProblemStatus(models.TextChoices):
    OPEN = "open", _("Being solved")
    RESOLVED = "resolved", _("Resolved, awaiting confirmation")
    CLOSED = "closed", _("Closed")


class ProblemCategory(TrackedModel):
    """A kind of blocker (手续办理, 用地用海, 能耗指标 …): data each programme keeps, not code."""

    programme = models.ForeignKey(
        "org.Programme", verbose_name=_("programme"), on_delete=models.PROTECT, related_name="problem_categories"
    )
    name = models.CharField(_("name"), max_length=50)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("problem category")
        verbose_name_plural = _("problem categories")
        ordering = ["programme", "sort_order", "name"]
        constraints = [models.UniqueConstraint(fields=["programme", "name"], name="problem_category_name_unique")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("records:detail", args=["problemcategory", self.pk])


class LevelLimit(TrackedModel):
    """How many days a level has to solve a problem before it escalates: data each programme keeps."""

    programme = models.ForeignKey(
        "org.Programme", verbose_name=_("programme"), on_delete=models.PROTECT, related_name="problem_level_limits"
    )
    level = models.CharField(_("level"), max_length=20, choices=ProblemLevel.choices)
    days = models.PositiveSmallIntegerField(
        _("days to solve"), validators=[MinValueValidator(1), MaxValueValidator(365)]
    )

    class Meta:
        verbose_name = _("level time limit")
        verbose_name_plural = _("level time limits")
        ordering = ["programme", "level"]
        constraints = [models.UniqueConstraint(fields=["programme", "level"], name="level_limit_once")]

    def __str__(self) -> str:
        return f"{self.get_level_display()} {self.days}"

    def get_absolute_url(self) -> str:
        return reverse("records:detail", args=["levellimit", self.pk])


class Problem(TrackedModel):
    project = models.ForeignKey(
        "projects.Project", verbose_name=_("project"), on_delete=models.PROTECT, related_name="problems"
    )
    category = models.ForeignKey(
        ProblemCategory, verbose_name=_("category"), on_delete=models.PROTECT, related_name="problems"
    )
    title = models.CharField(_("problem"), max_length=200)
    description = models.TextField(_("description"))
    request = models.TextField(_("what is asked"))
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("raised by"), on_delete=models.PROTECT, related_name="+"
    )
    raised_by_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("raised by unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="raised_problems",
    )
    raised_at = models.DateTimeField(_("raised at"))
    level = models.CharField(_("level"), max_length=20, choices=ProblemLevel.choices)
    owner_unit = models.ForeignKey(
        "org.Unit", verbose_name=_("owner unit"), on_delete=models.PROTECT, related_name="owned_problems"
    )
    due_on = models.DateField(_("due on"))
    status = models.CharField(_("status"), max_length=20, choices=ProblemStatus.choices, default=ProblemStatus.OPEN)
    # 挂牌督办: the office names a responsible leader and a date; the board follows it until resolved.
    flagged = models.BooleanField(_("flagged for supervision"), default=False)
    flag_leader = models.ForeignKey(
        "org.Person",
        verbose_name=_("responsible leader"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="flagged_problems",
    )
    flag_due_on = models.DateField(_("supervision due on"), null=True, blank=True)
    flagged_at = models.DateTimeField(_("flagged at"), null=True, blank=True)
    measures = models.TextField(_("measures taken"), blank=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    search_key = models.CharField(max_length=300, editable=False, db_index=True)

    class Meta:
        verbose_name = _("problem")
        verbose_name_plural = _("problems")
        ordering = ["-raised_at", "-id"]
        indexes = [
            models.Index(fields=["status", "due_on"], name="problem_status_due_idx"),
            models.Index(fields=["project", "status"], name="problem_project_status_idx"),
            models.Index(fields=["raised_at"], name="problem_raised_idx"),
            models.Index(fields=["resolved_at"], name="problem_resolved_idx"),
            models.Index(fields=["flagged", "status"], name="problem_flagged_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(flagged=False) | Q(flag_leader__isnull=False, flag_due_on__isnull=False),
                name="problem_flag_names_leader_and_date",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("problems:detail", args=[self.pk])

    def save(self, *args: object, **kwargs: object) -> None:
        self.search_key = search_key(self.title)
        super().save(*args, **kwargs)

    @property
    def is_top_level(self) -> bool:
        return self.level == LEVEL_ORDER[-1]

    @property
    def days_to_resolve(self) -> float | None:
        """Time to resolve: days from raising to the (last) resolution."""
        if self.resolved_at is None:
            return None
        return round((self.resolved_at - self.raised_at).total_seconds() / 86400, 1)


def attachment_path(instance: "ProblemAttachment", filename: str) -> str:
    return f"problems/{instance.problem_id}/{filename}"


class ProblemAttachment(models.Model):
    """A file the raiser or an owner adds (a permit application, a site photo); never deleted."""

    problem = models.ForeignKey(
        Problem, verbose_name=_("problem"), on_delete=models.PROTECT, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to=attachment_path)
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.name


class ProblemEventKind(models.TextChoices):
    RAISED = "raised", _("Raised")
    ASSIGNED = "assigned", _("Assigned")
    COMMENTED = "commented", _("Commented")
    ESCALATED = "escalated", _("Escalated")
    FLAGGED = "flagged", _("Flagged for supervision")
    UNFLAGGED = "unflagged", _("Supervision ended")
    DECIDED = "decided", _("Decided at a consultation")
    RESOLVED = "resolved", _("Resolved")
    CONFIRMED = "confirmed", _("Confirmed and closed")
    REOPENED = "reopened", _("Reopened")


class ProblemEvent(models.Model):
    """The problem's timeline, written by the services; append-only."""

    problem = models.ForeignKey(Problem, verbose_name=_("problem"), on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(_("event"), max_length=20, choices=ProblemEventKind.choices)
    at = models.DateTimeField(_("time"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty when the system did it (an automatic escalation)"),
    )
    from_level = models.CharField(_("from level"), max_length=20, choices=ProblemLevel.choices, blank=True)
    to_level = models.CharField(_("to level"), max_length=20, choices=ProblemLevel.choices, blank=True)
    owner_unit = models.ForeignKey(
        "org.Unit", verbose_name=_("owner unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("problem event")
        verbose_name_plural = _("problem events")
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["kind", "at"], name="problem_event_kind_at_idx")]

    def __str__(self) -> str:
        return f"{self.problem} {self.get_kind_display()}"


class WeeklyDigest(models.Model):
    """The green channel's weekly digest of one programme (绿色通道, 每周汇总梳理), frozen when produced:
    its content is the snapshot the Excel and Word files are made from, so they never change."""

    programme = models.ForeignKey(
        "org.Programme", verbose_name=_("programme"), on_delete=models.PROTECT, related_name="problem_digests"
    )
    week_start = models.DateField(_("week starting"))
    content = models.JSONField(_("content"))
    produced_at = models.DateTimeField(_("produced at"), auto_now_add=True)

    class Meta:
        verbose_name = _("weekly digest")
        verbose_name_plural = _("weekly digests")
        ordering = ["programme", "-week_start"]
        constraints = [models.UniqueConstraint(fields=["programme", "week_start"], name="digest_once_a_week")]

    def __str__(self) -> str:
        return f"{self.programme} {self.week_start:%Y-%m-%d}"


class Consultation(TrackedModel):
    """A special consultation meeting (专题会商) on the week's blockers."""

    programme = models.ForeignKey(
        "org.Programme", verbose_name=_("programme"), on_delete=models.PROTECT, related_name="consultations"
    )
    held_on = models.DateField(_("held on"))
    title = models.CharField(_("title"), max_length=200)
    attendees = models.TextField(_("attendees"), help_text=_("Names and units, separated by 、"))
    notes = models.TextField(_("minutes"), blank=True)

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["programme", "-held_on", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("problems:consultation_detail", args=[self.pk])


class Decision(TrackedModel):
    """What a consultation decided about one problem, as a measure with an owner and a date."""

    consultation = models.ForeignKey(
        Consultation, verbose_name=_("consultation"), on_delete=models.PROTECT, related_name="decisions"
    )
    problem = models.ForeignKey(Problem, verbose_name=_("problem"), on_delete=models.PROTECT, related_name="decisions")
    decision = models.TextField(_("decision"))
    measure = models.TextField(_("measure"))
    owner_unit = models.ForeignKey(
        "org.Unit", verbose_name=_("measure owner"), on_delete=models.PROTECT, related_name="problem_measures"
    )
    due_on = models.DateField(_("due on"))
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)

    class Meta:
        verbose_name = _("consultation decision")
        verbose_name_plural = _("consultation decisions")
        ordering = ["consultation", "id"]

    def __str__(self) -> str:
        return f"{self.problem}: {self.measure[:40]}"
