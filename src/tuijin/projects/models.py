"""The project library (有进有出、动态调整): projects and their lifecycle, yearly list membership and
annual plans, monthly reports, origination targets, ranking rules and monthly notices."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tuijin.core.chinese import search_key
from tuijin.core.models import TrackedModel

MONEY = {"max_digits": 16, "decimal_places": 2}
# Projects of at least 100M CNY (亿元以上) are what origination targets count; money is in 万元.
ORIGINATION_THRESHOLD_WAN = 10000


class Stage(models.TextChoices):
    CONCEIVED = "conceived", _("Conceived")
    RESERVE = "reserve", _("In reserve")
    PREPARING = "preparing", _("In preparation")
    CONSTRUCTION = "construction", _("Under construction")
    OPERATING = "operating", _("In operation")
    FULL_OUTPUT = "full_output", _("At full output")
    EXITED = "exited", _("Exited")


# The lifecycle's allowed moves: forward one stage; back one stage before construction (a project
# that stalls in preparation returns to reserve); exit from any stage. Exit is final.
STAGE_MOVES: dict[str, frozenset[str]] = {
    Stage.CONCEIVED: frozenset({Stage.RESERVE, Stage.EXITED}),
    Stage.RESERVE: frozenset({Stage.PREPARING, Stage.CONCEIVED, Stage.EXITED}),
    Stage.PREPARING: frozenset({Stage.CONSTRUCTION, Stage.RESERVE, Stage.EXITED}),
    Stage.CONSTRUCTION: frozenset({Stage.OPERATING, Stage.EXITED}),
    Stage.OPERATING: frozenset({Stage.FULL_OUTPUT, Stage.EXITED}),
    Stage.FULL_OUTPUT: frozenset({Stage.EXITED}),
    Stage.EXITED: frozenset(),
}


class Origin(models.TextChoices):
    """Seed 004's five origination channels (谋划生成路径)."""

    ATTRACTION = "attraction", _("Investment promotion")
    GOVERNMENT = "government", _("Government-led")
    ENTERPRISE = "enterprise", _("Key enterprise")
    UNIVERSITY = "university", _("University or institute")
    INCUBATOR = "incubator", _("Incubator")


