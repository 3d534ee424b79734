"""Curating the dataset: canonical actors (list, merge, split, alias), imports and exports.

Why here and not in the CLI: the same operations serve the terminal, notebooks
and a future web view, and each must leave an audit trail — actor changes in
``actor_log``, every event they touch in ``review_log`` — and keep the
resolver's memory right, so that a correction made once is honoured by every
later ingest (aliases with ``origin='review'`` are fed back to the resolver).

Imports store hand-coded events through the ingest write path
(:func:`enlace.store.ingest.place_event`) as ``verified`` and keep each coder's
own version in ``codings`` for :mod:`enlace.review.agreement`. An imported event
that matches (codebook rule, :func:`enlace.evaluate.match_events`) a machine event
of the same document replaces its fields, logged as an edit by the coder; an
event a reviewer already touched is never overwritten.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, or_, select
from sqlalchemy.orm import Session

from enlace.codebook import ChineseActor, Event, LacActor
from enlace.evaluate import match_events
from enlace.resolve.actors import ActorResolver
from enlace.resolve.names import normalise
from enlace.store.actors import CHINESE, LAC, make_resolver, remember_alias
from enlace.store.convert import CODED_FIELDS, record_event
from enlace.store.db import transact
from enlace.store.ingest import place_event
from enlace.store.models import (
    STATUSES,
    ActorAlias,
    ActorLog,
    ActorRecord,
    Coding,
    DocumentRecord,
    EventActor,
    EventRecord,
    EventSource,
    ReviewLog,
    utcnow,
)
from enlace.store.queries import EventFilter, list_events
from enlace.store.review import ReviewError, edit_event, set_status

__all__ = [
    "ActorSummary",
    "CurationError",
    "ImportReport",
    "add_alias",
    "export_store",
    "import_events",
    "list_actors",
    "merge_actors",
    "split_actor",
]

SIDES = (CHINESE, LAC)
GRAPH_FORMATS = ("graphml", "gexf")
_CHUNK = 500  # ids per IN (...) list, well under SQLite's bound-parameter limit


class CurationError(ReviewError):
    """An actor or import operation that cannot be applied; the message says why."""


# --------------------------------------------------------------------------- actors


@dataclass
class ActorSummary:
    key: str
    name: str
    side: str
    type: str | None
    country: str | None
    provisional: bool
    events: int
    aliases: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _actor(session: Session, key: str) -> ActorRecord:
    row = session.scalar(select(ActorRecord).where(ActorRecord.key == key))
    if row is None:
        raise CurationError(f"no actor with key {key!r} (see `enlace actors list`)")
    return row


def _describe(actor: ActorRecord) -> dict[str, Any]:
    return {"key": actor.key, "name": actor.name, "side": actor.side, "type": actor.type,
            "country": actor.country, "provisional": actor.provisional}


def _log_actor(session: Session, who: str, action: str, key: str, before: Any, after: Any) -> None:
    if not who:
        raise CurationError("say who made the change")
    session.add(ActorLog(who=who, at=utcnow(), action=action, actor_key=key, before=before,
                         after=after))


def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def list_actors(session: Session, side: str | None = None, provisional: bool | None = None,
                query: str | None = None, limit: int | None = None) -> list[ActorSummary]:
    """Canonical actors, most events first; ``query`` matches key, name or an alias (part of)."""
    if side is not None and side not in SIDES:
        raise CurationError(f"side must be one of {', '.join(SIDES)}, not {side!r}")
    n_events = (select(EventActor.actor_id, func.count().label("n"))
                .group_by(EventActor.actor_id).subquery())
    stmt = (select(ActorRecord, func.coalesce(n_events.c.n, 0))
            .outerjoin(n_events, n_events.c.actor_id == ActorRecord.id))
    if side is not None:
        stmt = stmt.where(ActorRecord.side == side)
    if provisional is not None:
        stmt = stmt.where(ActorRecord.provisional == provisional)
    if query:
        pattern = _like(query)
        stmt = stmt.where(or_(
            ActorRecord.key.ilike(pattern, escape="\\"), ActorRecord.name.ilike(pattern, escape="\\"),
            ActorRecord.id.in_(select(ActorAlias.actor_id)
                               .where(ActorAlias.alias.ilike(pattern, escape="\\")))))
    stmt = stmt.order_by(func.coalesce(n_events.c.n, 0).desc(), ActorRecord.name, ActorRecord.id)
    if limit:
        stmt = stmt.limit(limit)
    rows = session.execute(stmt).all()
    aliases: dict[int, list[str]] = {}
    ids = [actor.id for actor, _ in rows]
    for start in range(0, len(ids), _CHUNK):
        for actor_id, alias in session.execute(
                select(ActorAlias.actor_id, ActorAlias.alias)
                .where(ActorAlias.actor_id.in_(ids[start:start + _CHUNK])).order_by(ActorAlias.id)):
            aliases.setdefault(actor_id, []).append(alias)
    return [ActorSummary(actor.key, actor.name, actor.side, actor.type, actor.country,
                         actor.provisional, int(count), aliases.get(actor.id, []))
            for actor, count in rows]


def _relink(session: Session, link: EventActor, target: ActorRecord, who: str, action: str,
            source: ActorRecord) -> None:
    """Point one event's link at ``target`` (dropping it if the event already links there)."""
    event_id, name, side = link.event_id, link.name, link.side
    session.delete(link)
    session.flush()
    if session.get(EventActor, (event_id, target.id)) is None:
        session.add(EventActor(event_id=event_id, actor_id=target.id, side=side, name=name))
    session.add(ReviewLog(event_id=event_id, who=who, at=utcnow(), action=action, field="actor",
                          before={"key": source.key, "name": name},
                          after={"key": target.key, "name": name}))


