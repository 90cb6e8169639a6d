"""Importing a document: upload → review → confirm; units matched by name, other name and script;
unknown units mapped or created; re-imports update; stale and repeated confirms refused."""

import pytest
from django.core.exceptions import PermissionDenied

from tuijin.core.services import StaleRecord
from tuijin.org.models import Unit
from tuijin.plans import imports
from tuijin.plans.models import Document, DraftState, Task, TaskUnit, UnitRole

from ..world import World
from .conftest import TEXT, confirm, task_at, upload

pytestmark = pytest.mark.django_db


def _leads(task: Task) -> list[str]:
    return [a.unit.name for a in task.assignments.filter(role=UnitRole.LEAD).select_related("unit")]


def _cooperating(task: Task) -> list[str]:
    return [a.unit.name for a in task.assignments.filter(role=UnitRole.COOPERATING).select_related("unit")]


def test_it_reads_the_upload_into_a_draft_with_its_rows(plans_world: World) -> None:
    draft = upload(plans_world)
    assert draft.state == DraftState.OPEN
    assert draft.data["doc_number"] == "测发〔2026〕1号"
    assert [row["path"] for row in draft.data["rows"]] == ["二.一", "二.二", "二.三"]
    assert draft.data["rows"][0]["lead"] == ["区财政局"]
    assert draft.data["rows"][0]["deadline"] == "2026-12-31"
    assert draft.data["rows"][2]["is_ongoing"] is True
    assert Document.objects.filter(programme=plans_world["prog_d"], doc_number="测发〔2026〕1号").count() == 0


def test_it_matches_units_by_other_name_and_traditional_script(plans_world: World) -> None:
    found = {r.name: r for r in imports.resolve_names(upload(plans_world))}
    assert found["区发改局"].unit == plans_world["dev"] and found["区发改局"].matched
    assert found["區經信局"].unit == plans_world["ind"]
    assert found["区财政局"].unit == plans_world["fin"]


def test_it_offers_an_unknown_unit_and_refuses_to_confirm_until_it_is_settled(plans_world: World) -> None:
    draft = upload(plans_world)
    unknown = [r.name for r in imports.resolve_names(draft) if r.unit is None and not r.create]
    assert unknown == ["区物流办"]
    with pytest.raises(imports.ImportRefused, match="区物流办"):
        confirm(plans_world, draft)
    assert not Document.objects.filter(doc_number="测发〔2026〕1号").exists()
    assert not Task.objects.exists()


def test_it_maps_an_unknown_unit_to_an_existing_one(plans_world: World) -> None:
    draft = upload(plans_world)
    imports.import_draft_map_unit(
        user=plans_world["office_d"], draft=draft, name="区物流办", unit=plans_world["ind"], create=False
    )
    document = confirm(plans_world, draft).document
    assert _leads(task_at(document, "二.三")) == ["区经信局"]


def test_it_creates_an_unknown_unit_when_asked(plans_world: World) -> None:
    draft = upload(plans_world)
    imports.import_draft_map_unit(user=plans_world["office_d"], draft=draft, name="区物流办", unit=None, create=True)
    result = confirm(plans_world, draft)
    assert result.new_units == ["区物流办"]
    created = Unit.objects.get(name="区物流办")
    assert created.region == plans_world["D"]
    assert _leads(task_at(result.document, "二.三")) == ["区物流办"]


def test_it_creates_the_document_and_its_tasks(imported: Document, plans_world: World) -> None:
    assert imported.title == "青山区测试任务分工方案"
    assert imported.issued_on.isoformat() == "2026-01-10"
    assert list(imported.tasks.values_list("path", "title")) == [
        ("二.一", "设立引导基金"),
        ("二.二", "推进智能化改造"),
        ("二.三", "建设物流园区"),
    ]
    fund = task_at(imported, "二.一")
    assert _leads(fund) == ["区财政局"] and _cooperating(fund) == ["区发展改革局"]
    assert fund.deadline.isoformat() == "2026-12-31" and fund.deadline_text == "2026年12月底前"
    assert _leads(task_at(imported, "二.二")) == ["区经信局"]
    assert task_at(imported, "二.二").targets[0]["value"] == 20
    assert task_at(imported, "二.三").is_ongoing
    assert imported.history.first().history_user == plans_world["office_d"]


def test_it_updates_instead_of_duplicating_on_a_second_import(imported: Document, plans_world: World) -> None:
    changed = TEXT.replace("全年完成智能化改造企业20家以上", "全年完成智能化改造企业25家以上")
    draft = upload(plans_world, changed)
    assert imports.existing_document(draft) == imported
    imports.import_draft_map_unit(
        user=plans_world["office_d"], draft=draft, name="区物流办", unit=plans_world["dev"], create=False
    )
    result = confirm(plans_world, draft)
    assert result.document == imported and result.created == 0 and result.updated == 3
    assert Document.objects.filter(doc_number="测发〔2026〕1号").count() == 1
    assert Task.objects.filter(document=imported).count() == 3
    assert task_at(imported, "二.二").targets[0]["value"] == 25
    assert TaskUnit.objects.filter(task__document=imported).count() == 5


