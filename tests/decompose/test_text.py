"""Normalisation: conversion noise, script, and the aligned matching view."""

from __future__ import annotations

from tuijin.decompose import normalise
from tuijin.decompose.text import passage, strip_noise


def test_it_removes_toned_pinyin_after_a_character():
    assert (
        strip_noise("長府辦發(fā)〔2017〕68號，開發(fā)區(qū)關(guān)于")
        == "長府辦發〔2017〕68號，開發區關于"
    )


def test_it_keeps_brackets_that_hold_no_pinyin():
    assert strip_noise("各縣(市)區，(一)屬地，(GB/T23331)") == "各縣(市)區，(一)屬地，(GB/T23331)"


def test_it_normalises_noise_and_script_for_matching():
    assert normalise("長府辦發(fā)〔2017〕68號") == "长府办发〔2017〕68号"


def test_it_folds_full_width_forms_in_the_view_only():
    piece = passage("（牵头单位：省财政厅）")
    assert (piece.text, piece.view) == ("（牵头单位：省财政厅）", "(牵头单位:省财政厅)")
