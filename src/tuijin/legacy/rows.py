"""Telling project rows from everything else in a table's body.

Below the header an office table mixes project rows with rows that only organise or sum
them: group headings ("一、工业项目（7个）", "（一）…"), which may carry the stage of the
rows below ("一、在建项目"); totals and subtotals ("合计", "小计", "某某市合计14个");
empty numbered slots; and, under the table, notes ("备注：…") and sign-off lines
("填报人：…", "审核人", "联系电话"). Everything after the first note or sign-off line
belongs to the footer.

Blank rows, including rows of cells holding only spaces, separate things and say
nothing, so they are not reported as skipped. A row with only a 序号 is an empty slot of
the template and is reported as 空行.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .model import CellValue, SheetLayout, StageWord
from .text import cell_text, clean_name, fold
from .values import CHINESE_NUMERAL, NOTHING, seq_number, stage_stated

TOTAL, SUBTOTAL, GROUP, EMPTY = "合计行", "小计行", "分组行", "空行"
NOTE, SIGNATURE, REPEATED_HEADER, NO_NAME = "备注行", "签名行", "重复表头", "无项目名称"

_TOTAL = re.compile(r"合计|总计|总和|共计")
_BRACKETED = re.compile(r"\([^()]*\)")
_SUBTOTAL = re.compile(r"小计|^其中")
_HEADINGS = (
    (re.compile(r"^第[一二三四五六七八九十百]+[部分类批章节篇]"), 1),
    (re.compile(r"^[一二三四五六七八九十百]+[、.,:]"), 1),
    (re.compile(r"^\([一二三四五六七八九十百]+\)"), 2),
)
_NUMBERING = re.compile(
    r"^(第[一二三四五六七八九十百]+[部分类批章节篇]|[一二三四五六七八九十百]+[、.．,，:：]"
    r"|[（(][一二三四五六七八九十百]+[)）])\s*"
)
_COUNT = re.compile(r"\s*[（(]\s*(共|计)?\s*\d+\s*(个|项)?(项目)?\s*[)）]\s*$")
_COUNTED = re.compile(r"\(\s*(共|计)?\d+(个|项)(项目)?\)$|共\d+个|\d+个项目$")
_NOTE = re.compile(r"^(备注|附注|注|附|说明|数据来源|资料来源)\d*[:、.]|^备注")
_SIGNATURE = re.compile(
    r"^(填报人|填表人|审核人|制表人|统计人|单位负责人|统计负责人|主管领导|分管领导|联系人|"
    r"联系电话|填报日期|填表日期|报送日期|填报单位|报送单位|制表单位|报表单位)"
    r"|^(审核|制表|负责人|电话|签字|盖章|日期):"
)
_HEADER_WORDS_MAX = 30
# Without 计 a numbered row cannot be a total ("合计", "小计"), so rows lacking it skip
# the slower checks.
_TOTAL_MARK = re.compile("[计計]")


@dataclass(frozen=True)
class Heading:
    level: int  # 1 for "一、", 2 for "（一）", 3 for an unnumbered group line
    text: str  # numbering and count removed: "工业项目"
    stage: StageWord | None
    numbered: bool


@dataclass(frozen=True)
class Verdict:
    row: int  # 0-based
    reason: str | None  # None for a project row
    text: str = ""
    heading: Heading | None = None  # for a group row: the heading; for a project row: its group
    stage: StageWord | None = None  # for a project row: the stage its headings state
    name: str | None = None  # for a project row: its name, cleaned


def read_body(cells: Sequence[Sequence[CellValue]], layout: SheetLayout) -> list[Verdict]:
    """A verdict for every non-blank row from the layout's first data row down."""
    reader = _BodyReader(cells, layout)
    verdicts = [verdict for r in range(layout.data_start - 1, len(cells)) if (verdict := reader.read(r)) is not None]
    return _footer_after_last_project(verdicts)


