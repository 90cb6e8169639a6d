"""Demo organisation: 东川省 (ten industry task forces and three pillars, with deliberate gaps in
their set-up) and its 青山区 (ten industry task forces and eight service lines, like seed 002)."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from tuijin.org.models import (
    Alliance,
    Expert,
    Fund,
    Industry,
    Person,
    Policy,
    PolicyDomain,
    Programme,
    Region,
    RegionLevel,
    TaskForce,
    TaskForceKind,
    ThinkTank,
    Unit,
    UnitKind,
)
from tuijin.plans.models import Document, DocumentKind

PROVINCE = ("990000000000", "东川省")
CITIES = [
    ("990100000000", "临川市", [("990102000000", "青山区"), ("990103000000", "河东区"), ("990121000000", "平原县")]),
    ("990200000000", "海州市", [("990202000000", "港城区"), ("990221000000", "东海县")]),
    ("990300000000", "云岭市", [("990302000000", "云中区"), ("990321000000", "岭南县")]),
    ("990400000000", "北原市", [("990402000000", "北城区"), ("990421000000", "丰源县")]),
]
DISTRICT_CODE = "990102000000"
DISTRICT_TOWNS = [
    ("990102001000", "柳青街道", RegionLevel.TOWN),
    ("990102002000", "银雀山街道", RegionLevel.TOWN),
    ("990102003000", "白沙镇", RegionLevel.TOWN),
    ("990102004000", "枣园镇", RegionLevel.TOWN),
    ("990102005000", "半程镇", RegionLevel.TOWN),
    ("990102006000", "义堂镇", RegionLevel.TOWN),
    ("990102401000", "青山经济开发区", RegionLevel.ZONE),
    ("990102402000", "青山商城管理区", RegionLevel.ZONE),
]

# (industry, lead unit, [lead officials], think tank?, alliance?, fund?, plan?)
PROVINCE_INDUSTRIES = [
    ("新一代信息技术", "省工业和信息化厅", ["周明远"], True, True, True, True),
    ("高端装备", "省工业和信息化厅", ["陈立群"], True, True, True, True),
    ("新能源新材料", "省发展改革委", ["林海波"], True, False, True, True),
    ("智慧海洋", "省海洋局", ["高志宏"], False, True, True, False),
    ("医养健康", "省卫生健康委", ["吴静怡"], True, True, False, True),
    ("绿色化工", "省工业和信息化厅", ["郑国栋"], True, True, True, True),
    ("现代高效农业", "省农业农村厅", ["孙海燕"], False, False, True, True),
    ("文化创意", "省委宣传部", ["何文博"], True, True, True, False),
    ("精品旅游", "省文化和旅游厅", [], True, True, False, True),
    ("现代金融", "省地方金融监管局", ["马骏驰"], True, False, True, True),
]
PROVINCE_PILLARS = [
    ("“放管服”改革", "省委编办", ["杨东升", "许文华"], True),
    ("高层次人才", "省委组织部", ["罗家兴"], True),
    ("重大基础设施", "省发展改革委", ["唐振华"], False),
]
PROVINCE_DEPARTMENTS = [
    ("省发展改革委", "省发改委"),
    ("省工业和信息化厅", "省工信厅"),
    ("省财政厅", ""),
    ("省自然资源厅", ""),
    ("省生态环境厅", ""),
    ("省商务厅", ""),
    ("省科技厅", ""),
    ("省农业农村厅", ""),
    ("省卫生健康委", ""),
    ("省文化和旅游厅", ""),
    ("省海洋局", ""),
    ("省地方金融监管局", "省金融办"),
    ("省委编办", ""),
    ("省委组织部", ""),
    ("省委宣传部", ""),
    ("省人力资源社会保障厅", "省人社厅"),
    ("省住房城乡建设厅", ""),
    ("省交通运输厅", ""),
    ("省统计局", ""),
    ("省工商联", ""),
    ("省政府办公厅", ""),
]
# Seed 002, annex 1: lead district officials, industry, responsible department.
DISTRICT_INDUSTRIES = [
    ("机械制造", "区经信局", ["刘振华", "钱金波"]),
    ("医养健康", "区卫健局", ["王永安", "周兴远"]),
    ("木业产业", "区林业局", ["陈士明", "韩庆丰"]),
    ("商贸物流", "青山商城管委会", ["顾文远", "杨金涛"]),
    ("文化创意", "区文广新局", ["徐丽娟", "王晖"]),
    ("现代金融", "区金融办", ["刘爱民"]),
    ("医药产业", "区市场监管局", ["纪丙乾", "周兴远"]),
    ("全域旅游", "区旅游局", ["桑立新", "王晖"]),
    ("有色金属", "区环保局", ["马凤来", "周兴远"]),
    ("食品产业", "区商务局", ["闫斌", "张学诚"]),
]
# Seed 002, annex 2: service line, responsible department.
DISTRICT_SERVICE_LINES = [
    ("督导考核服务保障线", "区委督委办"),
    ("政务环境服务保障线", "区编办"),
    ("人才服务保障线", "区人才办"),
    ("财税服务保障线", "区财政局"),
    ("土地服务保障线", "青山自然资源分局"),
    ("金融服务保障线", "区金融办"),
    ("项目招引服务保障线", "区投资促进局"),
    ("审批服务保障线", "区行政审批服务局"),
]
DISTRICT_DEPARTMENTS = [
    "区发展改革局",
    "区经信局",
    "区卫健局",
    "区林业局",
    "区文广新局",
    "区金融办",
    "区市场监管局",
    "区旅游局",
    "区环保局",
    "区商务局",
    "区委督委办",
    "区编办",
    "区人才办",
    "区财政局",
    "青山自然资源分局",
    "区投资促进局",
    "区行政审批服务局",
    "区统计局",
    "区科技局",
]
ENTERPRISES = [
    ("临川重工机械有限公司", "91371302MA3C0001X1", "990102401000"),
    ("青山木业集团有限公司", "91371302MA3C0002X2", "990102003000"),
    ("临川康养医疗投资有限公司", "91371302MA3C0003X3", "990102001000"),
    ("东川新材料科技股份有限公司", "91371302MA3C0004X4", "990102401000"),
]


@dataclass
class DemoOrg:
    province: Region
    district: Region
    province_programme: Programme
    district_programme: Programme
    province_office: Unit
    district_office: Unit
    towns: list[Region]
    enterprises: list[Unit]


def _region(code: str, name: str, level: str, parent: Region | None) -> Region:
    return Region.objects.create(code=code, name=name, level=level, parent=parent)


def _unit(name: str, kind: str, region: Region, aliases: str = "", credit_code: str = "") -> Unit:
    return Unit.objects.create(name=name, kind=kind, region=region, aliases=aliases, credit_code=credit_code)


def _person(name: str, post: str, unit: Unit, phone: str = "") -> Person:
    return Person.objects.get_or_create(name=name, unit=unit, defaults={"post": post, "phone": phone})[0]


def _regions() -> tuple[Region, Region, list[Region]]:
    province = _region(*PROVINCE, RegionLevel.PROVINCE, None)
    district = None
    for city_code, city_name, counties in CITIES:
        city = _region(city_code, city_name, RegionLevel.CITY, province)
        for county_code, county_name in counties:
            county = _region(county_code, county_name, RegionLevel.COUNTY, city)
            if county_code == DISTRICT_CODE:
                district = county
    towns = [_region(code, name, level, district) for code, name, level in DISTRICT_TOWNS]
    return province, district, towns


def _province_programme(province: Region) -> tuple[Programme, Unit]:
    departments = {name: _unit(name, UnitKind.DEPARTMENT, province, alias) for name, alias in PROVINCE_DEPARTMENTS}
    government = _unit("东川省人民政府", UnitKind.GOVERNMENT, province)
    leading_group = _unit("省新旧动能转换重大工程建设领导小组", UnitKind.LEADING_GROUP, province)
    office = _unit("省新旧动能转换重大工程推进办公室", UnitKind.OFFICE, province, "省重大办")
    programme = Programme.objects.create(
        name="东川省新旧动能转换重大工程",
        region=province,
        start_year=2023,
        end_year=2027,
        leading_group=leading_group,
        office=office,
        description="“10+3”协调推进体系：“十强”产业各建“6个1”推进体系，三大支撑各建“3个1”推进体系。",
    )
    for order, (name, lead, officials, tank, alliance, fund, plan) in enumerate(PROVINCE_INDUSTRIES, start=1):
        industry = Industry.objects.create(name=name, region=province, sort_order=order)
        lead_unit = departments[lead]
        task_force = TaskForce.objects.create(
            programme=programme,
            kind=TaskForceKind.INDUSTRY,
            name=f"{name}专班",
            industry=industry,
            lead_unit=lead_unit,
            sort_order=order,
            contact=_person(f"{name[:1]}联络员", "处长", lead_unit, f"0531-8{order:03d}0000"),
        )
        task_force.member_units.set([departments["省发展改革委"], departments["省财政厅"], departments["省科技厅"]])
        task_force.lead_officials.set([_person(n, "副省长", government) for n in officials])
        if tank:
            think_tank = ThinkTank.objects.create(task_force=task_force, name=f"{name}产业智库")
            Expert.objects.create(
                think_tank=think_tank, name=f"{name[:2]}首席专家", affiliation="东川大学", is_chief=True
            )
            Expert.objects.create(think_tank=think_tank, name=f"{name[:2]}专家", affiliation="省社会科学院")
        if alliance:
            Alliance.objects.create(
                task_force=task_force, name=f"东川省{name}产业联盟", head="龙头企业负责人", member_count=40 + order
            )
        if fund:
            Fund.objects.create(
                programme=programme,
                task_force=task_force,
                name=f"东川省{name}产业投资基金",
                size=Decimal(200000 + order * 10000),
                manager="东川省新动能基金管理有限公司",
            )
        if plan:
            Document.objects.create(
                programme=programme,
                task_force=task_force,
                kind=DocumentKind.PLAN,
                title=f"东川省{name}产业发展规划（2023—2027年）",
                issuer=lead,
                doc_number=f"东政办发〔2023〕{order}号",
            )
    for order, (name, lead, officials, policies) in enumerate(PROVINCE_PILLARS, start=1):
        task_force = TaskForce.objects.create(
            programme=programme,
            kind=TaskForceKind.PILLAR,
            name=f"{name}专班",
            lead_unit=departments[lead],
            sort_order=order,
        )
        task_force.lead_officials.set(
            [_person(n, "省委常委" if i == 0 else "副省长", government) for i, n in enumerate(officials)]
        )
        if policies:
            Policy.objects.create(
                programme=programme,
                task_force=task_force,
                title=f"关于支持{name.strip('“”')}的若干政策措施",
                issuer="东川省人民政府办公厅",
                domain=PolicyDomain.TALENT if "人才" in name else PolicyDomain.APPROVALS,
            )
    return programme, office


def _district_programme(district: Region) -> tuple[Programme, Unit, list[Unit]]:
    departments = {name: _unit(name, UnitKind.DEPARTMENT, district) for name in DISTRICT_DEPARTMENTS}
    departments["青山商城管委会"] = _unit("青山商城管委会", UnitKind.ZONE_COMMITTEE, district)
    departments["青山经济开发区管委会"] = _unit("青山经济开发区管委会", UnitKind.ZONE_COMMITTEE, district)
    government = _unit("青山区人民政府", UnitKind.GOVERNMENT, district)
    leading_group = _unit("区新旧动能转换重大工程建设领导小组", UnitKind.LEADING_GROUP, district)
    office = _unit("区新旧动能转换重大工程建设领导小组办公室", UnitKind.OFFICE, district, "区领导小组办公室")
    programme = Programme.objects.create(
        name="青山区新旧动能转换工作推进方案",
        region=district,
        start_year=2024,
        end_year=2028,
        leading_group=leading_group,
        office=office,
        description="建设领导小组和10个产业专班、8条服务保障线组成的工作推进机制。",
    )
    for order, (name, lead, officials) in enumerate(DISTRICT_INDUSTRIES, start=1):
        industry = Industry.objects.create(name=name, region=district, sort_order=order)
        task_force = TaskForce.objects.create(
            programme=programme,
            kind=TaskForceKind.INDUSTRY,
            name=f"{name}专班",
            industry=industry,
            lead_unit=departments[lead],
            sort_order=order,
        )
        task_force.lead_officials.set([_person(n, "区级领导", government) for n in officials])
        task_force.member_units.set([departments["区发展改革局"], departments["区财政局"]])
    for order, (name, lead) in enumerate(DISTRICT_SERVICE_LINES, start=1):
        TaskForce.objects.create(
            programme=programme,
            kind=TaskForceKind.SERVICE_LINE,
            name=name,
            lead_unit=departments[lead],
            sort_order=order,
        )
    return programme, office, list(departments.values())


def _town_office_kind(town: Region) -> str:
    return UnitKind.ZONE_COMMITTEE if town.level == RegionLevel.ZONE else UnitKind.GOVERNMENT


def _town_office_name(town: Region) -> str:
    if town.level == RegionLevel.ZONE:
        return f"{town.name}管委会"
    return f"{town.name}{'办事处' if '街道' in town.name else '人民政府'}"


def load_org() -> DemoOrg:
    province, district, towns = _regions()
    province_programme, province_office = _province_programme(province)
    district_programme, district_office, _departments = _district_programme(district)
    for town in towns:
        _unit(_town_office_name(town), _town_office_kind(town), town)
    # The other counties' governments answer for the provincial projects there (青山区's has its programme).
    for county in Region.objects.filter(level=RegionLevel.COUNTY).exclude(pk=district.pk).order_by("code"):
        _unit(f"{county.name}人民政府", UnitKind.GOVERNMENT, county)
    enterprises = [
        _unit(name, UnitKind.ENTERPRISE, Region.objects.get(code=code), credit_code=credit)
        for name, credit, code in ENTERPRISES
    ]
    return DemoOrg(
        province, district, province_programme, district_programme, province_office, district_office, towns, enterprises
    )


def unit_named(name: str) -> Unit:
    return Unit.objects.get(name=name)


def task_force_named(name: str, **filters: Any) -> TaskForce:
    return TaskForce.objects.get(name=name, **filters)
