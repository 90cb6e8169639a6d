"""Quantitative targets: value, unit, comparator and subject."""

from __future__ import annotations

from tuijin.decompose.targets import find_targets
from tuijin.decompose.text import passage


def _targets(text: str) -> list[tuple]:
    return [(t.value, t.unit, t.comparator, t.subject) for t in find_targets(passage(text))]


def test_it_reads_a_count_with_a_ten_thousand_multiplier_and_at_least():
    assert _targets("年内新开通5G基站4万个以上") == [(40000, "个", ">=", "5G基站")]


def test_it_reads_an_approximate_percentage():
    assert _targets("研发投入占生产总值的比重达到2.55%左右") == [
        (2.55, "%", "~", "研发投入占生产总值的比重")
    ]


def test_it_reads_not_lower_than_as_at_least():
    assert _targets("2016年的棚改货币化安置比例不低于50%") == [
        (50, "%", ">=", "棚改货币化安置比例")
    ]


def test_it_reads_breaking_through_as_more_than():
    assert _targets("高新技术企业突破1.3万家") == [(13000, "家", ">", "高新技术企业")]


def test_it_folds_trillion_yuan_into_the_value_in_yuan():
    assert _targets("2020年集群总规模达到3万亿元以上") == [(3 * 10**12, "元", ">=", "集群总规模")]


def test_it_reads_reaching_a_number_as_equal():
    assert _targets("高新技术企业达到4000家") == [(4000, "家", "=", "高新技术企业")]


def test_it_reads_not_more_than_as_at_most():
    assert _targets("工程建设项目审批时间不超过90个工作日") == [
        (90, "个工作日", "<=", "工程建设项目审批时间")
    ]


def test_it_reads_lower_than_as_less_than():
    assert _targets("万元生产总值能耗低于0.5吨标准煤") == [
        (0.5, "吨标准煤", "<", "万元生产总值能耗")
    ]


def test_it_reads_about_twenty_as_approximately():
    assert _targets("集中打造20个左右省级数字经济平台") == [(20, "个", "~", "省级数字经济平台")]


def test_it_folds_hundred_million_yuan_into_yuan():
    assert _targets("全年完成投资50亿元") == [(5_000_000_000, "元", "=", "投资")]


def test_it_reads_the_object_of_a_goal_verb_as_a_target():
    assert _targets("布局建设4家山东省实验室") == [(4, "家", "=", "山东省实验室")]


def test_it_reads_a_goal_clause_that_ends_with_its_quantity():
    assert _targets("城镇新增就业50万人") == [(500000, "人", "=", "城镇新增就业")]


def test_it_carries_a_goal_verb_over_an_enumeration():
    assert [t[:3] for t in _targets("谋划推进100个示范项目、80个创新项目")] == [
        (100, "个", "="),
        (80, "个", "="),
    ]


def test_it_reads_a_count_in_ten_thousands_without_a_unit():
    assert _targets("实名用户数突破2000万") == [(20_000_000, "", ">", "实名用户数")]


def test_it_keeps_the_unit_in_traditional_script():
    assert _targets("新增創業擔保貸款不低於50億元，培育企業30個以上") == [
        (5_000_000_000, "元", ">=", "創業擔保貸款"),
        (30, "個", ">=", "企業"),
    ]


def test_it_gives_the_clause_holding_the_quantity_as_the_text():
    assert [t.text for t in find_targets(passage("着力化危为机，高新技术企业突破1.3万家。"))] == [
        "高新技术企业突破1.3万家"
    ]


def test_it_ignores_numbers_in_titles_and_document_numbers():
    assert _targets("落实《三年行动计划(2018-2020年)》(晋政发〔2018〕25号)要求") == []


def test_it_ignores_numbers_in_brackets_and_quotes():
    assert _targets("实施“三个100”工程(100个重点建设项目、100家高成长性企业)") == []


def test_it_ignores_a_qualifier_of_counted_projects():
    assert _targets("加快康复大学等100个5亿元以上重点项目建设") == []


def test_it_ignores_counts_without_a_goal():
    assert _targets("每个产业由1名省领导同志牵头，区政府每月召开1次调度会") == []


def test_it_ignores_numbers_glued_to_letters():
    assert _targets("按照GB/T23331-2012建立能源管理体系，推进5G应用") == []


def test_it_reads_nearly_as_approximately():
    assert _targets("全年为企业减负近2万亿元") == [(2 * 10**12, "元", "~", "为企业减负")]


def test_it_reads_a_quantity_closing_a_clause_framed_as_a_target():
    assert _targets("全年接待游客1亿人次") == [(100_000_000, "人次", "=", "接待游客")]


def test_it_carries_a_goal_verb_over_named_items_of_an_enumeration():
    assert [t[:4] for t in _targets("新增高新技术企业100家、科技型中小企业500家")] == [
        (100, "家", "=", "高新技术企业"),
        (500, "家", "=", "科技型中小企业"),
    ]
