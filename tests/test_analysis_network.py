"""The actor network, subnational ties and timelines on the known sample."""

from __future__ import annotations

import pytest
from test_analysis_data import CPC, IDCPC, JUJUY, PCC, PT, sample_frames

from enlace.analysis import (
    ActorNotFound,
    actor_network,
    centrality,
    communities,
    ego_network,
    ties,
    timeline,
    twinning_pairs,
)
from enlace.analysis.network import edge_table


@pytest.fixture(scope="module")
def frames():
    return sample_frames()


@pytest.fixture(scope="module")
def graph(frames):
    return actor_network(frames)


def test_graph_shape_and_weights(graph) -> None:
    assert graph.number_of_nodes() == 12  # 7 Chinese, 5 LAC actors
    assert graph.number_of_edges() == 9
    assert graph[f"cn:{IDCPC}"][f"lac:{PCC}"]["weight"] == 2  # E1 and E3
    assert graph[f"cn:{CPC}"][f"lac:{PT}"]["weight"] == 1
    top = edge_table(graph).iloc[0]
    assert top["weight"] == 2 and top["chinese"] == IDCPC


def test_degree_and_betweenness(graph) -> None:
    table = centrality(graph).set_index("label")
    assert table.loc[JUJUY, "degree"] == 3 and table.loc[JUJUY, "weight"] == 3
    assert table.loc[IDCPC, "degree"] == 2 and table.loc[IDCPC, "weight"] == 4
    # normalised by (n-1)(n-2)/2 = 55 pairs: Jujuy is on the path of 3 pairs of its partners,
    # IDCPC on one of the two shortest paths between PCC and PT.
    assert table.loc[JUJUY, "betweenness"] == pytest.approx(3 / 55, abs=1e-4)
    assert table.loc[IDCPC, "betweenness"] == pytest.approx(0.5 / 55, abs=1e-4)
    assert table.loc["PowerChina", "betweenness"] == 0
    assert table.index[0] == IDCPC  # heaviest first


def test_communities(graph) -> None:
    groups = communities(graph)
    assert len(groups) == 4
    assert groups[0] == {f"cn:{IDCPC}", f"cn:{CPC}", f"lac:{PCC}", f"lac:{PT}"}
    member = {node: i for i, group in enumerate(groups) for node in group}
    assert member[f"lac:{JUJUY}"] == member["cn:Guizhou Provincial Government"]
    assert member["cn:Henan Provincial Government"] != member[f"lac:{JUJUY}"]


def test_ego_network(graph) -> None:
    ego = ego_network(graph, "jujuy")
    assert set(ego) == {f"lac:{JUJUY}", "cn:Guizhou Provincial Government",
                        "cn:Embassy of China in Argentina", "cn:PowerChina"}
    assert set(ego_network(graph, PCC, radius=2)) == {f"lac:{PCC}", f"cn:{IDCPC}", f"cn:{CPC}", f"lac:{PT}"}
    with pytest.raises(ActorNotFound, match="several"):
        ego_network(graph, "Provincial Government")
    with pytest.raises(ActorNotFound, match="no actor"):
        ego_network(graph, "Nobody at all")


def test_subnational_ties_and_twinning(frames) -> None:
    table = ties(frames)
    pairs = {(r["chinese_unit"], r["lac_unit"]): r for r in table.to_dict("records")}
    assert set(pairs) == {("Guizhou", "AR-Y"), ("Henan", "CL-CO")}
    assert pairs[("Guizhou", "AR-Y")]["twinning"] and not pairs[("Henan", "CL-CO")]["twinning"]
    assert pairs[("Henan", "CL-CO")]["lac_name"] == "Coquimbo"
    assert pairs[("Guizhou", "AR-Y")]["chinese_kind"] == "province"
    twins = twinning_pairs(frames)
    assert list(zip(twins["chinese_unit"], twins["lac_unit"], strict=True)) == [("Guizhou", "AR-Y")]


def test_timeline_of_subdivision_and_actor(frames) -> None:
    by_code = timeline(frames, "AR-Y")
    assert list(by_code["date"]) == ["2019-09-02", "2020-06-15", "2021"]
    assert list(by_code["activity"]) == ["signing", "donation", "trade_promotion"]
    assert list(timeline(frames, "Jujuy")["event_id"]) == list(by_code["event_id"])
    party = timeline(frames, "International Department")
    assert list(party["date"]) == ["2018-03-10", "2018-07", "2019-05-20"]
    assert timeline(frames, "Nowhere").empty
