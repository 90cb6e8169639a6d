"""Policy tasks in the world of tests/world.py: district D's programme prog_d gets three
departments (one with another name), a user for each and a small task-division document with a
unit written in traditional script and one the organisation does not know."""

import pytest

from tuijin.accounts.models import Role
from tuijin.org.models import Unit
from tuijin.plans import imports
from tuijin.plans.models import Document, DocumentKind, ImportDraft, Task

from ..world import World, make_user

TEXT = """青山区测试任务分工方案

测发〔2026〕1号

中共测试区委 测试区人民政府 2026年1月10日

一、总体要求

全年完成投资100亿元以上。

二、重点任务

（一）设立引导基金。区财政出资设立规模2亿元的引导基金，完成首批子基金设立。（牵头单位：区财政局；配合单位：区发改局）2026年12月底前完成。

（二）推进智能化改造。全年完成智能化改造企业20家以上。（牵头单位：區經信局；配合单位：区财政局）2026年6月底前完成。

（三）建设物流园区。培育年交易额超亿元的市场10个以上。（牵头单位：区物流办）长期坚持。
"""


@pytest.fixture
def plans_world(world: World) -> World:
    r = world.records
    r["dev"] = Unit.objects.create(name="区发展改革局", aliases="区发改局、區發改局", region=r["D"], kind="department")
    r["fin"] = Unit.objects.create(name="区财政局", region=r["D"], kind="department")
    r["ind"] = Unit.objects.create(name="区经信局", region=r["D"], kind="department")
    world.users["unit_dev"] = make_user("unit_dev", Role.UNIT, unit=r["dev"])
    world.users["unit_fin"] = make_user("unit_fin", Role.UNIT, unit=r["fin"])
    world.users["unit_ind"] = make_user("unit_ind", Role.UNIT, unit=r["ind"])
    return world


def upload(world: World, text: str = TEXT, name: str = "测试方案.txt", by: str = "office_d") -> ImportDraft:
    return imports.import_draft_create(
        user=world[by],
        programme=world["prog_d"],
        task_force=None,
        kind=DocumentKind.WORK_PLAN,
        file_name=name,
        data=text.encode(),
    )


def confirm(world: World, draft: ImportDraft, by: str = "office_d") -> imports.ImportResult:
    draft.refresh_from_db()
    return imports.import_confirm(user=world[by], draft=draft, expected_version=draft.version)


@pytest.fixture
def imported(plans_world: World) -> Document:
    """The test document imported, its unknown unit mapped to 区发展改革局."""
    draft = upload(plans_world)
    imports.import_draft_map_unit(
        user=plans_world["office_d"], draft=draft, name="区物流办", unit=plans_world["dev"], create=False
    )
    return confirm(plans_world, draft).document


def task_at(document: Document, path: str) -> Task:
    return document.tasks.get(path=path)
