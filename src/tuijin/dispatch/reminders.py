"""Reminders of what is due: a few days before the deadline, on the day, and after it (then the
owing unit's leader is told too), each at most once in its slot whoever runs the job and however
often, because the slot's day is part of the send's unique key."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tuijin.org.models import Programme

from .calendar import occurrences
from .due import DEADLINE_SOURCES, DueItem
from .messages import Message
from .models import MAX_REMINDER_DAYS_BEFORE, Cadence, ReminderPolicy
from .selectors import leaders_of, recipients_for
from .services import Told, notify

# How far back overdue items are still chased.
OVERDUE_HORIZON_DAYS = 60


def reminder_slot(due_on: dt.date, today: dt.date, policy: ReminderPolicy) -> tuple[str, dt.date] | None:
    """Which reminder an item gets today, and the day that names its slot: "before" once in the
    days before the deadline, "due" on it, "overdue" once every `repeat_after_days` after it."""
    left = (due_on - today).days
    if 0 < left <= policy.days_before:
        return "before", due_on - dt.timedelta(days=policy.days_before)
    if left == 0:
        return "due", due_on
    if left < 0:
        slot = (-left - 1) // policy.repeat_after_days
        return "overdue", due_on + dt.timedelta(days=1 + slot * policy.repeat_after_days)
    return None


SUBJECTS = {
    "before": _("Reminder: %(item)s is due on %(due)s"),
    "due": _("Due today: %(item)s"),
    "overdue": _("Overdue since %(due)s: %(item)s"),
}
BODY = _("Owed by %(holder)s. Please hand it in, or say why it is late.")


def _policy(programme_id: int, cache: dict[int, ReminderPolicy]) -> ReminderPolicy:
    if programme_id not in cache:
        cache[programme_id] = ReminderPolicy.objects.filter(programme_id=programme_id).first() or ReminderPolicy(
            programme_id=programme_id
        )
    return cache[programme_id]


def _items(today: dt.date) -> list[DueItem]:
    """Outstanding items whose deadline is near or past: from the cadence and from deadline sources."""
    items: list[DueItem] = []
    # Items fall due up to a month before their event: look at events that far past the reminder window.
    start = today - dt.timedelta(days=OVERDUE_HORIZON_DAYS)
    end = today + dt.timedelta(days=MAX_REMINDER_DAYS_BEFORE + 31)
    programme_ids = Cadence.objects.filter(is_active=True).values_list("programme_id", flat=True).distinct()
    for programme in Programme.objects.filter(pk__in=programme_ids):
        # An event's items are due before the event, so look at events up to the horizon past today.
        for occurrence in occurrences(programme=programme, start=start, end=end, with_outstanding=True):
            for found in occurrence.outstanding.values():
                items.extend(found)
    for source in DEADLINE_SOURCES:
        items.extend(source(today, OVERDUE_HORIZON_DAYS))
    return items


def _remind(item: DueItem, stage: str, slot_day: dt.date) -> Told:
    users = list(
        recipients_for(
            units=item.units, task_forces=item.task_forces, territories=item.territories, offices=item.offices
        )
    )
    if stage == "overdue":
        users += list(leaders_of(units=item.units))
    message = Message(
        what=f"remind:{item.key}:{stage}",
        subject=SUBJECTS[stage],
        body=BODY,
        params={"item": item.label, "due": item.due_on.isoformat(), "holder": item.holder},
        url=item.url,
    )
    with transaction.atomic():
        return notify(message=message, users=users, units=item.units, day=slot_day)


def reminders_send(*, today: dt.date | None = None) -> dict[str, Any]:
    """Sends today's reminders. Run by the scheduler every hour; before the reminder hour it waits,
    so reminders arrive in the morning."""
    if today is None:
        if timezone.localtime().hour < settings.TUIJIN_REMINDER_HOUR:
            return {"waiting_until_hour": settings.TUIJIN_REMINDER_HOUR}
        today = timezone.localdate()
    policies: dict[int, ReminderPolicy] = {}
    told = Told()
    seen: set[str] = set()
    reminded = 0
    for item in _items(today):
        slot = reminder_slot(item.due_on, today, _policy(item.programme_id, policies))
        if slot is None or item.key in seen:
            continue
        seen.add(item.key)
        reminded += 1
        told += _remind(item, *slot)
    return {"reminded": reminded, "inbox": told.inbox, "outside": told.outside}
