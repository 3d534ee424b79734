"""Curation on a real SQLite file: actors merge/split/alias, imports with codings, store exports."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

import networkx as nx
import pytest
from sqlalchemy import Engine, func, insert, select
from sqlalchemy.orm import Session
from test_store import FixedPipeline, doc, event

from enlace.resolve.actors import ActorResolver
from enlace.store import EventFilter, Ingestor, get_event, list_events, open_engine, transact
from enlace.store.actors import make_resolver
from enlace.store.curation import (
    CurationError,
    add_alias,
    export_store,
    import_events,
    list_actors,
    merge_actors,
    split_actor,
)
from enlace.store.db import create_store_engine, database_url, upgrade
from enlace.store.models import (
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

INVENTED = {"name": "Partido Inventado de Prueba", "type": "party", "country": "CU"}


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = open_engine(str(tmp_path / "enlace.db"))
    yield engine
    engine.dispose()


@cache
def gazetteer_resolver() -> ActorResolver:
    """Built once: a resolver for a store without review aliases (fresh databases)."""
    return make_resolver()


def ingest(engine: Engine, events: dict[str, list], fresh: bool = False) -> Ingestor:
    """Ingest fixed events; ``fresh``: a new resolver that learns the store's review aliases."""
    ingestor = Ingestor(engine, pipeline=FixedPipeline(events),
                        resolver=None if fresh else gazetteer_resolver())
    for name in events:
        ingestor.ingest_document(doc(name, f"text of {name}"))
    return ingestor


def actor_key(engine: Engine, name: str) -> str:
    with Session(engine) as session:
        return session.scalar(select(ActorRecord.key).where(ActorRecord.name == name))


def event_keys(engine: Engine, event_id: int) -> set[str]:
    with Session(engine) as session:
        return set(session.scalars(select(ActorRecord.key).join(EventActor)
                                   .where(EventActor.event_id == event_id)))


def test_merge_relinks_events_keeps_spellings_and_teaches_later_ingests(engine: Engine) -> None:
    ingest(engine, {"a": [event()], "b": [event(date="2023-01-05", lac_actors=[INVENTED])]})
    pcc, invented = actor_key(engine, "Communist Party of Cuba"), actor_key(engine, INVENTED["name"])
    assert invented.startswith("provisional:")
    moved = transact(engine, lambda s: merge_actors(s, pcc, invented, "ana"))
    assert moved == 1
    with Session(engine) as session:
        assert session.scalar(select(ActorRecord).where(ActorRecord.key == invented)) is None
        aliases = dict(session.execute(select(ActorAlias.alias, ActorAlias.origin)
                                       .join(ActorRecord).where(ActorRecord.key == pcc)).all())
        assert aliases[INVENTED["name"]] == "review"
        log = session.scalars(select(ActorLog)).one()
        assert (log.who, log.action, log.actor_key, log.before["key"]) == ("ana", "merge", pcc, invented)
        audit = session.scalars(select(ReviewLog).where(ReviewLog.action == "merge_actor")).one()
        assert audit.before["key"] == invented and audit.after["key"] == pcc
    assert len(list_events(Session(engine), EventFilter(actor=pcc))) == 2
    # A later document with the dropped spelling resolves to the kept actor.
    ingest(engine, {"c": [event(date="2021-07-07", lac_actors=[INVENTED])]}, fresh=True)
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(ActorRecord)
                              .where(ActorRecord.key == invented)) == 0
        assert len(list_events(session, EventFilter(actor=pcc))) == 3


def test_merge_errors(engine: Engine) -> None:
    ingest(engine, {"a": [event()]})
    pcc = actor_key(engine, "Communist Party of Cuba")
    idcpc = actor_key(engine, "International Department of the CPC Central Committee")
    for keep, drop, message in ((pcc, pcc, "itself"), (pcc, "nope", "no actor with key 'nope'"),
                                (pcc, idcpc, "cannot merge a cn actor into a lac actor")):
        with pytest.raises(CurationError, match=message):
            transact(engine, lambda s, k=keep, d=drop: merge_actors(s, k, d, "ana"))


