"""Score predicted events against a gold file (CODEBOOK.md, "Gold files").

Why this module exists: every change to extraction must be measured the same
way, on the same matching rule, so numbers stay comparable across versions.

The rule, within one document: a predicted and a gold event *may* match when
their dates are compatible (day vs day: at most 3 days apart; a coarser
precision: the periods overlap once any day-precision side is widened by
±3 days, the publication lag the codebook allows for duplicates; both null:
compatible; one null: not) and they share a LAC country (or both name none).
Among those candidate pairs, a one-to-one assignment maximises first the
number of matches, then a similarity score, so the scores do not depend on
the order events are listed in. Matched pairs are then compared field by
field.
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from enlace.codebook import CodebookError, Event, parse_event, parse_gold_line

if TYPE_CHECKING:
    from rich.console import Console

__all__ = [
    "SCALAR_FIELDS",
    "SET_FIELDS",
    "DocMisses",
    "EvaluationReport",
    "MatchedPair",
    "dates_compatible",
    "evaluate",
    "load_gold",
    "load_predictions",
    "match_events",
]

DAY_SLACK = 3
"""Days of tolerance around a day-precision date (publication lag)."""

SCALAR_FIELDS: tuple[str, ...] = (
    "date", "end_date", "format", "lac_level", "channel", "content",
    "activity", "mechanism", "leftist", "venue",
)


def _names(items: list[Any]) -> set[str]:
    return {" ".join(item.name.split()).casefold() for item in items}


SET_FIELDS: dict[str, Callable[[Event], set[str]]] = {
    "lac_countries": lambda e: set(e.lac_countries),
    "lac_subdivisions": lambda e: set(e.lac_subdivisions),
    "fields": lambda e: {str(v) for v in e.fields},
    "outcomes": lambda e: {str(v) for v in e.outcomes},
    "chinese_actors": lambda e: _names(e.chinese_actors),
    "lac_actors": lambda e: _names(e.lac_actors),
}
"""Set-valued fields and how to reduce an event to comparable strings (actors by name)."""


# --------------------------------------------------------------------------- loading


def _lines(path: Path) -> Iterable[tuple[str, str]]:
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield f"{path}:{number}", line


def load_gold(path: Path) -> dict[str, list[Event]]:
    """Read a gold JSON Lines file: one ``{"doc_id", "events"}`` object per document."""
    gold: dict[str, list[Event]] = {}
    for where, line in _lines(path):
        document = parse_gold_line(line, where)
        if document.doc_id in gold:
            raise CodebookError(f"{where}: doc_id {document.doc_id!r} appears twice")
        gold[document.doc_id] = list(document.events)
    return gold


def load_predictions(path: Path) -> dict[str, list[Event]]:
    """Read predicted events: one event per line (attributed to each of its ``doc_ids``),
    or gold-shaped document lines, so a system's output and a gold file both load."""
    predictions: dict[str, list[Event]] = {}
    for where, line in _lines(path):
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise CodebookError(f"{where}: not JSON ({error.msg})") from None
        if not isinstance(data, dict):
            raise CodebookError(f"{where}: expected a JSON object, got {type(data).__name__}")
        if "events" in data and "doc_id" in data:
            document = parse_gold_line(line, where)
            predictions.setdefault(document.doc_id, []).extend(document.events)
            continue
        event = parse_event(data, where)
        if not event.doc_ids:
            raise CodebookError(f"{where}: event has no doc_ids, so no document to score it in")
        for doc_id in dict.fromkeys(event.doc_ids):
            predictions.setdefault(doc_id, []).append(event)
    return predictions


# --------------------------------------------------------------------------- matching


def _period(value: str) -> tuple[date, date, bool]:
    """First day, last day, and whether the value is at day precision."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return day, day, True
    if len(parts) == 2:
        year, month = parts
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), False
    return date(parts[0], 1, 1), date(parts[0], 12, 31), False


def _safe_period(value: str) -> tuple[date, date, bool] | None:
    try:
        return _period(value)
    except ValueError:  # e.g. 2019-02-30 passes the codebook's pattern
        return None


def dates_compatible(gold: str | None, pred: str | None) -> bool:
    """The codebook's date rule: see the module docstring."""
    if gold is None or pred is None:
        return gold is None and pred is None
    a, b = _safe_period(gold), _safe_period(pred)
    if a is None or b is None:
        return gold == pred
    slack = timedelta(days=DAY_SLACK)
    if a[2] and b[2]:
        return abs((a[0] - b[0]).days) <= DAY_SLACK
    a_start, a_end = (a[0] - slack, a[1] + slack) if a[2] else (a[0], a[1])
    b_start, b_end = (b[0] - slack, b[1] + slack) if b[2] else (b[0], b[1])
    return a_start <= b_end and b_start <= a_end


