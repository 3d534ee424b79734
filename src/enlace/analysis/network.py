"""Who engages whom: the bipartite Chinese–LAC actor network and its measures.

Why: Zhang (2024) calls party diplomacy "network-building", and Myers (2020)
maps avenues by actor; the questions are which organisations are hubs
(degree), which are brokers between otherwise separate groups (betweenness),
which clusters exist (communities) and what one actor's neighbourhood looks
like (ego network). The graph itself is the one ``enlace export --format
graphml`` writes (:func:`enlace.io.network.actor_graph`), so the analysis and
the export never disagree: nodes ``cn:<name>`` and ``lac:<name>``, edge
weight = number of events linking the two.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
import pandas as pd

from enlace.analysis.frame import EventFrames
from enlace.codebook import Event
from enlace.errors import EnlaceError


class ActorNotFound(EnlaceError, LookupError):
    """No actor (or more than one) in the network matches the name asked for."""


def actor_network(data: EventFrames | Iterable[Event]) -> nx.Graph:
    """The weighted bipartite graph of the events' actors."""
    from enlace.io.network import actor_graph

    events = data.records if isinstance(data, EventFrames) else list(data)
    return actor_graph(events)


def communities(graph: nx.Graph, seed: int = 0) -> list[set[str]]:
    """Louvain communities (weighted, seeded so reruns agree), largest first."""
    if graph.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    return sorted((set(c) for c in found), key=lambda c: (-len(c), sorted(c)[0]))


def centrality(graph: nx.Graph, seed: int = 0) -> pd.DataFrame:
    """One row per actor: label, side, type, degree (neighbours), weight (events on its edges),
    betweenness (normalised, unweighted: weights are counts, not distances), community
    (index into :func:`communities`). Sorted by weight, then degree."""
    columns = ["node", "label", "side", "type", "degree", "weight", "betweenness", "community"]
    if graph.number_of_nodes() == 0:
        return pd.DataFrame(columns=columns)
    between = nx.betweenness_centrality(graph, normalized=True)
    member = {node: index for index, group in enumerate(communities(graph, seed)) for node in group}
    rows = [[node, data.get("label", node), data.get("side"), data.get("type"),
             graph.degree(node), graph.degree(node, weight="weight"), round(between[node], 4),
             member[node]] for node, data in graph.nodes(data=True)]
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["weight", "degree", "label"], ascending=[False, False, True]
                             ).reset_index(drop=True)


def find_actor(graph: nx.Graph, name: str) -> str:
    """The node of an actor named ``name``: exact label (any case) first, else a unique
    part of a label. Raises :class:`ActorNotFound` with the candidates otherwise."""
    wanted = name.casefold().strip()
    if wanted in graph:
        return wanted
    exact = [n for n, d in graph.nodes(data=True) if str(d.get("label", n)).casefold() == wanted
             or n.casefold() == wanted]
    if len(exact) == 1:
        return exact[0]
    partial = exact or [n for n, d in graph.nodes(data=True)
                        if wanted in str(d.get("label", n)).casefold()]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise ActorNotFound(f"no actor in the network matches {name!r}")
    labels = ", ".join(sorted(str(graph.nodes[n].get("label", n)) for n in partial)[:8])
    raise ActorNotFound(f"{name!r} matches several actors: {labels}")


def ego_network(graph: nx.Graph, actor: str, radius: int = 1) -> nx.Graph:
    """The actor, everyone within ``radius`` steps, and the edges among them."""
    return nx.ego_graph(graph, find_actor(graph, actor), radius=radius)


def edge_table(graph: nx.Graph) -> pd.DataFrame:
    """Edges as rows (chinese, lac, weight, channels), heaviest first."""
    rows = []
    for left, right, data in graph.edges(data=True):
        if graph.nodes[left].get("side") != "china":
            left, right = right, left
        rows.append([graph.nodes[left].get("label", left), graph.nodes[right].get("label", right),
                     int(data.get("weight", 1)), data.get("channels", "")])
    table = pd.DataFrame(rows, columns=["chinese", "lac", "weight", "channels"])
    return table.sort_values(["weight", "chinese", "lac"], ascending=[False, True, True]
                             ).reset_index(drop=True)
