"""Quantitative targets: 新开通5G基站4万个以上 → 40000 个, >=, subject 5G基站.

A number with a unit is a target when

* it carries a comparator: 不低于/至少 ≥, 突破/超过 >, 不超过/控制在 ≤, 低于 <,
  达到/提高到 =, 约/近 ~, or after it 以上 ≥, 以下/以内 ≤, 左右 ~ (余/多 >);
* it is the object of a goal verb (打造30家…, 实施100个…, 增长8%);
* it closes a clause that holds a goal verb or opens with a target's framing
  (城镇新增就业50万人, 全年接待游客1亿人次);
* it continues an enumeration of such targets (谋划推进100个A、100个B).

Numbers inside 《titles》, quotation marks or brackets are references, not
targets; so are qualifiers such as the 5亿元以上 in 100个5亿元以上重点项目.

``value`` folds 万/亿/万亿 into the number (万元/亿元 become 元); ``unit`` keeps the
document's script (empty for 突破2000万); ``comparator`` is one of ``>= > <= < = ~``;
``text`` is the clause that holds the quantity; ``subject`` is what follows the
quantity, or else what precedes it without time words, adverbs and goal verbs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .model import Target
from .text import Passage, fold_width

_MULTIPLIERS = {
    "万亿": 10**12,
    "千亿": 10**11,
    "百亿": 10**10,
    "亿": 10**8,
    "千万": 10**7,
    "百万": 10**6,
    "万": 10**4,
    "千": 10**3,
    "百": 100,
}
_UNITS = (
    "个百分点|百分点|个工作日|工作日|个月|%|‰|美元|元|平方公里|平方千米|平方米|立方米|公里|千米|"
    "公顷|亩|吨标准煤|吨|千瓦时|千瓦|兆瓦|千伏|标箱|人次|户|人|名|个|家|项|所|座|条|台|套|辆|"
    "张|处|批|场|次|支|件|篇|部|间|栋|株|棵|艘|架|列|床|份|种|款|块|宗|例|位|天|小时|分钟|倍|"
    "微克/立方米|米"
)
_QUANTITY = re.compile(
    r"(?P<number>\d+(?:\.\d+)?)\s*(?P<multiplier>万亿|千亿|百亿|亿|千万|百万|万|千|百)?"
    rf"(?P<approx>余|多)?(?P<unit>{_UNITS})?"
)
_PREFIX = re.compile(
    r"(?P<word>不低于|不少于|不小于|至少|最少|不超过|不高于|不多于|不大于|最多|控制在|低于|少于|小于|"
    r"高于|超过|多于|大于|突破|达到|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增长至|增至|"
    r"降低到|降低至|降到|降至|下降到|下降至|减少到|减少至|压缩到|压缩至|压减到|压减至|缩减到|缩减至|"
    r"缩短到|缩短至|稳定在|保持在|达|(?<![节制简契预公大条])约|(?<![最附将])近)(?:有|在|为)?\s*$"
)
_PREFIX_COMPARATOR = {
    **dict.fromkeys(("不低于", "不少于", "不小于", "至少", "最少"), ">="),
    **dict.fromkeys(("不超过", "不高于", "不多于", "不大于", "最多", "控制在"), "<="),
    **dict.fromkeys(("低于", "少于", "小于"), "<"),
    **dict.fromkeys(("高于", "超过", "多于", "大于", "突破"), ">"),
    "约": "~",
    "近": "~",
}
_STRICT_PREFIXES = frozenset(("不低于", "不少于", "不小于", "至少", "最少", "不超过", "不高于"))
_SUFFIX = re.compile(r"\s*(?P<word>以上|以下|以内|之内|左右|上下(?!游)|内)")
_SUFFIX_COMPARATOR = {"以上": ">=", "以下": "<=", "以内": "<=", "之内": "<=", "左右": "~"}
_SUFFIX_COMPARATOR |= {"上下": "~", "内": "<="}
_GOAL_VERB_WORDS = (
    *(
        "新增",
        "新建",
        "新开通",
        "新认定",
        "新培育",
        "新引进",
        "新开工",
        "新设立",
        "新创建",
        "新发展",
    ),
    *("新改建", "新建改建", "改扩建", "布局建设", "布局", "建成", "建设", "打造", "培育", "实施"),
    *(
        "完成",
        "引进",
        "创建",
        "推动",
        "推进",
        "谋划",
        "储备",
        "开工",
        "招引",
        "组建",
        "设立",
        "建立",
    ),
    *(
        "举办",
        "认定",
        "实现",
        "增长",
        "提高",
        "提升",
        "下降",
        "降低",
        "减少",
        "压减",
        "压缩",
        "淘汰",
    ),
    *(
        "化解",
        "改造",
        "累计",
        "推出",
        "遴选",
        "扶持",
        "争创",
        "开通",
        "签约",
        "培训",
        "培养",
        "吸纳",
    ),
    *(
        "带动",
        "安置",
        "转移",
        "资助",
        "救助",
        "帮扶",
        "招聘",
        "发放",
        "投入",
        "安排",
        "造林",
        "治理",
    ),
    *("修复", "整治"),
)
_GOAL_VERBS = "|".join(_GOAL_VERB_WORDS)
# A subject may open with 建设 (建设用地规模), so it is not stripped from one.
_SUBJECT_OPENING_VERBS = "|".join(word for word in _GOAL_VERB_WORDS if word != "建设")
_GOAL_VERB = re.compile(rf"(?:{_GOAL_VERBS})了?\s*$")
_TIME_AND_ADVERBS = (
    r"(?:到|至|截至)?\d{4}年(?:底|末)?(?:前)?(?:的)?|年内|今年|全年|当年|每年|年底前|到年底|届时|"
    r"力争|确保|争取|努力|全力|力求|累计|高标准|加快|积极|大力|进一步|逐步"
)
# 城镇新增就业50万人 / 全年接待游客1亿人次: a goal verb in the clause, or a clause that
# opens with a target's framing (全年, 到2025年, 力争); and the quantity closes it.
_CLAUSE_GOAL = re.compile(_GOAL_VERBS)
_GOAL_FRAMING = re.compile(_TIME_AND_ADVERBS)
_TRAILING_CHANGE = re.compile(r"(?:增长|下降|降低|提高|提升|减少|增加|比上年|同比)+$")
_COUNTED_BEFORE = re.compile(r"\d+(?:\.\d+)?\s*(?:万|亿)?\s*[个家项所座条批]\s*$")
_NOT_A_QUANTITY_BEFORE = frozenset("0123456789.第-—~/abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_SEGMENT_END = frozenset(",。;:、!?\n")
_CLAUSE_END = frozenset(",。;:!?\n")
_LEADING_NOISE = re.compile(rf"^(?:{_TIME_AND_ADVERBS}|{_SUBJECT_OPENING_VERBS})")
_WINDOW = 12
_REFERENCE = re.compile(
    r"《[^《》\n]*》|“[^“”\n]*”|\"[^\"\n]*\"|‘[^‘’\n]*’|「[^「」\n]*」"
    r"|\((?:[^()\n]|\([^()\n]*\))*\)"
)


@dataclass(frozen=True)
class _Quantity:
    match: re.Match[str]
    comparator: str | None
    start: int  # where the comparator (or the number) begins
    end: int  # after any trailing comparator


def find_targets(piece: Passage) -> tuple[Target, ...]:
    view = piece.view
    quantities = list(_QUANTITY.finditer(view))
    references = _references(view) if quantities else []
    targets: list[Target] = []
    previous: _Quantity | None = None
    for match in quantities:
        start = match.start()
        if _inside(references, start) or _is_embedded(view, start) or not _has_unit(view, match):
            continue
        quantity = _read(view, match, previous)
        previous = quantity if quantity.comparator else None
        if quantity.comparator is None:
            continue
        targets.append(_target(piece, quantity))
    return tuple(targets)


def _references(view: str) -> list[tuple[int, int]]:
    """Spans of 《titles》, quotations and brackets: their numbers are not targets."""
    return [found.span() for found in _REFERENCE.finditer(view)]


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    return any(start < position < end for start, end in spans)


def _has_unit(view: str, match: re.Match[str]) -> bool:
    """突破2000万 counts without a unit; a bare number does not."""
    if match.group("unit"):
        return True
    if not match.group("multiplier"):
        return False
    suffix = _SUFFIX.match(view, match.end())
    end = suffix.end() if suffix else match.end()
    return end == len(view) or view[end] in _SEGMENT_END


def _is_embedded(view: str, start: int) -> bool:
    if start == 0:
        return False
    thousands = view[start - 1] == "," and start > 1 and view[start - 2].isdigit()
    return thousands or view[start - 1] in _NOT_A_QUANTITY_BEFORE


def _read(view: str, match: re.Match[str], previous: _Quantity | None) -> _Quantity:
    before = view[max(0, match.start() - _WINDOW) : match.start()]
    prefix = _PREFIX.search(before)
    suffix = _SUFFIX.match(view, match.end())
    start = match.start() - (len(before) - prefix.start()) if prefix else match.start()
    end = suffix.end() if suffix else match.end()
    comparator = _comparator(prefix, suffix, match)
    if comparator is None and (_GOAL_VERB.search(before) or _closes_goal_clause(view, match, end)):
        comparator = "="
    if comparator is None and previous is not None and _continues_enumeration(view, previous, match, end):
        comparator = "="
    if comparator is not None and prefix is None and _is_qualifier(view, match, suffix, before):
        comparator = None
    return _Quantity(match, comparator, start, end)


def _comparator(prefix: re.Match[str] | None, suffix: re.Match[str] | None, match: re.Match[str]) -> str | None:
    """Strict words before the number win; then a word after it; then 余/多; then the rest."""
    prefix_word = prefix.group("word") if prefix else None
    if prefix_word in _STRICT_PREFIXES:
        return _PREFIX_COMPARATOR[prefix_word]
    if suffix and suffix.group("word") in _SUFFIX_COMPARATOR:
        return _SUFFIX_COMPARATOR[suffix.group("word")]
    if match.group("approx"):
        return ">"
    if prefix_word is not None:
        return _PREFIX_COMPARATOR.get(prefix_word, "=")
    return None


def _closes_goal_clause(view: str, match: re.Match[str], end: int) -> bool:
    if end < len(view) and view[end] not in _SEGMENT_END:
        return False
    seg_start, _ = _segment(view, match.start(), end)
    if _GOAL_FRAMING.match(view, seg_start, match.start()):
        return True
    return _CLAUSE_GOAL.search(view, seg_start, match.start()) is not None


def _continues_enumeration(view: str, previous: _Quantity, match: re.Match[str], end: int) -> bool:
    """B counts because A did, under the same verb in the same clause:
    谋划推进100个A、100个B and 新增A100家、B500家."""
    if previous.comparator != "=" or match.start() == 0:
        return False
    between = view[previous.end : match.start()]
    if any(char in _CLAUSE_END for char in between) or between.count("、") > 1:
        return False
    if view[match.start() - 1] in "、和及":
        return True
    closes_segment = end == len(view) or view[end] in _SEGMENT_END
    return between.startswith("、") and closes_segment


def _is_qualifier(view: str, match: re.Match[str], suffix: re.Match[str] | None, before: str) -> bool:
    """5亿元以上 in 100个5亿元以上重点项目 / 对1000万元以上项目 describes, not targets."""
    if _COUNTED_BEFORE.search(before):
        return True
    if match.group("unit") in ("元", "美元") and suffix and suffix.group("word") in ("以上", "以下"):
        following = view[suffix.end() : suffix.end() + 1]
        return bool(following) and following not in _SEGMENT_END
    return False


def _target(piece: Passage, quantity: _Quantity) -> Target:
    view = piece.view
    match = quantity.match
    seg_start, seg_end = _segment(view, match.start(), quantity.end)
    before = _strip_leading(view[seg_start : quantity.start])
    after = _following_subject(view[quantity.end : seg_end])
    subject_view = after or before
    subject = _original_of(piece, view, subject_view, seg_start, seg_end)
    return Target(
        text=piece.cut(seg_start, seg_end).strip(),
        value=_value(match),
        unit=_unit(piece, match),
        comparator=quantity.comparator or "=",
        subject=subject,
    )


def _segment(view: str, start: int, end: int) -> tuple[int, int]:
    seg_start = start
    while seg_start > 0 and view[seg_start - 1] not in _SEGMENT_END:
        seg_start -= 1
    seg_end = end
    while seg_end < len(view) and view[seg_end] not in _SEGMENT_END:
        seg_end += 1
    return seg_start, seg_end


def _strip_leading(text: str) -> str:
    """The subject before a quantity, without time words, adverbs and verbs of change."""
    text = text.strip()
    while True:
        found = _LEADING_NOISE.match(text)
        if not found or not found.end():
            break
        text = text[found.end() :].strip()
    return _TRAILING_CHANGE.sub("", text).strip()


def _following_subject(text: str) -> str:
    """The noun the quantity counts: up to the next number, bracket or 并."""
    for index, char in enumerate(text):
        if char.isdigit() or char in "(并":
            text = text[:index]
            break
    return text.strip().removeprefix("的").rstrip("和及与、 ")


def _original_of(piece: Passage, view: str, subject_view: str, start: int, end: int) -> str:
    if not subject_view:
        return ""
    found = view.find(subject_view, start, end)
    return piece.cut(found, found + len(subject_view)) if found >= 0 else subject_view


def _value(match: re.Match[str]) -> int | float:
    value = Decimal(match.group("number")) * _MULTIPLIERS.get(match.group("multiplier") or "", 1)
    return int(value) if value == value.to_integral_value() else float(value)


def _unit(piece: Passage, match: re.Match[str]) -> str:
    if not match.group("unit"):
        return ""
    return fold_width(piece.cut(match.start("unit"), match.end("unit")))
