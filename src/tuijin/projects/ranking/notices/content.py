"""What a monthly notice says, independent of Word or Excel: a title, an opening, and a list of
sections, each with paragraphs, tables and charts. The Word and Excel builders render any section.

Extension point: another part of the project adds a section with `register_section(order, builder)`
(e.g. the problems flagged for supervision, at order 45). A builder takes the `NoticeContext` and
returns a `Section`, or None when it has nothing to say that month. Built-in orders: 10 overall
situation, 20 rankings (one section per ranking sequence), 30 projects behind schedule, 40 projects
in and out of the library, 50 chart, 90 the ranking rule."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from tuijin.core.money import wan_to_yi
from tuijin.org.models import Programme, Region

from ...models import RankingRule
from .. import selectors
from ..rules import RuleConfig, describe
from ..sheets import rule_title


class Kind:
    """How a column's values are written: Word shows text, Excel keeps numbers with a format."""

    TEXT = "text"
    INT = "int"
    WAN = "wan"  # money in 10k CNY
    YI = "yi"  # money stored in 10k CNY, shown in 100M CNY
    RATE = "rate"  # an exact fraction shown as a percentage
    POINTS = "points"  # signed percentage points
    SCORE = "score"
    DATE = "date"


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = Kind.TEXT


@dataclass
class Table:
    title: str
    columns: list[Column]
    rows: list[list[Any]]
    # Word shows at most this many rows; Excel shows all `rows`. A long list holds only its first rows
    # and `total` says how many there are (the platform lists them all behind the figure).
    word_limit: int | None = None
    sheet: str = ""
    total: int | None = None

    @property
    def count(self) -> int:
        return len(self.rows) if self.total is None else self.total


@dataclass
class Chart:
    title: str
    categories: list[str]
    # (series name, values as fractions or None)
    bars: list[tuple[str, list[float | None]]]
    line: tuple[str, float] | None = None  # a reference line at one value (time-proportional progress)


@dataclass
class Section:
    key: str
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)


@dataclass
class NoticeContent:
    issuer: str
    title: str
    opening: str
    sections: list[Section]
    date: dt.date
    period: dt.date


@dataclass
class NoticeContext:
    """Everything a section builder may need, with the ranking computed once for all of them."""

    user: Any
    programme: Programme
    period: dt.date
    parent: Region
    rule: RankingRule | None

    @cached_property
    def config(self) -> RuleConfig:
        return selectors.config_of(self.rule)

    @cached_property
    def ranking(self) -> selectors.Ranking:
        return selectors.ranking(
            user=self.user, programme=self.programme, period=self.period, parent=self.parent, rule=self.rule
        )

    @property
    def where(self) -> dict[str, Any]:
        return {"user": self.user, "programme": self.programme, "period": self.period, "parent": self.parent}

    @property
    def months(self) -> str:
        """“1—6月”: the months the year-to-date figures cover."""
        month = self.period.month
        return _("January") if month == 1 else _("January to month %(month)s") % {"month": month}


Builder = Callable[[NoticeContext], Section | list[Section] | None]
SECTIONS: list[tuple[int, Builder]] = []


def register_section(order: int, builder: Builder) -> None:
    if (order, builder) not in SECTIONS:
        SECTIONS.append((order, builder))
        SECTIONS.sort(key=lambda item: item[0])


def month_label(period: dt.date) -> str:
    return _("%(month)s/%(year)s") % {"month": period.month, "year": period.year}


def heading_number(index: int) -> str:
    """一、二、三 in Chinese; 1. 2. 3. otherwise."""
    if translation.get_language().startswith("zh"):
        numerals = "一二三四五六七八九十"
        text = numerals[index - 1] if index <= 10 else f"十{numerals[index - 11]}"
        return f"{text}、"
    return f"{index}. "


def build_content(context: NoticeContext, *, today: dt.date) -> NoticeContent:
    """The notice in the active language (the service writes it in the programme's language)."""
    sections: list[Section] = []
    for _order, builder in SECTIONS:
        built = builder(context)
        if built is None:
            continue
        sections.extend(built if isinstance(built, list) else [built])
    scope = context.parent.name
    title = _("Notice on the progress of the major projects of %(scope)s, %(month)s") % {
        "scope": scope,
        "month": month_label(context.period),
    }
    office = context.programme.office
    opening = _(
        "Under the monthly dispatch and notice system of %(programme)s, the progress of the major projects of "
        "%(scope)s from %(months)s is notified as follows."
    ) % {"programme": context.programme.name, "scope": scope, "months": context.months}
    return NoticeContent(
        issuer=office.name if office else context.programme.name,
        title=title,
        opening=opening,
        sections=sections,
        date=today,
        period=context.period,
    )


def yi(amount: Decimal) -> str:
    return f"{wan_to_yi(amount):,}"


def rule_section(context: NoticeContext) -> Section:
    return Section("rule", _("Ranking rule"), [rule_title(context.rule), *describe(context.config)])
