"""Importing researchers' spreadsheets and gold files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from enlace.io import import_gold, import_table
from enlace.io.normalise import countries, partial_date

CPC = {"channel": "party", "chinese_actors": [{"name": "Communist Party of China", "type": "party"}]}
HEADER = ["N°", "Fecha", "País", "Bilateral/Multilateral", "Partido", "Contenido", "Mecanismo"]
ROWS = [
    [
        "1",
        "2022.2.23",
        "Nicaragua",
        "biliteral",
        "Frente Sandinista de Liberación Nacional",
        "daily interaction",
        "biliteral+leftist",
    ],
    [
        "2",
        "24/03/2022",
        "Cuba",
        "bilateral",
        "Partido Comunista de Cuba",
        "intercambio de conocimiento",
        "bilateral+leftist",
    ],
    [
        "3",
        "marzo de 2022",
        "multilateral",
        "multilateral",
        "Foro de São Paulo [regional_body]",
        "knowledge exchange",
        "regional+leftist",
    ],
    ["4", "2022-05-18", "México", "bilateral", "Movimiento Ciudadano", "interacción diaria", "bilateral"],
    [
        "5",
        "2021",
        "Brasil y Argentina",
        "",
        "Partido dos Trabalhadores; Partido Justicialista",
        "",
        "regional",
    ],
]


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    return path


def test_csv_with_spanish_headers(tmp_path: Path):
    result = import_table(_write_csv(tmp_path / "zhang.csv", HEADER, ROWS), defaults=CPC)
    assert result.errors == []
    assert result.columns["date"] == "Fecha" and result.columns["lac_countries"] == "País"
    first, cuba, forum, mexico, pair = result.events
    assert (first.date, first.lac_countries, first.format, first.leftist) == (
        "2022-02-23",
        ["NI"],
        "bilateral",
        True,
    )
    assert first.lac_actors[0].type == "party" and first.lac_actors[0].country == "NI"
    assert (cuba.date, cuba.content, cuba.mechanism) == ("2022-03-24", "knowledge_exchange", "bilateral")
    assert cuba.lac_actors[0].name == "Communist Party of Cuba"
    assert (forum.date, forum.format, forum.lac_countries, forum.lac_level) == (
        "2022-03",
        "multilateral",
        [],
        "regional",
    )
    assert forum.lac_actors[0].type == "regional_body" and forum.mechanism == "regional" and forum.leftist
    assert mexico.leftist is False and mexico.content == "daily_interaction"
    assert pair.lac_countries == ["BR", "AR"] and pair.format == "multilateral" and pair.date == "2021"
    assert {a.country for a in pair.lac_actors} == {"BR", "AR"}
    assert all(e.chinese_actors[0].name == "Communist Party of China" for e in result.events)
    warnings = "\n".join(result.warnings)
    assert "columns not used: N°" in warnings
    assert "format missing, filled with 'multilateral'" in warnings and "rows 6" in warnings
    assert "activity missing, filled with 'meeting'" in warnings
    assert "venue missing, filled with 'unknown'" in warnings
    assert "channel missing, filled with 'party' (from defaults)" in warnings


def test_xlsx_with_mapping(tmp_path: Path):
    import datetime as dt

    import pandas as pd

    path = tmp_path / "visitas.xlsx"
    pd.DataFrame(
        {
            "Cuándo": [dt.datetime(2019, 3, 25), 2018, "agosto 2017"],
            "Contraparte china": [
                "Jiangsu Provincial Government [subnational]",
                "CCPIT",
                "Embassy of China in Chile [state]",
            ],
            "Nación": ["Argentina", "Chile", "Chile"],
            "Provincia": ["Jujuy", "Biobío", "CL-VS"],
            "Socio": [
                "Gobierno de Jujuy [subnational_government]",
                "Gobierno Regional del Biobío",
                "Universidad de Valparaíso [academic]",
            ],
            "Tipo": ["firma", "visita", "seminario"],
            "Lugar": ["en China", "virtual", "en ALC"],
        }
    ).to_excel(path, index=False)
    mapping = {
        "date": "Cuándo",
        "chinese_actors": "Contraparte china",
        "lac_countries": "Nación",
        "lac_subdivisions": "Provincia",
        "lac_actors": "Socio",
        "activity": "Tipo",
        "venue": "Lugar",
    }
    result = import_table(path, mapping=mapping)
    assert result.errors == []
    signing, visit, seminar = result.events
    assert (signing.date, signing.lac_subdivisions, signing.activity, signing.venue) == (
        "2019-03-25",
        ["AR-Y"],
        "signing",
        "in_china",
    )
    assert signing.channel == "subnational" and signing.lac_level == "subnational"
    assert (visit.date, visit.lac_subdivisions, visit.venue) == ("2018", ["CL-BI"], "virtual")
    assert visit.chinese_actors[0].type == "quasi_governmental"  # CCPIT from the gazetteer
    assert visit.lac_actors[0].type == "subnational_government"  # guessed from the wording
    assert (seminar.date, seminar.activity, seminar.lac_actors[0].country) == ("2017-08", "seminar", "CL")
    assert any("channel missing" in w and "first Chinese actor" in w for w in result.warnings)


def test_bad_rows_are_reported_by_number(tmp_path: Path):
    rows = [
        ["1", "2022-02-23", "Nicaragua", "bilateral", "FSLN", "daily interaction", "bilateral"],
        ["2", "2022-13-01", "Cuba", "bilateral", "PCC", "daily interaction", "bilateral"],
        ["3", "2022-03-01", "Atlantis", "bilateral", "Partido X", "daily interaction", "bilateral"],
        ["", "", "", "", "", "", ""],
        ["5", "2022-03-01", "Chile", "bilateral", "Partido Socialista de Chile", "charla", "bilateral"],
        [
            "6",
            "2022-03-01",
            "Chile",
            "bilateral",
            "Partido Socialista de Chile",
            "daily interaction",
            "bilateral",
        ],
    ]
    path = _write_csv(tmp_path / "bad.csv", HEADER, rows)
    result = import_table(path, defaults=CPC)
    assert len(result.events) == 2
    assert len(result.errors) == 3
    assert result.errors[0].startswith(f"{path}: row 3:") and "2022-13-01" in result.errors[0]
    assert "row 4:" in result.errors[1] and "Atlantis" in result.errors[1]
    assert "row 6:" in result.errors[2] and "charla" in result.errors[2]


def test_codebook_validation_errors_name_the_row(tmp_path: Path):
    path = _write_csv(
        tmp_path / "dates.csv",
        ["fecha", "fecha fin", "país", "partido"],
        [["2022-05-10", "2022-05-01", "Cuba", "PCC"]],
    )
    result = import_table(path, defaults=CPC)
    assert result.events == []
    assert result.errors[0].startswith(f"{path}: row 2:") and "before date" in result.errors[0]


def test_mapping_must_name_real_columns(tmp_path: Path):
    path = _write_csv(tmp_path / "t.csv", HEADER, ROWS[:1])
    with pytest.raises(ValueError, match="not in the file"):
        import_table(path, mapping={"date": "Date of meeting"})
    with pytest.raises(ValueError, match="codebook lacks"):
        import_table(path, mapping={"when": "Fecha"})


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2019-03-25", "2019-03-25"),
        ("25/03/2019", "2019-03-25"),
        ("03/25/2019", "2019-03-25"),
        ("2022.2.23", "2022-02-23"),
        ("March 2019", "2019-03"),
        ("marzo de 2019", "2019-03"),
        ("25 de marzo de 2019", "2019-03-25"),
        ("março 2019", "2019-03"),
        ("2019", "2019"),
        (2019, "2019"),
        ("03/2019", "2019-03"),
        ("", None),
    ],
)
def test_partial_dates(raw, expected):
    assert partial_date(raw) == expected


def test_country_names_in_three_languages():
    assert countries("Brasil; México, Perú") == ["BR", "MX", "PE"]
    assert countries("Trinidad and Tobago") == ["TT"]
    assert countries("Cuba y Venezuela") == ["CU", "VE"]
    assert countries("República Dominicana / Haïti") == ["DO", "HT"]
    assert countries("multilateral") == []


def test_gold_import():
    gold = (Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev" / "gold.jsonl")
    if not gold.exists():
        pytest.skip("dev gold absent")
    events = import_gold(gold)
    assert len(events) == 175
    assert all(len(e.doc_ids) == 1 for e in events)
    assert events[0].doc_ids == ["dev001"]
