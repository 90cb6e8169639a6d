"""The demo's project library, seen today: about 1,800 projects of 东川省 over its cities and counties
and about 200 of 青山区 over its towns and zones, each with its lifecycle, timeline, yearly lists,
annual plans, origination targets and monthly reports from January of last year to last month (the
latest month in every state, a few with values the office's checks flag), the ranking rules, and the
monthly notices of the last months (published) and of last month (a draft).

The bulk (projects, plans, lists, some 40,000 reports) is written by the generator that the
benchmarks use (tuijin.demo.generator), in bulk inserts: through the services it would take minutes,
and `make demo` must stay quick. What is small goes through the real services, so that it reads in
the audit trail like an office's work: the ranking rules, this week's stage moves and list entries,
and the notices with their Word and Excel files."""

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from django.utils import timezone

from tuijin.accounts.models import User
from tuijin.core.periods import add_months, month_start
from tuijin.org.models import Programme, Region, RegionLevel, TaskForce, TaskForceKind, Unit, UnitKind
from tuijin.projects import services
from tuijin.projects.models import Project, ProjectList, ReportStatus, Stage
from tuijin.projects.ranking.notices.services import notice_generate, notice_publish
from tuijin.projects.ranking.rules import Band, Boards, By, RuleConfig, Scoring, Sequence
from tuijin.projects.ranking.services import ranking_rule_ensure, ranking_rule_save

from .generator.projects import (
    PROVINCE_LISTS,
    Anomaly,
    Calendar,
    Featured,
    ListRule,
    ListSpec,
    Place,
    ProgrammeFrame,
    ProjectGenerator,
)
from .org import DemoOrg

SEED = 2026
PROVINCE_PROJECTS = 1800
DISTRICT_PROJECTS = 200
PUBLISHED_NOTICES = 2  # the months before last month with a published notice; earlier months have none

DISTRICT_LISTS = [
    ListSpec("区重点项目", "区重点", ListRule.KEY),
    ListSpec("区“双招双引”项目", "双招双引", ListRule.ATTRACTION),
    ListSpec("区补短板强弱项项目", "补短板", ListRule.SHORTFALL),
    ListSpec("区重大项目融资白名单", "白名单", ListRule.WHITELIST),
]
# The provincial capital and the second city draw more projects, and each city's first county (its
# core district) more than the others.
CITY_WEIGHTS = {"临川市": 2.0, "海州市": 1.5}
CORE_COUNTY_WEIGHT = 2.5
ZONE_WEIGHT = 2.5  # a development zone draws more projects than a town
# Departments that neither answer for projects nor originate them (organisation, statistics, supervision).
NO_PROJECTS = ["省委编办", "省委组织部", "省统计局", "省政府办公厅", "区委督委办", "区编办", "区人才办", "区统计局"]
# The demo's enterprises lead these task forces' industries (province and district task forces by name).
KEY_ENTERPRISES = {
    "高端装备专班": "临川重工机械有限公司",
    "新能源新材料专班": "东川新材料科技股份有限公司",
    "医养健康专班": "临川康养医疗投资有限公司",
    "机械制造专班": "临川重工机械有限公司",
    "木业产业专班": "青山木业集团有限公司",
    "有色金属专班": "东川新材料科技股份有限公司",
}

