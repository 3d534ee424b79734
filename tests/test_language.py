"""Tests for detect_language: the four corpus languages, edge cases, dev accuracy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from enlace.documents import detect_language

DEV = (Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Chinese foreign minister arrived in Buenos Aires on Monday for talks "
            "on trade, investment and a new currency swap agreement with Argentina.",
            "en",
        ),
        ("China and Peru sign port deal", "en"),
        (
            "El vicepresidente de Colombia se reunió en Beijing con una delegación del "
            "Partido Comunista de China para hablar sobre cooperación agrícola.",
            "es",
        ),
        ("Chile y China firman un acuerdo de cooperación", "es"),
        (
            "O governador da Bahia recebeu nesta terça-feira uma missão empresarial "
            "chinesa interessada em investir em energia solar e ferrovias no estado.",
            "pt",
        ),
        ("Brasil e China assinam acordo de cooperação", "pt"),
        ("中国共产党代表团访问墨西哥，与墨西哥国家复兴运动党领导人举行会谈。", "zh"),
        ("中共中央对外联络部部长会见巴西劳工党(PT)代表团 Lula da Silva", "zh"),
        ("習近平會見阿根廷總統，雙方簽署多項合作文件。", "zh"),
    ],
)
def test_detects_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_english_text_quoting_chinese_name_is_not_zh() -> None:
    text = (
        "The delegation was received by officials of the International Department "
        "(中联部) and visited factories in Shenzhen before flying to Lima."
    )
    assert detect_language(text) == "en"


@pytest.mark.parametrize("text", ["", "   \n\t", "12345 678 -- !!", "2023-05-04"])
def test_empty_or_undecidable_is_none(text: str) -> None:
    assert detect_language(text) is None


def test_only_head_is_examined() -> None:
    head = "La delegación china visitó Montevideo y se reunió con legisladores. " * 40
    tail = "The rest of this file is an English appendix about something else. " * 400
    assert detect_language(head + tail) == "es"


def test_dev_corpus_agreement() -> None:
    files = sorted(DEV.glob("dev*.json"))
    if not files:
        pytest.skip("no dev documents")
    wrong = []
    for path in files:
        record = json.loads(path.read_text(encoding="utf-8"))
        detected = detect_language(record["text"])
        if detected != record["language"]:
            wrong.append(f"{record['doc_id']}: {record['language']} -> {detected}")
    agreement = 1 - len(wrong) / len(files)
    assert agreement >= 0.95, f"agreement {agreement:.1%}; wrong: {wrong}"
