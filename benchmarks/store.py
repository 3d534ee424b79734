"""Store benchmark: ingest throughput and ``events list`` latency on a large database.

Why both: ingest speed decides how fast a corpus becomes a dataset (it includes
extraction, resolution, de-duplication and the per-document transaction), and
list latency decides whether browsing a million events feels instant.

1. ingest: ``--docs`` synthetic documents (``benchmarks/synthetic.py``) written
   to a temporary folder (not timed), then ``Ingestor.ingest_paths`` timed:
   documents/s, events/s.
2. list: a database of ``--events`` events (default 1,000,000) with one source
   document per ``--events-per-doc`` events, canonical actor links and country
   rows, inserted in bulk (timed separately), then each filter of
   ``events list`` run ``--repeat`` times through :func:`enlace.store.list_events`;
   the median and worst latency are printed.

Usage: ``python benchmarks/store.py [--db URL] [--docs N] [--events N] [--json out.json]``.
Without ``--db`` a temporary SQLite file is used and deleted afterwards.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert
from sqlalchemy.orm import Session

from enlace.store import EventFilter, Ingestor, list_events, open_engine
from enlace.store.models import (
    ActorRecord,
    DocumentRecord,
    EventActor,
    EventCountry,
    EventRecord,
    EventSource,
    EventSubdivision,
    utcnow,
)

COUNTRIES = ["CU", "VE", "BR", "AR", "MX", "CL", "PE", "CO", "BO", "NI", "UY", "EC", "PA", "CR",
             "DO", "SV", "JM", "TT", "PY", "GY"]
CHANNELS = ["party", "state", "quasi_governmental", "subnational", "commercial", "academic",
            "diaspora"]
ACTIVITIES = ["meeting", "visit", "video_call", "training", "seminar", "forum", "signing", "message"]
WORDS_ES = ["cooperación", "reunión", "partido", "delegación", "intercambio", "comercio", "cultura",
            "desarrollo", "gobierno", "provincia", "inversión", "amistad"]
WORDS_ZH = ["中国", "合作", "会见", "代表团", "交流", "发展", "友好", "论坛", "经贸", "省政府"]
CHUNK = 20_000


def _synthetic():  # noqa: ANN202 - the sibling module, loaded by path
    path = Path(__file__).with_name("synthetic.py")
    spec = importlib.util.spec_from_file_location("enlace_benchmarks_synthetic", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bench_ingest(db: str, docs: int, seed: int) -> dict[str, Any]:
    """Ingest ``docs`` synthetic documents into ``db``; documents/s and events/s."""
    with tempfile.TemporaryDirectory() as folder:
        paths = _synthetic().write_corpus(Path(folder), docs, seed)
        engine = open_engine(db)
        ingestor = Ingestor(engine)
        start = time.perf_counter()
        report = ingestor.ingest_paths(sorted(paths))
        seconds = time.perf_counter() - start
        again_start = time.perf_counter()
        Ingestor(engine, pipeline=ingestor.pipeline).ingest_paths(sorted(paths))
        again = time.perf_counter() - again_start
        engine.dispose()
    extraction = sum(ingestor.pipeline.timings.values())
    return {"documents": report.documents_new, "events": report.events_new,
            "attached": report.events_attached, "seconds": round(seconds, 2),
            "docs_per_s": round(report.documents_new / seconds, 1),
            "extraction_share": round(extraction / seconds, 2),
            "reingest_docs_per_s": round(docs / again, 1)}


def _chunks(rows: list[dict[str, Any]], engine: Engine, table: Any) -> None:
    with engine.begin() as conn:
        for i in range(0, len(rows), CHUNK):
            conn.execute(insert(table), rows[i:i + CHUNK])


def generate_events(engine: Engine, n: int, per_doc: int, seed: int) -> float:
    """Bulk-insert ``n`` events (and their documents, sources, actors); returns seconds."""
    rng = random.Random(seed)
    start = time.perf_counter()
    now = utcnow()
    actors = [{"id": i + 1, "key": f"bench:{side}:{i}", "name": f"Bench {side} actor {i}",
               "side": side, "type": "party", "country": None if side == "cn" else COUNTRIES[i % 20],
               "provisional": False} for i, side in enumerate(["cn"] * 100 + ["lac"] * 400)]
    actors[0]["name"] = "International Department of the CPC Central Committee"
    actors[100]["name"] = "Communist Party of Cuba"
    _chunks(actors, engine, ActorRecord.__table__)
    n_docs = max(1, n // per_doc)
    documents: list[dict[str, Any]] = []
    for d in range(n_docs):
        words = rng.sample(WORDS_ES, 4) + rng.sample(WORDS_ZH, 3)
        documents.append({"id": d + 1, "sha256": f"{d:064x}", "doc_id": f"bench{d:07d}",
                          "published": None, "title": f"Documento {d}",
                          "text": " ".join(words) + f" documento número {d}.", "added_at": now})
        if len(documents) == CHUNK:
            _chunks(documents, engine, DocumentRecord.__table__)
            documents = []
    _chunks(documents, engine, DocumentRecord.__table__)
    epoch = date(2000, 1, 1)
    for offset in range(0, n, CHUNK * 5):
        events, sources, countries, subdivisions, links = [], [], [], [], []
        for i in range(offset + 1, min(n, offset + CHUNK * 5) + 1):
            day = (epoch + timedelta(days=rng.randrange(9500))).isoformat()
            country = COUNTRIES[min(int(rng.paretovariate(1.2)) - 1, 19)]
            roll = rng.random()
            status = "verified" if roll < 0.02 else "rejected" if roll < 0.025 else "machine"
            events.append({
                "id": i, "date": day, "end_date": None, "date_start": day, "date_end": day,
                "format": "bilateral", "lac_level": "national", "channel": rng.choice(CHANNELS),
                "content": rng.choice(["daily_interaction", "knowledge_exchange"]),
                "activity": rng.choice(ACTIVITIES),
                "mechanism": rng.choice(["bilateral"] * 8 + ["regional", "global"]),
                "leftist": country in ("CU", "VE", "NI"), "venue": "in_china",
                "lac_countries": [country], "lac_subdivisions": [], "chinese_actors": [],
                "lac_actors": [], "fields": [], "outcomes": [], "occasion": None,
                "summary": f"Synthetic event {i}", "evidence": "", "status": status,
                "created_at": now, "updated_at": now})
            sources.append({"event_id": i, "document_id": rng.randrange(n_docs) + 1,
                            "evidence": "", "extractor": "bench", "added_at": now})
            countries.append({"event_id": i, "country": country})
            if rng.random() < 0.05:
                subdivisions.append({"event_id": i, "subdivision": f"{country}-X"})
            links.append({"event_id": i, "actor_id": rng.randrange(100) + 1, "side": "cn",
                          "name": "cn"})
            links.append({"event_id": i, "actor_id": 101 + rng.randrange(400), "side": "lac",
                          "name": "lac"})
        for table, rows in ((EventRecord, events), (EventSource, sources),
                            (EventCountry, countries), (EventSubdivision, subdivisions),
                            (EventActor, links)):
            _chunks(rows, engine, table.__table__)
        print(f"  {min(n, offset + CHUNK * 5):,} events", file=sys.stderr, flush=True)
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    else:
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    return time.perf_counter() - start


QUERIES: dict[str, EventFilter] = {
    "newest 50 (no filter)": EventFilter(),
    "--country CU": EventFilter(countries=["CU"]),
    "--country GY (rare)": EventFilter(countries=["GY"]),
    "--since 2020-01 --until 2020-03": EventFilter(since="2020-01", until="2020-03"),
    "--channel party --country VE": EventFilter(channels=["party"], countries=["VE"]),
    "--subdivision CU-X": EventFilter(subdivisions=["CU-X"]),
    "--content knowledge_exchange --mechanism global": EventFilter(
        contents=["knowledge_exchange"], mechanisms=["global"]),
    "--status verified": EventFilter(statuses=["verified"]),
    "--actor 'Communist Party of Cuba'": EventFilter(actor="Communist Party of Cuba"),
    "--text cooperación": EventFilter(text="cooperación"),
    "--text 代表团 --country BR": EventFilter(text="代表团", countries=["BR"]),
    "--since 2024 --country BR --channel state --limit 500": EventFilter(
        since="2024", countries=["BR"], channels=["state"], limit=500),
}


def bench_list(engine: Engine, repeat: int) -> dict[str, dict[str, float]]:
    """Median and worst latency (ms) of each listing, on a warm connection."""
    results = {}
    with Session(engine) as session:
        for name, flt in QUERIES.items():
            times, found = [], 0
            for _ in range(repeat):
                start = time.perf_counter()
                found = len(list_events(session, flt))
                times.append((time.perf_counter() - start) * 1000)
            results[name] = {"median_ms": round(statistics.median(times), 1),
                             "max_ms": round(max(times), 1), "rows": found}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="store URL or SQLite path for the list benchmark "
                        "(must be empty); default a temporary SQLite file")
    parser.add_argument("--docs", type=int, default=1000, help="documents to ingest")
    parser.add_argument("--events", type=int, default=1_000_000, help="events to generate")
    parser.add_argument("--events-per-doc", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--skip-ingest", action="store_true")
    parser.add_argument("--skip-list", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_ingest:
            print(f"ingest: {args.docs} synthetic documents", file=sys.stderr)
            results["ingest"] = bench_ingest(str(Path(tmp) / "ingest.db"), args.docs, args.seed)
            print(json.dumps(results["ingest"]), flush=True)
        if not args.skip_list:
            engine = open_engine(args.db or str(Path(tmp) / "list.db"))
            print(f"list: generating {args.events:,} events", file=sys.stderr)
            seconds = generate_events(engine, args.events, args.events_per_doc, args.seed)
            results["generate_seconds"] = round(seconds, 1)
            results["list"] = bench_list(engine, args.repeat)
            engine.dispose()
            print(f"generated {args.events:,} events in {seconds:.0f} s")
            width = max(len(name) for name in results["list"])
            for name, row in results["list"].items():
                print(f"  {name:<{width}}  median {row['median_ms']:>8.1f} ms  "
                      f"max {row['max_ms']:>8.1f} ms  ({row['rows']} rows)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
