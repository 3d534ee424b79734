"""From mentions to codebook events.

A sentence that holds an engagement cue, a Chinese side and a LAC side is a
candidate; candidates of one occasion (compatible date, same LAC counterpart)
are merged; each event then gets every codebook field from the words of its
own sentences. Sides missing from a sentence are taken from the story so far
("the delegation then met…"), as a human coder would.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from enlace.codebook import Event
from enlace.extract import lexicon
from enlace.extract.cues import DocumentCues
from enlace.extract.dates import DateMention
from enlace.extract.mentions import ActorMention, Mentions, PlaceMention, lac_role_name
from enlace.extract.sentences import Sentence, split_clauses
from enlace.gazetteer.entities import english_country_name

_PARTY_STATES = {"CU": 1959, "VE": 1999, "NI": 2007}
_STATE_TYPES = {"national_government", "legislature"}


_UMBRELLAS = {"Communist Party of China": "party", "Government of China": "state"}


@dataclass
class Candidate:
    sentence: Sentence
    folded: str
    activity: str
    cn: list[ActorMention]
    lac: list[ActorMention]
    countries: list[str]
    places: list[PlaceMention]
    date: str | None
    end_date: str | None
    dated_here: bool
    own_cn: bool = True  # the Chinese side is named in this sentence, not carried over
    continues: bool = False  # "during the meeting…": more about the occasion just reported
    another: bool = False  # "also met…": a further meeting of the same trip
    inherited: bool = False  # the LAC country comes from the document, not this sentence


@dataclass
class Draft:
    """An event being assembled from one or more candidates."""

    parts: list[Candidate] = field(default_factory=list)
    # kept up to date by add(), so merging stays linear in long documents
    names: set[str] = field(default_factory=set)
    chinese: dict[str, str] = field(default_factory=dict)
    own_countries: dict[str, None] = field(default_factory=dict)
    assumed_countries: dict[str, None] = field(default_factory=dict)
    has_own: bool = False  # some part names its own countries (maybe none: a regional body)

    @classmethod
    def of(cls, cand: Candidate) -> Draft:
        draft = cls()
        draft.add(cand)
        return draft

    def add(self, cand: Candidate, *, front: bool = False) -> None:
        if front:
            self.parts.insert(0, cand)
        else:
            self.parts.append(cand)
        self.names.update(a.name for a in cand.lac)
        self.chinese.update((a.name, a.type) for a in cand.cn)
        if not cand.inherited:
            self.has_own = True
        target = self.assumed_countries if cand.inherited else self.own_countries
        target.update(dict.fromkeys(cand.countries))

    @property
    def first(self) -> Candidate:
        return self.parts[0]

    def lac_names(self) -> set[str]:
        return self.names

    def countries(self) -> list[str]:
        """Countries of the parts; one only assumed from the document counts last."""
        return list(self.own_countries if self.has_own else self.assumed_countries)


@dataclass
class DocumentContext:
    published: str | None
    reference: str | None  # day used to resolve "on Tuesday"
    main_country: str | None
    country_counts: Counter[str]
    main_place: PlaceMention | None = None  # the LAC subdivision or city the story is about
    cues: DocumentCues = field(default_factory=DocumentCues.empty)
    dateline_side: str | None = None  # "cn" or "lac": where the report was filed
    chinese: bool = False  # written in Chinese: clauses chained with commas are split


def build_events(
    sentences: list[Sentence],
    folded: str,
    mentions: Mentions,
    dates: list[DateMention],
    context: DocumentContext,
    lac_states: dict[str, str],
) -> list[Event]:
    candidates = _candidates(sentences, folded, mentions, dates, context, lac_states)
    drafts = _merge(candidates)
    events = [_to_event(d, context) for d in drafts]
    _label_occasions(events)
    return events


def _label_occasions(events: list[Event]) -> None:
    """Events of one trip or gathering share an ``occasion`` label (codebook).

    Within a document: the same principal Chinese actor, the same LAC
    country and the same month make one trip, when it has several meetings.
    """
    groups: dict[tuple[str, str, str], list[Event]] = {}
    for event in events:
        if not event.chinese_actors or not event.date:
            continue
        key = (event.chinese_actors[0].name, ",".join(event.lac_countries), event.date[:7])
        groups.setdefault(key, []).append(event)
    for (actor, countries, month), members in groups.items():
        if len(members) < 2:
            continue
        names = ", ".join(english_country_name(c) for c in countries.split(",") if c)
        label = f"{actor} — {names or 'Latin America and the Caribbean'}, {month}"
        for event in members:
            event.occasion = label


def _within(items: list, start: int, end: int) -> list:
    """Items (sorted by start) that lie inside [start, end)."""
    low = bisect_left(items, start, key=lambda item: item.start)
    high = bisect_left(items, end, lo=low, key=lambda item: item.start)
    return [item for item in items[low:high] if item.end <= end]


_ACTIVITY_NAMES = tuple(name for name, _ in lexicon.ACTIVITY_CUES)
_ACTIVITY_RANKED = tuple(cue for _, cue in lexicon.ACTIVITY_CUES)


def _activity(cues: DocumentCues, sentence: Sentence) -> tuple[str, int] | None:
    """The activity a sentence reports and where its cue word stands (sentence offset)."""
    found = cues.strongest(_ACTIVITY_RANKED, sentence.start, sentence.end)
    if found is None:
        return None
    rank, position = found
    return _ACTIVITY_NAMES[rank], position - sentence.start


def _event_date(here: list[DateMention], sentence: Sentence, cue: int,
                anchors: list[tuple[int, int]],
                first_story: bool, cues: DocumentCues) -> DateMention | None:
    """The sentence's date of the occasion: the one nearest the cue word or the LAC side.

    A date elsewhere in the sentence usually dates something else ("briefed them
    on the plenum held in October"); a date opening the sentence counts as near;
    the date of a founding never counts. When the story has no date yet, any day
    in the sentence will do.
    """
    best, best_rank = None, 10**6
    usable = [m for m in here
              if cues.first(lexicon.FOUNDING, max(sentence.start, m.start - 40), m.start) is None]
    for mention in usable:
        offset = mention.start - sentence.start
        end = mention.end - sentence.start

        def gap(span: tuple[int, int], offset: int = offset, end: int = end) -> int:
            return max(0, span[0] - end, offset - span[1])

        to_cue = min(gap((cue, cue)), 60) if offset < 40 else gap((cue, cue))
        if to_cue > 120:
            continue
        rank = min(gap(a) for a in anchors) if anchors else to_cue
        if rank < best_rank:
            best, best_rank = mention, rank
    if best is None and first_story:
        best = next((m for m in usable if len(m.value) == 10), None)
    return best


def _candidates(
    sentences: list[Sentence],
    folded: str,
    mentions: Mentions,
    dates: list[DateMention],
    context: DocumentContext,
    lac_states: dict[str, str],
) -> list[Candidate]:
    cues = context.cues
    found: list[Candidate] = []
    story_cn: list[ActorMention] = []
    story_date = _lead_date(dates, context)
    units: list[tuple[Sentence, bool]] = []
    for sentence in sentences:
        pieces = split_clauses(sentence, lexicon.CLAUSE_VERBS_ZH) \
            if context.chinese else [sentence]
        units += [(piece, number > 0) for number, piece in enumerate(pieces)]
    for index, (sentence, clause) in enumerate(units):
        text = folded[sentence.start:sentence.end]
        cn = [a for a in _within(mentions.actors, sentence.start, sentence.end) if a.side == "cn"]
        found_cue = _activity(cues, sentence)
        if found_cue is None:
            # no occasion here, but the Chinese side it names carries the story on
            story_cn = [a for a in cn if not a.role.endswith("_unresolved")] or story_cn
            continue
        activity, cue = found_cue
        places = _within(mentions.places, sentence.start, sentence.end)
        here_dates = [d for d in _within(dates, sentence.start, sentence.end) if not d.future]
        goes_on = cues.first(lexicon.CONTINUATION, sentence.start, sentence.end) is not None
        lac = _lac_actors(mentions, sentence, places, cn, context)
        cn = _resolve_cn(cn, places, lac, context)
        if not cn and (lac or _names_lac_place(places)):
            cn = _host_places(places)
        if cn and not clause:
            story_cn = cn
        if cues.first(lexicon.OUTCOME_CUES["twinning"], sentence.start, sentence.end) is not None:
            if not here_dates and index > 1 and not goes_on:
                continue  # "X is also twinned with Y": background with no date is not coded
            cn, lac = _twinned_places(places, cn, lac)
        if cues.first(lexicon.FUTURE, sentence.start, sentence.end) is not None and not here_dates:
            continue
        countries = _countries(lac, places, cn, lac_states)
        regional = any(_is_regional(a) for a in lac)
        inherited = False
        abroad = any(p.side == "foreign" for p in places)
        if not countries and not regional and context.main_country \
                and (lac or cn or here_dates or goes_on) and not abroad:
            countries, inherited = [context.main_country], True
        # a later clause of a chained sentence keeps the sentence's subject as the actor
        use_cn = _dedupe([*story_cn, *cn]) if clause and story_cn else (cn or story_cn)
        if not use_cn or not (countries or regional):
            continue
        anchors = [(p.start - sentence.start, p.end - sentence.start)
                   for p in [*(p for p in places if p.side == "lac"), *lac]]
        chosen = _event_date(here_dates, sentence, cue, anchors, not found, cues)
        if chosen is not None:
            date, end_date, dated_here = chosen.value, chosen.end_value, True
        elif story_date is not None:
            (date, end_date), dated_here = story_date, False
        else:
            date = context.published[:7] if context.published else None
            end_date, dated_here = None, False
        if dated_here and context.reference and len(date) == 10 and date > context.reference:
            continue  # a date after publication is a plan, not an occasion
        story_date = (date, end_date)
        years = [d.value for d in here_dates if len(d.value) == 4]
        if dated_here and len(date) == 4 and len(set(years)) > 1:
            # "visits to Chile in 2015 and 2016, and to China in 2014 and 2017": one each
            for year in dict.fromkeys(years):
                found.append(Candidate(sentence, text, activity, use_cn, lac, countries, places,
                                       year, None, True, own_cn=bool(cn)))
            continue
        continues = not dated_here and goes_on
        another = cues.first(lexicon.ANOTHER_MEETING, sentence.start, sentence.end) is not None
        found.append(Candidate(sentence, text, activity, use_cn, lac, countries, places, date,
                               end_date, dated_here, own_cn=bool(cn), continues=continues,
                               another=another, inherited=inherited))
    _date_the_lead(found)
    return found


def _date_the_lead(found: list[Candidate]) -> None:
    """Headline and lead sentences take the date the story first gives."""
    first_dated = next((c for c in found if c.dated_here), None)
    if first_dated is None:
        return
    for cand in found:
        if cand is first_dated:
            break
        if len(first_dated.date or "") == 10:
            cand.date, cand.end_date = first_dated.date, first_dated.end_date


def _lead_date(dates: list[DateMention], context: DocumentContext) -> tuple[str, str | None] | None:
    """The story's date before any sentence gives one: its first dated day (title, lead)."""
    for mention in dates:
        if mention.future or len(mention.value) < 10:
            continue
        if context.reference and mention.value > context.reference:
            continue
        return mention.value, mention.end_value
    return None


def _twinned_places(places: list[PlaceMention], cn: list[ActorMention],
                    lac: list[ActorMention]) -> tuple[list[ActorMention], list[ActorMention]]:
    """In a twinning sentence the places named are the governments that twin."""
    cn = list(cn)
    lac = list(lac)
    for place in places:
        if place.kind == "cn_place" and place.government not in {a.name for a in cn}:
            cn.append(ActorMention(place.start, place.end, "cn", place.government, "subnational",
                                   role="place_government"))
        elif place.side == "lac" and place.kind in ("lac_city", "subdivision") and not any(
                a.type == "subnational_government" for a in lac):
            lac.append(ActorMention(place.start, place.end, "lac", f"Government of {place.name}",
                                    "subnational_government", place.country, place.subdivision,
                                    role="place_government"))
    return _dedupe(cn), _dedupe(lac)


def _host_places(places: list[PlaceMention]) -> list[ActorMention]:
    """LAC visitors received in a Chinese province or city: its government hosts.

    The capital is left out: "in Beijing" says where central bodies sit, not who hosted.
    """
    return [ActorMention(p.start, p.end, "cn", p.government, "subnational", role="host_place")
            for p in places if p.kind == "cn_place" and p.name != "Beijing" and p.government]


def _is_regional(actor: ActorMention) -> bool:
    return actor.type == "regional_body" or actor.role == "lac_group"


def _names_lac_place(places: list[PlaceMention]) -> bool:
    return any(p.side == "lac" for p in places)


def _countries(lac: list[ActorMention], places: list[PlaceMention], cn: list[ActorMention],
               lac_states: dict[str, str]) -> list[str]:
    seen: dict[str, None] = {}
    for actor in lac:
        if actor.country in lac_states:
            seen.setdefault(actor.country, None)
    if any(a.type == "regional_body" for a in lac):
        return list(seen)  # a regional body's host or members are not participants
    if any(a.role == "lac_group" for a in lac):
        # "party cadres from Argentina, Brazil and Peru": the countries listed take part
        for place in places:
            if place.side == "lac" and place.kind in ("country", "demonym") \
                    and place.country in lac_states:
                seen.setdefault(place.country, None)
        return list(seen)
    if not seen:
        for place in places:
            if place.side == "lac" and place.country in lac_states:
                seen.setdefault(place.country, None)
    if not seen:
        for actor in cn:
            if actor.country in lac_states:
                seen.setdefault(actor.country, None)
    return list(seen)


def _nearest(places: list[PlaceMention], position: int, kinds: tuple[str, ...],
             window: int = 90) -> PlaceMention | None:
    best, best_distance = None, window + 1
    for place in places:
        if place.kind not in kinds:
            continue
        distance = place.start - position if place.start >= position else (position - place.end) + 15
        if distance < best_distance:
            best, best_distance = place, distance
    return best


def _adjacent(places: list[PlaceMention], actor: ActorMention,
              kinds: tuple[str, ...]) -> PlaceMention | None:
    """The country an office belongs to: "Argentine ambassador", "President of Peru"."""
    before = [p for p in places if p.kind in kinds and 0 <= actor.start - p.end <= 30]
    after = [p for p in places if p.kind in kinds and 0 <= p.start - actor.end <= 40]
    if before:
        return before[-1]
    return after[0] if after else None


def _lac_actors(mentions: Mentions, sentence: Sentence, places: list[PlaceMention],
                cn: list[ActorMention], context: DocumentContext) -> list[ActorMention]:
    """Named LAC organisations, and offices named by role tied to their place."""
    result: list[ActorMention] = []
    cn_spans = [(a.start, a.end) for a in cn]
    abroad = any(p.side == "foreign" for p in places)  # "the Communist Party of Spain"
    for actor in _within(mentions.actors, sentence.start, sentence.end):
        if actor.side != "lac":
            continue
        if any(s <= actor.start < e or s < actor.end <= e for s, e in cn_spans):
            continue
        if not actor.role.startswith("role:"):
            settled = _settle_ambiguous(actor, context)
            if settled is not None:
                result.append(settled)
            continue
        target = actor.role.split(":", 1)[1]
        near_cn = _nearest([p for p in places if p.side == "cn"], actor.start, ("cn_place",), 30)
        if target == "subdivision":
            place = _nearest(places, actor.start, ("subdivision", "lac_city"))
        elif target == "city":
            place = _nearest(places, actor.start, ("lac_city", "subdivision"))
        else:  # country, envoy, institution: the state the office belongs to
            place = _adjacent(places, actor, ("country", "demonym"))
        if place is None and target in ("subdivision", "city") and near_cn is None:
            place = context.main_place  # "el gobernador" of the province the story is about
        if place is None or place.side != "lac":
            if near_cn is not None or not context.main_country or abroad \
                    or target not in ("country", "institution"):
                continue
            country = context.main_country
            if _chinese_context(mentions, actor):
                continue
            result.append(ActorMention(actor.start, actor.end, "lac",
                                       lac_role_name(actor.type, country, None, actor.name),
                                       actor.type, country, role=actor.role))
            continue
        if near_cn is not None and abs(near_cn.start - actor.start) < abs(place.start - actor.start):
            continue
        if target in ("subdivision", "city"):
            name = lac_role_name(actor.type, place.country, place.name)
            result.append(ActorMention(actor.start, actor.end, "lac", name, actor.type,
                                       place.country, place.subdivision, role=actor.role))
        else:
            result.append(ActorMention(actor.start, actor.end, "lac",
                                       lac_role_name(actor.type, place.country, None, actor.name),
                                       actor.type,
                                       place.country, role=actor.role))
    return _dedupe(result)


def _chinese_context(mentions: Mentions, actor: ActorMention) -> bool:
    """A bare role word beside a Chinese name belongs to the Chinese side.

    "the Chinese Foreign Ministry's spokesman", "Vice-Minister of the IDCPC".
    """
    return any(o.side == "cn" and (0 <= actor.start - o.end <= 3 or 0 <= o.start - actor.end <= 8)
               for o in mentions.actors)


def _settle_ambiguous(actor: ActorMention, context: DocumentContext) -> ActorMention | None:
    """PCC, PT…: the reading whose country the document talks about; none if it talks of none.

    An acronym of a party from a country the document never mentions is more
    likely something else ("PR" for Paraná in a Brazilian story).
    """
    readings = (actor, *actor.alternatives)
    best = max(readings, key=lambda a: context.country_counts.get(a.country or "", 0))
    if best.role.endswith(("_acronym", "_generic")) and \
            not context.country_counts.get(best.country or "", 0):
        return None
    return best


def _dedupe(actors: list[ActorMention]) -> list[ActorMention]:
    seen: dict[str, ActorMention] = {}
    for actor in actors:
        seen.setdefault(actor.name, actor)
    return list(seen.values())


def _resolve_cn(cn: list[ActorMention], places: list[PlaceMention], lac: list[ActorMention],
                context: DocumentContext) -> list[ActorMention]:
    """Embassies and consulates named without their country or city."""
    result: list[ActorMention] = []
    for actor in cn:
        if actor.role == "embassy_unresolved":
            if any(a.role == "embassy" and a.start <= actor.start < a.end + 40 for a in cn):
                continue
            country = next((p.country for p in places if p.side == "lac" and p.country
                            and p.start >= actor.start), None) or context.main_country
            if not country:
                continue
            actor = ActorMention(actor.start, actor.end, "cn",
                                 f"Embassy of China in {english_country_name(country)}", "state",
                                 country, role="embassy")
        elif actor.role == "consulate_unresolved":
            city = _nearest(places, actor.end, ("lac_city",), 60) or context.main_place
            if city is None:
                continue
            actor = ActorMention(actor.start, actor.end, "cn",
                                 f"Consulate General of China in {city.name}", "state",
                                 city.country, role="consulate")
        result.append(actor)
    return _dedupe(result)


def _compatible(a: Candidate, b: Candidate) -> bool:
    if a.date is None or b.date is None:
        return a.date == b.date
    if len(a.date) == 10 and len(b.date) == 10:
        a_end = a.end_date or a.date
        b_end = b.end_date or b.date
        return not (b.date > _shift(a_end, 1) or a.date > _shift(b_end, 1))
    shorter = min(len(a.date), len(b.date))
    return a.date[:shorter] == b.date[:shorter]


def _shift(day: str, days: int) -> str:
    return (dt.date.fromisoformat(day[:10]) + dt.timedelta(days=days)).isoformat()


def _merge(candidates: list[Candidate]) -> list[Draft]:
    """One draft per occasion and LAC counterpart (codebook: one event per meeting).

    A sentence that names a LAC organisation starts or joins the draft of that
    organisation; one that goes on about the same occasion ("during the
    meeting…") joins the draft before it; the rest join any draft of the same
    date and country, or become one.
    """
    drafts: list[Draft] = []
    unnamed: list[Candidate] = []
    last: Draft | None = None
    for cand in candidates:
        if cand.continues and last is not None:
            last.add(cand)
            continue
        if not any(_is_strong(a) for a in cand.lac) and not _society_only(cand.lac) \
                and not (cand.another and cand.lac):
            unnamed.append(cand)
            continue
        for group in _split_by_type(cand):
            target = next((d for d in drafts if _compatible(d.first, group)
                           and d.lac_names() & {a.name for a in group.lac}
                           and _same_chinese_side(d, group)), None)
            if target is None:
                target = Draft.of(group)
                drafts.append(target)
            else:
                target.add(group)
            last = target
    for cand in unnamed:
        target = next((d for d in drafts if _compatible(d.first, cand)
                       and (cand.inherited or _same_counterpart(d.countries(), cand.countries))),
                      None)
        if target is None:
            drafts.append(Draft.of(cand))
        elif target.first.dated_here or not cand.dated_here:
            target.add(cand)
        else:
            target.add(cand, front=True)
    drafts.sort(key=lambda d: d.first.sentence.start)
    return drafts


def _society_only(actors: list[ActorMention]) -> bool:
    """Media, scholars or business people met on their own are a meeting of their own."""
    return bool(actors) and all(a.type in ("business", "academic", "media") for a in actors)


def _is_strong(actor: ActorMention) -> bool:
    """An organisation the text names, or a subnational government: it makes its own event.

    Offices found by a role word alone ("the minister", "senators", "companies")
    are often the same people seen twice, or bystanders; they join an event.
    """
    return (not actor.role.startswith("role:") or actor.type == "subnational_government"
            or actor.role == "role:institution")


def _same_chinese_side(draft: Draft, cand: Candidate) -> bool:
    """Meetings with different Chinese hosts on one trip are different meetings.

    The umbrella actors (the CPC, the Government of China) are compatible with
    any organisation of their channel: a "CPC delegation" led by the
    Organization Department is one side.
    """
    if not cand.own_cn:
        return True
    ours = draft.chinese
    theirs = {a.name: a.type for a in cand.cn}
    if set(ours) & set(theirs):
        return True
    for name, channel in _UMBRELLAS.items():
        if name in ours and channel in theirs.values():
            return True
        if name in theirs and channel in ours.values():
            return True
    return False


def _same_counterpart(a: list[str], b: list[str]) -> bool:
    return bool(set(a) & set(b)) or (not a and not b)


def _split_by_type(cand: Candidate) -> list[Candidate]:
    """Different kinds of LAC organisation met in one sentence are separate meetings.

    Only organisations the text names (a party, a regional body) or a
    subnational government split a sentence; offices found by a role word alone
    ("the minister", "senators") join the first group, since they are often
    the same people seen twice.
    """
    by_type: dict[str, list[ActorMention]] = {}
    weak: list[ActorMention] = []
    for actor in cand.lac:
        if _is_strong(actor):
            by_type.setdefault(actor.type, []).append(actor)
        else:
            weak.append(actor)
    if len(by_type) <= 1:
        return [cand]
    groups = []
    for index, actors in enumerate(by_type.values()):
        actors = actors + weak if index == 0 else actors
        countries = [a.country for a in actors if a.country] or cand.countries
        groups.append(Candidate(cand.sentence, cand.folded, cand.activity, cand.cn, actors,
                                list(dict.fromkeys(countries)), cand.places, cand.date,
                                cand.end_date, cand.dated_here, cand.own_cn))
    return groups


def _to_event(draft: Draft, context: DocumentContext) -> Event:
    first = draft.first
    cues = context.cues
    ranges = [(c.sentence.start, c.sentence.end) for c in draft.parts]
    first_range = ranges[:1]
    countries = draft.countries()
    lac_actors = _dedupe([a for c in draft.parts for a in c.lac])
    cn_actors = _dedupe([a for c in draft.parts for a in c.cn])
    activity = _pick_activity(draft)
    regional = any(_is_regional(a) for a in lac_actors)
    multilateral = len(countries) > 1 or regional
    subdivisions = sorted({a.subdivision for a in lac_actors if a.subdivision})
    if multilateral:
        level = "regional"
    elif any(a.type == "subnational_government" for a in lac_actors):
        level = "subnational"
    else:
        level = "national"
    channel = _channel(cn_actors, cues.within(lexicon.CPC_DELEGATION, first_range))
    content = _content(activity, cues.within(lexicon.KNOWLEDGE_EXCHANGE, ranges))
    if cues.within(lexicon.GLOBAL_MECHANISM, ranges):
        mechanism = "global"
    elif multilateral or cues.within(lexicon.REGIONAL_MECHANISM, first_range):
        mechanism = "regional"
    else:
        mechanism = "bilateral"
    date, end_date = _dates(draft)
    fields = [name for name, cue in lexicon.FIELD_CUES.items() if cues.within(cue, ranges)]
    outcomes = [name for name, cue in lexicon.OUTCOME_CUES.items() if cues.within(cue, ranges)]
    if activity != "signing":
        outcomes = [o for o in outcomes if o in ("donation", "training_delivered")]
    return Event(
        date=date,
        end_date=end_date,
        format="multilateral" if multilateral else "bilateral",
        lac_countries=countries,
        lac_subdivisions=subdivisions,
        lac_level=level,
        chinese_actors=[{"name": a.name, "type": a.type} for a in cn_actors],
        lac_actors=[{"name": a.name, "type": a.type, "country": a.country}
                    for a in lac_actors if a.name],
        channel=channel,
        content=content,
        activity=activity,
        mechanism=mechanism,
        leftist=_leftist(lac_actors, countries, date),
        venue=_venue(activity, draft.parts, cues.within(lexicon.VIRTUAL, first_range),
                     cues.within(lexicon.IN_CHINA, first_range),
                     cues.within(lexicon.IN_CHINA, ranges), context),
        fields=fields,
        outcomes=outcomes,
        occasion=None,
        summary=_summary(cn_actors, lac_actors, countries, activity, date),
        evidence=first.sentence.text,
    )


def _pick_activity(draft: Draft) -> str:
    order = [name for name, _ in lexicon.ACTIVITY_CUES]
    found = {c.activity for c in draft.parts}
    return min(found, key=order.index)


def _channel(cn_actors: list[ActorMention], cpc_delegation: bool) -> str:
    if cpc_delegation:
        return "party"
    if not cn_actors:
        return "state"
    return cn_actors[0].type


def _content(activity: str, knowledge_cue: bool) -> str:
    if activity in ("training", "seminar", "forum", "trade_promotion"):
        return "knowledge_exchange"
    if knowledge_cue:
        return "knowledge_exchange"
    return "daily_interaction"


def _dates(draft: Draft) -> tuple[str | None, str | None]:
    dated = next((c for c in draft.parts if c.dated_here), draft.first)
    return dated.date, dated.end_date


def _leftist(lac_actors: list[ActorMention], countries: list[str], date: str | None) -> bool:
    if any(a.leftist for a in lac_actors):
        return True
    year = int(date[:4]) if date else 9999
    for actor in lac_actors:
        since = _PARTY_STATES.get(actor.country or "")
        if since and actor.type in _STATE_TYPES and year >= since:
            return True
    if not lac_actors:
        return any(c in _PARTY_STATES and year >= _PARTY_STATES[c] for c in countries)
    return False


def _venue(activity: str, parts: list[Candidate], virtual_cue: bool, china_cue: bool,
           china_anywhere: bool, context: DocumentContext) -> str:
    """Where it took place, from the strongest sign in the evidence sentence.

    In order: a call or message is virtual; a Chinese embassy or consulate acts
    in LAC; a landmark or "visit to China" says China; a place named after "in"
    says its side; then the dateline's city.
    """
    first = parts[0]
    if activity in ("video_call", "message") or virtual_cue:
        return "virtual"
    if china_cue:
        return "in_china"
    if any(a.role in ("embassy", "consulate") for a in first.cn):
        return "in_lac"
    for place in first.places:
        before = first.folded[max(0, place.start - first.sentence.start - 4):
                              place.start - first.sentence.start]
        if place.kind in ("lac_city", "subdivision", "cn_place") and \
                lexicon.LOCATIVE.search(before):
            return "in_china" if place.side == "cn" else "in_lac"
    if context.dateline_side:
        return "in_china" if context.dateline_side == "cn" else "in_lac"
    if china_anywhere:
        return "in_china"
    places = [p for c in parts for p in c.places]
    if any(p.side == "lac" and p.kind in ("lac_city", "subdivision") for p in places):
        return "in_lac"
    if any(p.side == "cn" for p in places):
        return "in_china"
    return "in_lac" if any(p.side == "lac" and p.kind == "country" for p in places) else "unknown"


def _summary(cn: list[ActorMention], lac: list[ActorMention], countries: list[str],
             activity: str, date: str | None) -> str:
    """One generated sentence: who engaged whom, how and when."""
    who = cn[0].name if cn else "A Chinese actor"
    whom = ", ".join(a.name for a in lac[:3] if a.name) or ", ".join(
        english_country_name(c) for c in countries)
    verb = {
        "meeting": "met", "visit": "visited or received a visit involving",
        "video_call": "held a video call with", "training": "ran a training course for",
        "seminar": "held a seminar with", "forum": "took part in a forum with",
        "signing": "signed an agreement with", "message": "exchanged a message with",
        "donation": "made a donation to", "trade_promotion": "held a trade promotion with",
    }.get(activity, "engaged with")
    when = f" ({date})" if date else ""
    return f"{who} {verb} {whom}{when}."
