"""Language identification for the four languages the corpus uses.

A character count settles Chinese at once; lingua (low-accuracy mode, the four
languages only, built once on first use) decides the rest. Only the head of the
text is looked at: lingua's cost grows with length (about 0.65 ms per KB), and
600 characters of prose already decide en/es/pt without error on the dev corpus.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lingua import LanguageDetector

SAMPLE_CHARS = 2000  # head examined for the CJK share
LINGUA_CHARS = 600  # head handed to lingua, cut back to a word boundary
# Share of letters that are CJK ideographs above which a text is Chinese; Chinese
# articles quoting Latin names stay far above it, Western texts quoting a
# Chinese name far below.
CJK_SHARE = 0.3
# Runs, not single characters: summing run lengths is several times faster.
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]+")
_LETTER_RUN = re.compile(r"[^\W\d_]+")

_CODES = {"ENGLISH": "en", "SPANISH": "es", "PORTUGUESE": "pt", "CHINESE": "zh"}


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    """Build lingua's detector once; its models ship with the package (offline)."""
    from lingua import Language, LanguageDetectorBuilder

    return (
        LanguageDetectorBuilder.from_languages(
            Language.ENGLISH, Language.SPANISH, Language.PORTUGUESE, Language.CHINESE
        )
        .with_low_accuracy_mode()
        .build()
    )


def detect_language(text: str) -> str | None:
    """Return "en", "es", "pt" or "zh" for a text, or None when empty or undecidable."""
    sample = (text or "")[:SAMPLE_CHARS]
    letters = sum(map(len, _LETTER_RUN.findall(sample)))
    if letters == 0:
        return None
    if sum(map(len, _CJK_RUN.findall(sample))) / letters >= CJK_SHARE:
        return "zh"
    head = sample[:LINGUA_CHARS]
    if len(sample) > LINGUA_CHARS and " " in head:
        head = head.rsplit(" ", 1)[0]
    language = _detector().detect_language_of(head)
    return _CODES.get(language.name) if language is not None else None
