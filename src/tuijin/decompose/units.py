"""Lead and cooperating units: where a document names who does the work.

Forms recognised (on the simplified, half-width view):

* labels: ``牵头单位：…；配合单位：…``, ``责任单位：…``, in brackets or not;
* brackets without labels: ``（省发展改革委牵头，省财政厅配合）``, ``（省教育厅负责）``,
  and a closing ``（省发展改革委、省财政厅）`` made only of unit names;
* clauses: ``由省财政厅会同有关部门负责``, ``由区委督委办牵头，区直相关部门配合``,
  ``…办公室为项目谋划牵头部门``;
* the opening of an item's body: ``省重大办会同有关部门…``, ``各镇街道、经开区负责…``.

Once a unit 牵头, units that are only 负责/责任单位 beside it cooperate, and in
``责任单位：省发展改革委（牵头）、省财政厅`` the mark names the lead.

Names are split on 、，； but never inside 〈〉〔〕() (``中国〔太原〕煤炭交易中心`` is one
unit); 和 splits only two whole names (``省住房和城乡建设厅`` is one unit), and an
administrative-level fragment is glued to what follows it (``各市、县人民政府``).
Labelled and bracketed lists are taken as written; names found in running text
must look like organisations (end in 委, 厅, 局, 办, 政府 …), so people and counts
(``由1名省领导同志牵头``) are not units.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .text import Passage, passage

Span = tuple[int, int]

_LEAD_LABELS = (
    "牵头单位|牵头部门|责任单位|责任部门|主责单位|主责部门|负责单位|负责部门|承办单位|主办单位|实施单位|责任主体|牵头"
)
_COOP_LABELS = "配合单位|配合部门|协办单位|参与单位|参加单位|协助单位|协同单位|配合"
_LABEL = re.compile(rf"(?:(?P<lead>{_LEAD_LABELS})|(?P<coop>{_COOP_LABELS}))\s*:\s*")

_LEAD_VERB = "牵头负责|按职责分工负责|按职责负责|分别负责|共同负责|牵头|负责"
_COOP_VERB = "按职责分工配合|共同参与|协同配合|配合|参与|协助|协同"
# The lead may follow a topic and 由 (基金设立工作由省财政厅会同有关部门负责); 自由 is a word.
_BY_CLAUSE = re.compile(
    rf"(?:[^,;。]*?(?<!自)由)?(?P<lead>(?:[^,;。由]|自由)+?)(?:会同(?P<coop>[^,;。]+?))?"
    rf"(?P<verb>{_LEAD_VERB})"
)
_COOP_CLAUSE = re.compile(rf"(?P<coop>[^,;。]+?)(?:{_COOP_VERB})")
_DESIGNATED_CLAUSE = re.compile(r"(?P<lead>[^,;。]+?)(?:为|是|作为)[^,;。]{0,12}?牵头(?:部门|单位)")
_OPENING = re.compile(
    rf"(?P<lead>[^,;:。\n]{{2,40}}?)(?:要|应|应当)?(?:(?:{_LEAD_VERB})|会同(?P<coop>[^,;:。\n]+?)"
    r"(?=进一步|加快|加强|共同|研究|制定|做好|抓好|推进|开展|组织|建立|完善|负责|[,;。]|$))"
)

_UNIT_SUFFIX = re.compile(
    r"(?:委|厅|局|办|部|院|会|府|中心|室|处|所|组|行|署|社|联|协|馆|站|台|校|司|集团|大学|中央|"
    r"街道|区|县|市|镇|乡|部门|单位|机关|海关|党委|团|队|总队|支队)$"
)
_NOT_A_NAME = re.compile(r"[要应将把对在从的了是。:;!?]|(?<!自)由|^\d")
_ENCLOSED = re.compile(r"〈[^〉]*〉|〔[^〕]*〕|\([^)]*\)|【[^】]*】")
_ADMIN_FRAGMENT = re.compile(r"各?[省市县区乡镇州盟旗](?:\([^)]*\))?")
_TRAILING = re.compile(r"(?:等(?:有关|相关)?(?:部门|单位)?|按职责分工负责|牵头负责|牵头|负责|配合|参与|分别)$")
_LEAD_MARK = re.compile(r"\((?:牵头|牵头单位)\)$")
_CONJUNCTION = re.compile(r"[和及与]")
_OPENERS = "(〈〔【《<"
_CLOSERS = ")〉〕】》>"
_SEPARATORS = "、,;\n"
_CLAUSE_BREAKS = ",;。\n!?"
# Scanning only these characters (not every character) keeps long items fast.
_STRUCTURE = re.compile(r"[(〈〔【《<)〉〕】》>、,;。\n!?]")
_PARENTHESES = re.compile(r"[()]")


@dataclass(frozen=True)
class UnitSpans:
    """Where the lead and cooperating units sit in a view."""

    lead: tuple[Span, ...] = ()
    cooperating: tuple[Span, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.lead or self.cooperating)


def opens_with_label(view: str) -> bool:
    """Does this line open with 牵头单位： / 配合单位： …?"""
    return _LABEL.match(view) is not None


def split_units(text: str) -> list[str]:
    """Unit names in a list such as ``省发展改革委、省财政厅，各市、县人民政府``."""
    piece = passage(text)
    return [piece.cut(*span) for span in split_spans(piece.view, 0, len(piece.view))]


def is_unit_name(view: str) -> bool:
    """Does this look like the name of an organisation (not a clause or a person)?"""
    if not 2 <= len(view) <= 40 or _NOT_A_NAME.search(view):
        return False
    core = _ENCLOSED.sub("", view).strip()
    return bool(core) and bool(_UNIT_SUFFIX.search(core))


def split_spans(view: str, start: int, end: int) -> list[Span]:
    """Split ``view[start:end]`` into unit spans, respecting brackets."""
    pieces = _top_level_pieces(view, start, end, _SEPARATORS)
    spans = _glue_admin_fragments(view, [span for span in map(_trim(view), pieces) if span])
    return [part for span in spans for part in _split_conjoined(view, span)]


def _split_conjoined(view: str, span: Span) -> list[Span]:
    """省发展改革委和省财政厅 is two units; 省住房和城乡建设厅 is one."""
    start, end = span
    for found in _CONJUNCTION.finditer(view, start, end):
        left, right = (start, found.start()), (found.end(), end)
        if is_unit_name(view[slice(*left)]) and is_unit_name(view[slice(*right)]):
            return [left, *_split_conjoined(view, right)]
    return [span]


def _top_level_pieces(view: str, start: int, end: int, separators: str) -> list[Span]:
    """``view[start:end]`` cut at ``separators`` that sit outside brackets."""
    pieces: list[Span] = []
    depth, piece_start = 0, start
    for found in _STRUCTURE.finditer(view, start, end):
        char = found.group()
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
            depth = max(depth - 1, 0)
        elif depth == 0 and char in separators:
            pieces.append((piece_start, found.start()))
            piece_start = found.start() + 1
    pieces.append((piece_start, end))
    return pieces


def _trim(view: str) -> Callable[[Span], Span | None]:
    """Strip spaces, a leading 由, and trailing 等/牵头/负责 words from a unit span."""

    def trim(span: Span) -> Span | None:
        start, end = span
        while start < end and (view[start].isspace() or view[start] in "由及"):
            start += 1
        while end > start and view[end - 1] in " \t。.,;:、":
            end -= 1
        found = _TRAILING.search(view, start, end)
        while found and found.start() > start:
            end = found.start()
            found = _TRAILING.search(view, start, end)
        while end > start and view[end - 1].isspace():
            end -= 1
        return (start, end) if end > start else None

    return trim


def _glue_admin_fragments(view: str, spans: list[Span]) -> list[Span]:
    glued: list[Span] = []
    carried: int | None = None
    for index, (start, end) in enumerate(spans):
        if index < len(spans) - 1 and _ADMIN_FRAGMENT.fullmatch(view, start, end):
            carried = start if carried is None else carried
            continue
        glued.append((start if carried is None else carried, end))
        carried = None
    return glued


def find_units(view: str, *, opening: bool = True) -> UnitSpans:
    """Lead and cooperating units named in an item's text (spans into ``view``)."""
    found = _labelled(view)
    if found:
        return found
    found = _bracketed(view)
    if found:
        return found
    found = _clauses(view)
    if found or not opening:
        return found
    return _opening(view)


