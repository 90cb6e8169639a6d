"""Importing a policy document: upload → decompose → review (rows edited, unknown units mapped) →
confirm, which writes the document and its tasks in one transaction. A re-import of the same
document (same number, or same text) updates its tasks instead of adding them again."""

import hashlib
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from tuijin.core import access
from tuijin.core.services import StaleRecord, attribute_change
from tuijin.decompose import Decomposition, normalise
from tuijin.decompose.deadlines import parse_deadline_cell
from tuijin.decompose.decomposer import decompose_blocks
from tuijin.decompose.reader import Table, read_blocks
from tuijin.decompose.text import passage
from tuijin.org.models import Programme, TaskForce, Unit, UnitKind

from .matching import UnitIndex, name_key
from .models import Document, DraftState, ImportDraft, Task, TaskKind, TaskUnit, UnitRole

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
ACCEPTED_SUFFIXES = (".txt", ".docx")
NEW_UNIT = "new"
_ONGOING = re.compile(r"长期|持续|常态|每年|定期")
_NAME_SEPARATORS = re.compile(r"[、，,；;\n]+")


class ImportRefused(ValidationError):
    """The upload or the confirm cannot go ahead; the message says why, in the user's language."""


@dataclass
class ImportResult:
    document: Document
    created: int = 0
    updated: int = 0
    kept: int = 0  # tasks of an earlier import that the new text no longer holds; kept, never deleted
    new_units: list[str] = field(default_factory=list)


def _text_of(blocks: list) -> str:
    lines = []
    for block in blocks:
        if isinstance(block, Table):
            lines.extend("\t".join(cell.replace("\n", " ") for cell in row) for row in block.rows)
        else:
            lines.append(block)
    return "\n".join(lines).strip()


def read_document(*, file_name: str, data: bytes) -> tuple[str, Decomposition]:
    """The document's text as it reads, and its decomposition."""
    suffix = Path(file_name).suffix.lower()
    if suffix not in ACCEPTED_SUFFIXES:
        raise ImportRefused(_("Upload a Word document (.docx) or a text file (.txt)."))
    if len(data) > MAX_UPLOAD_BYTES:
        raise ImportRefused(_("The file is larger than 5 MB."))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"document{suffix}"
        path.write_bytes(data)
        try:
            blocks = read_blocks(path)
        except Exception as error:  # a damaged .docx raises whatever its zip or XML reader raises
            raise ImportRefused(_("The file cannot be read as a document.")) from error
    text = _text_of(blocks)
    if not text:
        raise ImportRefused(_("The file holds no text."))
    return text, decompose_blocks(blocks)


def text_hash(text: str) -> str:
    """The same document whatever its script, width or line endings."""
    return hashlib.sha256(re.sub(r"\s+", "", normalise(text)).encode()).hexdigest()


def _deadline_fields(text: str, issued_on: Any) -> dict[str, Any]:
    text = text.strip()
    found = parse_deadline_cell(passage(text), issued_on) if text else None
    on = found.date if found else None
    return {
        "deadline_text": text,
        "deadline": on.isoformat() if on else None,
        "is_ongoing": bool(text) and on is None and bool(_ONGOING.search(normalise(text))),
    }


def _unique_paths(decomposition: Decomposition) -> list[str]:
    seen: dict[str, int] = {}
    paths = []
    for task in decomposition.tasks:
        path = ".".join(task.path) or "1"
        seen[path] = seen.get(path, 0) + 1
        paths.append(path if seen[path] == 1 else f"{path}#{seen[path]}")
    return paths


_KINDS = (
    (re.compile(r"(重大|重点)?改革(任务)?"), TaskKind.REFORM),
    (re.compile(r"(重大|重点)?事项"), TaskKind.MATTER),
    (re.compile(r"(重大|重点)?项目"), TaskKind.PROJECT),
    (re.compile(r"(重大|重点)?(研究)?课题"), TaskKind.RESEARCH),
)


def _kinds(decomposition: Decomposition) -> dict[str, str]:
    """The kind of the tasks under each top-level heading that names one: 二、重大改革 → reform."""
    kinds = {}
    for section in decomposition.sections:
        title = re.sub(r"\s", "", normalise(section.title)).rstrip("。.")
        for pattern, kind in _KINDS:
            if pattern.fullmatch(title):
                kinds[section.label] = kind.value
    return kinds


def draft_rows(decomposition: Decomposition) -> list[dict[str, Any]]:
    kinds = _kinds(decomposition)
    return [
        {
            "key": str(index),
            "path": path,
            "title": task.title[:500],
            "kind": kinds.get(task.path[0], "") if task.path else "",
            "text": task.text,
            "lead": list(task.lead_units),
            "cooperating": list(task.cooperating_units),
            **_deadline_fields(task.deadline.text if task.deadline else "", decomposition.issued_on),
            "targets": [target.to_dict() for target in task.targets],
        }
        for index, (task, path) in enumerate(zip(decomposition.tasks, _unique_paths(decomposition), strict=True))
    ]