def _countries_compatible(gold: Event, pred: Event) -> bool:
    if not gold.lac_countries and not pred.lac_countries:
        return True
    return bool(set(gold.lac_countries) & set(pred.lac_countries))


def _date_closeness(gold: str | None, pred: str | None) -> float:
    if gold == pred:
        return 1.0
    a = _safe_period(gold) if gold else None
    b = _safe_period(pred) if pred else None
    if a is None or b is None:
        return 0.0
    gap = abs((a[0] - b[0]).days)
    return max(0.0, 1.0 - gap / 31.0) * 0.5


def _similarity(gold: Event, pred: Event) -> float:
    """Tie-breaker among compatible pairs: shared countries and LAC actors, date, activity."""
    return (
        len(set(gold.lac_countries) & set(pred.lac_countries))
        + len(_names(gold.lac_actors) & _names(pred.lac_actors))
        + 0.5 * len(_names(gold.chinese_actors) & _names(pred.chinese_actors))
        + _date_closeness(gold.date, pred.date)
        + (1.0 if gold.activity == pred.activity else 0.0)
    )


def match_events(gold: list[Event], pred: list[Event]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) under the codebook's matching rule.

    Uses scipy's optimal assignment when scipy is installed, else greedy
    best-first pairing (most matches first is then not guaranteed, only likely).
    """
    candidates: dict[tuple[int, int], float] = {}
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if dates_compatible(g.date, p.date) and _countries_compatible(g, p):
                candidates[(i, j)] = _similarity(g, p)
    if not candidates:
        return []
    try:
        import numpy as np
        from scipy.optimize import linear_sum_assignment
    except ImportError:
        return _greedy(candidates)
    # A large constant per pair makes the number of matches dominate the similarity.
    bonus = 1000.0
    weights = np.zeros((len(gold), len(pred)))
    for (i, j), score in candidates.items():
        weights[i, j] = bonus + score
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return sorted((int(i), int(j)) for i, j in zip(rows, cols, strict=True) if (i, j) in candidates)


def _greedy(candidates: Mapping[tuple[int, int], float]) -> list[tuple[int, int]]:
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for (i, j), _score in sorted(candidates.items(), key=lambda kv: (-kv[1], kv[0])):
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append((i, j))
    return sorted(pairs)


# --------------------------------------------------------------------------- report


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    """Precision/recall/F1; nothing expected and nothing predicted counts as perfect."""
    precision = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    recall = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


@dataclass(frozen=True)
class MatchedPair:
    """A gold event, the prediction matched to it, and the fields on which they differ."""

    doc_id: str
    gold: Event
    pred: Event
    differences: tuple[str, ...]


@dataclass
class DocMisses:
    """Error-analysis record for one document: gold events not found, predictions unmatched."""

    doc_id: str
    missing: list[Event] = field(default_factory=list)
    spurious: list[Event] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        def brief(event: Event) -> dict[str, Any]:
            return {
                "date": event.date,
                "lac_countries": list(event.lac_countries),
                "activity": event.activity,
                "summary": event.summary,
            }

        return {
            "doc_id": self.doc_id,
            "missing": [brief(e) for e in self.missing],
            "spurious": [brief(e) for e in self.spurious],
        }


@dataclass
class _SetCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    exact: int = 0


@dataclass
class EvaluationReport:
    """Everything `evaluate` measured; `to_dict` has stable keys for CI gates and JSON."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    documents: int = 0
    unscored_docs: int = 0
    negative_docs: int = 0
    negatives_correct: int = 0
    pairs: list[MatchedPair] = field(default_factory=list)
    misses: list[DocMisses] = field(default_factory=list)
    by_language: dict[str, EvaluationReport] = field(default_factory=dict)

    @property
    def matched(self) -> int:
        return len(self.pairs)

    @property
    def detection(self) -> dict[str, float | int]:
        return _prf(self.tp, self.fp, self.fn)

    def field_scores(self) -> dict[str, dict[str, float | None]]:
        """Agreement per field on matched pairs (None when nothing was matched)."""
        scores: dict[str, dict[str, float | None]] = {}
        n = self.matched
        for name in SCALAR_FIELDS:
            equal = sum(getattr(p.gold, name) == getattr(p.pred, name) for p in self.pairs)
            scores[name] = {"accuracy": equal / n if n else None}
        for name, values in SET_FIELDS.items():
            counts = _SetCounts()
            for pair in self.pairs:
                g, p = values(pair.gold), values(pair.pred)
                counts.tp += len(g & p)
                counts.fp += len(p - g)
                counts.fn += len(g - p)
                counts.exact += g == p
            if not n:
                scores[name] = {"precision": None, "recall": None, "f1": None, "exact": None}
                continue
            prf = _prf(counts.tp, counts.fp, counts.fn)
            scores[name] = {
                "precision": prf["precision"],
                "recall": prf["recall"],
                "f1": prf["f1"],
                "exact": counts.exact / n,
            }
        return scores

    def failures(self) -> list[dict[str, Any]]:
        """Per-document misses as plain dicts, for error analysis."""
        return [m.to_dict() for m in self.misses]

    def to_dict(self) -> dict[str, Any]:
        return {
            "detection": self.detection,
            "fields": self.field_scores(),
            "documents": self.documents,
            "matched": self.matched,
            "unscored_docs": self.unscored_docs,
            "negatives": {"total": self.negative_docs, "correct": self.negatives_correct},
            "languages": {lang: sub.to_dict() for lang, sub in sorted(self.by_language.items())},
        }

    def render(self, console: Console) -> None:
        """Print the report as rich tables."""
        from rich.table import Table

        def fmt(value: float | int | None) -> str:
            if value is None:
                return "–"
            return f"{value:.3f}" if isinstance(value, float) else str(value)

        d = self.detection
        detection = Table(title="Event detection")
        for column in ("precision", "recall", "f1", "tp", "fp", "fn"):
            detection.add_column(column, justify="right")
        detection.add_row(*(fmt(d[c]) for c in ("precision", "recall", "f1", "tp", "fp", "fn")))
        console.print(detection)
        console.print(
            f"documents scored: {self.documents}, matched pairs: {self.matched}, "
            f"negatives correct: {self.negatives_correct}/{self.negative_docs}, "
            f"unscored predicted documents: {self.unscored_docs}"
        )
        fields = Table(title=f"Field agreement on {self.matched} matched pairs")
        for column in ("field", "accuracy", "precision", "recall", "f1", "exact set"):
            fields.add_column(column, justify="left" if column == "field" else "right")
        for name, score in self.field_scores().items():
            fields.add_row(
                name,
                fmt(score.get("accuracy")),
                fmt(score.get("precision")),
                fmt(score.get("recall")),
                fmt(score.get("f1")),
                fmt(score.get("exact")),
            )
        console.print(fields)
        if self.by_language:
            languages = Table(title="Detection by language")
            for column in ("language", "documents", "precision", "recall", "f1"):
                languages.add_column(column, justify="left" if column == "language" else "right")
            for lang, sub in sorted(self.by_language.items()):
                s = sub.detection
                languages.add_row(
                    lang, str(sub.documents), fmt(s["precision"]), fmt(s["recall"]), fmt(s["f1"])
                )
            console.print(languages)


