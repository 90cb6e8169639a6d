"""The organisation workbook: a template with dropdowns, an import that takes all or nothing,
a bad workbook returned with each bad cell marked, and an export that imports back unchanged."""

import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tuijin.org.models import Person, Region, TaskForce, Unit
from tuijin.sheets.engine import ERROR_FILL

from ..world import World


def _template(client: Client):
    response = client.get(reverse("org:template"))
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def _upload(client: Client, workbook) -> object:
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "org.xlsx"
    return client.post(reverse("org:import"), {"workbook": buffer})


@pytest.fixture
def office(world: World) -> Client:
    client = Client()
    client.force_login(world["office_d"])
    return client


def test_it_offers_a_template_with_a_sheet_per_record_and_dropdowns(office: Client) -> None:
    workbook = _template(office)
    assert {"区划", "单位", "人员", "专班", "智库", "基金", "政策"} <= set(workbook.sheetnames)
    units = workbook["单位"]
    assert [c.value for c in units[1]][:4] == ["名称 *", "简称", "其他名称", "类别 *"]
    validations = units.data_validations.dataValidation
    assert any("D2" in str(v.sqref) and v.type == "list" for v in validations)
    lists = workbook["_lists"]
    assert lists.sheet_state == "hidden"
    assert "企业" in [c.value for c in lists[validations[0].formula1.split("$")[1]]]


def test_it_imports_a_good_workbook(office: Client, world: World) -> None:
    workbook = _template(office)
    workbook["区划"].append(["990102003", "白沙镇", "镇街道", "990102"])
    workbook["单位"].append(["白沙镇人民政府", None, "白沙镇政府", "人民政府", "990102003", None])
    workbook["人员"].append(["张三", "镇长", "白沙镇人民政府", "0539-1234567"])
    workbook["专班"].append(["prog_d", "产业专班", "木业专班", "ind_d", "张三", "u_d", "u_t1、白沙镇政府", "张三", 3])
    response = _upload(office, workbook)
    assert response.status_code == 302
    town = Region.objects.get(code="990102003")
    assert town.parent == world["D"] and town.level == "town"
    task_force = TaskForce.objects.get(name="木业专班")
    assert [p.name for p in task_force.lead_officials.all()] == ["张三"]
    assert {u.name for u in task_force.member_units.all()} == {"u_t1", "白沙镇人民政府"}
    assert task_force.kind == "industry" and task_force.lead_unit == world["u_d"]


def test_it_imports_nothing_from_a_workbook_with_one_bad_row(office: Client, world: World) -> None:
    before = (Region.objects.count(), Unit.objects.count(), Person.objects.count())
    workbook = _template(office)
    workbook["区划"].append(["990102003", "白沙镇", "镇街道", "990102"])
    workbook["单位"].append(["白沙镇人民政府", None, None, "人民政府", "990102003", None])
    workbook["人员"].append(["李四", "科员", "不存在的单位", None])  # row 2: unknown unit
    workbook["区划"].append(["12AB", "坏代码", "星球", None])  # row 3: bad code, bad level
    response = _upload(office, workbook)
    assert response.status_code == 200
    assert (Region.objects.count(), Unit.objects.count(), Person.objects.count()) == before
    errors = response.context["errors"]
    assert {(e.sheet, e.row, e.column) for e in errors} >= {("人员", 2, "C"), ("区划", 3, "A"), ("区划", 3, "C")}
    assert "不存在的单位" in next(e.message for e in errors if e.sheet == "人员")

    annotated = office.get(reverse("core:annotated_download", args=[response.context["error_token"]]))
    marked = load_workbook(io.BytesIO(annotated.content))
    bad = marked["人员"]["C2"]
    assert bad.fill.fgColor.rgb.endswith(ERROR_FILL.fgColor.rgb[-6:])
    assert "不存在的单位" in bad.comment.text
    assert marked["区划"]["C3"].comment is not None
    assert marked["区划"]["A2"].comment is None  # the good row is not marked
    summary = marked[marked.sheetnames[0]]
    assert summary.title == "错误说明"
    assert summary.max_row == len(errors) + 1


def test_it_says_so_when_the_file_is_not_a_workbook(office: Client) -> None:
    upload = io.BytesIO(b"not a workbook")
    upload.name = "org.xlsx"
    response = office.post(reverse("org:import"), {"workbook": upload})
    assert response.status_code == 200
    assert "不是可以读取的 Excel 工作簿" in response.content.decode()


def test_it_exports_what_the_user_sees_and_imports_it_back_unchanged(office: Client, world: World) -> None:
    exported = office.get(reverse("org:export"))
    workbook = load_workbook(io.BytesIO(exported.content))
    names = {row[0].value for row in workbook["单位"].iter_rows(min_row=2)}
    assert names == {"u_p", "u_d", "u_t1", "ent", "ent2"}  # not u_d2, outside the district's lineage
    counts = (Unit.objects.count(), TaskForce.objects.count())
    # Rows above the district cannot be changed by its office; take them out before importing back.
    for sheet in workbook.worksheets:
        for row in range(sheet.max_row, 1, -1):
            if sheet[f"A{row}"].value in {"990000", "990100", "u_p", "p_p", "ind_p", "prog_p"}:
                sheet.delete_rows(row)
    for sheet_name in ("专班", "基金", "智库", "专家", "联盟", "政策", "专项规划"):
        sheet = workbook[sheet_name]
        for row in range(sheet.max_row, 1, -1):
            if sheet[f"A{row}"].value == "prog_p":
                sheet.delete_rows(row)
    response = _upload(office, workbook)
    assert response.status_code == 302, response.context and response.context.get("errors")
    assert (Unit.objects.count(), TaskForce.objects.count()) == counts


def test_it_exports_formula_like_text_as_text(office: Client, world: World) -> None:
    unit = world["u_d"]
    unit.name = '=HYPERLINK("http://evil","x")'
    unit.save()
    workbook = load_workbook(io.BytesIO(office.get(reverse("org:export")).content))
    cell = next(c for c in workbook["单位"]["A"] if c.value and str(c.value).startswith("="))
    assert cell.data_type == "s"