def cell_units(view: str) -> UnitSpans:
    """Units in a table cell: explicit roles if written, otherwise every name leads."""
    found = find_units(view, opening=False)
    return found or UnitSpans(lead=tuple(split_spans(view, 0, len(view))))


def _labelled(view: str, start: int = 0, end: int | None = None) -> UnitSpans:
    end = len(view) if end is None else end
    labels = list(_LABEL.finditer(view, start, end))
    lead: list[Span] = []
    cooperating: list[Span] = []
    # Beside a 牵头单位, the 责任单位 (and the like) carry the work out: they cooperate.
    heads = any((label.group("lead") or "").startswith("牵头") for label in labels)
    for index, label in enumerate(labels):
        limit = labels[index + 1].start() if index + 1 < len(labels) else end
        content = label.end()
        while content < limit and view[content].isspace():
            content += 1
        content_end = _content_end(view, content, limit)
        roles = _clauses(view, content, content_end)
        if roles and not label.group("coop"):
            # 责任单位：省市场监管局牵头，省公安厅配合 — the roles are written out.
            lead.extend(roles.lead)
            cooperating.extend(roles.cooperating)
            continue
        spans = split_spans(view, content, content_end)
        if label.group("coop") or (heads and not label.group("lead").startswith("牵头")):
            cooperating.extend(spans)
            continue
        marked = [span for span in spans if _LEAD_MARK.search(view, *span)]
        if not marked:
            lead.extend(spans)
            continue
        # 责任单位：省发展改革委（牵头）、省财政厅 — the mark names the lead.
        lead.extend((s, _LEAD_MARK.search(view, s, e).start()) for s, e in marked)
        cooperating.extend(span for span in spans if span not in marked)
    return UnitSpans(tuple(lead), tuple(cooperating))


