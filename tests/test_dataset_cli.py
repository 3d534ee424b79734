"""``enlace export / import / actors`` on a real SQLite file: every format read back, bad input."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pandas as pd
import pyarrow.parquet as pq
import pytest
from sqlalchemy.orm import Session
from test_store import FixedPipeline, doc, event
from typer.testing import CliRunner

from enlace.cli import app
from enlace.codebook import parse_event
from enlace.store import EventFilter, Ingestor, list_events, open_engine

runner = CliRunner()
JUJUY = {"date": "2024-06-01", "lac_countries": ["AR"], "lac_subdivisions": ["AR-Y"],
         "lac_level": "subnational", "channel": "subnational", "leftist": False,
         "chinese_actors": [{"name": "Jiangsu Provincial Government", "type": "subnational"}],
         "lac_actors": [{"name": "Government of Jujuy", "type": "subnational_government",
                         "country": "AR"}]}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Two documents, two events (Cuba; Jujuy), built once and only read by the export test."""
    path = str(tmp_path_factory.mktemp("dataset") / "enlace.db")
    engine = open_engine(path)
    ingestor = Ingestor(engine, pipeline=FixedPipeline({"a": [event()], "b": [event(**JUJUY)]}))
    ingestor.ingest_document(doc("a", "IDCPC met the PCC."))
    ingestor.ingest_document(doc("b", "Jujuy and Jiangsu."))
    engine.dispose()
    return path


def invoke(*args: str, **kwargs: object):  # noqa: ANN201 - click's Result
    return runner.invoke(app, [str(a) for a in args], **kwargs)


def one_line_error(result, *words: str) -> None:  # noqa: ANN001
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error"), result.stderr
    for word in words:
        assert word in lines[0], lines[0]


def test_export_every_format_and_read_it_back(db: str, tmp_path: Path) -> None:
    out = {fmt: tmp_path / f"events.{fmt}" for fmt in
           ("csv", "jsonl", "parquet", "dta", "xlsx", "graphml", "gexf", "geojson")}
    for fmt, path in out.items():
        result = invoke("export", "--db", db, "--format", fmt, "-o", path)
        assert result.exit_code == 0, result.output
    with out["csv"].open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["status"] for r in rows] == ["machine", "machine"] and rows[0]["lac_subdivisions"] == "AR-Y"
    lines = out["jsonl"].read_text(encoding="utf-8").splitlines()
    events = [parse_event({k: v for k, v in json.loads(line).items() if k != "store"}) for line in lines]
    assert {e.lac_countries[0] for e in events} == {"AR", "CU"}
    assert json.loads(lines[0])["store"]["status"] == "machine"
    assert pq.read_table(out["parquet"]).num_rows == 2
    stata = pd.read_stata(out["dta"])
    assert list(stata["date"]) == ["2024-06-01", "2024-05-10"] and list(stata["leftist"]) == [0, 1]
    assert len(pd.read_excel(out["xlsx"], sheet_name="events")) == 2
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        graph = read(out[fmt])
        assert graph.number_of_edges() == 2
        assert {d["side"] for _, d in graph.nodes(data=True)} == {"china", "lac"}
    geo = json.loads(out["geojson"].read_text(encoding="utf-8"))
    assert [f["properties"]["code"] for f in geo["features"]] == ["AR-Y"]
    filtered = invoke("export", "--db", db, "--format", "csv", "-o", tmp_path / "cu.csv",
                      "--country", "cu")
    assert filtered.exit_code == 0 and "1 events" in filtered.stderr
    one_line_error(invoke("export", "--db", db, "--format", "sav", "-o", tmp_path / "x.sav"),
                   "unknown export format 'sav'")
    one_line_error(invoke("export", "--db", db, "--format", "csv", "-o",
                          out["csv"] / "x.csv"), "x.csv")  # the parent is a file


