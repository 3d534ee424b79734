"""Event de-duplication (CODEBOOK.md, "Duplicates").

Why: the same occasion is reported by several outlets, in several
languages; the dataset must count it once, with every source. Two events
are the same occasion when all four hold:

- **dates overlap**: :func:`enlace.evaluate.dates_compatible` on the first
  days (±3 days for day precision, coarser precisions by period overlap),
  or, when either event has an ``end_date``, its whole window widened by the
  same slack contains or overlaps the other's. Undated events are never
  merged: nothing says they happened at the same time.
- **same LAC counterpart**: a shared resolved LAC actor key; when either
  event names no LAC actor, a shared country and compatible subdivisions
  (equal, overlapping, or one side silent).
- **compatible Chinese side**: a shared resolved Chinese actor key; or one
  side names only the leadership ("Government of China", "Communist Party
  of China") and the other central state or party organs (outlets credit
  the same leaders under either hat); or, when either names no Chinese
  actor, the same channel.
- **compatible venue**: two physical venues (``in_china``, ``in_lac``,
  ``third_country``) must be the same; ``virtual`` and ``unknown`` go with
  any (one outlet may not mention the online half of a hybrid event).
- **compatible activity**: the same activity; or one is a generic
  ``meeting``/``visit`` and the other ``meeting``/``visit``/``signing``;
  ``forum``/``seminar`` (outlets name one gathering either way); ``other``
  (the coder's "none of these") is compatible with any activity. A seminar
  and a courtesy call stay two events.

Events that share a source document are never merged: a document that
lists two meetings reports two events. Clustering is single-linkage with
union-find, strongest pairs first, and a union is refused when it would put
two events of one document in one cluster. Comparisons happen only within
a bucket (a LAC country, or a country-less LAC actor such as CELAC) and,
inside it, between events whose date windows overlap (a sweep over start
dates), so 100,000+ events cluster in seconds.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

from enlace.codebook import Event
from enlace.evaluate import DAY_SLACK, _safe_period, dates_compatible
from enlace.resolve.actors import ActorResolver

__all__ = [
    "LEADERSHIP",
    "activities_compatible",
    "chinese_compatible",
    "cluster_events",
    "dates_overlap",
    "lac_compatible",
    "merge_cluster",
    "same_occasion",
    "venues_compatible",
]

LEADERSHIP = frozenset({"Government of China", "Communist Party of China"})
"""Chinese actors that stand for the national leadership (the same people act as both)."""

_CENTRAL_CHANNELS = frozenset({"state", "party"})
_GENERIC = frozenset({"meeting", "visit"})
_GENERIC_PARTNERS = frozenset({"meeting", "visit", "signing"})
_SAME_GATHERING = frozenset({"forum", "seminar"})
_WILDCARD = "other"
_PHYSICAL_VENUES = frozenset({"in_china", "in_lac", "third_country"})


_dates_compatible = lru_cache(maxsize=1 << 18)(dates_compatible)
"""evaluate's rule, memoised: a corpus has few distinct dates and many pairs of them."""


@lru_cache(maxsize=1)
def _default_resolver() -> ActorResolver:
    return ActorResolver.from_gazetteer()


# --------------------------------------------------------------------------- features


@dataclass(frozen=True, slots=True)
class _Features:
    """What the rules compare, computed once per event (resolution is the costly part)."""

    date: str | None
    end_date: str | None
    window: tuple[int, int] | None  # ordinal days, widened by the slack where day-precise
    day_precise: bool
    docs: frozenset[str]
    lac_keys: frozenset[str]
    countries: frozenset[str]
    subdivisions: frozenset[str]
    cn_keys: frozenset[str]
    cn_types: frozenset[str]
    channel: str
    activity: str
    venue: str


def _window(event: Event) -> tuple[tuple[int, int] | None, bool]:
    start = _safe_period(event.date) if event.date else None
    if start is None:
        return None, False
    end = (_safe_period(event.end_date) if event.end_date else None) or start
    slack = timedelta(days=DAY_SLACK)
    first = start[0] - slack if start[2] else start[0]
    last = end[1] + slack if end[2] else end[1]
    return (first.toordinal(), last.toordinal()), start[2]


def _features(event: Event, resolver: ActorResolver) -> _Features:
    lac = [resolver.resolve(a.name, "lac", country=a.country, type=str(a.type)) for a in event.lac_actors]
    cn = [resolver.resolve(a.name, "cn", type=str(a.type)) for a in event.chinese_actors]
    window, day_precise = _window(event)
    return _Features(
        date=event.date,
        end_date=event.end_date,
        window=window,
        day_precise=day_precise,
        docs=frozenset(event.doc_ids),
        lac_keys=frozenset(a.key for a in lac),
        countries=frozenset(event.lac_countries) | {a.country for a in event.lac_actors if a.country},
        subdivisions=frozenset(event.lac_subdivisions),
        cn_keys=frozenset(a.key for a in cn),
        cn_types=frozenset(str(a.type) for a in event.chinese_actors),
        channel=str(event.channel),
        activity=str(event.activity),
        venue=str(event.venue),
    )


