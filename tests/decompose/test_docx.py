"""Word documents: paragraphs and task tables read in document order."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tuijin.decompose import decompose_file

HEADER = ("序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限")
ROWS = (
    ("（一）产业升级",),
    ("1", "实施制造业技术改造工程", "完成技术改造项目500个以上", "省工业和信息化厅",
     "省财政厅、省科技厅", "2024年12月底前"),
    ("", "", "", "", "省发展改革委", ""),
    ("2", "培育专精特新企业", "新增专精特新中小企业200家",
     "省工业和信息化厅牵头，省市场监管局配合", "", "持续推进"),
    ("（二）创新驱动",),
    ("3", "建设重大创新平台", "布局建设省实验室3家", "省科技厅", "各市人民政府", "2025年"),
)  # fmt: skip


def _write(path: Path) -> Path:
    document = docx.Document()
    for text in ("江苏省推进制造业高质量发展重点任务分工方案", "苏政办发〔2024〕3号"):
        document.add_paragraph(text)
    document.add_paragraph("为推动制造业高质量发展，制定本分工方案。")
    document.add_paragraph("一、重点任务分工")
    table = document.add_table(rows=0, cols=len(HEADER))
    for values in (HEADER, *ROWS):
        cells = table.add_row().cells
        if len(values) == 1:
            merged = cells[0].merge(cells[-1])
            merged.text = values[0]
            continue
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
    document.add_paragraph("二、保障措施")
    document.add_paragraph("（一）加强统筹。省发展改革委负责统筹协调。")
    document.save(path)
    return path


@pytest.fixture(scope="module")
def decomposed(tmp_path_factory):
    path = _write(tmp_path_factory.mktemp("docx") / "plan.docx")
    return decompose_file(path).to_dict()


def _task(decomposed: dict, path: list[str]) -> dict:
    return next(task for task in decomposed["tasks"] if task["path"] == path)


def test_it_reads_paragraphs_and_table_rows_in_document_order(decomposed):
    assert [task["path"] for task in decomposed["tasks"]] == [
        ["一", "一", "1"],
        ["一", "一", "2"],
        ["一", "二", "3"],
        ["二", "一"],
    ]


def test_it_reads_the_title_and_document_number_from_docx_paragraphs(decomposed):
    assert (decomposed["title"], decomposed["doc_number"]) == (
        "江苏省推进制造业高质量发展重点任务分工方案",
        "苏政办发〔2024〕3号",
    )


def test_it_titles_a_row_by_its_task_column(decomposed):
    assert _task(decomposed, ["一", "一", "1"])["title"] == "实施制造业技术改造工程"


def test_it_keeps_the_measures_column_in_the_row_text(decomposed):
    text = _task(decomposed, ["一", "一", "1"])["text"]
    assert text == "实施制造业技术改造工程\n完成技术改造项目500个以上"


def test_it_takes_lead_units_from_the_lead_column(decomposed):
    assert _task(decomposed, ["一", "二", "3"])["lead_units"] == ["省科技厅"]


def test_it_joins_a_continuation_row_to_the_row_above(decomposed):
    assert _task(decomposed, ["一", "一", "1"])["cooperating_units"] == [
        "省财政厅",
        "省科技厅",
        "省发展改革委",
    ]


def test_it_splits_a_unit_cell_that_names_both_roles(decomposed):
    task = _task(decomposed, ["一", "一", "2"])
    assert (task["lead_units"], task["cooperating_units"]) == (
        ["省工业和信息化厅"],
        ["省市场监管局"],
    )


def test_it_takes_the_deadline_from_the_deadline_column(decomposed):
    assert _task(decomposed, ["一", "一", "1"])["deadline"] == {
        "text": "2024年12月底前",
        "date": "2024-12-31",
    }


def test_it_reads_a_bare_year_in_a_deadline_cell_as_that_years_end(decomposed):
    assert _task(decomposed, ["一", "二", "3"])["deadline"] == {
        "text": "2025年",
        "date": "2025-12-31",
    }


def test_it_keeps_an_open_ended_deadline_cell_undated(decomposed):
    assert _task(decomposed, ["一", "一", "2"])["deadline"] == {"text": "持续推进", "date": None}


def test_it_reads_targets_from_the_measures_column(decomposed):
    assert _task(decomposed, ["一", "二", "3"])["targets"] == [
        {"text": "布局建设省实验室3家", "value": 3, "unit": "家", "comparator": "=",
         "subject": "省实验室"},
    ]  # fmt: skip


def test_it_groups_rows_under_a_merged_heading_row(decomposed):
    section = decomposed["sections"][0]
    groups = [(child["marker"], child["title"]) for child in section["children"]]
    assert groups == [("（一）", "产业升级"), ("（二）", "创新驱动")]


def test_it_reads_paragraphs_after_a_table(decomposed):
    assert _task(decomposed, ["二", "一"])["lead_units"] == ["省发展改革委"]
