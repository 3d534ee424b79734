"""Name normalisation shared by actor resolution.

Why: the same organisation is written with different case, accents,
punctuation and word order across outlets and languages ("Municipality of
Guanajuato", "Guanajuato Municipal Government"). Every comparison in
:mod:`enlace.resolve.actors` goes through :func:`normalise` so that exact
look-ups, fuzzy scores and provisional keys all see one spelling.
"""

from __future__ import annotations

import re

from enlace.gazetteer.text import fold, is_cjk

__all__ = [
    "GOVERNMENT_WORDS",
    "MUNICIPAL_WORDS",
    "STATE_WORDS",
    "STOP_WORDS",
    "government_parts",
    "normalise",
]

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)

STOP_WORDS = frozenset("of the de del la el los las do da dos das and y e en em in".split())
"""Function words that never tell two names apart."""

GOVERNMENT_WORDS = frozenset(
    "government governments gobierno gobiernos governo governos administration administracion "
    "municipality municipalities municipalidad municipio municipios prefeitura ayuntamiento "
    "alcaldia intendencia 政府 市政府 省政府".split()
)
"""Words that make a name the government of a place (checked after folding)."""

MUNICIPAL_WORDS = frozenset(
    "municipality municipalities municipal municipalidad municipio municipios city ciudad cidade "
    "prefeitura ayuntamiento alcaldia intendencia town council corporation 市政府".split()
)
"""Words that put a government at city level."""

STATE_WORDS = frozenset(
    "state estado estadual province provincia provincial departamento department departmental "
    "departamental region regional gobernacion governorate 省政府".split()
)
"""Words that put a government at first-level (state, province, department) level."""


def normalise(name: str) -> str:
    """Fold case/accents/quotes, turn punctuation into spaces, collapse whitespace.

    Chinese characters are kept as they are (no word boundaries to mend).
    """
    folded = fold(" ".join(name.split()))
    return " ".join(_NON_WORD.sub(" ", folded).split())


def _split_cjk_suffix(token: str) -> list[str]:
    """'厦门市政府' -> ['厦门', '市政府']: Chinese names glue the government word on."""
    for suffix in ("市政府", "省政府", "政府"):
        if is_cjk(token[:1]) and token.endswith(suffix) and len(token) > len(suffix):
            return [token[: -len(suffix)], suffix]
    return [token]


def government_parts(name: str) -> tuple[str, str] | None:
    """(level, core) when the name is "the government of <place>", else None.

    level is 'municipal', 'state' or '' (not said); core is the rest of the
    name, function and government words removed, e.g.
    "Gobierno Municipal de Guanajuato" -> ('municipal', 'guanajuato').
    """
    tokens = [part for token in normalise(name).split() for part in _split_cjk_suffix(token)]
    if not any(token in GOVERNMENT_WORDS for token in tokens):
        return None
    level = ""
    if any(token in MUNICIPAL_WORDS for token in tokens):
        level = "municipal"
    elif any(token in STATE_WORDS for token in tokens):
        level = "state"
    core = [
        token for token in tokens
        if token not in STOP_WORDS and token not in GOVERNMENT_WORDS
        and token not in MUNICIPAL_WORDS and token not in STATE_WORDS
    ]
    if not core:
        return None
    return level, " ".join(core)
