"""The HTML report (escaping, self-containment, reference figures, method notes) and the
``enlace analyze`` / ``enlace report`` commands on a real store."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy.orm import Session
from test_analysis_data import sample_events, sample_frames
from typer.testing import CliRunner

from enlace.analysis import frames_from_events, load_frames
from enlace.analysis.compare import our_value
from enlace.analysis.report import ReportOptions, build_report
from enlace.cli import app
from enlace.codebook import CODEBOOK_VERSION
from enlace.store import list_events, open_engine
from enlace.store.seed import CitedEvent, insert_cited_events

ZHANG = {"figure_id": "rf-001", "seed": "001", "citation": "Zhang (2024)",
         "measure": "cpc_lac_exchanges", "value": "377", "unit": "exchanges",
         "period_start": "2013", "period_end": "2022", "country": "", "breakdown": "total", "note": ""}


def test_document_text_is_escaped() -> None:
    events = sample_events()
    events[0] = events[0].model_copy(update={"summary": "<h1>injected</h1>",
                                             "evidence": "<script>alert(1)</script>"})
    html = build_report(frames_from_events(events), ReportOptions(reference=[], accuracy={}))
    assert "&lt;h1&gt;injected&lt;/h1&gt;" in html
    assert "<h1>injected" not in html
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_report_is_self_contained_and_complete() -> None:
    html = build_report(sample_frames(), ReportOptions(reference=[ZHANG],
                                                       accuracy={"detection_f1": 0.8}))
    external = re.findall(r'(?:src|href)\s*=\s*"(?!data:|#)([^"]*)"', html)
    assert external == []
    assert "<script" not in html and "@import" not in html and "url(" not in html
    assert html.count('src="data:image/png;base64,') == 12  # every analysis has its figure
    assert f"codebook {CODEBOOK_VERSION}" in html
    assert "detection f1 0.800" in html
    assert "machine 8" in html  # review status counts


def test_reference_figures_beside_our_counts() -> None:
    frames = sample_frames()
    assert our_value(frames, ZHANG)[0] == 3  # the three party-channel events, 2018-2019
    bilateral = {**ZHANG, "measure": "cpc_lac_bilateral_exchanges", "country": "CU"}
    assert our_value(frames, bilateral)[0] == 1  # E1; E3 with Cuba is multilateral
    assert our_value(frames, {**ZHANG, "measure": "cpc_lac_multilateral_exchanges"})[0] == 1
    assert our_value(frames, {**ZHANG, "measure": "ild_lac_parties_met"})[0] == 2
    assert our_value(frames, {**ZHANG, "measure": "cpc_lac_exchanges_peak_year"})[0] == 2018
    ratio = {**ZHANG, "measure": "cpc_lac_exchanges_ratio_since_2020_to_pre_pandemic",
             "period_start": "2019", "period_end": "2021"}
    assert our_value(frames, ratio)[0] == round((1 / 3) / (2 / 6), 2)  # E3 in 2019-21 vs 2 in 2013-18
    assert our_value(frames, {**ZHANG, "measure": "sister_city_agreements_lac", "period_start": "",
                              "period_end": "2019"})[0] == 1
    assert our_value(frames, {**ZHANG, "measure": "cpaffc_partner_ngos"}) == (None, "")
    html = build_report(frames, ReportOptions(reference=[ZHANG]))
    row = re.search(r"<td>377</td><td>exchanges</td><td><b>(\d+)</b>", html)
    assert row and row.group(1) == "3"


@pytest.fixture()
def store(tmp_path):
    db = tmp_path / "store.db"
    engine = open_engine(str(db))
    items = [CitedEvent(e, "Test citation (2024)", "https://example.org/cite") for e in sample_events()]
    assert insert_cited_events(engine, items) == 8
    assert insert_cited_events(engine, items) == 0  # re-running adds nothing
    engine.dispose()
    return str(db)


def test_seeded_events_keep_citation_and_status(store) -> None:
    engine = open_engine(store)
    with Session(engine) as session:
        stored = list_events(session)
    assert len(stored) == 8 and {s.status for s in stored} == {"verified"}
    assert all(s.event.doc_ids for s in stored)
    frames = load_frames(engine)
    assert list(frames.events["date"][:2]) == ["2018-03-10", "2018-07"]  # oldest first, undated last
    engine.dispose()


def test_cli_analyze_json_and_figure(store, tmp_path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["analyze", "countries", "--db", store, "--json"])
    assert result.exit_code == 0, result.output
    assert [r["country"] for r in json.loads(result.stdout)][:1] == ["AR"]
    figure = tmp_path / "map.svg"
    result = runner.invoke(app, ["analyze", "subdivisions", "--db", store, "--figure", str(figure)])
    assert result.exit_code == 0 and figure.exists()
    result = runner.invoke(app, ["analyze", "change", "--at", "2020-01-01", "--db", store, "--json"])
    assert json.loads(result.stdout)[0] == {"group": "all", "before": 4, "after": 3,
                                            "before_per_year": 2.0, "after_per_year": 1.5,
                                            "change": -0.251}
    result = runner.invoke(app, ["analyze", "ego", "Jujuy", "--db", store, "--json"])
    assert len(json.loads(result.stdout)) == 4
    result = runner.invoke(app, ["analyze", "ego", "nobody", "--db", store])
    assert result.exit_code == 2 and "no actor" in result.output
    result = runner.invoke(app, ["analyze", "years", "--db", store, "--country", "AR", "--json"])
    assert {r["year"]: r["events"] for r in json.loads(result.stdout)} == {2019: 1, 2020: 1, 2021: 1}
    for command in (["shares"], ["channels"], ["actors"], ["network"], ["ties"], ["months"],
                    ["content"], ["timeline", "AR-Y"]):
        result = runner.invoke(app, ["analyze", *command, "--db", store])
        assert result.exit_code == 0, (command, result.output)


def test_cli_report_with_filters(store, tmp_path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", "-o", str(out), "--db", store, "--channel", "party",
                                      "--since", "2018"])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "channel = party" in html and "verified 3" in html
    assert "starter" in html or "Test citation" not in html  # extractor notes present
    assert "Extractors (event–source links): starter 8" in html
