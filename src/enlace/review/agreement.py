"""Krippendorff's alpha per codebook field, between coders and between the machine and coders.

Why alpha: it handles any number of coders, missing codings and several
levels of measurement, and is what content-analysis reviewers expect.

Units. Coders code documents, not a shared list of events, so the units are
built per document by the codebook's matching rule (same document, dates
compatible within ±3 days, a shared LAC country; one-to-one), reusing
:func:`enlace.evaluate.match_events`: the first coder's events open units, each
further coder's events join the unit they match or open a new one.

Fields.
- ``event`` (detection): per unit, 1 for a coder who coded the event, 0 for a
  coder who coded the document without it. Nominal.
- Scalar fields (:data:`enlace.evaluate.SCALAR_FIELDS`: date, format, channel …):
  nominal; a null value (no ``end_date``) is a value, not a missing coding.
- Set fields (:data:`enlace.evaluate.SET_FIELDS`: lac_countries, fields,
  outcomes, actors by name …): MASI distance (Passonneau 2006), ``1 - J * M``
  with J the Jaccard index and M = 1 for equal sets, 2/3 when one contains the
  other, 1/3 for other overlaps, 0 for disjoint sets — partial credit for a
  coder who lists one field more, none for a different one.

Content fields only compare coders on units both coded. ``alpha`` is None when
it is undefined: no unit coded twice, or a single value throughout (no
variation to agree on). Computed with the ``krippendorff`` package.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from enlace.codebook import CodebookError, Event, parse_event
from enlace.evaluate import SCALAR_FIELDS, SET_FIELDS, match_events

__all__ = [
    "FIELDS",
    "MACHINE",
    "AgreementReport",
    "FieldAlpha",
    "Unit",
    "agreement",
    "build_units",
    "krippendorff_alpha",
    "masi_distance",
    "store_agreement",
]

MACHINE = "machine"
NULL = "∅"  # a coded null (no end_date): a value of its own
FIELDS: tuple[str, ...] = ("event", *SCALAR_FIELDS, *SET_FIELDS)
Codings = Mapping[str, Mapping[str, list[Event]]]  # doc_id -> coder -> events


def masi_distance(a: frozenset[str], b: frozenset[str]) -> float:
    """1 - MASI: 0 for equal sets (two empty sets too), 1 for disjoint ones."""
    if a == b:
        return 0.0
    union = a | b
    jaccard = len(a & b) / len(union)
    monotonicity = 2 / 3 if (a <= b or b <= a) else 1 / 3 if a & b else 0.0
    return 1.0 - jaccard * monotonicity


def krippendorff_alpha(units: Iterable[Iterable[Hashable]],
                       distance: Callable[[Any, Any], float] | None = None) -> float | None:
    """Alpha over ``units`` (each: the values the coders gave it); nominal unless ``distance``.

    None when undefined: no unit with two values, or only one value in all.
    """
    import krippendorff

    rows = [list(unit) for unit in units]
    rows = [unit for unit in rows if len(unit) >= 2]  # a value nobody else coded is unpairable
    domain = sorted({value for unit in rows for value in unit}, key=repr)
    if not rows or len(domain) < 2:
        return None
    index = {value: position for position, value in enumerate(domain)}
    width = max(len(unit) for unit in rows)
    data = np.full((width, len(rows)), np.nan)
    for column, unit in enumerate(rows):
        for row, value in enumerate(unit):
            data[row, column] = index[value]
    if distance is None:
        return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
    matrix = np.array([[distance(a, b) for b in domain] for a in domain])

    def metric(v1: Any, v2: Any, i1: Any, i2: Any, n_v: Any, dtype: Any = np.float64) -> Any:
        return matrix[v1.astype(int), v2.astype(int)].astype(dtype)

    return float(krippendorff.alpha(reliability_data=data, value_domain=np.arange(len(domain)),
                                    level_of_measurement=metric))


@dataclass
class Unit:
    """One event as several coders saw it, within one document."""

    doc_id: str
    coders: tuple[str, ...]  # everyone who coded the document
    events: dict[str, Event] = field(default_factory=dict)  # coder -> their version


def build_units(doc_id: str, by_coder: Mapping[str, list[Event]],
                coders: Iterable[str]) -> list[Unit]:
    """Match the coders' events of one document into units (see the module docstring)."""
    order = tuple(coders)
    units: list[Unit] = []
    for coder in order:
        events = list(by_coder.get(coder, []))
        anchors = [next(iter(unit.events.values())) for unit in units]
        pairs = dict((j, i) for i, j in match_events(anchors, events))
        for j, event in enumerate(events):
            if j in pairs:
                units[pairs[j]].events[coder] = event
            else:
                units.append(Unit(doc_id, order, {coder: event}))
    return units


