"""What an office records beside a ranking rule for one month: exemptions from the black board and
bonus or deduction points, each with who and why. Imported by `tuijin.projects.models` so that
Django finds them in the projects app."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tuijin.core.models import TrackedModel


class ExemptionReason(models.TextChoices):
    FORCE_MAJEURE = "force_majeure", _("Force majeure")
    TARGET_MET = "target_met", _("Target met")
    OTHER = "other", _("Other")


class RankedMember(TrackedModel):
    """A member of one ranking sequence (a region's code, a task force's or unit's id) in a month."""

    programme = models.ForeignKey(
        "org.Programme", verbose_name=_("programme"), on_delete=models.PROTECT, related_name="+"
    )
    period = models.DateField(_("month"))
    sequence = models.CharField(_("ranking sequence"), max_length=40)
    member = models.CharField(_("ranked member"), max_length=40)
    member_name = models.CharField(_("name"), max_length=200)
    note = models.TextField(_("why"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )

    class Meta:
        abstract = True


class BoardExemption(RankedMember):
    """Keeps a member off the black board for a month (force majeure, target already met)."""

    reason = models.CharField(_("reason"), max_length=20, choices=ExemptionReason.choices)

    class Meta:
        verbose_name = _("board exemption")
        verbose_name_plural = _("board exemptions")
        ordering = ["programme", "-period", "sequence", "member"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "period", "sequence", "member"], name="board_exemption_once_a_month"
            )
        ]

    def __str__(self) -> str:
        return f"{self.member_name} {self.period:%Y-%m} {self.get_reason_display()}"


class ScoreAdjustment(RankedMember):
    """Bonus (positive) or deduction (negative) points for a member in a month, added to its score."""

    points = models.DecimalField(_("points"), max_digits=7, decimal_places=2)

    class Meta:
        verbose_name = _("score adjustment")
        verbose_name_plural = _("score adjustments")
        ordering = ["programme", "-period", "sequence", "member", "id"]

    def __str__(self) -> str:
        return f"{self.member_name} {self.period:%Y-%m} {self.points:+}"