def test_split_moves_events_to_a_new_actor_that_later_ingests_find(engine: Engine) -> None:
    ingest(engine, {"a": [event()], "b": [event(date="2023-03-03")]})
    pcc = actor_key(engine, "Communist Party of Cuba")
    with Session(engine) as session:
        first, second = sorted(session.scalars(select(EventRecord.id)))
    new_key = transact(engine, lambda s: split_actor(s, pcc, "Partido Comunista de Colombia",
                                                     [second], "ben"))
    assert new_key.startswith("provisional:lac:")
    assert event_keys(engine, first) == event_keys(engine, first) - {new_key}
    assert new_key in event_keys(engine, second) and pcc not in event_keys(engine, second)
    ingest(engine, {"c": [event(date="2020-02-02", lac_actors=[
        {"name": "Partido Comunista de Colombia", "type": "party", "country": "CU"}])]}, fresh=True)
    with Session(engine) as session:
        assert len(list_events(session, EventFilter(actor=new_key))) == 2
        assert session.scalars(select(ActorLog.action)).all() == ["split"]
    with pytest.raises(CurationError, match="not linked to event"):
        transact(engine, lambda s: split_actor(s, pcc, "Otro", [second], "ben"))


def test_alias_and_list_actors(engine: Engine) -> None:
    ingest(engine, {"a": [event()], "b": [event(date="2023-01-05", lac_actors=[INVENTED])]})
    pcc = actor_key(engine, "Communist Party of Cuba")
    transact(engine, lambda s: add_alias(s, pcc, "Los Comunistas Cubanos", "ana"))
    ingest(engine, {"c": [event(date="2022-02-02", lac_actors=[
        {"name": "Los Comunistas Cubanos", "type": "party", "country": "CU"}])]}, fresh=True)
    with Session(engine) as session:
        found = list_actors(session, query="comunistas cubanos")
        assert [a.key for a in found] == [pcc] and found[0].events == 2
        assert "Los Comunistas Cubanos" in found[0].aliases
        assert {a.side for a in list_actors(session, side="cn")} == {"cn"}
        assert [a.name for a in list_actors(session, provisional=True)] == [INVENTED["name"]]
        with pytest.raises(CurationError, match="side must be"):
            list_actors(session, side="xx")
    with pytest.raises(CurationError, match="no actor with key"):
        transact(engine, lambda s: add_alias(s, "missing", "x", "ana"))


def test_import_verifies_machine_events_and_records_codings(engine: Engine) -> None:
    resolver = ingest(engine, {"a": [event(fields=["political"])], "empty": []}).resolver
    gold = event(date="2024-05-11", fields=["political", "economic"], activity="signing",
                 outcomes=["mou"], doc_ids=["a"])
    unseen = event(date="2019-01-01", lac_countries=["VE"], leftist=True, doc_ids=["zzz"],
                   lac_actors=[{"name": "United Socialist Party of Venezuela", "type": "party",
                                "country": "VE"}])
    report = import_events(engine, [gold, unseen], "gold.jsonl", coder="ana",
                           coded_documents=["empty"], resolver=resolver)
    assert (report.documents, report.placeholders, report.events_new, report.events_verified,
            report.codings) == (3, 1, 1, 1, 3)
    with Session(engine) as session:
        machine_event = session.scalar(select(EventRecord.id).join(EventSource).join(DocumentRecord)
                                       .where(DocumentRecord.doc_id == "a"))
        detail = get_event(session, machine_event)
        assert detail.status == "verified" and detail.event.activity == "signing"
        edits = {h["field"]: h for h in detail.history if h["action"] == "edit"}
        assert edits["activity"]["before"] == "meeting" and edits["activity"]["after"] == "signing"
        assert all(h["who"] == "ana" for h in detail.history)
        assert [h["after"] for h in detail.history if h["action"] == "status"][-1] == "verified"
        statuses = dict(session.execute(select(EventRecord.id, EventRecord.status)).all())
        assert sorted(statuses.values()) == ["verified", "verified"]
        coders = session.execute(select(Coding.coder, func.count()).group_by(Coding.coder)).all()
        assert dict(coders) == {"machine": 2, "ana": 3}  # machine: a's event + empty's negative
    again = import_events(engine, [gold, unseen], "gold.jsonl", coder="ana",
                          coded_documents=["empty"], resolver=resolver)
    assert (again.events_new, again.events_verified, again.events_kept) == (0, 0, 2)
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(Coding)
                              .where(Coding.coder == "ana")) == 3
        assert session.scalar(select(func.count()).select_from(EventRecord)) == 2
    with pytest.raises(CurationError, match="machine"):
        import_events(engine, [gold], "x", coder="machine", resolver=resolver)


