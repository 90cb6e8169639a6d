"""Arbitrary input never breaks the decomposer."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from tuijin.decompose import decompose_text, split_units
from tuijin.decompose.decomposer import decompose_blocks
from tuijin.decompose.reader import Table
from tuijin.decompose.text import strip_noise, view_of

COMPARATORS = {">=", ">", "<=", "<", "=", "~"}
# Numbering markers, brackets, unit labels, names, comparators and dates, space-separated.
WORDS = """
一、 二、 十一、 （一） (二) 1. 2、 3． （1） (2) 1) ① ② 一是 二是 第一条 第二章 第一，
附件 附件1 附件：1. —4— （ ） ( ) 〈 〉 〔 〕 《 》 “ ” " 【 】 、 ， 。 ； ：
牵头单位： 配合单位: 责任单位： 牵头 负责 配合 由 会同 （牵头） 省发展改革委 省財政廳
各市、县人民政府 达到 不低于 突破 以上 左右 不超过 低于 万 亿元 % 个 家 年内
2017年底前 6月底前 长期坚持 持续推进 2018年9月26日 发(fā) 兰发〔2018〕23号
12 3.5 4000 0 999999999999
"""
PIECES = (*WORDS.split(), "- ", "\n", "\t", "\u3000", " ")
documents = st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_it_never_fails_on_arbitrary_text(text):
    decompose_text(text)


@settings(max_examples=500, deadline=None)
@given(documents)
def test_it_never_fails_on_mixes_of_markers_brackets_and_units(text):
    json.dumps(decompose_text(text).to_dict(), ensure_ascii=False)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=6), max_size=8))
def test_it_never_fails_on_arbitrary_tables(rows):
    header = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
    decompose_blocks([Table(tuple(tuple(row) for row in [header, *rows]))])


@settings(max_examples=300, deadline=None)
@given(documents)
def test_it_only_gives_the_allowed_comparators(text):
    for task in decompose_text(text).tasks:
        assert {target.comparator for target in task.targets} <= COMPARATORS


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_it_keeps_the_view_as_long_as_the_text(text):
    cleaned = strip_noise(text)
    assert len(view_of(cleaned)) == len(cleaned)


@settings(max_examples=300, deadline=None)
@given(documents)
def test_it_splits_units_into_pieces_of_the_cleaned_text(text):
    cleaned = strip_noise(text)
    assert all(name in cleaned for name in split_units(text))
