"""Cue-word sets matched in one pass with an Aho–Corasick automaton.

The lexicons are written as small regular expressions for legibility
("visit(?:ed|ing|s)?", "econom\\w*"); each is expanded once into its finite
set of strings (exrex), so matching a text costs one automaton pass instead of
one regular-expression scan per alternative. A trailing ``\\w*`` marks a prefix:
the match may continue into a longer word.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import ahocorasick
import exrex

from enlace.gazetteer.text import is_cjk, is_word_char

_PREFIX_MARKS = (r"\w*", r"\w+")
_MAX_EXPANSIONS = 512


@dataclass(frozen=True, slots=True)
class CueMatch:
    """Where a cue stands; the interface of ``re.Match`` that callers use."""

    _start: int
    _end: int
    _text: str

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, _index: int = 0) -> str:
        return self._text


class CueSet:
    """A set of cue phrases for folded text (lower case, no accents).

    Built from ``(pattern, label)`` pairs, each match carries the labels of the
    lexicons it belongs to, so all lexicons share one automaton (:class:`DocumentCues`).
    """

    def __init__(self, patterns: list[str] | list[tuple[str, str]]) -> None:
        entries: dict[str, tuple[int, bool, bool, frozenset[str]]] = {}
        for item in patterns:
            pattern, label = item if isinstance(item, tuple) else (item, "")
            prefix = pattern.endswith(_PREFIX_MARKS)
            body = pattern[:-3] if prefix else pattern
            if exrex.count(body) > _MAX_EXPANSIONS:
                raise ValueError(f"cue {pattern!r} expands to too many strings")
            for phrase in exrex.generate(body):
                if not phrase:
                    continue
                check_left = not is_cjk(phrase[0])
                check_right = not prefix and not is_cjk(phrase[-1])
                old = entries.get(phrase)
                if old is not None:
                    check_right = check_right and old[2]
                    labels = old[3] | {label}
                else:
                    labels = frozenset({label})
                entries[phrase] = (len(phrase), check_left, check_right, labels)
        self._automaton = ahocorasick.Automaton()
        for phrase, value in entries.items():
            self._automaton.add_word(phrase, value)
        self._automaton.make_automaton()

    def _hits(self, text: str) -> list[tuple[int, int, frozenset[str]]]:
        hits = []
        size = len(text)
        for end_index, (length, check_left, check_right, labels) in self._automaton.iter(text):
            start, end = end_index - length + 1, end_index + 1
            if check_left and start > 0 and is_word_char(text[start - 1]):
                continue
            if check_right and end < size and is_word_char(text[end]):
                continue
            hits.append((start, end, labels))
        return hits

    def finditer(self, text: str) -> list[CueMatch]:
        """Leftmost-longest, non-overlapping matches in text order."""
        hits = self._hits(text)
        hits.sort(key=lambda h: (h[0], -h[1]))
        result: list[CueMatch] = []
        last_end = -1
        for start, end, _ in hits:
            if start >= last_end:
                result.append(CueMatch(start, end, text[start:end]))
                last_end = end
        return result

    def search(self, text: str) -> CueMatch | None:
        found = self.finditer(text)
        return found[0] if found else None



_REGISTRY: list[Cue] = []


class Cue:
    """A named list of cue patterns (one lexicon entry).

    Every Cue joins one shared automaton, so a document is scanned once for all
    of them (:class:`DocumentCues`); ``search``/``finditer`` on a single text
    remain for one-off use.
    """

    def __init__(self, patterns: list[str]) -> None:
        self.patterns = patterns
        self.label = f"cue{len(_REGISTRY)}"
        self._own: CueSet | None = None
        _REGISTRY.append(self)

    def _set(self) -> CueSet:
        if self._own is None:
            self._own = CueSet(self.patterns)
        return self._own

    def finditer(self, text: str) -> list[CueMatch]:
        return self._set().finditer(text)

    def search(self, text: str) -> CueMatch | None:
        return self._set().search(text)


_COMBINED: tuple[int, CueSet] | None = None


def _combined() -> CueSet:
    global _COMBINED
    if _COMBINED is None or _COMBINED[0] != len(_REGISTRY):
        pairs = [(pattern, cue.label) for cue in _REGISTRY for pattern in cue.patterns]
        _COMBINED = (len(_REGISTRY), CueSet(pairs))
    return _COMBINED[1]


class DocumentCues:
    """Every cue of every lexicon in one document, found in a single pass."""

    def __init__(self, folded: str) -> None:
        by_label: dict[str, list[tuple[int, int]]] = {}
        for start, end, labels in _combined()._hits(folded):
            for label in labels:
                by_label.setdefault(label, []).append((start, end))
        self._spans: dict[str, list[tuple[int, int]]] = {}
        for label, hits in by_label.items():
            hits.sort(key=lambda h: (h[0], -h[1]))
            kept: list[tuple[int, int]] = []
            for start, end in hits:
                if not kept or start >= kept[-1][1]:
                    kept.append((start, end))
            self._spans[label] = kept
        self._starts = {label: [s for s, _ in spans] for label, spans in self._spans.items()}
        self._merged: dict[tuple[Cue, ...], tuple[list[int], list[int]]] = {}

    @classmethod
    def empty(cls) -> DocumentCues:
        """No cues at all (a context built without a document)."""
        cues = cls.__new__(cls)
        cues._spans, cues._starts, cues._merged = {}, {}, {}
        return cues

    def spans(self, cue: Cue) -> list[tuple[int, int]]:
        return self._spans.get(cue.label, [])

    def first(self, cue: Cue, start: int, end: int) -> int | None:
        """Offset of the cue's first occurrence in [start, end), if any."""
        starts = self._starts.get(cue.label, [])
        index = bisect_left(starts, start)
        return starts[index] if index < len(starts) and starts[index] < end else None

    def strongest(self, ranked: tuple[Cue, ...], start: int, end: int) -> tuple[int, int] | None:
        """(rank, offset) of the highest-ranked cue of ``ranked`` in [start, end)."""
        merged = self._merged.get(ranked)
        if merged is None:
            pairs = sorted((s, rank) for rank, cue in enumerate(ranked)
                           for s in self._starts.get(cue.label, []))
            merged = ([s for s, _ in pairs], [r for _, r in pairs])
            self._merged[ranked] = merged
        starts, ranks = merged
        low, high = bisect_left(starts, start), bisect_left(starts, end)
        if low == high:
            return None
        index = min(range(low, high), key=lambda i: (ranks[i], starts[i]))
        return ranks[index], starts[index]

    def within(self, cue: Cue, ranges: list[tuple[int, int]]) -> bool:
        return any(self.first(cue, start, end) is not None for start, end in ranges)
