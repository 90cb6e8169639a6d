"""Completion deadlines and their dates."""

from __future__ import annotations

from datetime import date

from tuijin.decompose.deadlines import find_deadline
from tuijin.decompose.text import passage

ISSUED = date(2017, 12, 29)


def _deadline(text: str, issued_on: date | None = ISSUED) -> tuple | None:
    found = find_deadline(passage(text), issued_on)
    return (found.text, found.date) if found else None


def test_it_reads_the_end_of_a_year():
    assert _deadline("2017年底前完成燃煤发电机组超低排放改造") == ("2017年底前", date(2017, 12, 31))


def test_it_reads_the_end_of_a_month_of_a_year():
    assert _deadline("2018年6月底前完成试点") == ("2018年6月底前", date(2018, 6, 30))


def test_it_resolves_a_month_from_the_issue_date():
    assert _deadline("12月底前出台方案", date(2019, 3, 5)) == ("12月底前", date(2019, 12, 31))


def test_it_rolls_a_month_already_past_at_issue_into_the_next_year():
    assert _deadline("6月底前出台方案") == ("6月底前", date(2018, 6, 30))


def test_it_resolves_within_the_year_to_the_end_of_the_issue_year():
    assert _deadline("年内新开通5G基站4万个以上") == ("年内", date(2017, 12, 31))


def test_it_keeps_within_the_year_undated_without_an_issue_date():
    assert _deadline("年内新开通5G基站4万个以上", None) == ("年内", None)


def test_it_reads_by_a_year_as_that_years_end():
    assert _deadline("到2020年，基本建成现代化经济体系") == ("到2020年", date(2020, 12, 31))


def test_it_reads_a_half_year():
    assert _deadline("2019年上半年完成清理") == ("2019年上半年", date(2019, 6, 30))


def test_it_reads_long_term_persistence_as_open_ended():
    assert _deadline("建立常态化工作机制，长期坚持") == ("长期坚持", None)


def test_it_reads_continuous_promotion_as_open_ended():
    assert _deadline("持续推进低碳发展高峰论坛") == ("持续推进", None)


def test_it_prefers_a_labelled_completion_time():
    assert _deadline("2019年起试点。\n完成时限：2020年6月底") == ("2020年6月底", date(2020, 6, 30))


def test_it_takes_the_latest_of_several_deadlines():
    assert _deadline("2018年6月底前完成试点，2019年底前全面推开") == (
        "2019年底前",
        date(2019, 12, 31),
    )


def test_it_reads_deadlines_in_traditional_script():
    assert _deadline("2018年底前完成改革，長期堅持") == ("2018年底前", date(2018, 12, 31))


def test_it_ignores_a_bare_year_and_a_plain_calendar_date():
    assert _deadline("2016年的安置比例不低于50%，2016年3月23日召开会议") is None


def test_it_ignores_years_inside_document_titles():
    assert _deadline("全面落实《三年规划(2015-2017年)》(晋政发〔2015〕25号)") is None


def test_it_does_not_read_every_year_end_as_a_deadline():
    assert _deadline("区领导小组办公室每年年底组织开展年度考核") is None


def test_it_does_not_read_within_three_years_as_this_year():
    assert _deadline("力争三年内基本完成") is None


def test_it_keeps_a_month_of_this_year_in_this_year():
    assert _deadline("今年6月底前完成", date(2019, 8, 1)) == ("今年6月底前", date(2019, 6, 30))


def test_it_reads_next_years_end():
    assert _deadline("明年底前完成修订", date(2019, 4, 3)) == ("明年底前", date(2020, 12, 31))


def test_it_reads_this_years_year_end():
    assert _deadline("今年年底前出台", date(2019, 4, 3)) == ("今年年底前", date(2019, 12, 31))