class _BodyReader:
    def __init__(self, cells: Sequence[Sequence[CellValue]], layout: SheetLayout) -> None:
        self.cells = cells
        self.width = max(column.index for column in layout.columns) + 1
        seq, name = layout.column_for("seq"), layout.column_for("name")
        self.seq_col = seq.index if seq else None
        self.name_col = name.index if name else 0
        self.header_words = {part for column in (seq, name) if column for part in column.header.split("/")}
        self.footer = False
        self.headings: list[Heading] = []
        arabic, chinese = self._numbering(layout.data_start - 1)
        self.numbers_rows = arabic + chinese > 0
        self.chinese_numbers_projects = chinese > arabic

    def _numbering(self, first: int) -> tuple[int, int]:
        """How many rows carry an arabic 序号, and how many a bare Chinese numeral."""
        if self.seq_col is None:
            return 0, 0
        arabic = chinese = 0
        for line in self.cells[first:]:
            value = line[self.seq_col] if self.seq_col < len(line) else None
            if seq_number(value) is not None:
                arabic += 1
            elif isinstance(value, str) and CHINESE_NUMERAL.fullmatch(value.strip()):
                chinese += 1
        return arabic, chinese

    def _cell(self, line: Sequence[CellValue], col: int | None) -> CellValue:
        return line[col] if col is not None and col < len(line) else None

    def read(self, r: int) -> Verdict | None:
        line = self.cells[r]
        # is_blank inlined: this runs for every cell of the body.
        filled = [v for v in line[: self.width] if v != "" and v is not None and not (type(v) is str and v.isspace())]
        if not filled:
            return None
        seq = self._cell(line, self.seq_col)
        name = clean_name(self._cell(line, self.name_col))
        if name in NOTHING:
            name = None
        if not self.footer and name and seq_number(seq) is not None and not _TOTAL_MARK.search(name):
            return self._project(r, name)  # the common case, decided without folding text
        text = " ".join(cell_text(v).strip() for v in filled)
        if self.footer:
            return Verdict(r, SIGNATURE if _SIGNATURE.search(fold(text)) else NOTE, text)
        lead = fold(cell_text(filled[0]))
        if _NOTE.match(lead) or _SIGNATURE.match(lead):
            self.footer = True
            return Verdict(r, SIGNATURE if _SIGNATURE.match(lead) else NOTE, text)
        # A count in brackets ("一、工业项目（共计7个）") does not make a heading a total.
        labels = [_BRACKETED.sub("", label) for label in [lead, fold(name or "")]]
        for label in labels:
            if len(label) <= _HEADER_WORDS_MAX and _SUBTOTAL.search(label):
                return Verdict(r, SUBTOTAL, text)
            if len(label) <= _HEADER_WORDS_MAX and _TOTAL.search(label):
                return Verdict(r, TOTAL, text)
        heading = self._heading(seq, name, clean_name(filled[0]) or lead, len(filled))
        if heading:
            self.headings = [h for h in self.headings if h.level < heading.level] + [heading]
            return Verdict(r, GROUP, text, heading)
        if (name and fold(name) in self.header_words) or lead in self.header_words:
            return Verdict(r, REPEATED_HEADER, text)
        if not name:
            said = [v for v in filled if not (isinstance(v, str) and v.strip() in NOTHING)]
            only_seq = len(said) == 1 and seq_number(seq) is not None
            return Verdict(r, EMPTY if only_seq else NO_NAME, text)
        if "。" in name:
            return Verdict(r, NOTE, text)
        return self._project(r, name)

    def _project(self, r: int, name: str) -> Verdict:
        group = self.headings[-1] if self.headings else None
        stage = next((h.stage for h in reversed(self.headings) if h.stage), None)
        return Verdict(r, None, heading=group, stage=stage, name=name)

    def _heading(self, seq: CellValue, name: str | None, first: str, filled: int) -> Heading | None:
        """The heading a row is, if it is one; `first` is the row's first text."""
        seq_label = fold(cell_text(seq))
        source = name or first
        stage = stage_stated(fold(source))
        for label in (seq_label, fold(first), fold(name or "")):
            for pattern, level in _HEADINGS:
                if pattern.match(label):
                    return Heading(level, _heading_text(source), stage, True)
        if CHINESE_NUMERAL.fullmatch(seq_label) and not self.chinese_numbers_projects:
            return Heading(1, _heading_text(source), stage, True)
        if seq_number(seq) is not None:
            return None
        # A group line may sit in any column ("某某县（2个）" under 县区), a lone line only
        # in the name column.
        alone = name is not None and filled == 1
        if _COUNTED.search(fold(source)) or (alone and (self.numbers_rows or stage)):
            return Heading(3, _heading_text(source), stage, False)
        return None


def _heading_text(text: str) -> str:
    return _COUNT.sub("", _NUMBERING.sub("", text.strip())).rstrip(":：").strip()


def _footer_after_last_project(verdicts: list[Verdict]) -> list[Verdict]:
    """Unlabelled lines under the last project (an office's name, a date) are footnotes."""
    last = max((i for i, v in enumerate(verdicts) if v.reason is None), default=-1)
    return [
        Verdict(v.row, NOTE, v.text)
        if i > last and (v.reason == NO_NAME or (v.reason == GROUP and v.heading and not v.heading.numbered))
        else v
        for i, v in enumerate(verdicts)
    ]
