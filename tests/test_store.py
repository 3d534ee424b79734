"""The store on both backends: ingest, idempotence, dedupe, actors, filters, search, review.

SQLite always; PostgreSQL too when ``ENLACE_TEST_PG`` names a reachable server
(``.ci/run`` starts one). Every test gets an empty database.
"""

from __future__ import annotations

import importlib.util
import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import Engine, create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from enlace.cli import app
from enlace.codebook import Document, Event
from enlace.store import (
    EventFilter,
    Ingestor,
    ReviewError,
    database_url,
    edit_event,
    get_event,
    list_events,
    open_engine,
    set_status,
    transact,
)
from enlace.store.models import (
    ActorRecord,
    DocumentRecord,
    EventActor,
    EventRecord,
    EventSource,
    ReviewLog,
)
from enlace.store.review import add_actor_alias
from enlace.store.search import search_documents

SYNTHETIC = Path(__file__).resolve().parents[1] / "benchmarks" / "synthetic.py"


def pg_server_url() -> str | None:
    """The PostgreSQL server URL for tests, or None (tests then skip with the reason)."""
    return os.environ.get("ENLACE_TEST_PG")


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A private database on the ENLACE_TEST_PG server for this test session."""
    url = pg_server_url()
    if not url:
        pytest.skip("PostgreSQL tests need ENLACE_TEST_PG=postgresql://... (see .ci/run)")
    admin_url = database_url(url)
    try:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            name = f"enlace_t_{uuid.uuid4().hex[:10]}"
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:  # noqa: BLE001 - any failure means "no server here"
        pytest.skip(f"PostgreSQL at ENLACE_TEST_PG unreachable: {type(error).__name__}: {error}")
    yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def postgres(pg_database: str) -> str:
    """An empty PostgreSQL database URL (schema dropped and re-created)."""
    engine = create_engine(pg_database, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return pg_database


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "enlace.db")
    return request.getfixturevalue("postgres")


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = open_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def synthetic() -> ModuleType:
    spec = importlib.util.spec_from_file_location("enlace_benchmarks_synthetic_store", SYNTHETIC)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def pipeline():  # noqa: ANN201 - the real extraction pipeline, built once
    from enlace.extract.pipeline import Pipeline

    return Pipeline()


class FixedPipeline:
    """Returns pre-written events per doc_id, so dedupe tests control the input exactly."""

    def __init__(self, events: dict[str, list[Event]]) -> None:
        self.events = events

    def extract(self, document: Document) -> list[Event]:
        return [e.model_copy(update={"doc_ids": [document.doc_id]})
                for e in self.events.get(document.doc_id, [])]


def event(**changes: object) -> Event:
    base = {
        "date": "2024-05-10", "format": "bilateral", "lac_countries": ["CU"],
        "lac_level": "national",
        "chinese_actors": [{"name": "International Department of the CPC Central Committee",
                            "type": "party"}],
        "lac_actors": [{"name": "Communist Party of Cuba", "type": "party", "country": "CU"}],
        "channel": "party", "content": "daily_interaction", "activity": "meeting",
        "mechanism": "bilateral", "leftist": True, "venue": "in_china",
        "summary": "IDCPC met the PCC.", "evidence": "met",
    }
    base.update(changes)
    return Event.model_validate(base)


def doc(doc_id: str, body: str, **meta: object) -> Document:
    return Document(doc_id=doc_id, text=body, **meta)


def counts(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        return {model.__tablename__: session.scalar(select(func.count()).select_from(model))
                for model in (DocumentRecord, EventRecord, EventSource, EventActor, ActorRecord)}


def write_corpus(synthetic: ModuleType, folder: Path, n: int, start: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n):
        record = synthetic.generate_document(7, i)
        (folder / f"{record['doc_id']}.json").write_text(json.dumps(record, ensure_ascii=False),
                                                         encoding="utf-8")
    return folder


# --------------------------------------------------------------------------- URL


def test_database_url_default_env_and_postgres(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    monkeypatch.delenv("ENLACE_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    assert database_url() == f"sqlite:///{tmp_path / 'enlace.db'}"
    monkeypatch.setenv("ENLACE_DB", str(tmp_path / "x.db"))
    assert database_url() == f"sqlite:///{tmp_path / 'x.db'}"
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("sqlite:///a.db") == "sqlite:///a.db"


# --------------------------------------------------------------------------- ingest


def test_ingest_stores_documents_events_sources_and_is_idempotent(
        engine: Engine, synthetic: ModuleType, pipeline: object, tmp_path: Path) -> None:
    folder = write_corpus(synthetic, tmp_path / "docs", 30)
    ingestor = Ingestor(engine, pipeline=pipeline)
    first = ingestor.ingest_paths(sorted(folder.iterdir()))
    assert first.documents_new == 30 and not first.failures
    assert first.events_new > 0
    before = counts(engine)
    assert before["documents"] == 30
    assert before["event_sources"] == first.events_new + first.events_attached
    again = Ingestor(engine, pipeline=pipeline).ingest_paths(sorted(folder.iterdir()))
    assert (again.documents_new, again.documents_skipped, again.events_new) == (0, 30, 0)
    assert counts(engine) == before
    with Session(engine) as session:
        source = session.scalars(select(EventSource)).first()
        assert source.extractor.startswith("rules@") and source.evidence
        orphans = session.scalar(select(func.count()).select_from(EventRecord).where(
            ~EventRecord.id.in_(select(EventSource.event_id))))
        assert orphans == 0


def test_same_text_is_one_document(engine: Engine) -> None:
    ingestor = Ingestor(engine, pipeline=FixedPipeline({}))
    assert ingestor.ingest_document(doc("a", "same words")).stored
    assert not ingestor.ingest_document(doc("b", "same words")).stored
    assert counts(engine)["documents"] == 1


def test_metadata_is_stored(engine: Engine) -> None:
    Ingestor(engine, pipeline=FixedPipeline({})).ingest_document(
        doc("d1", "texto\x00 con nulo", url="https://x.example/1", title="T", published="2024-05-11",
            language="es", source="Diario"))
    with Session(engine) as session:
        row = session.scalars(select(DocumentRecord)).one()
    assert (row.doc_id, row.url, row.title, row.published, row.language, row.source) == (
        "d1", "https://x.example/1", "T", "2024-05-11", "es", "Diario")
    assert row.text == "texto con nulo" and len(row.sha256) == 64


def test_later_report_attaches_to_stored_event(engine: Engine) -> None:
    pipeline = FixedPipeline({
        "a": [event(date="2024-05-10", fields=["political"])],
        "b": [event(date="2024-05-12", fields=["economic"], evidence="met again")],  # same occasion
        "c": [event(date="2024-05-12", activity="seminar", content="knowledge_exchange")],
        "d": [event(date="2024-09-01")],  # months later: another occasion
    })
    ingestor = Ingestor(engine, pipeline=pipeline)
    outcomes = [ingestor.ingest_document(doc(name, f"text of {name}")) for name in "abcd"]
    assert [(o.events_new, o.events_attached) for o in outcomes] == [(1, 0), (0, 1), (1, 0), (1, 0)]
    with Session(engine) as session:
        events = list_events(session, EventFilter(limit=None))
        assert len(events) == 3
        merged = next(e for e in events if len(e.event.doc_ids) == 2)
        assert merged.event.doc_ids == ["a", "b"]
        assert set(merged.event.fields) == {"political", "economic"}
        detail = get_event(session, merged.id)
        assert [s["evidence"] for s in detail.sources] == ["met", "met again"]


def test_events_of_one_document_are_never_merged(engine: Engine) -> None:
    ingestor = Ingestor(engine, pipeline=FixedPipeline({"a": [event(), event()]}))
    assert ingestor.ingest_document(doc("a", "two meetings")).events_new == 2


def test_reviewed_event_is_not_overwritten_by_a_later_report(engine: Engine) -> None:
    pipeline = FixedPipeline({"a": [event()], "b": [event(fields=["green"])]})
    ingestor = Ingestor(engine, pipeline=pipeline)
    ingestor.ingest_document(doc("a", "first"))
    with Session(engine) as session:
        event_id = session.scalar(select(EventRecord.id))
    transact(engine, lambda s: set_status(s, event_id, "verified", "ana"))
    assert ingestor.ingest_document(doc("b", "second")).events_attached == 1
    with Session(engine) as session:
        detail = get_event(session, event_id)
    assert detail.event.fields == [] and detail.status == "verified"
    assert detail.event.doc_ids == ["a", "b"]


# --------------------------------------------------------------------------- actors


def test_every_actor_points_to_one_canonical_actor(engine: Engine) -> None:
    pipeline = FixedPipeline({
        "a": [event(chinese_actors=[{"name": "IDCPC", "type": "party"}])],
        "b": [event(date="2023-01-05", chinese_actors=[{"name": "中联部", "type": "party"}],
                    lac_actors=[{"name": "Partido Inventado de Prueba", "type": "party",
                                 "country": "CU"}])],
    })
    ingestor = Ingestor(engine, pipeline=pipeline)
    for name in "ab":
        ingestor.ingest_document(doc(name, f"doc {name}"))
    with Session(engine) as session:
        links = session.execute(select(EventActor.name, ActorRecord.key, ActorRecord.provisional)
                                .join(ActorRecord)).all()
        n_events = session.scalar(select(func.count()).select_from(EventRecord))
        linked_events = session.scalar(select(func.count(func.distinct(EventActor.event_id))))
    assert n_events == linked_events == 2
    keys = {name: (key, provisional) for name, key, provisional in links}
    assert keys["IDCPC"] == keys["中联部"]
    assert not keys["IDCPC"][1]
    assert keys["Partido Inventado de Prueba"][1] is True  # unknown: a provisional actor


def test_review_alias_is_honoured_by_later_ingests(engine: Engine) -> None:
    ingestor = Ingestor(engine, pipeline=FixedPipeline({
        "a": [event()],
        "b": [event(date="2022-02-02", lac_actors=[{"name": "Los Comunistas Cubanos",
                                                    "type": "party", "country": "CU"}])],
    }))
    ingestor.ingest_document(doc("a", "a"))
    with Session(engine) as session:
        pcc = session.scalar(select(ActorRecord.key).where(ActorRecord.side == "lac"))
    transact(engine, lambda s: add_actor_alias(s, "Los Comunistas Cubanos", pcc))
    Ingestor(engine, pipeline=ingestor.pipeline).ingest_document(doc("b", "b"))
    with Session(engine) as session:
        assert len(list_events(session, EventFilter(actor=pcc))) == 2


# --------------------------------------------------------------------------- queries


@pytest.fixture
def varied(engine: Engine) -> Engine:
    pipeline = FixedPipeline({
        "cu": [event(date="2024-05-10")],
        "br": [event(date="2023-03", lac_countries=["BR"], lac_subdivisions=["BR-SP"],
                     lac_level="subnational", channel="subnational", leftist=False,
                     chinese_actors=[{"name": "Hubei Provincial Government", "type": "subnational"}],
                     lac_actors=[{"name": "Government of São Paulo", "type": "subnational_government",
                                  "country": "BR"}], content="knowledge_exchange",
                     activity="forum", mechanism="regional")],
        "nodate": [event(date=None, lac_countries=["VE"], lac_actors=[])],
    })
    ingestor = Ingestor(engine, pipeline=pipeline)
    ingestor.ingest_document(doc("cu", "El Departamento Internacional recibió al Partido Comunista "
                                       "de Cuba para una reunión de cooperación."))
    ingestor.ingest_document(doc("br", "湖北省政府代表团访问圣保罗州，双方举行经贸论坛。"))
    ingestor.ingest_document(doc("nodate", "Undated note on Venezuela."))
    return engine


@pytest.mark.parametrize(("flt", "expected"), [
    (EventFilter(), ["CU", "BR", "VE"]),
    (EventFilter(since="2024"), ["CU"]),
    (EventFilter(until="2023-12-31"), ["BR"]),
    (EventFilter(since="2023-03-31", until="2024-05-10"), ["CU", "BR"]),
    (EventFilter(countries=["BR", "VE"]), ["BR", "VE"]),
    (EventFilter(subdivisions=["BR-SP"]), ["BR"]),
    (EventFilter(channels=["party"]), ["CU", "VE"]),
    (EventFilter(contents=["knowledge_exchange"]), ["BR"]),
    (EventFilter(mechanisms=["regional"]), ["BR"]),
    (EventFilter(actor="Hubei"), ["BR"]),
    (EventFilter(actor="IDCPC"), []),
    (EventFilter(actor="International Department"), ["CU", "VE"]),
    (EventFilter(statuses=["rejected"]), []),
    (EventFilter(text="cooperación"), ["CU"]),
    (EventFilter(text="COOPERACIÓN partido"), ["CU"]),
    (EventFilter(text="经贸论坛"), ["BR"]),
    (EventFilter(text="湖北"), ["BR"]),  # two characters: below a trigram, still found
    (EventFilter(text="100%"), []),
    (EventFilter(channels=["party"], countries=["CU"], since="2024-05"), ["CU"]),
    (EventFilter(limit=1), ["CU"]),
    (EventFilter(limit=1, offset=1), ["BR"]),
])
def test_list_filters(varied: Engine, flt: EventFilter, expected: list[str]) -> None:
    with Session(varied) as session:
        found = list_events(session, flt)
    assert [e.event.lac_countries[0] for e in found] == expected


def test_search_documents_in_chinese_and_spanish(varied: Engine) -> None:
    with Session(varied) as session:
        assert [d.doc_id for d in search_documents(session, "圣保罗州")] == ["br"]
        assert [d.doc_id for d in search_documents(session, "Partido Comunista")] == ["cu"]
        assert search_documents(session, '"; DROP TABLE documents; --') == []
        assert [d.doc_id for d in search_documents(session, "venezuela")] == ["nodate"]


# --------------------------------------------------------------------------- review


def test_set_status_and_edit_record_audit_rows(varied: Engine) -> None:
    with Session(varied) as session:
        cu = list_events(session, EventFilter(countries=["CU"]))[0].id
    assert transact(varied, lambda s: set_status(s, cu, "verified", "ana"))
    assert not transact(varied, lambda s: set_status(s, cu, "verified", "ana"))
    changed = transact(varied, lambda s: edit_event(
        s, cu, {"venue": "in_lac", "lac_countries": ["CU", "VE"], "format": "multilateral"}, "luis"))
    assert sorted(changed) == ["format", "lac_countries", "venue"]
    with pytest.raises(ReviewError):
        transact(varied, lambda s: set_status(s, cu, "approved", "ana"))
    with pytest.raises(ReviewError):
        transact(varied, lambda s: edit_event(s, cu, {"date": "10 May"}, "luis"))
    with pytest.raises(ReviewError):
        transact(varied, lambda s: edit_event(s, cu, {"status": "machine"}, "luis"))
    with Session(varied) as session:
        detail = get_event(session, cu)
        assert detail.status == "corrected" and detail.event.venue == "in_lac"
        history = [(h["who"], h["action"], h["field"], h["before"], h["after"])
                   for h in detail.history]
        assert ("ana", "status", "status", "machine", "verified") in history
        assert ("luis", "edit", "venue", "in_china", "in_lac") in history
        assert ("luis", "edit", "lac_countries", ["CU"], ["CU", "VE"]) in history
        assert ("luis", "status", "status", "verified", "corrected") in history
        assert all(h["at"] for h in detail.history)
        assert session.scalar(select(func.count()).select_from(ReviewLog)) == len(history) == 5
        assert [e.id for e in list_events(session, EventFilter(countries=["VE"]))][0] == cu
        assert len(list_events(session, EventFilter(statuses=["corrected"]))) == 1


# --------------------------------------------------------------------------- CLI


def test_cli_ingest_list_show(db_url: str, synthetic: ModuleType, tmp_path: Path) -> None:
    folder = write_corpus(synthetic, tmp_path / "docs", 12)
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(folder), "--db", db_url, "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "12 new documents" in result.output
    listed = runner.invoke(app, ["events", "list", "--db", db_url, "--format", "jsonl",
                                 "--limit", "0"])
    assert listed.exit_code == 0, listed.output
    rows = [json.loads(line) for line in listed.stdout.splitlines() if line.startswith("{")]
    assert rows and all({"id", "status", "date", "doc_ids"} <= set(row) for row in rows)
    country = rows[0]["lac_countries"][0]
    table = runner.invoke(app, ["events", "list", "--db", db_url, "--country", country.lower()])
    assert table.exit_code == 0 and country in table.stdout
    shown = runner.invoke(app, ["events", "show", str(rows[0]["id"]), "--db", db_url])
    assert shown.exit_code == 0
    detail = json.loads(shown.stdout)
    assert detail["sources"][0]["doc_id"] in rows[0]["doc_ids"] and detail["actors"]
    missing = runner.invoke(app, ["events", "show", "999999", "--db", db_url])
    assert missing.exit_code == 1
    bad = runner.invoke(app, ["events", "list", "--db", db_url, "--since", "May 2024"])
    assert bad.exit_code != 0


def test_cli_uses_enlace_db_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "env.db"
    monkeypatch.setenv("ENLACE_DB", str(path))
    result = CliRunner().invoke(app, ["events", "list"])
    assert result.exit_code == 0 and path.exists()