SPANISH = [["N°", "Fecha", "País", "Partido", "Tipo de intercambio", "Fuente"],
           ["1", "24/03/2022", "Cuba", "Partido Comunista de Cuba", "reunión", "doc-1"],
           ["2", "marzo de 2021", "Venezuela", "PSUV", "visita", "doc-2"]]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_import_spanish_table_with_mapping_and_gold(tmp_path: Path) -> None:
    db = str(tmp_path / "enlace.db")
    table = write_csv(tmp_path / "zhang.csv", SPANISH)
    result = invoke("import", table, "--db", db, "--mapping", "Tipo de intercambio=activity",
                    "--mapping", "Fuente=doc_ids", "--default", "channel=party",
                    "--default", "chinese_actors=Communist Party of China", "--coder", "zhang")
    assert result.exit_code == 0, result.output
    assert "2 documents (2 not in the store); 2 new events" in result.stderr
    with Session(open_engine(db)) as session:
        stored = list_events(session, EventFilter(limit=None))
    assert {(e.event.date, e.event.activity, e.status) for e in stored} == {
        ("2022-03-24", "meeting", "verified"), ("2021-03", "visit", "verified")}
    assert {e.event.doc_ids[0] for e in stored} == {"doc-1", "doc-2"}
    gold = tmp_path / "gold.jsonl"
    coded = event(date="2022-03-25", lac_countries=["CU"]).interchange()
    del coded["doc_ids"]
    gold.write_text(json.dumps({"doc_id": "doc-1", "events": [coded]}) + "\n"
                    + json.dumps({"doc_id": "doc-3", "events": []}) + "\n", encoding="utf-8")
    result = invoke("import", gold, "--db", db, "--coder", "ana")
    assert result.exit_code == 0, result.output
    assert "0 new events, 0 machine events verified, 1 already reviewed" in result.stderr
    report = json.loads(invoke("agreement", "--db", db, "--json").stdout)
    assert report["coders"] == ["ana", "zhang"] and report["documents"] == 1


def test_bad_input_files_give_one_line_errors(tmp_path: Path) -> None:
    db = str(tmp_path / "enlace.db")
    one_line_error(invoke("import", tmp_path / "nope.csv", "--db", db), "nope.csv", "no such file")
    bad_gold = tmp_path / "bad.jsonl"
    bad_gold.write_text('{"doc_id": "x", "events": [{"date": "May"}]}\n', encoding="utf-8")
    one_line_error(invoke("import", bad_gold, "--db", db), "bad.jsonl:1")
    not_json = tmp_path / "broken.jsonl"
    not_json.write_text("{oops\n", encoding="utf-8")
    one_line_error(invoke("import", not_json, "--db", db), "broken.jsonl:1", "not JSON")
    table = write_csv(tmp_path / "t.csv", SPANISH)
    one_line_error(invoke("import", table, "--db", db, "--mapping", "Nada=activity"), "t.csv", "Nada")
    one_line_error(invoke("import", table, "--db", db, "--mapping", "Fecha=colour"), "colour")
    odd = tmp_path / "events.odt"
    odd.write_text("x", encoding="utf-8")
    one_line_error(invoke("import", odd, "--db", db), "events.odt")
    rows = [SPANISH[0], ["1", "someday", "Cuba", "PCC", "reunión", "d"]]
    partly = write_csv(tmp_path / "partly.csv", rows)
    result = invoke("import", partly, "--db", db, "--default", "channel=party")
    assert result.exit_code == 1 and "partly.csv: row 2" in result.stderr
    assert "nothing imported" in result.stderr.strip().splitlines()[-1]


def test_actors_commands(tmp_path: Path) -> None:
    db = str(tmp_path / "enlace.db")
    engine = open_engine(db)
    invented = {"name": "Partido Inventado", "type": "party", "country": "CU"}
    ingestor = Ingestor(engine, pipeline=FixedPipeline({"a": [event()], "b": [event(
        date="2023-01-01", lac_actors=[invented])]}))
    ingestor.ingest_document(doc("a", "a"))
    ingestor.ingest_document(doc("b", "b"))
    listed = invoke("actors", "list", "--db", db, "--side", "lac", "--json")
    actors = {a["name"]: a for a in map(json.loads, listed.stdout.splitlines())}
    pcc, fake = actors["Communist Party of Cuba"]["key"], actors["Partido Inventado"]["key"]
    assert actors["Partido Inventado"]["provisional"] is True
    assert "Partido Inventado" in invoke("actors", "list", "--db", db, "--provisional").stdout
    result = invoke("actors", "merge", pcc, fake, "--db", db, "--who", "ana")
    assert result.exit_code == 0 and "1 events relinked" in result.stderr
    assert "Partido Inventado" in invoke("actors", "list", "--db", db, "-q", "inventado").stdout
    result = invoke("actors", "alias", pcc, "PCC de Cuba", "--db", db, "--who", "ana")
    assert result.exit_code == 0
    split = invoke("actors", "split", pcc, "Partido Nuevo", "--event", "2", "--db", db, "--who", "ana")
    assert split.exit_code == 0, split.output
    one_line_error(invoke("actors", "merge", pcc, "no-such-key", "--db", db), "no-such-key")
    one_line_error(invoke("actors", "split", pcc, "X", "--event", "99", "--db", db), "99")
    Ingestor(engine, pipeline=FixedPipeline({"c": [event(date="2020-01-01", lac_actors=[
        {"name": "PCC de Cuba", "type": "party", "country": "CU"}])]})).ingest_document(doc("c", "c"))
    with Session(engine) as session:
        assert len(list_events(session, EventFilter(actor=pcc))) == 2  # a and c; b was split off
    engine.dispose()
