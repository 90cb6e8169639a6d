"""State changes of rankings: new versions of a ranking rule, board exemptions and score
adjustments (recorded and withdrawn). Notices have their own module (`notices.services`). Each is one
transaction, checks the user's right to change inside it, and leaves history for the audit trail."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from tuijin.core import access
from tuijin.core.services import StaleRecord, attribute_change
from tuijin.org.models import Programme

from ..models import Notice, NoticeStatus, RankingRule
from .models import BoardExemption, ScoreAdjustment
from .rules import RuleConfig


def _require_change(user: Any, record: Any) -> None:
    if not access.can_change(user, record):
        raise access.AccessDenied(str(record))


def _latest_number(programme: Programme, year: int) -> int:
    latest = (
        RankingRule.objects.select_for_update()
        .filter(programme=programme, year=year)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    return latest or 0


@transaction.atomic
def ranking_rule_save(
    *,
    user: Any,
    programme: Programme,
    year: int,
    config: RuleConfig,
    name: str,
    description: str = "",
    based_on: int,
) -> RankingRule:
    """A new version of the programme's rule for the year. `based_on` is the version the office was
    looking at (0 for none): if someone saved another version since, the form is stale and refused.
    Earlier versions stay as they are, so notices made with them keep their rule."""
    config.check()
    latest = _latest_number(programme, year)
    if latest != based_on:
        raise StaleRecord()
    rule = RankingRule(
        programme=programme,
        year=year,
        number=latest + 1,
        name=name.strip() or _("Ranking rule %(year)s") % {"year": year},
        config=config.to_json(),
        description=description.strip(),
    )
    rule.full_clean()
    attribute_change(rule, user=user, reason=_("version %(number)s") % {"number": rule.number})
    rule.save()
    _require_change(user, rule)
    return rule


@transaction.atomic
def ranking_rule_ensure(*, user: Any, programme: Programme, year: int) -> RankingRule:
    """The programme's current rule for the year; the standard rule saved as version 1 when there is
    none yet, so that a notice always names the version it was made with."""
    latest = RankingRule.objects.filter(programme=programme, year=year).order_by("-number").first()
    if latest is not None:
        return latest
    # Named in the programme's language, as the notices that will print it are written.
    with translation.override(settings.LANGUAGE_CODE):
        name = _("Standard ranking rule %(year)s") % {"year": year}
    return ranking_rule_save(user=user, programme=programme, year=year, config=RuleConfig(), name=name, based_on=0)


@transaction.atomic
def board_exemption_record(
    *,
    user: Any,
    programme: Programme,
    period: dt.date,
    sequence: str,
    member: str,
    member_name: str,
    reason: str,
    note: str,
) -> BoardExemption:
    """Keeps a member off the month's black board; recording it again replaces the reason (history keeps both)."""
    exemption = BoardExemption.objects.filter(
        programme=programme, period=period, sequence=sequence, member=member
    ).first() or BoardExemption(programme=programme, period=period, sequence=sequence, member=member)
    exemption.member_name, exemption.reason, exemption.note = member_name, reason, note.strip()
    exemption.recorded_by = user
    if exemption.pk:
        exemption.version += 1
    exemption.full_clean()
    attribute_change(exemption, user=user, reason=exemption.note)
    exemption.save()
    _require_change(user, exemption)
    return exemption


@transaction.atomic
def score_adjustment_record(
    *,
    user: Any,
    programme: Programme,
    period: dt.date,
    sequence: str,
    member: str,
    member_name: str,
    points: Decimal,
    note: str,
) -> ScoreAdjustment:
    """A bonus (positive) or deduction (negative) for a member's score in the month, with why."""
    adjustment = ScoreAdjustment(
        programme=programme,
        period=period,
        sequence=sequence,
        member=member,
        member_name=member_name,
        points=points,
        note=note.strip(),
        recorded_by=user,
    )
    adjustment.full_clean()
    attribute_change(adjustment, user=user, reason=adjustment.note)
    adjustment.save()
    _require_change(user, adjustment)
    return adjustment


@transaction.atomic
def ranked_mark_withdraw(*, user: Any, mark: BoardExemption | ScoreAdjustment, reason: str) -> None:
    """Withdraws an exemption or adjustment recorded in error; its history keeps it, with who withdrew
    it and why. Refused once the month's notice is published, since a published notice never changes."""
    _require_change(user, mark)
    if not reason.strip():
        raise ValidationError(_("Say why it is withdrawn."))
    published = Notice.objects.filter(programme_id=mark.programme_id, period=mark.period, status=NoticeStatus.PUBLISHED)
    if published.exists():
        raise ValidationError(_("The notice for this month is published; its marks can no longer be withdrawn."))
    attribute_change(mark, user=user, reason=reason.strip())
    mark.delete()
