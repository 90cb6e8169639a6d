"""Cell values as offices write them: numbers, money, months, stages and 序号.

Stage words, and the library stage each one means (decided here, tested in test_values):

=========================================================  ============
谋划, 策划, 在谈, 洽谈, 意向, 招商                          conceived
储备, 预备, 签约, 入库                                      reserve
前期, 报批, 审批, 筹建, 计划开工, 拟开工, 待开工, 未开工,    preparing
计划新开工, 拟新开工
在建, 续建, 新开工, 开复工, 复工, 开工, 已开工, 促竣工,      construction
计划竣工, 拟竣工, 建设中, 施工, 在施
竣工投产, 建成投产, 部分投产, 竣工, 已竣工, 投产, 建成,      operating
完工, 投用, 投运, 运营
达产达效, 达产, 满产, 达效                                  full_output
退出, 终止, 取消, 撤销, 调出                                exited
新建, 扩建, 改建, 改扩建, 技改, 迁建                         construction once the row
                                                            shows investment done,
                                                            preparing before that
=========================================================  ============

新建 and its kin describe the kind of work (new build, expansion), not how far it got,
so `stage_of` reports them as NEW_BUILD and the row decides.
The longest word wins where words overlap (促竣工 is construction, not 竣工).
Anything else (停工, 缓建, a blank) is no stage: the sheet does not say.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal
from functools import lru_cache
from typing import Final

from .model import CellValue, StageWord
from .text import MARKERS, cell_text, to_simplified

WAN: Final = Decimal(1)
YI: Final = Decimal(10000)
_UNIT_WORDS: Final = (
    ("亿元", YI),
    ("亿", YI),
    ("千万元", Decimal(1000)),
    ("百万元", Decimal(100)),
    ("万元", WAN),
    ("千元", Decimal("0.1")),
    ("元", Decimal("0.0001")),
)
_UNIT_PATTERN = "|".join(word for word, _ in _UNIT_WORDS)
_UNIT = re.compile(_UNIT_PATTERN)
_UNITS = dict(_UNIT_WORDS)
# Cells that deliberately say "nothing here": not applicable, done, to be decided.
NOTHING: Final = frozenset(
    {"", "-", "--", "---", "/", "//", "\\", "无", "暂无", "待定", "未定", "不详", "空", "…", "……"}
    | {"x", "X", "×", "n/a", "N/A", "NA", "na", "null", "NULL", "√", "✓", "✔", "未知", "—"}
    | {"——", "—-"}
)
_NUMBER = re.compile(
    r"(?P<num>[+-]?(?:\d+(?:\.\d*)?|\.\d+))"
    rf"(?P<unit>{_UNIT_PATTERN})?(?P<pct>%)?"
    r"(?:\(.*\))?"
)
_HEDGES = re.compile(r"^(约为|大约|约|共计|共|≈)|(左右|以上|余|多)$")


class BadValue(ValueError):
    """A cell that cannot mean what its column says; the message is for the office, in Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def money_unit_in(text: str) -> Decimal | None:
    """The money unit a unit line or header names: "单位：个、亿元" -> 10000 (亿元 in 万元)."""
    found = _UNIT.search(text)
    return _UNITS[found.group()] if found else None


_WHITESPACE = re.compile(r"\s+")
_DIGIT = re.compile(r"\d")
_DATE_DASHES = str.maketrans("—–~～至到", "------")


def _folded(text: str) -> str:
    return _WHITESPACE.sub("", unicodedata.normalize("NFKC", text)).replace(",", "")


def parse_money(value: CellValue, unit: Decimal) -> Decimal | None:
    """Money in 万元 from a cell in a column whose unit is `unit` (its multiplier to 万元).

    A unit written in the cell ("5000万元", "1.2亿") wins over the column's.
    """
    if type(value) in (float, int):  # a real number, the common case; bool is not one
        if value != value:  # NaN from a broken formula export
            return None
        amount = Decimal(repr(value))
        return amount if unit == WAN else amount * unit
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadValue(f"「{cell_text(value)}」不是金额")
    amount, own_unit = _money_text(value)
    if amount is None:
        return None
    return amount * (own_unit or unit)


# Offices copy the same text figures down a column ("0", "/", "0.3"): read each once.
@lru_cache(maxsize=4096)
def _money_text(value: str) -> tuple[Decimal | None, Decimal | None]:
    """The amount a text cell states and the unit it names, if it names one."""
    if value.strip() in NOTHING:
        return None, None
    text = _HEDGES.sub("", _folded(to_simplified(value)))
    if text in NOTHING:
        return None, None
    match = _NUMBER.fullmatch(text)
    if not match and not _DIGIT.search(text) and stage_of(text):
        return None, None  # "未开工" in 本月完成: no figure because there is no work yet
    if not match:
        raise BadValue(f"「{value.strip()}」不是有效的金额")
    if match["pct"]:
        raise BadValue(f"「{value.strip()}」是百分比，不是金额")
    return Decimal(match["num"]), _UNITS[match["unit"]] if match["unit"] else None


