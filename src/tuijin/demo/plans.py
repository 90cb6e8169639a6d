"""Demo policy documents: a provincial action plan, the district's task-division plan and a
district plan in traditional script (all fictional, written in the style of the seeds), read by the
same decomposer and import service as an upload, then given monthly task reports over the last
months in every state: on schedule, behind, done, and missing for the month just ended."""

import datetime as dt
from pathlib import Path

from django.utils import timezone

from tuijin.accounts.models import User
from tuijin.core.periods import add_months, month_start
from tuijin.org.models import Person, Unit
from tuijin.plans import imports, services
from tuijin.plans.models import DocumentKind, Task, UnitRole
from tuijin.plans.progress import expected_progress

from .org import DemoOrg

DOCUMENTS = Path(__file__).resolve().parent / "documents"
# (file, the name it is uploaded under, programme: "province" or "district", kind)
DEMO_DOCUMENTS = [
    ("dongchuan_2026_action_plan.txt", "东川省2026年行动计划.txt", "province", DocumentKind.WORK_PLAN),
    ("qingshan_2026_tasks.txt", "青山区2026年重点任务分工方案.txt", "district", DocumentKind.WORK_PLAN),
    ("qingshan_business_environment_hant.txt", "青山區營商環境攻堅行動方案.txt", "district", DocumentKind.POLICY),
]
REPORT_MONTHS = 3
# How each task's reports go, in turn: the demo shows every standing.
PATTERNS = ("on_schedule", "behind", "done", "missing")
BEHIND_BY = 35


def _month_end(period: dt.date) -> dt.date:
    return add_months(period, 1) - dt.timedelta(days=1)


def _progress(task: Task, period: dt.date, pattern: str, last: dt.date) -> int:
    on = expected_progress(start=task.start, deadline=task.deadline, as_of=_month_end(period))
    on = 40 + 10 * (period.month % 4) if on is None else on
    if pattern == "done" and period == last:
        return 100
    if pattern == "behind":
        return max(0, on - BEHIND_BY)
    return min(on, 95)


def _report(task: Task, pattern: str, user: User, today: dt.date) -> None:
    last = add_months(month_start(today), -1)
    months = [add_months(last, -offset) for offset in range(REPORT_MONTHS - 1, -1, -1)]
    for period in months:
        if period < month_start(task.start) or (pattern == "missing" and period == last):
            continue
        progress = _progress(task, period, pattern, last)
        services.task_report_submit(
            user=user,
            task=task,
            period=period,
            progress=progress,
            done=f"{period.month}月：按计划推进“{task.title[:20]}”，完成阶段性工作。",
            problems="进度滞后，要素保障不到位。" if pattern == "behind" else "",
            next_steps="加快推进，确保按期完成。" if progress < 100 else "",
        )


def _six_steps(task: Task, user: User) -> None:
    """One task with its six steps filled in, as an example for the others."""
    lead = task.assignments.filter(role=UnitRole.LEAD).select_related("unit").first()
    people = [Person.objects.get_or_create(name="钱科长", unit=lead.unit, defaults={"post": "科长"})[0]]
    services.task_plan_update(
        user=user,
        task=task,
        expected_version=Task.objects.get(pk=task.pk).version,
        people=people,
        task_book="设立规模2亿元的引导基金，吸引社会资本参与，完成首批子基金设立。",
        responsibility="区财政局分管副局长总负责，预算科具体承办；区金融办负责子基金管理人遴选。",
        timetable="3月完成方案，5月完成管理人遴选，9月底前完成首批子基金设立。",
        standard="基金完成工商登记和备案，首批子基金到位资金不少于5000万元。",
        assessment="纳入年度综合考核，按序时进度月调度、季督导。",
    )
    year = task.start.year
    for title, on in [("基金设立方案获批", dt.date(year, 3, 31)), ("完成管理人遴选", dt.date(year, 5, 31))]:
        milestone = services.milestone_add(user=user, task=task, title=title, due_on=on)
        services.milestone_done(user=user, milestone=milestone, done_on=on, expected_version=milestone.version)
    services.milestone_add(user=user, task=task, title="首批子基金设立", due_on=dt.date(year, 9, 30))


def load_plans(org: DemoOrg) -> None:
    admin = User.objects.get(username="admin")
    programmes = {"province": org.province_programme, "district": org.district_programme}
    today = timezone.localdate()
    index = 0
    for file_name, upload_name, where, kind in DEMO_DOCUMENTS:
        result = imports.import_text(
            user=admin,
            programme=programmes[where],
            task_force=None,
            kind=kind,
            file_name=upload_name,
            data=(DOCUMENTS / file_name).read_bytes(),
        )
        for task in result.document.tasks.order_by("position"):
            _report(task, PATTERNS[index % len(PATTERNS)], admin, today)
            index += 1
    finance = Unit.objects.get(name="区财政局")
    fund = Task.objects.get(document__doc_number="青发〔2026〕3号", path="三.一")
    _six_steps(fund, admin)
    # 区财政局 cooperates on the land task: its part of last month's report.
    land = Task.objects.get(document__doc_number="青发〔2026〕3号", path="三.二")
    services.task_contribution_submit(
        user=User.objects.get(username="unit"),
        task=land,
        period=add_months(month_start(today), -1),
        unit=finance,
        text="落实土地收储资金1.2亿元，保障重点项目用地报批费用。",
    )
