"""The starter dataset follows the codebook, cites its studies and never copies their text."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from enlace.codebook import parse_event
from enlace.starter import (
    STARTER_DIR,
    StarterDataError,
    load_starter,
    reference_figures,
)

SEEDS_DIR = Path(__file__).resolve().parents[2] / "shared" / "seeds"
EVENTS = STARTER_DIR / "events.jsonl"
MAX_TEXT = 300
COPY_RUN = 8
_WORD = re.compile(r"\w+")
_SECTION = re.compile(r"\(seed \d{3}\), \S")


def _word_grams(text: str, n: int = COPY_RUN) -> set[tuple[str, ...]]:
    words = [w.lower() for w in _WORD.findall(text)]
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


@pytest.fixture(scope="module")
def lines() -> list[dict]:
    with EVENTS.open(encoding="utf-8") as handle:
        return [json.loads(raw) for raw in handle if raw.strip()]


@pytest.fixture(scope="module")
def starter():
    return load_starter()


def test_every_line_validates_against_the_codebook(lines):
    for line in lines:
        parse_event(line["event"], where=line["starter_id"])


def test_loader_sets_doc_ids_and_keeps_order(starter, lines):
    assert [s.starter_id for s in starter] == [line["starter_id"] for line in lines]
    assert all(s.event.doc_ids == [s.starter_id] for s in starter)


def test_citations_name_a_seed_and_a_section(starter):
    for item in starter:
        assert item.citation.strip(), item.starter_id
        assert _SECTION.search(item.citation), f"{item.starter_id}: {item.citation!r}"
        assert f"seed {item.seed}" in item.citation, item.starter_id


def test_starter_ids_unique(lines):
    counts = Counter(line["starter_id"] for line in lines)
    assert [sid for sid, n in counts.items() if n > 1] == []


def test_summaries_and_evidence_are_short_pointers(starter):
    for item in starter:
        assert item.event.summary.strip(), item.starter_id
        assert len(item.event.summary) <= MAX_TEXT, item.starter_id
        assert len(item.event.evidence) <= MAX_TEXT, item.starter_id
        assert item.event.evidence.startswith("seed "), f"{item.starter_id}: evidence is a pointer"


def test_no_summary_copies_the_seed_text(starter):
    seeds = sorted(SEEDS_DIR.glob("*.txt")) if SEEDS_DIR.is_dir() else []
    if not seeds:
        pytest.skip("../shared/seeds is not available")
    seed_grams: set[tuple[str, ...]] = set()
    for path in seeds:
        seed_grams |= _word_grams(path.read_text(encoding="utf-8"))
    copied = {item.starter_id: sorted(_word_grams(item.event.summary) & seed_grams)[:1]
              for item in starter if _word_grams(item.event.summary) & seed_grams}
    assert copied == {}


def test_every_main_seed_contributes(starter):
    counts = Counter(item.seed for item in starter)
    for seed in ("000", "001", "003"):
        assert counts[seed] > 0, seed


def test_graphic_1_is_complete(starter):
    rows = {item.citation for item in starter if "Graphic 1, row" in item.citation}
    assert len(rows) == 19


def test_reference_figures_hold_the_headline_numbers():
    figures = reference_figures()
    values = {(row["measure"], row["value"]) for row in figures}
    assert ("cpc_lac_exchanges", "377") in values
    assert any(row["value"] == "61" and row["country"] == "CU" for row in figures)
    assert ("ild_lac_meetings", "283") in values
    assert ("ild_lac_parties_met", "74") in values
    assert all(f"seed {row['seed']}" in row["citation"] for row in figures)


def test_bad_event_line_names_file_and_line(tmp_path, lines):
    good = json.dumps(lines[0], ensure_ascii=False)
    bad = dict(lines[1])
    bad["event"] = {**bad["event"], "channel": "telepathy"}
    (tmp_path / "events.jsonl").write_text(good + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(StarterDataError, match=r"events\.jsonl:2: .*channel"):
        load_starter(tmp_path)


def test_duplicate_starter_id_is_refused(tmp_path, lines):
    good = json.dumps(lines[0], ensure_ascii=False)
    (tmp_path / "events.jsonl").write_text(good + "\n" + good + "\n", encoding="utf-8")
    with pytest.raises(StarterDataError, match=r"events\.jsonl:2: .*already used on line 1"):
        load_starter(tmp_path)


def test_bad_figure_row_names_file_and_line(tmp_path):
    text = (STARTER_DIR / "reference_figures.csv").read_text(encoding="utf-8").splitlines()
    text.append("rf-999,001,,broken,,,,,,,")
    (tmp_path / "reference_figures.csv").write_text("\n".join(text) + "\n", encoding="utf-8")
    with pytest.raises(StarterDataError, match=rf"reference_figures\.csv:{len(text)}: empty citation, value"):
        reference_figures(tmp_path)


def test_missing_directory_names_the_variable(tmp_path):
    with pytest.raises(StarterDataError, match="ENLACE_STARTER_DIR"):
        load_starter(tmp_path / "nowhere")