def _deny_unless_office(user: Any, programme: Programme) -> None:
    if not access.changeable(user, Programme.objects.filter(pk=programme.pk)).exists():
        raise PermissionDenied(_("Only the programme office imports documents."))


@transaction.atomic
def import_draft_create(
    *, user: Any, programme: Programme, task_force: TaskForce | None, kind: str, file_name: str, data: bytes
) -> ImportDraft:
    _deny_unless_office(user, programme)
    text, decomposition = read_document(file_name=file_name, data=data)
    meta = decomposition.to_dict()
    draft = ImportDraft.objects.create(
        programme=programme,
        task_force=task_force,
        kind=kind,
        created_by=user,
        file_name=Path(file_name).name[:255],
        text=text,
        text_hash=text_hash(text),
        data={
            "title": meta["title"] or Path(file_name).stem,
            "doc_number": meta["doc_number"] or "",
            "issuer": meta["issuer"] or "",
            "issued_on": meta["issued_on"],
            "sections": meta["sections"],
            "rows": draft_rows(decomposition),
            "mapping": {},
        },
    )
    return draft


def split_names(text: str) -> list[str]:
    return [name.strip() for name in _NAME_SEPARATORS.split(text) if name.strip()]


def _lock_open(draft: ImportDraft, expected_version: int | None) -> ImportDraft:
    locked = ImportDraft.objects.select_for_update().select_related("programme__region").get(pk=draft.pk)
    if locked.state != DraftState.OPEN:
        raise ImportRefused(_("This import was confirmed already; upload the document again to change it."))
    if expected_version is not None and locked.version != expected_version:
        raise StaleRecord()
    return locked


@transaction.atomic
def import_draft_row_update(
    *,
    user: Any,
    draft: ImportDraft,
    key: str,
    title: str,
    lead: str,
    cooperating: str,
    deadline_text: str,
) -> dict[str, Any]:
    """Corrects one row of the task table under review."""
    draft = _lock_open(draft, None)
    _deny_unless_office(user, draft.programme)
    rows = draft.data["rows"]
    row = next((r for r in rows if r["key"] == key), None)
    if row is None:
        raise ImportRefused(_("That row is not in this import."))
    if not title.strip():
        raise ImportRefused(_("A task needs a title."))
    issued_on = parse_date(draft.data["issued_on"]) if draft.data.get("issued_on") else None
    row.update(
        title=title.strip()[:500],
        lead=split_names(lead),
        cooperating=split_names(cooperating),
        **_deadline_fields(deadline_text, issued_on),
    )
    draft.version += 1
    draft.save(update_fields=["data", "version"])
    return row


@transaction.atomic
def import_draft_map_unit(*, user: Any, draft: ImportDraft, name: str, unit: Unit | None, create: bool) -> None:
    """Says which unit a name the document writes means, or that a new unit is to be created."""
    draft = _lock_open(draft, None)
    _deny_unless_office(user, draft.programme)
    if unit is not None and unit.pk not in UnitIndex(draft.programme).by_id:
        raise ImportRefused(_("That unit is not one of this programme's."))
    mapping = draft.data.setdefault("mapping", {})
    if create:
        mapping[name] = NEW_UNIT
    elif unit is not None:
        mapping[name] = unit.pk
    else:
        mapping.pop(name, None)
    draft.version += 1
    draft.save(update_fields=["data", "version"])


def draft_names(draft: ImportDraft) -> list[str]:
    """Every unit name the rows under review write, in order of first appearance."""
    names: dict[str, None] = {}
    for row in draft.data["rows"]:
        for name in (*row["lead"], *row["cooperating"]):
            names.setdefault(name, None)
    return list(names)


@dataclass(frozen=True)
class Resolution:
    name: str
    unit: Unit | None  # the unit meant; None while unknown or when one is to be created
    matched: bool  # found by name or other name, not mapped by hand
    create: bool


def resolve_names(draft: ImportDraft, index: UnitIndex | None = None) -> list[Resolution]:
    index = index or UnitIndex(draft.programme)
    mapping = draft.data.get("mapping", {})
    found = []
    for name in draft_names(draft):
        mapped = mapping.get(name)
        if mapped == NEW_UNIT:
            found.append(Resolution(name, None, False, True))
        elif mapped is not None and mapped in index.by_id:
            found.append(Resolution(name, index.by_id[mapped], False, False))
        else:
            unit = index.match(name)
            found.append(Resolution(name, unit, unit is not None, False))
    return found


def existing_document(draft: ImportDraft) -> Document | None:
    """The document this upload imports again: same number in the programme, else the same text."""
    documents = Document.objects.filter(programme=draft.programme)
    number = draft.data.get("doc_number")
    if number:
        # The number as either script writes it: 青政辦發〔2026〕8號 is 青政办发〔2026〕8号.
        key = name_key(number)
        for document in documents.exclude(doc_number="").order_by("pk"):
            if name_key(document.doc_number) == key:
                return document
    return documents.filter(text_hash=draft.text_hash).first()


