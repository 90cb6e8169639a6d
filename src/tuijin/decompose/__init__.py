"""Policy decomposition: a Chinese policy document → a task-division table.

Pure Python; never imports Django.  ``python -m tuijin.decompose FILE [--json | --xlsx OUT]``
reads .txt (UTF-8 or GB18030) and .docx (paragraphs and table rows in document
order).  Traditional script is read through an OpenCC t2s view, but every string
in the output is the document's own text, with converter noise such as
``辦發(fā)`` removed.

Python API::

    decompose_text(text) -> Decomposition
    decompose_file(path) -> Decomposition
    Decomposition.to_dict() -> the JSON below
    split_units("省发展改革委、省财政厅，各市、县人民政府") -> [...]
    normalise(text) -> noise removed, traditional → simplified

JSON (stable; other tools read it)::

    {
      "title": str | null,          # the plan's own title (not the covering notice)
      "doc_number": str | null,     # 文号, e.g. 兰发〔2018〕23号, from the header only
      "issuer": str | null,
      "issued_on": "YYYY-MM-DD" | null,
      "sections": [Section],        # the heading tree, see below
      "tasks": [{
        "path": ["二", "1"],        # numbering labels from the root (numerals only)
        "title": str,               # opening clause, up to the first 。 ； or ：
        "text": str,                # the item's full text, without its marker
        "lead_units": [str],
        "cooperating_units": [str],
        "deadline": {"text": str, "date": "YYYY-MM-DD" | null} | null,
        "targets": [{"text": str,   # the clause holding the quantity
                     "value": int | float, "unit": str,
                     "comparator": ">=" | ">" | "<=" | "<" | "=" | "~",
                     "subject": str}]
      }]
    }

Section::

    {"path": [str], "label": str,   # label == path[-1]
     "marker": str,                 # the marker as written: "（一）", "1.", "一是", "附件1"
     "title": str, "text": str,     # the item's own text (heading and body, not children)
     "is_task": bool, "children": [Section]}

Labels are the numerals as written (一、 → "一", （二） → "二", 1. → "1", ① → "1",
一是 → "一"); appendices are labelled "附件1"; a table row takes its 序号, or its
position.  Which items are tasks is explained in :mod:`tuijin.decompose.decomposer`.
"""

from __future__ import annotations

from .decomposer import decompose_file, decompose_text
from .model import Deadline, Decomposition, Section, Target, Task
from .text import normalise
from .units import split_units

__all__ = [
    "Deadline",
    "Decomposition",
    "Section",
    "Target",
    "Task",
    "decompose_file",
    "decompose_text",
    "normalise",
    "split_units",
]