def _differences(gold: Event, pred: Event) -> tuple[str, ...]:
    diff = [n for n in SCALAR_FIELDS if getattr(gold, n) != getattr(pred, n)]
    diff += [n for n, values in SET_FIELDS.items() if values(gold) != values(pred)]
    return tuple(diff)


def evaluate(
    gold: Mapping[str, list[Event]],
    pred: Mapping[str, list[Event]],
    languages: Mapping[str, str] | None = None,
) -> EvaluationReport:
    """Score `pred` against `gold`, document by document (only gold documents are scored).

    `languages` (doc_id -> language code), when given, adds a per-language breakdown.
    """
    report = EvaluationReport(unscored_docs=sum(1 for doc_id in pred if doc_id not in gold))
    for doc_id, gold_events in gold.items():
        pred_events = list(pred.get(doc_id, []))
        report.documents += 1
        if not gold_events:
            report.negative_docs += 1
            report.negatives_correct += not pred_events
        pairs = match_events(gold_events, pred_events)
        report.tp += len(pairs)
        report.fn += len(gold_events) - len(pairs)
        report.fp += len(pred_events) - len(pairs)
        for i, j in pairs:
            g, p = gold_events[i], pred_events[j]
            report.pairs.append(MatchedPair(doc_id, g, p, _differences(g, p)))
        matched_gold = {i for i, _ in pairs}
        matched_pred = {j for _, j in pairs}
        missing = [e for i, e in enumerate(gold_events) if i not in matched_gold]
        spurious = [e for j, e in enumerate(pred_events) if j not in matched_pred]
        if missing or spurious:
            report.misses.append(DocMisses(doc_id, missing, spurious))
    if languages:
        groups: dict[str, list[str]] = {}
        for doc_id in gold:
            groups.setdefault(languages.get(doc_id) or "unknown", []).append(doc_id)
        for lang, doc_ids in groups.items():
            report.by_language[lang] = evaluate(
                {d: gold[d] for d in doc_ids}, {d: pred[d] for d in doc_ids if d in pred}
            )
    return report
