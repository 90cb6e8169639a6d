import datetime as dt

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tuijin.core.models import TrackedModel


class DocumentKind(models.TextChoices):
    PLAN = "plan", _("Sector plan")
    POLICY = "policy", _("Policy document")
    WORK_PLAN = "work_plan", _("Work plan")


class Document(TrackedModel):
    """A document the programme works from: a sector plan (专项规划), a policy document, a work plan."""

    programme = models.ForeignKey(
        "org.Programme", verbose_name=_("programme"), on_delete=models.PROTECT, related_name="documents"
    )
    task_force = models.ForeignKey(
        "org.TaskForce",
        verbose_name=_("task force"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    title = models.CharField(_("title"), max_length=300)
    doc_number = models.CharField(_("document number"), max_length=100, blank=True)
    issuer = models.CharField(_("issuer"), max_length=200, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    # The imported text, kept as uploaded; its hash recognises a re-import of a document without a number.
    text = models.TextField(_("document text"), blank=True, editable=False)
    text_hash = models.CharField(_("text hash"), max_length=64, blank=True, db_index=True, editable=False)
    # The heading tree from the decomposer (its JSON "sections"), for the tree view.
    outline = models.JSONField(_("outline"), default=list, blank=True, editable=False)

    # The audit log notes that these changed without printing them: the whole text and its parse are
    # bulk, kept in the record and its history, not lines a reader of the log can use.
    MASKED_FIELDS = frozenset({"text", "text_hash", "outline"})

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["programme", "-issued_on", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plans:document", args=[self.pk])


# Task tracking (一事一表、一月一报).


class TaskState(models.TextChoices):
    NOT_STARTED = "not_started", _("Not begun")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Completed")


class TaskKind(models.TextChoices):
    """What the documents group their tasks under (seed 003: 重大改革, 重大事项, 重大课题)."""

    REFORM = "reform", _("Major reform")
    MATTER = "matter", _("Major matter")
    PROJECT = "project", _("Major project")
    RESEARCH = "research", _("Research topic")


class Task(TrackedModel):
    """One task of a document's task-division table, with the six steps of seed 002: task book,
    responsibility list, roadmap (its milestones), timetable, standard of done, assessment."""

    document = models.ForeignKey(Document, verbose_name=_("document"), on_delete=models.PROTECT, related_name="tasks")
    path = models.CharField(_("number"), max_length=100, help_text=_("The numbering from the top, e.g. 二.1"))
    position = models.PositiveIntegerField(_("order"), default=0)
    title = models.CharField(_("task"), max_length=500)
    kind = models.CharField(_("kind"), max_length=20, choices=TaskKind.choices, blank=True)
    text = models.TextField(_("full text"), blank=True)
    units = models.ManyToManyField(
        "org.Unit", verbose_name=_("units"), through="TaskUnit", related_name="plan_tasks", blank=True
    )
    deadline_text = models.CharField(_("deadline as written"), max_length=100, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    is_ongoing = models.BooleanField(_("ongoing"), default=False)
    starts_on = models.DateField(
        _("start"), null=True, blank=True, help_text=_("Where time-proportional progress counts from")
    )
    targets = models.JSONField(_("targets"), default=list, blank=True)
    state = models.CharField(_("task state"), max_length=20, choices=TaskState.choices, default=TaskState.NOT_STARTED)
    # The six steps (六步工作法); the roadmap is the task's milestones.
    task_book = models.TextField(_("task book"), blank=True)
    responsibility = models.TextField(_("responsibility list"), blank=True)
    responsible_people = models.ManyToManyField(
        "org.Person", verbose_name=_("responsible people"), blank=True, related_name="plan_tasks"
    )
    timetable = models.TextField(_("timetable"), blank=True)
    standard = models.TextField(_("standard of done"), blank=True)
    assessment = models.TextField(_("how it is assessed"), blank=True)

    # The targets are the decomposer's structured reading of the text, which the log shows anyway.
    MASKED_FIELDS = frozenset({"targets"})

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["document", "position"]
        constraints = [models.UniqueConstraint(fields=["document", "path"], name="task_path_unique_in_document")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plans:task", args=[self.pk])

    @property
    def start(self) -> dt.date:
        return self.starts_on or self.document.issued_on or self.created_at.date()


class UnitRole(models.TextChoices):
    LEAD = "lead", _("Lead unit")
    COOPERATING = "cooperating", _("Cooperating unit")


class TaskUnit(TrackedModel):
    """A unit's part in a task: it leads it or cooperates on it."""

    task = models.ForeignKey(Task, verbose_name=_("task"), on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey("org.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("role"), max_length=20, choices=UnitRole.choices)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("task unit")
        verbose_name_plural = _("task units")
        ordering = ["task", "role", "position"]
        constraints = [models.UniqueConstraint(fields=["task", "unit"], name="task_unit_once")]

    def __str__(self) -> str:
        return f"{self.unit} ({self.get_role_display()})"


class Milestone(TrackedModel):
    """A dated step of a task's roadmap (路线图)."""

    task = models.ForeignKey(Task, verbose_name=_("task"), on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=300)
    due_on = models.DateField(_("due date"))
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["task", "due_on", "pk"]

    def __str__(self) -> str:
        return self.title


class TaskReport(TrackedModel):
    """The lead unit's monthly report on a task (一月一报). One per task and month; resubmitting
    versions it."""

    task = models.ForeignKey(Task, verbose_name=_("task"), on_delete=models.PROTECT, related_name="reports")
    period = models.DateField(_("month"))
    progress = models.PositiveSmallIntegerField(_("progress (%)"))
    done = models.TextField(_("what was done"))
    problems = models.TextField(_("problems met"), blank=True)
    next_steps = models.TextField(_("next steps"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("submitted by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted at"))

    class Meta:
        verbose_name = _("task report")
        verbose_name_plural = _("task reports")
        ordering = ["task", "-period"]
        constraints = [
            models.UniqueConstraint(fields=["task", "period"], name="task_report_once_a_month"),
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="task_progress_at_most_100"),
        ]

    def __str__(self) -> str:
        return f"{self.task} {self.period:%Y-%m}"


class TaskContribution(TrackedModel):
    """A cooperating unit's part of a month's report on a task."""

    task = models.ForeignKey(Task, verbose_name=_("task"), on_delete=models.PROTECT, related_name="contributions")
    period = models.DateField(_("month"))
    unit = models.ForeignKey("org.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("what the unit did"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("submitted by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("contribution to a task report")
        verbose_name_plural = _("contributions to task reports")
        ordering = ["task", "-period", "unit"]
        constraints = [
            models.UniqueConstraint(fields=["task", "period", "unit"], name="task_contribution_once_a_month")
        ]

    def __str__(self) -> str:
        return f"{self.task} {self.period:%Y-%m} {self.unit}"


class DraftState(models.TextChoices):
    OPEN = "open", _("Under review")
    CONFIRMED = "confirmed", _("Confirmed")


class ImportDraft(models.Model):
    """An uploaded document under review, kept on the server between the upload and the confirm.

    A row rather than a signed session blob: a decomposed document (its text and every task) is
    larger than a cookie, the review is edited row by row over many requests, and a confirm must be
    refused once the draft is confirmed or edited since the page was read; a row with a state and a
    version gives both under a lock, whichever worker answers."""

    programme = models.ForeignKey("org.Programme", verbose_name=_("programme"), on_delete=models.CASCADE)
    task_force = models.ForeignKey(
        "org.TaskForce", verbose_name=_("task force"), null=True, blank=True, on_delete=models.SET_NULL
    )
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    file_name = models.CharField(_("file"), max_length=255)
    text = models.TextField(_("document text"))
    text_hash = models.CharField(_("text hash"), max_length=64)
    # The decomposer's metadata and sections, the task rows as edited, and the unit mapping.
    data = models.JSONField(_("review data"), default=dict)
    state = models.CharField(_("review state"), max_length=20, choices=DraftState.choices, default=DraftState.OPEN)
    version = models.PositiveIntegerField(_("version"), default=1)
    document = models.ForeignKey(
        Document, verbose_name=_("document"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("import under review")
        verbose_name_plural = _("imports under review")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.file_name

    def get_absolute_url(self) -> str:
        return reverse("plans:review", args=[self.pk])


# Public commitments keep their own package; Django finds their models here.
from .commitments.models import Commitment, CommitmentEvent  # noqa: E402, F401