def _units_for(resolutions: list[Resolution], draft: ImportDraft, user: Any, new_units: list[str]) -> dict[str, Unit]:
    units = {}
    for resolution in resolutions:
        if resolution.create:
            unit = Unit(name=resolution.name, kind=UnitKind.DEPARTMENT, region=draft.programme.region)
            reason = _("created while importing %(file)s") % {"file": Path(draft.file_name).stem}
            attribute_change(unit, user=user, reason=reason)
            unit.save()
            new_units.append(unit.name)
            units[resolution.name] = unit
        else:
            units[resolution.name] = resolution.unit
    return units


def _assign(task: Task, row: dict[str, Any], units: dict[str, Unit], user: Any, reason: str) -> None:
    wanted: dict[int, tuple[Unit, str, int]] = {}
    for role, names in ((UnitRole.LEAD, row["lead"]), (UnitRole.COOPERATING, row["cooperating"])):
        for position, name in enumerate(names):
            unit = units[name]
            wanted.setdefault(unit.pk, (unit, role, position))
    for assignment in task.assignments.all():
        if assignment.unit_id not in wanted:
            attribute_change(assignment, user=user, reason=reason)
            assignment.delete()
    current = {a.unit_id: a for a in task.assignments.all()}
    for unit_id, (unit, role, position) in wanted.items():
        assignment = current.get(unit_id) or TaskUnit(task=task, unit=unit)
        if assignment.pk is None or (assignment.role, assignment.position) != (role, position):
            if assignment.pk is not None:
                assignment.version += 1
            assignment.role, assignment.position = role, position
            attribute_change(assignment, user=user, reason=reason)
            assignment.save()


_TASK_FIELDS = ("title", "kind", "text", "deadline_text", "deadline", "is_ongoing", "targets", "position")


@transaction.atomic
def import_confirm(*, user: Any, draft: ImportDraft, expected_version: int) -> ImportResult:
    """Writes the reviewed document and its tasks, or nothing."""
    draft = _lock_open(draft, expected_version)
    _deny_unless_office(user, draft.programme)
    resolutions = resolve_names(draft)
    unknown = [r.name for r in resolutions if r.unit is None and not r.create]
    if unknown:
        raise ImportRefused(
            _("Say which unit these names mean, or create them: %(names)s") % {"names": "、".join(unknown)}
        )
    data = draft.data
    reason = _("imported from %(file)s") % {"file": Path(draft.file_name).stem}
    document = existing_document(draft)
    is_new = document is None
    if document is None:
        document = Document(programme=draft.programme)
    else:
        document = Document.objects.select_for_update().get(pk=document.pk)
        document.version += 1
    document.task_force = draft.task_force or document.task_force
    document.kind = draft.kind
    document.title = data["title"][:300]
    document.doc_number = data["doc_number"][:100]
    document.issuer = data["issuer"][:200]
    document.issued_on = parse_date(data["issued_on"]) if data.get("issued_on") else None
    document.text, document.text_hash, document.outline = draft.text, draft.text_hash, data["sections"]
    attribute_change(document, user=user, reason=reason)
    document.save()
    if not access.can_change(user, document):
        raise access.AccessDenied(str(document))

    result = ImportResult(document=document)
    units = _units_for(resolutions, draft, user, result.new_units)
    existing = {task.path: task for task in document.tasks.select_for_update()}
    for position, row in enumerate(data["rows"]):
        values = {
            "title": row["title"],
            "kind": row.get("kind", ""),
            "text": row["text"],
            "deadline_text": row["deadline_text"][:100],
            "deadline": parse_date(row["deadline"]) if row["deadline"] else None,
            "is_ongoing": row["is_ongoing"],
            "targets": row["targets"],
            "position": position,
        }
        task = existing.pop(row["path"], None)
        if task is None:
            task = Task(document=document, path=row["path"], **values)
            result.created += 1
        else:
            if all(getattr(task, name) == values[name] for name in _TASK_FIELDS):
                _assign(task, row, units, user, reason)
                result.updated += 1
                continue
            for name, value in values.items():
                setattr(task, name, value)
            task.version += 1
            result.updated += 1
        attribute_change(task, user=user, reason=reason)
        task.save()
        _assign(task, row, units, user, reason)
    result.kept = len(existing) if not is_new else 0
    draft.state, draft.document = DraftState.CONFIRMED, document
    draft.version += 1
    draft.save(update_fields=["state", "document", "version"])
    return result


def import_text(
    *, user: Any, programme: Programme, task_force: TaskForce | None, kind: str, file_name: str, data: bytes
) -> ImportResult:
    """Upload and confirm at once, creating the units nobody can match: for the demo and scripts."""
    draft = import_draft_create(
        user=user, programme=programme, task_force=task_force, kind=kind, file_name=file_name, data=data
    )
    for resolution in resolve_names(draft):
        if resolution.unit is None:
            import_draft_map_unit(user=user, draft=draft, name=resolution.name, unit=None, create=True)
    draft.refresh_from_db()
    return import_confirm(user=user, draft=draft, expected_version=draft.version)
