"""Hand-typed spreadsheet cells -> codebook values.

Researchers keep tables in their own language and habits: "Brasil", "México",
"25/03/2019", "marzo 2019", "2022.2.23", "biliteral+leftist", "reunión". Each
function here takes one cell and returns the codebook's value, or raises
``ValueError`` with a message that says what was not understood; the importer
adds the file and row.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

import pycountry

from enlace.codebook import (
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
from enlace.gazetteer.entities import read_rows
from enlace.gazetteer.text import fold

LIST_SPLIT = re.compile(r"\s*(?:;|\||\n|,|/|\s\+\s)\s*")
CONJUNCTION_SPLIT = re.compile(r"\s+(?:and|y|e|&)\s+", re.IGNORECASE)
ACTOR_SPLIT = re.compile(r"\s*(?:;|\||\n)\s*")
ACTOR_CELL = re.compile(r"^(?P<name>.*?)\s*\[(?P<inner>[^\]]*)\]\s*$")


def key(text: str) -> str:
    """Fold case/accents and squeeze punctuation: the form lookups compare."""
    return re.sub(r"[^0-9a-z\u4e00-\u9fff]+", " ", fold(str(text))).strip()


def is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and value != value:  # NaN from pandas
        return True
    return isinstance(value, str) and not value.strip()


# ---------------------------------------------------------------- countries
@lru_cache(maxsize=1)
def lac_country_aliases() -> dict[str, str]:
    """Folded alias (EN/ES/PT/ZH names, demonyms, ISO codes) -> alpha-2, LAC only."""
    aliases: dict[str, str] = {}
    for row in read_rows("lac_countries.csv"):
        aliases.setdefault(key(row["alias"]), row["iso2"])
    for code in set(aliases.values()):
        aliases.setdefault(key(code), code)
        country = pycountry.countries.get(alpha_2=code)
        if country is not None:
            aliases.setdefault(key(country.alpha_3), code)
            for attr in ("name", "official_name", "common_name"):
                if getattr(country, attr, None):
                    aliases.setdefault(key(getattr(country, attr)), code)
    return aliases


def country_code(value: str) -> str:
    """A country name or code in EN/ES/PT -> ISO alpha-2 (LAC gazetteer first, then pycountry)."""
    folded = key(value)
    found = lac_country_aliases().get(folded)
    if found:
        return found
    try:
        return pycountry.countries.lookup(value.strip()).alpha_2
    except LookupError:
        pass
    raise ValueError(f"unknown country {value!r}")


REGIONAL_WORDS = {
    "multilateral",
    "regional",
    "multilaterales",
    "varios",
    "various",
    "several",
    "latin america",
    "america latina",
    "lac",
    "alc",
    "caribbean",
    "caribe",
}


def countries(value: Any) -> list[str]:
    """A cell listing countries -> alpha-2 codes; "multilateral"/"regional" alone means none named."""
    if is_blank(value):
        return []
    out: list[str] = []
    for part in LIST_SPLIT.split(str(value)):
        if not part or key(part) in REGIONAL_WORDS:
            continue
        try:  # "Trinidad and Tobago" is one country, "Cuba y Venezuela" two
            codes = [country_code(part)]
        except ValueError:
            pieces = CONJUNCTION_SPLIT.split(part)
            if len(pieces) == 1:
                raise
            codes = [country_code(piece) for piece in pieces if key(piece) not in REGIONAL_WORDS]
        out.extend(code for code in codes if code not in out)
    return out


@lru_cache(maxsize=1)
def _subdivision_aliases() -> dict[str, set[str]]:
    aliases: dict[str, set[str]] = {}
    for row in read_rows("lac_subdivision_aliases.csv"):
        aliases.setdefault(key(row["alias"]), set()).add(row["code"])
    return aliases


def subdivisions(value: Any, within: list[str]) -> list[str]:
    """ISO 3166-2 codes or names of first-level units; names resolved inside the row's countries."""
    if is_blank(value):
        return []
    out: list[str] = []
    for part in re.split(r"\s*[;|\n]\s*", str(value)):
        if not part:
            continue
        if re.fullmatch(r"[A-Za-z]{2}-[A-Za-z0-9]{1,3}", part):
            code = part.upper()
        else:
            candidates = set(_subdivision_aliases().get(key(part), set()))
            for country in within:
                for sub in pycountry.subdivisions.get(country_code=country) or []:
                    if key(sub.name) == key(part):
                        candidates.add(sub.code)
            if within:
                candidates = {c for c in candidates if c.split("-")[0] in within}
            if len(candidates) != 1:
                problem = "ambiguous" if candidates else "unknown"
                raise ValueError(f"{problem} subdivision {part!r}")
            code = candidates.pop()
        if code not in out:
            out.append(code)
    return out


