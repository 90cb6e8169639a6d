"""The sheets engine's workbooks, opened with openpyxl as Excel would: a long export keeps its
dropdowns down to its last row and beyond, for the rows a user adds."""

import io

from openpyxl import load_workbook

from tuijin.sheets.engine import DROPDOWN_SPARE_ROWS, Column, SheetSpec, build_workbook

SPEC = SheetSpec(
    "月报", [Column("code", "项目编码"), Column("action", "操作", choices=[("save", "保存"), ("submit", "报送")])]
)


def test_the_dropdowns_reach_past_the_last_row_of_a_long_sheet() -> None:
    rows = [[f"P{n:05d}", "保存"] for n in range(7000)]
    sheet = load_workbook(io.BytesIO(build_workbook([SPEC], {"月报": rows})))["月报"]
    (validation,) = sheet.data_validations.dataValidation
    assert str(validation.sqref) == f"B2:B{7001 + DROPDOWN_SPARE_ROWS}"
    assert sheet["A7001"].value == "P06999"


def test_an_empty_template_offers_the_dropdowns_on_the_spare_rows() -> None:
    sheet = load_workbook(io.BytesIO(build_workbook([SPEC])))["月报"]
    (validation,) = sheet.data_validations.dataValidation
    assert str(validation.sqref) == f"B2:B{1 + DROPDOWN_SPARE_ROWS}"
