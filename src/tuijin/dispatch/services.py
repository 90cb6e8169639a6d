"""State changes of dispatch: telling people (the inbox and the outside sends, written in the
caller's transaction so that a rolled-back change tells nobody), sending what is due with retries
and back-off, reading notifications, and handing in thematic reports."""

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, connection, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from tuijin.accounts.models import User
from tuijin.core import access
from tuijin.core.periods import month_start
from tuijin.core.services import attribute_change
from tuijin.org.models import Programme, TaskForce, Unit

from . import channels
from .calendar import STANDARD_CADENCE
from .messages import Message, render
from .models import Cadence, Channel, Delivery, DeliveryStatus, Notification, ThematicReport, Webhook

logger = logging.getLogger(__name__)


@dataclass
class Told:
    """How many sends a notify call added (those that existed already are not counted)."""

    inbox: int = 0
    outside: int = 0

    def __iadd__(self, other: "Told") -> "Told":
        self.inbox += other.inbox
        self.outside += other.outside
        return self


def notify(
    *, message: Message, users: Iterable[User] = (), units: Iterable[Unit] = (), day: dt.date | None = None
) -> Told:
    """Tells users (inbox, and email when the channel is on) and units' chat groups (their robots).
    Idempotent per (what, whom, channel, day): calling it again the same day adds nothing."""
    day = day or timezone.localdate()
    now = timezone.now()
    recipients = {u.pk: u for u in users if u is not None and u.is_active}.values()
    inbox_rows = []
    outside_rows = []
    for user in recipients:
        text = render(message, user.language)
        inbox_rows.append(
            Notification(
                what=message.what, day=day, recipient=user, subject=text.subject, body=text.body, url=message.url
            )
        )
        if channels.email_enabled() and user.email:
            outside_rows.append(
                Delivery(
                    what=message.what,
                    day=day,
                    channel=Channel.EMAIL,
                    whom=f"user:{user.pk}",
                    user=user,
                    address=user.email,
                    subject=text.subject,
                    body=text.body,
                    url=message.url,
                    next_attempt_at=now,
                )
            )
    group_text = render(message)
    for webhook in Webhook.objects.filter(unit__in=[u.pk for u in units if u is not None], is_active=True):
        outside_rows.append(
            Delivery(
                what=message.what,
                day=day,
                channel=webhook.kind,
                whom=f"webhook:{webhook.pk}",
                webhook=webhook,
                subject=group_text.subject,
                body=group_text.body,
                url=message.url,
                next_attempt_at=now,
            )
        )
    told_before = set(Notification.objects.filter(what=message.what, day=day).values_list("recipient_id", flat=True))
    sent_before = set(Delivery.objects.filter(what=message.what, day=day).values_list("channel", "whom"))
    new_inbox = [n for n in inbox_rows if n.recipient_id not in told_before]
    new_outside = [d for d in outside_rows if (d.channel, d.whom) not in sent_before]
    return Told(_insert_unless_taken(new_inbox), _insert_unless_taken(new_outside))


def _insert_unless_taken(rows: list[models.Model]) -> int:
    """Inserts the rows no other worker has inserted since the check, and counts only these: two
    workers telling the same people at once must not both report having told them."""
    inserted = 0
    for row in rows:
        try:
            with transaction.atomic():
                row.save(force_insert=True)
        except IntegrityError:  # the unique key of (what, whom, day) was taken by the other worker
            continue
        inserted += 1
    return inserted


def _claim(*, now: dt.datetime, limit: int) -> list[int]:
    """Marks due sends as being sent by this worker, in a short transaction of its own. A send
    whose worker died (its claim ran out) is due again."""
    due = Q(status=DeliveryStatus.PENDING, next_attempt_at__lte=now) | Q(
        status=DeliveryStatus.SENDING, claimed_until__lt=now
    )
    with transaction.atomic():
        qs = Delivery.objects.filter(due).order_by("next_attempt_at", "id")
        if connection.features.has_select_for_update_skip_locked:
            qs = qs.select_for_update(skip_locked=True)
        ids = list(qs.values_list("id", flat=True)[:limit])
        lease = now + dt.timedelta(seconds=settings.TUIJIN_DELIVERY_LEASE_SECONDS)
        Delivery.objects.filter(id__in=ids).update(status=DeliveryStatus.SENDING, claimed_until=lease)
    return ids


