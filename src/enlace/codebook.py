"""The codebook (../shared/CODEBOOK.md, version 1.2) as code.

Every part of enlace speaks these models: extraction produces them, the
store keeps them, evaluation compares them. Enum values are the codebook's
own strings so that the interchange JSON round-trips unchanged.
"""

from __future__ import annotations

import json
import re
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from enlace.errors import EnlaceError

CODEBOOK_VERSION = "1.2"

_PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_ISO_ALPHA2 = re.compile(r"^[A-Z]{2}$")
_ISO_SUBDIVISION = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")


class Format(StrEnum):
    BILATERAL = "bilateral"
    MULTILATERAL = "multilateral"


class LacLevel(StrEnum):
    NATIONAL = "national"
    SUBNATIONAL = "subnational"
    REGIONAL = "regional"


class Channel(StrEnum):
    PARTY = "party"
    STATE = "state"
    QUASI_GOVERNMENTAL = "quasi_governmental"
    SUBNATIONAL = "subnational"
    COMMERCIAL = "commercial"
    ACADEMIC = "academic"
    DIASPORA = "diaspora"


class Content(StrEnum):
    DAILY_INTERACTION = "daily_interaction"
    KNOWLEDGE_EXCHANGE = "knowledge_exchange"


class Activity(StrEnum):
    MEETING = "meeting"
    VISIT = "visit"
    VIDEO_CALL = "video_call"
    TRAINING = "training"
    SEMINAR = "seminar"
    FORUM = "forum"
    SIGNING = "signing"
    MESSAGE = "message"
    DONATION = "donation"
    TRADE_PROMOTION = "trade_promotion"
    OTHER = "other"


class Mechanism(StrEnum):
    BILATERAL = "bilateral"
    REGIONAL = "regional"
    GLOBAL = "global"


class Venue(StrEnum):
    IN_CHINA = "in_china"
    IN_LAC = "in_lac"
    VIRTUAL = "virtual"
    THIRD_COUNTRY = "third_country"
    UNKNOWN = "unknown"


class Field_(StrEnum):
    """Subjects discussed or agreed (Hanqi's four fields plus Myers')."""

    POLITICAL = "political"
    ECONOMIC = "economic"
    CULTURAL = "cultural"
    GREEN = "green"
    SECURITY = "security"
    TECHNOLOGY = "technology"
    HEALTH = "health"
    EDUCATION = "education"


class Outcome(StrEnum):
    MOU = "mou"
    TWINNING = "twinning"
    CONTRACT = "contract"
    LOAN = "loan"
    INVESTMENT = "investment"
    DONATION = "donation"
    JOINT_STATEMENT = "joint_statement"
    TRAINING_DELIVERED = "training_delivered"


class LacActorType(StrEnum):
    PARTY = "party"
    NATIONAL_GOVERNMENT = "national_government"
    LEGISLATURE = "legislature"
    SUBNATIONAL_GOVERNMENT = "subnational_government"
    BUSINESS = "business"
    ACADEMIC = "academic"
    MEDIA = "media"
    CIVIL_SOCIETY = "civil_society"
    REGIONAL_BODY = "regional_body"


def check_partial_date(value: str | None) -> str | None:
    """Accept YYYY, YYYY-MM or YYYY-MM-DD (the codebook's precisions) or None."""
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not _PARTIAL_DATE.match(value):
        raise ValueError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return value


class ChineseActor(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, description="canonical English name of the organisation")
    type: Channel


class LacActor(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1)
    type: LacActorType
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2; null for regional bodies")

    @field_validator("country")
    @classmethod
    def _country(cls, value: str | None) -> str | None:
        if value is not None and not _ISO_ALPHA2.match(value):
            raise ValueError(f"country {value!r} is not an ISO 3166-1 alpha-2 code")
        return value


class Event(BaseModel):
    """One occasion of direct engagement between a Chinese and a LAC actor."""

    model_config = ConfigDict(extra="forbid", use_enum_values=True)

    date: str | None
    end_date: str | None = None
    format: Format
    lac_countries: list[str] = Field(default_factory=list)
    lac_subdivisions: list[str] = Field(default_factory=list)
    lac_level: LacLevel
    chinese_actors: list[ChineseActor] = Field(default_factory=list)
    lac_actors: list[LacActor] = Field(default_factory=list)
    channel: Channel
    content: Content
    activity: Activity
    mechanism: Mechanism
    leftist: bool
    venue: Venue
    fields: list[Field_] = Field(default_factory=list)
    outcomes: list[Outcome] = Field(default_factory=list)
    occasion: str | None = None
    summary: str = ""
    evidence: str = ""
    doc_ids: list[str] = Field(default_factory=list, description="source documents (enlace)")

    @field_validator("date", "end_date", mode="before")
    @classmethod
    def _dates(cls, value: str | None) -> str | None:
        return check_partial_date(value)

    @field_validator("lac_countries")
    @classmethod
    def _countries(cls, values: list[str]) -> list[str]:
        for value in values:
            if not _ISO_ALPHA2.match(value):
                raise ValueError(f"lac_countries entry {value!r} is not ISO 3166-1 alpha-2")
        return values

    @field_validator("lac_subdivisions")
    @classmethod
    def _subdivisions(cls, values: list[str]) -> list[str]:
        for value in values:
            if not _ISO_SUBDIVISION.match(value):
                raise ValueError(f"lac_subdivisions entry {value!r} is not ISO 3166-2")
        return values

    @model_validator(mode="after")
    def _end_after_start(self) -> Event:
        if self.date and self.end_date and self.end_date[: len(self.date)] < self.date:
            raise ValueError(f"end_date {self.end_date} is before date {self.date}")
        return self

    def interchange(self) -> dict[str, Any]:
        """The codebook's JSON object (plus enlace's doc_ids)."""
        return self.model_dump(mode="json")


class Document(BaseModel):
    """A source document as enlace reads it (the corpus JSON shape)."""

    model_config = ConfigDict(extra="ignore")

    doc_id: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None
    source: str | None = None
    text: str

    @field_validator("published", mode="before")
    @classmethod
    def _published(cls, value: str | None) -> str | None:
        return check_partial_date(value[:10] if isinstance(value, str) else value)


class GoldDocument(BaseModel):
    """One line of a gold file: a document and its hand-coded events."""

    model_config = ConfigDict(extra="forbid")
    doc_id: str
    events: list[Event]


class CodebookError(EnlaceError, ValueError):
    """An object does not follow the codebook; the message names where and why."""


def _explain(error: ValidationError, where: str) -> str:
    parts = []
    for item in error.errors()[:5]:
        loc = ".".join(str(p) for p in item["loc"]) or "(object)"
        parts.append(f"{loc}: {item['msg']}")
    return f"{where}: " + "; ".join(parts)


def parse_event(data: dict[str, Any], where: str = "event") -> Event:
    """Validate one interchange object, raising CodebookError with a readable message."""
    try:
        return Event.model_validate(data)
    except ValidationError as error:
        raise CodebookError(_explain(error, where)) from None


def parse_gold_line(line: str, where: str) -> GoldDocument:
    try:
        return GoldDocument.model_validate(json.loads(line))
    except json.JSONDecodeError as error:
        raise CodebookError(f"{where}: not JSON ({error.msg})") from None
    except ValidationError as error:
        raise CodebookError(_explain(error, where)) from None


def interchange_schema() -> dict[str, Any]:
    """JSON Schema of one event in the interchange format."""
    schema = Event.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"enlace event (codebook {CODEBOOK_VERSION})"
    return schema
