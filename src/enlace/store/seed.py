"""Inserting hand-coded events that come with a citation instead of a document.

Why: the starter dataset (and any hand-coded table) codes events from
published sources whose text we do not copy; each event must still keep where
it came from. The citation becomes a small ``documents`` row (text = the
citation and URL, so the content hash keeps one row per source), linked to the
event as its source with extractor ``starter``. Events are stored as given —
no extraction, no de-duplication against each other (their coders already
decided what is one occasion) — with the status the caller states
(``verified`` for reviewed data) and an audit entry saying who imported them.
Re-running is a no-op for sources and events already present.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from enlace.codebook import Event
from enlace.store.actors import make_resolver
from enlace.store.db import transact
from enlace.store.ingest import write_event
from enlace.store.models import STATUSES, DocumentRecord, EventRecord, EventSource, ReviewLog, utcnow


@dataclass
class CitedEvent:
    """One hand-coded event and the source it was coded from."""

    event: Event
    citation: str
    source_url: str | None = None
    doc_id: str | None = None  # default: "cited:<first 12 hex of the source hash>"
    published: str | None = None


def _source_text(item: CitedEvent) -> str:
    return item.citation.strip() + (f"\n{item.source_url}" if item.source_url else "")


def _document(session: Session, item: CitedEvent) -> DocumentRecord:
    text = _source_text(item)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    row = session.scalar(select(DocumentRecord).where(DocumentRecord.sha256 == sha))
    if row is None:
        row = DocumentRecord(sha256=sha, doc_id=item.doc_id or f"cited:{sha[:12]}", url=item.source_url,
                             title=item.citation.strip()[:500], published=item.published,
                             language=None, source="citation", text=text)
        session.add(row)
        session.flush()
    return row


def _already(session: Session, document_id: int, event: Event) -> bool:
    """The same event (same evidence and date) is already linked to this source."""
    return session.scalar(
        select(EventRecord.id).join(EventSource, EventSource.event_id == EventRecord.id)
        .where(EventSource.document_id == document_id, EventRecord.evidence == event.evidence,
               EventRecord.date == event.date, EventRecord.summary == event.summary)) is not None


def insert_cited_events(engine: Engine, items: Iterable[CitedEvent], status: str = "verified",
                        who: str = "enlace starter import", extractor: str = "starter") -> int:
    """Store hand-coded events with their citations (one transaction); returns how many were new."""
    if status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    items = list(items)
    with Session(engine) as session:
        resolver = make_resolver(session)

    def work(session: Session) -> int:
        added = 0
        for item in items:
            document = _document(session, item)
            if _already(session, document.id, item.event):
                continue
            record = EventRecord(status=status, created_at=utcnow())
            write_event(session, record, item.event, resolver)
            session.add(EventSource(event_id=record.id, document_id=document.id,
                                    evidence=item.event.evidence, extractor=extractor))
            session.add(ReviewLog(event_id=record.id, who=who, at=utcnow(), action="import",
                                  field="status", before=None, after=status))
            session.flush()
            added += 1
        return added

    return transact(engine, work)
