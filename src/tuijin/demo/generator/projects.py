"""A programme's project library, deterministic from a seed and at any scale: projects with their
owners and responsible people, lifecycle and timeline, yearly list memberships and annual plans,
monthly reports, reporting months, ranking rules and origination targets.

One code path for two scales: bench/generate.py loads 50,000 projects into the province of
bench/generator/org.py; tuijin.demo.projects loads about 2,000 into the demo's 东川省 and about 200
into its 青山区, a few of them written by hand (`Featured`). Both describe their organisation as a
`ProgrammeFrame` and call `ProjectGenerator.load`.

Rows are written in bulk and leave no history (this is generated data, not user activity); the
derived columns that save() would fill (Project.search_key, Unit.search_key) are computed here."""

import datetime as dt
import math
import random
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from functools import cached_property
from itertools import accumulate

from django.db import models
from django.utils import timezone

from tuijin.core.chinese import search_key
from tuijin.core.db import TableWriter
from tuijin.core.periods import add_months
from tuijin.org.models import Person, Programme, Region, TaskForce, Unit, UnitKind
from tuijin.projects.models import (
    ORIGINATION_THRESHOLD_WAN,
    AnnualPlan,
    EventKind,
    ListMembership,
    MonthlyReport,
    Origin,
    OriginationTarget,
    Project,
    ProjectEvent,
    ProjectList,
    RankingRule,
    ReportEvent,
    ReportingMonth,
    Stage,
)

from . import vocabulary as words
from .lifecycle import Lifecycle, sample_lifecycle, share_between, total_investment
from .reports import EVENT_COLUMNS, OVER_TOTAL_EVERY, REPORT_COLUMNS, event_rows, report_rows, reporting_periods

PHASES = [f"{n}期" for n in "一二三四五六七八九"]  # a readable frame's name given twice more is a later phase
CHUNK = 2000  # projects generated and written together; bounds memory at any scale
ANOMALY_ROOM = 0.5  # share of its total a planted spike's project has not reached, an excess's has
REUSE_OWNER = 0.3  # an enterprise already in the county owns the project
KEY_ENTERPRISE = 0.12  # a task force's leading enterprise owns the project


@dataclass(frozen=True)
class Calendar:
    """The months reported (`months` of them, up to `last_month`) and the day the data describe."""

    last_month: dt.date
    months: int
    as_of: dt.date

    @classmethod
    def closed(cls, last_month: dt.date, months: int) -> "Calendar":
        """Seen on the 10th of the following month: the latest month's window (1st–5th) has closed."""
        return cls(last_month, months, add_months(last_month, 1).replace(day=10))

    @property
    def first_month(self) -> dt.date:
        return add_months(self.last_month, 1 - self.months)

    @cached_property
    def periods(self) -> list[dt.date]:
        return [add_months(self.first_month, i) for i in range(self.months)]

    @cached_property
    def years(self) -> list[int]:
        return sorted({period.year for period in self.periods})

    @property
    def moment(self) -> dt.datetime:
        """The latest time anything generated may carry: the evening of the day described, or now
        when that day is today (the demo's)."""
        return min(dt.datetime.combine(self.as_of, dt.time(18), timezone.get_current_timezone()), timezone.now())


@dataclass(frozen=True)
class Place:
    """Where projects sit (a town, zone or county) and how many of them, relatively."""

    region: Region
    county: Region  # gives the project code its division and names the enterprises
    weight: float
    government: Unit | None = None  # the local government or zone committee, a responsible unit


class ListRule(Enum):
    """Which projects of a year's plan a list takes."""

    KEY = "key"  # nearly all: the programme's main list (省重大项目)
    PRIORITY = "priority"  # the largest (优选项目)
    ATTRACTION = "attraction"  # attracted investment (“双招双引”)
    SHORTFALL = "shortfall"  # a tenth (补短板强弱项)
    SUPPORT = "support"  # the large ones of the leading industries (“十强”产业重大支撑性项目)
    WHITELIST = "whitelist"  # started ones the banks may finance (白名单)


@dataclass(frozen=True)
class ListSpec:
    name: str
    short_name: str
    rule: ListRule


