"""Cell values one by one: stage words, money, months and 序号."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tuijin.legacy.text import clean_name
from tuijin.legacy.values import (
    NEW_BUILD,
    WAN,
    YI,
    BadValue,
    parse_money,
    parse_month,
    seq_text,
    stage_named,
    stage_of,
    stage_stated,
)


@pytest.mark.parametrize(
    ("word", "stage"),
    [
        ("谋划", "conceived"),
        ("在谈", "conceived"),
        ("洽谈", "conceived"),
        ("储备", "reserve"),
        ("预备", "reserve"),
        ("签约", "reserve"),
        ("前期", "preparing"),
        ("报批", "preparing"),
        ("计划开工", "preparing"),
        ("计划新开工", "preparing"),
        ("未开工", "preparing"),
        ("在建", "construction"),
        ("续建", "construction"),
        ("新开工", "construction"),
        ("开复工", "construction"),
        ("促竣工", "construction"),
        ("已开工", "construction"),
        ("竣工投产", "operating"),
        ("投产", "operating"),
        ("建成", "operating"),
        ("已竣工", "operating"),
        ("达产达效", "full_output"),
        ("达产", "full_output"),
        ("退出", "exited"),
        ("新建", NEW_BUILD),
        ("扩建", NEW_BUILD),
        ("續建", "construction"),
        ("竣工投產", "operating"),
        ("預備", "reserve"),
        ("停工", None),
        ("工业", None),
        ("", None),
    ],
)
def test_it_maps_each_stage_word(word: str, stage: str | None) -> None:
    assert stage_of(word) == stage


def test_it_tells_a_stage_word_from_prose_that_mentions_one() -> None:
    assert stage_named("续建") == stage_named("新开工项目") == "construction"
    assert stage_named("主体施工") is None
    assert stage_of("主体施工") == "construction"


def test_it_reads_a_stage_from_a_heading_only_when_it_is_unambiguous() -> None:
    assert stage_stated("二、计划开工项目（5个）") == "preparing"
    assert stage_stated("一、在建项目") == "construction"
    assert stage_stated("2023年全市续建及新开工项目") == "construction"
    assert stage_stated("在建及前期项目") is None
    assert stage_stated("一、工业项目（7个）") is None


@pytest.mark.parametrize(
    ("value", "unit", "amount"),
    [
        (1234.5, WAN, Decimal("1234.5")),
        (3, YI, Decimal(30000)),
        ("12,345.6", WAN, Decimal("12345.6")),
        (" 1 234 ", WAN, Decimal(1234)),
        ("１２３４．５", WAN, Decimal("1234.5")),
        ("5000万元", YI, Decimal(5000)),
        ("1.2亿", WAN, Decimal(12000)),
        ("1.2亿元", WAN, Decimal(12000)),
        ("300000元", WAN, Decimal(30)),
        ("约500", WAN, Decimal(500)),
        ("500左右", WAN, Decimal(500)),
        ("500（其中中央资金100）", WAN, Decimal(500)),
        ("-20", WAN, Decimal(-20)),
        ("/", WAN, None),
        ("—", WAN, None),
        ("-", WAN, None),
        ("无", WAN, None),
        ("   ", WAN, None),
        ("未开工", WAN, None),
        (None, WAN, None),
    ],
)
def test_it_reads_money_in_万元(value: object, unit: Decimal, amount: Decimal | None) -> None:
    assert parse_money(value, unit) == amount  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("abc", "「abc」不是有效的金额"),
        ("12%", "「12%」是百分比，不是金额"),
        ("待核实后填", "「待核实后填」不是有效的金额"),
        (dt.datetime(2023, 1, 1), "「2023-01-01」不是金额"),
        (True, "「是」不是金额"),
    ],
)
def test_it_rejects_a_cell_that_is_not_money(value: object, message: str) -> None:
    with pytest.raises(BadValue) as raised:
        parse_money(value, WAN)  # type: ignore[arg-type]
    assert raised.value.message == message


@pytest.mark.parametrize(
    ("value", "month"),
    [
        ("2023.3", "2023-03"),
        ("2023.10", "2023-10"),
        (2023.3, "2023-03"),
        (2023.12, "2023-12"),
        ("2023年3月", "2023-03"),
        ("2023年3月15日", "2023-03"),
        ("2023-03-15", "2023-03"),
        ("2023/3", "2023-03"),
        ("131130", "2013-11"),
        ("202305", "2023-05"),
        (202305, "2023-05"),
        ("20230315", "2023-03"),
        (dt.datetime(2023, 7, 1), "2023-07"),
        (dt.date(2023, 7, 1), "2023-07"),
        (45000, "2023-03"),
        ("45000", "2023-03"),
        (2019, "2019-01"),
        ("2009-2011", "2009-01"),
        ("2010-", "2010-01"),
        ("2023.3-2025.12", "2023-03"),
        ("2020年12月—2023年6月", "2020-12"),
        ("2023年底", "2023-12"),
        ("2023年下半年", "2023-07"),
        ("23年5月", "2023-05"),
        ("√", None),
        ("/", None),
        ("已开工", None),
        ("24个月", None),
        (24, None),
        (None, None),
    ],
)
def test_it_reads_months(value: object, month: str | None) -> None:
    assert parse_month(value) == month  # type: ignore[arg-type]


def test_it_gives_a_bare_month_the_year_of_the_period() -> None:
    assert parse_month("3月", 2023) == "2023-03"
    assert parse_month("3月") is None


@pytest.mark.parametrize("value", ["2023.13", "2023年13月", "999999"])
def test_it_rejects_a_date_that_cannot_be(value: str) -> None:
    with pytest.raises(BadValue):
        parse_month(value)


@pytest.mark.parametrize(
    ("value", "seq"),
    [(3.0, "3"), ("4●", "4"), ("*3", "3"), (" 7 ", "7"), ("十二", "12"), ("一", "1"), ("1、", "1")],
)
def test_it_reads_序号_in_any_dress(value: object, seq: str) -> None:
    assert seq_text(value) == seq  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("cell", "name"),
    [
        ("★某某产业园", "某某产业园"),
        ("某某项目▲", "某某项目"),
        ("  某某储能\n项目  ", "某某储能项目"),
        ("某某项目\n（一期）", "某某项目（一期）"),
        ("ABC  Tower 项目", "ABC Tower项目"),
        ("某某產業園", "某某產業園"),
    ],
)
def test_it_cleans_a_name_but_keeps_its_script(cell: str, name: str) -> None:
    assert clean_name(cell) == name
