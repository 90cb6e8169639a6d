"""The heading tree of a document, built line by line.

A numbering style opens a level the first time it appears (with number 1) and
is a sibling whenever it appears again, so documents that skip levels (一、 then
1.) or use unusual orders still nest the way they are written.  Items run
together in one paragraph (一是…。二是…。) are split; a paragraph that begins
with such a run gives one item per marker, a paragraph that begins with its own
heading keeps the run as sub-items of that heading.  Unnumbered paragraphs
belong to the item above them; a line broken mid-sentence (by a page break or a
hard wrap) is glued back on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from . import deadlines, units
from .headings import Marker, child_run, inline_run, line_marker
from .metadata import is_closing_line
from .reader import Block, Table
from .tables import Group, Row, read_table
from .text import EMPTY, Passage, passage, strip_markup

_BULLET = re.compile(r"^[\s]*(?:[-*•·▪]\s+)?")
_PAGE_NUMBER = re.compile(r"[\s\-—–_~·]*(?:第\s*)?\d{1,3}(?:\s*页)?[\s\-—–_~·]*")
# Web copies carry page chrome; the weak words only count when a colon follows.
_WEB_CHROME = re.compile(
    r"(?:分享到|相关文章|相关链接|相关阅读|相关新闻|扫描二维码|扫一扫|本文链接|本文关键词|打印本页|"
    r"关闭窗口|返回顶部|上一篇|下一篇|【字体|【打印|【关闭).{0,80}"
    r"|(?:关键词|责任编辑|编辑|来源|字号|浏览次数|点击数|发布时间)\s*:.{0,80}"
)
_APPENDIX = re.compile(r"附件\s*(?P<numeral>[\d一二三四五六七八九十]*)\s*(?::\s*(?P<rest>.*))?")
_TERMINAL = frozenset('。;!?:)」”"》…')
_SENTENCE_END = frozenset("。;!?")
_SIBLING_STYLES = frozenset(("shi", "ordinal", "paren_num", "circled", "paren_cn", "cn", "arabic"))
_SHORT_HEADING = 40
_LISTING_LINE = 60


@dataclass(eq=False)
class Node:
    """An item of the tree: a numbered item, an appendix, a table group or a table row."""

    kind: str  # root | item | appendix | group | row
    label: str = ""
    marker: str = ""
    style: str | None = None
    number: int = 0
    depth: int = 0
    parent: Node | None = None
    inline: bool = False  # a sub-item run into its parent's paragraph
    run_in: bool = False  # shares its paragraph with the sibling before it (一是…。二是…)
    bare_heading: bool = False  # its line held only a heading; the body follows
    has_body: bool = False
    last_was_field: bool = False  # its last line was 责任单位：… or 完成时限：…
    children: list[Node] = field(default_factory=list)
    row: Row | None = None
    _text: list[str] = field(default_factory=list)
    _view: list[str] = field(default_factory=list)
    _joined: Passage | None = None

    def append(self, piece: Passage, separator: str = "") -> None:
        if self._view and separator:
            self._text.append(separator)
            self._view.append(separator)
        self._text.append(piece.text)
        self._view.append(piece.view)
        self._joined = None

    def keep_heading(self) -> None:
        """Drop the body, keeping the text of its own line."""
        del self._text[1:], self._view[1:]
        self._joined = None

    @property
    def passage(self) -> Passage:
        """Its own text (heading and body, not its children's)."""
        if self._joined is None:
            self._joined = Passage("".join(self._text), "".join(self._view))
        return self._joined

    @property
    def path(self) -> tuple[str, ...]:
        labels: list[str] = []
        node: Node | None = self
        while node is not None and node.kind != "root":
            labels.append(node.label)
            node = node.parent
        return tuple(reversed(labels))

    def ancestors(self) -> Iterable[Node]:
        node = self.parent
        while node is not None and node.kind != "root":
            yield node
            node = node.parent

    def adopt(self, child: Node) -> Node:
        child.parent = self
        child.depth = self.depth + 1
        self.children.append(child)
        return child

    def ends_open(self) -> bool:
        """Does its text stop mid-sentence (so the next line continues it)?"""
        for piece in reversed(self._view):
            if piece.strip():
                return piece.rstrip()[-1] not in _TERMINAL
        return False


@dataclass
class Outline:
    root: Node
    header: list[Passage]
    closing: list[Passage]


def prepare_lines(blocks: list[Block]) -> list[Passage | list[list[Passage]]]:
    """Clean each line (markup, bullets, page furniture) and pair it with its view."""
    prepared: list[Passage | list[list[Passage]]] = []
    for block in blocks:
        if isinstance(block, Table):
            prepared.append([[passage(strip_markup(cell)) for cell in row] for row in block.rows])
            continue
        for raw in strip_markup(block).split("\n"):
            line = passage(raw)
            line = line[len(_BULLET.match(line.view).group()) :].strip()
            if line.view and not _PAGE_NUMBER.fullmatch(line.view):
                prepared.append(line)
    return prepared


def build_outline(blocks: list[Block]) -> Outline:
    builder = _Builder()
    items = prepare_lines(blocks)
    for index, item in enumerate(items):
        if isinstance(item, Passage):
            following = items[index + 1] if index + 1 < len(items) else EMPTY
            builder.line(item, following.view if isinstance(following, Passage) else "")
        else:
            builder.table(item)
    _split_assigned_paragraphs(builder.root)
    return Outline(builder.root, builder.header, builder.closing)


def _split_assigned_paragraphs(node: Node) -> None:
    """A heading over unnumbered paragraphs that each name their units holds one item
    per paragraph (加快推进甲。（牵头单位：A）⏎深入推进乙。（牵头单位：B））."""
    for child in list(node.children):
        _split_assigned_paragraphs(child)
    if node.kind != "item" or not node.bare_heading or node.children:
        return
    paragraphs = _lines(node.passage)[1:]
    if len(paragraphs) < 2 or not all(units.find_units(p.view, opening=False) for p in paragraphs):
        return
    node.keep_heading()
    for position, paragraph in enumerate(paragraphs, start=1):
        item = node.adopt(Node("item", label=str(position), style="paragraph", has_body=True))
        item.append(paragraph)


def _lines(piece: Passage) -> list[Passage]:
    lines, start = [], 0
    for index, char in enumerate(piece.view):
        if char == "\n":
            lines.append(piece[start:index])
            start = index + 1
    lines.append(piece[start:])
    return [line for line in lines if line.view.strip()]


class _Builder:
    def __init__(self) -> None:
        self.root = Node("root")
        self.stack: list[Node] = [self.root]
        self.header: list[Passage] = []
        self.closing: list[Passage] = []
        self.in_body = False
        self.listing = False  # inside 附件：1.… 2.…, the list of attachment names
        self.last_number: dict[str, int] = {}

    @property
    def base(self) -> int:
        """Index in the stack below which a numbered line may not pop (an appendix)."""
        return 1 if len(self.stack) > 1 and self.stack[1].kind == "appendix" else 0

    def line(self, line: Passage, following: str = "") -> None:
        view = line.view
        if _WEB_CHROME.fullmatch(view):
            return
        marker = line_marker(view)
        if not self.in_body:
            if marker is not None and marker.number == 1:
                self.in_body = True
                self._open(line, marker)
            else:
                self.header.append(line)
            return
        appendix = _APPENDIX.fullmatch(view)
        if appendix is not None:
            self._appendix(line, appendix)
            return
        if self.listing:
            if len(view) <= _LISTING_LINE and "。" not in view:
                return
            self.listing = False
        if marker is not None and self._accepts(marker):
            self._open(line, marker)
            return
        if is_closing_line(view, following):
            self.closing.append(line)
            return
        self._paragraph(line)

    def table(self, rows: list[list[Passage]]) -> None:
        records = read_table(rows)
        if records is None:
            for cells in rows:
                self.line(_joined(cells))
            return
        self.in_body = True
        if self.listing:
            self.listing = False
            self._start_appendix("附件", "附件")
        parent = self.stack[-1]
        group: Node | None = None
        for record in records:
            if isinstance(record, Group):
                group = parent.adopt(_group_node(record, len(parent.children) + 1))
                continue
            owner = group or parent
            owner.adopt(_row_node(record, len(owner.children) + 1))

    def _accepts(self, marker: Marker) -> bool:
        """Numbered as a sibling, a first item, or the next of a document-wide running count."""
        if any(node.style == marker.style for node in self.stack[self.base + 1 :]):
            return True
        return marker.number in (1, self.last_number.get(marker.style, -1) + 1)

    def _open(self, line: Passage, marker: Marker) -> None:
        for index in range(len(self.stack) - 1, self.base, -1):
            if self.stack[index].style == marker.style:
                del self.stack[index:]
                break
        parent = self.stack[-1]
        rest = line[marker.end :]
        markers = [marker]
        if marker.style in _SIBLING_STYLES:
            markers += [_shift(m, marker.end) for m in inline_run(rest.view, marker.style, marker.number + 1)]
        node = parent
        for index, current in enumerate(markers):
            end = markers[index + 1].start if index + 1 < len(markers) else len(line)
            node = parent.adopt(_item(line, current))
            node.run_in = index > 0
            _fill(node, line[current.end : end].strip())
            self.last_number[current.style] = current.number
        self.stack.append(node)

    def _paragraph(self, line: Passage) -> None:
        node = self.stack[-1]
        if node.kind == "appendix" and not node.has_body and not node.children:
            node.append(line)
            node.has_body = True
            return
        field = units.opens_with_label(line.view) or deadlines.opens_with_label(line.view)
        glued = node.has_body and node.ends_open() and not field and not node.last_was_field
        node.append(line, "" if glued else "\n")
        node.has_body = True
        node.last_was_field = field
        _add_sub_items(node, line)

    def _appendix(self, line: Passage, found: re.Match[str]) -> None:
        numeral, rest = found.group("numeral"), found.group("rest")
        if rest and not numeral:
            self.listing = True
            return
        label = "附件" + numeral
        self._start_appendix(label, line.cut(0, found.end("numeral")).strip())
        if rest:
            self.stack[-1].append(line[found.start("rest") :].strip())
            self.stack[-1].has_body = True

    def _start_appendix(self, label: str, marker: str) -> None:
        self.listing = False
        del self.stack[1:]
        self.stack.append(self.root.adopt(Node("appendix", label=label, marker=marker)))


def _shift(marker: Marker, offset: int) -> Marker:
    return Marker(
        marker.style,
        marker.number,
        marker.start + offset,
        marker.end + offset,
        marker.numeral_start + offset,
        marker.numeral_end + offset,
    )


def _label(view: str, marker: Marker) -> str:
    """The numeral as written; circled numbers as digits (① → 1)."""
    if marker.style == "circled":
        return str(marker.number)
    return view[marker.numeral_start : marker.numeral_end]


def _item(line: Passage, marker: Marker) -> Node:
    return Node(
        "item",
        label=_label(line.view, marker),
        marker=line.cut(marker.start, marker.end).strip(),
        style=marker.style,
        number=marker.number,
    )


def _fill(node: Node, body: Passage) -> None:
    """Give an item the text that follows its marker on its own line."""
    node.append(body)
    view = body.view.rstrip("。 ")
    has_sentence = any(char in _SENTENCE_END for char in view)
    node.bare_heading = not has_sentence and len(view) <= _SHORT_HEADING
    node.has_body = not node.bare_heading
    _add_sub_items(node, body)


def _add_sub_items(node: Node, piece: Passage) -> None:
    run = child_run(piece.view)
    if not run or run[0].start == 0:
        return
    for index, marker in enumerate(run):
        end = run[index + 1].start if index + 1 < len(run) else len(piece)
        child = node.adopt(_item(piece, marker))
        child.inline = True
        child.append(piece[marker.end : end].strip())
        child.has_body = True


def _group_node(group: Group, position: int) -> Node:
    marker = line_marker(group.heading.view)
    node = Node("group", label=str(position), has_body=True)
    if marker is not None:
        node.label = _label(group.heading.view, marker)
        node.marker = group.heading.cut(marker.start, marker.end).strip()
        node.append(group.heading[marker.end :].strip())
    else:
        node.append(group.heading)
    return node


def _row_node(row: Row, position: int) -> Node:
    number = row.cell("number").strip()
    label = number.view.rstrip(".、") if number.view else str(position)
    node = Node("row", label=label, marker=number.text, row=row, has_body=True)
    node.append(row.cell("task") or EMPTY)
    return node


def _joined(cells: list[Passage]) -> Passage:
    joined = EMPTY
    for cell in cells:
        if cell.view.strip():
            joined = cell.strip() if not joined.view else joined + Passage(" ", " ") + cell.strip()
    return joined
