"""A workbook bigger than a monthly table imports in the background: the confirm checks it and queues
it, the job imports it (or refuses it, writing nothing) and tells the user who confirmed it."""

from pathlib import Path

import pytest
from django.urls import reverse

from tuijin.dispatch.jobs import job_run
from tuijin.dispatch.models import Notification
from tuijin.onboarding import services
from tuijin.onboarding.models import ImportJob, ImportStatus
from tuijin.projects.models import MonthlyReport, Project

from ..legacy.test_dispatch import write_dispatch
from ..world import World
from .conftest import confirm_proposals, upload


@pytest.fixture
def queued_only(settings: object) -> None:
    settings.TUIJIN_IMPORT_INLINE_ROWS = 0  # every workbook goes to the background


def _queued(world: World, path: Path) -> ImportJob:
    job = confirm_proposals(upload(world, path))
    job = services.import_start(user=world["office_d"], job=job, expected_version=job.version)
    assert job.status == ImportStatus.QUEUED and job.confirmed_by == world["office_d"]
    assert not Project.objects.exists()  # nothing yet: the page returns at once
    return job


def test_a_small_workbook_imports_at_once(office: World, tmp_path: Path) -> None:
    job = confirm_proposals(upload(office, write_dispatch(tmp_path / "d.xlsx")))
    job = services.import_start(user=office["office_d"], job=job, expected_version=job.version)
    assert job.status == ImportStatus.IMPORTED and Project.objects.count() == job.created > 0


def test_a_big_workbook_is_queued_then_imported_by_the_job(office: World, tmp_path: Path, queued_only: None) -> None:
    job = _queued(office, write_dispatch(tmp_path / "d.xlsx"))
    run = job_run("onboarding_imports")
    job.refresh_from_db()
    assert run.summary == {"imported": 1, "refused": 0} and job.status == ImportStatus.IMPORTED
    assert Project.objects.count() == job.created > 0 and MonthlyReport.objects.count() == job.reports
    told = Notification.objects.get(recipient=office["office_d"])
    assert "d.xlsx" in told.subject and f"新建项目 {job.created} 个" in told.subject
    assert job_run("onboarding_imports").summary == {"imported": 0, "refused": 0}  # a rerun does nothing


def test_a_queued_workbook_the_library_refuses_writes_nothing_and_says_why(
    office: World, tmp_path: Path, queued_only: None
) -> None:
    # The reader takes "-5" for an amount; the library refuses a negative total only when writing.
    job = _queued(office, write_dispatch(tmp_path / "negative.xlsx", total="-5"))
    assert services.queued_imports_run() == {"imported": 0, "refused": 1}
    job.refresh_from_db()
    assert job.status == ImportStatus.UPLOADED and "negative.xlsx" not in job.refusal
    assert "1 个错误" in job.refusal.splitlines()[0] and "!" in job.refusal.splitlines()[1]
    assert not Project.objects.exists() and not MonthlyReport.objects.exists()
    told = Notification.objects.get(recipient=office["office_d"])
    assert "未导入" in told.subject and told.url.endswith(f"/{job.pk}/preview/")


def test_a_queued_upload_cannot_be_confirmed_again(office: World, tmp_path: Path, queued_only: None) -> None:
    job = _queued(office, write_dispatch(tmp_path / "d.xlsx"))
    with pytest.raises(services.AlreadyImported):
        services.import_start(user=office["office_d"], job=job, expected_version=job.version)


def test_a_confirmer_who_lost_the_right_to_import_imports_nothing(
    office: World, tmp_path: Path, queued_only: None
) -> None:
    job = _queued(office, write_dispatch(tmp_path / "d.xlsx"))
    office["office_d"].grants.all().delete()
    assert services.queued_imports_run() == {"imported": 0, "refused": 1}
    job.refresh_from_db()
    assert job.status == ImportStatus.UPLOADED and not Project.objects.exists()
    assert job.refusal == f"office_d 已无权向 {office['prog_d']} 导入。"


def test_the_page_says_a_queued_upload_is_importing_and_offers_no_confirm(
    office: World, tmp_path: Path, queued_only: None, client: object
) -> None:
    job = confirm_proposals(upload(office, write_dispatch(tmp_path / "d.xlsx")))
    client.force_login(office["office_d"])
    response = client.post(reverse("onboarding:confirm", args=[job.pk]), {"version": job.version}, follow=True)
    page = response.content.decode()
    assert "该工作簿正在后台导入，完成后将通知您。" in page and "后台导入中" in page
    preview = client.get(reverse("onboarding:preview", args=[job.pk])).content.decode()
    assert 'id="import-queued"' in preview and 'id="confirm-form"' not in preview
