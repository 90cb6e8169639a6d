"""Header paths to fields, including the ones that depend on their parents or the period."""

from __future__ import annotations

import pytest

from tuijin.legacy import FIELD_LABELS, FIELDS
from tuijin.legacy.fields import Proposal, propose, settle
from tuijin.legacy.text import fold


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("序 号", "seq"),
        ("项目编号", "code"),
        ("项目代码", "code"),
        ("项 目\n名 称", "name"),
        ("项目名称及建设内容", "name"),
        ("项目名称（建设单位）", "name"),
        ("竣工年月", "completion"),
        ("项目单位名称", "owner"),
        ("建设规模及内容", "content"),
        ("建设地点", "region"),
        ("所在地", "region"),
        ("属地", "region"),
        ("县（市、区）", "region"),
        ("项目单位", "owner"),
        ("业主单位", "owner"),
        ("责任单位/责任单位", "responsible_unit"),
        ("责任单位/责任人", "responsible_person"),
        ("总投资", "total_investment"),
        ("计划总投资（亿元）", "total_investment"),
        ("年度计划投资", "annual_plan"),
        ("2023年计划投资", "annual_plan"),
        ("2023年/计划", "annual_plan"),
        ("本月完成投资", "investment_month"),
        ("投资完成情况/当月完成", "investment_month"),
        ("投资完成情况/本月", "investment_month"),
        ("1-10月累计完成", "investment_ytd"),
        ("1-  月完成情况", "investment_ytd"),
        ("1—10月/累计完成投资", "investment_ytd"),
        ("年度累计完成", "investment_ytd"),
        ("开工累计完成", "investment_since_start"),
        ("累计完成投资", "investment_since_start"),
        ("开工以来/累计完成投资", "investment_since_start"),
        ("开工时间", "start"),
        ("计划开工时间", "start"),
        ("开工年月", "start"),
        ("建设年限", "start"),
        ("建设起止年限", "start"),
        ("竣工时间", "completion"),
        ("项目阶段", "stage"),
        ("建设性质", "stage"),
        ("项目状态", "stage"),
        ("进展阶段", "stage"),
        ("形象进度", "progress_note"),
        ("进展情况", "progress_note"),
        ("存在问题", "problems"),
        ("需协调解决的问题", "problems"),
        ("所属产业", "industry"),
        ("行业", "industry"),
        ("备注", "remark"),
        ("投资完成率", "ignore"),
        ("2023年/投资完成率", "ignore"),
        ("完成年度计划%", "ignore"),
        ("1-10月计划", "ignore"),
        ("联系电话", "ignore"),
        ("上年同期完成", "ignore"),
        ("到位资金", "ignore"),
        ("总投资/其中：中央资金", "ignore"),
        ("累计完成投资/其中：今年完成", "investment_ytd"),
        ("年度投资计划/全年", "annual_plan"),
        ("计划投资/2023年", "annual_plan"),
        ("投资完成/本年", "investment_ytd"),
        ("累计完成投资/开工以来", "investment_since_start"),
        ("2023年/形象进度", "progress_note"),
        ("计划开工时间", "start"),
        ("累计完成投资（截至2023年10月底）", "investment_since_start"),
        ("截至10月底本年累计完成", "investment_ytd"),
        ("截至目前累计完成", "investment_since_start"),
        ("累计完成投资/截至10月底", "investment_since_start"),
        ("月度完成投资", "investment_month"),
        ("三季度完成投资", "ignore"),
        ("下步工作计划", "ignore"),
        ("投资额", "total_investment"),
        ("责任人及联系电话", "responsible_person"),
        ("联系人", "ignore"),
        ("项目进度", "progress_note"),
        ("所在市县", "region"),
    ],
)
def test_it_proposes_the_field_a_header_names(path: str, field: str) -> None:
    assert propose([fold(part) for part in path.split("/")]).field == field


def test_it_keeps_the_columns_of_the_period_and_ignores_last_months() -> None:
    headers = ["1-9月累计", "本月", "1-10月累计", "2022年计划", "2023年计划"]
    proposals = [propose([fold(h)]) for h in headers]
    assert [p.field for p in settle(proposals, "2023-10")] == [
        "ignore",
        "investment_month",
        "investment_ytd",
        "ignore",
        "annual_plan",
    ]
    # Without a period the latest month and year on the sheet stand for it.
    assert [p.field for p in settle(proposals, None)] == [
        "ignore",
        "investment_month",
        "investment_ytd",
        "ignore",
        "annual_plan",
    ]


def test_it_takes_the_latest_year_of_each_field_when_no_period_is_known() -> None:
    headers = ["2023年1-10月完成", "2024年计划投资", "2023年计划投资"]
    proposals = [propose([fold(h)]) for h in headers]
    assert [p.field for p in settle(proposals, None)] == [
        "investment_ytd",
        "annual_plan",
        "ignore",
    ]


def test_it_prefers_a_start_column_to_a_span_of_years() -> None:
    proposals = [propose([fold("建设起止年限")]), propose([fold("开工时间")])]
    assert [p.field for p in settle(proposals, None)] == ["ignore", "start"]


def test_it_prefers_the_actual_start_to_the_planned_one() -> None:
    proposals = [propose([fold("计划开工时间")]), propose([fold("实际开工时间")])]
    assert [p.field for p in settle(proposals, None)] == ["ignore", "start"]


def test_it_gives_a_field_to_one_column_only() -> None:
    proposals = [Proposal("remark", 0.8), Proposal("remark", 1.0), Proposal("name", 1.0)]
    assert [p.field for p in settle(proposals, None)] == ["ignore", "remark", "name"]


def test_it_names_every_field_for_the_mapping_screen() -> None:
    assert set(FIELD_LABELS) == set(FIELDS)