def test_export_store_canonical_network_and_rejected_left_out(engine: Engine, tmp_path: Path) -> None:
    ingest(engine, {"a": [event(chinese_actors=[{"name": "IDCPC", "type": "party"}])],
                    "b": [event(date="2023-01-05", chinese_actors=[{"name": "中联部", "type": "party"}])],
                    "c": [event(date="2022-01-05", lac_countries=["VE"], lac_actors=[])]})
    with Session(engine) as session:
        rejected = session.scalar(select(EventRecord.id).order_by(EventRecord.id.desc()))
    from enlace.store import set_status

    transact(engine, lambda s: set_status(s, rejected, "rejected", "ana"))
    path = tmp_path / "net.graphml"
    assert export_store(engine, path, "graphml") == 1
    graph = nx.read_graphml(path)
    chinese = [n for n, data in graph.nodes(data=True) if data["side"] == "china"]
    assert [graph.nodes[n]["label"] for n in chinese] == [
        "International Department of the CPC Central Committee"]
    edge = next(iter(graph.edges(data=True)))
    assert edge[2]["weight"] == 2
    assert export_store(engine, tmp_path / "all.jsonl", "jsonl", include_rejected=True) == 3
    with pytest.raises(CurationError, match="unknown export format"):
        export_store(engine, tmp_path / "x.bin", "bin")


def test_upgrade_backfills_machine_codings(tmp_path: Path) -> None:
    url = str(tmp_path / "old.db")
    old = create_store_engine(database_url(url))
    upgrade(old, "0002")
    now = utcnow()
    row = {"format": "bilateral", "lac_level": "national", "channel": "party",
           "content": "daily_interaction", "activity": "meeting", "mechanism": "bilateral",
           "leftist": True, "venue": "in_china", "lac_countries": ["CU"], "lac_subdivisions": [],
           "chinese_actors": [{"name": "Communist Party of China", "type": "party"}],
           "lac_actors": [], "fields": [], "outcomes": [], "summary": "s", "evidence": "e",
           "created_at": now, "updated_at": now}
    with old.begin() as conn:
        conn.execute(insert(DocumentRecord.__table__).values(id=1, sha256="0" * 64, doc_id="old",
                                                             text="t", added_at=now))
        conn.execute(insert(EventRecord.__table__).values(id=1, date="2020-01-02", status="machine",
                                                          **row))
        conn.execute(insert(EventRecord.__table__).values(id=2, date="2020-03-02", status="verified",
                                                          **row))
        for event_id in (1, 2):
            conn.execute(insert(EventSource.__table__).values(
                event_id=event_id, document_id=1, evidence="e", extractor="rules@0", added_at=now))
    old.dispose()
    engine = open_engine(url)
    with Session(engine) as session:
        coding = session.scalars(select(Coding)).one()
        assert (coding.coder, coding.event_id, coding.data["date"], coding.data["doc_ids"]) == (
            "machine", 1, "2020-01-02", ["old"])
    engine.dispose()
