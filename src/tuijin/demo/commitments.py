"""The district's public commitments (seed 002: each year the task forces, service lines and towns
commit publicly to their targets and measures): this year's in every state, last year's evaluated.
Every step goes through the services, by the demo user who would take it."""

from decimal import Decimal
from typing import Any

from django.utils import timezone

from tuijin.accounts.models import User
from tuijin.org.models import Programme, Region, TaskForce
from tuijin.plans.commitments import services
from tuijin.plans.models import Commitment

from .org import DemoOrg

# The demo users who keep these owners' commitments; the others are entered by the administrator.
KEEPERS = {"机械制造专班": "taskforce", "财税服务保障线": "unit", "柳青街道": "territory"}

# (owner, commitment, target, measures, responsible, this year's state, progress % and what was done)
COMMITMENTS_THIS_YEAR = [
    (
        "机械制造专班",
        "壮大高端装备产业集群",
        "规上机械制造企业营业收入突破300亿元",
        "实施技改项目30个，培育“专精特新”企业10家。",
        "刘振华",
        "published",
        (60, "完成技改项目18个，营业收入累计182亿元。"),
    ),
    (
        "机械制造专班",
        "招引机械制造重点项目",
        "新招引亿元以上项目不少于8个",
        "开展产业链招商，赴长三角专题招商4次。",
        "钱金波",
        "draft",
        None,
    ),
    (
        "医养健康专班",
        "建设医养结合示范机构",
        "新增医养结合机构5家以上",
        "推动二级以上医院与养老机构签约合作。",
        "王永安",
        "submitted",
        None,
    ),
    (
        "木业产业专班",
        "推动木业转型升级",
        "木业规上企业新增15家左右",
        "推进板材企业入园集聚，淘汰落后产能。",
        "陈士明",
        "returned",
        None,
    ),
    (
        "商贸物流专班",
        "打造商贸物流枢纽",
        "社会物流总额达到6000亿元",
        "建设智慧物流园区，发展多式联运。",
        "顾文远",
        "approved",
        None,
    ),
    (
        "文化创意专班",
        "培育文化创意企业",
        "新增文化创意企业20家",
        "建设文创产业园，举办文创大赛。",
        "徐丽娟",
        "draft",
        None,
    ),
    (
        "现代金融专班",
        "扩大企业融资规模",
        "新增企业贷款不低于50亿元",
        "开展银企对接活动12场。",
        "刘爱民",
        "published",
        (40, "举办银企对接5场，新增贷款21亿元。"),
    ),
    (
        "医药产业专班",
        "推动医药产业提质",
        "医药产业产值增长10%以上",
        "支持企业新药研发和一致性评价。",
        "纪丙乾",
        "published",
        (75, "3个品种通过一致性评价，产值增长8.1%。"),
    ),
    (
        "全域旅游专班",
        "创建全域旅游示范区",
        "全年接待游客1200万人次",
        "打造精品旅游线路5条。",
        "桑立新",
        "submitted",
        None,
    ),
    (
        "有色金属专班",
        "延伸有色金属产业链",
        "有色金属深加工比重达到45%",
        "引进精深加工项目，建设再生金属基地。",
        "马凤来",
        "published",
        (20, "再生金属基地完成规划选址。"),
    ),
    ("食品产业专班", "做强绿色食品产业", "新增食品知名品牌3个", "实施品牌培育工程。", "闫斌", "approved", None),
    (
        "财税服务保障线",
        "落实减税降费政策",
        "为企业减税降费不少于5亿元",
        "开展政策宣讲进企业，实行直达快享。",
        "钱科长",
        "published",
        (50, "减税降费2.6亿元，宣讲覆盖企业800家。"),
    ),
    (
        "人才服务保障线",
        "引进高层次人才",
        "引进高层次人才100名以上",
        "实施“青山英才”计划。",
        "区人才办主任",
        "published",
        (30, "引进高层次人才32名。"),
    ),
    (
        "审批服务保障线",
        "压缩项目审批时间",
        "工程建设项目审批时间压缩至40个工作日以内",
        "推行并联审批和告知承诺制。",
        "区行政审批服务局局长",
        "submitted",
        None,
    ),
    (
        "项目招引服务保障线",
        "提高招商引资实效",
        "实际到位内资突破80亿元",
        "建立招商项目全程代办机制。",
        "区投资促进局局长",
        "draft",
        None,
    ),
    (
        "土地服务保障线",
        "保障重点项目用地",
        "供应工业用地不少于3000亩",
        "盘活批而未供和闲置土地。",
        "青山自然资源分局局长",
        "published",
        (45, "已供应工业用地1420亩。"),
    ),
    (
        "金融服务保障线",
        "防范化解金融风险",
        "不良贷款率控制在2%以内",
        "建立风险企业台账，分类处置。",
        "区金融办主任",
        "approved",
        None,
    ),
    (
        "政务环境服务保障线",
        "优化营商环境",
        "企业开办时间压缩至1个工作日",
        "推行企业开办“一窗通办”。",
        "区编办主任",
        "returned",
        None,
    ),
    (
        "督导考核服务保障线",
        "强化督导考核",
        "开展督导检查12次以上",
        "每月一督导，每季一通报。",
        "区委督委办主任",
        "published",
        (70, "开展督导检查9次。"),
    ),
    (
        "柳青街道",
        "加快楼宇经济发展",
        "新增税收过亿元楼宇2座",
        "实施楼宇招商，完善楼宇服务。",
        "周干事",
        "published",
        (55, "1座楼宇税收过亿元，另1座达8600万元。"),
    ),
    (
        "银雀山街道",
        "推进老旧小区改造",
        "改造老旧小区12个",
        "实行居民议事，分批改造。",
        "银雀山街道主任",
        "submitted",
        None,
    ),
    ("白沙镇", "发展特色农业", "新增高效农业面积2000亩以上", "推广大棚蔬菜和林果种植。", "白沙镇镇长", "draft", None),
    (
        "枣园镇",
        "培育规上工业企业",
        "新增规上工业企业5家",
        "建立培育库，一企一策帮扶。",
        "枣园镇镇长",
        "published",
        (40, "新增规上工业企业2家。"),
    ),
    ("半程镇", "建设特色小镇", "完成特色小镇投资10亿元", "推进小镇核心区建设。", "半程镇镇长", "returned", None),
    (
        "义堂镇",
        "推动产业园区扩容",
        "园区新增入驻企业30家左右",
        "完善园区配套，实行拎包入驻。",
        "义堂镇镇长",
        "approved",
        None,
    ),
    (
        "青山经济开发区",
        "园区经济对标赶超",
        "开发区规上工业增加值增长12%",
        "实施对标赶超计划，建设标准厂房。",
        "开发区管委会主任",
        "published",
        (65, "规上工业增加值增长9.5%。"),
    ),
    (
        "青山商城管理区",
        "推动市场转型升级",
        "网络零售额突破200亿元",
        "建设直播电商基地。",
        "商城管理区主任",
        "published",
        (80, "网络零售额达162亿元。"),
    ),
]

