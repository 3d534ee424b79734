"""Analyses of an event dataset: tables, the actor network, subnational ties, timelines,
figures and the self-contained HTML report.

Every analysis takes :class:`EventFrames` — built from a store with
:func:`load_frames` or from a list of codebook events with
:func:`frames_from_events` — and returns a pandas table (or a networkx graph);
each has a matching figure function. Import cost matters for the CLI, so
figures and the report (matplotlib, Jinja2) load only when first used.
"""

from __future__ import annotations

from typing import Any

from enlace.analysis.frame import EventFrames, frames_from_events, load_frames
from enlace.analysis.network import (
    ActorNotFound,
    actor_network,
    centrality,
    communities,
    ego_network,
    find_actor,
)
from enlace.analysis.subnational import ties, twinning_pairs
from enlace.analysis.tables import (
    change,
    channel_level,
    content_by_country,
    counts_by_country,
    counts_by_month,
    counts_by_subdivision,
    counts_by_year,
    shares,
    top_actors,
)
from enlace.analysis.timeline import timeline

_LAZY = {"build_report": "enlace.analysis.report", "write_report": "enlace.analysis.report",
         "ReportOptions": "enlace.analysis.report", "figures": "enlace.analysis.figures"}

__all__ = [
    "ActorNotFound",
    "EventFrames",
    "ReportOptions",
    "actor_network",
    "build_report",
    "centrality",
    "change",
    "channel_level",
    "communities",
    "content_by_country",
    "counts_by_country",
    "counts_by_month",
    "counts_by_subdivision",
    "counts_by_year",
    "ego_network",
    "figures",
    "find_actor",
    "frames_from_events",
    "load_frames",
    "shares",
    "ties",
    "timeline",
    "top_actors",
    "twinning_pairs",
    "write_report",
]


def __getattr__(name: str) -> Any:
    """Load the matplotlib/Jinja2 parts on first use (``enlace --help`` stays fast)."""
    if name in _LAZY:
        import importlib

        module = importlib.import_module(_LAZY[name])
        return module if name == "figures" else getattr(module, name)
    raise AttributeError(f"module 'enlace.analysis' has no attribute {name!r}")
