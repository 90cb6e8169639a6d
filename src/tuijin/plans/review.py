"""What the review screen shows beside the task table: the document's text with the headings,
units, deadlines and targets the decomposer found marked in place."""

from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Kinds of marks, in the order they win when two overlap at the same place (longer first anyway).
HEADING, UNIT, DEADLINE, TARGET = "heading", "unit", "deadline", "target"


def _sections(sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for section in sections:
        found.append(section)
        found.extend(_sections(section["children"]))
    return found


def marks_of(data: dict[str, Any]) -> list[tuple[str, str]]:
    """(text, kind) of everything to mark: the strings are the document's own, as the decomposer
    quotes them."""
    marks: dict[str, str] = {}
    for section in _sections(data.get("sections", [])):
        if section["title"] and not section["is_task"]:
            marks.setdefault(f"{section['marker']}{section['title']}", HEADING)
    for row in data.get("rows", []):
        for name in (*row["lead"], *row["cooperating"]):
            marks.setdefault(name, UNIT)
        if row["deadline_text"]:
            marks.setdefault(row["deadline_text"], DEADLINE)
        for target in row["targets"]:
            marks.setdefault(target["text"], TARGET)
    return [(text, kind) for text, kind in marks.items() if text.strip()]


def highlight(text: str, marks: list[tuple[str, str]]) -> SafeString:
    """The text, escaped, with each mark wrapped in <mark class="hl-KIND">; longer marks first, never
    overlapping."""
    spans: list[tuple[int, int, str]] = []
    taken = [False] * len(text)
    for needle, kind in sorted(marks, key=lambda m: -len(m[0])):
        start = text.find(needle)
        while start != -1:
            end = start + len(needle)
            if not any(taken[start:end]):
                spans.append((start, end, kind))
                for i in range(start, end):
                    taken[i] = True
            start = text.find(needle, end)
    out, at = [], 0
    for start, end, kind in sorted(spans):
        out.append(escape(text[at:start]))
        out.append(f'<mark class="hl-{kind}">{escape(text[start:end])}</mark>')
        at = end
    out.append(escape(text[at:]))
    # Every piece of the text is escaped above; only our own <mark> tags are not.
    return mark_safe("".join(out))