class ProjectList(TrackedModel):
    """A named list projects enter by year (省重大项目, 优选项目, 白名单 …): data, not code."""

    programme = models.ForeignKey(
        "org.Programme", verbose_name=_("programme"), on_delete=models.PROTECT, related_name="project_lists"
    )
    name = models.CharField(_("name"), max_length=100)
    short_name = models.CharField(_("short name"), max_length=30, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("project list")
        verbose_name_plural = _("project lists")
        ordering = ["programme", "sort_order", "name"]
        constraints = [models.UniqueConstraint(fields=["programme", "name"], name="project_list_name_unique")]

    def __str__(self) -> str:
        return self.name


class Project(TrackedModel):
    programme = models.ForeignKey(
        "org.Programme", verbose_name=_("programme"), on_delete=models.PROTECT, related_name="projects"
    )
    code = models.CharField(_("project code"), max_length=40, unique=True)
    name = models.CharField(_("project name"), max_length=200)
    content = models.TextField(_("construction content"), blank=True)
    region = models.ForeignKey(
        "org.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="projects"
    )
    industry = models.ForeignKey(
        "org.Industry",
        verbose_name=_("industry"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projects",
    )
    task_force = models.ForeignKey(
        "org.TaskForce",
        verbose_name=_("task force"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projects",
    )
    owner = models.ForeignKey(
        "org.Unit",
        verbose_name=_("owner enterprise"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="owned_projects",
    )
    responsible_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("responsible unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="responsible_projects",
    )
    responsible_person = models.ForeignKey(
        "org.Person",
        verbose_name=_("responsible person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    total_investment = models.DecimalField(
        _("total planned investment (10k CNY)"), **MONEY, validators=[MinValueValidator(0)]
    )
    is_new_start = models.BooleanField(
        _("new start"), default=True, help_text=_("New start (新开工) or continuing (续建)")
    )
    origin = models.CharField(_("origination channel"), max_length=20, choices=Origin.choices, blank=True)
    origin_detail = models.CharField(_("origination sub-channel"), max_length=100, blank=True)
    originated_by = models.ForeignKey(
        "org.Unit",
        verbose_name=_("originated by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="originated_projects",
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_completion = models.DateField(_("planned completion"), null=True, blank=True)
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_completion = models.DateField(_("actual completion"), null=True, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, default=Stage.CONCEIVED, editable=False)
    entered_on = models.DateField(_("entered the library on"))
    exited_on = models.DateField(_("exited on"), null=True, blank=True, editable=False)
    exit_reason = models.CharField(_("reason for exit"), max_length=300, blank=True, editable=False)
    search_key = models.CharField(max_length=400, editable=False, db_index=True)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-total_investment", "code"]
        indexes = [
            models.Index(fields=["programme", "stage"], name="project_programme_stage_idx"),
            models.Index(fields=["region", "stage"], name="project_region_stage_idx"),
            models.Index(fields=["task_force", "stage"], name="project_task_force_stage_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("projects:detail", args=[self.pk])

    def save(self, *args: object, **kwargs: object) -> None:
        # Kept with the row: the list page searches both scripts through it without a second pass.
        self.search_key = search_key(f"{self.code} {self.name}")
        super().save(*args, **kwargs)


class ListMembership(TrackedModel):
    """A project's place in a list for a year; leaving a list ends the membership, it is not deleted."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.PROTECT, related_name="memberships"
    )
    project_list = models.ForeignKey(
        ProjectList, verbose_name=_("project list"), on_delete=models.PROTECT, related_name="memberships"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    added_on = models.DateField(_("entered on"))
    removed_on = models.DateField(_("left on"), null=True, blank=True)

    class Meta:
        verbose_name = _("list membership")
        verbose_name_plural = _("list memberships")
        ordering = ["-year", "project_list"]
        constraints = [
            models.UniqueConstraint(fields=["project", "project_list", "year"], name="membership_once_a_year")
        ]
        indexes = [models.Index(fields=["project_list", "year"], name="membership_list_year_idx")]

    def __str__(self) -> str:
        return f"{self.project_list} {self.year}"


class AnnualPlan(TrackedModel):
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.PROTECT, related_name="annual_plans"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    planned_investment = models.DecimalField(
        _("annual planned investment (10k CNY)"), **MONEY, validators=[MinValueValidator(0)]
    )
    plans_start = models.BooleanField(_("planned to start this year"), default=False)
    plans_completion = models.BooleanField(_("planned to complete this year"), default=False)

    class Meta:
        verbose_name = _("annual plan")
        verbose_name_plural = _("annual plans")
        ordering = ["project", "-year"]
        constraints = [models.UniqueConstraint(fields=["project", "year"], name="annual_plan_once_a_year")]
        indexes = [models.Index(fields=["year", "project"], name="annual_plan_year_idx")]

    def __str__(self) -> str:
        return f"{self.project} {self.year}"


class EventKind(models.TextChoices):
    ENTERED = "entered", _("Entered the library")
    STAGE = "stage", _("Stage changed")
    LIST_ADDED = "list_added", _("Entered a list")
    LIST_REMOVED = "list_removed", _("Left a list")
    EXITED = "exited", _("Exited the library")


class ProjectEvent(models.Model):
    """The project's timeline: entering and leaving the library and its lists, and every stage move."""

    project = models.ForeignKey(Project, verbose_name=_("project"), on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(_("event"), max_length=20, choices=EventKind.choices)
    on = models.DateField(_("date"))
    from_stage = models.CharField(_("from stage"), max_length=20, choices=Stage.choices, blank=True)
    to_stage = models.CharField(_("to stage"), max_length=20, choices=Stage.choices, blank=True)
    project_list = models.ForeignKey(
        ProjectList, verbose_name=_("project list"), null=True, blank=True, on_delete=models.PROTECT
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("project event")
        verbose_name_plural = _("project events")
        ordering = ["on", "id"]

    def __str__(self) -> str:
        return f"{self.project} {self.get_kind_display()} {self.on}"


class ReportingMonth(TrackedModel):
    """A month of a programme's monthly dispatch: when its reporting window is open, and whether it
    is closed (its notice published)."""

    programme = models.ForeignKey(
        "org.Programme", verbose_name=_("programme"), on_delete=models.PROTECT, related_name="reporting_months"
    )
    period = models.DateField(_("month"))
    opens_on = models.DateField(_("window opens"))
    closes_on = models.DateField(_("window closes"))
    closed_at = models.DateTimeField(
        pgettext_lazy("reporting month", "closed at"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("reporting month")
        verbose_name_plural = _("reporting months")
        ordering = ["programme", "-period"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "period"], name="reporting_month_once"),
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")), name="window_closes_after_it_opens"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.programme} {self.period:%Y-%m}"


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned")
    ACCEPTED = "accepted", _("Accepted")


class MonthlyReport(TrackedModel):
    """One project's report for one month. Year-to-date and since-start totals are derived from
    these rows, never typed."""

    project = models.ForeignKey(Project, verbose_name=_("project"), on_delete=models.PROTECT, related_name="reports")
    period = models.DateField(_("month"))
    investment_month = models.DecimalField(_("investment completed this month (10k CNY)"), **MONEY, default=0)
    progress_note = models.TextField(_("physical progress"), blank=True)
    started_on = models.DateField(_("started on"), null=True, blank=True, help_text=_("When it started this month"))
    completed_on = models.DateField(
        _("completed on"), null=True, blank=True, help_text=_("When it was completed this month")
    )
    problems = models.TextField(pgettext_lazy("report field", "problems"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT, editable=False
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    review_comment = models.TextField(_("office's comment"), blank=True, editable=False)
    corrected_after_close = models.BooleanField(_("corrected after publication"), default=False, editable=False)

    class Meta:
        verbose_name = _("monthly report")
        verbose_name_plural = _("monthly reports")
        ordering = ["project", "-period"]
        constraints = [models.UniqueConstraint(fields=["project", "period"], name="report_once_a_month")]
        indexes = [
            models.Index(fields=["period", "project"], name="report_period_project_idx"),
            models.Index(fields=["period", "status"], name="report_period_status_idx"),
            # Rankings sum the year's investment from the index alone, and look up the few reported starts.
            models.Index(fields=["period", "status", "project", "investment_month"], name="report_year_to_date_idx"),
            models.Index(fields=["started_on"], condition=Q(started_on__isnull=False), name="report_started_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.period:%Y-%m}"


class ReportEventKind(models.TextChoices):
    SAVED = "saved", _("Saved")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned")
    ACCEPTED = "accepted", _("Accepted")
    CORRECTED = "corrected", _("Corrected after publication")


class ReportEvent(models.Model):
    """What happened to a report, with the values it had then: a returned report keeps its history."""

    report = models.ForeignKey(MonthlyReport, verbose_name=_("report"), on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(_("event"), max_length=20, choices=ReportEventKind.choices)
    at = models.DateTimeField(_("time"), auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    comment = models.TextField(_("comment"), blank=True)
    values = models.JSONField(_("values"), default=dict, blank=True)

    class Meta:
        verbose_name = _("report event")
        verbose_name_plural = _("report events")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.report} {self.get_kind_display()}"


class OriginationTarget(TrackedModel):
    """How many ≥100M-CNY projects a territory or a department must originate in a year (seed 004)."""

    programme = models.ForeignKey(
        "org.Programme", verbose_name=_("programme"), on_delete=models.PROTECT, related_name="origination_targets"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    region = models.ForeignKey(
        "org.Region", verbose_name=_("territory"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("department"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    target_count = models.PositiveIntegerField(_("projects to originate"))

    class Meta:
        verbose_name = _("origination target")
        verbose_name_plural = _("origination targets")
        ordering = ["programme", "-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(region__isnull=False, unit__isnull=True) | Q(region__isnull=True, unit__isnull=False),
                name="origination_target_names_one_holder",
            ),
            models.UniqueConstraint(
                fields=["programme", "year", "region"],
                condition=Q(region__isnull=False),
                name="origination_target_region_once",
            ),
            models.UniqueConstraint(
                fields=["programme", "year", "unit"],
                condition=Q(unit__isnull=False),
                name="origination_target_unit_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.region or self.unit} {self.year}"


class RankingRule(TrackedModel):
    """How a programme ranks in a year: which projects count as planned to start, how late reports
    count, the traffic-light thresholds. Versioned: a new version is a new row; published notices
    keep the version they were made with."""

    programme = models.ForeignKey(
        "org.Programme", verbose_name=_("programme"), on_delete=models.PROTECT, related_name="ranking_rules"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveIntegerField(_("version"))
    name = models.CharField(_("name"), max_length=100)
    config = models.JSONField(_("settings"), default=dict)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("ranking rule")
        verbose_name_plural = _("ranking rules")
        ordering = ["programme", "-year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "year", "number"], name="ranking_rule_version_once")
        ]

    def __str__(self) -> str:
        return f"{self.name} v{self.number}"


class NoticeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class Notice(TrackedModel):
    """The monthly notice (月通报). A published notice is frozen: its files are stored with their
    content hash and never regenerated."""

    programme = models.ForeignKey(
        "org.Programme", verbose_name=_("programme"), on_delete=models.PROTECT, related_name="notices"
    )
    period = models.DateField(_("month"))
    status = models.CharField(
        _("status"), max_length=20, choices=NoticeStatus.choices, default=NoticeStatus.DRAFT, editable=False
    )
    rule = models.ForeignKey(
        RankingRule,
        verbose_name=_("ranking rule"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="notices",
    )
    title = models.CharField(_("title"), max_length=200)
    docx = models.FileField(_("Word file"), upload_to="notices/%Y/", blank=True)
    xlsx = models.FileField(_("Excel file"), upload_to="notices/%Y/", blank=True)
    content_hash = models.CharField(_("content hash"), max_length=64, blank=True, editable=False)
    generated_at = models.DateTimeField(_("generated at"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["programme", "-period"]
        constraints = [models.UniqueConstraint(fields=["programme", "period"], name="notice_once_a_month")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:notice_detail", args=[self.pk])


# The ranking package keeps its own records (exemptions, score adjustments); Django finds them here.
from .ranking.models import BoardExemption, ScoreAdjustment  # noqa: E402, F401