# ---------------------------------------------------------------- dates
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan", "enero", "ene", "janeiro"),
            ("february", "feb", "febrero", "fevereiro", "fev"),
            ("march", "mar", "marzo", "marco"),
            ("april", "apr", "abril", "abr"),
            ("may", "mayo", "maio", "mai"),
            ("june", "jun", "junio", "junho"),
            ("july", "jul", "julio", "julho"),
            ("august", "aug", "agosto", "ago"),
            ("september", "sep", "sept", "septiembre", "setiembre", "setembro", "set"),
            ("october", "oct", "octubre", "outubro", "out"),
            ("november", "nov", "noviembre", "novembro"),
            ("december", "dec", "diciembre", "dic", "dezembro", "dez"),
        ],
        start=1,
    )
    for name in names
}


def _day(year: int, month: int, day: int, raw: Any) -> str:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        raise ValueError(f"impossible date {raw!r}") from None


def partial_date(value: Any) -> str | None:
    """A date cell -> YYYY-MM-DD / YYYY-MM / YYYY, keeping only the precision the cell has.

    Numeric D/M/Y is read day first (the LAC and European habit) unless the
    second number cannot be a month.
    """
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        return value.to_pydatetime().strftime("%Y-%m-%d")
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and 1000 <= value <= 9999:
            return f"{int(value):04d}"
        raise ValueError(f"unreadable date {value!r}")
    text = fold(str(value)).strip()
    if re.fullmatch(r"\d{4}(\.0)?", text):
        return text[:4]
    match = re.fullmatch(r"(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:[ t].*)?", text)
    if match:
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            raise ValueError(f"impossible date {value!r}")
        return _day(year, month, int(match[3]), value) if match[3] else f"{year:04d}-{month:02d}"
    match = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text)
    if match:
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        day, month = (second, first) if second > 12 >= first else (first, second)
        return _day(year, month, day, value)
    match = re.fullmatch(r"(\d{1,2})[-/.](\d{4})", text)
    if match:
        month, year = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            raise ValueError(f"impossible date {value!r}")
        return f"{year:04d}-{month:02d}"
    words = [w for w in re.split(r"[\s,.\-/]+", text) if w and w not in {"de", "del", "of", "the"}]
    month_words = [w for w in words if w in MONTHS]
    numbers = [w for w in words if w.isdigit()]
    if len(month_words) == 1 and len(words) == len(numbers) + 1:
        month = MONTHS[month_words[0]]
        years = [int(n) for n in numbers if len(n) == 4]
        days = [int(n) for n in numbers if len(n) <= 2]
        if len(years) == 1 and len(days) <= 1:
            return _day(years[0], month, days[0], value) if days else f"{years[0]:04d}-{month:02d}"
    raise ValueError(f"unreadable date {value!r}")


