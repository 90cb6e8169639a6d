"""Normalisation of policy text: conversion noise, script and width.

Everything downstream matches on a *view* of the text that is simplified and
half-width, while outputs must keep the document's own script.  The view is
therefore built so that it has exactly the same length as the cleaned original:
any offset found in the view cuts the same words out of the original.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache

import opencc

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# Traditional text that went through a pinyin-annotating converter carries a
# toned syllable in brackets after a character: 辦發(fā), 區(qū), 關(guān).
_PINYIN_NOISE = re.compile(
    rf"(?<=[\u3400-\u9fff\uf900-\ufaff])[(（][a-zü{_TONED}]{{0,6}}[{_TONED}][a-zü{_TONED}]{{0,6}}[)）]"
)
_HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>\n]{0,80})?/?>")

_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


@dataclass(frozen=True)
class Passage:
    """A piece of the document: original text and its aligned matching view."""

    text: str
    view: str

    def cut(self, start: int, end: int) -> str:
        return self.text[start:end]

    def __add__(self, other: Passage) -> Passage:
        return Passage(self.text + other.text, self.view + other.view)

    def __len__(self) -> int:
        return len(self.view)

    def __getitem__(self, item: slice) -> Passage:
        return Passage(self.text[item], self.view[item])

    def strip(self) -> Passage:
        start, end = 0, len(self.view)
        while start < end and self.view[start].isspace():
            start += 1
        while end > start and self.view[end - 1].isspace():
            end -= 1
        return self[start:end]


EMPTY = Passage("", "")


def strip_noise(text: str) -> str:
    """Remove the pinyin a converter left after characters, e.g. 辦發(fā) → 辦發."""
    return _PINYIN_NOISE.sub("", text)


def strip_markup(text: str) -> str:
    """Remove HTML left over from web copies (<u>, &nbsp;) so lines read as text."""
    if "<" in text:
        text = _HTML_TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    return text


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified, guaranteed to keep the length of ``text``."""
    converter = _converter()
    converted = converter.convert(text)
    if len(converted) == len(text):
        return converted
    # A phrase rule changed the length somewhere: fall back to line, then to
    # character conversion so offsets stay valid.
    return "\n".join(_to_simplified_line(line) for line in text.split("\n"))


def _to_simplified_line(line: str) -> str:
    converter = _converter()
    converted = converter.convert(line)
    if len(converted) == len(line):
        return converted
    chars = (converter.convert(char) for char in line)
    return "".join(c if len(c) == 1 else o for c, o in zip(chars, line, strict=True))


def fold_width(text: str) -> str:
    """Full-width ASCII forms and the ideographic space → half-width (same length)."""
    return text.translate(_WIDTH)


def normalise(text: str) -> str:
    """Noise removal + traditional → simplified: the form used to match names."""
    return to_simplified(strip_noise(text))


def view_of(text: str) -> str:
    """The matching view of already-cleaned text: simplified and half-width."""
    return fold_width(to_simplified(text))


def passage(text: str) -> Passage:
    """Clean ``text`` (noise removed) and pair it with its view."""
    cleaned = strip_noise(text)
    return Passage(cleaned, view_of(cleaned))
