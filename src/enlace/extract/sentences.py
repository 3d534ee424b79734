"""Split a document into sentences with their offsets (evidence must be exact spans)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Sentence ends: . ! ? followed by space and an upper-case start, Chinese 。！？, or a
# blank line. Each alternative opens with the character it ends on (fast to scan);
# the group says where the sentence stops.
_BOUNDARY = re.compile(
    r"(?P<stop>[.!?])[\"'”’»)]*\s+(?=[\"“«¿¡(]?[A-ZÁÉÍÓÚÑÂÊÔÃÕÇ0-9])"
    r"|(?P<full>[。！？；])"
    r"|(?P<gap>\n)\s*\n"
    r"|(?P<line>[.!?:;])\s*\n"
)
# Characters a sentence can end on: found first with one simple scan.
_ENDING = re.compile(r"[.!?。！？；:;\n]")
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "sr", "sra", "srta", "st", "h.e", "e", "u.s", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "gen", "gov", "lic",
    "ing", "prof", "dra", "s.a", "co", "inc", "jr", "mme", "hon", "rt", "vs", "p", "pp",
}


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Sentences in order; abbreviations such as "Dr." or "Dec." do not end one."""
    sentences: list[Sentence] = []
    start = 0
    for candidate in _ENDING.finditer(text):
        if candidate.start() < start:
            continue
        match = _BOUNDARY.match(text, candidate.start())
        if match is None:
            continue
        if match["full"]:
            cut = match.end()
        elif match["gap"]:
            cut = match.start()
        else:
            cut = match.start() + 1
        before = text[start:cut].rstrip()
        last_word = before.rsplit(None, 1)[-1].rstrip(".").lower() if before else ""
        if before.endswith(".") and (last_word in _ABBREVIATIONS or len(last_word) == 1):
            continue
        _append(sentences, text, start, cut)
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, text[start:end]))


_CLAUSE_BREAK = re.compile(r"[，,；;]\s*")


def split_clauses(sentence: Sentence, openers: tuple[str, ...]) -> list[Sentence]:
    """Cut a Chinese sentence before each clause that opens with one of ``openers``.

    The pieces are exact spans of the text like the sentence itself.
    """
    cuts = [m.end() for m in _CLAUSE_BREAK.finditer(sentence.text)
            if sentence.text.startswith(openers, m.end())]
    if not cuts:
        return [sentence]
    pieces: list[Sentence] = []
    start = 0
    for cut in [*cuts, len(sentence.text)]:
        piece = sentence.text[start:cut].rstrip("，,；; ")
        if piece:
            pieces.append(Sentence(sentence.start + start, sentence.start + start + len(piece), piece))
        start = cut
    return pieces
