"""Event de-duplication: each rule of same_occasion, clustering, merging, and the dev score."""

from pathlib import Path

import pytest

from enlace.codebook import Event
from enlace.resolve.actors import ActorResolver
from enlace.resolve.dedupe import cluster_events, merge_cluster, same_occasion
from enlace.resolve.score import score_dev

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver.from_gazetteer()


def event(doc: str = "a", **changes) -> Event:
    data = {
        "date": "2023-06-12",
        "format": "bilateral",
        "lac_countries": ["HN"],
        "lac_level": "national",
        "chinese_actors": [{"name": "Government of China", "type": "state"}],
        "lac_actors": [{"name": "Government of Honduras", "type": "national_government", "country": "HN"}],
        "channel": "state",
        "content": "daily_interaction",
        "activity": "meeting",
        "mechanism": "bilateral",
        "leftist": False,
        "venue": "in_china",
        "evidence": f"evidence from {doc}",
        "doc_ids": [doc],
    }
    data.update(changes)
    return Event.model_validate(data)


def test_same_occasion_in_two_documents(resolver):
    assert same_occasion(event("a"), event("b"), resolver)


def test_dates_within_three_days_for_day_precision(resolver):
    assert same_occasion(event("a"), event("b", date="2023-06-15"), resolver)
    assert not same_occasion(event("a"), event("b", date="2023-06-16"), resolver)


def test_coarser_precision_needs_overlapping_periods(resolver):
    assert same_occasion(event("a"), event("b", date="2023-06"), resolver)
    assert same_occasion(event("a", date="2023-06-30"), event("b", date="2023-07"), resolver)  # +3 days
    assert not same_occasion(event("a", date="2023-05"), event("b", date="2023-06"), resolver)
    assert same_occasion(event("a", date="2023"), event("b", date="2023-06"), resolver)


def test_trip_window_holds_a_later_meeting(resolver):
    trip = event("a", date="2023-06-05", end_date="2023-06-14", activity="visit")
    assert same_occasion(trip, event("b", date="2023-06-13"), resolver)
    assert not same_occasion(event("a", date="2023-06-05"), event("b", date="2023-06-13"), resolver)


def test_undated_events_are_never_merged(resolver):
    assert not same_occasion(event("a", date=None), event("b", date=None), resolver)
    assert not same_occasion(event("a", date=None), event("b"), resolver)


def test_lac_counterpart_by_resolved_key(resolver):
    spanish = event("b", lac_actors=[{"name": "Gobierno de Honduras", "type": "national_government",
                                      "country": "HN"}])
    assert same_occasion(event("a"), spanish, resolver)
    party = event("b", lac_actors=[{"name": "Liberty and Refoundation", "type": "party", "country": "HN"}])
    assert not same_occasion(event("a"), party, resolver)


def test_lac_counterpart_by_country_and_subdivision_when_unnamed(resolver):
    unnamed = event("b", lac_actors=[])
    assert same_occasion(event("a"), unnamed, resolver)
    assert not same_occasion(event("a"), event("c", lac_actors=[], lac_countries=["GT"]), resolver)
    city = event("a", lac_subdivisions=["MX-GUA"], lac_countries=["MX"], lac_actors=[])
    assert same_occasion(city, event("b", lac_subdivisions=["MX-GUA"], lac_countries=["MX"],
                                     lac_actors=[]), resolver)
    assert not same_occasion(city, event("b", lac_subdivisions=["MX-JAL"], lac_countries=["MX"],
                                         lac_actors=[]), resolver)


