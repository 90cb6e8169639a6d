"""Matching the unit names a document writes to the organisation's units: by name, short name and
other names (省发改委 = 省发展改革委), in either script, among the units of the programme's region,
the regions above it and the regions below it."""

from django.db.models import Q, QuerySet

from tuijin.core.chinese import search_key
from tuijin.decompose import normalise
from tuijin.org.models import Programme, Unit


def _ancestor_paths(path: str) -> list[str]:
    parts = [p for p in path.split("/") if p]
    return ["/".join(parts[:i]) + "/" for i in range(1, len(parts))]


def candidate_units(programme: Programme) -> QuerySet[Unit]:
    path = programme.region.path
    return Unit.objects.filter(Q(region__path__startswith=path) | Q(region__path__in=_ancestor_paths(path))).exclude(
        kind="enterprise"
    )


def name_key(name: str) -> str:
    """The form under which a written unit name is compared: noise removed, simplified, no spaces."""
    return search_key(normalise(name))


class UnitIndex:
    """The programme's units under every name they go by."""

    def __init__(self, programme: Programme) -> None:
        self.by_key: dict[str, Unit] = {}
        self.by_id: dict[int, Unit] = {}
        # The programme's own region first, so its units win a name shared with a unit elsewhere.
        units = sorted(
            candidate_units(programme).select_related("region"), key=lambda u: u.region_id != programme.region_id
        )
        for unit in units:
            self.by_id[unit.pk] = unit
            for name in (unit.name, unit.short_name, *unit.alias_list()):
                if name:
                    self.by_key.setdefault(name_key(name), unit)

    def match(self, name: str) -> Unit | None:
        return self.by_key.get(name_key(name))
