"""Measure extraction against a gold corpus, for the benchmark and the CI floor.

The floor file (``benchmarks/accuracy_floor.json``) records the scores last
measured and a hash of the corpus they were measured on: a test fails when the
scores fall below it on the same corpus, and a changed corpus is reported
rather than compared.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from enlace.documents import expand_paths, iter_documents
from enlace.evaluate import EvaluationReport, evaluate, load_gold
from enlace.extract.pipeline import Pipeline

GATED_FIELDS = ("date", "format", "content", "mechanism", "channel")


def corpus_hash(folder: Path) -> str:
    """SHA-256 over the corpus files' names and bytes, in name order."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.json*")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def score_corpus(folder: Path, pipeline: Pipeline | None = None) -> EvaluationReport:
    """Extract every document of ``folder`` and score against its ``gold.jsonl``."""
    pipeline = pipeline or Pipeline()
    predictions: dict[str, list] = {}
    languages: dict[str, str] = {}
    for _path, result in iter_documents(expand_paths([str(folder)])):
        if isinstance(result, Exception):
            raise result
        for document in result:
            predictions[document.doc_id] = pipeline.extract(document)
            languages[document.doc_id] = document.language or ""
    return evaluate(load_gold(folder / "gold.jsonl"), predictions, languages=languages)


def headline(report: EvaluationReport) -> dict[str, float]:
    """The numbers the issue's targets speak of."""
    scores = report.to_dict()
    fields = scores["fields"]
    numbers = {
        "detection_precision": scores["detection"]["precision"],
        "detection_recall": scores["detection"]["recall"],
        "detection_f1": scores["detection"]["f1"],
        "lac_countries_f1": fields["lac_countries"]["f1"],
    }
    for name in GATED_FIELDS:
        numbers[f"{name}_accuracy"] = fields[name]["accuracy"]
    return {key: round(value, 4) for key, value in numbers.items()}
