"""Reading the project ledgers and monthly dispatch tables offices keep in Excel.

Pure Python, no Django: the mapping screen, matching and saving are built on top.

    workbook = read_workbook(path_or_bytes)
    layouts = detect(workbook, period)          # header block, proposed fields, signature
    extraction = extract(workbook, layouts, period, overrides)
    to_json(extraction)                         # the dry-run JSON

`overrides` maps a layout signature to {column index: field}: what the user confirmed on
the mapping screen, found again next month by the same signature.
"""

from .extract import extract, extract_file
from .layout import apply_overrides, detect, detect_sheet, signature_of
from .model import (
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