def merge_actors(session: Session, keep_key: str, drop_key: str, who: str) -> int:
    """Make ``drop_key`` the same actor as ``keep_key``; returns the number of events relinked.

    The dropped actor's events and spellings move to the kept one; its spellings
    (and its name) become review aliases, so later ingests resolve them to the
    kept actor instead of re-creating the dropped one.
    """
    if keep_key == drop_key:
        raise CurationError("cannot merge an actor with itself")
    keep, drop = _actor(session, keep_key), _actor(session, drop_key)
    if keep.side != drop.side:
        raise CurationError(f"cannot merge a {drop.side} actor into a {keep.side} actor")
    _log_actor(session, who, "merge", keep.key, _describe(drop), _describe(keep))
    links = list(session.scalars(select(EventActor).where(EventActor.actor_id == drop.id)))
    for link in links:
        _relink(session, link, keep, who, "merge_actor", drop)
    spellings = [drop.name, *session.scalars(select(ActorAlias.alias)
                                             .where(ActorAlias.actor_id == drop.id))]
    for alias in session.scalars(select(ActorAlias).where(ActorAlias.actor_id == drop.id)):
        session.delete(alias)
    session.flush()
    for spelling in dict.fromkeys(spellings):
        if normalise(spelling):
            remember_alias(session, keep, spelling, origin="review")
    session.delete(drop)
    session.flush()
    return len(links)


def _split_target(session: Session, source: ActorRecord, new_name: str) -> ActorRecord:
    """The actor the split events move to: one of that name on that side, else a new one."""
    existing = session.scalar(select(ActorRecord).where(
        ActorRecord.side == source.side, or_(ActorRecord.key == new_name, ActorRecord.name == new_name)))
    if existing is not None:
        return existing
    where = f"{source.country}:" if source.side == LAC and source.country else ""
    key = f"provisional:{source.side}:{where}{normalise(new_name)}"
    if session.scalar(select(ActorRecord.id).where(ActorRecord.key == key)) is not None:
        return _actor(session, key)
    row = ActorRecord(key=key, name=new_name, side=source.side, type=source.type,
                      country=source.country, provisional=True)
    session.add(row)
    session.flush()
    return row


def split_actor(session: Session, key: str, new_name: str, event_ids: Iterable[int],
                who: str) -> str:
    """Move the links of ``event_ids`` from actor ``key`` to the actor named ``new_name``.

    For a canonical actor that wrongly lumps two organisations. The target is an
    existing actor of that key or name on the same side, else a new provisional
    one; ``new_name`` becomes its review alias. Returns the target's key.
    """
    new_name = " ".join(new_name.split())
    if not normalise(new_name):
        raise CurationError("the new actor needs a name with at least one letter or digit")
    ids = sorted(set(event_ids))
    if not ids:
        raise CurationError("name at least one event to move (--event ID)")
    source = _actor(session, key)
    links = {link.event_id: link for link in session.scalars(
        select(EventActor).where(EventActor.actor_id == source.id, EventActor.event_id.in_(ids)))}
    missing = [event_id for event_id in ids if event_id not in links]
    if missing:
        raise CurationError(f"actor {key!r} is not linked to event(s) {', '.join(map(str, missing))}")
    target = _split_target(session, source, new_name)
    if target.id == source.id:
        raise CurationError(f"{new_name!r} is actor {key!r} itself")
    _log_actor(session, who, "split", source.key, {**_describe(source), "events": ids},
               _describe(target))
    for event_id in ids:
        _relink(session, links[event_id], target, who, "split_actor", source)
    remember_alias(session, target, new_name, origin="review")
    session.flush()
    return target.key