def _content_end(view: str, start: int, limit: int) -> int:
    depth = 0
    for found in _STRUCTURE.finditer(view, start, limit):
        char = found.group()
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
            if depth == 0:
                return found.start()
            depth -= 1
        elif depth == 0 and char in ";。\n":
            return found.start()
    return limit


def bracket_groups(view: str) -> list[Span]:
    """Top-level ``(…)`` groups as (start of content, end of content)."""
    groups: list[Span] = []
    depth, opened = 0, 0
    for found in _PARENTHESES.finditer(view):
        if found.group() == "(":
            if depth == 0:
                opened = found.end()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                groups.append((opened, found.start()))
    return groups


def _bracketed(view: str) -> UnitSpans:
    groups = bracket_groups(view)
    for start, end in groups:
        found = _clauses(view, start, end)
        if found:
            return found
    closing = view.rstrip("。. \n")
    if groups and groups[-1][1] == len(closing) - 1:
        start, end = groups[-1]
        spans = split_spans(view, start, end)
        if spans and all(is_unit_name(view[s:e]) for s, e in spans):
            return UnitSpans(lead=tuple(spans))
    return UnitSpans()


def _named(view: str, found: re.Match[str], group: str) -> tuple[Span, ...]:
    if group not in found.re.groupindex or found.group(group) is None:
        return ()
    spans = split_spans(view, found.start(group), found.end(group))
    if spans and all(is_unit_name(view[s:e]) for s, e in spans):
        return tuple(spans)
    return ()