def _backoff(attempts: int) -> dt.timedelta:
    return dt.timedelta(seconds=settings.TUIJIN_DELIVERY_BACKOFF_SECONDS * 2 ** max(attempts - 1, 0))


def deliveries_send(*, now: dt.datetime | None = None, limit: int = 200) -> dict[str, int]:
    """Sends what is due through its channel. No transaction is held while a channel is talked to;
    a failed send waits longer after each attempt and is given up after the last one."""
    now = now or timezone.now()
    counts = {"sent": 0, "failed": 0, "given_up": 0}
    for delivery in Delivery.objects.filter(id__in=_claim(now=now, limit=limit)).select_related("webhook"):
        attempts = delivery.attempts + 1
        try:
            channels.SENDERS[delivery.channel](delivery)
        except channels.SendFailed as failed:
            given_up = attempts >= settings.TUIJIN_DELIVERY_MAX_ATTEMPTS
            Delivery.objects.filter(pk=delivery.pk).update(
                status=DeliveryStatus.FAILED if given_up else DeliveryStatus.PENDING,
                attempts=attempts,
                next_attempt_at=timezone.now() + _backoff(attempts),
                claimed_until=None,
                last_error=str(failed)[:500],
            )
            counts["given_up" if given_up else "failed"] += 1
            logger.warning(
                "send %s (%s to %s) failed, attempt %s: %s",
                delivery.pk,
                delivery.channel,
                channels.where(delivery),
                attempts,
                failed,
            )
        else:
            Delivery.objects.filter(pk=delivery.pk).update(
                status=DeliveryStatus.SENT, attempts=attempts, sent_at=timezone.now(), claimed_until=None, last_error=""
            )
            counts["sent"] += 1
    return counts


@transaction.atomic
def notification_read(*, user: Any, notification_ids: Iterable[int] | None = None) -> int:
    """Marks the user's own notifications read (all of them when no ids are given)."""
    qs = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        qs = qs.filter(pk__in=list(notification_ids))
    return qs.update(read_at=timezone.now())


class ThematicReportRefused(Exception):
    pass


@transaction.atomic
def thematic_report_submit(
    *, user: Any, task_force: TaskForce, period: dt.date, title: str, content: str
) -> ThematicReport:
    """A task force hands in its month's thematic report; handing it in again replaces the text
    (the history keeps what it said before)."""
    period = month_start(period)
    report = ThematicReport.objects.select_for_update().filter(task_force=task_force, period=period).first()
    if report is None:
        report = ThematicReport(task_force=task_force, period=period)
    else:
        report.version += 1
    report.title, report.content = title.strip(), content.strip()
    report.submitted_by, report.submitted_at = user, timezone.now()
    report.full_clean()
    attribute_change(report, user=user)
    report.save()
    if not access.can_change(user, report):
        raise access.AccessDenied(_("You may not hand in this task force's report."))
    return report


@transaction.atomic
def cadence_standard_create(*, user: Any, programme: Programme) -> int:
    """Gives a programme the standard cadence (seed 002 五(一), seed 000 三(一)) for the kinds it has
    none of; the office edits the events afterwards."""
    have = set(Cadence.objects.filter(programme=programme).values_list("kind", flat=True))
    added = 0
    for spec in STANDARD_CADENCE:
        if spec["kind"] in have:
            continue
        cadence = Cadence(programme=programme, **{**spec, "name": str(spec["name"])})
        cadence.full_clean()
        attribute_change(cadence, user=user)
        cadence.save()
        added += 1
    return added