# Last year's, evaluated (score, evaluation).
EVALUATED_LAST_YEAR = [
    ("机械制造专班", "技改投资快速增长", "技改投资增长15%以上", 95, "技改投资增长18.2%，超额完成。"),
    ("医养健康专班", "建设康养项目", "建成康养项目3个", 88, "建成康养项目3个，运营良好。"),
    ("木业产业专班", "木业企业入园", "木业企业入园40家", 72, "入园31家，未完成目标。"),
    ("现代金融专班", "新增上市挂牌企业", "新增上市挂牌企业3家", 91, "新增上市挂牌企业4家。"),
    ("财税服务保障线", "优化财政支出结构", "民生支出占比达到80%左右", 86, "民生支出占比79.6%。"),
    ("柳青街道", "发展楼宇经济", "新增税收过千万元楼宇5座", 93, "新增6座。"),
    ("白沙镇", "招引农业项目", "招引农业项目10个以上", 58, "招引项目6个，差距较大。"),
]
_STEPS = {
    "draft": [],
    "submitted": ["submit"],
    "returned": ["submit", "return"],
    "approved": ["submit", "approve"],
    "published": ["submit", "approve", "publish"],
}


def _owner(programme: Programme, name: str) -> dict[str, Any]:
    force = TaskForce.objects.filter(programme=programme, name=name).first()
    if force is not None:
        return {"task_force": force}
    return {"region": Region.objects.get(name=name, path__startswith=programme.region.path)}


def _walk(commitment: Commitment, steps: list[str], keeper: User, office: User) -> Commitment:
    for step in steps:
        at = {"commitment": commitment, "expected_version": commitment.version}
        if step == "submit":
            commitment = services.commitment_submit(user=keeper, **at)
        elif step == "return":
            commitment = services.commitment_return(user=office, comment="目标值偏低，请对照年度任务重新测算。", **at)
        elif step == "approve":
            commitment = services.commitment_approve(user=office, **at)
        elif step == "publish":
            commitment = services.commitment_publish(user=office, **at)
    return commitment


def _create(
    programme: Programme, year: int, owner: str, title: str, target: str, measures: str, responsible: str
) -> tuple[Commitment, User]:
    users = {u.username: u for u in User.objects.filter(username__in=[*KEEPERS.values(), "admin"])}
    keeper = users[KEEPERS.get(owner, "admin")]
    commitment = services.commitment_create(
        user=keeper,
        programme=programme,
        year=year,
        title=title,
        target=target,
        measures=measures,
        responsible=responsible,
        **_owner(programme, owner),
    )
    return commitment, keeper


def load_commitments(org: DemoOrg) -> None:
    programme = org.district_programme
    office = User.objects.get(username="district_office")
    # This year as the demo runs, kept inside the programme's years so that last year is in them too.
    year = min(max(timezone.localdate().year, programme.start_year + 1), programme.end_year)
    for owner, title, target, measures, responsible, state, progress in COMMITMENTS_THIS_YEAR:
        commitment, keeper = _create(programme, year, owner, title, target, measures, responsible)
        commitment = _walk(commitment, _STEPS[state], keeper, office)
        if progress is not None:
            percent, narrative = progress
            services.commitment_progress_report(
                user=keeper,
                commitment=commitment,
                progress=percent,
                narrative=narrative,
                expected_version=commitment.version,
            )
    for owner, title, target, score, evaluation in EVALUATED_LAST_YEAR:
        commitment, keeper = _create(programme, year - 1, owner, title, target, "按年度计划推进。", "主要负责人")
        commitment = _walk(commitment, _STEPS["published"], keeper, office)
        commitment = services.commitment_progress_report(
            user=keeper,
            commitment=commitment,
            progress=100,
            narrative="全年工作已完成。",
            expected_version=commitment.version,
        )
        services.commitment_evaluate(
            user=office,
            commitment=commitment,
            score=Decimal(score),
            comment=evaluation,
            expected_version=commitment.version,
        )