# ---------------------------------------------------------------- enumerations
SYNONYMS: dict[str, dict[str, str]] = {
    "format": {"biliteral": "bilateral", "bilat": "bilateral", "multi": "multilateral"},
    "lac_level": {
        "nacional": "national",
        "subnacional": "subnational",
        "local": "subnational",
        "provincial": "subnational",
        "estatal": "subnational",
    },
    "channel": {
        "partido": "party",
        "cpc": "party",
        "pcch": "party",
        "estado": "state",
        "gobierno": "state",
        "government": "state",
        "governo": "state",
        "cuasi gubernamental": "quasi_governmental",
        "quasi governmental": "quasi_governmental",
        "paradiplomacia": "subnational",
        "subnacional": "subnational",
        "provincial": "subnational",
        "empresa": "commercial",
        "empresarial": "commercial",
        "business": "commercial",
        "academico": "academic",
        "academia": "academic",
        "diaspora": "diaspora",
    },
    "content": {
        "daily interaction": "daily_interaction",
        "interaccion diaria": "daily_interaction",
        "interaccion cotidiana": "daily_interaction",
        "daily": "daily_interaction",
        "knowledge exchange": "knowledge_exchange",
        "intercambio de conocimiento": "knowledge_exchange",
        "intercambio de conocimientos": "knowledge_exchange",
        "knowledge": "knowledge_exchange",
        "troca de conhecimento": "knowledge_exchange",
        "interacao diaria": "daily_interaction",
    },
    "activity": {
        "reunion": "meeting",
        "encuentro": "meeting",
        "reuniao": "meeting",
        "visita": "visit",
        "videollamada": "video_call",
        "videoconferencia": "video_call",
        "video": "video_call",
        "video call": "video_call",
        "capacitacion": "training",
        "curso": "training",
        "formacion": "training",
        "training course": "training",
        "seminario": "seminar",
        "foro": "forum",
        "forum": "forum",
        "firma": "signing",
        "acuerdo": "signing",
        "mensaje": "message",
        "carta": "message",
        "letter": "message",
        "mensagem": "message",
        "donacion": "donation",
        "doacao": "donation",
        "feria": "trade_promotion",
        "trade promotion": "trade_promotion",
        "otro": "other",
        "outro": "other",
    },
    "mechanism": {
        "biliteral": "bilateral",
        "bilat": "bilateral",
        "regional": "regional",
        "global": "global",
        "mundial": "global",
    },
    "venue": {
        "china": "in_china",
        "en china": "in_china",
        "in china": "in_china",
        "na china": "in_china",
        "lac": "in_lac",
        "en alc": "in_lac",
        "in lac": "in_lac",
        "america latina": "in_lac",
        "virtual": "virtual",
        "online": "virtual",
        "en linea": "virtual",
        "third country": "third_country",
        "tercer pais": "third_country",
        "desconocido": "unknown",
    },
    "fields": {
        "politico": "political",
        "politica": "political",
        "economico": "economic",
        "economia": "economic",
        "cultural": "cultural",
        "cultura": "cultural",
        "verde": "green",
        "medio ambiente": "green",
        "seguridad": "security",
        "tecnologia": "technology",
        "salud": "health",
        "educacion": "education",
        "educacao": "education",
        "saude": "health",
    },
    "outcomes": {
        "memorando": "mou",
        "memorandum": "mou",
        "hermanamiento": "twinning",
        "contrato": "contract",
        "prestamo": "loan",
        "inversion": "investment",
        "donacion": "donation",
        "declaracion conjunta": "joint_statement",
        "joint statement": "joint_statement",
        "capacitacion": "training_delivered",
    },
    "lac_actor_type": {
        "partido": "party",
        "gobierno": "national_government",
        "government": "national_government",
        "legislatura": "legislature",
        "parlamento": "legislature",
        "congreso": "legislature",
        "gobierno subnacional": "subnational_government",
        "empresa": "business",
        "academia": "academic",
        "medios": "media",
        "sociedad civil": "civil_society",
        "organismo regional": "regional_body",
    },
}
ENUMS = {
    "format": Format,
    "lac_level": LacLevel,
    "channel": Channel,
    "content": Content,
    "activity": Activity,
    "mechanism": Mechanism,
    "venue": Venue,
    "fields": Field_,
    "outcomes": Outcome,
    "lac_actor_type": LacActorType,
}


def enum_value(field: str, value: Any) -> str:
    """One cell of an enumerated field -> the codebook string (own values, ES/PT synonyms, prefixes)."""
    allowed = [member.value for member in ENUMS[field]]
    folded = key(value)
    underscored = folded.replace(" ", "_")
    if underscored in allowed:
        return underscored
    synonyms = SYNONYMS.get(field, {})
    if folded in synonyms:
        return synonyms[folded]
    for word, target in synonyms.items():  # "training course for cadres" -> training
        if folded.startswith(word + " "):
            return target
    raise ValueError(f"{field}: {value!r} is not one of {', '.join(allowed)}")


LEFTIST_MARK = re.compile(r"\s*\+\s*(leftist|izquierda|esquerda|left)\b", re.IGNORECASE)


def split_leftist_mark(value: Any) -> tuple[str, bool]:
    """Zhang's tables write "biliteral+leftist": return the mechanism part and whether the mark was there."""
    text = "" if is_blank(value) else str(value)
    marked = bool(LEFTIST_MARK.search(text))
    return LEFTIST_MARK.sub("", text).strip(), marked


def enum_list(field: str, value: Any) -> list[str]:
    if is_blank(value):
        return []
    out: list[str] = []
    for part in re.split(r"\s*[;,|\n]\s*", str(value)):
        if part and (item := enum_value(field, part)) not in out:
            out.append(item)
    return out


TRUE = {"true", "yes", "si", "sim", "1", "x", "verdadero", "y", "leftist", "izquierda"}
FALSE = {"false", "no", "nao", "0", "falso", "n", ""}


def boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    folded = key(value)
    if folded in TRUE:
        return True
    if folded in FALSE:
        return False
    raise ValueError(f"not a yes/no value: {value!r}")


def text_list(value: Any) -> list[str]:
    if is_blank(value):
        return []
    return [part for part in re.split(r"\s*[;|\n]\s*", str(value)) if part]


