"""The bench province (bench/generator/org.py) described for the project generator: projects
spread over its towns and zones, heavier in the capital and in each city's core districts."""

from tuijin.demo.generator.projects import PROVINCE_LISTS, Place, ProgrammeFrame
from tuijin.org.models import TaskForce, TaskForceKind, Unit, UnitKind

from .org import OrgScale

CITY_WEIGHTS = [2.0, 1.5]  # the capital and the second city; the others 1
COUNTY_WEIGHTS = [3.0, 2.0]  # a city's core districts (its first counties); the others 1
ZONE_WEIGHT = 4.0  # a development zone draws as many projects as four towns
COUNTY_LEVEL_WEIGHT = 1.5  # projects spanning a county sit at the county itself


def province_frame(org: OrgScale) -> ProgrammeFrame:
    governments = {
        unit.region_id: unit
        for unit in Unit.objects.filter(kind=UnitKind.GOVERNMENT, region__in=org.counties).order_by("pk")
    }
    towns_by_county: dict[int, list] = {}
    for town in org.towns:
        towns_by_county.setdefault(town.parent.pk, []).append(town)
    places = []
    for city_index, city in enumerate(org.cities):
        city_weight = CITY_WEIGHTS[city_index] if city_index < len(CITY_WEIGHTS) else 1.0
        counties = [county for county in org.counties if county.parent.pk == city.pk]
        for county_index, county in enumerate(counties):
            weight = city_weight * (COUNTY_WEIGHTS[county_index] if county_index < len(COUNTY_WEIGHTS) else 1.0)
            towns = towns_by_county[county.pk]
            inner = [(town, ZONE_WEIGHT if town.level == "zone" else 1.0) for town in towns]
            inner.append((county, COUNTY_LEVEL_WEIGHT))
            inner_total = sum(w for _r, w in inner)
            government = governments.get(county.pk)
            places += [Place(region, county, weight * w / inner_total, government) for region, w in inner]
    task_forces = list(
        TaskForce.objects.filter(programme=org.programme, kind=TaskForceKind.INDUSTRY)
        .select_related("industry", "lead_unit")
        .order_by("sort_order", "pk")
    )
    return ProgrammeFrame(
        programme=org.programme,
        places=places,
        task_forces=task_forces,
        departments=org.departments,
        lists=PROVINCE_LISTS,
        target_regions=org.counties,
    )
