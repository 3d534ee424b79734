"""The dataset's tables as SQLAlchemy 2 typed ORM classes.

Why these shapes: documents are stored once, keyed by the SHA-256 of their text,
so re-ingesting changes nothing; an event is one occasion and keeps every
document that reports it in ``event_sources`` (with the evidence span and the
extractor), so de-duplication attaches sources instead of copying events.
Codebook scalars are columns (filterable, indexable); codebook lists are JSON,
with the two lists users filter on (countries, subdivisions) mirrored into small
indexed tables. The Alembic migrations in ``migrations/`` are the authority on
the schema; these classes must describe the head revision.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

STATUSES = ("machine", "verified", "corrected", "rejected")


def utcnow() -> datetime:
    """Timezone-aware now, so audit times mean the same on every machine."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class DocumentRecord(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    doc_id: Mapped[str] = mapped_column(String(500), index=True)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10))
    language: Mapped[str | None] = mapped_column(String(16))
    source: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class EventRecord(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    date: Mapped[str | None] = mapped_column(String(10))
    end_date: Mapped[str | None] = mapped_column(String(10))
    # First and last calendar day the (partial) dates can mean: range filters and dedupe windows.
    date_start: Mapped[str | None] = mapped_column(String(10))
    date_end: Mapped[str | None] = mapped_column(String(10))
    format: Mapped[str] = mapped_column(String(16))
    lac_level: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str] = mapped_column(String(24), index=True)
    content: Mapped[str] = mapped_column(String(24))
    activity: Mapped[str] = mapped_column(String(24))
    mechanism: Mapped[str] = mapped_column(String(16))
    leftist: Mapped[bool] = mapped_column(Boolean)
    venue: Mapped[str] = mapped_column(String(16))
    lac_countries: Mapped[list[Any]] = mapped_column(JSON, default=list)
    lac_subdivisions: Mapped[list[Any]] = mapped_column(JSON, default=list)
    chinese_actors: Mapped[list[Any]] = mapped_column(JSON, default=list)
    lac_actors: Mapped[list[Any]] = mapped_column(JSON, default=list)
    fields: Mapped[list[Any]] = mapped_column(JSON, default=list)
    outcomes: Mapped[list[Any]] = mapped_column(JSON, default=list)
    occasion: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="machine", index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    sources: Mapped[list[EventSource]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventSource.id")
    actor_links: Mapped[list[EventActor]] = relationship(
        back_populates="event", cascade="all, delete-orphan")

    __table_args__ = (Index("ix_events_date_start_id", "date_start", "id"),)


class EventSource(Base):
    """One document reporting one event: the evidence span and who extracted it."""

    __tablename__ = "event_sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"),
                                             index=True)
    evidence: Mapped[str] = mapped_column(Text, default="")
    extractor: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    event: Mapped[EventRecord] = relationship(back_populates="sources")
    document: Mapped[DocumentRecord] = relationship()

    __table_args__ = (UniqueConstraint("event_id", "document_id", name="uq_event_sources_pair"),)


class EventCountry(Base):
    __tablename__ = "event_countries"

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"),
                                          primary_key=True)
    country: Mapped[str] = mapped_column(String(2), primary_key=True)

    __table_args__ = (Index("ix_event_countries_country", "country", "event_id"),)


class EventSubdivision(Base):
    __tablename__ = "event_subdivisions"

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"),
                                          primary_key=True)
    subdivision: Mapped[str] = mapped_column(String(8), primary_key=True)

    __table_args__ = (Index("ix_event_subdivisions_subdivision", "subdivision", "event_id"),)


class ActorRecord(Base):
    """A canonical actor: a gazetteer entry or a provisional one made by the resolver."""

    __tablename__ = "actors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(Text)
    side: Mapped[str] = mapped_column(String(8))
    type: Mapped[str | None] = mapped_column(String(32))
    country: Mapped[str | None] = mapped_column(String(2))
    provisional: Mapped[bool] = mapped_column(Boolean, default=False)


class ActorAlias(Base):
    __tablename__ = "actor_aliases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    alias: Mapped[str] = mapped_column(Text)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    # "extracted": a spelling seen in a document; "review": a correction, which the
    # resolver must honour next time (extracted ones it already resolves by itself).
    origin: Mapped[str] = mapped_column(String(16), default="extracted")

    __table_args__ = (UniqueConstraint("alias", "actor_id", name="uq_actor_aliases_pair"),)


class EventActor(Base):
    """An actor of an event as written there, pointing to its canonical actor."""

    __tablename__ = "event_actors"

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"),
                                          primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id"), primary_key=True, index=True)
    side: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(Text)

    event: Mapped[EventRecord] = relationship(back_populates="actor_links")
    actor: Mapped[ActorRecord] = relationship()


class ReviewLog(Base):
    """One change to an event: who, when, what field, the value before and after."""

    __tablename__ = "review_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    who: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    action: Mapped[str] = mapped_column(String(32))
    field: Mapped[str | None] = mapped_column(String(64))
    before: Mapped[Any] = mapped_column(JSON, nullable=True)
    after: Mapped[Any] = mapped_column(JSON, nullable=True)


class Coding(Base):
    """One coder's version of one event of one document (or, with ``data`` null, "no events").

    Why apart from ``events``: the dataset keeps one event per occasion, but
    agreement needs every coder's own answer — the machine's as extracted, each
    hand coder's as imported — even after review has changed the event.
    """

    __tablename__ = "codings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"),
                                             index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"),
                                                 index=True)
    coder: Mapped[str] = mapped_column(String(200), index=True)
    source: Mapped[str] = mapped_column(String(200))
    data: Mapped[Any] = mapped_column(JSON, nullable=True)
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ActorLog(Base):
    """One change to the canonical actors (merge, split, alias): who, when, before and after."""

    __tablename__ = "actor_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    who: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    action: Mapped[str] = mapped_column(String(32))
    actor_key: Mapped[str] = mapped_column(String(200), index=True)
    before: Mapped[Any] = mapped_column(JSON, nullable=True)
    after: Mapped[Any] = mapped_column(JSON, nullable=True)