# The district's flagship projects, written by hand. The demo's problems hang on the first ones:
# the district's first project (the wood dryer), the first in the territory user's 柳青街道 (the
# care complex) and the first the enterprise user's 临川重工 owns (the second-phase park).
# (name, town, task force, owner, stage, total in 万元, responsible unit, planted anomaly, latest report)
FLAGSHIPS: list[tuple] = [
    ("青山木业年产30万立方米高端板材及烘干车间建设项目", "白沙镇", "木业产业专班", "青山木业集团有限公司",
     Stage.CONSTRUCTION, 68000, None, None, ""),
    ("临川康养医养结合康养综合体（二期）项目", "柳青街道", "医养健康专班", "临川康养医疗投资有限公司",
     Stage.PREPARING, 126000, None, None, ""),
    ("临川重工智能工程机械产业园（二期）项目", "青山经济开发区", "机械制造专班", "临川重工机械有限公司",
     Stage.PREPARING, 235000, None, None, ReportStatus.SUBMITTED),
    ("临川重工年产2000台高端液压挖掘机技术改造项目", "青山经济开发区", "机械制造专班", "临川重工机械有限公司",
     Stage.CONSTRUCTION, 86000, None, None, ReportStatus.SUBMITTED),
    ("东川新材料高性能铜合金板带项目", "青山经济开发区", "有色金属专班", "东川新材料科技股份有限公司",
     Stage.CONSTRUCTION, 152000, None, None, ReportStatus.RETURNED),
    ("青山商城国际商贸物流园项目", "青山商城管理区", "商贸物流专班", None,
     Stage.CONSTRUCTION, 98000, None, None, ReportStatus.DRAFT),
    ("柳青街道智慧健康养老服务中心项目", "柳青街道", "医养健康专班", None,
     Stage.CONSTRUCTION, 28000, None, Anomaly.OVER_TOTAL, ReportStatus.SUBMITTED),
    ("银雀山文化创意产业园项目", "银雀山街道", "文化创意专班", None,
     Stage.OPERATING, 45000, None, None, ""),
    ("青山区金融服务中心项目", "柳青街道", "现代金融专班", None,
     Stage.CONSTRUCTION, 32000, "区财政局", None, None),
    ("枣园镇果蔬精深加工及冷链仓储项目", "枣园镇", "食品产业专班", None,
     Stage.CONSTRUCTION, 36000, "区财政局", Anomaly.SPIKE, ReportStatus.SUBMITTED),
    ("半程镇生物医药产业园项目", "半程镇", "医药产业专班", None,
     Stage.RESERVE, 80000, None, None, ""),
    ("义堂镇全域旅游田园综合体项目", "义堂镇", "全域旅游专班", None,
     Stage.CONCEIVED, 60000, "区财政局", None, ""),
    ("临川康养柳青中医康复医院项目", "柳青街道", "医养健康专班", "临川康养医疗投资有限公司",
     Stage.FULL_OUTPUT, 38000, None, None, ""),
    ("青山木业定制家居智能工厂项目", "白沙镇", "木业产业专班", "青山木业集团有限公司",
     Stage.EXITED, 42000, None, None, ""),
    ("白沙镇冷链物流配送中心项目", "白沙镇", "商贸物流专班", None,
     Stage.CONSTRUCTION, 27000, None, None, None),
    ("青山经济开发区铜基新材料循环利用项目", "青山经济开发区", "有色金属专班", "东川新材料科技股份有限公司",
     Stage.PREPARING, 74000, None, None, ""),
]  # fmt: skip
# What the flagships build, as the district's project list describes it.
FLAGSHIP_CONTENT = {
    "青山木业年产30万立方米高端板材及烘干车间建设项目": (
        "新建高端板材生产线4条及木材烘干车间2座，配套原料堆场、锅炉房及环保设施。"
    ),
    "临川康养医养结合康养综合体（二期）项目": (
        "规划用地约80亩，建设康复医院、护理院、康养公寓及配套服务中心，新增床位1200张。"
    ),
    "临川重工智能工程机械产业园（二期）项目": (
        "新建智能化结构件车间、总装车间及研发中心，购置机器人焊接、激光切割等设备260台（套）。"
    ),
    "临川重工年产2000台高端液压挖掘机技术改造项目": "对现有总装线进行智能化改造，新增数字化涂装线1条、整机测试场1处。",
    "东川新材料高性能铜合金板带项目": "新建熔铸、热轧、冷轧及精整车间，形成年产高性能铜合金板带5万吨能力。",
    "青山商城国际商贸物流园项目": "建设智能仓储中心、多式联运转运场及商贸展示交易中心，总建筑面积约36万平方米。",
    "柳青街道智慧健康养老服务中心项目": "改造建设日间照料中心、嵌入式养老院及智慧养老服务平台，设养老床位300张。",
    "银雀山文化创意产业园项目": "利用老旧厂房改造建设文创办公、设计研发、展览展示及配套商业空间。",
    "青山区金融服务中心项目": "建设金融服务大楼及配套设施，集聚银行、保险、基金、融资担保等金融机构。",
    "枣园镇果蔬精深加工及冷链仓储项目": "新建果蔬精深加工车间及万吨级冷链仓储库，配套检测中心和物流配送设施。",
    "半程镇生物医药产业园项目": "规划建设标准化GMP厂房、中试基地及公共研发服务平台，引进生物医药企业入驻。",
    "义堂镇全域旅游田园综合体项目": "依托万亩林果基地建设田园观光、农事体验、民宿康养等文旅设施。",
    "临川康养柳青中医康复医院项目": "建设中医康复医院一座，设床位260张，配套中医药康复理疗中心。",
    "青山木业定制家居智能工厂项目": "新建全屋定制家居智能生产线及成品仓库，配套展示体验中心。",
    "白沙镇冷链物流配送中心项目": "建设冷库2万吨、分拣配送中心及冷链车辆停放场，服务城乡农产品配送。",
    "青山经济开发区铜基新材料循环利用项目": "建设废杂铜回收预处理、再生铜冶炼及铜基新材料深加工生产线。",
}


