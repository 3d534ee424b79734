"""Pairwise scoring of de-duplication against a gold corpus and its duplicate groups.

Why: the duplicate rule is tuned by numbers, and the test, the benchmark and
anyone changing :mod:`enlace.resolve.dedupe` must measure it the same way.

The truth: the gold events of every document, each with ``doc_ids =
[doc_id]``. Two events of different documents are the same occasion when
their documents are in one duplicate group (``dev-dupes.json``; a document
in no group is a group of its own) and, as the gold implies, their dates are
compatible (:func:`enlace.evaluate.dates_compatible`: ±3 days for day
precision) and they share the LAC counterpart
(:func:`enlace.resolve.dedupe.lac_compatible`). True clusters are the
transitive closure of those pairs. Scores count cross-document event pairs
that share a cluster, predicted vs true.

Which pairs are scored: ``annotated`` (the target) counts pairs whose two
documents both belong to some duplicate group, since only those documents
were annotated for duplicates; ``strict`` also counts every pair touching a
document in no group, as if the groups were exhaustive. On the dev corpus
they are not (two ungrouped documents code the same message to the same
summit with identical fields), so strict precision measures the annotation
as much as the rule; it is reported beside the target, not instead of it.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from enlace.codebook import Event
from enlace.evaluate import dates_compatible, load_gold
from enlace.resolve.actors import ActorResolver
from enlace.resolve.dedupe import lac_compatible

__all__ = ["DevReport", "PairScores", "load_dev_events", "pair_scores", "score_dev", "true_clusters"]


@dataclass(frozen=True)
class PairScores:
    """Pairwise precision/recall/F1 of predicted duplicate pairs."""

    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int
    events: int


def load_dev_events(corpus: Path) -> tuple[list[Event], list[list[str]]]:
    """Gold events of ``corpus/dev/gold.jsonl`` (doc_ids set) and the groups of ``dev-dupes.json``."""
    gold = load_gold(corpus / "dev" / "gold.jsonl")
    events = [
        event.model_copy(update={"doc_ids": [doc_id]})
        for doc_id, doc_events in gold.items()
        for event in doc_events
    ]
    groups = json.loads((corpus / "dev-dupes.json").read_text(encoding="utf-8"))
    return events, [list(group) for group in groups]


def _pairs(clusters: Sequence[Sequence[int]], events: Sequence[Event]) -> set[tuple[int, int]]:
    """Cross-document pairs inside clusters (same-document pairs are never duplicates)."""
    pairs = set()
    for cluster in clusters:
        for i, j in combinations(sorted(cluster), 2):
            if not set(events[i].doc_ids) & set(events[j].doc_ids):
                pairs.add((i, j))
    return pairs


def true_clusters(
    events: Sequence[Event], groups: Sequence[Sequence[str]], resolver: ActorResolver | None = None
) -> list[list[int]]:
    """The clusters the gold implies (module docstring)."""
    group_of: dict[str, int] = {}
    for number, group in enumerate(groups):
        for doc_id in group:
            group_of[doc_id] = number
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_group: dict[object, list[int]] = {}
    for index, event in enumerate(events):
        doc_id = event.doc_ids[0]
        by_group.setdefault(group_of.get(doc_id, f"doc:{doc_id}"), []).append(index)
    for members in by_group.values():
        for i, j in combinations(members, 2):
            a, b = events[i], events[j]
            if a.doc_ids[0] == b.doc_ids[0]:
                continue
            if dates_compatible(a.date, b.date) and lac_compatible(a, b, resolver):
                parent[find(i)] = find(j)
    clusters: dict[int, list[int]] = {}
    for index in range(len(events)):
        clusters.setdefault(find(index), []).append(index)
    return sorted(clusters.values(), key=lambda c: c[0])


def pair_scores(
    predicted: Sequence[Sequence[int]],
    truth: Sequence[Sequence[int]],
    events: Sequence[Event],
    scored: Collection[int] | None = None,
) -> PairScores:
    """Pairwise P/R/F1 over pairs of ``scored`` events (default all).

    No pairs expected and none predicted counts as perfect.
    """
    pred, true = _pairs(predicted, events), _pairs(truth, events)
    if scored is not None:
        keep = set(scored)
        pred = {p for p in pred if p[0] in keep and p[1] in keep}
        true = {p for p in true if p[0] in keep and p[1] in keep}
    tp, fp, fn = len(pred & true), len(pred - true), len(true - pred)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairScores(precision, recall, f1, tp, fp, fn, len(events))


@dataclass(frozen=True)
class DevReport:
    """Scores on the dev gold, and the predicted merges the strict reading counts as wrong."""

    annotated: PairScores
    strict: PairScores
    strict_false_pairs: tuple[tuple[Event, Event], ...]


def score_dev(corpus: Path, resolver: ActorResolver | None = None) -> DevReport:
    """Cluster the dev gold events with :func:`cluster_events` and score them against the truth."""
    from enlace.resolve.dedupe import cluster_events

    events, groups = load_dev_events(corpus)
    grouped = {doc_id for group in groups for doc_id in group}
    annotated = [i for i, event in enumerate(events) if event.doc_ids[0] in grouped]
    predicted = cluster_events(events, resolver)
    truth = true_clusters(events, groups, resolver)
    wrong = sorted(_pairs(predicted, events) - _pairs(truth, events))
    return DevReport(
        annotated=pair_scores(predicted, truth, events, annotated),
        strict=pair_scores(predicted, truth, events),
        strict_false_pairs=tuple((events[i], events[j]) for i, j in wrong),
    )
