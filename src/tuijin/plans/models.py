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

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["programme", "-issued_on", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("records:detail", args=["document", self.pk])


# Public commitments keep their own package; Django finds their models here.
from .commitments.models import Commitment, CommitmentEvent  # noqa: E402, F401