def demo_calendar(today: dt.date) -> Calendar:
    """The months from January of last year to last month, seen today: last month's window has closed."""
    last = add_months(month_start(today), -1)
    return Calendar(last, 12 + last.month, today)


def load_projects(org: DemoOrg) -> None:
    """Both programmes' libraries with their rules, this week's work and the notices, as of today."""
    calendar = demo_calendar(timezone.localdate())
    office, district_office = User.objects.get(username="office"), User.objects.get(username="district_office")
    for programme, user in ((org.province_programme, office), (org.district_programme, district_office)):
        for year in calendar.years:
            ranking_rule_ensure(user=user, programme=programme, year=year)
    _district_rule_variant(org.district_programme, district_office, calendar.last_month.year)
    # One generator for both programmes: project codes and enterprise names stay unique across them.
    generator = ProjectGenerator(seed=SEED, calendar=calendar)
    generator.load(province_frame(org), PROVINCE_PROJECTS)
    generator.load(district_frame(org), DISTRICT_PROJECTS)
    _this_week(org.district_programme, district_office, calendar)
    for programme, user in ((org.province_programme, office), (org.district_programme, district_office)):
        _notices(programme, user, calendar)


def _units(region: Region, *kinds: str) -> list[Unit]:
    return list(Unit.objects.filter(region=region, kind__in=kinds).order_by("pk"))


def _project_departments(region: Region) -> list[Unit]:
    return [unit for unit in _units(region, UnitKind.DEPARTMENT) if unit.name not in NO_PROJECTS]


def _key_enterprises(programme: Programme) -> dict[int, list[Unit]]:
    task_forces = TaskForce.objects.filter(programme=programme, name__in=KEY_ENTERPRISES)
    return {tf.pk: [Unit.objects.get(name=KEY_ENTERPRISES[tf.name])] for tf in task_forces}


def _industry_task_forces(programme: Programme) -> list[TaskForce]:
    return list(
        TaskForce.objects.filter(programme=programme, kind=TaskForceKind.INDUSTRY)
        .select_related("industry", "lead_unit")
        .order_by("sort_order", "pk")
    )


def _town_places(district: Region, towns: list[Region]) -> list[Place]:
    return [
        Place(
            town,
            district,
            ZONE_WEIGHT if town.level == RegionLevel.ZONE else 1.0,
            next(iter(_units(town, UnitKind.GOVERNMENT, UnitKind.ZONE_COMMITTEE)), None),
        )
        for town in towns
    ]


def province_frame(org: DemoOrg) -> ProgrammeFrame:
    """Provincial projects sit at county level across the four cities, and in 青山区 (the one county
    the demo divides) in its towns and zones, which its office ranks within the province's programme."""
    places = []
    for city in Region.objects.filter(parent=org.province).order_by("code"):
        counties = list(Region.objects.filter(parent=city).order_by("code"))
        for index, county in enumerate(counties):
            weight = CITY_WEIGHTS.get(city.name, 1.0) * (CORE_COUNTY_WEIGHT if index == 0 else 1.0)
            if county == org.district:
                towns = _town_places(county, org.towns)
                whole = sum(place.weight for place in towns)
                places += [replace(place, weight=weight * place.weight / whole) for place in towns]
                continue
            government = next(iter(_units(county, UnitKind.GOVERNMENT)), None)
            places.append(Place(county, county, weight, government))
    return ProgrammeFrame(
        programme=org.province_programme,
        places=places,
        task_forces=_industry_task_forces(org.province_programme),
        departments=_project_departments(org.province),
        lists=PROVINCE_LISTS,
        target_regions=list(Region.objects.filter(parent=org.province).order_by("code")),
        key_enterprises=_key_enterprises(org.province_programme),
        centre=(35.9, 118.6),
        readable=True,
    )