def test_chinese_side_compatibility(resolver):
    npc = [{"name": "National People's Congress", "type": "state"}]
    cppcc = [{"name": "National Committee of the Chinese People's Political Consultative Conference",
              "type": "quasi_governmental"}]
    cpc = [{"name": "Communist Party of China", "type": "party"}]
    # the leadership under either hat, or a leadership report vs a central organ: compatible
    assert same_occasion(event("a"), event("b", chinese_actors=cpc, channel="party"), resolver)
    assert same_occasion(event("a"), event("b", chinese_actors=npc), resolver)
    # two different organs on consecutive days: two events
    assert not same_occasion(event("a", chinese_actors=npc),
                             event("b", chinese_actors=cppcc, channel="quasi_governmental",
                                   date="2023-06-13"), resolver)
    # a province is not the central leadership
    province = [{"name": "Sichuan Provincial Government", "type": "subnational"}]
    assert not same_occasion(event("a"), event("b", chinese_actors=province, channel="subnational"),
                             resolver)
    # no Chinese actor named: the channel decides
    assert same_occasion(event("a", chinese_actors=[]), event("b"), resolver)
    assert not same_occasion(event("a", chinese_actors=[], channel="commercial"), event("b"), resolver)


def test_activity_compatibility(resolver):
    assert same_occasion(event("a"), event("b", activity="visit"), resolver)
    assert same_occasion(event("a"), event("b", activity="signing"), resolver)
    assert same_occasion(event("a", activity="other"), event("b", activity="donation"), resolver)
    # a seminar and a courtesy call on consecutive days are two events
    assert not same_occasion(event("a"), event("b", activity="seminar", date="2023-06-13"), resolver)
    assert not same_occasion(event("a", activity="signing"), event("b", activity="message"), resolver)


def test_physical_venues_must_agree(resolver):
    assert not same_occasion(event("a"), event("b", venue="in_lac"), resolver)
    assert same_occasion(event("a"), event("b", venue="unknown"), resolver)


def test_same_document_events_are_never_merged(resolver):
    assert not same_occasion(event("a"), event("a"), resolver)
    # two meetings in one document, each matching one report elsewhere: still two events
    events = [event("a"), event("a", activity="visit"), event("b")]
    clusters = cluster_events(events, resolver)
    assert sorted(len(c) for c in clusters) == [1, 2]
    for cluster in clusters:
        docs = [d for i in cluster for d in events[i].doc_ids]
        assert len(docs) == len(set(docs))


def test_cluster_events_groups_reports_of_one_occasion(resolver):
    events = [
        event("a"),
        event("b", date="2023-06-13"),
        event("c", date="2023-06", lac_actors=[]),
        event("d", date="2019-01-10"),
        event("e", lac_countries=["CU"], lac_actors=[{"name": "Communist Party of Cuba", "type": "party",
                                                        "country": "CU"}]),
    ]
    assert cluster_events(events, resolver) == [[0, 1, 2], [3], [4]]


def test_merge_cluster_keeps_every_source(resolver):
    a = event("a", date="2023-06", fields=["political"], evidence="first report")
    mofcom = [{"name": "Ministry of Commerce of China", "type": "state"}]
    b = event("b", date="2023-06-12", fields=["economic"], outcomes=["mou"], chinese_actors=mofcom)
    c = event("c", date="2023-06-13", lac_countries=["HN"], doc_ids=["c", "d"])
    merged = merge_cluster([a, b, c])
    assert merged.doc_ids == ["a", "b", "c", "d"]
    assert merged.date == "2023-06-12"  # the most precise date
    assert set(merged.fields) == {"political", "economic"} and merged.outcomes == ["mou"]
    assert {x.name for x in merged.chinese_actors} == {"Government of China", "Ministry of Commerce of China"}
    assert merged.evidence == "first report"
    with pytest.raises(ValueError):
        merge_cluster([])


@pytest.mark.skipif(not (CORPUS / "dev" / "gold.jsonl").exists(), reason="dev corpus not available")
def test_dev_corpus_pairwise_precision_and_recall(resolver):
    report = score_dev(CORPUS, resolver)
    scores = report.annotated
    assert scores.tp > 0
    assert scores.precision >= 0.95, report
    assert scores.recall >= 0.95, report
