"""Reading documents into blocks: paragraphs and tables, in document order."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Table:
    """A table as rows of cell texts (a cell's paragraphs joined by newlines)."""

    rows: tuple[tuple[str, ...], ...]


Block = str | Table

_TEXT_SUFFIXES = frozenset((".txt", ".text", ".md"))


def read_blocks(path: str | Path) -> list[Block]:
    """Blocks of a .txt (UTF-8 or GB18030) or .docx file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return _docx_blocks(path)
    if suffix in _TEXT_SUFFIXES:
        return blocks_from_text(_decode(path.read_bytes()))
    raise ValueError(f"unsupported file type {suffix or '(none)'}: expected .txt or .docx")


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Government offices still save plain text in GBK.
        return data.decode("gb18030", errors="replace")


def blocks_from_text(text: str) -> list[Block]:
    """Lines of plain text; runs of tab-separated lines become a table."""
    blocks: list[Block] = []
    rows: list[tuple[str, ...]] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if "\t" in line.lstrip():
            rows.append(tuple(line.split("\t")))
            continue
        _flush(rows, blocks)
        blocks.append(line)
    _flush(rows, blocks)
    return blocks


def _flush(rows: list[tuple[str, ...]], blocks: list[Block]) -> None:
    if not rows:
        return
    is_table = len(rows) >= 2 and any(sum(bool(c.strip()) for c in row) >= 2 for row in rows)
    if is_table:
        blocks.append(Table(tuple(rows)))
    else:
        blocks.extend(" ".join(cell.strip() for cell in row if cell.strip()) for row in rows)
    rows.clear()


def _docx_blocks(path: Path) -> list[Block]:
    from docx import Document
    from docx.table import Table as DocxTable

    blocks: list[Block] = []
    for item in Document(str(path)).iter_inner_content():
        if isinstance(item, DocxTable):
            rows = tuple(tuple("\n".join(p.text for p in cell.paragraphs) for cell in row.cells) for row in item.rows)
            blocks.append(Table(rows))
        else:
            blocks.extend(item.text.split("\n"))
    return blocks
