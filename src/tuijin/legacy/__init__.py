"""Reading the project ledgers and monthly dispatch tables offices keep in Excel.

Pure Python, no Django: the mapping screen, matching to projects and saving are built
on top of this API.

    workbook = read_workbook(path_or_bytes)           # every visible sheet, with merges
    layouts = detect(workbook, period=None)           # one SheetLayout per project table
    extraction = extract(workbook, layouts, period=None, overrides=None)
    to_json(extraction)                               # the dry-run JSON (report.py)

A SheetLayout is what the mapping screen shows: header rows, each column's header path
("投资完成情况/本月") with its proposed field and confidence, the money unit, the period
and the layout's signature. The user's confirmed mapping is kept as
`overrides = {signature: {column index: field}}`; next month's sheet of the same layout
has the same signature, so the mapping applies again without asking.

Decisions the callers can rely on:
- Row numbers are 1-based, as Excel shows them; columns in CellError are Excel letters.
- Money is Decimal in 万元 (亿元 x 10000, 元 / 10000), from the cell's own unit, else
  the column header's, else the sheet's unit line, else 万元. Rates are never output.
- Months are "YYYY-MM"; a range gives its start; "√", "/" and words are None.
- Stages are the library's stage names or None (the mapping is in values.py).
- A bad cell (text in a money column, month 13) becomes a CellError; when there is any,
  `Extraction.rows` is empty, since an import is all or nothing.
- Skipped rows carry a Chinese reason; blank rows, and rows of spaces, are not listed.
- Hidden sheets, and sheets without a project-name column, are not read.
"""

from .extract import extract, extract_file
from .layout import apply_overrides, detect, detect_sheet, signature_of
from .model import (
    FIELD_LABELS,
    FIELDS,
    MONEY_FIELDS,
    STAGES,
    CellError,
    Column,
    Extraction,
    Field,
    Overrides,
    Row,
    Sheet,
    SheetLayout,
    Skip,
    Stage,
    Workbook,
)
from .read import UnreadableWorkbook, read_workbook
from .report import to_json
from .text import normalise_name

__all__ = [
    "FIELDS",
    "FIELD_LABELS",
    "MONEY_FIELDS",
    "STAGES",
    "CellError",
    "Column",
    "Extraction",
    "Field",
    "Overrides",
    "Row",
    "Sheet",
    "SheetLayout",
    "Skip",
    "Stage",
    "UnreadableWorkbook",
    "Workbook",
    "apply_overrides",
    "detect",
    "detect_sheet",
    "extract",
    "extract_file",
    "normalise_name",
    "read_workbook",
    "signature_of",
    "to_json",
]