# --- months -----------------------------------------------------------------------------

_EXCEL_EPOCH: Final = dt.date(1899, 12, 30)
_SEASONS: Final = (
    (re.compile(r"上半年|年初|初|一季度|第一季度|1季度|春"), 1),
    (re.compile(r"二季度|第二季度|2季度"), 4),
    (re.compile(r"下半年|三季度|第三季度|3季度|年中|中旬|秋"), 7),
    (re.compile(r"四季度|第四季度|4季度"), 10),
    (re.compile(r"年底|年末|底|末|冬"), 12),
)
_YEAR_MONTH = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*(?:年|[.\-/])?\s*(?:(?P<month>\d{1,2})(?!\d))?")
_SHORT_YEAR_MONTH = re.compile(r"^(?P<year>\d{2})年(?:(?P<month>\d{1,2})月)?")
_MONTH_ONLY = re.compile(r"^(?P<month>\d{1,2})月")


def _month(year: int, month: int) -> str:
    if not 1 <= month <= 12 or not 1900 <= year <= 2100:
        raise ValueError
    return f"{year:04d}-{month:02d}"


def _digits_month(digits: str) -> str | None:
    """Dates typed as bare digits: YYYYMM, YYMMDD ("131130" -> 2013-11), YYYYMMDD."""
    try:
        if len(digits) == 8:
            return _month(int(digits[:4]), int(digits[4:6]))
        if len(digits) == 6:
            try:
                return _month(int(digits[:4]), int(digits[4:]))
            except ValueError:
                dt.date(2000 + int(digits[:2]), int(digits[2:4]), int(digits[4:]))
                return _month(2000 + int(digits[:2]), int(digits[2:4]))
    except ValueError:
        return None
    return None


def _number_month(number: float) -> str | None:
    if number.is_integer():
        whole = int(number)
        if 1900 <= whole <= 2100:
            return f"{whole:04d}-01"
        if 20000 <= whole <= 80000:  # an Excel serial day number left unformatted
            day = _EXCEL_EPOCH + dt.timedelta(days=whole)
            return f"{day.year:04d}-{day.month:02d}"
        return _digits_month(str(whole))
    year, _, fraction = repr(number).partition(".")
    try:
        return _month(int(year), int(fraction)) if len(fraction) <= 2 else None
    except ValueError:
        return None


def parse_month(value: CellValue, year_hint: int | None = None) -> str | None:
    """The month a date cell names, as "YYYY-MM"; a range gives its start.

    "2023.3", "2023年3月", "131130", Excel dates and serials, "2009-2011" -> 2009-01,
    "2010-" -> 2010-01, "2023.3-2025.12" -> 2023-03. A bare "3月" takes `year_hint`.
    Cells with no date in them ("已开工", "√", "/") are None; a cell that tries to be a
    date and fails ("2023.13") is a BadValue.
    """
    if isinstance(value, dt.datetime | dt.date):
        return f"{value.year:04d}-{value.month:02d}"
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        if value != value or 0 <= value < 1900:
            return None  # a duration or a count (建设期限 "3"), not a date
        month = _number_month(float(value))
        if month is None:
            raise BadValue(f"「{cell_text(value)}」不是有效的日期")
        return month
    if not isinstance(value, str):
        return None
    return _month_text(value, year_hint)


@lru_cache(maxsize=4096)  # a column repeats its dates; read each text once
def _month_text(value: str, year_hint: int | None) -> str | None:
    text = _folded(to_simplified(value)).translate(_DATE_DASHES)
    if text in NOTHING or not _DIGIT.search(text):
        return None
    if text.isdigit():
        if int(text) < 1900:
            return None
        month = _number_month(float(text)) if len(text) <= 5 else _digits_month(text)
        if month is None:
            raise BadValue(f"「{value.strip()}」不是有效的日期")
        return month
    match = _YEAR_MONTH.search(text)
    if match:
        year = int(match["year"])
        rest = text[match.end() :]
        if match["month"] is None:
            return f"{year:04d}-{_season(rest):02d}"
        try:
            return _month(year, int(match["month"]))
        except ValueError:
            raise BadValue(f"「{value.strip()}」的月份无效") from None
    short = _SHORT_YEAR_MONTH.match(text)
    if short:
        return _month(2000 + int(short["year"]), int(short["month"] or 1))
    only = _MONTH_ONLY.match(text)
    if only and year_hint and 1 <= int(only["month"]) <= 12:
        return _month(year_hint, int(only["month"]))
    return None


