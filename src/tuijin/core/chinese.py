"""Simplified/traditional normalisation: text is stored as entered, matched and searched simplified."""

import re
import unicodedata
from functools import lru_cache

import opencc

_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def to_simplified(text: str) -> str:
    return _t2s().convert(text)


def script_variants(text: str) -> set[str]:
    """The text as typed and in both scripts, for matching rows stored as entered."""
    return {text, _t2s().convert(text), _s2t().convert(text)}


def search_key(text: str) -> str:
    """The form under which names are compared: simplified, half-width, lower case, no spaces."""
    text = unicodedata.normalize("NFKC", text or "")
    return _SPACES.sub("", to_simplified(text)).lower()