# --------------------------------------------------------------------------- rules


def dates_overlap(a: Event, b: Event) -> bool:
    """The date rule (module docstring); undated events never overlap."""
    fa, fb = _window(a)[0], _window(b)[0]
    return _dates(a.date, a.end_date, fa, b.date, b.end_date, fb)


def _dates(
    a_date: str | None, a_end: str | None, a_window: tuple[int, int] | None,
    b_date: str | None, b_end: str | None, b_window: tuple[int, int] | None,
) -> bool:
    if a_window is None or b_window is None:
        return False
    if _dates_compatible(a_date, b_date):
        return True
    if not (a_end or b_end):
        return False
    # A stated trip window: the other date falls in it (or the windows meet), with the slack.
    return a_window[0] <= b_window[1] and b_window[0] <= a_window[1]


def _lac(a: _Features, b: _Features) -> bool:
    if a.lac_keys and b.lac_keys:
        return bool(a.lac_keys & b.lac_keys)
    if not (a.countries & b.countries):
        return False
    return not a.subdivisions or not b.subdivisions or bool(a.subdivisions & b.subdivisions)


def _leadership_only(keys: frozenset[str]) -> bool:
    return bool(keys) and keys <= LEADERSHIP


def _chinese(a: _Features, b: _Features) -> bool:
    if not a.cn_keys or not b.cn_keys:
        return a.channel == b.channel
    if a.cn_keys & b.cn_keys:
        return True
    if _leadership_only(a.cn_keys) and b.cn_types <= _CENTRAL_CHANNELS:
        return True
    return _leadership_only(b.cn_keys) and a.cn_types <= _CENTRAL_CHANNELS


def activities_compatible(a: str, b: str) -> bool:
    """The activity rule (module docstring), on the codebook's activity strings."""
    if a == b or _WILDCARD in (a, b):
        return True
    if (a in _GENERIC and b in _GENERIC_PARTNERS) or (b in _GENERIC and a in _GENERIC_PARTNERS):
        return True
    return a in _SAME_GATHERING and b in _SAME_GATHERING


def venues_compatible(a: str, b: str) -> bool:
    """The venue rule (module docstring)."""
    return a == b or a not in _PHYSICAL_VENUES or b not in _PHYSICAL_VENUES


def _same(a: _Features, b: _Features) -> bool:
    """All rules, cheapest first."""
    if a.docs & b.docs:
        return False
    return (
        activities_compatible(a.activity, b.activity)
        and venues_compatible(a.venue, b.venue)
        and _lac(a, b)
        and _chinese(a, b)
        and _dates(a.date, a.end_date, a.window, b.date, b.end_date, b.window)
    )


def lac_compatible(a: Event, b: Event, resolver: ActorResolver | None = None) -> bool:
    """Whether the two events share their LAC counterpart (module docstring)."""
    r = resolver or _default_resolver()
    return _lac(_features(a, r), _features(b, r))


def chinese_compatible(a: Event, b: Event, resolver: ActorResolver | None = None) -> bool:
    """Whether the two events' Chinese sides are compatible (module docstring)."""
    r = resolver or _default_resolver()
    return _chinese(_features(a, r), _features(b, r))


def same_occasion(a: Event, b: Event, resolver: ActorResolver | None = None) -> bool:
    """Whether two events are one occasion under the codebook's duplicate rule.

    Events sharing a source document are never the same occasion.
    """
    r = resolver or _default_resolver()
    return _same(_features(a, r), _features(b, r))


# --------------------------------------------------------------------------- clustering


class _UnionFind:
    """Disjoint sets that also track each set's documents, to refuse same-document unions."""

    def __init__(self, docs: Sequence[frozenset[str]]) -> None:
        self.parent = list(range(len(docs)))
        self.docs = [set(d) for d in docs]

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def union(self, i: int, j: int) -> bool:
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return False
        if self.docs[ri] & self.docs[rj]:
            return False
        if len(self.docs[ri]) < len(self.docs[rj]):
            ri, rj = rj, ri
        self.parent[rj] = ri
        self.docs[ri] |= self.docs[rj]
        self.docs[rj] = set()
        return True


def _buckets(features: Sequence[_Features]) -> dict[str, list[int]]:
    """Where a pair can pass the LAC rule: a shared LAC actor key, or a shared country.

    Country buckets only matter for pairs in which one event names no LAC
    actor (two events that both name LAC actors must share a key), so the
    sweep there skips keyed-keyed pairs.
    """
    buckets: dict[str, list[int]] = {}
    for index, f in enumerate(features):
        if f.window is None:
            continue  # undated: never merged
        tokens = {"key:" + key for key in f.lac_keys} | {"country:" + c for c in f.countries}
        for token in tokens:
            buckets.setdefault(token, []).append(index)
    return buckets


