"""The review queue: the next machine event, shown in its documents, and what a reviewer does.

Why apart from the terminal: the queue, the parsing of a reviewer's command
(``a`` accept, ``r`` reject, ``e field=value`` edit, ``s`` skip, ``q`` quit)
and its effect on the store are plain functions, tested without a terminal;
``enlace review`` only prints and prompts. Every effect goes through
:mod:`enlace.store.review`, so it is validated against the codebook and logged
(who, when, field, before, after). Renaming an actor in an edit also teaches the
resolver: the old spelling becomes a review alias of the actor it was corrected
to, so the next ingest gets it right.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from enlace.codebook import Event
from enlace.resolve.actors import ActorResolver
from enlace.resolve.names import normalise
from enlace.store.convert import CODED_FIELDS, LISTS, record_event
from enlace.store.curation import add_alias
from enlace.store.models import ActorRecord, DocumentRecord, EventActor, EventRecord, EventSource
from enlace.store.review import ReviewError, edit_event, set_status

__all__ = [
    "HELP",
    "Action",
    "ReviewItem",
    "SourceView",
    "apply_action",
    "evidence_context",
    "load_item",
    "next_event",
    "parse_action",
    "parse_value",
]

QUEUE_STATUS = "machine"
CONTEXT_CHARS = 240
HELP = ("a accept · r reject · e FIELD=VALUE edit (lists: comma-separated; actors: "
        "'Name [type] (CC); …'; or JSON) · s skip · q quit")
Kind = Literal["accept", "reject", "edit", "skip", "quit"]
_WORDS: dict[str, Kind] = {"a": "accept", "accept": "accept", "r": "reject", "reject": "reject",
                           "e": "edit", "edit": "edit", "s": "skip", "skip": "skip", "n": "skip",
                           "q": "quit", "quit": "quit"}
_ACTOR = re.compile(r"^(?P<name>.*?)\s*(?:\[(?P<type>[^\]]*)\])?\s*(?:\((?P<country>[A-Za-z]{2})\))?$")


def next_event(session: Session, after: int | None = None) -> int | None:
    """Id of the first event still in status ``machine`` after ``after`` (oldest first)."""
    query = select(EventRecord.id).where(EventRecord.status == QUEUE_STATUS)
    if after is not None:
        query = query.where(EventRecord.id > after)
    return session.scalar(query.order_by(EventRecord.id).limit(1))


def queue_length(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(EventRecord)
                          .where(EventRecord.status == QUEUE_STATUS)) or 0


@dataclass
class SourceView:
    """One document reporting the event, cut to the evidence and some text on each side."""

    doc_id: str
    title: str | None
    url: str | None
    before: str
    evidence: str
    after: str
    found: bool  # whether the evidence was found in the text (else: the text's start)


@dataclass
class ReviewItem:
    id: int
    status: str
    event: Event
    sources: list[SourceView] = field(default_factory=list)
    remaining: int = 0


def evidence_context(text: str, evidence: str, width: int = CONTEXT_CHARS
                     ) -> tuple[str, str, str, bool]:
    """(text before, the evidence as written in the text, text after, found) for display.

    Matched ignoring case and runs of whitespace, since extraction may normalise both.
    """
    words = evidence.split()
    hit = (re.search(r"\s+".join(re.escape(word) for word in words), text, re.IGNORECASE)
           if words else None)
    if hit is None:
        head = text[: 2 * width]
        return head + ("…" if len(text) > len(head) else ""), "", "", False
    start, end = hit.span()
    before = text[max(0, start - width):start]
    after = text[end:end + width]
    return (("…" if start > width else "") + before, text[start:end],
            after + ("…" if end + width < len(text) else ""), True)


def load_item(session: Session, event_id: int) -> ReviewItem:
    """An event with each source document cut around its evidence."""
    record = session.get(EventRecord, event_id)
    if record is None:
        raise ReviewError(f"no event with id {event_id}")
    sources = []
    doc_ids = []
    for source, document in session.execute(
            select(EventSource, DocumentRecord)
            .join(DocumentRecord, EventSource.document_id == DocumentRecord.id)
            .where(EventSource.event_id == event_id).order_by(EventSource.id)):
        doc_ids.append(document.doc_id)
        before, match, after, found = evidence_context(document.text, source.evidence or record.evidence)
        sources.append(SourceView(document.doc_id, document.title, document.url, before, match, after,
                                  found))
    return ReviewItem(record.id, record.status, record_event(record, doc_ids), sources,
                      queue_length(session))


@dataclass
class Action:
    kind: Kind
    changes: dict[str, Any] = field(default_factory=dict)


def _actors(field_name: str, raw: str, event: Event) -> list[dict[str, Any]]:
    """``Name [type] (CC); …`` -> actor dicts; a missing type/country comes from the old entry."""
    old = event.chinese_actors if field_name == "chinese_actors" else event.lac_actors
    found = []
    for index, part in enumerate(p.strip() for p in raw.split(";")):
        if not part:
            continue
        match = _ACTOR.match(part)
        assert match is not None  # the pattern matches any string
        name = match["name"].strip()
        previous = old[index] if index < len(old) else (old[0] if old else None)
        if field_name == "chinese_actors":
            kind = match["type"] or (str(previous.type) if previous else str(event.channel))
            found.append({"name": name, "type": kind.strip()})
        else:
            kind = match["type"] or (str(previous.type) if previous else "party")
            country = (match["country"].upper() if match["country"]
                       else previous.country if previous
                       else event.lac_countries[0] if event.lac_countries else None)
            found.append({"name": name, "type": kind.strip(), "country": country})
    return found


def parse_value(field_name: str, raw: str, event: Event) -> Any:
    """A reviewer's typed value -> the codebook value (validated later by the codebook)."""
    raw = raw.strip()
    if raw[:1] in "[{" and raw:
        try:
            return json.loads(raw)
        except json.JSONDecodeError as error:
            raise ReviewError(f"{field_name}: not JSON ({error.msg})") from None
    empty = raw.lower() in ("", "null", "none", "-")
    if field_name in LISTS:
        if empty:
            return []
        if field_name in ("chinese_actors", "lac_actors"):
            return _actors(field_name, raw, event)
        items = [item for item in re.split(r"[,;\s]+", raw) if item]
        return [item.upper() if field_name.startswith("lac_") else item.lower() for item in items]
    if field_name == "leftist":
        words = {"true": True, "yes": True, "y": True, "1": True, "si": True, "sí": True,
                 "false": False, "no": False, "n": False, "0": False}
        if raw.lower() not in words:
            raise ReviewError(f"leftist: say true or false, not {raw!r}")
        return words[raw.lower()]
    if empty and field_name in ("date", "end_date", "occasion"):
        return None
    return raw


