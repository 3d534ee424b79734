"""Ingest: read, store, extract, resolve and de-duplicate, one document per transaction.

Why one transaction per document: a kill at any moment must leave either the
whole document (row, events, sources, actor links, search index) or nothing,
and the content hash then makes the next run skip what is done and finish the
rest. Extraction runs before the write transaction so the database lock is
held only for the few inserts. De-duplication compares a new event only with
stored events whose dates and LAC counterpart could match (an indexed query),
then lets :func:`enlace.resolve.dedupe.same_occasion` decide; a match gains a
source instead of a twin.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from sqlalchemy import Engine, exists, select
from sqlalchemy.orm import Session

from enlace.codebook import Document, Event
from enlace.documents import ReadError, iter_documents
from enlace.resolve.actors import ActorResolver
from enlace.resolve.dedupe import merge_cluster, same_occasion
from enlace.store.actors import LAC, event_mentions, link_actors, make_resolver, resolve
from enlace.store.convert import event_columns, record_event, shift
from enlace.store.db import transact
from enlace.store.models import (
    ActorRecord,
    Coding,
    DocumentRecord,
    EventActor,
    EventCountry,
    EventRecord,
    EventSource,
    EventSubdivision,
    utcnow,
)

MAX_CHARS = 500_000  # extraction time grows with length; longer texts are reported, not stored
DATE_SLACK_DAYS = 3  # the codebook's publication lag for day-precision dates
MAX_CANDIDATES = 200


def extractor_name(backend: str = "rules") -> str:
    """What produced an event: the backend and the enlace version, for provenance."""
    try:
        return f"{backend}@{version('enlace')}"
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return backend


def clean(document: Document) -> Document:
    """Drop NUL characters (PostgreSQL text cannot hold them; they carry no meaning)."""
    updates = {name: value.replace("\x00", "") for name in
               ("doc_id", "url", "title", "language", "source", "text")
               if isinstance(value := getattr(document, name), str) and "\x00" in value}
    return document.model_copy(update=updates) if updates else document


def content_hash(document: Document) -> str:
    """SHA-256 of the text: the same article stored once whatever file it came in."""
    return hashlib.sha256(document.text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class DocumentOutcome:
    stored: bool
    events_new: int = 0
    events_attached: int = 0


@dataclass
class IngestReport:
    files: int = 0
    documents_new: int = 0
    documents_skipped: int = 0
    events_new: int = 0
    events_attached: int = 0
    failures: list[ReadError] = field(default_factory=list)

    def add(self, outcome: DocumentOutcome) -> None:
        if outcome.stored:
            self.documents_new += 1
        else:
            self.documents_skipped += 1
        self.events_new += outcome.events_new
        self.events_attached += outcome.events_attached

    def summary(self) -> str:
        text = (f"{self.files} files: {self.documents_new} new documents, "
                f"{self.documents_skipped} already stored; {self.events_new} new events, "
                f"{self.events_attached} attached to stored events")
        return text + (f"; {len(self.failures)} failed" if self.failures else "")


def _index_lists(session: Session, event_id: int, event: Event, replace: bool) -> None:
    """Mirror countries and subdivisions into their indexed tables (replacing old rows)."""
    for model, column, values in ((EventCountry, "country", event.lac_countries),
                                  (EventSubdivision, "subdivision", event.lac_subdivisions)):
        if replace:
            for row in session.scalars(select(model).where(model.event_id == event_id)):
                session.delete(row)
            session.flush()
        for value in dict.fromkeys(values):
            session.add(model(event_id=event_id, **{column: value}))
    session.flush()


def write_event(session: Session, record: EventRecord, event: Event,
                resolver: ActorResolver) -> None:
    """Set an event row's coded fields and everything derived from them."""
    new = record.id is None
    for name, value in event_columns(event).items():
        setattr(record, name, value)
    record.updated_at = utcnow()
    session.add(record)
    session.flush()
    _index_lists(session, record.id, event, replace=not new)
    link_actors(session, record.id, event, resolver, replace=not new)


def _candidates(session: Session, event: Event, document_id: int,
                resolver: ActorResolver) -> list[EventRecord]:
    """Stored events that could be the same occasion: overlapping dates, shared counterpart."""
    columns = event_columns(event)
    query = select(EventRecord).where(
        EventRecord.date_start <= shift(columns["date_end"], DATE_SLACK_DAYS),
        EventRecord.date_end >= shift(columns["date_start"], -DATE_SLACK_DAYS),
        ~exists().where(EventSource.event_id == EventRecord.id,
                        EventSource.document_id == document_id),
    )
    if event.lac_countries:
        query = query.where(EventRecord.id.in_(
            select(EventCountry.event_id).where(EventCountry.country.in_(event.lac_countries))))
    else:
        keys = [resolve(resolver, name, side, country, kind).key
                for name, side, country, kind in event_mentions(event) if side == LAC]
        if not keys:
            return []
        query = query.where(EventRecord.id.in_(
            select(EventActor.event_id).join(ActorRecord, EventActor.actor_id == ActorRecord.id)
            .where(ActorRecord.key.in_(keys))))
    return list(session.scalars(query.order_by(EventRecord.id).limit(MAX_CANDIDATES)))


