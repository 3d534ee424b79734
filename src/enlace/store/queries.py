"""Reading events back: the filters users need, and one event with its provenance.

Why filters compile to indexed sub-selects (countries, subdivisions, actors,
full text) rather than JSON tests: they must stay fast on a million events on
both SQLite and PostgreSQL. Listing is newest first, undated events last.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, or_, select
from sqlalchemy.orm import Session

from enlace.codebook import Event
from enlace.store.convert import first_day, last_day, record_event
from enlace.store.models import (
    ActorAlias,
    ActorRecord,
    DocumentRecord,
    EventActor,
    EventCountry,
    EventRecord,
    EventSource,
    EventSubdivision,
    ReviewLog,
)
from enlace.store.search import matching_document_ids


@dataclass
class EventFilter:
    """What to list. Empty means "any"; several values in one filter mean "any of them"."""

    since: str | None = None  # partial date: events ending on/after its first day
    until: str | None = None  # partial date: events starting on/before its last day
    countries: list[str] = field(default_factory=list)
    subdivisions: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    contents: list[str] = field(default_factory=list)
    mechanisms: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    actor: str | None = None  # canonical key, or part of a canonical name, alias or spelling
    text: str | None = None  # full text of a source document
    limit: int | None = 50
    offset: int = 0


@dataclass
class StoredEvent:
    """An event as the store holds it: the codebook event plus its store identity."""

    id: int
    status: str
    event: Event
    created_at: Any
    updated_at: Any

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "status": self.status, **self.event.interchange()}


@dataclass
class EventDetail(StoredEvent):
    """One event with every source (document, evidence, extractor) and its audit trail."""

    sources: list[dict[str, Any]] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "sources": self.sources, "actors": self.actors,
                "history": self.history}


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _actor_condition(actor: str) -> ColumnElement[bool]:
    pattern = _like(actor)
    actor_ids = select(ActorRecord.id).where(or_(
        ActorRecord.key == actor,
        ActorRecord.name.ilike(pattern, escape="\\"),
        ActorRecord.id.in_(select(ActorAlias.actor_id)
                           .where(ActorAlias.alias.ilike(pattern, escape="\\"))),
    ))
    return or_(EventActor.actor_id.in_(actor_ids), EventActor.name.ilike(pattern, escape="\\"))


def filtered(flt: EventFilter, dialect: str) -> Select:
    """The SELECT of events matching ``flt``, ordered, limited."""
    query = select(EventRecord)
    if flt.since:
        query = query.where(EventRecord.date_end >= first_day(flt.since))
    if flt.until:
        query = query.where(EventRecord.date_start <= last_day(flt.until))
    # Correlated EXISTS, not IN (...): the planner can walk the date index newest first and
    # stop at LIMIT, instead of materialising every matching id of a common country first.
    if flt.countries:
        query = query.where(exists().where(EventCountry.event_id == EventRecord.id,
                                           EventCountry.country.in_(flt.countries)))
    if flt.subdivisions:
        query = query.where(exists().where(EventSubdivision.event_id == EventRecord.id,
                                           EventSubdivision.subdivision.in_(flt.subdivisions)))
    for column, values in ((EventRecord.channel, flt.channels), (EventRecord.content, flt.contents),
                           (EventRecord.mechanism, flt.mechanisms),
                           (EventRecord.status, flt.statuses)):
        if values:
            query = query.where(column.in_(values))
    if flt.actor:
        query = query.where(exists().where(EventActor.event_id == EventRecord.id,
                                           _actor_condition(flt.actor)))
    if flt.text:
        query = query.where(exists().where(
            EventSource.event_id == EventRecord.id,
            EventSource.document_id.in_(matching_document_ids(dialect, flt.text))))
    if dialect == "postgresql":
        query = query.order_by(EventRecord.date_start.desc().nulls_last(), EventRecord.id.desc())
    else:  # SQLite sorts NULL lowest, so DESC already puts undated events last
        query = query.order_by(EventRecord.date_start.desc(), EventRecord.id.desc())
    if flt.limit is not None:
        query = query.limit(flt.limit)
    return query.offset(flt.offset) if flt.offset else query


def _doc_ids_by_event(session: Session, event_ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {event_id: [] for event_id in event_ids}
    if not event_ids:
        return found
    rows = session.execute(
        select(EventSource.event_id, DocumentRecord.doc_id)
        .join(DocumentRecord, EventSource.document_id == DocumentRecord.id)
        .where(EventSource.event_id.in_(event_ids)).order_by(EventSource.id))
    for event_id, doc_id in rows:
        found[event_id].append(doc_id)
    return found


def _stored(record: EventRecord, doc_ids: list[str]) -> StoredEvent:
    return StoredEvent(record.id, record.status, record_event(record, doc_ids), record.created_at,
                       record.updated_at)


def list_events(session: Session, flt: EventFilter | None = None) -> list[StoredEvent]:
    """Events matching the filter, newest first, each with its source doc_ids."""
    records = list(session.scalars(filtered(flt or EventFilter(), session.get_bind().dialect.name)))
    doc_ids = _doc_ids_by_event(session, [record.id for record in records])
    return [_stored(record, doc_ids[record.id]) for record in records]


def get_event(session: Session, event_id: int) -> EventDetail | None:
    """One event with its sources, canonical actors and review history; None if absent."""
    record = session.get(EventRecord, event_id)
    if record is None:
        return None
    sources = [
        {"doc_id": doc.doc_id, "title": doc.title, "url": doc.url, "published": doc.published,
         "evidence": src.evidence, "extractor": src.extractor, "added_at": src.added_at.isoformat()}
        for src, doc in session.execute(
            select(EventSource, DocumentRecord)
            .join(DocumentRecord, EventSource.document_id == DocumentRecord.id)
            .where(EventSource.event_id == event_id).order_by(EventSource.id))]
    actors = [
        {"name": link.name, "side": link.side, "key": actor.key, "canonical": actor.name,
         "type": actor.type, "country": actor.country, "provisional": actor.provisional}
        for link, actor in session.execute(
            select(EventActor, ActorRecord).join(ActorRecord, EventActor.actor_id == ActorRecord.id)
            .where(EventActor.event_id == event_id).order_by(EventActor.side, ActorRecord.name))]
    history = [
        {"who": log.who, "at": log.at.isoformat(), "action": log.action, "field": log.field,
         "before": log.before, "after": log.after}
        for log in session.scalars(select(ReviewLog).where(ReviewLog.event_id == event_id)
                                   .order_by(ReviewLog.id))]
    base = _stored(record, [source["doc_id"] for source in sources])
    return EventDetail(base.id, base.status, base.event, base.created_at, base.updated_at,
                       sources=sources, actors=actors, history=history)