# A provincial programme's yearly lists (seed 000's 省重大项目, 优选项目 and the lists around them).
PROVINCE_LISTS = [
    ListSpec("省重大项目", "省重大", ListRule.KEY),
    ListSpec("省优选项目", "优选", ListRule.PRIORITY),
    ListSpec("“双招双引”重点项目", "双招双引", ListRule.ATTRACTION),
    ListSpec("补短板强弱项项目", "补短板", ListRule.SHORTFALL),
    ListSpec("“十强”产业重大支撑性项目", "十强支撑", ListRule.SUPPORT),
    ListSpec("重大项目融资白名单", "白名单", ListRule.WHITELIST),
]


class Anomaly(Enum):
    """A value planted in a project's latest report for the office's plausibility checks to flag."""

    SPIKE = "spike"  # the month far above the project's pace
    OVER_TOTAL = "over_total"  # reports adding up to more than the total investment


@dataclass(frozen=True)
class Featured:
    """A project written by hand: what it is and where is fixed, its life is sampled at `stage`.
    `latest_status` fixes its report of the latest month ("" draws it, None: not reported)."""

    name: str
    place: Place
    task_force: TaskForce
    stage: str
    total: Decimal
    owner: Unit | None = None  # None: an enterprise drawn like any project's
    responsible: Unit | None = None
    anomaly: Anomaly | None = None
    latest_status: str | None = ""
    content: str = ""  # "" describes it like any project of its industry


@dataclass(frozen=True)
class ProgrammeFrame:
    """What the generator needs to know of an organisation to fill one programme's library."""

    programme: Programme
    places: Sequence[Place]
    task_forces: Sequence[TaskForce]  # industry task forces; each project belongs to one
    departments: Sequence[Unit]  # responsible and originating units besides local governments
    lists: Sequence[ListSpec]
    target_regions: Sequence[Region]  # territories given origination targets
    key_enterprises: Mapping[int, Sequence[Unit]] = field(default_factory=dict)  # task force id → owners
    featured: Sequence[Featured] = ()  # the first projects written
    # Read by people (the demo): an enterprise reused nearby works in the project's industry, and a
    # name already given takes the owner's brand or a later phase (（二期）). The benchmarks' data keep
    # the plain draw.
    readable: bool = False
    centre: tuple[float, float] = (36.4, 118.3)  # latitude, longitude the projects lie around


@dataclass
class Draft:
    """A project before and after it is written, with the lifecycle its other rows derive from."""

    ordinal: int
    project: Project
    life: Lifecycle
    plans: dict[int, tuple[Decimal, bool, bool]]  # year → planned investment, plans start, plans completion
    anomaly: Anomaly | None = None
    latest_status: str | None = ""


def check_code(body: str) -> str:
    """The 18th character of a unified social credit code (GB 32100-2015)."""
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    remainder = sum(alphabet.index(c) * w for c, w in zip(body, weights, strict=True)) % 31
    return alphabet[(31 - remainder) % 31]


