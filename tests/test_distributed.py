"""Extraction on a real local Dask cluster gives the same events as one process."""

import json

from typer.testing import CliRunner

from enlace.cli import app

DOCS = [
    {"doc_id": f"d{i}", "published": "2024-05-10", "language": "en",
     "text": f"The Chinese Ambassador to {country} met on Tuesday with the Foreign Minister "
             f"of {country} to discuss trade."}
    for i, country in enumerate(["Peru", "Chile", "Cuba", "Brazil", "Mexico", "Jamaica"])
]


def test_dask_matches_single_process(tmp_path):
    for doc in DOCS:
        (tmp_path / f"{doc['doc_id']}.json").write_text(json.dumps(doc), encoding="utf-8")
    (tmp_path / "bad.json").write_text("{oops", encoding="utf-8")
    single, dask = tmp_path / "single.jsonl", tmp_path / "dask.jsonl"
    runner = CliRunner()
    first = runner.invoke(app, ["extract", str(tmp_path / "d*.json"), "-o", str(single)])
    assert first.exit_code == 0, first.output
    second = runner.invoke(app, ["extract", str(tmp_path), "-o", str(dask), "--dask", "local"])
    assert second.exit_code == 1  # the corrupt file is reported, the rest extracted
    assert "bad.json" in second.output

    def events(path):
        return sorted(json.loads(line)["doc_ids"][0] + json.loads(line)["date"]
                      for line in path.read_text().splitlines())

    assert events(dask) == events(single)
    assert len(events(dask)) == len(DOCS)
