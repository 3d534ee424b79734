"""Schema migrations: a database made by the first revision upgrades in place on open."""

from __future__ import annotations

from sqlalchemy import func, insert, inspect, select
from sqlalchemy.orm import Session
from test_store import db_url, pg_database, postgres  # noqa: F401

from enlace.store import EventFilter, list_events, open_engine
from enlace.store.db import create_store_engine, current_revision, database_url, head_revision, upgrade
from enlace.store.models import DocumentRecord, EventCountry, EventRecord, EventSource, utcnow
from enlace.store.search import search_documents


def test_upgrade_from_first_revision_keeps_data(db_url: str) -> None:  # noqa: F811
    old = create_store_engine(database_url(db_url))
    upgrade(old, "0001")
    assert current_revision(old) == "0001"
    assert "review_log" not in inspect(old).get_table_names()
    now = utcnow()
    with old.begin() as conn:
        conn.execute(insert(DocumentRecord.__table__).values(
            id=1, sha256="0" * 64, doc_id="old-1", text="旧文档：中国与古巴举行会谈 reunión bilateral",
            added_at=now))
        conn.execute(insert(EventRecord.__table__).values(
            id=1, date="2020-01-02", date_start="2020-01-02", date_end="2020-01-02",
            format="bilateral", lac_level="national", channel="party", content="daily_interaction",
            activity="meeting", mechanism="bilateral", leftist=True, venue="in_china",
            lac_countries=["CU"], lac_subdivisions=[], chinese_actors=[], lac_actors=[], fields=[],
            outcomes=[], summary="old", evidence="old", status="verified",
            created_at=now, updated_at=now))
        conn.execute(insert(EventSource.__table__).values(
            event_id=1, document_id=1, evidence="old", extractor="rules@0.0", added_at=now))
        conn.execute(insert(EventCountry.__table__).values(event_id=1, country="CU"))
    old.dispose()

    engine = open_engine(db_url)  # upgrades on open
    assert current_revision(engine) == head_revision()
    assert {"actors", "actor_aliases", "event_actors", "review_log"} <= set(
        inspect(engine).get_table_names())
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(DocumentRecord)) == 1
        assert [d.doc_id for d in search_documents(session, "古巴举行")] == ["old-1"]
        assert [d.doc_id for d in search_documents(session, "reunión")] == ["old-1"]
        events = list_events(session, EventFilter(countries=["CU"], text="会谈"))
        assert [(e.id, e.status, e.event.doc_ids) for e in events] == [(1, "verified", ["old-1"])]
    open_engine(db_url).dispose()  # a second open finds nothing to do
    engine.dispose()
