"""Review: changing an event's status or coded fields, with an audit row per change.

Why every change is logged with the value before and after: the dataset is
published, and a reader must be able to see who changed what and when, and a
reviewer to undo a mistake. Edits are validated against the codebook before
anything is written, and an edited machine (or verified) event becomes
``corrected``. The caller owns the transaction (use
:func:`enlace.store.db.transact` so a lock is retried).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from enlace.codebook import CodebookError, parse_event
from enlace.errors import EnlaceError
from enlace.resolve.actors import ActorResolver
from enlace.store.actors import canonical, make_resolver, remember_alias
from enlace.store.convert import CODED_FIELDS, record_event
from enlace.store.ingest import write_event
from enlace.store.models import STATUSES, ActorRecord, EventRecord, ReviewLog, utcnow


class ReviewError(EnlaceError, ValueError):
    """A review action that cannot be applied; the message says why."""


def _event(session: Session, event_id: int) -> EventRecord:
    record = session.get(EventRecord, event_id)
    if record is None:
        raise ReviewError(f"no event with id {event_id}")
    return record


def _log(session: Session, event_id: int, who: str, action: str, field: str | None,
         before: Any, after: Any) -> None:
    session.add(ReviewLog(event_id=event_id, who=who, at=utcnow(), action=action, field=field,
                          before=before, after=after))


def set_status(session: Session, event_id: int, status: str, who: str) -> bool:
    """Set the review status (machine, verified, corrected, rejected); False if unchanged."""
    if status not in STATUSES:
        raise ReviewError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    if not who:
        raise ReviewError("say who made the change")
    record = _event(session, event_id)
    if record.status == status:
        return False
    _log(session, event_id, who, "status", "status", record.status, status)
    record.status = status
    record.updated_at = utcnow()
    session.flush()
    return True


def edit_event(session: Session, event_id: int, changes: dict[str, Any], who: str,
               resolver: ActorResolver | None = None) -> list[str]:
    """Change coded fields; returns the names of the fields that actually changed.

    The result must still be a valid codebook event. Actor changes are re-resolved
    to canonical actors. Status becomes ``corrected`` unless already rejected.
    """
    if not who:
        raise ReviewError("say who made the change")
    unknown = sorted(set(changes) - set(CODED_FIELDS))
    if unknown:
        raise ReviewError(f"not editable: {', '.join(unknown)} (editable: {', '.join(CODED_FIELDS)})")
    record = _event(session, event_id)
    before = record_event(record).interchange()
    try:
        edited = parse_event({**before, **changes}, where=f"event {event_id}")
    except CodebookError as error:
        raise ReviewError(str(error)) from None
    after = edited.interchange()
    changed = [name for name in CODED_FIELDS if before[name] != after[name]]
    if not changed:
        return []
    for name in changed:
        _log(session, event_id, who, "edit", name, before[name], after[name])
    write_event(session, record, edited, resolver or make_resolver(session))
    if record.status in ("machine", "verified"):
        _log(session, event_id, who, "status", "status", record.status, "corrected")
        record.status = "corrected"
    session.flush()
    return changed


def add_actor_alias(session: Session, alias: str, key: str,
                    resolver: ActorResolver | None = None) -> None:
    """Record a reviewer's "this spelling means that actor"; later ingests honour it."""
    actor = session.scalar(select(ActorRecord).where(ActorRecord.key == key))
    if actor is None:
        raise ReviewError(f"no actor with key {key!r}")
    remember_alias(session, actor, alias, origin="review")
    if resolver is not None:
        resolver.add_alias(alias, canonical(actor))
