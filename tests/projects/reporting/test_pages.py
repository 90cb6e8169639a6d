"""The grid through the test client with htmx headers; the office's review, flagged list and report
page; the upload page's bad path; the published notice listing corrections."""

import io
import re
from decimal import Decimal

from django.test import Client
from django.urls import reverse

from tuijin.core.periods import format_period
from tuijin.projects.models import MonthlyReport, ReportStatus
from tuijin.projects.reporting import services
from tuijin.projects.reporting.selectors import reportable_projects
from tuijin.projects.services import month_close

from ...world import World
from .conftest import values

HTMX = {"HTTP_HX_REQUEST": "true"}


def _client(w: World, user: str) -> Client:
    client = Client()
    client.force_login(w[user])
    return client


def _month(w: World) -> dict[str, str]:
    return {"programme": str(w["prog_d"].pk), "period": format_period(w["period"])}


def _row(w: World, client: Client, code: str, version: int, **cells: str):
    pk = w[code].pk
    data = {**_month(w), f"r{pk}-version": str(version)} | {f"r{pk}-{k}": v for k, v in cells.items()}
    return client.post(reverse("projects:report_row_save", args=[pk]), data, **HTMX)


def test_the_grid_lists_the_reporters_projects_only(month: World) -> None:
    page = _client(month, "territory_t1").get(reverse("projects:report_grid"), _month(month)).content.decode()
    assert 'data-code="P-T1-A"' in page and 'data-code="P-T2-B"' not in page
    assert f'name="r{month["P-T1-A"].pk}-investment_month"' in page


def test_a_row_saves_and_answers_its_status_version_and_warnings(month: World) -> None:
    w = month
    client = _client(w, "territory_t1")
    response = _row(w, client, "P-T1-A", 0, investment_month="-3", progress_note="基础施工")
    body = response.content.decode()
    assert response.status_code == 200 and 'data-state="warning"' in body
    assert f'id="version-{w["P-T1-A"].pk}"' in body and 'value="1"' in body and 'data-code="negative"' in body
    assert MonthlyReport.objects.get().investment_month == Decimal("-3")


def test_a_stale_row_is_refused_and_says_so(month: World) -> None:
    w = month
    client = _client(w, "territory_t1")
    _row(w, client, "P-T1-A", 0, investment_month="10")
    body = _row(w, client, "P-T1-A", 0, investment_month="20").content.decode()
    assert 'data-state="stale"' in body
    assert MonthlyReport.objects.get().investment_month == Decimal("10")


def test_a_non_numeric_amount_is_refused_in_the_row(month: World) -> None:
    w = month
    body = _row(w, _client(w, "territory_t1"), "P-T1-A", 0, investment_month="一百").content.decode()
    assert 'data-state="refused"' in body and not MonthlyReport.objects.exists()


def test_a_row_of_another_territory_is_refused(month: World) -> None:
    w = month
    response = _row(w, _client(w, "territory_t1"), "P-T2-B", 0, investment_month="10")
    assert response.status_code == 404 and not MonthlyReport.objects.exists()


def test_submit_all_submits_the_saved_rows(month: World) -> None:
    w = month
    client = _client(w, "territory_t1")
    _row(w, client, "P-T1-A", 0, investment_month="10")
    client.post(reverse("projects:report_submit_all"), _month(w))
    assert MonthlyReport.objects.get().status == ReportStatus.SUBMITTED


def _submitted(w: World, code: str = "P-T1-A", amount: str = "100") -> MonthlyReport:
    saved = services.report_save(
        user=w["office_d"], project=w[code], period=w["period"], values=values(amount), expected_version=0
    )
    return services.report_submit(user=w["office_d"], report=saved.report)


def test_the_office_returns_and_accepts_from_the_review_page(month: World) -> None:
    w = month
    one, two = _submitted(w), _submitted(w, "P-T2-B")
    office = _client(w, "office_d")
    page = office.get(reverse("projects:report_review"), {**_month(w), "status": "submitted"}).content.decode()
    assert f'id="report-{one.pk}"' in page and f'id="report-{two.pk}"' in page
    office.post(reverse("projects:report_return", args=[one.pk]), {"comment": "请补充形象进度", "version": one.version})
    office.post(reverse("projects:report_accept_many"), {"report": [str(two.pk)]})
    assert MonthlyReport.objects.get(pk=one.pk).status == ReportStatus.RETURNED
    assert MonthlyReport.objects.get(pk=two.pk).status == ReportStatus.ACCEPTED
    region = w["D"]  # the programme's region is D: its children are the towns
    filtered = office.get(reverse("projects:report_review"), {**_month(w), "region": w["T2"].pk}).content.decode()
    assert f'id="report-{two.pk}"' in filtered and f'id="report-{one.pk}"' not in filtered and region


