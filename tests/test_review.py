"""The review queue: parsing commands, their effect and audit rows, and the terminal walk."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from test_store import FixedPipeline, doc, event
from typer.testing import CliRunner

from enlace.cli import app
from enlace.resolve.actors import ActorResolver
from enlace.review.walk import (
    apply_action,
    evidence_context,
    load_item,
    next_event,
    parse_action,
)
from enlace.store import EventFilter, Ingestor, ReviewError, get_event, list_events, open_engine, transact
from enlace.store.actors import make_resolver
from enlace.store.models import ActorAlias, EventRecord, ReviewLog


@cache
def gazetteer_resolver() -> ActorResolver:
    """Built once: a resolver for a store without review aliases (fresh databases)."""
    return make_resolver()


TEXT = ("<h1>Noticias</h1> [bold red]no markup[/] Beijing, 10 May 2024. Liu Jianchao "
        "MET   with the Communist Party of Cuba delegation. Other news follows.")


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "enlace.db")


@pytest.fixture
def engine(db: str) -> Iterator[Engine]:
    engine = open_engine(db)
    ingestor = Ingestor(engine, pipeline=FixedPipeline({
        "a": [event(evidence="Liu Jianchao met with the Communist Party of Cuba")],
        "b": [event(date="2023-01-01"), event(date="2022-01-01", lac_countries=["VE"],
                                              lac_actors=[], leftist=False)],
    }), resolver=gazetteer_resolver())
    ingestor.ingest_document(doc("a", TEXT, title="IDCPC y PCC"))
    ingestor.ingest_document(doc("b", "two meetings"))
    yield engine
    engine.dispose()


def ids(engine: Engine) -> list[int]:
    with Session(engine) as session:
        return list(session.scalars(select(EventRecord.id).order_by(EventRecord.id)))


def test_evidence_context() -> None:
    before, match, after, found = evidence_context(TEXT, "Liu Jianchao met with", width=20)
    assert found and match == "Liu Jianchao MET   with"
    assert before.startswith("…") and before.endswith("May 2024. ") and after.endswith("…")
    head, match, after, found = evidence_context("short text", "absent")
    assert (head, match, after, found) == ("short text", "", "", False)


def test_parse_action() -> None:
    current = event(lac_actors=[{"name": "Los Comunistas", "type": "party", "country": "CU"}])
    assert parse_action("a", current).kind == "accept"
    assert parse_action(" Reject ", current).kind == "reject"
    assert parse_action("q", current).kind == "quit" and parse_action("s", current).kind == "skip"
    assert parse_action("e channel=state", current).changes == {"channel": "state"}
    assert parse_action("e lac_countries=cu, ve", current).changes == {"lac_countries": ["CU", "VE"]}
    assert parse_action("edit leftist=no", current).changes == {"leftist": False}
    assert parse_action("e fields=Political;green", current).changes == {
        "fields": ["political", "green"]}
    assert parse_action("e end_date=", current).changes == {"end_date": None}
    assert parse_action("e lac_actors=Communist Party of Cuba", current).changes == {
        "lac_actors": [{"name": "Communist Party of Cuba", "type": "party", "country": "CU"}]}
    assert parse_action("e chinese_actors=CPAFFC [quasi_governmental]; IDCPC", current).changes == {
        "chinese_actors": [{"name": "CPAFFC", "type": "quasi_governmental"},
                           {"name": "IDCPC", "type": "party"}]}
    assert parse_action('e outcomes=["mou"]', current).changes == {"outcomes": ["mou"]}
    for bad, message in (("x", "unknown command"), ("e colour=red", "no field 'colour'"),
                         ("e channel", "e FIELD=VALUE"), ("e leftist=maybe", "true or false"),
                         ("e outcomes=[mou", "not JSON"), ("", "a accept")):
        with pytest.raises(ReviewError, match=message):
            parse_action(bad, current)


def test_queue_and_item(engine: Engine) -> None:
    first, second, third = ids(engine)
    with Session(engine) as session:
        assert next_event(session) == first and next_event(session, first) == second
        item = load_item(session, first)
    assert item.remaining == 3 and item.event.doc_ids == ["a"]
    source = item.sources[0]
    assert source.found and source.evidence.startswith("Liu Jianchao MET")
    assert source.title == "IDCPC y PCC"
    transact(engine, lambda s: apply_action(s, first, parse_action("a", item.event), "ana"))
    with Session(engine) as session:
        assert next_event(session) == second
    with pytest.raises(ReviewError, match="no event"), Session(engine) as session:
        load_item(session, 999)


def test_accept_edit_reject_write_audit_rows(engine: Engine) -> None:
    first, second, third = ids(engine)
    current = event()

    def run(event_id: int, line: str) -> str:
        return transact(engine, lambda s: apply_action(s, event_id, parse_action(line, current), "ana"))

    assert run(first, "a") == f"event {first} verified"
    assert "channel changed (now corrected)" in run(second, "e channel=state")
    assert run(second, "e channel=state").endswith("nothing changed")
    assert run(third, "r") == f"event {third} rejected"
    with pytest.raises(ReviewError, match="lac_countries"):
        run(first, "e lac_countries=cuba")  # not ISO alpha-2: the codebook says no, nothing written
    with Session(engine) as session:
        logs = [(log.event_id, log.who, log.action, log.field, log.before, log.after)
                for log in session.scalars(select(ReviewLog).order_by(ReviewLog.id))]
        statuses = dict(session.execute(select(EventRecord.id, EventRecord.status)).all())
    assert logs == [
        (first, "ana", "status", "status", "machine", "verified"),
        (second, "ana", "edit", "channel", "party", "state"),
        (second, "ana", "status", "status", "machine", "corrected"),
        (third, "ana", "status", "status", "machine", "rejected"),
    ]
    assert statuses == {first: "verified", second: "corrected", third: "rejected"}


def test_renaming_an_actor_in_review_becomes_an_alias(engine: Engine) -> None:
    ingestor = Ingestor(engine, pipeline=FixedPipeline({"c": [event(
        date="2021-06-06", lac_actors=[{"name": "Los Comunistas", "type": "party", "country": "CU"}])]}),
        resolver=gazetteer_resolver())
    ingestor.ingest_document(doc("c", "c"))
    with Session(engine) as session:
        target = session.scalar(select(EventRecord.id).where(EventRecord.date == "2021-06-06"))
        item = load_item(session, target)
    message = transact(engine, lambda s: apply_action(
        s, target, parse_action("e lac_actors=Communist Party of Cuba", item.event), "ana"))
    assert "learned alias 'Los Comunistas'" in message
    with Session(engine) as session:
        assert session.scalar(select(ActorAlias.origin).where(ActorAlias.alias == "Los Comunistas")
                              .where(ActorAlias.origin == "review")) == "review"
    later = Ingestor(engine, pipeline=FixedPipeline({"d": [event(
        date="2020-06-06", lac_actors=[{"name": "Los Comunistas", "type": "party", "country": "CU"}])]}))
    later.ingest_document(doc("d", "d"))
    with Session(engine) as session:
        found = list_events(session, EventFilter(actor="Communist Party of Cuba", limit=None))
        assert {e.event.date for e in found} >= {"2020-06-06", "2021-06-06"}


def test_cli_review_walks_the_queue_with_piped_input(engine: Engine, db: str) -> None:
    first, second, third = ids(engine)
    result = CliRunner().invoke(app, ["review", "--db", db, "--who", "ben"],
                                input="nonsense\na\ne activity=visit\ns\n")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "unknown command 'nonsense'" in out
    assert "<h1>Noticias</h1> [bold red]no markup[/]" in out  # document text printed as written
    assert f"event {first} verified" in out and "activity changed" in out
    assert "nothing left to review" in out
    with Session(engine) as session:
        assert get_event(session, first).status == "verified"
        assert get_event(session, second).event.activity == "visit"
        assert get_event(session, third).status == "machine"  # skipped
        assert {h["who"] for h in get_event(session, second).history} == {"ben"}
    quit_early = CliRunner().invoke(app, ["review", "--db", db, "--who", "ben"], input="q\n")
    assert quit_early.exit_code == 0 and "0 events reviewed" in quit_early.stderr
    eof = CliRunner().invoke(app, ["review", "--db", db, "--who", "ben"], input="r\n")
    assert eof.exit_code == 0 and "1 events reviewed" in eof.stderr
    with Session(engine) as session:
        assert get_event(session, third).status == "rejected"
