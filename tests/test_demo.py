"""``enlace demo`` end to end in an empty directory: database, report, PNGs, starter events."""

from __future__ import annotations

import json
import socket
import time

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from enlace.cli import app
from enlace.demo import FIGURES, demo_documents_path, load_starter_items
from enlace.store import open_engine
from enlace.store.models import DocumentRecord, EventRecord, EventSource


def test_demo_documents_are_marked_invented_and_multilingual() -> None:
    lines = [json.loads(line) for line in demo_documents_path().read_text(encoding="utf-8").splitlines()]
    assert 8 <= len(lines) <= 12
    assert {doc["language"] for doc in lines} >= {"en", "es", "pt", "zh"}
    for doc in lines:
        assert doc["source"] == "enlace demo (invented)"
        assert any(mark in doc["text"] for mark in ("invented", "inventados", "inventados", "虚构",
                                                    "fatos são inventados")), doc["doc_id"]


def test_demo_end_to_end(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)

    def no_network(*args, **kwargs):
        raise AssertionError("enlace demo must not touch the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    started = time.perf_counter()
    result = CliRunner().invoke(app, ["demo"])
    elapsed = time.perf_counter() - started
    assert result.exit_code == 0, result.output
    assert elapsed < 60
    out = tmp_path / "enlace-demo"
    report = out / "report.html"
    assert (out / "enlace.db").exists() and report.exists()
    for name in [*FIGURES, "actor_network.png"]:
        assert (out / name).read_bytes()[:4] == b"\x89PNG", name
    html = report.read_text(encoding="utf-8")
    assert "enlace demo" in html and 'src="http' not in html
    assert "report.html" in result.output and "enlace.db" in result.output

    engine = open_engine(str(out / "enlace.db"))
    with Session(engine) as session:
        machine = session.scalar(select(func.count()).select_from(EventRecord)
                                 .where(EventRecord.status == "machine"))
        demo_docs = session.scalar(select(func.count()).select_from(DocumentRecord)
                                   .where(DocumentRecord.doc_id.like("demo-%")))
        starter = session.scalar(select(func.count()).select_from(EventSource)
                                 .where(EventSource.extractor == "starter"))
    engine.dispose()
    assert demo_docs >= 8 and machine >= 5  # the demo documents went through extraction

    items, missing = load_starter_items()
    if missing:
        pytest.skip(f"starter dataset not present yet, starter assertions skipped: {missing}")
    assert starter == len(items) > 0
    assert all(item.citation for item in items)


def test_demo_rerun_starts_afresh(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["demo"]).exit_code == 0
    first = (tmp_path / "enlace-demo" / "enlace.db").stat().st_size
    assert runner.invoke(app, ["demo"]).exit_code == 0
    engine = open_engine(str(tmp_path / "enlace-demo" / "enlace.db"))
    with Session(engine) as session:
        documents = session.scalar(select(func.count()).select_from(DocumentRecord)
                                   .where(DocumentRecord.doc_id.like("demo-%")))
    engine.dispose()
    assert documents == len(demo_documents_path().read_text(encoding="utf-8").splitlines())
    assert first > 0
