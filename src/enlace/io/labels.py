"""Short descriptions of the codebook fields and their allowed values.

Exports that carry metadata (Stata variable labels, the "codebook" sheet of an
Excel file) need the field meanings next to the data, so that a file sent to a
colleague explains itself. Stata caps labels at 80 characters, hence the terse
wording; the full definitions are in CODEBOOK.md.
"""

from __future__ import annotations

from enum import StrEnum

from enlace.codebook import (
    CODEBOOK_VERSION,
    Activity,
    Channel,
    Content,
    Field_,
    Format,
    LacActorType,
    LacLevel,
    Mechanism,
    Outcome,
    Venue,
)

FIELD_LABELS: dict[str, str] = {
    "date": "First day of the engagement (YYYY-MM-DD, YYYY-MM or YYYY)",
    "end_date": "Last day of a multi-day visit or course",
    "format": "bilateral (one LAC country) or multilateral",
    "lac_countries": "LAC countries taking part (ISO 3166-1 alpha-2)",
    "lac_subdivisions": "LAC first-level units taking part (ISO 3166-2)",
    "lac_level": "Level of the LAC counterpart",
    "chinese_actors": "Chinese organisations (name [channel])",
    "lac_actors": "LAC organisations (name [type])",
    "channel": "Channel of the principal Chinese actor",
    "content": "Zhang's content type: daily interaction or knowledge exchange",
    "activity": "Kind of engagement",
    "mechanism": "Zhang's mechanism: bilateral, regional or global platform",
    "leftist": "A LAC counterpart is a leftist party, platform or party-state organ",
    "venue": "Where it took place",
    "fields": "Subjects discussed or agreed",
    "outcomes": "What was signed, agreed or delivered",
    "occasion": "Shared label for events of one trip or gathering",
    "summary": "One-sentence summary in the coder's words",
    "evidence": "Span of the document that states the event",
    "doc_ids": "Source documents (enlace ids)",
    "date_td": "Stata daily date of date (day precision only)",
}

ALLOWED: dict[str, type[StrEnum]] = {
    "format": Format,
    "lac_level": LacLevel,
    "channel": Channel,
    "content": Content,
    "activity": Activity,
    "mechanism": Mechanism,
    "venue": Venue,
    "fields": Field_,
    "outcomes": Outcome,
    "chinese_actors": Channel,
    "lac_actors": LacActorType,
}


def allowed_values(field: str) -> list[str]:
    """The codebook's strings for an enumerated field (the actor types for actor lists)."""
    enum = ALLOWED.get(field)
    if enum is not None:
        return [member.value for member in enum]
    if field == "leftist":
        return ["true", "false"]
    return []


def codebook_table() -> list[dict[str, str]]:
    """One row per field: name, meaning, allowed values; for a sheet or a printed appendix."""
    rows = []
    for field, label in FIELD_LABELS.items():
        if field == "date_td":
            continue
        rows.append(
            {
                "field": field,
                "meaning": label,
                "allowed_values": "; ".join(allowed_values(field)),
                "codebook_version": CODEBOOK_VERSION,
            }
        )
    return rows