# ---------------------------------------------------------------- actors
@lru_cache(maxsize=1)
def chinese_actor_index() -> dict[str, tuple[str, str]]:
    """Folded alias -> (canonical name, channel) from the gazetteer."""
    index: dict[str, tuple[str, str]] = {}
    for row in read_rows("chinese_actors.csv"):
        index.setdefault(key(row["alias"]), (row["canonical"], row["type"]))
        index.setdefault(key(row["canonical"]), (row["canonical"], row["type"]))
    return index


@lru_cache(maxsize=1)
def lac_actor_index() -> dict[str, tuple[str, str, str | None]]:
    """Folded alias -> (canonical name, actor type, country) for parties and fixed-name organisations."""
    index: dict[str, tuple[str, str, str | None]] = {}
    for row in read_rows("lac_parties.csv"):
        entry = (row["canonical"], "party", row["country"] or None)
        for alias in [row["canonical"], row["original_name"], *row["aliases"].split("|")]:
            if alias.strip():
                index.setdefault(key(alias), entry)
        if row["acronym"] and row["country"]:
            index.setdefault(key(f"{row['acronym']} {row['country']}"), entry)
    for row in read_rows("lac_organisations.csv"):
        entry = (row["canonical"], row["type"], row["country"] or None)
        index.setdefault(key(row["alias"]), entry)
        index.setdefault(key(row["canonical"]), entry)
    return index


def _bracket(part: str) -> tuple[str, list[str]]:
    match = ACTOR_CELL.match(part)
    if not match:
        return part.strip(), []
    return match["name"].strip(), [p.strip() for p in match["inner"].split(",") if p.strip()]


def chinese_actors(value: Any, channel: str | None) -> list[dict[str, str]]:
    """Items "name [type]", or bare names looked up in the gazetteer (else the row's channel)."""
    if is_blank(value):
        return []
    out = []
    for part in ACTOR_SPLIT.split(str(value)):
        if not part:
            continue
        name, inner = _bracket(part)
        known = chinese_actor_index().get(key(name))
        if known:
            name = known[0]
        if inner:
            kind = enum_value("channel", inner[0])
        elif known:
            kind = known[1]
        elif channel:
            kind = channel
        else:
            raise ValueError(f"chinese actor {name!r}: give its type as 'name [type]' or a channel column")
        out.append({"name": name, "type": kind})
    return out


GUESSED_TYPES = [
    (re.compile(r"\b(party|partido|partida|frente|movimiento|movement|movimento)\b"), "party"),
    (
        re.compile(
            r"\b(senate|senado|congress|congreso|congresso|assembly|asamblea|parliament|parlamento|"
            r"chamber|camara)\b"
        ),
        "legislature",
    ),
    (
        re.compile(
            r"\b(gobierno regional|regional government|gobierno provincial|governo estadual|"
            r"governor|gobernador|governador|gobernacion|mayor|alcalde|alcaldia|prefeito|prefeitura|"
            r"municipal|municipio|province|provincia|estado de|state government)\b"
        ),
        "subnational_government",
    ),
    (
        re.compile(
            r"\b(ambassador|embajador|embajada|embaixada|embassy|ministry|ministerio|government|"
            r"gobierno|governo|president|presidente)\b"
        ),
        "national_government",
    ),
    (
        re.compile(r"\b(university|universidad|universidade|institute|instituto|think tank|academy)\b"),
        "academic",
    ),
    (re.compile(r"\b(company|empresa|corporation|s a|ltda|bank|banco|chamber of commerce)\b"), "business"),
    (re.compile(r"\b(newspaper|diario|television|media|radio|agencia)\b"), "media"),
]


def lac_actors(value: Any, row_countries: list[str], default_type: str | None) -> list[dict[str, str | None]]:
    """Items "name [type]" / "name [type, CC]", or bare names (gazetteer, wording, ``default_type``)."""
    if is_blank(value):
        return []
    out: list[dict[str, str | None]] = []
    for part in ACTOR_SPLIT.split(str(value)):
        if not part:
            continue
        name, inner = _bracket(part)
        known = lac_actor_index().get(key(name))
        kind: str | None = None
        country: str | None = None
        if known:
            name, kind, country = known
        if inner:
            kind = enum_value("lac_actor_type", inner[0])
            if len(inner) > 1:
                country = country_code(inner[1])
        if kind is None:
            folded = key(name)
            kind = next((t for pattern, t in GUESSED_TYPES if pattern.search(folded)), default_type)
        if kind is None:
            raise ValueError(f"lac actor {name!r}: give its type as 'name [type]'")
        if country is None and kind != "regional_body" and len(row_countries) == 1:
            country = row_countries[0]
        out.append({"name": name, "type": kind, "country": country})
    return out
