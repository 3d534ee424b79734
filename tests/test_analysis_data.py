"""A small hand-built dataset with known numbers, shared by the analysis tests.

Eight events: a party-channel cluster (IDCPC/CPC with the Cuban CP and the
Brazilian PT), a Jujuy cluster (Guizhou twinning, an embassy donation, a
PowerChina promotion), Henan–Coquimbo, and one undated state message to Mexico.
The expected numbers in the other test files are worked out by hand from this.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from enlace.analysis import EventFrames, frames_from_events
from enlace.codebook import Event

IDCPC = "International Department of the CPC Central Committee"
CPC = "Communist Party of China"
PCC = "Communist Party of Cuba"
PT = "Workers' Party (Brazil)"
JUJUY = "Government of Jujuy"


def _event(date: str | None, channel: str, chinese: list[tuple[str, str]],
           lac: list[tuple[str, str, str | None]], **fields: Any) -> Event:
    countries = fields.pop("countries", sorted({c for _, _, c in lac if c}))
    base: dict[str, Any] = {
        "date": date, "format": "bilateral", "lac_countries": countries, "lac_level": "national",
        "channel": channel, "content": "daily_interaction", "activity": "meeting",
        "mechanism": "bilateral", "leftist": False, "venue": "in_china",
        "chinese_actors": [{"name": n, "type": t} for n, t in chinese],
        "lac_actors": [{"name": n, "type": t, "country": c} for n, t, c in lac],
        "summary": f"test event on {date}", "evidence": f"evidence of {date}",
    }
    base.update(fields)
    return Event.model_validate(base)


def sample_events() -> list[Event]:
    return [
        _event("2018-03-10", "party", [(IDCPC, "party")], [(PCC, "party", "CU")], leftist=True),
        _event("2018-07", "party", [(IDCPC, "party")], [(PT, "party", "BR")], leftist=True,
               content="knowledge_exchange", activity="seminar"),
        _event("2019-05-20", "party", [(IDCPC, "party"), (CPC, "party")],
               [(PCC, "party", "CU"), (PT, "party", "BR")], leftist=True, format="multilateral",
               lac_level="regional", mechanism="regional", content="knowledge_exchange",
               activity="forum"),
        _event("2019-09-02", "subnational", [("Guizhou Provincial Government", "subnational")],
               [(JUJUY, "subnational_government", "AR")], lac_subdivisions=["AR-Y"],
               lac_level="subnational", activity="signing", outcomes=["twinning", "mou"]),
        _event("2020-06-15", "state", [("Embassy of China in Argentina", "state")],
               [(JUJUY, "subnational_government", "AR")], lac_subdivisions=["AR-Y"],
               lac_level="subnational", activity="donation", venue="in_lac", outcomes=["donation"]),
        _event("2021-04", "subnational", [("Henan Provincial Government", "subnational")],
               [("Regional Government of Coquimbo", "subnational_government", "CL")],
               lac_subdivisions=["CL-CO"], lac_level="subnational", activity="video_call",
               venue="virtual"),
        _event("2021", "commercial", [("PowerChina", "commercial")],
               [(JUJUY, "subnational_government", "AR")], lac_subdivisions=["AR-Y"],
               lac_level="subnational", content="knowledge_exchange", activity="trade_promotion",
               venue="in_lac"),
        _event(None, "state", [("Ministry of Foreign Affairs of China", "state")],
               [("Ministry of Foreign Affairs of Mexico", "national_government", "MX")],
               activity="message", venue="virtual"),
    ]


def sample_frames() -> EventFrames:
    return frames_from_events(sample_events())


def test_sample_is_valid_and_framed() -> None:
    frames = sample_frames()
    assert len(frames) == 8
    assert list(frames.events["event_id"]) == list(range(1, 9))
    assert len(frames.countries) == 9  # E3 names two countries
    assert set(frames.subdivisions["subdivision"]) == {"AR-Y", "CL-CO"}
    assert (frames.actors["side"] == "china").sum() == 9
    assert frames.events.loc[1, "month"] == "2018-07" and pd.isna(frames.events.loc[6, "month"])
    assert frames.events.loc[6, "year"] == 2021 and pd.isna(frames.events.loc[7, "date"])
