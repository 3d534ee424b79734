"""The synthetic benchmark corpus: deterministic, sized, multilingual, valid documents."""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from enlace.codebook import Document

SYNTHETIC = Path(__file__).resolve().parents[1] / "benchmarks" / "synthetic.py"


@pytest.fixture(scope="module")
def synthetic() -> ModuleType:
    spec = importlib.util.spec_from_file_location("enlace_benchmarks_synthetic", SYNTHETIC)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_deterministic_and_prefix_stable(synthetic: ModuleType) -> None:
    first = list(synthetic.generate(50, seed=7))
    assert first == list(synthetic.generate(50, seed=7))
    assert first[:20] == list(synthetic.generate(20, seed=7))
    assert first != list(synthetic.generate(50, seed=8))


def test_count_languages_and_sizes(synthetic: ModuleType) -> None:
    docs = list(synthetic.generate(2000, seed=1))
    assert len(docs) == 2000
    assert len({d["doc_id"] for d in docs}) == 2000
    shares = {lang: n / len(docs) for lang, n in Counter(d["language"] for d in docs).items()}
    for lang, expected in {"en": 0.5, "es": 0.3, "pt": 0.1, "zh": 0.1}.items():
        assert shares[lang] == pytest.approx(expected, abs=0.04), lang
    sizes = [len(d["text"].encode("utf-8")) for d in docs]
    assert min(sizes) >= 1500 and max(sizes) <= 2600
    assert 1900 <= sum(sizes) / len(sizes) <= 2300


def test_languages_look_right(synthetic: ModuleType) -> None:
    docs = list(synthetic.generate(200, seed=2))
    for doc in docs:
        has_cjk = any("\u4e00" <= ch <= "\u9fff" for ch in doc["text"])
        assert has_cjk == (doc["language"] == "zh"), doc["doc_id"]


def test_written_files_are_valid_documents(synthetic: ModuleType, tmp_path: Path) -> None:
    paths = synthetic.write_corpus(tmp_path, n=30, seed=3)
    assert len(paths) == 30 and sorted(tmp_path.iterdir()) == sorted(paths)
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert set(data) == {"doc_id", "url", "title", "published", "language", "source", "text"}
        document = Document.model_validate(data)
        assert path.stem == document.doc_id
        assert document.published and len(document.published) == 10
