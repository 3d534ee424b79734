"""Scoring against gold: the matching rule, the numbers, and readable load errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from enlace.codebook import CodebookError, Event, parse_event
from enlace.evaluate import (
    SCALAR_FIELDS,
    SET_FIELDS,
    _greedy,
    dates_compatible,
    evaluate,
    load_gold,
    load_predictions,
    match_events,
)

DEV_GOLD = (Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev" / "gold.jsonl")


def raw(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "date": "2019-03-25",
        "format": "bilateral",
        "lac_countries": ["AR"],
        "lac_level": "national",
        "chinese_actors": [
            {"name": "International Department of the CPC Central Committee", "type": "party"}
        ],
        "lac_actors": [{"name": "Argentine Senate", "type": "legislature", "country": "AR"}],
        "channel": "party",
        "content": "daily_interaction",
        "activity": "meeting",
        "mechanism": "bilateral",
        "leftist": False,
        "venue": "in_lac",
        "fields": ["political"],
        "outcomes": [],
    }
    data.update(overrides)
    return data


def ev(**overrides: Any) -> Event:
    return parse_event(raw(**overrides))


def write(path: Path, lines: list[Any]) -> Path:
    path.write_text(
        "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n",
        encoding="utf-8",
    )
    return path


# ---------------------------------------------------------------- date rule


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        ("2019-03-25", "2019-03-28", True),  # day vs day, 3 days
        ("2019-03-25", "2019-03-22", True),
        ("2019-03-25", "2019-03-29", False),  # 4 days
        ("2019-03-30", "2019-04-02", True),  # across a month boundary
        ("2019-03", "2019-03-30", True),  # month vs day inside it
        ("2019-03", "2019-04-02", True),  # within 3 days of March
        ("2019-03", "2019-04-04", False),
        ("2019-04-02", "2019-03", True),  # symmetric
        ("2019-03", "2019-02-26", True),
        ("2019-03", "2019-02-25", False),
        ("2019", "2019-07", True),  # year vs month
        ("2019", "2020-01-02", True),  # widened day side reaches 2019
        ("2019", "2020-01-05", False),
        ("2019-03", "2019-04", False),  # coarse sides are not widened
        ("2019", "2019", True),
        (None, None, True),
        (None, "2019-03-25", False),
        ("2019-03", None, False),
    ],
)
def test_date_compatibility(gold: str | None, pred: str | None, expected: bool) -> None:
    assert dates_compatible(gold, pred) is expected


# ---------------------------------------------------------------- detection numbers


def test_exact_precision_recall() -> None:
    gold = {
        "d1": [ev(date="2019-03-25"), ev(date="2019-05-01", lac_countries=["BR"])],
        "d2": [ev(date="2020-01-10", lac_countries=["CU"])],
        "d3": [],
    }
    pred = {
        "d1": [ev(date="2019-03-26")],  # matches first gold event
        "d2": [ev(date="2020-01-10", lac_countries=["CU"]), ev(date="2021-01-01")],
        "d3": [],
    }
    report = evaluate(gold, pred)
    d = report.to_dict()["detection"]
    assert (d["tp"], d["fp"], d["fn"]) == (2, 1, 1)
    assert d["precision"] == pytest.approx(2 / 3)
    assert d["recall"] == pytest.approx(2 / 3)
    assert d["f1"] == pytest.approx(2 / 3)
    assert report.documents == 3
    assert report.matched == 2
    assert report.to_dict()["negatives"] == {"total": 1, "correct": 1}


def test_gold_doc_without_predictions_is_all_false_negatives() -> None:
    report = evaluate({"d1": [ev(), ev(lac_countries=["PE"])]}, {})
    assert (report.tp, report.fp, report.fn) == (0, 0, 2)
    assert report.detection["precision"] == 0.0 and report.detection["recall"] == 0.0
    assert [m.doc_id for m in report.misses] == ["d1"]
    assert len(report.misses[0].missing) == 2


def test_predictions_for_unknown_docs_are_ignored_but_counted() -> None:
    report = evaluate({"d1": [ev()]}, {"d1": [ev()], "other": [ev(), ev()]})
    assert (report.tp, report.fp, report.fn) == (1, 0, 0)
    assert report.to_dict()["unscored_docs"] == 1


def test_negative_doc_with_predictions_is_not_correct() -> None:
    report = evaluate({"n1": [], "n2": []}, {"n1": [ev()]})
    assert report.to_dict()["negatives"] == {"total": 2, "correct": 1}
    assert report.fp == 1
    assert report.failures() == [
        {
            "doc_id": "n1",
            "missing": [],
            "spurious": [
                {"date": "2019-03-25", "lac_countries": ["AR"], "activity": "meeting",
                 "summary": ""}
            ],
        }
    ]


def test_empty_everything_is_perfect() -> None:
    assert evaluate({}, {}).detection["f1"] == 1.0


# ---------------------------------------------------------------- matching


def test_one_to_one_two_preds_cannot_share_a_gold() -> None:
    report = evaluate({"d": [ev()]}, {"d": [ev(), ev(date="2019-03-26")]})
    assert (report.tp, report.fp, report.fn) == (1, 1, 0)


def test_assignment_maximises_matches() -> None:
    # pred0 is compatible with both golds (and more similar to gold0); pred1 only with gold0.
    gold = [ev(date="2019-03-25"), ev(date="2019-03-29")]
    pred = [ev(date="2019-03-27"), ev(date="2019-03-23")]
    assert match_events(gold, pred) == [(0, 1), (1, 0)]


def test_assignment_prefers_similar_pair() -> None:
    gold = [ev(activity="meeting"), ev(activity="signing", outcomes=["mou"])]
    pred = [ev(activity="signing"), ev(activity="meeting")]
    assert match_events(gold, pred) == [(0, 1), (1, 0)]


def test_greedy_fallback_pairs_best_first() -> None:
    candidates = {(0, 0): 3.0, (0, 1): 5.0, (1, 0): 2.0}
    assert _greedy(candidates) == [(0, 1), (1, 0)]


def test_country_required() -> None:
    report = evaluate({"d": [ev(lac_countries=["AR"])]}, {"d": [ev(lac_countries=["CL"])]})
    assert (report.tp, report.fp, report.fn) == (0, 1, 1)
    shared = evaluate({"d": [ev(lac_countries=["AR", "BR"])]}, {"d": [ev(lac_countries=["BR"])]})
    assert shared.tp == 1
    both_empty = evaluate({"d": [ev(lac_countries=[])]}, {"d": [ev(lac_countries=[])]})
    assert both_empty.tp == 1
    one_empty = evaluate({"d": [ev(lac_countries=[])]}, {"d": [ev(lac_countries=["AR"])]})
    assert one_empty.tp == 0


def test_matching_is_within_document() -> None:
    report = evaluate({"d1": [ev()], "d2": []}, {"d2": [ev()]})
    assert (report.tp, report.fp, report.fn) == (0, 1, 1)


# ---------------------------------------------------------------- field agreement


def test_field_agreement_numbers() -> None:
    gold = {
        "d1": [ev(channel="party", fields=["political", "economic"])],
        "d2": [ev(channel="state", lac_countries=["BR"], lac_actors=[
            {"name": "Workers' Party (Brazil)", "type": "party", "country": "BR"}])],
    }
    pred = {
        "d1": [ev(channel="party", date="2019-03-26", fields=["political", "green"])],
        "d2": [ev(channel="party", lac_countries=["BR"], lac_actors=[
            {"name": "workers'  party (brazil)", "type": "party", "country": "BR"}])],
    }
    fields = evaluate(gold, pred).to_dict()["fields"]
    assert fields["channel"] == {"accuracy": 0.5}
    assert fields["date"] == {"accuracy": 0.5}  # exact string equality
    assert fields["venue"] == {"accuracy": 1.0}
    # fields: d1 tp=1 fp=1 fn=1; d2 tp=1 -> P=R=F1=2/3, exact 1/2
    assert fields["fields"]["precision"] == pytest.approx(2 / 3)
    assert fields["fields"]["recall"] == pytest.approx(2 / 3)
    assert fields["fields"]["f1"] == pytest.approx(2 / 3)
    assert fields["fields"]["exact"] == 0.5
    # names compared case- and space-insensitively
    assert fields["lac_actors"]["exact"] == 1.0
    assert fields["outcomes"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "exact": 1.0}
    assert set(fields) == set(SCALAR_FIELDS) | set(SET_FIELDS)


def test_field_scores_none_without_matches() -> None:
    fields = evaluate({"d": [ev()]}, {}).to_dict()["fields"]
    assert fields["activity"] == {"accuracy": None}
    assert fields["fields"]["exact"] is None


def test_pairs_record_differences() -> None:
    report = evaluate({"d": [ev()]}, {"d": [ev(venue="in_china", outcomes=["mou"])]})
    assert report.pairs[0].differences == ("venue", "outcomes")


def test_per_language_breakdown() -> None:
    gold = {"a": [ev()], "b": [ev()]}
    report = evaluate(gold, {"a": [ev()]}, languages={"a": "en", "b": "es"})
    langs = report.to_dict()["languages"]
    assert langs["en"]["detection"]["recall"] == 1.0
    assert langs["es"]["detection"]["recall"] == 0.0
    assert report.detection["recall"] == 0.5


def test_report_is_json_serialisable_and_renders() -> None:
    from rich.console import Console

    report = evaluate({"d": [ev()], "e": []}, {"d": [ev()]}, languages={"d": "en"})
    json.dumps(report.to_dict())
    console = Console(record=True, width=120)
    report.render(console)
    text = console.export_text()
    assert "Event detection" in text and "lac_actors" in text


# ---------------------------------------------------------------- loading


def test_load_gold_and_bad_lines(tmp_path: Path) -> None:
    good = write(tmp_path / "gold.jsonl", [{"doc_id": "d1", "events": [raw()]}, "",
                                           {"doc_id": "d2", "events": []}])
    gold = load_gold(good)
    assert list(gold) == ["d1", "d2"] and len(gold["d1"]) == 1

    bad_json = write(tmp_path / "bad.jsonl", [{"doc_id": "d1", "events": []}, "{nope"])
    with pytest.raises(CodebookError, match=r"bad\.jsonl:2: not JSON"):
        load_gold(bad_json)

    bad_field = write(tmp_path / "field.jsonl", [{"doc_id": "d1", "events": [raw(venue="moon")]}])
    with pytest.raises(CodebookError, match=r"field\.jsonl:1: .*venue"):
        load_gold(bad_field)

    dup = write(tmp_path / "dup.jsonl", [{"doc_id": "d1", "events": []}] * 2)
    with pytest.raises(CodebookError, match=r"dup\.jsonl:2: .*twice"):
        load_gold(dup)


def test_load_predictions_event_lines(tmp_path: Path) -> None:
    path = write(tmp_path / "pred.jsonl", [raw(doc_ids=["d1", "d2"]), raw(doc_ids=["d1"])])
    pred = load_predictions(path)
    assert {k: len(v) for k, v in pred.items()} == {"d1": 2, "d2": 1}


def test_load_predictions_accepts_gold_shape(tmp_path: Path) -> None:
    path = write(tmp_path / "pred.jsonl", [{"doc_id": "d1", "events": [raw()]},
                                           {"doc_id": "d2", "events": []}])
    pred = load_predictions(path)
    assert len(pred["d1"]) == 1 and pred["d2"] == []


def test_load_predictions_bad_lines(tmp_path: Path) -> None:
    cases = {
        "json.jsonl": (["[1, 2"], r"json\.jsonl:1: not JSON"),
        "array.jsonl": ([raw(doc_ids=["d"]), "[1]"], r"array\.jsonl:2: expected a JSON object"),
        "nodoc.jsonl": ([raw()], r"nodoc\.jsonl:1: .*no doc_ids"),
        "field.jsonl": ([raw(doc_ids=["d"], lac_countries=["Peru"])],
                        r"field\.jsonl:1: .*lac_countries"),
    }
    for name, (lines, pattern) in cases.items():
        with pytest.raises(CodebookError, match=pattern):
            load_predictions(write(tmp_path / name, lines))


# ---------------------------------------------------------------- real gold


@pytest.mark.skipif(not DEV_GOLD.exists(), reason="shared dev corpus not present")
def test_dev_gold_against_itself_is_perfect() -> None:
    gold = load_gold(DEV_GOLD)
    report = evaluate(gold, load_predictions(DEV_GOLD))
    result = report.to_dict()
    assert result["detection"]["f1"] == 1.0
    assert result["documents"] == len(gold)
    for name, score in result["fields"].items():
        for key, value in score.items():
            assert value == 1.0, (name, key)