def add_alias(session: Session, key: str, alias: str, who: str,
              resolver: ActorResolver | None = None) -> None:
    """Record that ``alias`` means actor ``key``; later ingests (and ``resolver``) honour it."""
    alias = " ".join(alias.split())
    if not normalise(alias):
        raise CurationError("an alias needs at least one letter or digit")
    actor = _actor(session, key)
    _log_actor(session, who, "alias", actor.key, None, {"alias": alias})
    remember_alias(session, actor, alias, origin="review")
    if resolver is not None:
        from enlace.store.actors import canonical

        resolver.add_alias(alias, canonical(actor))


# --------------------------------------------------------------------------- import


@dataclass
class ImportReport:
    documents: int = 0
    placeholders: int = 0  # documents not in the store, recorded by doc_id only
    events_new: int = 0
    events_verified: int = 0  # machine events replaced by the coder's version
    events_kept: int = 0  # already reviewed: left as they are, the coding still counts
    codings: int = 0

    def summary(self) -> str:
        return (f"{self.documents} documents ({self.placeholders} not in the store); "
                f"{self.events_new} new events, {self.events_verified} machine events verified, "
                f"{self.events_kept} already reviewed; {self.codings} codings")


def _document(session: Session, doc_id: str, source_label: str) -> tuple[DocumentRecord, bool]:
    """The stored document with this doc_id, else a text-less placeholder for it."""
    row = session.scalar(select(DocumentRecord).where(DocumentRecord.doc_id == doc_id)
                         .order_by(DocumentRecord.id).limit(1))
    if row is not None:
        return row, False
    digest = hashlib.sha256(f"enlace-placeholder\x00{doc_id}".encode()).hexdigest()
    row = DocumentRecord(sha256=digest, doc_id=doc_id, text="", source=source_label)
    session.add(row)
    session.flush()
    return row, True


def _take_over(session: Session, record: EventRecord, event: Event, who: str,
               resolver: ActorResolver, report: ImportReport) -> None:
    """A hand-coded version replaces a machine event (logged); a reviewed one is kept."""
    if record.status != "machine":
        report.events_kept += 1
        return
    data = event.interchange()
    edit_event(session, record.id, {name: data[name] for name in CODED_FIELDS}, who, resolver)
    set_status(session, record.id, "verified", who)
    report.events_verified += 1


def _import_document(session: Session, doc_id: str, events: list[Event], source_label: str,
                     coder: str, resolver: ActorResolver) -> ImportReport:
    report = ImportReport(documents=1)
    document, created = _document(session, doc_id, source_label)
    report.placeholders += created
    for old in session.scalars(select(Coding).where(Coding.document_id == document.id,
                                                    Coding.coder == coder)):
        session.delete(old)  # a re-import replaces this coder's earlier coding of the document
    session.flush()
    stored = list(session.scalars(
        select(EventRecord).join(EventSource, EventSource.event_id == EventRecord.id)
        .where(EventSource.document_id == document.id).order_by(EventRecord.id)))
    pairs = dict(match_events(events, [record_event(record) for record in stored]))
    extractor = f"import:{source_label}"[:64]
    for index, event in enumerate(events):
        event = event.model_copy(update={"doc_ids": [doc_id]})
        if index in pairs:
            record = stored[pairs[index]]
            _take_over(session, record, event, coder, resolver, report)
        else:
            record, new = place_event(session, event, document.id, resolver, extractor,
                                      status="verified", absorb=False)
            if new:
                report.events_new += 1
            else:
                _take_over(session, record, event, coder, resolver, report)
        session.add(Coding(document_id=document.id, event_id=record.id, coder=coder,
                           source=source_label, data=event.interchange()))
        report.codings += 1
    if not events:
        session.add(Coding(document_id=document.id, coder=coder, source=source_label, data=None))
        report.codings += 1
    session.flush()
    return report


