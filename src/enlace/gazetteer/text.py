"""Text folding that keeps offsets: matching ignores case and accents, evidence keeps them.

Every character folds to exactly one character, so a match found in the folded
text is at the same offsets in the original.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from importlib import resources

_QUOTES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"}


@cache
def _traditional_to_simplified() -> dict[str, str]:
    """One-to-one character table from OpenCC's data (Taiwan, Hong Kong texts)."""
    table: dict[str, str] = {}
    data = resources.files("opencc") / "dictionary" / "TSCharacters.txt"
    for line in data.read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        if len(source) == 1 and targets:
            table[source] = targets.split()[0]
    return table


@lru_cache(maxsize=65536)
def _fold_char(ch: str) -> str:
    if ch in _QUOTES:
        return _QUOTES[ch]
    if is_cjk(ch):
        simplified = _traditional_to_simplified().get(ch, ch)
        return simplified if len(simplified) == 1 else ch
    lower = ch.lower()
    if len(lower) != 1:
        return ch
    base = unicodedata.normalize("NFKD", lower)
    stripped = "".join(c for c in base if not unicodedata.combining(c))
    return stripped if len(stripped) == 1 else lower


@cache
def _fold_table() -> dict[int, str]:
    """Translation table for every character that folds to something else.

    Covers Latin, Greek and Cyrillic letters, punctuation and all traditional
    Chinese characters; ``str.translate`` then folds a text in C.
    """
    table: dict[int, str] = {}
    codes = [*range(0x0000, 0x0590), *range(0x1E00, 0x2070)]
    codes += [ord(ch) for ch in _traditional_to_simplified()]
    for code in codes:
        ch = chr(code)
        folded = _fold_char(ch)
        if folded != ch:
            table[code] = folded
    return table


def fold(text: str) -> str:
    """Lower-case, strip accents, straighten quotes; same length as the input."""
    if text.isascii():
        return text.lower()
    return text.translate(_fold_table())


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def is_word_char(ch: str) -> bool:
    """Latin-script word characters; CJK text has no word boundaries."""
    return ch.isalnum() and not ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf")
