"""Extraction end to end on short documents we wrote, one behaviour per test."""

import pytest

from enlace.codebook import Document
from enlace.extract.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def extract(pipeline: Pipeline, text: str, published: str | None = "2025-05-16",
            language: str | None = None):
    doc = Document(doc_id="t", text=text, published=published, language=language)
    return pipeline.extract(doc)


def test_english_embassy_courtesy_call(pipeline):
    text = ("KINGSTON, March 14 (Test) -- The Chinese Ambassador to Jamaica met on Tuesday with "
            "the Minister of Foreign Affairs of Jamaica to discuss trade and scholarships.")
    (event,) = extract(pipeline, text, "2025-03-14")
    assert event.lac_countries == ["JM"]
    assert event.date == "2025-03-11"
    assert event.channel == "state"
    assert event.activity == "meeting"
    assert event.content == "daily_interaction"
    assert event.venue == "in_lac"
    assert event.chinese_actors[0].name == "Embassy of China in Jamaica"
    assert {"economic", "education"} <= set(event.fields)
    assert event.evidence in text
    assert event.doc_ids == ["t"]


def test_spanish_party_meeting_is_leftist(pipeline):
    text = ("Una delegación del Departamento Internacional del Comité Central del Partido "
            "Comunista de China se reunió el pasado 12 de mayo en Caracas con dirigentes del "
            "Partido Socialista Unido de Venezuela.")
    (event,) = extract(pipeline, text)
    assert event.lac_countries == ["VE"]
    assert event.date == "2025-05-12"
    assert event.channel == "party"
    assert event.leftist is True
    assert event.lac_actors[0].name == "United Socialist Party of Venezuela"


def test_portuguese_sister_cities(pipeline):
    text = ("O prefeito de Fortaleza e o prefeito de Xiamen assinaram ontem um acordo de "
            "cidades-irmãs para cooperação em cultura e turismo.")
    (event,) = extract(pipeline, text, "2023-05-13")
    assert event.lac_countries == ["BR"]
    assert event.date == "2023-05-12"
    assert event.activity == "signing"
    assert "twinning" in event.outcomes
    assert event.channel == "subnational"
    assert event.lac_level == "subnational"
    assert "BR-CE" in event.lac_subdivisions


def test_chinese_party_meeting_in_beijing(pipeline):
    text = "5月10日，中联部负责同志在北京会见古巴共产党代表团，双方就党际交流交换意见。"
    (event,) = extract(pipeline, text, "2025-05-11")
    assert event.date == "2025-05-10"
    assert event.lac_countries == ["CU"]
    assert event.channel == "party"
    assert event.venue == "in_china"
    assert event.leftist is True


def test_traditional_chinese_is_read_like_simplified(pipeline):
    text = "6月12日下午，國家主席在人民大會堂同來華進行國事訪問的洪都拉斯總統舉行會談。"
    (event,) = extract(pipeline, text, "2023-06-12")
    assert event.lac_countries == ["HN"]
    assert event.date == "2023-06-12"
    assert event.venue == "in_china"


def test_regional_body_has_no_country(pipeline):
    text = ("Chinese President Xi Jinping sent a congratulatory letter on Wednesday to the "
            "summit of the Community of Latin American and Caribbean States (CELAC).")
    (event,) = extract(pipeline, text, "2025-04-10")
    assert event.lac_countries == []
    assert event.format == "multilateral"
    assert event.lac_level == "regional"
    assert event.mechanism == "regional"
    assert event.activity == "message"
    assert event.venue == "virtual"


@pytest.mark.parametrize(
    "text",
    [
        # trade statistics
        "China's imports of soybeans from Brazil rose 12 percent in 2023, customs data show.",
        # a plan, not an occasion
        "The governor of Jujuy will visit China next month to meet investors.",
        # no LAC side
        "The International Department of the CPC Central Committee met a delegation of the "
        "African National Congress of South Africa on Monday.",
        # Taiwan is not a Chinese actor under the codebook
        "The president of Paraguay met Taiwan's foreign minister in Asunción on Monday.",
    ],
)
def test_documents_without_events(pipeline, text):
    assert extract(pipeline, text) == []


def test_ambiguous_acronym_follows_the_country(pipeline):
    cuba = ("El PCC de Cuba recibió el lunes a una delegación del Partido Comunista de China "
            "en La Habana.")
    colombia = ("En Bogotá, Colombia, el PCC recibió el lunes a una delegación del Partido "
                "Comunista de China.")
    (in_cuba,) = extract(pipeline, cuba)
    (in_colombia,) = extract(pipeline, colombia)
    assert in_cuba.lac_actors[0].name == "Communist Party of Cuba"
    assert in_colombia.lac_actors[0].country == "CO"


def test_trip_meetings_with_two_organisations_are_two_events(pipeline):
    text = ("A CPC delegation was on a visit to Argentina from Monday to Wednesday. The "
            "delegation met with the Argentine Senate and with leaders of the Republican "
            "Proposal party.")
    events = extract(pipeline, text, "2019-03-27")
    assert len(events) == 2
    assert {e.date for e in events} == {"2019-03-25"}
    assert all(e.channel == "party" for e in events)
    assert events[0].occasion and events[0].occasion == events[1].occasion


def test_years_counted_back_date_a_background_visit(pipeline):
    text = ("El presidente chino Xi Jinping recibió hoy en Beijing al vicepresidente cubano. "
            "Xi recordó su visita de Estado a Cuba de hace dos años.")
    events = extract(pipeline, text, "2016-06-27")
    assert sorted(e.date for e in events) == ["2014", "2016-06-27"]