def import_events(engine: Engine, events: Iterable[Event], source_label: str,
                  coder: str | None = None, coded_documents: Iterable[str] = (),
                  resolver: ActorResolver | None = None) -> ImportReport:
    """Store hand-coded events as ``verified`` and record them as ``coder``'s coding.

    Events are grouped by their ``doc_ids`` (an event without any belongs to
    ``source_label``, e.g. the spreadsheet's name); ``coded_documents`` names
    documents coded as having no events (gold negatives). ``coder`` defaults to
    ``source_label``. One transaction per document; re-importing replaces the
    coder's coding and leaves the dataset as it is. Pass ``resolver`` to reuse
    one across several imports (it must know the store's review aliases).
    """
    coder = (coder or source_label).strip()
    if not coder:
        raise CurationError("say who coded these events (--coder)")
    if coder == "machine":
        raise CurationError("'machine' is the extractor's coder name; choose another")
    by_doc: dict[str, list[Event]] = {doc_id: [] for doc_id in coded_documents}
    for event in events:
        for doc_id in dict.fromkeys(event.doc_ids or [source_label]):
            by_doc.setdefault(doc_id, []).append(event)
    if resolver is None:
        with Session(engine) as session:
            resolver = make_resolver(session)
    total = ImportReport()
    for doc_id, doc_events in by_doc.items():
        done = transact(engine, lambda session, d=doc_id, e=doc_events: _import_document(
            session, d, e, source_label, coder, resolver))
        for name, value in done.__dict__.items():
            setattr(total, name, getattr(total, name) + value)
    return total


# --------------------------------------------------------------------------- export


def _canonical_names(session: Session, event_ids: list[int]) -> dict[tuple[int, str, str], ActorRecord]:
    """(event id, side, name as written) -> canonical actor, for the network exports."""
    found: dict[tuple[int, str, str], ActorRecord] = {}
    for start in range(0, len(event_ids), _CHUNK):
        for link, actor in session.execute(
                select(EventActor, ActorRecord).join(ActorRecord, EventActor.actor_id == ActorRecord.id)
                .where(EventActor.event_id.in_(event_ids[start:start + _CHUNK]))):
            found[(link.event_id, link.side, link.name)] = actor
    return found


def _canonicalise(event_id: int, event: Event,
                  names: dict[tuple[int, str, str], ActorRecord]) -> Event:
    """The event with each actor under its canonical name (merged spellings become one node)."""
    chinese: dict[str, ChineseActor] = {}
    for actor in event.chinese_actors:
        row = names.get((event_id, CHINESE, actor.name))
        name = row.name if row is not None else actor.name
        chinese.setdefault(name, actor.model_copy(update={"name": name}))
    lac: dict[str, LacActor] = {}
    for actor in event.lac_actors:
        row = names.get((event_id, LAC, actor.name))
        name = row.name if row is not None else actor.name
        lac.setdefault(name, actor.model_copy(update={"name": name}))
    return event.model_copy(update={"chinese_actors": list(chinese.values()),
                                    "lac_actors": list(lac.values())})


def export_store(engine: Engine, path: Path, format: str, flt: EventFilter | None = None,
                 include_rejected: bool = False) -> int:
    """Write the stored events matching ``flt`` to ``path``; returns what the file counts.

    Rejected events are left out unless asked for (or filtered on by status).
    Tabular formats carry the store's ``id`` and ``status`` first; the network
    formats use canonical actor names, so merged actors are one node.
    """
    from enlace.io import FORMATS, export_events

    key = format.lower().lstrip(".")
    if key not in FORMATS:
        raise CurationError(f"unknown export format {format!r}; choose one of: {', '.join(FORMATS)}")
    flt = flt or EventFilter(limit=None)
    if not flt.statuses and not include_rejected:
        flt.statuses = [status for status in STATUSES if status != "rejected"]
    with Session(engine) as session:
        items = list_events(session, flt)
        names = (_canonical_names(session, [item.id for item in items])
                 if key in GRAPH_FORMATS else {})
    rows = [(_canonicalise(item.id, item.event, names) if names else item.event,
             {"id": item.id, "status": item.status}) for item in items]
    return export_events(rows, Path(path), key)