def _value(event: Event, name: str) -> Hashable:
    if name in SET_FIELDS:
        return frozenset(SET_FIELDS[name](event))
    value = getattr(event, name)
    return NULL if value is None else str(value)


def unit_values(unit: Unit, name: str) -> list[Hashable]:
    """The values the coders of ``unit`` gave field ``name`` (detection: 1/0 for every coder)."""
    if name == "event":
        return [int(coder in unit.events) for coder in unit.coders]
    return [_value(unit.events[coder], name) for coder in unit.coders if coder in unit.events]


@dataclass
class FieldAlpha:
    field: str
    metric: str  # nominal | masi
    alpha: float | None
    units: int  # units coded by at least two coders

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "metric": self.metric,
                "alpha": None if self.alpha is None else round(self.alpha, 4), "units": self.units}


def field_alphas(units: list[Unit]) -> dict[str, FieldAlpha]:
    """Alpha of every field over ``units``."""
    found = {}
    for name in FIELDS:
        values = [unit_values(unit, name) for unit in units]
        metric = "masi" if name in SET_FIELDS else "nominal"
        alpha = krippendorff_alpha(values, masi_distance if metric == "masi" else None)
        found[name] = FieldAlpha(name, metric, alpha, sum(len(v) >= 2 for v in values))
    return found


@dataclass
class AgreementReport:
    coders: list[str]  # human coders (the machine is reported apart)
    documents: int  # documents coded by at least two humans
    between_coders: dict[str, FieldAlpha]
    machine: dict[str, FieldAlpha]  # machine vs every human coder, pooled
    machine_by_coder: dict[str, dict[str, FieldAlpha]]
    machine_documents: int  # documents coded by the machine and a human

    def to_dict(self) -> dict[str, Any]:
        def table(alphas: dict[str, FieldAlpha]) -> dict[str, Any]:
            return {name: value.to_dict() for name, value in alphas.items()}

        return {"coders": self.coders, "documents": self.documents,
                "machine_documents": self.machine_documents,
                "between_coders": table(self.between_coders), "machine": table(self.machine),
                "machine_by_coder": {c: table(a) for c, a in self.machine_by_coder.items()}}


def agreement(codings: Codings) -> AgreementReport:
    """Alpha per field between human coders, and between the machine and each of them."""
    humans = sorted({coder for by_coder in codings.values() for coder in by_coder
                     if coder != MACHINE})
    between: list[Unit] = []
    documents = 0
    per_coder: dict[str, list[Unit]] = {coder: [] for coder in humans}
    machine_docs = 0
    for doc_id in sorted(codings):
        by_coder = codings[doc_id]
        present = [coder for coder in humans if coder in by_coder]
        if len(present) >= 2:
            documents += 1
            between.extend(build_units(doc_id, by_coder, present))
        if MACHINE in by_coder and present:
            machine_docs += 1
            for coder in present:
                per_coder[coder].extend(build_units(doc_id, by_coder, (coder, MACHINE)))
    pooled = [unit for units in per_coder.values() for unit in units]
    return AgreementReport(
        coders=humans, documents=documents, between_coders=field_alphas(between),
        machine=field_alphas(pooled),
        machine_by_coder={coder: field_alphas(units) for coder, units in per_coder.items() if units},
        machine_documents=machine_docs)


def load_codings(session: Any) -> dict[str, dict[str, list[Event]]]:
    """Every coding in the store as doc_id -> coder -> events (a null coding: no events)."""
    from sqlalchemy import select

    from enlace.store.models import Coding, DocumentRecord

    found: dict[str, dict[str, list[Event]]] = {}
    rows = session.execute(select(DocumentRecord.doc_id, Coding.coder, Coding.data, Coding.id)
                           .join(DocumentRecord, Coding.document_id == DocumentRecord.id)
                           .order_by(Coding.id))
    for doc_id, coder, data, coding_id in rows:
        events = found.setdefault(doc_id, {}).setdefault(coder, [])
        if data is None:
            continue
        try:
            events.append(parse_event(data, where=f"coding {coding_id}"))
        except CodebookError:
            continue  # written by an older codebook: not comparable, so not counted
    return found


def store_agreement(session: Any) -> AgreementReport:
    """:func:`agreement` over the codings stored by ingest (machine) and imports (coders)."""
    return agreement(load_codings(session))
