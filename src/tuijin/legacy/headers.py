"""Finding the header block of an office table and reading each column's header path.

Office tables put a title, a unit line and sometimes a 填报单位 line above one to three
header rows. Parents are merged over their children ("投资完成情况" over "本月 / 1-10月累
计") or, in sheets built by hand, written once with blank cells to their right. The block
is found from its most telling row (the one naming the most fields) and grown up and
down while the neighbouring rows still read as headers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .fields import propose
from .model import CellValue, MergedRange, Sheet
from .text import cell_text, fold, is_blank

_SCAN_ROWS = 40  # titles, unit lines and notes above a header never run longer
_MAX_HEADER_ROWS = 4
_MAX_HEADER_TEXT = 30
# Lines above a table that describe it rather than label its columns.
_META = re.compile(r"单位:|填报|填表|制表|报送|日期:|^附件|^附表|截至|截止|^\(?万元\)?$|^\(?亿元\)?$")
_ROW_LABEL = re.compile(r"合计|小计|总计|^[一二三四五六七八九十]+[、.]|^\([一二三四五六七八九十]+\)")
_COLUMN_NUMBERS = frozenset("甲乙丙丁戊己庚辛")
_NUMERAL = re.compile(r"[\d.]+")
_WHOLE_NUMBER = re.compile(r"\d+(\.0)?")


@dataclass(frozen=True)
class HeaderBlock:
    top: int  # 0-based first header row
    bottom: int  # 0-based last header row
    data_start: int  # 0-based first row below the header (and its column-number row)
    paths: tuple[tuple[str, ...], ...]  # folded header texts of each column, parents first


class _Grid:
    """The top of a sheet as folded header texts, with merged blocks resolved."""

    def __init__(self, sheet: Sheet, rows: int) -> None:
        self.rows = min(rows, sheet.height)
        self.raw: list[list[CellValue]] = [list(line) for line in sheet.cells[: self.rows]]
        self.width = max((len(line) for line in self.raw), default=0)
        self.text = [
            [fold(v) if isinstance(v, str) else "" for v in line] + [""] * (self.width - len(line)) for line in self.raw
        ]
        self.origin: dict[tuple[int, int], MergedRange] = {}
        for merge in sheet.merges:
            if merge.first_row >= self.rows:
                continue
            for r in range(merge.first_row, min(merge.last_row, self.rows - 1) + 1):
                for c in range(merge.first_col, min(merge.last_col, self.width - 1) + 1):
                    self.origin[(r, c)] = merge

    def own(self, r: int, c: int) -> str:
        """The text written in the cell itself; '' inside a merge but off its corner."""
        merge = self.origin.get((r, c))
        if merge and (merge.first_row, merge.first_col) != (r, c):
            return ""
        return self.text[r][c]

    def shown(self, r: int, c: int) -> str:
        """The text a reader sees at the cell: a merged block shows its corner everywhere."""
        merge = self.origin.get((r, c))
        return self.text[merge.first_row][merge.first_col] if merge else self.text[r][c]

    def filled(self, r: int) -> list[int]:
        return [c for c, v in enumerate(self.raw[r]) if not is_blank(v)]

    def has_number(self, r: int) -> bool:
        return any(not isinstance(v, str) and v is not None for v in self.raw[r]) or any(
            _NUMERAL.fullmatch(t) for t in self.text[r] if t
        )


def find_header(sheet: Sheet) -> HeaderBlock | None:
    grid = _Grid(sheet, _SCAN_ROWS + _MAX_HEADER_ROWS)
    scores = [_score(grid, r) for r in range(min(grid.rows, _SCAN_ROWS))]
    if not scores or max(scores) < 2:
        return None
    anchor = scores.index(max(scores))
    top = anchor
    while top > 0 and anchor - top < _MAX_HEADER_ROWS - 1 and _reads_as_parent_row(grid, top - 1):
        top -= 1
    bottom = anchor
    while (
        bottom + 1 < grid.rows
        and bottom + 1 - top < _MAX_HEADER_ROWS
        and _reads_as_child_row(grid, top, bottom, bottom + 1)
    ):
        bottom += 1
    bottom = _below_vertical_merges(grid, top, bottom)
    data_start = bottom + 1
    if data_start < grid.rows and _is_column_number_row(grid, data_start):
        data_start += 1
    return HeaderBlock(top, bottom, data_start, _paths(grid, top, bottom))


def _score(grid: _Grid, r: int) -> int:
    """How many distinct fields a row names on its own: the header row names the most."""
    fields = {propose([text]).field for text in grid.text[r] if text and len(text) <= _MAX_HEADER_TEXT}
    fields.discard("ignore")
    return len(fields)


def _is_title(grid: _Grid, r: int, filled: list[int]) -> bool:
    """A lone text is a title unless it is a short parent merged over some columns: a
    parent left unmerged would have its children's columns blank beside it, which is
    what a title looks like too, and titles are far more common."""
    if len(filled) != 1:
        return False
    text = grid.text[r][filled[0]]
    merge = grid.origin.get((r, filled[0]))
    wide = merge is not None and merge.last_col - merge.first_col + 1 >= 0.6 * grid.width
    return wide or merge is None or len(text) >= 12


def _reads_as_parent_row(grid: _Grid, r: int) -> bool:
    filled = grid.filled(r)
    if not filled or _is_title(grid, r, filled):
        return False
    names_a_field = _score(grid, r) > 0
    if not names_a_field and any(_META.search(grid.text[r][c]) for c in filled):
        return False
    reaches_down = any((m := grid.origin.get((r, c))) is not None and m.last_row > r for c in filled)
    spans = any((m := grid.origin.get((r, c))) is not None and m.last_col > m.first_col for c in filled)
    return reaches_down or spans or names_a_field


def _reads_as_child_row(grid: _Grid, top: int, bottom: int, r: int) -> bool:
    """Whether row r labels the children of parents in rows top..bottom.

    A child sits under a parent that spans several columns: a merged block, or a text
    with blank cells to its right that row r fills. Beside the children, a header may
    sit in row r alone with nothing above it. A row with text under a one-column header
    is data, whatever it says.
    """
    filled = grid.filled(r)
    if not filled or grid.has_number(r):
        return False
    own = [c for c in filled if grid.own(r, c)]
    if not own or any(len(grid.text[r][c]) > _MAX_HEADER_TEXT for c in own):
        return False
    if any(_ROW_LABEL.search(grid.text[r][c]) for c in own):
        return False
    wide = _wide_columns(grid, top, bottom, r)
    unlabelled = {c for c in own if not any(grid.shown(q, c) for q in range(top, bottom + 1))}
    if not any(c in wide for c in own) or not all(c in wide or c in unlabelled for c in own):
        return False
    return any(propose([*_path(grid, top, bottom, c), grid.text[r][c]]).confidence > 0 for c in own)


def _wide_columns(grid: _Grid, top: int, bottom: int, child: int) -> set[int]:
    """Columns lying under a parent that spans more than one column in rows top..bottom."""
    wide: set[int] = set()
    for p in range(top, bottom + 1):
        c = 0
        while c < grid.width:
            merge = grid.origin.get((p, c))
            if merge and merge.last_col > merge.first_col:
                wide.update(range(merge.first_col, merge.last_col + 1))
                c = merge.last_col + 1
                continue
            if grid.own(p, c) and not merge:
                end = c
                while (
                    end + 1 < grid.width
                    and not grid.shown(p, end + 1)
                    and (p, end + 1) not in grid.origin
                    and all(not grid.shown(q, end + 1) for q in range(top, p))
                    and grid.shown(child, end + 1)
                ):
                    end += 1
                if end > c:
                    wide.update(range(c, end + 1))
                c = end + 1
                continue
            c += 1
    return wide


def _below_vertical_merges(grid: _Grid, top: int, bottom: int) -> int:
    """Grow the block to the foot of header cells merged downwards (序号 over three rows)."""
    deepest = bottom
    for r in range(top, bottom + 1):
        for c in range(grid.width):
            merge = grid.origin.get((r, c))
            if merge and merge.first_row == r and grid.text[r][c]:
                deepest = max(deepest, merge.last_row)
    return min(deepest, top + _MAX_HEADER_ROWS - 1, grid.rows - 1)


def _is_column_number_row(grid: _Grid, r: int) -> bool:
    """The row of 甲 乙 1 2 3 … that some offices print under the header."""
    cells = [cell_text(grid.raw[r][c]).strip() for c in grid.filled(r)]
    numbers = [int(float(t)) for t in cells if _WHOLE_NUMBER.fullmatch(t)]
    letters = [t for t in cells if t in _COLUMN_NUMBERS]
    if len(numbers) + len(letters) != len(cells) or len(numbers) < 3:
        return False
    return numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def _path(grid: _Grid, top: int, bottom: int, c: int) -> tuple[str, ...]:
    parts: list[str] = []
    for r in range(top, bottom + 1):
        text = grid.shown(r, c) or _inherited(grid, bottom, r, c)
        if text and (not parts or parts[-1] != text):
            parts.append(text)
    return tuple(parts)


def _inherited(grid: _Grid, bottom: int, r: int, c: int) -> str:
    """A blank header cell under no merge takes its parent from the left.

    Only when both it and the parent's own column have children below: that is what a
    parent written once over several columns looks like.
    """
    if r == bottom or (r, c) in grid.origin:
        return ""
    if not any(grid.shown(q, c) for q in range(r + 1, bottom + 1)):
        return ""
    left = c - 1
    while left >= 0 and not grid.shown(r, left) and (r, left) not in grid.origin:
        left -= 1
    if left < 0 or (r, left) in grid.origin:
        return ""
    has_children = any(grid.shown(q, left) for q in range(r + 1, bottom + 1))
    return grid.text[r][left] if has_children else ""


def _paths(grid: _Grid, top: int, bottom: int) -> tuple[tuple[str, ...], ...]:
    last = max(
        (c for r in range(top, bottom + 1) for c in range(grid.width) if grid.shown(r, c)),
        default=-1,
    )
    return tuple(_path(grid, top, bottom, c) for c in range(last + 1))
