"""The task-division table as Excel and Word, opened the way an office opens them; the tree; and the
missing monthly task reports in the dispatch calendar's due items."""

import datetime as dt
import io

import docx
import pytest
from django.test import Client
from django.urls import reverse
from docx.enum.section import WD_ORIENT
from openpyxl import load_workbook

from tuijin.dispatch.due import PROVIDERS
from tuijin.plans import selectors, services
from tuijin.plans.due import PROVIDER_KEY
from tuijin.plans.models import Document

from ..world import World
from .conftest import task_at

pytestmark = pytest.mark.django_db
ROWS = [
    ["1", "设立引导基金", "区财政局", "区发展改革局", "2026年12月底前"],
    ["2", "推进智能化改造", "区经信局", "区财政局", "2026年6月底前"],
    ["3", "建设物流园区", "区发展改革局", "", "长期坚持"],
]


def _get(world: World, username: str, url: str) -> bytes:
    client = Client()
    client.force_login(world[username])
    answer = client.get(url)
    assert answer.status_code == 200
    return answer.content


def test_it_exports_the_task_division_table_to_excel(imported: Document, plans_world: World) -> None:
    data = _get(plans_world, "office_d", reverse("plans:division", args=[imported.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(data))["任务分工"]
    values = [[("" if v is None else str(v)) for v in row] for row in sheet.iter_rows(values_only=True)]
    assert values[0][0] == "青山区测试任务分工方案任务分工方案"
    assert values[1] == ["序号", "任务", "牵头单位", "配合单位", "完成时限"]
    assert values[2][0] == "二、重点任务"
    assert values[3:] == ROWS


def test_it_exports_the_task_division_table_to_word_in_landscape(imported: Document, plans_world: World) -> None:
    data = _get(plans_world, "office_d", reverse("plans:division", args=[imported.pk, "docx"]))
    word = docx.Document(io.BytesIO(data))
    assert word.sections[0].orientation == WD_ORIENT.LANDSCAPE
    assert word.paragraphs[0].text == "青山区测试任务分工方案任务分工方案"
    table = word.tables[0]
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells[0] == ["序号", "任务", "牵头单位", "配合单位", "完成时限"]
    assert cells[1][0] == "二、重点任务"
    assert cells[2:] == ROWS


def test_a_unit_exports_only_the_tasks_it_sees(imported: Document, plans_world: World) -> None:
    data = _get(plans_world, "unit_ind", reverse("plans:division", args=[imported.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(data))["任务分工"]
    tasks = [row[1] for row in sheet.iter_rows(min_row=3, values_only=True) if row[1]]
    assert tasks == ["推进智能化改造"]


def test_the_tree_rolls_up_the_standing_of_its_tasks(imported: Document, plans_world: World) -> None:
    services.task_report_submit(
        user=plans_world["unit_fin"],
        task=task_at(imported, "二.一"),
        period=dt.date(2026, 6, 1),
        progress=100,
        done="完成",
    )
    rows = selectors.task_rows(
        selectors.tasks_visible(user=plans_world["office_d"], document=imported), as_of=dt.date(2026, 7, 1)
    )
    tree = selectors.document_tree(imported, rows)
    section = next(node for node in tree.children if node.key == "二")
    assert section.task_count == 3
    # 二.一 done (100); 二.二 past its 30 June deadline without a report; 二.三 ongoing, no report.
    assert dict((key, count) for key, _label, count in section.count_list()) == {
        "not_started": 1,
        "overdue": 1,
        "done": 1,
    }
    assert section.average_progress == 33


def test_the_calendar_lists_the_task_reports_still_missing(imported: Document, plans_world: World) -> None:
    provider = PROVIDERS[PROVIDER_KEY]
    # The monthly dispatch in July reviews June: every task begun by then owes June's report.
    due = provider.outstanding(plans_world["prog_d"], dt.date(2026, 6, 1), dt.date(2026, 7, 1), dt.date(2026, 7, 5))
    assert sorted(item.key.split(":")[1] for item in due) == sorted(str(t.pk) for t in imported.tasks.all())
    fund = task_at(imported, "二.一")
    fund_item = next(item for item in due if item.key == f"task_report:{fund.pk}:2026-06")
    assert [u.name for u in fund_item.units] == ["区财政局"] and fund_item.due_on == dt.date(2026, 7, 5)
    services.task_report_submit(
        user=plans_world["unit_fin"], task=fund, period=dt.date(2026, 6, 1), progress=50, done="推进"
    )
    due = provider.outstanding(plans_world["prog_d"], dt.date(2026, 6, 1), dt.date(2026, 7, 1), dt.date(2026, 7, 5))
    assert f"task_report:{fund.pk}:2026-06" not in {item.key for item in due} and len(due) == 2


def test_a_task_done_earlier_owes_no_more_reports(imported: Document, plans_world: World) -> None:
    fund = task_at(imported, "二.一")
    services.task_report_submit(
        user=plans_world["unit_fin"], task=fund, period=dt.date(2026, 5, 1), progress=100, done="完成"
    )
    due = PROVIDERS[PROVIDER_KEY].outstanding(
        plans_world["prog_d"], dt.date(2026, 6, 1), dt.date(2026, 7, 1), dt.date(2026, 7, 5)
    )
    assert f"task_report:{fund.pk}:2026-06" not in {item.key for item in due}


def test_the_monthly_dispatch_of_the_standard_cadence_asks_for_task_reports(
    imported: Document, plans_world: World
) -> None:
    from tuijin.dispatch.calendar import occurrences
    from tuijin.dispatch.services import cadence_standard_create

    cadence_standard_create(user=plans_world["office_d"], programme=plans_world["prog_d"])
    events = occurrences(
        programme=plans_world["prog_d"], start=dt.date(2026, 7, 1), end=dt.date(2026, 8, 1), with_outstanding=True
    )
    dispatch = next(event for event in events if event.cadence.kind == "monthly_dispatch")
    assert len(dispatch.outstanding[PROVIDER_KEY]) == 3


def test_the_reminders_chase_the_lead_unit_for_a_missing_task_report(imported: Document, plans_world: World) -> None:
    from tuijin.dispatch.models import Notification
    from tuijin.dispatch.reminders import reminders_send
    from tuijin.dispatch.services import cadence_standard_create

    cadence_standard_create(user=plans_world["office_d"], programme=plans_world["prog_d"])
    fund = task_at(imported, "二.一")
    # June's reports are due on 5 July, five days before the monthly dispatch of 10 July.
    reminders_send(today=dt.date(2026, 7, 5))
    told = Notification.objects.filter(what=f"remind:task_report:{fund.pk}:2026-06:due")
    assert set(told.values_list("recipient__username", flat=True)) == {"unit_fin"}


def test_a_task_done_only_later_still_owed_the_month_before(imported: Document, plans_world: World) -> None:
    fund = task_at(imported, "二.一")
    for month, progress in [(5, 40), (7, 100)]:
        services.task_report_submit(
            user=plans_world["unit_fin"], task=fund, period=dt.date(2026, month, 1), progress=progress, done="推进"
        )
    due = PROVIDERS[PROVIDER_KEY].outstanding(
        plans_world["prog_d"], dt.date(2026, 6, 1), dt.date(2026, 7, 1), dt.date(2026, 7, 5)
    )
    assert f"task_report:{fund.pk}:2026-06" in {item.key for item in due}
