"""Mentions: the places and actors a document names, with their offsets.

Gazetteer matches give named organisations and places; role words ("the
governor of", "embajador chino", "市长") turn places into the governments
acting there. Ambiguous names (PCC, PT) stay ambiguous here and are settled by
the document's country context in :mod:`enlace.extract.events`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from enlace.extract.cues import Cue, DocumentCues
from enlace.extract.lexicon import DOCTRINE, TAIWAN
from enlace.gazetteer import Entity, Gazetteer, Match
from enlace.gazetteer.entities import english_country_name


@dataclass(slots=True)
class ActorMention:
    start: int
    end: int
    side: str  # "cn" or "lac"
    name: str
    type: str  # Channel (cn) or LacActorType (lac)
    country: str | None = None
    subdivision: str | None = None
    leftist: bool = False
    role: str = ""
    alternatives: tuple[ActorMention, ...] = ()  # other readings of an ambiguous name


@dataclass(slots=True)
class PlaceMention:
    start: int
    end: int
    side: str  # "cn" or "lac"
    country: str | None
    subdivision: str | None = None
    name: str = ""
    kind: str = ""  # country, demonym, subdivision, lac_city, cn_place
    government: str = ""  # for a Chinese place: its government's canonical name
    alternatives: tuple[tuple[str | None, str | None, str], ...] = ()  # (country, code, name)


@dataclass
class Mentions:
    actors: list[ActorMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)


def _role(words: list[str]) -> Cue:
    return Cue(words)


# Chinese officials whose office is the organisation (folded text).
_CN_AMBASSADOR = _role([
    r"(?:the )?chinese ambassador", r"china's ambassador", r"ambassador of china",
    r"ambassador of the people's republic of china", r"embajador(?:a)? de china",
    r"embajador(?:a)? chin[oa]", r"embajador(?:a)? de la republica popular china",
    r"embaixador(?:a)? da china", r"embaixador(?:a)? chines(?:a)?",
    r"embaixador(?:a)? da republica popular da china", r"chinese embassy", r"embajada china",
    r"embajada de china", r"embaixada da china", r"embaixada chinesa", "中国大使", "中国驻",
])
_CN_CONSUL = _role([
    r"consul(?:ate)?[- ]general", r"consul general", r"consulado general", r"consul-geral",
    r"consulado-geral", r"consul geral", r"consulado geral", r"consul(?:ate)? of china",
    r"chinese consul(?:ate)?", r"consul(?:ado)? de china", r"consul(?:ado)? chino",
    r"consul(?:ado)? da china", r"consul(?:ado)? chines", r"consulesa(?: geral)? da china",
    r"consul(?:a|esa)? de china", "总领事", "领事",
])
_CN_GOVERNMENT = _role([
    r"chinese government", r"government of china", r"gobierno chino", r"gobierno de china",
    r"governo chines", r"governo da china", r"chinese president", r"president of china",
    r"presidente chino", r"presidente de china", r"presidente da china", r"presidente chines",
    r"chinese premier", r"chinese vice president", r"vicepresidente chino",
    "中国政府", "国家主席", "国务院总理",
])
_CN_DELEGATION = _role([
    r"chinese delegation", r"delegation from china", r"delegacion china",
    r"delegacion de china", r"delegacao chinesa", r"delegacao da china", "中国代表团",
])
_CN_PLACE_ROLE = re.compile(
    r"(?<![\w])(?:governor|vice[- ]governor|mayor|vice[- ]mayor|party secretary|secretary of the"
    r"|government|municipal|provincial|province|city|delegation|officials?|authorities|committee"
    r"|people's congress|foreign affairs office|gobernador|vicegobernador|alcalde|gobierno"
    r"|delegacion|ciudad|provincia|municipal|autoridades|comite|governador|prefeito|governo"
    r"|delegacao|cidade|provincia|autoridades|comite|representantes|representatives)(?![\w])"
    r"|省长|市长|书记|政府|代表团|人大|外办|省委|市委|州长|县长|区长"
)
_CN_LOCATIVE = re.compile(r"(?:\b(?:in|at|en|em|from|de|desde|to|a|para|no|na)\s+|在|于|赴)$")

# LAC officials: role word -> (actor type, what the role attaches to).
_LAC_ROLES: list[tuple[str, str, re.Pattern[str]]] = [
    ("subnational_government", "subdivision", _role([
        r"governor", r"vice[- ]governor", r"gobernador(?:a)?", r"vicegobernador(?:a)?",
        r"governador(?:a)?", r"state government", r"provincial government",
        r"gobierno (?:de la provincia|provincial|del estado|estatal|regional)",
        r"governo (?:do estado|estadual)", r"intendente regional", r"gobernacion",
        r"jefe de gobierno", r"州长", r"省长", "州政府", "省政府",
    ])),
    ("subnational_government", "city", _role([
        r"mayor", r"alcalde(?:sa)?", r"intendente", r"prefeit[oa]", r"prefeitura",
        r"municipio", r"municipalidad", r"ayuntamiento", r"city council", r"city government",
        r"municipality", r"city hall", r"市长", "市政府",
    ])),
    # A chamber named as such makes its own event; members and speakers join one.
    ("legislature", "institution", _role([
        r"senate", r"senado", r"chamber of deputies", r"house of representatives",
        r"national assembly", r"national congress", r"congreso nacional", r"congresso nacional",
        r"parliament", r"legislative assembly", r"camara de diputados", r"camara dos deputados",
        r"camara de representantes", r"asamblea nacional", r"asamblea legislativa",
        r"parlamento", r"house speaker", r"speaker of the (?:house|chamber|national assembly)",
        r"presidente de la camara", r"presidente da camara", "议会", "国会", "参议院", "众议院",
        "国民议会", "众议长", "参议长", "议长",
    ])),
    ("legislature", "country", _role([
        r"senators?", r"senador(?:a|es)?", r"congress(?:man|woman)", r"congresista",
        r"parliamentar(?:y|ian)s?", r"diputad[oa]s?", r"deputad[oa]s?", r"parlamentari\w+",
        r"speaker", "参议员", "众议员",
    ])),
    ("national_government", "envoy", _role([
        r"ambassador", r"embajador(?:a)?", r"embaixador(?:a)?", r"embassy", r"embajada",
        r"embaixada", r"envoys?", r"enviad[oa]s?", "大使", "驻华大使", "使馆",
    ])),
    ("national_government", "country", _role([
        r"president", r"prime minister", r"vice president", r"minister", r"foreign minister",
        r"chancellor", r"government", r"presidente", r"primer ministro", r"vicepresidente",
        r"ministr[oa]", r"canciller", r"gobierno", r"primeiro-ministro", r"chanceler",
        r"governo", r"secretary of state", r"secretario de estado",
        "总统", "总理", "副总统", "外长", "部长", "政府", "外交部长",
    ])),
    ("business", "country", _role([
        r"chamber of commerce", r"business(?:men|people|es)?", r"companies", r"entrepreneurs",
        r"camara de comercio", r"camara", r"empresari[oa]s", r"empresas", r"empresarios",
        r"federacion", r"confederacion", r"federacao", r"confederacao", "商会", "企业", "企业家",
    ])),
    ("academic", "country", _role([
        r"universit(?:y|ies)", r"universidad(?:es)?", r"universidade", r"think tanks?",
        r"institute", r"instituto", r"academ(?:y|ia)", r"scholars", "大学", "智库", "研究院",
    ])),
    ("media", "country", _role([
        r"television", r"newspaper", r"media", r"television", r"diario", r"periodico",
        r"medios", r"jornal", r"emissora", "媒体", "电视台", "报社",
    ])),
]

# Groups of LAC states acting together ("envoys of 23 Latin American countries").
_LAC_GROUP = re.compile(
    r"(?<![\w])(?P<who>ambassadors|envoys|diplomats|diplomatic corps|representatives|delegations"
    r"|parties|political parties|leaders|embajadores|diplomaticos|representantes|delegaciones"
    r"|partidos(?: politicos)?|embaixadores|diplomatas|delegacoes)"
    r"(?: and senior diplomats)? (?:of|from|de|da|dos|del|de los) (?:\d+ |\w+ )?"
    r"(?:latin american|latinoamerican|latino-american|america latina|latin america)"
    r"|拉美(?:和加勒比)?(?:国家)?(?:驻华)?(?:使节|大使|政党|代表)"
)
_GROUP_TYPE = {"parties": "party", "political parties": "party", "partidos": "party",
               "partidos politicos": "party", "政党": "party"}

_LAC_TYPE_LABEL = {
    "legislature": "Legislature of {}",
    "national_government": "Government of {}",
    "business": "{} business community",
    "academic": "{} academic institutions",
    "media": "{} media",
}


_CCPIT_NAME = "China Council for the Promotion of International Trade"
_CCPIT_GENERIC = Cue([
    r"(?:comite|consejo|conselho|council|committee|subcouncil|sub-council)"
    r" (?:de |do |para (?:el |la |o |a )?|for (?:the )?)?(?:promocion|fomento|promocao|promotion)"
    r" (?:del |do |de |of )?(?:comercio|international trade|trade)",
    r"ccpit", "贸促会", "国际贸易促进委员会",
])


def find_mentions(text: str, folded: str, gazetteer: Gazetteer,
                  cues: DocumentCues | None = None) -> Mentions:
    """All actor and place mentions of one document."""
    cues = cues or DocumentCues(folded)
    mentions = Mentions()
    for match in gazetteer.find(text, folded):
        _from_match(match, text, folded, mentions, gazetteer)
    _provincial_ccpit(mentions, cues)
    _role_actors(folded, mentions, cues)
    _drop_taiwan(mentions, cues)
    _drop_doctrine(mentions, cues)
    mentions.actors.sort(key=lambda a: a.start)
    mentions.places.sort(key=lambda p: p.start)
    return mentions


def _from_match(match: Match, text: str, folded: str, mentions: Mentions,
                gazetteer: Gazetteer) -> None:
    # "PCCh" is both the CPC and Chile's Communist Party: in China–LAC news the CPC
    entity = next((e for e in match.entities if e.kind == "cn_actor"), match.entities[0])
    kind = entity.kind
    if kind in ("subdivision", "lac_city") and _inside_person_name(text, match):
        return
    if kind == "foreign_country":
        mentions.places.append(PlaceMention(match.start, match.end, "foreign", entity.country,
                                            None, entity.name, "country"))
        return
    if kind in ("country", "demonym", "subdivision", "lac_city"):
        others = tuple((e.country, e.subdivision, e.name) for e in match.entities[1:]
                       if e.kind == kind and e.country != entity.country)
        mentions.places.append(PlaceMention(match.start, match.end, "lac", entity.country,
                                            entity.subdivision, entity.name, kind,
                                            alternatives=others))
    elif kind == "cn_actor":
        mentions.actors.append(ActorMention(match.start, match.end, "cn", entity.name,
                                            entity.actor_type or "state", entity.country,
                                            role=entity.get("role")))
        if entity.country:
            mentions.places.append(PlaceMention(match.start, match.end, "lac", entity.country,
                                                None, entity.name, "embassy"))
    elif kind == "cn_place":
        mentions.places.append(PlaceMention(match.start, match.end, "cn", None, None,
                                            entity.name, "cn_place", entity.key))
        if _acts_as_government(folded, match.start, match.end):
            mentions.actors.append(ActorMention(match.start, match.end, "cn", entity.key,
                                                "subnational", role="place_government"))
    elif kind in ("lac_party", "lac_org"):
        readings = tuple(
            ActorMention(match.start, match.end, "lac", e.name, e.actor_type or "party",
                         e.country, leftist=e.leftist, role=_reading_role(e, folded, match, gazetteer))
            for e in match.entities if e.kind in ("lac_party", "lac_org")
        )
        first = readings[0]
        first.alternatives = readings[1:]
        mentions.actors.append(first)


_TITLE_WORDS = frozenset(
    "governor gobernador gobernadora governador governadora estado state province provincia "
    "departamento department region city ciudad cidade municipio mayor alcalde intendente "
    "prefeito prefeita the el la los las o a do da de del of in en em".split()
)


def _inside_person_name(text: str, match: Match) -> bool:
    """"Lacalle Herrera" is a person, not Panama's Herrera province.

    A one-word place name right after a capitalised word inside a sentence, other
    than a title such as "Governor" or "Estado", is taken for a surname.
    """
    if " " in match.text.strip():
        return False
    before = text[max(0, match.start - 30):match.start]
    if not before.endswith(" "):
        return False
    words = before.split()
    if not words:
        return False
    previous = words[-1]
    if not (previous[:1].isupper() and previous.isalpha()) or previous.lower() in _TITLE_WORDS:
        return False
    # "Valladolid Yucatán" opening a line is a place and its state, not a name
    head = before[:before.rstrip().rfind(previous)].rstrip()
    return bool(head) and head[-1] not in ".!?:\n"


def _drop_doctrine(mentions: Mentions, cues: DocumentCues) -> None:
    """"Xi Jinping Thought" names a doctrine, not the head of state acting."""
    spans = cues.spans(DOCTRINE)
    mentions.actors[:] = [a for a in mentions.actors
                          if not any(s <= a.start < e for s, e in spans)]


def _drop_taiwan(mentions: Mentions, cues: DocumentCues) -> None:
    """"Cónsul de la República China-Taiwán" is no Chinese actor (codebook: Taiwan is out)."""
    spans = cues.spans(TAIWAN)
    if not spans:
        return
    mentions.actors[:] = [
        a for a in mentions.actors
        if a.side != "cn" or not any(0 <= s - a.end <= 25 or 0 <= a.start - e <= 25
                                     or (s <= a.start < e) for s, e in spans)
    ]


def _provincial_ccpit(mentions: Mentions, cues: DocumentCues) -> None:
    """"CCPIT of Hunan", "Comité de Promoción del Comercio Internacional de Heilongjiang",
    "湖南省贸促会": a provincial committee, named "<Province> CCPIT" by the codebook."""
    spans = list(cues.spans(_CCPIT_GENERIC))
    spans += [(a.start, a.end) for a in mentions.actors if a.name == _CCPIT_NAME]
    for start, end in spans:
        place = next((p for p in mentions.places if p.kind == "cn_place" and (
            0 <= p.start - end <= 12 or 0 <= start - p.end <= 3)), None)
        if place is None:
            if not any(a.start <= start < a.end for a in mentions.actors):
                mentions.actors.append(ActorMention(start, end, "cn", _CCPIT_NAME,
                                                    "quasi_governmental", role="ccpit"))
            continue
        first, last = min(start, place.start), max(end, place.end)
        mentions.actors[:] = [a for a in mentions.actors
                              if not (first <= a.start < last and a.side == "cn")]
        mentions.actors.append(ActorMention(first, last, "cn", f"{place.name} CCPIT",
                                            "quasi_governmental", role="ccpit"))


def _reading_role(entity: Entity, folded: str, match: Match, gazetteer: Gazetteer) -> str:
    """Mark names that do not say their country ("PT", "Câmara dos Deputados").

    Such a name is taken for that country's body only where the document speaks
    of that country otherwise.
    """
    if entity.get("is_acronym"):
        return entity.kind + "_acronym"
    if entity.country and not gazetteer.names_country(folded[match.start:match.end],
                                                      entity.country):
        return entity.kind + "_generic"
    return entity.kind


def _acts_as_government(folded: str, start: int, end: int) -> bool:
    """A Chinese place name stands for its government when an office word is beside it."""
    before = folded[max(0, start - 40):start]
    after = folded[end:end + 40]
    if _CN_LOCATIVE.search(before) and not _CN_PLACE_ROLE.search(before[-25:]):
        # "in Beijing" is a venue, "the mayor of Beijing" an actor
        return bool(_CN_PLACE_ROLE.match(after.lstrip()))
    return bool(_CN_PLACE_ROLE.search(before[-25:]) or _CN_PLACE_ROLE.match(after.lstrip()))


def _role_actors(folded: str, mentions: Mentions, cues: DocumentCues) -> None:
    """Chinese and LAC offices named by role rather than by organisation."""
    for pattern, name, kind in (
        (_CN_GOVERNMENT, "Government of China", "state"),
        (_CN_DELEGATION, "Government of China", "state"),
    ):
        for start, end in cues.spans(pattern):
            mentions.actors.append(ActorMention(start, end, "cn", name, kind, role="role"))
    for start, end in cues.spans(_CN_AMBASSADOR):
        mentions.actors.append(ActorMention(start, end, "cn", "Embassy of China", "state",
                                            role="embassy_unresolved"))
    for start, end in cues.spans(_CN_CONSUL):
        mentions.actors.append(ActorMention(start, end, "cn", "Consulate General of China",
                                            "state", role="consulate_unresolved"))
    for m in _lac_groups(folded):
        kind = _GROUP_TYPE.get(m["who"] or "", "party" if "政党" in m.group(0) else
                               "national_government")
        name = ("Latin American and Caribbean parties" if kind == "party"
                else "Latin American and Caribbean envoys")
        mentions.actors.append(ActorMention(m.start(), m.end(), "lac", name, kind,
                                            role="lac_group"))
    roles: list[ActorMention] = []
    for actor_type, target, pattern in _LAC_ROLES:
        for start, end in cues.spans(pattern):
            chamber = _chamber(folded[start:end]) if target == "institution" else ""
            roles.append(ActorMention(start, end, "lac", chamber, actor_type,
                                      role=f"role:{target}"))
    # "jefe de gobierno" is one office, not a head and a government: leftmost-longest wins
    roles.sort(key=lambda a: (a.start, a.start - a.end))
    last_end = -1
    for role in roles:
        if role.start >= last_end:
            mentions.actors.append(role)
            last_end = role.end


_CHAMBERS = (
    ("Senate", ("senad", "senate", "参议")),
    ("Chamber of Deputies", ("deput", "house", "camara", "众议", "representantes", "speaker")),
    ("National Assembly", ("assembl", "asamblea", "国民议会")),
    ("Congress", ("congres", "国会")),
    ("Parliament", ("parlament", "议会")),
)


def _chamber(folded: str) -> str:
    """Which chamber a legislature word names, so the Senate and the House stay apart."""
    for name, stems in _CHAMBERS:
        if any(stem in folded for stem in stems):
            return name
    return ""


_REGION_WORDS = ("latin", "latino", "america latina", "拉美")


def _lac_groups(folded: str) -> list[re.Match[str]]:
    """Group phrases, searched only in texts that speak of Latin America at all."""
    if not any(word in folded for word in _REGION_WORDS):
        return []
    return list(_LAC_GROUP.finditer(folded))


def lac_role_name(actor_type: str, country: str | None, place: str | None,
                  chamber: str = "") -> str:
    """A readable canonical name for a LAC office named by role."""
    country_name = english_country_name(country) if country else "unknown country"
    if actor_type == "subnational_government":
        return f"Government of {place}" if place else f"Subnational government ({country_name})"
    if actor_type == "legislature" and chamber:
        return f"{chamber} of {country_name}"
    return _LAC_TYPE_LABEL.get(actor_type, "{}").format(country_name)
