"""The field vocabulary: which header texts mean which field of a project.

Headers arrive folded (simplified script, half-width, no whitespace) as a path of parent
and child texts, e.g. ("投资完成情况", "1-10月累计"). The leaf says what the column is;
parents settle what a generic leaf means: "计划" under "2023年" is the annual plan,
"累计完成投资" under "开工以来" is investment since the start, under "1-10月" it is the
year to date.

Headers tied to a month or a year ("1-9月累计", "10月完成", "2022年计划") are only the
field they look like for the sheet's own period: the others are last month's or last
year's figures that offices keep beside this month's, and are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from .model import Field

_MONTH_SPAN = re.compile(r"(?<!\d)\d{1,2}[-至](\d{1,2})?月")
_SINGLE_MONTH = re.compile(r"(?<![-至\d])(\d{1,2})月份?")
_YEAR = re.compile(r"((?:19|20)\d{2})年?")

_IGNORED = re.compile(
    r"率|比例|占比|比重|百分比|%|增长|增速|同比|环比|排名|名次|得分|是否|个数|数量|项目数|"
    r"^其中|上年|去年|同期|上月|到位|资金来源|占|配合单位|协办|季度|下步|下一步|工作计划|措施|打算"
)
_WHEN = re.compile(r"时间|日期|年月|年限|期限")
_IN_WHICH = re.compile(r"^其中[:：]?")
_SINCE_START = re.compile(
    r"开工以来|开工累计|自开工|开工至今|开工至|建设以来|项目累计|总累计|截至目前|截止目前|"
    r"至今累计|历年累计|截至上年|截止上年"
)
_THIS_YEAR = re.compile(r"年度|本年|今年|当年|全年|年初|(?:19|20)\d{2}年?")
_THIS_MONTH = re.compile(r"本月|当月|本期|月度")
# A cut-off date ("截至2023年10月底") says when a sum was taken, not which months it covers.
_CUTOFF = re.compile(r"\(?截[至止](?=\d)(?:(?:19|20)\d{2}年)?(?:\d{1,2}月份?)?(?:底|末)?\)?")
_DONE = re.compile(r"完成|累计|实际|实绩|已投")
_PLAN = re.compile(r"计划(?!开工|竣工|投产|完工|建成|开竣工|新开工)|下达|预计")
_TOTAL = re.compile(r"总投资|投资总额|总额|概算|估算|^投资额$|^项目投资$|投资规模")
_GENERIC_LEAVES = frozenset({"名称", "单位", "部门", "时间", "日期", "年月", "年份", "姓名", "人员", "内容", "地点"})

# Each rule: the patterns, separated by spaces, any of which names the field; the field;
# how sure a match is.
_WORD_RULES: tuple[tuple[str, Field, float], ...] = (
    (r"^(序号|序|编号|no\.?|排序|顺序号|序列)$", "seq", 1.0),
    (r"代码 编码 项目编号 备案号 赋码 统一编号 项目id 审批编号", "code", 1.0),
    # Before the units: "项目名称（建设单位）" is the name column.
    (
        r"项目名称 工程名称 ^名称$ ^项目$ ^建设项目$ 项目名$ 项目\(工程\)名称 项目及名称",
        "name",
        1.0,
    ),
    (
        r"责任人 负责人 责任领导 包抓领导 包联领导 联系领导 分管领导 牵头领导 包保领导 领导",
        "responsible_person",
        1.0,
    ),
    (
        r"责任单位 牵头单位 责任部门 牵头部门 主管部门 主管单位 推进单位 责任主体 包抓单位 "
        r"包联单位 包保单位",
        "responsible_unit",
        1.0,
    ),
    (
        r"项目单位 建设单位 业主 项目法人 法人单位 实施单位 建设主体 实施主体 投资主体 投资方 "
        r"申报单位 承办单位 企业名称 单位名称 投资单位 项目主体 投资企业 ^企业$",
        "owner",
        1.0,
    ),
    (
        r"建设内容 建设规模 规模及内容 主要内容 项目内容 项目概况 项目简介 内容及规模 规模和内容 "
        r"主要建设",
        "content",
        1.0,
    ),
    (r"阶段 建设性质 项目状态 建设状态", "stage", 1.0),
    (r"形象进度 进展 工程进度 建设进度 项目进度 推进情况 进度情况 形象", "progress_note", 1.0),
    (r"问题 困难 需协调 协调事项 诉求 制约因素 需要解决 堵点 难点", "problems", 1.0),
    (r"^备注 备注$", "remark", 1.0),
    (r"^说明$", "remark", 0.8),
    # A planned date gives way to the actual one where a sheet has both.
    (r"计划开工 拟开工", "start", 0.95),
    (r"开工(时间|日期|年月|年份|年度)?$ ^开工", "start", 1.0),
    (r"计划竣工 拟竣工", "completion", 0.95),
    # A span of years gives the start too, but a column that names the start is surer.
    (r"起止 年限 建设期限 开竣工 建设期$ 建设时间", "start", 0.9),
    (r"(竣工|完工|投产|建成|投用)(时间|日期|年月|年份)?$", "completion", 1.0),
    (r"所属产业 产业 行业 领域 门类", "industry", 1.0),
    # These hold either stages or industries; detection looks at the cells to decide.
    (r"类别 类型 性质 状态", "stage", 0.5),
    (
        r"所在地 建设地点 地点 属地 县市区 县\(市、?区\) 县\(市\)区 县\(区\) 区\(县\) 区县 县区 "
        r"区域 地区 乡镇 所在县 选址 位置 市州 所属地 县市 市县 所在市 行政区 园区",
        "region",
        1.0,
    ),
    # Contacts, after 责任人 and 负责人 so that "责任人及电话" stays the person.
    (r"电话 手机 联系方式 联系人", "ignore", 1.0),
)
_WORDS: tuple[tuple[Callable[[str], re.Match[str] | None], Field, float], ...] = tuple(
    (re.compile("|".join(patterns.split()), re.IGNORECASE).search, field, confidence)
    for patterns, field, confidence in _WORD_RULES
)


@dataclass(frozen=True)
class Proposal:
    field: Field
    confidence: float
    year: int | None = None  # 2023 for "2023年计划投资"
    month: int | None = None  # N for "1-N月累计" or "N月完成"; None when blank or absent
    ambiguous: bool = False  # stage or industry: the cells decide


_NOTHING = Proposal("ignore", 0.0)


def propose(parts: Sequence[str]) -> Proposal:
    """What a column is, from its folded header path (parents first)."""
    parts = [bare for part in parts if (bare := _CUTOFF.sub("", part))]
    if not parts or len(parts[-1]) > 30:
        return _NOTHING
    leaf, context = parts[-1], "".join(parts)
    if leaf.startswith("其中"):
        return _part_of(parts)
    if _IGNORED.search(leaf) or (leaf in _GENERIC_LEAVES and _IGNORED.search(context)):
        return Proposal("ignore", 1.0)
    money = _money(leaf, context)
    if money:
        return money
    by_leaf = _by_words(leaf)
    if by_leaf:
        return by_leaf
    if leaf in _GENERIC_LEAVES:
        by_context = _by_words(context)
        if by_context:
            return replace(by_context, confidence=min(by_context.confidence, 0.8))
    return _NOTHING


def _part_of(parts: Sequence[str]) -> Proposal:
    """A "其中：…" column: this year's or this month's share of a total counts as that
    figure ("累计完成/其中：今年完成"); any other share (中央资金, 银行贷款) is ignored."""
    leaf = _IN_WHICH.sub("", parts[-1])
    share = _money(leaf, "".join([*parts[:-1], leaf])) if leaf else None
    if share and share.field in ("investment_ytd", "investment_month"):
        return share
    return Proposal("ignore", 1.0)


def _by_words(text: str) -> Proposal | None:
    for search, field, confidence in _WORDS:
        if search(text):
            return Proposal(field, confidence, ambiguous=confidence < 1.0 and field == "stage")
    return None


def _year(context: str) -> int | None:
    years = _YEAR.findall(context)
    return int(years[-1]) if years else None


def _money(leaf: str, context: str) -> Proposal | None:
    if _WHEN.search(leaf):
        return None  # "实际开工时间" is a date, however much it says 实际
    year = _year(context)
    if _TOTAL.search(leaf) and not _DONE.search(leaf):
        return Proposal("total_investment", 1.0)
    if leaf in {"合计", "小计", "金额", "投资", "投资额"} and _TOTAL.search(context):
        return Proposal("total_investment", 0.9)
    span = _MONTH_SPAN.search(context)
    single = _SINGLE_MONTH.search(leaf) or _SINGLE_MONTH.search(context)
    if _PLAN.search(leaf) or (_PLAN.search(context) and _THIS_YEAR.search(leaf)):
        if span or _THIS_MONTH.search(context) or single:
            return Proposal("ignore", 1.0)  # a plan for the month or for months 1-N
        sure = bool(_THIS_YEAR.search(context)) or "投资" in leaf
        return Proposal("annual_plan", 1.0 if sure else 0.8, year=year)
    timed = span or single or _THIS_MONTH.search(leaf) or _THIS_YEAR.search(leaf)
    if not (_DONE.search(leaf) or timed or _SINCE_START.search(leaf)):
        return None
    # A bare "本月" or "1-10月" is a money column all the same, only less surely.
    sure = 1.0 if _DONE.search(context) or "投资" in context else 0.8
    if _THIS_MONTH.search(leaf):
        return Proposal("investment_month", sure)
    if span:
        return Proposal("investment_ytd", sure, year=year, month=_int(span.group(1)))
    if sure < 1.0:
        return None
    if _SINCE_START.search(context):
        return Proposal("investment_since_start", 1.0)
    if single:
        return Proposal("investment_month", 1.0, year=year, month=int(single.group(1)))
    if _THIS_MONTH.search(context):
        return Proposal("investment_month", 0.9)
    if _THIS_YEAR.search(context):
        return Proposal("investment_ytd", 1.0, year=year)
    if "累计" in leaf:
        return Proposal("investment_since_start", 0.8)
    return Proposal("investment_ytd", 0.5)


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def settle(proposals: Sequence[Proposal], period: str | None) -> list[Proposal]:
    """Keep one column per field: the one for the sheet's period, then the surest, then the first.

    Without a period, the latest year and month on the sheet stand for it.
    """
    year, month = (int(period[:4]), int(period[5:7])) if period else (None, None)
    latest_year: dict[Field, int] = {}
    latest_month: dict[Field, int] = {}
    for p in proposals:
        if p.year:
            latest_year[p.field] = max(p.year, latest_year.get(p.field, p.year))
        if p.month:
            latest_month[p.field] = max(p.month, latest_month.get(p.field, p.month))
    timely = [
        p
        if _is_current(p, year or latest_year.get(p.field), month or latest_month.get(p.field))
        else Proposal("ignore", 1.0)
        for p in proposals
    ]
    best: dict[Field, int] = {}
    for index, proposal in enumerate(timely):
        if proposal.field == "ignore":
            continue
        held = best.get(proposal.field)
        if held is None or proposal.confidence > timely[held].confidence:
            best[proposal.field] = index
    keep = set(best.values())
    return [p if i in keep or p.field == "ignore" else Proposal("ignore", 0.0) for i, p in enumerate(timely)]


def _is_current(proposal: Proposal, year: int | None, month: int | None) -> bool:
    if proposal.year and year and proposal.year != year:
        return False
    return not (proposal.month and month and proposal.month != month)
