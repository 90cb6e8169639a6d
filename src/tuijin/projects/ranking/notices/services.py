"""Generating and publishing the monthly notice. A draft can be regenerated as often as the office
likes; publishing freezes it: its stored files and their hash never change again, and the month's
reports close (later changes go through audited corrections)."""

import datetime as dt
import hashlib
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tuijin.core import access
from tuijin.core.periods import format_period
from tuijin.core.services import StaleRecord, attribute_change
from tuijin.org.models import Programme

from ...models import Notice, NoticeStatus
from ...reporting.services import reporting_month_ensure
from ...services import month_close
from ..services import ranking_rule_ensure
from . import sections  # noqa: F401  (registers the notice's own sections)
from .content import NoticeContext, build_content
from .excel import build_xlsx
from .word import build_docx


class NoticeRefused(ValidationError):
    """A published notice cannot be regenerated or published again; a notice without files cannot be published."""


def content_hash(docx: bytes, xlsx: bytes) -> str:
    digest = hashlib.sha256()
    for part in (b"docx", docx, b"xlsx", xlsx):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def _stored(notice: Notice) -> tuple[bytes, bytes]:
    with notice.docx.open("rb") as docx, notice.xlsx.open("rb") as xlsx:
        return docx.read(), xlsx.read()


def files_intact(notice: Notice) -> bool:
    """Whether the stored files are those the hash was taken of."""
    if not (notice.docx and notice.xlsx and notice.content_hash):
        return False
    return content_hash(*_stored(notice)) == notice.content_hash


def build_files(
    *, user: Any, programme: Programme, period: dt.date, rule: Any, today: dt.date
) -> tuple[str, bytes, bytes]:
    """The notice's title, Word and Excel files, written in the programme's language (Chinese): it is
    the document an office circulates, whoever generates it."""
    with translation.override(settings.LANGUAGE_CODE):
        context = NoticeContext(user=user, programme=programme, period=period, parent=programme.region, rule=rule)
        content = build_content(context, today=today)
        return content.title, build_docx(content), build_xlsx(content)


@transaction.atomic
def notice_generate(*, user: Any, programme: Programme, period: dt.date) -> Notice:
    """Makes or remakes the month's draft notice from today's figures under the current rule."""
    # Checked first as well as after the save: files are written before the transaction commits.
    if not access.can_change(user, programme):
        raise access.AccessDenied(str(programme))
    notice = Notice.objects.select_for_update().filter(programme=programme, period=period).first()
    if notice is not None and notice.status == NoticeStatus.PUBLISHED:
        raise NoticeRefused(_("This notice is published; it cannot be regenerated."))
    rule = ranking_rule_ensure(user=user, programme=programme, year=period.year)
    today = timezone.localdate()
    title, docx, xlsx = build_files(user=user, programme=programme, period=period, rule=rule, today=today)
    if notice is None:
        notice = Notice(programme=programme, period=period)
    else:
        notice.version += 1
        old = [f.name for f in (notice.docx, notice.xlsx) if f]
        storage = notice.docx.storage
        transaction.on_commit(lambda: [storage.delete(name) for name in old])
    stem = f"{programme.pk}-{format_period(period)}-{timezone.now():%Y%m%d%H%M%S%f}"
    notice.title, notice.rule, notice.generated_at = title, rule, timezone.now()
    notice.docx.save(f"{stem}.docx", ContentFile(docx), save=False)
    notice.xlsx.save(f"{stem}.xlsx", ContentFile(xlsx), save=False)
    notice.content_hash = content_hash(docx, xlsx)
    attribute_change(notice, user=user, reason=_("generated"))
    notice.save()
    if not access.can_change(user, notice):
        raise access.AccessDenied(str(notice))
    return notice


@transaction.atomic
def notice_publish(*, user: Any, notice: Notice, expected_version: int) -> Notice:
    """Freezes the draft the office looked at (refused if it was regenerated since) and closes the month."""
    notice = Notice.objects.select_for_update().get(pk=notice.pk)
    if not access.can_change(user, notice):
        raise access.AccessDenied(str(notice))
    if notice.status == NoticeStatus.PUBLISHED:
        raise NoticeRefused(_("This notice is already published."))
    if notice.version != expected_version:
        raise StaleRecord()
    if not files_intact(notice):
        raise NoticeRefused(_("The notice's files are missing or changed; generate it again before publishing."))
    notice.status, notice.published_at, notice.published_by = NoticeStatus.PUBLISHED, timezone.now(), user
    notice.version += 1
    attribute_change(notice, user=user, reason=_("published"))
    notice.save()
    # A month nobody reported in yet gets its row here, so that it is closed all the same.
    month_close(user=user, month=reporting_month_ensure(user=user, programme=notice.programme, period=notice.period))
    return notice