def _candidate_pairs(features: Sequence[_Features]) -> set[tuple[int, int]]:
    """Pairs in one bucket whose widened date windows overlap (a sweep by start day)."""
    pairs: set[tuple[int, int]] = set()
    for token, members in _buckets(features).items():
        by_country = token.startswith("country:")
        ordered = sorted(members, key=lambda i: features[i].window)  # type: ignore[arg-type,return-value]
        keyed: list[tuple[int, int]] = []  # heaps of (window end, index)
        keyless: list[tuple[int, int]] = []
        for j in ordered:
            start, end = features[j].window  # type: ignore[misc]
            has_keys = bool(features[j].lac_keys)
            for active in (keyed, keyless):
                while active and active[0][0] < start:
                    heapq.heappop(active)
            # In a country bucket two keyed events are never a pair (they need a shared key).
            partners = keyless if by_country and has_keys else keyed + keyless
            for _end, i in partners:
                pairs.add((i, j) if i < j else (j, i))
            heapq.heappush(keyed if has_keys else keyless, (end, j))
    return pairs


def _strength(a: _Features, b: _Features) -> tuple[int, int, int]:
    """Order of unions: shared actors first, then closer dates, then the same activity."""
    shared = len(a.lac_keys & b.lac_keys) + len(a.cn_keys & b.cn_keys)
    gap = abs(a.window[0] - b.window[0]) if a.window and b.window else 10**6
    return shared, -gap, int(a.activity == b.activity)


def cluster_events(events: Sequence[Event], resolver: ActorResolver | None = None) -> list[list[int]]:
    """Clusters of indices into ``events``, one per occasion (singletons included).

    Each cluster is sorted; clusters are ordered by their first index.
    """
    r = resolver or _default_resolver()
    features = [_features(event, r) for event in events]
    matches = [(i, j) for i, j in _candidate_pairs(features) if _same(features[i], features[j])]
    matches.sort(key=lambda p: (_strength(features[p[0]], features[p[1]]), -p[0], -p[1]), reverse=True)
    sets = _UnionFind([f.docs or frozenset({f"#{i}"}) for i, f in enumerate(features)])
    for i, j in matches:
        sets.union(i, j)
    clusters: dict[int, list[int]] = {}
    for index in range(len(events)):
        clusters.setdefault(sets.find(index), []).append(index)
    return sorted(clusters.values(), key=lambda c: c[0])


# --------------------------------------------------------------------------- merging


def _union(lists: Iterable[Iterable[object]]) -> list:
    seen: dict[object, None] = {}
    for items in lists:
        for item in items:
            seen.setdefault(item, None)
    return list(seen)


def _precision(value: str | None) -> int:
    return len(value) if value else 0


def merge_cluster(events: Sequence[Event]) -> Event:
    """One event for one occasion reported by several sources.

    The first event is taken as the earliest source (callers list events in
    the order they were ingested): its scalar fields, summary and evidence
    stand. The date (with its end_date) comes from the most precise report;
    doc_ids, countries, subdivisions, actors, fields and outcomes are unions;
    ``leftist`` is true when any report says so; ``format`` becomes
    multilateral when the union names several countries.
    """
    if not events:
        raise ValueError("merge_cluster needs at least one event")
    first = events[0]
    dated = max(events, key=lambda e: (_precision(e.date), _precision(e.end_date)))
    countries = _union(e.lac_countries for e in events)
    chinese: dict[str, object] = {}
    for event in events:
        for actor in event.chinese_actors:
            chinese.setdefault(" ".join(actor.name.split()).casefold(), actor)
    lac: dict[tuple[str, str | None], object] = {}
    for event in events:
        for actor in event.lac_actors:
            lac.setdefault((" ".join(actor.name.split()).casefold(), actor.country), actor)
    data = first.model_dump()
    data.update(
        date=dated.date,
        end_date=dated.end_date,
        lac_countries=countries,
        lac_subdivisions=_union(e.lac_subdivisions for e in events),
        chinese_actors=[a.model_dump() for a in chinese.values()],  # type: ignore[attr-defined]
        lac_actors=[a.model_dump() for a in lac.values()],  # type: ignore[attr-defined]
        fields=_union(e.fields for e in events),
        outcomes=_union(e.outcomes for e in events),
        doc_ids=_union(e.doc_ids for e in events),
        leftist=any(e.leftist for e in events),
        occasion=next((e.occasion for e in events if e.occasion), None),
    )
    if len(countries) > 1:
        data["format"] = "multilateral"
    return Event.model_validate(data)

