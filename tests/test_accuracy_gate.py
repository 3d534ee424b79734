"""The dev corpus scores may not fall below the recorded floors (benchmarks/accuracy_floor.json)."""

import json
from pathlib import Path

import pytest

from enlace.extract.gate import corpus_hash, headline, score_corpus

ROOT = Path(__file__).resolve().parents[1]
FLOOR = json.loads((ROOT / "benchmarks" / "accuracy_floor.json").read_text())
CORPUS = (ROOT / FLOOR["corpus"]).resolve()


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    if not (CORPUS / "gold.jsonl").exists():
        pytest.skip(f"dev corpus not found at {CORPUS}")
    if corpus_hash(CORPUS) != FLOOR["corpus_sha256"]:
        pytest.skip("the dev corpus changed since the floors were measured: re-measure them")
    return headline(score_corpus(CORPUS))


@pytest.mark.parametrize("measure", sorted(FLOOR["floors"]))
def test_score_not_below_floor(scores, measure):
    assert scores[measure] >= FLOOR["floors"][measure], (
        f"{measure} fell to {scores[measure]} (floor {FLOOR['floors'][measure]})")