def test_reporters_do_not_review(month: World) -> None:
    w = month
    report = _submitted(w)
    client = _client(w, "territory_t1")
    assert client.get(reverse("projects:report_review"), _month(w)).status_code == 403
    assert (
        client.post(reverse("projects:report_accept", args=[report.pk]), {"version": report.version}).status_code == 403
    )
    assert MonthlyReport.objects.get().status == ReportStatus.SUBMITTED


def test_the_flagged_list_shows_implausible_reports(month: World) -> None:
    w = month
    _submitted(w, amount="99999")  # above the total planned investment of 50000
    _submitted(w, "P-T2-B", amount="10")
    page = _client(w, "office_d").get(reverse("projects:report_flagged"), _month(w)).content.decode()
    assert 'data-code="P-T1-A"' in page and 'data-code="P-T2-B"' not in page and 'data-code="above_total"' in page


def test_a_bad_upload_imports_nothing_and_offers_the_marked_workbook(month: World) -> None:
    w = month
    from openpyxl import load_workbook

    client = _client(w, "territory_t1")
    template = client.get(reverse("projects:report_template"), _month(w)).content
    workbook = load_workbook(io.BytesIO(template))
    workbook["月度报告"]["E2"] = "abc"
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "bad.xlsx"
    response = client.post(reverse("projects:report_upload"), {**_month(w), "workbook": buffer}, follow=True)
    page = response.content.decode()
    assert 'id="import-errors"' in page and 'id="download-annotated"' in page and not MonthlyReport.objects.exists()


def test_the_published_notice_lists_corrections(month: World) -> None:
    w = month
    from tuijin.projects.ranking.notices.services import notice_generate, notice_publish

    report = services.report_accept(user=w["office_d"], report=_submitted(w))
    notice = notice_generate(user=w["office_d"], programme=w["prog_d"], period=w["period"])
    notice_publish(user=w["office_d"], notice=notice, expected_version=notice.version)
    w["month"].refresh_from_db()
    assert w["month"].closed_at is not None
    office = _client(w, "office_d")
    office.post(
        reverse("projects:report_correct", args=[report.pk]),
        {**values("80"), "reason": "核减重复统计", "version": report.version},
    )
    page = office.get(reverse("projects:notice_detail", args=[notice.pk])).content.decode()
    assert 'id="corrections"' in page and "核减重复统计" in page
    assert "当月完成投资（万元）: 100.00" in page and "当月完成投资（万元）: 80.00" in page
    detail = office.get(reverse("projects:report_detail", args=[report.pk])).content.decode()
    assert "当月完成投资（万元）: 100.00 → 80.00" in detail
    assert MonthlyReport.objects.get().corrected_after_close
    month_close(user=w["office_d"], month=w["month"])  # closing again changes nothing


def test_a_long_grid_comes_in_pages_and_counts_the_whole_month(month: World, monkeypatch) -> None:
    from tuijin.projects.reporting import views

    monkeypatch.setattr(views, "GRID_PAGE", 1)
    client = _client(month, "office_d")
    first = client.get(reverse("projects:report_grid"), _month(month)).content.decode()
    second = client.get(reverse("projects:report_grid"), {**_month(month), "page": 2}).content.decode()
    assert 'id="grid-pages"' in first and first.count('<tr id="row-') == 1 and second.count('<tr id="row-') == 1
    one, two = (re.search(r'<tr id="row-(\d+)"', page)[1] for page in (first, second))
    assert one != two  # the second page holds the next project, not the first again
    owing = reportable_projects(user=month["office_d"], programme=month["prog_d"], period=month["period"]).count()
    assert f"第1–1项，共{owing}项" in first and f"第2–2项，共{owing}项" in second
    assert f"还有{owing}个项目未填写" in second  # every unfilled project of the month, not of the page's one
