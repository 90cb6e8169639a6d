"""The result of decomposing a policy document (see the package docstring for the JSON)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Deadline:
    text: str
    date: date | None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "date": self.date.isoformat() if self.date else None}


@dataclass(frozen=True)
class Target:
    text: str
    value: int | float
    unit: str
    comparator: str  # one of >= > <= < = ~
    subject: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "value": self.value,
            "unit": self.unit,
            "comparator": self.comparator,
            "subject": self.subject,
        }


@dataclass(frozen=True)
class Task:
    path: tuple[str, ...]
    title: str
    text: str
    lead_units: tuple[str, ...] = ()
    cooperating_units: tuple[str, ...] = ()
    deadline: Deadline | None = None
    targets: tuple[Target, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": list(self.path),
            "title": self.title,
            "text": self.text,
            "lead_units": list(self.lead_units),
            "cooperating_units": list(self.cooperating_units),
            "deadline": self.deadline.to_dict() if self.deadline else None,
            "targets": [target.to_dict() for target in self.targets],
        }


@dataclass(frozen=True)
class Section:
    path: tuple[str, ...]
    label: str
    marker: str
    title: str
    text: str
    is_task: bool
    children: tuple[Section, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": list(self.path),
            "label": self.label,
            "marker": self.marker,
            "title": self.title,
            "text": self.text,
            "is_task": self.is_task,
            "children": [child.to_dict() for child in self.children],
        }


@dataclass(frozen=True)
class Decomposition:
    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    issued_on: date | None = None
    sections: tuple[Section, ...] = ()
    tasks: tuple[Task, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "doc_number": self.doc_number,
            "issuer": self.issuer,
            "issued_on": self.issued_on.isoformat() if self.issued_on else None,
            "sections": [section.to_dict() for section in self.sections],
            "tasks": [task.to_dict() for task in self.tasks],
        }
