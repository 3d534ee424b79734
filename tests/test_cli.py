"""The extract and evaluate commands end to end, with bad files among good ones."""

import json
from pathlib import Path

from typer.testing import CliRunner

from enlace.cli import app

DOC = {
    "doc_id": "t1", "url": "https://example.org/t1", "title": "t", "published": "2024-05-10",
    "language": "en", "source": "test",
    "text": "LIMA, May 10 (test) -- The Chinese Ambassador to Peru met on Tuesday with the "
            "Minister of Foreign Affairs of Peru in Lima to discuss trade.",
}


def write_docs(folder: Path) -> None:
    (folder / "good.json").write_text(json.dumps(DOC), encoding="utf-8")
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")


def test_extract_reports_bad_files_and_keeps_going(tmp_path):
    write_docs(tmp_path)
    out = tmp_path / "events.jsonl"
    result = CliRunner().invoke(app, ["extract", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 1
    assert "broken.json" in result.output and "empty.txt" in result.output
    events = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(events) == 1
    (event,) = events
    assert event["doc_ids"] == ["t1"]
    assert event["lac_countries"] == ["PE"]
    assert event["date"] == "2024-05-07"
    assert event["channel"] == "state"
    assert event["evidence"] in DOC["text"]


def test_extract_clean_run_exits_zero(tmp_path):
    (tmp_path / "good.json").write_text(json.dumps(DOC), encoding="utf-8")
    out = tmp_path / "events.jsonl"
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "good.json"), "-o", str(out)])
    assert result.exit_code == 0, result.output


def test_evaluate_from_documents_json(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "good.json").write_text(json.dumps(DOC), encoding="utf-8")
    gold_event = {
        "date": "2024-05-08", "format": "bilateral", "lac_countries": ["PE"],
        "lac_subdivisions": [], "lac_level": "national",
        "chinese_actors": [{"name": "Embassy of China in Peru", "type": "state"}],
        "lac_actors": [], "channel": "state", "content": "daily_interaction",
        "activity": "meeting", "mechanism": "bilateral", "leftist": False, "venue": "in_lac",
        "fields": ["economic"], "outcomes": [], "summary": "", "evidence": "",
    }
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc_id": "t1", "events": [gold_event]}) + "\n")
    result = CliRunner().invoke(app, ["evaluate", "--gold", str(gold), "--docs",
                                      str(tmp_path / "docs"), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output[result.output.index("{"):])
    assert scores["detection"]["tp"] == 1 and scores["detection"]["fp"] == 0
    assert scores["fields"]["date"]["accuracy"] == 0.0  # 05-07 vs 05-08: matched, not exact


def test_evaluate_bad_gold_names_file_and_line(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"doc_id": "x", "events": []}\n{broken\n')
    pred = tmp_path / "pred.jsonl"
    pred.write_text("")
    result = CliRunner().invoke(app, ["evaluate", "--gold", str(gold), "--pred", str(pred)])
    assert result.exit_code == 2
    assert "gold.jsonl:2" in result.output