def clause_spans(view: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Clauses of ``view[start:end]`` split at , ; 。 (and line ends) outside brackets."""
    end = len(view) if end is None else end
    return [(s, e) for s, e in _top_level_pieces(view, start, end, _CLAUSE_BREAKS) if e > s]


def _first_clause(view: str, start: int) -> Span:
    depth = 0
    for found in _STRUCTURE.finditer(view, start):
        char = found.group()
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
            depth = max(depth - 1, 0)
        elif depth == 0 and char in _CLAUSE_BREAKS:
            return start, found.start()
    return start, len(view)


def _clauses(view: str, start: int = 0, end: int | None = None) -> UnitSpans:
    """Role clauses; once a unit 牵头, units that merely 负责 cooperate."""
    leads: list[tuple[tuple[Span, ...], str]] = []
    cooperating: list[Span] = []
    for clause_start, clause_end in clause_spans(view, start, end):
        found = _BY_CLAUSE.fullmatch(view, clause_start, clause_end)
        spans = _named(view, found, "lead") if found else ()
        if spans:
            leads.append((spans, found.group("verb")))
            cooperating.extend(_named(view, found, "coop"))
            continue
        found = _DESIGNATED_CLAUSE.fullmatch(view, clause_start, clause_end)
        spans = _named(view, found, "lead") if found else ()
        if spans:
            leads.append((spans, "牵头"))
        elif leads:
            cooperating.extend(_named_fullmatch(_COOP_CLAUSE, view, clause_start, clause_end))
    heads = any(verb.startswith("牵头") for _, verb in leads)
    lead: list[Span] = []
    for spans, verb in leads:
        (lead if verb.startswith("牵头") or not heads else cooperating).extend(spans)
    return UnitSpans(tuple(lead), tuple(cooperating))


def role_prefix_end(view: str) -> int:
    """Where the work starts when an item opens with its units.

    ``（省发展改革委牵头）加快…``, ``省发展改革委牵头，省财政厅配合，加快…`` and
    ``牵头单位：省发展改革委。加快…`` all start the work after the units.
    """
    position = 0
    while position < len(view):
        if view[position] in " \n":
            position += 1
            continue
        end = _role_clause_end(view, position)
        if end is None:
            break
        position = end
    return position


def _role_clause_end(view: str, start: int) -> int | None:
    if view[start] == "(":
        close = _closing_bracket(view, start)
        if close is not None and (_clauses(view, start + 1, close) or _labelled(view, start + 1, close)):
            return close + 1
        return None
    label = _LABEL.match(view, start)
    if label is not None:
        end = _content_end(view, label.end(), len(view))
        return end + 1 if end < len(view) and view[end] in ";。\n" else end
    clause = _first_clause(view, start)
    if clause[1] == start or not _is_role_clause(view, *clause):
        return None
    return min(clause[1] + 1, len(view))


def _is_role_clause(view: str, start: int, end: int) -> bool:
    for pattern, group in (
        (_BY_CLAUSE, "lead"),
        (_DESIGNATED_CLAUSE, "lead"),
        (_COOP_CLAUSE, "coop"),
    ):
        found = pattern.fullmatch(view, start, end)
        if found and _named(view, found, group):
            return True
    return False


def _closing_bracket(view: str, start: int) -> int | None:
    depth = 0
    for found in _PARENTHESES.finditer(view, start):
        depth += 1 if found.group() == "(" else -1
        if depth == 0:
            return found.start()
    return None


def _named_fullmatch(pattern: re.Pattern[str], view: str, start: int, end: int) -> tuple[Span, ...]:
    found = pattern.fullmatch(view, start, end)
    return _named(view, found, "coop") if found else ()


def _opening(view: str) -> UnitSpans:
    """Units that open the body: the first sentence, or the one after a short title.

    Consecutive clauses that each open with units count (X负责…，Y负责…).
    """
    starts = [0]
    title_end = min((i for i in (view.find("。"), view.find("\n")) if i >= 0), default=-1)
    if 0 < title_end < 30:
        starts.append(title_end + 1)
    for start in starts:
        sentence_end = view.find("。", start)
        lead: list[Span] = []
        cooperating: list[Span] = []
        for clause_start, clause_end in clause_spans(view, start, _end_or_len(view, sentence_end)):
            found = _OPENING.match(view, clause_start, clause_end)
            roles = _roles_from_match(view, found) if found else UnitSpans()
            if not roles:
                break
            lead.extend(roles.lead)
            cooperating.extend(roles.cooperating)
        if lead:
            return UnitSpans(tuple(lead), tuple(cooperating))
    return UnitSpans()


def _end_or_len(view: str, end: int) -> int:
    return end if end >= 0 else len(view)


def _roles_from_match(view: str, found: re.Match[str]) -> UnitSpans:
    lead = _named(view, found, "lead")
    if not lead:
        return UnitSpans()
    return UnitSpans(lead, _named(view, found, "coop"))


def names(piece: Passage, spans: tuple[Span, ...]) -> tuple[str, ...]:
    """Distinct unit names in the original script, in order of appearance."""
    seen: set[str] = set()
    result: list[str] = []
    for start, end in spans:
        key = piece.view[start:end].replace(" ", "")
        if key in seen:
            continue
        seen.add(key)
        result.append(piece.cut(start, end))
    return tuple(result)
