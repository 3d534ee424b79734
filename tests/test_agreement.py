"""Krippendorff's alpha: textbook values, units matched by the codebook rule, the store's codings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy.orm import Session
from test_store import FixedPipeline, doc, event
from typer.testing import CliRunner

from enlace.cli import app
from enlace.review.agreement import (
    FIELDS,
    agreement,
    build_units,
    krippendorff_alpha,
    masi_distance,
    store_agreement,
)
from enlace.store import Ingestor, open_engine
from enlace.store.curation import import_events

S = frozenset


def test_nominal_alpha_by_hand() -> None:
    # 2 coders, 4 units: (a,a) (a,a) (b,b) (b,a). n=8, n_a=5, n_b=3, disagreeing pairs 2:
    # D_o = 2/8, D_e = 2*5*3/(8*7), alpha = 1 - (1/4)/(30/56) = 8/15.
    assert krippendorff_alpha([["a", "a"], ["a", "a"], ["b", "b"], ["b", "a"]]) == pytest.approx(8 / 15)


def test_krippendorffs_own_example() -> None:
    """Krippendorff (2011), "Computing Krippendorff's alpha-reliability", 3 coders, 12 units."""
    table = [[None, None, None, None, None, 3, 4, 1, 2, 1, 1, 3, 3, None, 3],
             [1, None, 2, 1, 3, 3, 4, 3, None, None, None, None, None, None, None],
             [None, None, 2, 1, 3, 4, 4, None, 2, 1, 1, 3, 3, None, 4]]
    units = [[row[i] for row in table if row[i] is not None] for i in range(15)]
    assert krippendorff_alpha(units) == pytest.approx(0.691, abs=5e-4)


def test_masi_alpha_by_hand() -> None:
    assert masi_distance(S(), S()) == 0 and masi_distance(S("a"), S("b")) == 1
    assert masi_distance(S("e"), S("ep")) == pytest.approx(1 - 0.5 * 2 / 3)
    assert masi_distance(S("ab"), S("bc")) == pytest.approx(1 - (1 / 3) * (1 / 3))
    # Units ({p},{p}) and ({e},{e,p}): D_o = (2 * 2/3) / 4 = 1/3; the 6 value pairs
    # 0, 1, 2/3, 1, 2/3, 2/3 sum to 4, so D_e = 8/12 = 2/3 and alpha = 1/2.
    units = [[S("p"), S("p")], [S("e"), S("ep")]]
    assert krippendorff_alpha(units, masi_distance) == pytest.approx(0.5)


def test_undefined_alpha_is_none() -> None:
    assert krippendorff_alpha([["a", "a"], ["a", "a"]]) is None  # no variation
    assert krippendorff_alpha([["a"], ["b"]]) is None  # nothing coded twice
    assert krippendorff_alpha([["a", "a"], ["b", "b"]]) == 1.0


def test_units_follow_the_codebook_matching_rule() -> None:
    ana = [event(date="2024-05-10"), event(date="2024-07-01", lac_countries=["VE"])]
    ben = [event(date="2024-05-12"), event(date="2024-09-01")]  # 2 days: same; 2 months: not
    units = build_units("d", {"ana": ana, "ben": ben}, ["ana", "ben"])
    assert [sorted(u.events) for u in units] == [["ana", "ben"], ["ana"], ["ben"]]


def codings(activities: dict[str, list[str]]) -> dict[str, dict[str, list]]:
    """One document per unit; each coder codes one event in each, differing only in activity."""
    docs: dict[str, dict[str, list]] = {}
    for coder, values in activities.items():
        for i, activity in enumerate(values):
            docs.setdefault(f"d{i}", {})[coder] = [event(activity=activity, doc_ids=[f"d{i}"],
                                                         fields=["political"] if i % 2 else [])]
    return docs


def test_perfect_agreement_and_a_known_disagreement() -> None:
    same = ["meeting", "meeting", "signing", "signing"]
    report = agreement(codings({"ana": same, "ben": same}))
    assert report.coders == ["ana", "ben"] and report.documents == 4
    assert report.between_coders["activity"].alpha == 1.0
    assert report.between_coders["fields"].alpha == 1.0
    assert report.between_coders["channel"].alpha is None  # one value throughout
    assert set(report.between_coders) == set(FIELDS)
    report = agreement(codings({"ana": same, "ben": ["meeting", "meeting", "signing", "meeting"]}))
    assert report.between_coders["activity"].alpha == pytest.approx(8 / 15)
    assert report.between_coders["activity"].units == 4
    assert report.machine == {} or all(v.alpha is None for v in report.machine.values())


def test_detection_counts_events_one_coder_missed() -> None:
    docs = {"d1": {"ana": [event()], "ben": [event()]},
            "d2": {"ana": [event(date="2020-01-01")], "ben": []},
            "d3": {"ana": [event(date="2021-01-01")], "ben": [event(date="2021-01-01")]}}
    report = agreement(docs)
    # Units (1,1) (1,0) (1,1): n=6, n_1=5, n_0=1; D_o = 2/6, D_e = 10/30 -> alpha 0.
    assert report.between_coders["event"].alpha == pytest.approx(0.0)
    assert report.between_coders["date"].units == 2


def test_machine_vs_coders_from_the_store(tmp_path: Path) -> None:
    db = str(tmp_path / "enlace.db")
    engine = open_engine(db)
    machine = {"a": [event(activity="meeting")], "b": [event(date="2023-03-03", activity="seminar",
                                                              content="knowledge_exchange")],
               "c": [event(date="2022-02-02")]}
    ingestor = Ingestor(engine, pipeline=FixedPipeline(machine))
    for name in machine:
        ingestor.ingest_document(doc(name, f"text {name}"))
    gold = [event(activity="meeting", doc_ids=["a"]),
            event(date="2023-03-03", activity="forum", content="knowledge_exchange", doc_ids=["b"]),
            event(date="2022-02-02", activity="signing", doc_ids=["c"])]
    import_events(engine, gold, "ana.jsonl", coder="ana", resolver=ingestor.resolver)
    import_events(engine, gold, "ben.jsonl", coder="ben", resolver=ingestor.resolver)
    with Session(engine) as session:
        report = store_agreement(session)
    assert report.coders == ["ana", "ben"] and report.machine_documents == 3
    assert report.between_coders["activity"].alpha == 1.0
    # Machine vs each coder, pooled: pairs (meeting,meeting) (seminar,forum) (meeting,signing) twice:
    # n=12, n_meeting=6, n_seminar=2, n_forum=2, n_signing=2; D_o = 8/12;
    # D_e = (12^2 - 36 - 4 - 4 - 4) / (12 * 11) = 96/132, alpha = 1 - (8/12)/(96/132) = 1/12.
    assert report.machine["activity"].alpha == pytest.approx(1 / 12)
    assert report.machine_by_coder["ana"]["date"].alpha == 1.0  # same dates, varied across units
    result = CliRunner().invoke(app, ["agreement", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["between_coders"]["activity"]["alpha"] == 1.0
    table = CliRunner().invoke(app, ["agreement", "--db", db])
    assert table.exit_code == 0 and "activity" in table.stdout and "masi" in table.stdout
    engine.dispose()


def test_agreement_cli_without_codings_says_so(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["agreement", "--db", str(tmp_path / "empty.db")])
    assert result.exit_code == 1 and "no hand codings" in result.stderr
