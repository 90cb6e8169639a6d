"""Text normalisation shared by header reading, row classification and name matching."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

import opencc

from .model import CellValue

_T2S = opencc.OpenCC("t2s")
_DASHES = str.maketrans({c: "-" for c in "—–－─―~～〜"})
_SPACE = re.compile(r"\s+")
# Markers offices put before or after a name or number to flag it (provincial key, new, ...).
MARKERS = "★☆●○◆◇■□▲△▼▽*※#◎◉√✓✔"
_MARKER_RUN = re.compile(f"^[{re.escape(MARKERS)}\\s]+|[{re.escape(MARKERS)}\\s]+$")
_UNTIDY = re.compile(f"\\s|^[{re.escape(MARKERS)}]|[{re.escape(MARKERS)}]$")
# Chinese characters and full-width punctuation: no space belongs beside them in a name.
_WIDE = r"\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
_SPACE_BESIDE_WIDE = re.compile(f"\\s+(?=[{_WIDE}])|(?<=[{_WIDE}])\\s+")


@lru_cache(maxsize=65536)
def to_simplified(text: str) -> str:
    return _T2S.convert(text)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Header-grade folding: full-width to half-width, simplified script, no whitespace.

    Office headers break words across lines and pad them with spaces ("项 目\\n名 称",
    "1-  月完成情况"), so whitespace never carries meaning there.
    """
    text = unicodedata.normalize("NFKC", text).translate(_DASHES)
    return to_simplified(_SPACE.sub("", text))


def cell_text(value: CellValue) -> str:
    """A cell as the text a person reads in it; '' for an empty cell."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def is_blank(value: CellValue) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def clean_text(value: CellValue) -> str | None:
    """Free text from a cell: trimmed, line endings unified, None when it says nothing."""
    text = cell_text(value).replace("\r\n", "\n").strip()
    return text or None


def clean_name(value: CellValue) -> str | None:
    """A project name as the office wrote it, minus flag markers and layout whitespace."""
    text = cell_text(value)
    if not _UNTIDY.search(text):
        return text or None
    text = _MARKER_RUN.sub("", text)
    text = _SPACE_BESIDE_WIDE.sub("", text)
    text = _SPACE.sub(" ", text).strip()
    return text or None


def normalise_name(name: str) -> str:
    """The key to match a name against existing projects in either script.

    Drops markers and whitespace, folds full-width to half-width and traditional to
    simplified, and ignores case, so "★某某產業園（一期）" matches "某某产业园(一期)".
    """
    text = unicodedata.normalize("NFKC", name).translate(_DASHES)
    text = _SPACE.sub("", text)
    text = re.sub(f"^[{re.escape(MARKERS)}]+|[{re.escape(MARKERS)}]+$", "", text)
    return to_simplified(text).casefold()
