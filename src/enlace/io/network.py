"""Who engages whom: a bipartite graph of Chinese and LAC actors.

Network analysts (Gephi, igraph, R) start from "which Chinese organisations
meet which LAC organisations, how often, through which channels". Nodes are
actors on either side; an edge's weight is the number of events linking the
two. An event that names LAC countries but no LAC organisation links to the
country itself, so that it is not silently dropped.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from enlace.codebook import Event
from enlace.gazetteer import english_country_name


def chinese_node(name: str) -> str:
    return f"cn:{name}"


def lac_node(name: str) -> str:
    return f"lac:{name}"


def actor_graph(events: Iterable[Event]) -> nx.Graph:
    """Bipartite graph: node attrs side/type/country/label, edge attrs weight/channels (both "; "-joined)."""
    graph = nx.Graph()
    channels: dict[tuple[str, str], set[str]] = {}
    for event in events:
        chinese = []
        for actor in event.chinese_actors:
            node = chinese_node(actor.name)
            if node not in graph:
                graph.add_node(
                    node, label=actor.name, side="china", type=str(actor.type), country="CN", bipartite=0
                )
            chinese.append(node)
        lac = []
        for actor in event.lac_actors:
            node = lac_node(actor.name)
            if node not in graph:
                graph.add_node(
                    node,
                    label=actor.name,
                    side="lac",
                    type=str(actor.type),
                    country=actor.country or "",
                    bipartite=1,
                )
            lac.append(node)
        if not lac:
            for code in event.lac_countries:
                node = lac_node(code)
                if node not in graph:
                    graph.add_node(
                        node,
                        label=english_country_name(code),
                        side="lac",
                        type="country",
                        country=code,
                        bipartite=1,
                    )
                lac.append(node)
        for left in dict.fromkeys(chinese):
            for right in dict.fromkeys(lac):
                if graph.has_edge(left, right):
                    graph[left][right]["weight"] += 1
                else:
                    graph.add_edge(left, right, weight=1)
                channels.setdefault((left, right), set()).add(str(event.channel))
    for (left, right), names in channels.items():
        graph[left][right]["channels"] = "; ".join(sorted(names))
    return graph
