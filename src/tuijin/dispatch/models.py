"""The dispatch cadence (周例会、月调度、季督导、半年分析、年度考核) as data, the thematic reports task
forces hand in, and how people are told: the in-app inbox, email, and the WeCom and DingTalk group
robots, each send keyed so that nothing goes out twice; and the Job rows the background jobs leave."""

import json

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tuijin.core.models import TrackedModel


class CadenceKind(models.TextChoices):
    WEEKLY_MEETING = "weekly_meeting", _("Weekly meeting")
    MONTHLY_DISPATCH = "monthly_dispatch", _("Monthly dispatch")
    MONTHLY_THEMATIC = "monthly_thematic", _("Monthly thematic report")
    QUARTERLY_REVIEW = "quarterly_review", _("Quarterly review")
    HALF_YEAR_ANALYSIS = "half_year_analysis", _("Half-year analysis")
    ANNUAL_ASSESSMENT = "annual_assessment", _("Annual assessment")


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("Every week")
    MONTHLY = "monthly", _("Every month")
    QUARTERLY = "quarterly", _("Every quarter")
    HALF_YEARLY = "half_yearly", _("Every half year")
    YEARLY = "yearly", _("Every year")


# How many months each cycle spans (weekly cycles are counted in days).
CYCLE_MONTHS = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.HALF_YEARLY: 6, Frequency.YEARLY: 12}


