"""A province-scale organisation, deterministic from a seed: 16 cities, about 140 counties, about
1,800 towns and zones, about 60 departments, 14 task forces and 8 service lines.
Written with bulk_create (no history rows): this is bench data, not user activity."""

import random
from dataclasses import dataclass

from tuijin.core.chinese import search_key
from tuijin.org.models import Industry, Person, Programme, Region, TaskForce, Unit

CITY_NAMES = "济阳 青岚 淄川 枣林 东营 烟霞 潍水 济宁 泰岳 威海 日照 临沂 德平 聊城 滨海 菏泽".split()  # noqa: SIM905
COUNTY_SUFFIX = ["区", "县", "市"]
TOWN_SUFFIX = ["镇", "街道", "乡"]
INDUSTRIES = [
    "新一代信息技术",
    "高端装备",
    "新能源新材料",
    "智慧海洋",
    "医养健康",
    "绿色化工",
    "现代高效农业",
    "文化创意",
    "精品旅游",
    "现代金融",
]
PILLARS = ["“放管服”改革", "高层次人才", "重大基础设施", "科技创新"]
SERVICE_LINES = ["人才", "土地", "金融", "财税", "审批服务", "项目招引", "政务环境", "督导考核"]
DEPARTMENT_NAMES = [
    "发展改革委",
    "工业和信息化厅",
    "财政厅",
    "自然资源厅",
    "生态环境厅",
    "商务厅",
    "科技厅",
    "农业农村厅",
    "卫生健康委",
    "文化和旅游厅",
    "海洋局",
    "地方金融监管局",
    "委编办",
    "委组织部",
    "委宣传部",
    "人力资源社会保障厅",
    "住房城乡建设厅",
    "交通运输厅",
    "统计局",
    "工商联",
    "政府办公厅",
    "教育厅",
    "公安厅",
    "民政厅",
    "司法厅",
    "水利厅",
    "应急管理厅",
    "审计厅",
    "国资委",
    "市场监管局",
    "体育局",
    "医保局",
    "能源局",
    "粮食和储备局",
    "林业局",
    "药监局",
    "知识产权局",
    "税务局",
    "人民银行分行",
    "银保监局",
    "证监局",
    "通信管理局",
    "气象局",
    "地震局",
    "邮政管理局",
    "海关",
    "外办",
    "侨办",
    "台办",
    "信访局",
    "大数据局",
    "机关事务局",
    "人防办",
    "地质矿产局",
    "供销社",
    "扶贫办",
    "乡村振兴局",
    "退役军人厅",
    "委网信办",
    "贸促会",
]


@dataclass
class OrgScale:
    province: Region
    cities: list[Region]
    counties: list[Region]
    towns: list[Region]
    departments: list[Unit]
    programme: Programme
    task_forces: list[TaskForce]
    service_lines: list[TaskForce]


def _region(code: str, name: str, level: str, parent: Region | None) -> Region:
    path = f"{parent.path if parent else ''}{code}/"
    return Region(code=code, name=name, level=level, parent=parent, path=path, search_key=search_key(name))


def generate_org(seed: int) -> OrgScale:
    rng = random.Random(seed)
    province = _region("980000000000", "齐鲁省", "province", None)
    province.save()
    cities = Region.objects.bulk_create(
        [_region(f"98{i + 1:02d}00000000", f"{name}市", "city", province) for i, name in enumerate(CITY_NAMES)]
    )
    counties = []
    for city in cities:
        count = rng.randint(7, 10)
        counties += [
            _region(
                f"{city.code[:4]}{j + 1:02d}000000",
                f"{city.name[:2]}{j + 1}{rng.choice(COUNTY_SUFFIX)}",
                "county",
                city,
            )
            for j in range(count)
        ]
    counties = Region.objects.bulk_create(counties)
    towns = []
    for county in counties:
        count = rng.randint(11, 13)
        towns += [
            _region(
                f"{county.code[:6]}{k + 1:03d}000", f"{county.name[:3]}{k + 1}{rng.choice(TOWN_SUFFIX)}", "town", county
            )
            for k in range(count)
        ]
        towns.append(_region(f"{county.code[:6]}400000", f"{county.name[:3]}经济开发区", "zone", county))
    towns = Region.objects.bulk_create(towns, batch_size=1000)
    departments = Unit.objects.bulk_create(
        [
            Unit(name=f"省{name}", kind="department", region=province, search_key=search_key(f"省{name}"))
            for name in DEPARTMENT_NAMES
        ]
    )
    Unit.objects.bulk_create(
        [
            Unit(
                name=f"{county.name}人民政府",
                kind="government",
                region=county,
                search_key=search_key(f"{county.name}人民政府"),
            )
            for county in counties
        ],
        batch_size=1000,
    )
    office = Unit.objects.create(name="省重大项目推进办公室", kind="office", region=province)
    leading_group = Unit.objects.create(name="省重大工程建设领导小组", kind="leading_group", region=province)
    government = Unit.objects.create(name="齐鲁省人民政府", kind="government", region=province)
    programme = Programme.objects.create(
        name="齐鲁省重大工程",
        region=province,
        start_year=2024,
        end_year=2028,
        leading_group=leading_group,
        office=office,
    )
    officials = Person.objects.bulk_create([Person(name=f"领导{i}", post="副省长", unit=government) for i in range(12)])
    task_forces = []
    for order, name in enumerate(INDUSTRIES + PILLARS, start=1):
        industry = Industry.objects.create(name=name, region=province, sort_order=order) if name in INDUSTRIES else None
        task_forces.append(
            TaskForce(
                programme=programme,
                kind="industry" if industry else "pillar",
                name=f"{name}专班",
                industry=industry,
                lead_unit=rng.choice(departments),
                sort_order=order,
            )
        )
    task_forces = TaskForce.objects.bulk_create(task_forces)
    for task_force in task_forces:
        task_force.lead_officials.set(rng.sample(officials, rng.randint(1, 2)))
        task_force.member_units.set(rng.sample(departments, 4))
    service_lines = TaskForce.objects.bulk_create(
        [
            TaskForce(
                programme=programme,
                kind="service_line",
                name=f"{name}服务保障线",
                lead_unit=rng.choice(departments),
                sort_order=i,
            )
            for i, name in enumerate(SERVICE_LINES, start=1)
        ]
    )
    return OrgScale(province, cities, counties, towns, departments, programme, task_forces, service_lines)
