"""Onboarding an office as it is: the mappings it confirmed for its own workbook layouts, and the
record of each workbook it imported."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tuijin.core.models import TrackedModel


class LayoutMapping(TrackedModel):
    """A confirmed mapping of a workbook layout's columns to fields, found again by the layout's
    header signature: next month's sheet of the same layout needs no mapping step."""

    programme = models.ForeignKey(
        "org.Programme", verbose_name=_("programme"), on_delete=models.PROTECT, related_name="layout_mappings"
    )
    signature = models.CharField(_("header signature"), max_length=32)
    sheet = models.CharField(_("sheet it was confirmed on"), max_length=100)
    # Column index (as a string, JSON keys are strings) -> field of tuijin.legacy.FIELDS.
    columns = models.JSONField(_("columns"), default=dict)
    headers = models.JSONField(_("headers"), default=list)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("confirmed by"), null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("layout mapping")
        verbose_name_plural = _("layout mappings")
        ordering = ["programme", "sheet"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "signature"], name="layout_mapping_once_per_programme")
        ]

    def __str__(self) -> str:
        return f"{self.sheet} ({self.signature})"

    def field_of(self) -> dict[int, str]:
        return {int(index): field for index, field in self.columns.items()}


class ImportStatus(models.TextChoices):
    UPLOADED = "uploaded", _("Awaiting confirmation")
    QUEUED = "queued", _("Importing in the background")
    IMPORTED = "imported", _("Imported")


class ImportJob(TrackedModel):
    """One workbook an office uploaded: who, when, which month, and what its import did."""

    programme = models.ForeignKey(
        "org.Programme", verbose_name=_("programme"), on_delete=models.PROTECT, related_name="import_jobs"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT, related_name="+"
    )
    file = models.FileField(_("workbook"), upload_to="onboarding/%Y/")
    file_name = models.CharField(_("file name"), max_length=255)
    period = models.DateField(_("month"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ImportStatus.choices, default=ImportStatus.UPLOADED, editable=False
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    # Why a background import imported nothing, for the office to read on the preview.
    refusal = models.TextField(_("why it was not imported"), blank=True, editable=False)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True, editable=False)
    created = models.PositiveIntegerField(_("projects created"), default=0, editable=False)
    updated = models.PositiveIntegerField(_("projects updated"), default=0, editable=False)
    reports = models.PositiveIntegerField(_("monthly reports"), default=0, editable=False)
    skipped = models.PositiveIntegerField(_("rows skipped"), default=0, editable=False)

    class Meta:
        verbose_name = _("import job")
        verbose_name_plural = _("import jobs")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.file_name
