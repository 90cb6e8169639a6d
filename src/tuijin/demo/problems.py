"""Demo blockers and cadence: the standard cadence and problem settings for both programmes, and in
the district a handful of problems at every stage (raised, escalated, flagged, resolved, closed,
one already past its date for the job loop to escalate), a consultation and thematic reports."""

import datetime as dt

from django.utils import timezone

from tuijin.accounts.models import User
from tuijin.core.periods import add_months, month_start
from tuijin.dispatch.models import ContactKind, UnitContact
from tuijin.dispatch.services import cadence_standard_create, thematic_report_submit
from tuijin.org.models import Person, Programme, TaskForce, Unit
from tuijin.problems import services
from tuijin.problems.models import Problem, ProblemCategory
from tuijin.projects.models import Project, Stage

from .org import DemoOrg


def _project(programme: Programme, **criteria: object) -> Project | None:
    """A demo project of the district to hang problems on (the library's demo provides them)."""
    return Project.objects.filter(programme=programme, **criteria).exclude(stage=Stage.EXITED).order_by("pk").first()


def _category(programme: Programme, order: int) -> ProblemCategory:
    return ProblemCategory.objects.get(programme=programme, sort_order=order)


def _raise(user: User, project: Project, order: int, title: str, description: str, request: str) -> Problem:
    return services.problem_raise(
        user=user,
        project=project,
        category=_category(project.programme, order),
        title=title,
        description=description,
        request=request,
    )


def load_problems(org: DemoOrg) -> None:
    admin = User.objects.get(username="admin")
    for programme in (org.province_programme, org.district_programme):
        cadence_standard_create(user=admin, programme=programme)
        services.problem_defaults_ensure(user=admin, programme=programme)
    users = {u.username: u for u in User.objects.all()}
    # The district leading group's leader is told of what is overdue at the top level.
    UnitContact.objects.get_or_create(
        unit=org.district_programme.leading_group, user=users["leader"], defaults={"kind": ContactKind.LEADER}
    )
    _thematic_reports(org, admin)
    raise_demo_problems(programme=org.district_programme)


def raise_demo_problems(*, programme: Programme) -> bool:
    """Problems at every stage on the district's demo projects; without projects there are none."""
    users = {u.username: u for u in User.objects.all()}
    office, enterprise, territory = users["district_office"], users["enterprise"], users["territory"]
    heavy = _project(programme, owner=enterprise.unit)
    health = _project(programme, region=territory.grants.get().region)
    wood = _project(programme)
    machinery = _project(programme, task_force=users["taskforce"].grants.get().task_force, stage=Stage.CONSTRUCTION)
    finance = _project(programme, responsible_unit=users["unit"].unit)
    if None in (heavy, health, wood, machinery, finance):
        return False
    # Raised by the enterprise this week, still with its zone.
    _raise(
        users["enterprise"],
        heavy,
        1,
        "二期厂房施工许可办理受阻",
        "二期厂房规划许可已取得两个月，施工图审查意见迟迟未出，施工许可无法办理。",
        "请协调住建部门加快施工图审查，尽快核发施工许可。",
    )
    # Raised by the town, escalated to the task force, then flagged by the office.
    land = _raise(
        users["territory"],
        health,
        2,
        "康养综合体二期用地指标未落实",
        "二期约 80 亩建设用地尚无年度用地指标，影响 6 月开工。",
        "请在区级统筹中优先安排用地指标。",
    )
    services.problem_escalate(user=users["territory"], problem=land, reason="用地指标需区级统筹，街道无法解决")
    leader = Person.objects.filter(unit=programme.leading_group).first() or Person.objects.create(
        name="张立新", post="副区长", unit=programme.leading_group
    )
    services.problem_flag(
        user=office,
        problem=land,
        leader=leader,
        due_on=timezone.localdate() + dt.timedelta(days=12),
        note="列入区重大办挂牌督办事项",
    )
    # Resolved by the town and confirmed by the raiser.
    power = _raise(
        users["territory"],
        health,
        5,
        "施工临时用电未接入",
        "项目施工临时用电报装已一个月，供电线路尚未接入。",
        "请协调供电公司尽快接电。",
    )
    services.problem_resolve(
        user=users["territory"], problem=power, measures="街道协调区供电中心现场办公，临时用电已接入。"
    )
    services.problem_confirm(user=users["territory"], problem=power, note="已通电")
    # Beyond the task force: escalated by the town and by the task force to the leading group.
    grid = _raise(
        users["enterprise"],
        machinery,
        5,
        "新增用电负荷电网扩容滞后",
        "项目新增 2 台 10 千伏专变，变电站间隔不足，供电公司答复需电网扩容后方可接入。",
        "请区领导小组协调市供电公司将扩容工程列入年度计划。",
    )
    services.problem_escalate(user=office, problem=grid, reason="涉及电网规划调整，街道和园区无法解决")
    services.problem_escalate(user=users["taskforce"], problem=grid, reason="需市级层面协调，专班提请领导小组研究")
    # Resolved by the town with the department responsible for the project, waiting for the raiser's word.
    subsidy = _raise(
        office,
        finance,
        4,
        "省级专项资金拨付进度慢",
        "省新旧动能转换引导资金 800 万元已下达区级，尚未拨付到项目单位。",
        "请区财政局加快资金拨付。",
    )
    services.problem_resolve(
        user=users["territory"], problem=subsidy, measures="经街道协调，区财政局已履行拨付程序，资金将于本周内到账。"
    )
    # Past its date at the town: the job loop escalates it to the task force when the demo starts.
    late = _raise(
        office,
        wood,
        3,
        "烘干车间能耗指标缺口",
        "新上烘干车间年综合能耗约 3000 吨标准煤，尚无能耗指标来源。",
        "请协调能耗指标调剂。",
    )
    Problem.objects.filter(pk=late.pk).update(due_on=timezone.localdate() - dt.timedelta(days=2))
    consultation = services.consultation_record(
        user=office,
        programme=programme,
        held_on=timezone.localdate() - dt.timedelta(days=1),
        title="绿色通道专题会商（本周）",
        attendees="区重大办、青山自然资源分局、区行政审批服务局、区发展改革局、柳青街道",
        notes="梳理本周影响项目落地的难点堵点问题，逐项明确解决措施和责任单位。",
    )
    services.decision_add(
        user=office,
        consultation=consultation,
        problem=land,
        decision="由青山自然资源分局在下批次用地指标中优先保障",
        measure="10 个工作日内完成用地指标调剂方案",
        owner_unit=Unit.objects.get(name="青山自然资源分局"),
        due_on=timezone.localdate() + dt.timedelta(days=10),
    )
    return True


def _thematic_reports(org: DemoOrg, admin: User) -> None:
    # Last month's thematic reports: two task forces handed theirs in, the rest are missing.
    last_month = add_months(month_start(timezone.localdate()), -1)
    for name in ("机械制造专班", "医养健康专班"):
        task_force = TaskForce.objects.get(programme=org.district_programme, name=name)
        thematic_report_submit(
            user=admin,
            task_force=task_force,
            period=last_month,
            title=f"{name}{last_month:%Y年%m月}工作汇报",
            content="规划编制、项目推进、政策落地、招商引资等工作进展情况。",
        )