def parse_action(line: str, event: Event) -> Action:
    """A reviewer's line -> an action; ReviewError (with the help text) for anything else."""
    word, _, rest = line.strip().partition(" ")
    kind = _WORDS.get(word.lower())
    if kind is None:
        raise ReviewError(f"unknown command {word!r}: {HELP}" if word else HELP)
    if kind != "edit":
        return Action(kind)
    name, equals, raw = rest.partition("=")
    name = name.strip()
    if not equals or not name:
        raise ReviewError("edit how? e FIELD=VALUE, e.g. e channel=state")
    if name not in CODED_FIELDS:
        raise ReviewError(f"no field {name!r}; fields: {', '.join(CODED_FIELDS)}")
    return Action("edit", {name: parse_value(name, raw, event)})


def _learn_aliases(session: Session, event_id: int, before: Event, after: Event, who: str,
                   resolver: ActorResolver | None) -> list[str]:
    """An actor renamed in place: the old spelling becomes a review alias of the new actor."""
    learned = []
    for side, old, new in (("cn", before.chinese_actors, after.chinese_actors),
                           ("lac", before.lac_actors, after.lac_actors)):
        if len(old) != len(new):
            continue  # actors added or removed: not a correction of a spelling
        for was, now in zip(old, new, strict=True):
            if normalise(was.name) == normalise(now.name):
                continue
            if getattr(was, "country", None) != getattr(now, "country", None):
                continue  # another country's organisation: a different actor, not a spelling
            key = session.scalar(
                select(ActorRecord.key).join(EventActor, EventActor.actor_id == ActorRecord.id)
                .where(EventActor.event_id == event_id, EventActor.side == side,
                       EventActor.name == now.name))
            if key is not None:
                add_alias(session, key, was.name, who, resolver)
                learned.append(f"{was.name!r} -> {key}")
    return learned


def apply_action(session: Session, event_id: int, action: Action, who: str,
                 resolver: ActorResolver | None = None) -> str:
    """Apply accept / reject / edit to one event inside the caller's transaction; a message."""
    if action.kind == "accept":
        set_status(session, event_id, "verified", who)
        return f"event {event_id} verified"
    if action.kind == "reject":
        set_status(session, event_id, "rejected", who)
        return f"event {event_id} rejected"
    if action.kind != "edit":
        raise ReviewError(f"{action.kind} changes nothing in the store")
    record = session.get(EventRecord, event_id)
    if record is None:
        raise ReviewError(f"no event with id {event_id}")
    before = record_event(record)
    changed = edit_event(session, event_id, action.changes, who, resolver)
    if not changed:
        return f"event {event_id}: nothing changed"
    learned = _learn_aliases(session, event_id, before, record_event(record), who, resolver)
    message = f"event {event_id}: {', '.join(changed)} changed (now {record.status})"
    return message + (f"; learned alias {', '.join(learned)}" if learned else "")