def _season(rest: str) -> int:
    """The month a year-only date means: "2023年底" -> 12, "2023年下半年" -> 7, "2023" -> 1."""
    if rest.startswith("-"):  # "2009-2011": a range starts at the start of its first year
        return 1
    for pattern, month in _SEASONS:
        if pattern.match(rest.removeprefix("年")):
            return month
    return 1


# --- stages -----------------------------------------------------------------------------

NEW_BUILD: Final = "new_build"
_STAGE_WORDS: Final[dict[StageWord, tuple[str, ...]]] = {
    "conceived": ("谋划", "策划", "在谈", "洽谈", "意向", "招商"),
    "reserve": ("储备", "预备", "签约", "入库"),
    "preparing": (
        *("前期", "报批", "审批", "筹建", "计划开工", "拟开工", "待开工", "未开工"),
        *("计划新开工", "拟新开工"),
    ),
    "construction": (
        *("在建", "续建", "新开工", "开复工", "复工", "开工", "已开工", "促竣工"),
        *("计划竣工", "拟竣工", "建设中", "施工", "在施"),
    ),
    "operating": (
        *("竣工投产", "建成投产", "部分投产", "竣工", "已竣工", "投产", "建成", "完工"),
        *("投用", "投运", "运营"),
    ),
    "full_output": ("达产达效", "达产", "满产", "达效"),
    "exited": ("退出", "终止", "取消", "撤销", "调出"),
    NEW_BUILD: ("新建", "扩建", "改建", "改扩建", "技改", "迁建"),
}
_STAGE_OF_WORD: Final = {word: stage for stage, words in _STAGE_WORDS.items() for word in words}
# Longest first, so 促竣工 is read before 竣工 and 计划开工 before 开工.
_STAGE_WORD = re.compile("|".join(sorted(_STAGE_OF_WORD, key=len, reverse=True)))


def stage_of(text: str) -> StageWord | None:
    """The stage the first stage word in a cell names (NEW_BUILD for 新建 and its kin)."""
    found = _STAGE_WORD.search(_folded(to_simplified(text)))
    return _STAGE_OF_WORD[found.group()] if found else None


def stage_named(text: str) -> StageWord | None:
    """The stage when the whole cell is a stage word ("续建", "新开工项目"), else None.

    For telling a column of stages from a column of prose that mentions one ("主体施工").
    """
    word = _folded(to_simplified(text)).removesuffix("项目")
    return _STAGE_OF_WORD.get(word)


def stage_stated(text: str) -> StageWord | None:
    """The stage a title or heading states, when all its stage words agree on one."""
    stages = {_STAGE_OF_WORD[m.group()] for m in _STAGE_WORD.finditer(_folded(to_simplified(text)))}
    return stages.pop() if len(stages) == 1 else None


# --- 序号 -------------------------------------------------------------------------------

_CN_DIGITS: Final = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
CHINESE_NUMERAL: Final = re.compile(r"[零〇一二三四五六七八九十百两]+")


def chinese_number(text: str) -> int | None:
    """一 -> 1, 十二 -> 12, 二十 -> 20, 一百零五 -> 105; None when it is not a numeral."""
    if not text or not CHINESE_NUMERAL.fullmatch(text):
        return None
    total, current = 0, 0
    for char in text:
        if char == "百":
            total += (current or 1) * 100
            current = 0
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = current * 10 + _CN_DIGITS[char]
    return total + current


_SEQ_MARKERS = re.compile(f"[{re.escape(MARKERS)}\\s]+")


def seq_number(value: CellValue) -> int | None:
    """A 序号 in arabic digits, whatever its dress: 3.0, "4●", "*3", " 12 "."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return int(value) if value == value and float(value).is_integer() and value > 0 else None
    if not isinstance(value, str):
        return None
    text = _SEQ_MARKERS.sub("", unicodedata.normalize("NFKC", value)).rstrip("、.")
    if text.isdigit() and len(text) <= 6:
        return int(text)
    if re.fullmatch(r"\d+\.0+", text):
        return int(float(text))
    return None


def seq_text(value: CellValue) -> str | None:
    """The 序号 to show: "3" for 3.0 or "4●", "12" for 十二, the text otherwise."""
    number = seq_number(value)
    if number is not None:
        return str(number)
    text = _SEQ_MARKERS.sub("", cell_text(value))
    numeral = chinese_number(text.rstrip("、.．"))
    return str(numeral) if numeral is not None else (text or None)