class ProjectGenerator:
    def __init__(self, *, seed: int, calendar: Calendar) -> None:
        self.rng = random.Random(seed)
        self.calendar = calendar
        self.counts: Counter[str] = Counter()
        self._serials: dict[tuple[int, str], int] = {}
        self._enterprise_names: set[str] = set()
        self._owners: dict[tuple[int, str | None], list[Unit]] = {}  # county id (and industry) → enterprises
        self._names: Counter[str] = Counter()  # project names given so far
        self._centres: dict[int, tuple[float, float]] = {}
        self._place_weights: list[float] = []  # cumulative, of the frame being loaded
        stamp = {"created_at": timezone.now(), "updated_at": timezone.now(), "version": 1}
        self._writers = {
            AnnualPlan: TableWriter(
                AnnualPlan, ["project", "year", "planned_investment", "plans_start", "plans_completion"], stamp
            ),
            ListMembership: TableWriter(
                ListMembership, ["project", "project_list", "year", "added_on", "removed_on"], stamp
            ),
            ProjectEvent: TableWriter(
                ProjectEvent,
                ["project", "kind", "on", "from_stage", "to_stage", "project_list", "year", "reason", "recorded_at"],
            ),
            MonthlyReport: TableWriter(MonthlyReport, REPORT_COLUMNS, {**stamp, "corrected_after_close": False}),
            ReportEvent: TableWriter(ReportEvent, EVENT_COLUMNS),
        }

    def load(self, frame: ProgrammeFrame, count: int) -> Counter[str]:
        """Writes `count` projects into the frame's programme, with everything around them."""
        lists = self._lists(frame)
        self._reporting_months(frame.programme)
        self._ranking_rules(frame.programme)
        self._origination_targets(frame, count)
        people = self._people(frame)
        self._place_weights = list(accumulate(place.weight for place in frame.places))
        for start in range(0, count, CHUNK):
            drafts = [self._draft(frame, people, ordinal) for ordinal in range(start, min(start + CHUNK, count))]
            self._write(drafts, lists)
        return self.counts

    # Around the projects ---------------------------------------------------------------------

    def _created(self, model: type[models.Model], objects: list) -> list:
        self.counts[model._meta.label] += len(objects)
        return model.objects.bulk_create(objects, batch_size=500)

    def _lists(self, frame: ProgrammeFrame) -> dict[ListRule, ProjectList]:
        created = self._created(
            ProjectList,
            [
                ProjectList(programme=frame.programme, name=spec.name, short_name=spec.short_name, sort_order=order)
                for order, spec in enumerate(frame.lists, start=1)
            ],
        )
        return {spec.rule: project_list for spec, project_list in zip(frame.lists, created, strict=True)}

    def _reporting_months(self, programme: Programme) -> None:
        """Each month's window is the 1st–5th of the next; every month but the latest is closed."""
        months = []
        for period in self.calendar.periods:
            opens = add_months(period, 1)
            closed_at = None
            if period != self.calendar.last_month:
                closed_at = dt.datetime.combine(opens.replace(day=10), dt.time(10), timezone.get_current_timezone())
            months.append(
                ReportingMonth(
                    programme=programme,
                    period=period,
                    opens_on=opens,
                    closes_on=opens.replace(day=5),
                    closed_at=closed_at,
                )
            )
        self._created(ReportingMonth, months)

    def _ranking_rules(self, programme: Programme) -> None:
        """Version 1 for the years that have no rule yet (the demo saves its own through the ranking's
        services). The settings stay empty: the ranking's own defaults apply until the office sets a rule."""
        ruled = set(RankingRule.objects.filter(programme=programme).values_list("year", flat=True))
        self._created(
            RankingRule,
            [
                RankingRule(
                    programme=programme,
                    year=year,
                    number=1,
                    name=f"{year}年度重大项目推进排名规则",
                    description="默认规则：按开工率、投资完成率排名，逾期报送计入。",
                )
                for year in self.calendar.years
                if year not in ruled
            ],
        )

    def _origination_targets(self, frame: ProgrammeFrame, count: int) -> None:
        """Seed 004's annexes: projects of 1亿 and more each territory and department must originate
        a year, in proportion to where projects are."""
        total_weight = sum(place.weight for place in frame.places)
        yearly = count / max(len(self.calendar.years), 1) * 0.6
        targets = []
        for year in self.calendar.years:
            for region in frame.target_regions:
                weight = sum(p.weight for p in frame.places if p.region.path.startswith(region.path))
                share = yearly * weight / total_weight
                targets.append(
                    OriginationTarget(
                        programme=frame.programme,
                        year=year,
                        region=region,
                        target_count=max(1, round(share * self.rng.uniform(0.8, 1.2))),
                    )
                )
            targets += [
                OriginationTarget(programme=frame.programme, year=year, unit=unit, target_count=self.rng.randint(2, 12))
                for unit in frame.departments
            ]
        self._created(OriginationTarget, targets)

    def _person_name(self) -> str:
        return self.rng.choice(words.SURNAMES) + self.rng.choice(words.GIVEN_NAMES)

    def _people(self, frame: ProgrammeFrame) -> dict[int, list[Person]]:
        """Two people for each unit that can be responsible for a project."""
        units = {unit.pk: unit for unit in frame.departments}
        units |= {place.government.pk: place.government for place in frame.places if place.government}
        units |= {task_force.lead_unit.pk: task_force.lead_unit for task_force in frame.task_forces}
        people = []
        for unit in units.values():
            posts = words.UNIT_POSTS.get(unit.kind, words.UNIT_POSTS["department"])
            people += [
                Person(
                    name=self._person_name(),
                    post=self.rng.choice(posts),
                    unit=unit,
                    phone=f"1{self.rng.choice('35789')}{self.rng.randrange(10**9):09d}",
                )
                for _ in range(2)
            ]
        by_unit: dict[int, list[Person]] = {}
        for person in self._created(Person, people):
            by_unit.setdefault(person.unit_id, []).append(person)
        return by_unit

    # One project -------------------------------------------------------------------------------

    def _draft(self, frame: ProgrammeFrame, people: dict[int, list[Person]], ordinal: int) -> Draft:
        rng, calendar = self.rng, self.calendar
        featured = frame.featured[ordinal] if ordinal < len(frame.featured) else None
        if featured is None:
            place = rng.choices(frame.places, cum_weights=self._place_weights)[0]
            task_force = rng.choice(frame.task_forces)
            total = total_investment(rng)
        else:
            place, task_force, total = featured.place, featured.task_force, featured.total
        key = words.industry_key(task_force.industry.name if task_force.industry else task_force.name)
        opened = min(dt.date(frame.programme.start_year, 1, 1), calendar.first_month)
        life = self._life(total, opened, featured)
        owner = (featured and featured.owner) or self._owner(frame, place, task_force, key)
        product, measure = rng.choice(words.PRODUCTS.get(key, words.GENERAL_PRODUCTS))
        origin = rng.choices(list(words.ORIGIN_WEIGHTS), weights=list(words.ORIGIN_WEIGHTS.values()))[0]
        responsible = (featured and featured.responsible) or self._responsible(frame, place, task_force)
        latitude, longitude = self._location(frame, place)
        project = Project(
            programme=frame.programme,
            code=self._code(place, life, key),
            name=self._featured_name(featured) if featured else self._name(frame, place, owner, product, measure),
            content=(featured and featured.content) or self._content(total, product, measure),
            region=place.region,
            industry=task_force.industry,
            task_force=task_force,
            owner=owner,
            responsible_unit=responsible,
            responsible_person=rng.choice(people[responsible.pk]),
            total_investment=total,
            is_new_start=self._is_new_start(life),
            origin=origin,
            origin_detail=rng.choice(words.ORIGIN_DETAILS[origin]),
            originated_by=self._originated_by(frame, place, origin, owner),
            approved_on=life.approved_on,
            planned_start=life.planned_start,
            planned_completion=life.planned_completion,
            actual_start=life.actual_start,
            actual_completion=life.actual_completion,
            latitude=latitude,
            longitude=longitude,
            stage=life.stage,
            entered_on=life.entered_on,
            exited_on=life.exited_on,
            exit_reason=life.exit_reason,
        )
        # What Project.save() would keep with the row.
        project.search_key = search_key(f"{project.code} {project.name}")
        # One project in OVER_TOTAL_EVERY reports more than its total, for the plausibility checks.
        planted = Anomaly.OVER_TOTAL if ordinal % OVER_TOTAL_EVERY == OVER_TOTAL_EVERY // 2 else None
        if featured is not None:
            return Draft(ordinal, project, life, self._plans(total, life), featured.anomaly, featured.latest_status)
        return Draft(ordinal, project, life, self._plans(total, life), planted)

    def _life(self, total: Decimal, opened: dt.date, featured: Featured | None) -> Lifecycle:
        """A featured project lives at its stage; one planted with an anomaly is drawn again until its
        investment leaves room for it: a spike needs most of it ahead (to fit under the total), an
        excess over the total some of it behind."""
        as_of = self.calendar.as_of
        while True:
            stage = featured.stage if featured else None
            life = sample_lifecycle(self.rng, total=total, as_of=as_of, library_opened=opened, stage=stage)
            if featured is None or featured.anomaly is None or life.actual_start is None:
                return life
            done = share_between(life.actual_start, life.curve_end, life.actual_start, self.calendar.last_month)
            if (featured.anomaly == Anomaly.SPIKE and done < ANOMALY_ROOM) or (
                featured.anomaly == Anomaly.OVER_TOTAL and done > ANOMALY_ROOM
            ):
                return life

    def _code(self, place: Place, life: Lifecycle, key: str | None) -> str:
        """The national format: year-division-industry-type-serial, e.g. 2024-980102-38-01-012345."""
        year = (life.approved_on or life.entered_on).year
        division = place.county.code[:6]
        serial = self._serials.get((year, division)) or self.rng.randint(100, 9000)
        self._serials[(year, division)] = serial + 1
        kind = self.rng.choices(["01", "02", "03"], weights=[15, 10, 75])[0]  # 审批, 核准, 备案
        return f"{year}-{division}-{words.INDUSTRY_CODES.get(key, words.GENERAL_INDUSTRY_CODE)}-{kind}-{serial:06d}"

    def _name(self, frame: ProgrammeFrame, place: Place, owner: Unit, product: str, measure: str) -> str:
        rng = self.rng
        here, brand = place.region.name[:2], owner.name[2:4]
        if measure:
            quantity = rng.choice(["1", "2", "5", "10", "30", "50", "100"] if measure.startswith("万") else
                                  ["200", "500", "1000", "3000", "5000", "1万", "3万", "10万"])  # fmt: skip
            templates = [
                (f"年产{quantity}{measure}{product}项目", 35),
                (f"{here}{product}产业园项目", 15),
                (f"{brand}{product}生产基地建设项目", 20),
                (f"{brand}{product}技术改造项目", 20),
                (f"{here}{product}智能制造项目", 10),
            ]
        else:
            templates = [
                (f"{here}{product}项目", 40),
                (f"{here}{product}建设项目", 30),
                (f"{brand}{product}（二期）项目", 15),
                (f"{here}{product}产业园基地建设项目", 15),
            ]
        name = rng.choices([t for t, _w in templates], weights=[w for _t, w in templates])[0]
        return self._distinct(name, brand) if frame.readable else name

    def _distinct(self, name: str, brand: str) -> str:
        """A name already given takes the owner's brand, and if that is taken too, a later phase."""
        for candidate in (name, name if name.startswith(brand) else f"{brand}{name}"):
            if not self._names[candidate]:
                self._names[candidate] += 1
                return candidate
        self._names[candidate] += 1
        return f"{candidate.removesuffix('项目')}（{PHASES[min(self._names[candidate], len(PHASES)) - 1]}）项目"

    def _featured_name(self, featured: Featured) -> str:
        self._names[featured.name] += 1  # a generated project of that name is told apart
        return featured.name

    def _content(self, total: Decimal, product: str, measure: str) -> str:
        rng = self.rng
        scale = math.sqrt(float(total) / 10000)
        area = max(20, round(rng.uniform(60, 140) * scale))
        floor = max(0.5, round(rng.uniform(3, 8) * scale, 1))
        if measure:
            equipment = rng.randint(50, 400)
            return (
                f"项目总占地约{area}亩，总建筑面积约{floor}万平方米，新建生产车间、研发中心、仓储及配套设施，"
                f"购置生产及检测设备{equipment}台（套），建成后形成{product}规模化生产能力。"
            )
        return f"项目总占地约{area}亩，总建筑面积约{floor}万平方米，主要建设{product}主体工程及道路、管网等配套设施。"

    def _owner(self, frame: ProgrammeFrame, place: Place, task_force: TaskForce, key: str | None) -> Unit:
        rng = self.rng
        leaders = frame.key_enterprises.get(task_force.pk, ())
        if leaders and rng.random() < KEY_ENTERPRISE:
            return rng.choice(leaders)
        nearby = self._owners.setdefault((place.county.pk, key if frame.readable else None), [])
        if nearby and rng.random() < REUSE_OWNER:
            return rng.choice(nearby)
        name = ""
        while not name or name in self._enterprise_names:
            brand = rng.choice(words.BRAND_FIRST) + rng.choice(words.BRAND_SECOND)
            trade = rng.choice(words.TRADE_WORDS.get(key, words.GENERAL_TRADE_WORDS))
            name = f"{place.county.name[:2]}{brand}{trade}{rng.choice(words.ENTERPRISE_FORMS)}"
        self._enterprise_names.add(name)
        body = "91" + place.county.code[:6] + "".join(rng.choices("0123456789ABCDEFGHJKLMNPQRTUWXY", k=9))
        enterprise = Unit(
            name=name,
            kind=UnitKind.ENTERPRISE,
            region=place.region,
            credit_code=body + check_code(body),
            search_key=search_key(name),
        )
        nearby.append(enterprise)
        return enterprise

    def _responsible(self, frame: ProgrammeFrame, place: Place, task_force: TaskForce) -> Unit:
        """The local government most often, else the task force's lead unit or another department."""
        draw = self.rng.random()
        if place.government is not None and draw < 0.45:
            return place.government
        if draw < 0.8:
            return task_force.lead_unit
        return self.rng.choice(frame.departments)

    def _originated_by(self, frame: ProgrammeFrame, place: Place, origin: str, owner: Unit) -> Unit | None:
        if origin == Origin.ENTERPRISE:
            return owner
        if origin in (Origin.GOVERNMENT, Origin.UNIVERSITY):
            return self.rng.choice(frame.departments)
        return place.government

    def _location(self, frame: ProgrammeFrame, place: Place) -> tuple[Decimal, Decimal]:
        rng = self.rng
        if place.county.pk not in self._centres:
            latitude, longitude = frame.centre
            self._centres[place.county.pk] = (latitude + rng.uniform(-1.4, 1.4), longitude + rng.uniform(-2.2, 2.2))
        latitude, longitude = self._centres[place.county.pk]
        return (
            Decimal(f"{latitude + rng.uniform(-0.2, 0.2):.6f}"),
            Decimal(f"{longitude + rng.uniform(-0.25, 0.25):.6f}"),
        )

    def _is_new_start(self, life: Lifecycle) -> bool:
        """New this year (新开工) unless it started in an earlier year (续建)."""
        this_year = self.calendar.last_month.year
        return life.actual_start is None or life.actual_start.year >= this_year

    def _plans(self, total: Decimal, life: Lifecycle) -> dict[int, tuple[Decimal, bool, bool]]:
        """The years the project is in the annual plan: approved by the year's end (projects in
        preparation are listed as 前期 projects and report their preparation), not completed or exited
        before the year began. The planned investment is the year's share of its curve (the planned
        one until it starts), give or take a quarter, at least a fiftieth of the total and at most
        what earlier years left of it."""
        plans, planned = {}, 0.0
        for year in self.calendar.years:
            first, following = dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
            approved = life.approved_on is not None and life.approved_on < following
            if not approved or not life.active_in(first, following - dt.timedelta(days=1)):
                continue
            if life.actual_start is not None:
                share = share_between(life.actual_start, life.curve_end, first, following)
            else:
                share = share_between(life.planned_start, life.planned_completion, first, following)
            fraction = min(max(share * self.rng.uniform(0.8, 1.3), 0.02), max(1 - planned, 0.02))
            planned += fraction
            plans[year] = (
                Decimal(round(float(total) * fraction / 10) * 10).quantize(Decimal("0.01")),
                life.planned_start is not None and life.planned_start.year == year,
                life.planned_completion is not None and life.planned_completion.year == year,
            )
        return plans

    # Writing -------------------------------------------------------------------------------------

    def _write(self, drafts: list[Draft], lists: dict[ListRule, ProjectList]) -> None:
        new_owners = [d.project.owner for d in drafts if d.project.owner.pk is None]
        self._created(Unit, list({id(unit): unit for unit in new_owners}.values()))
        self._created(Project, [draft.project for draft in drafts])
        events, memberships, plans = [], [], []
        for draft in drafts:
            events += self._timeline(draft)
            for year, (amount, starts, completes) in draft.plans.items():
                plans.append((draft.project.pk, year, amount, starts, completes))
            for row in self._memberships(draft, lists):
                memberships.append(row)
                events += self._list_events(draft, row)
        self._write_rows(AnnualPlan, plans)
        self._write_rows(ListMembership, memberships)
        self._write_rows(ProjectEvent, events)
        self._write_reports(drafts)

    def _write_rows(self, model: type[models.Model], rows: list[tuple]) -> None:
        self.counts[model._meta.label] += self._writers[model].write(rows)

    def _recorded(self, on: dt.date) -> dt.datetime:
        return min(dt.datetime.combine(on, dt.time(9), timezone.get_current_timezone()), self.calendar.moment)

    def _timeline(self, draft: Draft) -> Iterator[tuple]:
        life, pk = draft.life, draft.project.pk
        yield (
            pk,
            EventKind.ENTERED,
            life.entered_on,
            "",
            life.entry_stage,
            None,
            None,
            "",
            self._recorded(life.entered_on),
        )
        for previous, stage, on in life.moves_after_entry():
            kind = EventKind.EXITED if stage == Stage.EXITED else EventKind.STAGE
            reason = life.exit_reason if stage == Stage.EXITED else ""
            yield (pk, kind, on, previous, stage, None, None, reason, self._recorded(on))

    def _memberships(self, draft: Draft, lists: dict[ListRule, ProjectList]) -> Iterator[tuple]:
        """(project, list, year, added, removed) for each list that takes the project in a planned year."""
        life, project = draft.life, draft.project
        for year in draft.plans:
            for rule, project_list in lists.items():
                if self.rng.random() >= self._list_chance(rule, project, life, year):
                    continue
                added = max(dt.date(year, 1, 1) + dt.timedelta(days=self.rng.randint(0, 75)), life.entered_on)
                added = min(added, self.calendar.as_of)
                removed = life.exited_on if life.exited_on and life.exited_on.year == year else None
                yield (project.pk, project_list.pk, year, added, removed)

    @staticmethod
    def _list_chance(rule: ListRule, project: Project, life: Lifecycle, year: int) -> float:
        total = project.total_investment
        started = life.actual_start is not None and life.actual_start.year <= year
        return {
            ListRule.KEY: 0.9,
            ListRule.PRIORITY: 0.5 if total >= 200000 else 0.04,
            ListRule.ATTRACTION: 0.8 if project.origin == Origin.ATTRACTION else 0.03,
            ListRule.SHORTFALL: 0.1,
            ListRule.SUPPORT: 0.7 if total >= 10 * ORIGINATION_THRESHOLD_WAN else 0.0,
            ListRule.WHITELIST: 0.2 if started else 0.0,
        }[rule]

    def _list_events(self, draft: Draft, membership: tuple) -> Iterator[tuple]:
        pk, list_pk, year, added, removed = membership
        yield (pk, EventKind.LIST_ADDED, added, "", "", list_pk, year, "", self._recorded(added))
        if removed is not None:
            yield (
                pk,
                EventKind.LIST_REMOVED,
                removed,
                "",
                "",
                list_pk,
                year,
                draft.life.exit_reason,
                self._recorded(removed),
            )

    def _write_reports(self, drafts: list[Draft]) -> None:
        calendar, moment = self.calendar, self.calendar.moment
        rows, pending = [], {}
        for draft in drafts:
            periods = reporting_periods(draft.life, calendar.periods, set(draft.plans))
            project_rows, events = report_rows(
                self.rng,
                project_id=draft.project.pk,
                total=draft.project.total_investment,
                life=draft.life,
                periods=periods,
                latest=calendar.last_month,
                as_of=moment,
                spike=draft.anomaly == Anomaly.SPIKE,
                over_total=draft.anomaly == Anomaly.OVER_TOTAL,
                latest_status=draft.latest_status,
            )
            rows += project_rows
            if events is not None:
                pending[draft.project.pk] = events
        self._write_rows(MonthlyReport, rows)
        ids = MonthlyReport.objects.filter(period=calendar.last_month, project_id__in=list(pending)).values_list(
            "project_id", "pk"
        )
        report_ids = dict(ids)
        self._write_rows(
            ReportEvent,
            [
                row
                for project_id, events in pending.items()
                for row in event_rows(self.rng, report_ids[project_id], events, moment)
            ],
        )