def _doc_ids(session: Session, event_id: int) -> list[str]:
    return list(session.scalars(
        select(DocumentRecord.doc_id).join(EventSource, EventSource.document_id == DocumentRecord.id)
        .where(EventSource.event_id == event_id).order_by(EventSource.id)))


def _same_stored(session: Session, event: Event, document_id: int,
                 resolver: ActorResolver) -> tuple[EventRecord, Event] | None:
    if not event.date:
        return None  # undated events are never merged (nothing says they coincide)
    for record in _candidates(session, event, document_id, resolver):
        stored = record_event(record, _doc_ids(session, record.id))
        if same_occasion(stored, event, resolver):
            return record, stored
    return None


def store_document(session: Session, document: Document, sha256: str, events: list[Event],
                   resolver: ActorResolver, extractor: str) -> DocumentOutcome:
    """Insert one document with its events, inside the caller's transaction."""
    if session.scalar(select(DocumentRecord.id).where(DocumentRecord.sha256 == sha256)):
        return DocumentOutcome(stored=False)
    row = DocumentRecord(sha256=sha256, doc_id=document.doc_id, url=document.url,
                         title=document.title, published=document.published,
                         language=document.language, source=document.source, text=document.text)
    session.add(row)
    session.flush()
    outcome = DocumentOutcome(stored=True)
    for event in events:
        record, new = place_event(session, event, row.id, resolver, extractor)
        outcome.events_new += new
        outcome.events_attached += not new
        session.add(Coding(document_id=row.id, event_id=record.id, coder="machine",
                           source=extractor, data=event.interchange()))
    if not events:  # the machine read this document and found nothing: a coded negative
        session.add(Coding(document_id=row.id, coder="machine", source=extractor, data=None))
    session.flush()
    return outcome


def place_event(session: Session, event: Event, document_id: int, resolver: ActorResolver,
                extractor: str, status: str = "machine", absorb: bool = True
                ) -> tuple[EventRecord, bool]:
    """Store one event reported by a stored document: a new row, or a source of its twin.

    Returns the event row and whether it is new. With ``absorb``, a twin still in
    status ``machine`` takes in the new report's fields; a reviewed one is never
    changed (hand-coded imports pass ``absorb=False`` and overwrite with an audit).
    """
    match = _same_stored(session, event, document_id, resolver)
    if match is None:
        record = EventRecord(status=status, created_at=utcnow())
        write_event(session, record, event, resolver)
    else:
        record, stored = match
        if absorb and record.status == "machine":  # never overwrite a reviewer's work
            merged = merge_cluster([stored, event])
            merged.evidence, merged.summary = stored.evidence, stored.summary
            write_event(session, record, merged, resolver)
    session.add(EventSource(event_id=record.id, document_id=document_id, evidence=event.evidence,
                            extractor=extractor))
    session.flush()
    return record, match is None


class Ingestor:
    """Holds the per-run state (pipeline, resolver) that is costly to build."""

    def __init__(self, engine: Engine, pipeline: object | None = None,
                 resolver: ActorResolver | None = None, backend: str = "rules",
                 max_chars: int = MAX_CHARS) -> None:
        if pipeline is None:
            from enlace.extract.pipeline import ExtractOptions, Pipeline

            pipeline = Pipeline(ExtractOptions(backend=backend))
        self.engine = engine
        self.pipeline = pipeline
        if resolver is None:
            with Session(engine) as session:
                resolver = make_resolver(session)
        self.resolver = resolver
        self.extractor = extractor_name(backend)
        self.max_chars = max_chars

    def is_stored(self, sha256: str) -> bool:
        with Session(self.engine) as session:
            return session.scalar(
                select(DocumentRecord.id).where(DocumentRecord.sha256 == sha256)) is not None

    def ingest_document(self, document: Document) -> DocumentOutcome:
        """Store one document and its events (all or nothing); skip it when already stored."""
        document = clean(document)
        sha256 = content_hash(document)
        if self.is_stored(sha256):
            return DocumentOutcome(stored=False)
        events = self.pipeline.extract(document)  # type: ignore[attr-defined]
        return transact(self.engine, lambda session: store_document(
            session, document, sha256, events, self.resolver, self.extractor))

    def ingest_paths(self, files: Iterable[Path],
                     on_file: Callable[[Path, ReadError | None], None] | None = None
                     ) -> IngestReport:
        """Ingest every file; a file that cannot be read or stored is reported and skipped."""
        report = IngestReport()
        for path, result in iter_documents(files):
            report.files += 1
            failures = ([result] if isinstance(result, ReadError)
                        else self._ingest_file(path, result, report))
            report.failures.extend(failures)
            if on_file is not None:
                on_file(path, failures[0] if failures else None)
        return report

    def _ingest_file(self, path: Path, documents: list[Document],
                     report: IngestReport) -> list[ReadError]:
        failures = []
        for document in documents:
            if not document.doc_id:
                document = document.model_copy(update={"doc_id": str(path)})
            if len(document.text) > self.max_chars:
                failures.append(ReadError(str(path), f"{document.doc_id}: text too long "
                                f"({len(document.text):,} characters; limit {self.max_chars:,})"))
                continue
            try:
                report.add(self.ingest_document(document))
            except Exception as error:  # one bad document must not stop the batch
                failures.append(ReadError(str(path), f"{document.doc_id}: not stored "
                                          f"({type(error).__name__}: {error})"))
        return failures
