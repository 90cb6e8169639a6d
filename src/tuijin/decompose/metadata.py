"""Document metadata: title, 文号, issuer and issue date, read from the header.

The header is everything before the first numbered heading; the signature (issuer
and date) may also close the document, after the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .numerals import number_of, year_of
from .text import Passage
from .units import is_unit_name

_DATE = (
    r"(?P<year>(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年\s*"
    r"(?P<month>\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月\s*"
    r"(?P<day>\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*日"
)
_SIGNATURE = re.compile(rf"(?P<issuer>[^,。;:!?]{{0,60}}?)\s*{_DATE}\s*(?P<printed>印发|印|发布)?")
_DOC_NUMBER = re.compile(
    r"(?:^|(?<=[\s(《》“”:]))[\u4e00-\u9fff]{1,12}[〔\[【(]\s*(?:19|20)\d{2}\s*[〕\]】)]\s*第?\s*\d{1,5}\s*号"
)
# Government websites print the metadata as labelled fields above the text.
_FIELD = re.compile(r"(?P<key>标题|名称|发文机关|发布机构|发文单位|成文日期|发文日期|印发日期|发布日期)\s*:\s*")
_ISSUER_FIELDS = ("发文机关", "发布机构", "发文单位")
_DATE_FIELDS = ("成文日期", "发文日期", "印发日期", "发布日期")
_NUMERIC_DATE = re.compile(r"(?P<year>(?:19|20)\d{2})[-./](?P<month>\d{1,2})[-./](?P<day>\d{1,2})")
_GENRE = re.compile(
    r"(?:方案|计划|要点|意见|办法|规划|通知|细则|规定|措施|纲要|决定|清单|分工|任务|条例|报告|安排|"
    r"指南|举措|责任书|通告|公告|决议|行动)$"
)
# 方案（试行）, 行动计划（2018—2020年）: the genre word comes before the note.
_TRAILING_NOTE = re.compile(r"\([^()]{1,20}\)$")
_TITLE_BREAKERS = frozenset(",。;:!?")
_FRAGMENT_BREAKERS = frozenset(",。;:!?、()《》")
_QUOTED_TITLE = re.compile(r"《(?P<title>[^《》]{4,80})》")
_FILE_HEADER = re.compile(r"(?P<issuer>.{2,40}?)\s*文件")
_ISSUED_BY = re.compile(r"(?P<issuer>[^,。;:!?《》]{2,60}?)(?:关于)?(?:印发|转发)")
_NOT_SIGNED = re.compile(r"\(?(?:此件|本件)[^)]{0,12}\)?|\(?共印\d+份\)?|(?:抄送|抄报|主送|发送)\s*:.*")


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    issued_on: date | None = None


@dataclass(frozen=True)
class _Signature:
    issuer: str | None
    issued_on: date | None
    printed: bool


def is_closing_line(view: str, following: str = "") -> bool:
    """A signature, date or distribution line: part of no task.

    An issuer's name alone only counts when the date follows it, so that a list of
    units written one per line stays in the text.
    """
    view = view.strip()
    if _NOT_SIGNED.fullmatch(view) or _is_date_line(view):
        return True
    return _is_issuer_line(view) and _is_date_line(following.strip())


def _is_date_line(view: str) -> bool:
    found = _SIGNATURE.fullmatch(view)
    return bool(found) and (not found.group("issuer").strip() or _is_issuer_line(found.group("issuer")))


def extract_metadata(header: list[Passage], closing: list[Passage]) -> Metadata:
    lines = [line.strip() for line in header if line.view.strip()]
    signature = _signature(lines) or _signature([line.strip() for line in closing])
    fields = _fields(lines)
    return Metadata(
        title=_title(lines, fields.get("标题") or fields.get("名称")),
        doc_number=_doc_number(lines),
        issuer=(signature.issuer if signature else None) or _first(fields, _ISSUER_FIELDS) or _issuer(lines),
        issued_on=(signature.issued_on if signature else None) or _field_date(fields),
    )


def _fields(lines: list[Passage]) -> dict[str, Passage]:
    """标题：… 发文机关：… 成文日期：… (several may share a line)."""
    fields: dict[str, Passage] = {}
    for line in lines:
        keys = list(_FIELD.finditer(line.view))
        for index, key in enumerate(keys):
            end = keys[index + 1].start() if index + 1 < len(keys) else len(line.view)
            value = line[key.end() : end].strip()
            if value.view:
                fields.setdefault(key.group("key"), value)
    return fields


def _first(fields: dict[str, Passage], keys: tuple[str, ...]) -> str | None:
    return next((fields[key].text for key in keys if key in fields), None)


def _field_date(fields: dict[str, Passage]) -> date | None:
    for key in _DATE_FIELDS:
        if key not in fields:
            continue
        view = fields[key].view
        found = _SIGNATURE.search(view) or _NUMERIC_DATE.search(view)
        when = _date_of(found) if found else None
        if when:
            return when
    return None


def _doc_number(lines: list[Passage]) -> str | None:
    for line in lines:
        found = _DOC_NUMBER.search(line.view)
        if found:
            return line.cut(found.start(), found.end())
    return None


def _signature(lines: list[Passage]) -> _Signature | None:
    signatures: list[_Signature] = []
    for index, line in enumerate(lines):
        found = _SIGNATURE.fullmatch(line.view)
        if found is None:
            continue
        issuer = found.group("issuer").strip()
        if issuer and not _is_issuer_line(issuer):
            continue
        name = line.cut(found.start("issuer"), found.end("issuer")).strip() if issuer else None
        if not name and index > 0 and _is_issuer_line(lines[index - 1].view):
            name = lines[index - 1].text
        signatures.append(_Signature(name, _date_of(found), bool(found.group("printed"))))
    signed = [s for s in signatures if not s.printed] or signatures
    return signed[0] if signed else None


def _date_of(found: re.Match[str]) -> date | None:
    year = year_of(found.group("year"))
    month = number_of(found.group("month"))
    day = number_of(found.group("day"))
    if year is None or month is None or day is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _is_issuer_line(view: str) -> bool:
    view = view.strip()
    if not view or len(view) > 40 or any(char in _TITLE_BREAKERS for char in view):
        return False
    return all(is_unit_name(part) for part in view.split())


def _issuer(lines: list[Passage]) -> str | None:
    for line in lines:
        found = _FILE_HEADER.fullmatch(line.view)
        if found and _is_issuer_line(found.group("issuer")):
            return line.cut(found.start("issuer"), found.end("issuer"))
    for line in lines:
        found = _ISSUED_BY.match(line.view)
        if found and _names_only(found.group("issuer")):
            return line.cut(found.start("issuer"), found.end("issuer")).strip()
    return None


def _names_only(view: str) -> bool:
    parts = [p for p in re.split(r"[、\s]+", view.strip()) if p]
    return bool(parts) and all(is_unit_name(part) for part in parts)


def _title(lines: list[Passage], field: Passage | None) -> str | None:
    candidates = [index for index, line in enumerate(lines) if _is_title_line(line.view)]
    if candidates:
        plans = [i for i in candidates if not _compact(lines[i].view).endswith("通知")]
        index = (plans or candidates)[-1]
        first, last = index, index
        while first > 0 and _is_title_fragment(lines[first - 1].view):
            first -= 1
        if last + 1 < len(lines) and _TRAILING_NOTE.fullmatch(_compact(lines[last + 1].view)):
            last += 1
        return "".join(line.text.strip() for line in lines[first : last + 1])
    for line in lines:
        if "印发" not in line.view:
            continue
        for found in _QUOTED_TITLE.finditer(line.view):
            if _GENRE.search(found.group("title")):
                return line.cut(found.start("title"), found.end("title"))
    if field is not None:
        return field.text
    return lines[0].text if lines and len(lines[0].view) <= 80 else None


def _compact(view: str) -> str:
    return "".join(view.split())


def _is_title_line(view: str) -> bool:
    compact = _TRAILING_NOTE.sub("", _compact(view))
    if not 4 <= len(compact) <= 80 or any(char in _TITLE_BREAKERS for char in compact):
        return False
    if _SIGNATURE.fullmatch(compact) or _DOC_NUMBER.search(compact):
        return False
    return bool(_GENRE.search(compact))


def _is_title_fragment(view: str) -> bool:
    compact = _compact(view)
    if not 2 <= len(compact) <= 40 or any(char in _FRAGMENT_BREAKERS for char in compact):
        return False
    if _SIGNATURE.fullmatch(compact) or _DOC_NUMBER.search(compact) or _is_issuer_line(compact):
        return False
    return not compact.endswith("文件") and not compact.startswith("附件") and not _GENRE.search(compact)