def district_frame(org: DemoOrg) -> ProgrammeFrame:
    """The district's projects sit in its towns and zones, its flagships first."""
    places = {place.region.name: place for place in _town_places(org.district, org.towns)}
    task_forces = {tf.name: tf for tf in _industry_task_forces(org.district_programme)}
    featured = [
        Featured(
            name=name,
            place=places[town],
            task_force=task_forces[task_force],
            stage=stage,
            total=Decimal(total),
            owner=Unit.objects.get(name=owner) if owner else None,
            responsible=Unit.objects.get(name=responsible, region=org.district) if responsible else None,
            anomaly=anomaly,
            latest_status=latest,
            content=FLAGSHIP_CONTENT[name],
        )
        for name, town, task_force, owner, stage, total, responsible, anomaly, latest in FLAGSHIPS
    ]
    return ProgrammeFrame(
        programme=org.district_programme,
        places=list(places.values()),
        task_forces=list(task_forces.values()),
        departments=_project_departments(org.district),
        lists=DISTRICT_LISTS,
        target_regions=org.towns,
        key_enterprises=_key_enterprises(org.district_programme),
        featured=featured,
        centre=(35.1, 118.35),
        readable=True,
    )


def _district_rule_variant(programme: Programme, user: User, year: int) -> None:
    """The district office's second version of this year's rule: towns, task forces and departments
    ranked apart, red and black boards, and a point score (seed 002's 考核)."""
    config = RuleConfig(
        sequences=(
            Sequence("town", By.REGION, name="镇街园区", levels=(RegionLevel.TOWN, RegionLevel.ZONE)),
            Sequence("task_force", By.TASK_FORCE, name="产业专班", kinds=(TaskForceKind.INDUSTRY,)),
            Sequence("unit", By.UNIT, name="责任部门", kinds=(UnitKind.DEPARTMENT,)),
        ),
        boards=Boards(red_top=2, black_bottom=2),
        scoring=Scoring(bands=(Band(Decimal(100000), Decimal(3)), Band(Decimal(10000), Decimal(1)))),
    )
    ranking_rule_save(
        user=user,
        programme=programme,
        year=year,
        config=config,
        name=f"{year}年度重大项目推进考核排名规则",
        description="按镇街园区、产业专班、责任部门分别排名，增设红黑榜和积分。",
        based_on=1,
    )


def _this_week(programme: Programme, user: User, calendar: Calendar) -> None:
    """What the district office did since last month closed, through the services (the timeline and
    the audit trail show it): a project started, another entered preparation, one left the library,
    and the district leaders' contact list for the year."""
    today = calendar.as_of
    projects = Project.objects.filter(programme=programme)
    moves = [
        (projects.filter(stage=Stage.PREPARING).exclude(name__in=_flagship_names()).first(), Stage.CONSTRUCTION,
         "项目取得施工许可，正式开工建设"),
        (projects.get(name="半程镇生物医药产业园项目"), Stage.PREPARING, "完成项目备案，启动前期手续办理"),
        (projects.filter(stage__in=[Stage.CONCEIVED, Stage.RESERVE]).exclude(name__in=_flagship_names()).first(),
         Stage.EXITED, "企业投资意向调整，项目调出库"),
    ]  # fmt: skip
    for project, to_stage, reason in moves:
        on = max(today - dt.timedelta(days=3), project.events.order_by("-on").values_list("on", flat=True).first())
        services.project_move_stage(user=user, project=project, to_stage=to_stage, on=on, reason=reason)
    contact_list = ProjectList.objects.create(
        programme=programme, name="区级领导包挂重点项目", short_name="领导包挂", sort_order=len(DISTRICT_LISTS) + 1
    )
    year = calendar.last_month.year
    for project in projects.filter(name__in=_flagship_names()).exclude(stage=Stage.EXITED).order_by("pk"):
        services.list_add(
            user=user,
            project=project,
            project_list=contact_list,
            year=year,
            on=max(dt.date(year, 2, 20), project.entered_on),
            reason="区领导小组会议确定区级领导包挂",
        )


def _flagship_names() -> list[str]:
    return [row[0] for row in FLAGSHIPS]


def _notices(programme: Programme, user: User, calendar: Calendar) -> None:
    """The last months' notices published (their reports close), last month's a draft; generating a
    notice takes a moment, so earlier months have none."""
    for back in range(PUBLISHED_NOTICES, 0, -1):
        notice = notice_generate(user=user, programme=programme, period=add_months(calendar.last_month, -back))
        notice_publish(user=user, notice=notice, expected_version=notice.version)
    notice_generate(user=user, programme=programme, period=calendar.last_month)