def test_it_recognises_a_document_without_a_number_by_its_text(plans_world: World) -> None:
    text = TEXT.replace("测发〔2026〕1号\n", "")
    draft = upload(plans_world, text)
    imports.import_draft_map_unit(user=plans_world["office_d"], draft=draft, name="区物流办", unit=None, create=True)
    first = confirm(plans_world, draft).document
    again = upload(plans_world, text.replace("\n\n", "\r\n\r\n"), name="again.txt")
    assert imports.existing_document(again) == first
    assert confirm(plans_world, again).created == 0
    assert Task.objects.filter(document=first).count() == 3


def test_it_corrects_a_row_on_review(plans_world: World) -> None:
    draft = upload(plans_world)
    row = imports.import_draft_row_update(
        user=plans_world["office_d"],
        draft=draft,
        key="2",
        title="建设物流园区",
        lead="区发展改革局",
        cooperating="区财政局、区经信局",
        deadline_text="2026年9月底前",
    )
    assert row["lead"] == ["区发展改革局"] and row["deadline"] == "2026-09-30" and not row["is_ongoing"]
    document = confirm(plans_world, draft).document
    task = task_at(document, "二.三")
    assert _leads(task) == ["区发展改革局"] and _cooperating(task) == ["区财政局", "区经信局"]


def test_it_refuses_a_stale_confirm(plans_world: World) -> None:
    draft = upload(plans_world)
    read_version = draft.version
    imports.import_draft_map_unit(user=plans_world["office_d"], draft=draft, name="区物流办", unit=None, create=True)
    with pytest.raises(StaleRecord):
        imports.import_confirm(user=plans_world["office_d"], draft=draft, expected_version=read_version)
    assert not Task.objects.exists()


def test_it_refuses_a_second_confirm_of_the_same_draft(plans_world: World) -> None:
    draft = upload(plans_world)
    imports.import_draft_map_unit(user=plans_world["office_d"], draft=draft, name="区物流办", unit=None, create=True)
    draft.refresh_from_db()
    version = draft.version
    imports.import_confirm(user=plans_world["office_d"], draft=draft, expected_version=version)
    with pytest.raises(imports.ImportRefused):
        imports.import_confirm(user=plans_world["office_d"], draft=draft, expected_version=version)
    assert Task.objects.count() == 3


def test_it_refuses_an_upload_from_a_unit(plans_world: World) -> None:
    with pytest.raises(PermissionDenied):
        upload(plans_world, by="unit_fin")


@pytest.mark.parametrize(
    ("name", "data"), [("plan.pdf", b"%PDF-1.4"), ("plan.docx", b"not a zip"), ("plan.txt", b"   \n  ")]
)
def test_it_refuses_a_file_it_cannot_read(plans_world: World, name: str, data: bytes) -> None:
    with pytest.raises(imports.ImportRefused):
        imports.read_document(file_name=name, data=data)


def test_it_recognises_the_same_number_written_in_traditional_script(imported: Document, plans_world: World) -> None:
    text = TEXT.replace("测发〔2026〕1号", "測發〔2026〕1號").replace("全年完成投资", "全年完成投資")
    draft = upload(plans_world, text)
    assert draft.data["doc_number"] == "測發〔2026〕1號"
    assert imports.existing_document(draft) == imported


def test_the_upload_page_says_why_a_file_is_refused_and_keeps_nothing(plans_world: World) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client
    from django.urls import reverse

    from tuijin.plans.models import ImportDraft

    client = Client()
    client.force_login(plans_world["office_d"])
    answer = client.post(
        reverse("plans:import"),
        {
            "programme": plans_world["prog_d"].pk,
            "kind": "work_plan",
            "file": SimpleUploadedFile("方案.docx", b"PK\x03\x04 broken"),
        },
    )
    assert answer.status_code == 200 and not ImportDraft.objects.exists()
    assert "无法读取该文件" in answer.content.decode()


def test_it_names_the_kind_of_tasks_from_their_heading(plans_world: World) -> None:
    text = TEXT.replace("二、重点任务", "二、重大改革")
    rows = upload(plans_world, text).data["rows"]
    assert [row["kind"] for row in rows] == ["reform", "reform", "reform"]
    assert [row["kind"] for row in upload(plans_world, name="again.txt").data["rows"]] == ["", "", ""]