class Cadence(TrackedModel):
    """One recurring event of a programme's dispatch cadence and what must be in before it."""

    programme = models.ForeignKey(
        "org.Programme", verbose_name=_("programme"), on_delete=models.PROTECT, related_name="cadences"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=CadenceKind.choices)
    name = models.CharField(_("name"), max_length=100)
    frequency = models.CharField(_("frequency"), max_length=20, choices=Frequency.choices)
    weekday = models.PositiveSmallIntegerField(
        _("weekday"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(6)],
        help_text=_("For weekly events: 0 is Monday, 6 is Sunday"),
    )
    month = models.PositiveSmallIntegerField(
        _("month of the cycle"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("Which month of the quarter, half year or year it falls in (1 is the first)"),
    )
    day = models.PositiveSmallIntegerField(
        _("day of the month"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(31)],
        help_text=_("Moved to the month's last day in shorter months"),
    )
    looks_back = models.BooleanField(
        _("reviews the previous cycle"),
        default=True,
        help_text=_("A monthly dispatch in June reviews May; a thematic report in June reports June"),
    )
    due_days_before = models.PositiveSmallIntegerField(
        _("items due days before"), default=0, help_text=_("What must be in is due this many days before the event")
    )
    provides = models.JSONField(
        _("what must be in"), default=list, blank=True, help_text=_("Kinds of due items, e.g. monthly_reports")
    )
    focus_count = models.PositiveSmallIntegerField(
        _("focus task forces"), default=0, help_text=_("For quarterly reviews: about three task forces each quarter")
    )
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("cadence")
        verbose_name_plural = _("cadences")
        ordering = ["programme", "kind", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("records:detail", args=["cadence", self.pk])

    @classmethod
    def audit_value(cls, name: str, value: object) -> object:
        """The audit trail names what must be in by its label, not its provider key."""
        if name != "provides" or not isinstance(value, list | str):
            return value
        from .due import PROVIDERS

        keys = json.loads(value) if isinstance(value, str) else value
        return "、".join(str(PROVIDERS[k].label) if k in PROVIDERS else str(k) for k in keys)


class ThematicReport(TrackedModel):
    """A task force's monthly thematic report to the leading group (一月一专题汇报, seed 000)."""

    task_force = models.ForeignKey(
        "org.TaskForce", verbose_name=_("task force"), on_delete=models.PROTECT, related_name="thematic_reports"
    )
    period = models.DateField(_("month"))
    title = models.CharField(_("title"), max_length=200)
    content = models.TextField(_("content"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("submitted by"), on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted at"))

    class Meta:
        verbose_name = _("thematic report")
        verbose_name_plural = _("thematic reports")
        ordering = ["-period", "task_force"]
        constraints = [models.UniqueConstraint(fields=["task_force", "period"], name="thematic_report_once_a_month")]

    def __str__(self) -> str:
        return f"{self.task_force} {self.period:%Y-%m}"

    def get_absolute_url(self) -> str:
        return reverse("dispatch:thematic_detail", args=[self.pk])


MAX_REMINDER_DAYS_BEFORE = 30


class ReminderPolicy(TrackedModel):
    """When a programme's reminders go out: before a deadline, on it, and after it (then to the
    unit's leader too). A programme without one uses these fields' defaults."""

    programme = models.OneToOneField(
        "org.Programme", verbose_name=_("programme"), on_delete=models.PROTECT, related_name="reminder_policy"
    )
    days_before = models.PositiveSmallIntegerField(
        _("days before the deadline"), default=3, validators=[MaxValueValidator(MAX_REMINDER_DAYS_BEFORE)]
    )
    repeat_after_days = models.PositiveSmallIntegerField(
        _("repeat after the deadline every (days)"), default=3, validators=[MinValueValidator(1)]
    )

    class Meta:
        verbose_name = _("reminder policy")
        verbose_name_plural = _("reminder policies")
        ordering = ["programme"]

    def __str__(self) -> str:
        return str(self.programme)

    def get_absolute_url(self) -> str:
        return reverse("records:detail", args=["reminderpolicy", self.pk])


class ContactKind(models.TextChoices):
    CONTACT = "contact", _("Contact")
    LEADER = "leader", _("Leader")


class UnitContact(TrackedModel):
    """Who is told for a unit: its contacts get its reminders; its leader also gets them once a
    deadline has passed."""

    unit = models.ForeignKey("org.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="contacts")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.PROTECT, related_name="unit_contacts"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ContactKind.choices, default=ContactKind.CONTACT)

    class Meta:
        verbose_name = _("unit contact")
        verbose_name_plural = _("unit contacts")
        ordering = ["unit", "kind"]
        constraints = [models.UniqueConstraint(fields=["unit", "user"], name="unit_contact_once")]

    def __str__(self) -> str:
        return f"{self.unit} {self.user}"

    def get_absolute_url(self) -> str:
        return reverse("records:detail", args=["unitcontact", self.pk])


class WebhookKind(models.TextChoices):
    WECOM = "wecom", _("WeCom group robot")
    DINGTALK = "dingtalk", _("DingTalk group robot")


class Webhook(TrackedModel):
    """A chat group's robot a unit's messages are posted to. The address carries the robot's key
    (WeCom) or access token (DingTalk) and DingTalk robots sign with a secret: both are masked in
    logs and in the audit trail."""

    MASKED_FIELDS = frozenset({"endpoint", "signing_secret"})

    unit = models.ForeignKey("org.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="webhooks")
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=20, choices=WebhookKind.choices)
    endpoint = models.URLField(_("robot address"), max_length=500)
    signing_secret = models.CharField(
        _("signing secret"), max_length=200, blank=True, help_text=_("DingTalk robots with signing only")
    )
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("group robot")
        verbose_name_plural = _("group robots")
        ordering = ["unit", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("records:detail", args=["webhook", self.pk])


class Notification(models.Model):
    """One message in one user's inbox. `what` names the thing it is about (a problem's escalation,
    a reminder for one report); with the day it keys the message, so nobody gets the same one twice
    on the same day, whoever sends it and however often."""

    what = models.CharField(_("about"), max_length=200)
    day = models.DateField(_("day"))
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="notifications"
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"), blank=True)
    url = models.CharField(_("link"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["what", "recipient", "day"], name="notification_once_a_day")]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread_idx")]

    def __str__(self) -> str:
        return self.subject


class Channel(models.TextChoices):
    EMAIL = "email", _("Email")
    WECOM = "wecom", _("WeCom")
    DINGTALK = "dingtalk", _("DingTalk")


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class Delivery(models.Model):
    """One send through an outside channel. Unique on (what, channel, whom, day): a rerun or a
    second worker cannot create it again, and a claim (status `sending` until `claimed_until`) keeps
    two workers from sending the same row at once."""

    what = models.CharField(_("about"), max_length=200)
    day = models.DateField(_("day"))
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    whom = models.CharField(_("to"), max_length=50, help_text=_("user:<id> or webhook:<id>"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    webhook = models.ForeignKey(
        Webhook, verbose_name=_("group robot"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    address = models.CharField(_("address"), max_length=254, blank=True)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"), blank=True)
    url = models.CharField(_("link"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"))
    claimed_until = models.DateTimeField(_("claimed until"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["what", "channel", "whom", "day"], name="delivery_once_a_day")]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="delivery_due_idx")]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.subject}"


class JobStatus(models.TextChoices):
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class Job(models.Model):
    """One run of a background job and what it did, for people to see. A run killed half-way stays
    `running`; the next run of the same job finishes its work (every job is idempotent)."""

    name = models.CharField(_("job"), max_length=50, db_index=True)
    status = models.CharField(_("status"), max_length=20, choices=JobStatus.choices, default=JobStatus.RUNNING)
    runner = models.CharField(_("run by"), max_length=100, blank=True)
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    summary = models.JSONField(_("what it did"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("job run")
        verbose_name_plural = _("job runs")
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["name", "-started_at"], name="job_name_started_idx")]

    def __str__(self) -> str:
        return f"{self.name} {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def summary_text(self) -> str:
        return " ".join(f"{key}={value}" for key, value in self.summary.items())
