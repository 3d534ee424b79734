"""Reliability of ingest: SIGKILL at any point, two ingests at once, hostile files.

Each test runs the real ``enlace ingest`` in subprocesses on a small generated
corpus and compares the database with an uninterrupted reference run.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session
from test_store import db_url, pg_database, postgres, synthetic, write_corpus  # noqa: F401
from typer.testing import CliRunner

from enlace.cli import app
from enlace.store import Ingestor, open_engine
from enlace.store.models import (
    ActorRecord,
    DocumentRecord,
    EventActor,
    EventCountry,
    EventRecord,
    EventSource,
)

CORPUS = 60
RUN = [sys.executable, "-c", "from enlace.cli import app; app()"]


def start_ingest(folder: Path, db: str) -> subprocess.Popen:
    return subprocess.Popen([*RUN, "ingest", str(folder), "--db", db, "--no-progress"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def snapshot(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        return {model.__tablename__: session.scalar(select(func.count()).select_from(model))
                for model in (DocumentRecord, EventRecord, EventSource, EventActor, ActorRecord,
                              EventCountry)}


def sources_per_document(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        rows = session.execute(
            select(DocumentRecord.doc_id, func.count(EventSource.id))
            .outerjoin(EventSource, EventSource.document_id == DocumentRecord.id)
            .group_by(DocumentRecord.doc_id))
        return dict(rows.all())


def assert_consistent(engine: Engine, expected_sources: dict[str, int]) -> None:
    """No partial document, no orphan row, a healthy file."""
    with Session(engine) as session:
        if engine.dialect.name == "sqlite":
            assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            indexed = session.execute(text("SELECT count(*) FROM documents_fts_docsize")).scalar()
            assert indexed == session.scalar(select(func.count()).select_from(DocumentRecord))
        unsourced = session.scalar(select(func.count()).select_from(EventRecord).where(
            ~EventRecord.id.in_(select(EventSource.event_id))))
        unlinked = session.scalar(select(func.count()).select_from(EventRecord).where(
            ~EventRecord.id.in_(select(EventActor.event_id))))
        assert (unsourced, unlinked) == (0, 0)
        duplicates = session.scalar(select(func.count()).select_from(
            select(DocumentRecord.sha256).group_by(DocumentRecord.sha256)
            .having(func.count() > 1).subquery()))
        assert duplicates == 0
    for doc_id, n in sources_per_document(engine).items():
        assert n == expected_sources[doc_id], f"{doc_id} stored with {n} of its events"


@pytest.fixture(scope="module")
def corpus(synthetic: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:  # noqa: F811
    return write_corpus(synthetic, tmp_path_factory.mktemp("corpus"), CORPUS)


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory
              ) -> tuple[dict[str, int], dict[str, int]]:
    """Counts and per-document sources of one uninterrupted ingest."""
    engine = open_engine(str(tmp_path_factory.mktemp("ref") / "ref.db"))
    report = Ingestor(engine).ingest_paths(sorted(corpus.iterdir()))
    assert report.documents_new == CORPUS and not report.failures
    result = snapshot(engine), sources_per_document(engine)
    engine.dispose()
    return result


def wait_for_documents(engine: Engine, process: subprocess.Popen, at_least: int,
                       timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if snapshot(engine)["documents"] >= at_least:
                return
        except Exception:  # noqa: BLE001 - schema not there yet: keep polling
            pass
        time.sleep(0.01)


def test_sigkill_at_any_point_then_rerun_completes(db_url: str, corpus: Path,  # noqa: F811
                                                   reference: tuple[dict, dict]) -> None:
    expected_counts, expected_sources = reference
    engine = open_engine(db_url) if "://" in db_url else None
    # First kill: early, while the process may still be creating the schema.
    process = start_ingest(corpus, db_url)
    time.sleep(1.0)
    process.send_signal(signal.SIGKILL)
    process.wait()
    engine = engine or open_engine(db_url)
    assert_consistent(engine, expected_sources)
    for target in (1, 20, 45):
        process = start_ingest(corpus, db_url)
        wait_for_documents(engine, process, target)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        assert_consistent(engine, expected_sources)
    assert snapshot(engine)["documents"] < CORPUS  # the kills did interrupt the work
    process = start_ingest(corpus, db_url)
    _out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    assert_consistent(engine, expected_sources)
    assert snapshot(engine) == expected_counts
    engine.dispose()


def test_two_ingests_at_once(db_url: str, corpus: Path,  # noqa: F811
                             reference: tuple[dict, dict]) -> None:
    expected_counts, expected_sources = reference
    engine = open_engine(db_url)  # schema first, so both processes race on the data itself
    processes = [start_ingest(corpus, db_url) for _ in range(2)]
    for process in processes:
        _out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
    assert_consistent(engine, expected_sources)
    assert snapshot(engine) == expected_counts
    engine.dispose()


def test_two_ingests_at_once_on_a_new_sqlite_file(tmp_path: Path, corpus: Path,
                                                  reference: tuple[dict, dict]) -> None:
    """Both processes also race to create the schema."""
    db = str(tmp_path / "new.db")
    processes = [start_ingest(corpus, db) for _ in range(2)]
    for process in processes:
        _out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
    engine = open_engine(db)
    assert_consistent(engine, reference[1])
    assert snapshot(engine) == reference[0]


def test_hostile_files_are_reported_by_name_and_skipped(db_url: str, synthetic: ModuleType,  # noqa: F811
                                                        tmp_path: Path) -> None:
    good = write_corpus(synthetic, tmp_path / "good", 3)
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(good), "--db", db_url, "--no-progress"]).exit_code == 0
    engine = open_engine(db_url)
    before = snapshot(engine)
    bad = write_corpus(synthetic, tmp_path / "bad", 2, start=100)
    (bad / "corrupt.json").write_text('{"doc_id": "c1", "text": "unfinished', encoding="utf-8")
    (bad / "junk.html").write_bytes(bytes(range(256)) * 64 + b"\x00\xff" * 5000)
    (bad / "huge.txt").write_text("China " * 120_000, encoding="utf-8")  # one 720k-char line
    (bad / "nul.jsonl").write_text(json.dumps({"doc_id": "n1", "text": "PCC\x00 Cuba reunión"}) + "\n"
                                   + "{not json}\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(bad), "--db", db_url, "--no-progress"])
    assert result.exit_code == 1
    for name in ("corrupt.json", "junk.html", "huge.txt", "nul.jsonl"):
        assert name in result.output, f"{name} not reported:\n{result.output}"
    after = snapshot(engine)
    assert after["documents"] == before["documents"] + 2  # the two good new ones
    assert after["events"] >= before["events"]
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(DocumentRecord).where(
            DocumentRecord.doc_id.in_(["c1", "n1"]))) == 0
    engine.dispose()
