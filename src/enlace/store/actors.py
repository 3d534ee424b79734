"""Pointing every actor of a stored event to one canonical actor row.

Why: the same organisation is written many ways across documents and languages;
filters and counts need one identity. The resolver (``enlace.resolve.actors``)
decides the canonical actor — a gazetteer entry or a new provisional one — and
this module persists its answer: the ``actors`` row (by its unique key), the
spelling seen as an alias, and the event's link. Aliases stored earlier are fed
back into the resolver so later runs resolve the same way.
"""

from __future__ import annotations

from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from enlace.codebook import Event
from enlace.store.models import ActorAlias, ActorRecord, EventActor

CHINESE = "chinese"
LAC = "lac"


class Canonical(Protocol):
    key: str
    name: str
    side: str
    type: str | None
    country: str | None
    provisional: bool


class Resolver(Protocol):
    def resolve(self, name: str, side: str, country: str | None = None,
                type: str | None = None) -> Canonical: ...

    def add_alias(self, alias: str, key: str) -> None: ...


def stored_aliases(session: Session) -> dict[str, str]:
    """alias -> actor key for every alias the store has recorded."""
    rows = session.execute(select(ActorAlias.alias, ActorRecord.key)
                           .join(ActorRecord, ActorAlias.actor_id == ActorRecord.id))
    return {alias: key for alias, key in rows}


def make_resolver(session: Session | None = None) -> Resolver:
    """The gazetteer resolver, taught the aliases already in the store."""
    from enlace.gazetteer import load_gazetteer
    from enlace.resolve.actors import ActorResolver

    extra = stored_aliases(session) if session is not None else {}
    return ActorResolver.from_gazetteer(load_gazetteer(), extra_aliases=extra)


def _value(item: Any) -> str | None:
    return None if item is None else str(getattr(item, "value", item))


def actor_row(session: Session, canonical: Canonical) -> ActorRecord:
    """The stored actor for a canonical key, inserted the first time it is seen."""
    row = session.scalar(select(ActorRecord).where(ActorRecord.key == canonical.key))
    if row is None:
        row = ActorRecord(key=canonical.key, name=canonical.name, side=_value(canonical.side) or "",
                          type=_value(canonical.type), country=canonical.country,
                          provisional=bool(canonical.provisional))
        session.add(row)
        session.flush()
    return row


def remember_alias(session: Session, actor: ActorRecord, alias: str) -> None:
    """Record a spelling of an actor other than its canonical name (once)."""
    if alias == actor.name:
        return
    exists = session.scalar(select(ActorAlias.id).where(ActorAlias.alias == alias,
                                                        ActorAlias.actor_id == actor.id))
    if exists is None:
        session.add(ActorAlias(alias=alias, actor_id=actor.id))


def event_mentions(event: Event) -> list[tuple[str, str, str | None, str | None]]:
    """(name, side, country, type) of every actor of an event, Chinese side first."""
    found: list[tuple[str, str, str | None, str | None]] = []
    for actor in event.chinese_actors:
        found.append((actor.name, CHINESE, None, _value(actor.type)))
    for actor in event.lac_actors:
        found.append((actor.name, LAC, actor.country, _value(actor.type)))
    return found


def link_actors(session: Session, event_id: int, event: Event, resolver: Resolver) -> None:
    """Link an event's actors to canonical actors, replacing any previous links."""
    linked: dict[int, EventActor] = {
        link.actor_id: link for link in
        session.scalars(select(EventActor).where(EventActor.event_id == event_id))}
    wanted: set[int] = set()
    for name, side, country, kind in event_mentions(event):
        canonical = resolver.resolve(name, side, country=country, type=kind)
        actor = actor_row(session, canonical)
        remember_alias(session, actor, name)
        if actor.id not in wanted and actor.id not in linked:
            link = EventActor(event_id=event_id, actor_id=actor.id, side=side, name=name)
            session.add(link)
            linked[actor.id] = link
        wanted.add(actor.id)
    for actor_id, link in linked.items():
        if actor_id not in wanted:
            session.delete(link)
    session.flush()
