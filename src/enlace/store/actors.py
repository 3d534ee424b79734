"""Pointing every actor of a stored event to one canonical actor row.

Why: the same organisation is written many ways across documents and languages;
filters and counts need one identity. The resolver (``enlace.resolve.actors``)
decides the canonical actor — a gazetteer entry or a new provisional one keyed
by the normalised name — and this module persists its answer: the ``actors``
row (by its unique key), the spelling seen as an alias, and the event's link.
Only review corrections (``origin='review'``) are fed back into the resolver:
spellings it found itself it will find again, and feeding them as overrides
would defeat its country-aware disambiguation ("PCC" in Cuba vs Colombia).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from enlace.codebook import Event
from enlace.resolve.actors import ActorResolver, CanonicalActor
from enlace.store.models import ActorAlias, ActorRecord, EventActor

CHINESE = "cn"
LAC = "lac"


def canonical(row: ActorRecord) -> CanonicalActor:
    """The resolver's view of a stored actor."""
    return CanonicalActor(row.key, row.name, row.side, row.type or "unknown", row.country,
                          row.provisional)


def review_aliases(session: Session) -> list[tuple[str, CanonicalActor]]:
    """(alias, actor) for every correction recorded in review, oldest first."""
    rows = session.execute(select(ActorAlias.alias, ActorRecord)
                           .join(ActorRecord, ActorAlias.actor_id == ActorRecord.id)
                           .where(ActorAlias.origin == "review").order_by(ActorAlias.id))
    return [(alias, canonical(actor)) for alias, actor in rows]


def make_resolver(session: Session | None = None) -> ActorResolver:
    """The gazetteer resolver, taught the review corrections already in the store."""
    from enlace.gazetteer import load_gazetteer

    extra = review_aliases(session) if session is not None else []
    return ActorResolver.from_gazetteer(load_gazetteer(), extra_aliases=extra)


def resolve(resolver: ActorResolver, name: str, side: str, country: str | None,
            kind: str | None) -> CanonicalActor:
    """The resolver's answer; a name it cannot normalise (punctuation only) stays provisional."""
    try:
        return resolver.resolve(name, side, country=country, type=kind)
    except ValueError:
        key = f"provisional:{side}:{' '.join(name.split()) or '?'}"
        return CanonicalActor(key, name.strip() or "?", side, kind or "unknown", country, True)


def actor_row(session: Session, canonical: CanonicalActor) -> ActorRecord:
    """The stored actor for a canonical key, inserted the first time it is seen."""
    row = session.scalar(select(ActorRecord).where(ActorRecord.key == canonical.key))
    if row is None:
        row = ActorRecord(key=canonical.key, name=canonical.name, side=canonical.side,
                          type=canonical.type, country=canonical.country,
                          provisional=bool(canonical.provisional))
        session.add(row)
        session.flush()
    return row


def remember_alias(session: Session, actor: ActorRecord, alias: str,
                   origin: str = "extracted") -> None:
    """Record a spelling of an actor other than its canonical name (once per origin)."""
    if alias == actor.name and origin == "extracted":
        return
    found = session.scalar(select(ActorAlias).where(ActorAlias.alias == alias,
                                                    ActorAlias.actor_id == actor.id))
    if found is None:
        session.add(ActorAlias(alias=alias, actor_id=actor.id, origin=origin))
    elif origin == "review":
        found.origin = origin
    session.flush()


def event_mentions(event: Event) -> list[tuple[str, str, str | None, str | None]]:
    """(name, side, country, type) of every actor of an event, Chinese side first."""
    found: list[tuple[str, str, str | None, str | None]] = []
    for actor in event.chinese_actors:
        found.append((actor.name, CHINESE, None, str(actor.type)))
    for actor in event.lac_actors:
        found.append((actor.name, LAC, actor.country, str(actor.type)))
    return found


def link_actors(session: Session, event_id: int, event: Event, resolver: ActorResolver,
                replace: bool = True) -> None:
    """Link an event's actors to canonical actors, replacing any previous links."""
    linked: dict[int, EventActor] = {
        link.actor_id: link for link in
        session.scalars(select(EventActor).where(EventActor.event_id == event_id))
    } if replace else {}
    wanted: set[int] = set()
    for name, side, country, kind in event_mentions(event):
        actor = actor_row(session, resolve(resolver, name, side, country, kind))
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
