"""The codebook as code: every enum, validation messages, the JSON Schema."""

import json

import pytest
from typer.testing import CliRunner

from enlace import codebook
from enlace.cli import app

VALID = {
    "date": "2019-03-25", "end_date": "2019-03-27", "format": "bilateral",
    "lac_countries": ["AR"], "lac_subdivisions": ["AR-Y"], "lac_level": "subnational",
    "chinese_actors": [{"name": "Communist Party of China", "type": "party"}],
    "lac_actors": [{"name": "Government of Jujuy", "type": "subnational_government",
                    "country": "AR"}],
    "channel": "party", "content": "daily_interaction", "activity": "visit",
    "mechanism": "bilateral", "leftist": False, "venue": "in_lac", "fields": ["political"],
    "outcomes": [], "occasion": None, "summary": "s", "evidence": "e",
}

ENUMS = {
    codebook.Format: {"bilateral", "multilateral"},
    codebook.LacLevel: {"national", "subnational", "regional"},
    codebook.Channel: {"party", "state", "quasi_governmental", "subnational", "commercial",
                       "academic", "diaspora"},
    codebook.Content: {"daily_interaction", "knowledge_exchange"},
    codebook.Activity: {"meeting", "visit", "video_call", "training", "seminar", "forum",
                        "signing", "message", "donation", "trade_promotion", "other"},
    codebook.Mechanism: {"bilateral", "regional", "global"},
    codebook.Venue: {"in_china", "in_lac", "virtual", "third_country", "unknown"},
    codebook.Field_: {"political", "economic", "cultural", "green", "security", "technology",
                      "health", "education"},
    codebook.Outcome: {"mou", "twinning", "contract", "loan", "investment", "donation",
                       "joint_statement", "training_delivered"},
    codebook.LacActorType: {"party", "national_government", "legislature",
                            "subnational_government", "business", "academic", "media",
                            "civil_society", "regional_body"},
}


@pytest.mark.parametrize("enum", list(ENUMS))
def test_enum_values_are_the_codebooks(enum):
    assert {member.value for member in enum} == ENUMS[enum]


def test_valid_event_round_trips():
    event = codebook.parse_event(VALID)
    assert event.interchange() | {"doc_ids": []} == VALID | {"doc_ids": []}


@pytest.mark.parametrize("value", [None, "2019", "2019-03", "2019-03-25"])
def test_date_precisions(value):
    assert codebook.parse_event(VALID | {"date": value, "end_date": None}).date == value


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"date": "25/03/2019"}, "date"),
        ({"channel": "embassy"}, "channel"),
        ({"lac_countries": ["Argentina"]}, "lac_countries"),
        ({"lac_subdivisions": ["Jujuy"]}, "lac_subdivisions"),
        ({"end_date": "2019-03-01"}, "before date"),
        ({"surprise": 1}, "surprise"),
        ({"chinese_actors": [{"name": "CPC", "type": "ministry"}]}, "chinese_actors"),
    ],
)
def test_invalid_events_name_the_field(change, message):
    with pytest.raises(codebook.CodebookError, match=message) as info:
        codebook.parse_event(VALID | change, where="gold.jsonl:3")
    assert str(info.value).startswith("gold.jsonl:3")


def test_gold_line_errors():
    with pytest.raises(codebook.CodebookError, match="not JSON"):
        codebook.parse_gold_line("{oops", "gold.jsonl:1")
    line = json.dumps({"doc_id": "d1", "events": [VALID]})
    assert codebook.parse_gold_line(line, "gold.jsonl:1").events[0].date == "2019-03-25"


def test_cli_prints_json_schema():
    result = CliRunner().invoke(app, ["codebook", "--json-schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert "codebook 1.2" in schema["title"]
    assert set(VALID) <= set(schema["properties"])
    assert set(schema["$defs"]["Channel"]["enum"]) == ENUMS[codebook.Channel]
