"""Actor resolution: many spellings of an organisation -> one canonical actor.

Why: events are compared, de-duplicated and counted by actor, and the same
organisation reaches enlace as "中联部", "IDCPC" or "Departamento
Internacional del PCCh". The resolver maps a name to a :class:`CanonicalActor`
in four steps, most certain first:

1. user corrections (``extra_aliases`` / :meth:`ActorResolver.add_alias`):
   a correction made in review is an alias for next time and beats all else;
2. the whole folded name equals a gazetteer alias of that side (acronyms
   are disambiguated by the LAC country: "PCC" + CU -> Communist Party of
   Cuba, + CO -> Colombian Communist Party);
3. "the government of <place>" in any language and word order, the place
   found in the gazetteer ("Municipality of Guanajuato" = "Guanajuato
   Municipal Government", "Gobierno de Cuba" = "Government of Cuba");
4. a fuzzy match (rapidfuzz ``token_sort_ratio`` >= ``FUZZY_THRESHOLD``,
   measured in ``tests/test_resolve_actors.py``) against same-side aliases,
   refused when the two names differ by a country word ("... of Chile" is
   not "... of China");

otherwise a *provisional* actor keyed by the normalised name, so the same
unknown organisation spelt with other case or accents gets one key.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from enlace.gazetteer.build import all_aliases
from enlace.gazetteer.entities import Entity, english_country_name
from enlace.gazetteer.text import is_cjk
from enlace.resolve.names import STOP_WORDS, government_parts, normalise

if TYPE_CHECKING:
    from enlace.gazetteer import Gazetteer

__all__ = ["FUZZY_THRESHOLD", "SIDES", "ActorResolver", "CanonicalActor"]

SIDES = ("cn", "lac")

FUZZY_THRESHOLD = 90.0
"""Cut-off on max(fuzz.ratio, fuzz.token_sort_ratio) of normalised names.

Measured on the gazetteer's own aliases (1,600 sampled, after the word
guard of :func:`_typos_only`): at 90 the nearest alias of *another* actor
reaches the cut-off for 0.1% of names (85: 0.7%, 80: 2.5%), while
one-typo/word-order variants of an alias are still found for 86% (95: 75%).
"""

_WORD_TYPO = 80.0  # "baidu"/"oaidu" 80; "culture"/"agriculture" 78, "justicialist"/"socialist" 76
_MIN_FUZZY_LENGTH = 8  # shorter names (acronyms, "PT") are never fuzzy-matched
_SIDE_OF_KIND = {"cn_actor": "cn", "cn_place": "cn", "lac_party": "lac", "lac_org": "lac"}
_LAC_PLACE_KINDS = frozenset({"country", "demonym", "subdivision", "lac_city"})
# Which kind of place a government level prefers when a core names several.
_PLACE_PREFERENCE = {
    "municipal": ("lac_city", "subdivision", "country", "demonym"),
    "state": ("subdivision", "lac_city", "country", "demonym"),
    "": ("country", "demonym", "subdivision", "lac_city"),
}


@dataclass(frozen=True)
class CanonicalActor:
    """What a name resolves to. ``key`` is the identity compared across events."""

    key: str
    name: str
    side: str  # 'cn' | 'lac'
    type: str  # Channel (cn) or LacActorType (lac); 'unknown' when nobody said
    country: str | None
    provisional: bool


def _actor(entity: Entity) -> CanonicalActor:
    side = _SIDE_OF_KIND[entity.kind]
    if entity.kind == "cn_place":  # a Chinese place stands for its government
        return CanonicalActor(entity.key, entity.key, "cn", "subnational", None, False)
    return CanonicalActor(entity.key, entity.name, side, entity.actor_type or "unknown",
                          entity.country, False)


def _typos_only(mine: set[str], theirs: set[str], places: set[str]) -> bool:
    """Whether the words two names do not share are misspellings of each other.

    Each differing word needs a partner on the other side at fuzz.ratio >=
    ``_WORD_TYPO`` that is not itself another known place ("Shanxi" and
    "Shaanxi", "Chile" and "China" are two places, not a typo). A word only
    added or dropped (nothing left on the other side) is allowed.
    """
    mine, theirs = mine - STOP_WORDS, theirs - STOP_WORDS
    if not mine or not theirs:
        return True

    def partnered(a: str, others: set[str]) -> bool:
        return any(fuzz.ratio(a, b) >= _WORD_TYPO and not (a in places and b in places) for b in others)

    return all(partnered(a, theirs) for a in mine) and all(partnered(b, mine) for b in theirs)


def _is_acronym(alias: str, entity: Entity) -> bool:
    return entity.get("is_acronym") == "1" or (alias.isupper() and len(alias) <= 8)


class ActorResolver:
    """Resolve actor names; build once (from the gazetteer), call many times."""

    def __init__(
        self,
        aliases: Iterable[tuple[str, Entity]],
        extra_aliases: Iterable[tuple[str, CanonicalActor]] = (),
        fuzzy_threshold: float = FUZZY_THRESHOLD,
    ) -> None:
        self.fuzzy_threshold = fuzzy_threshold
        self._exact: dict[str, dict[str, list[CanonicalActor]]] = {side: {} for side in SIDES}
        self._overrides: dict[str, dict[str, CanonicalActor]] = {side: {} for side in SIDES}
        self._by_key: dict[str, CanonicalActor] = {}
        self._lac_places: dict[str, list[Entity]] = {}
        self._cn_places: dict[str, CanonicalActor] = {}
        self._place_words: set[str] = set()
        fuzzy: dict[str, dict[str, list[CanonicalActor]]] = {side: {} for side in SIDES}
        for alias, entity in aliases:
            norm = normalise(alias)
            if not norm:
                continue
            if entity.kind in _LAC_PLACE_KINDS or entity.kind == "cn_place":
                self._place_words.update(norm.split())
            if entity.kind in _LAC_PLACE_KINDS:
                self._lac_places.setdefault(norm, []).append(entity)
                continue
            side = _SIDE_OF_KIND.get(entity.kind)
            if side is None:
                continue
            actor = _actor(entity)
            self._by_key.setdefault(actor.key, actor)
            if entity.kind == "cn_place":
                self._cn_places.setdefault(norm, actor)
                norm_key = normalise(actor.key)  # "Xiamen Municipal Government" itself
                self._add(self._exact["cn"], norm_key, actor)
                self._add(fuzzy["cn"], norm_key, actor)
            self._add(self._exact[side], norm, actor)
            if (len(norm) >= _MIN_FUZZY_LENGTH and not _is_acronym(alias, entity)
                    and not any(is_cjk(ch) for ch in norm)):
                self._add(fuzzy[side], norm, actor)
        self._place_words -= STOP_WORDS
        self._place_words |= {"china", "chinese", "chino", "chinos", "chinesa", "chines"}
        self._fuzzy_choices = {side: list(fuzzy[side]) for side in SIDES}
        self._fuzzy_actors = {side: list(fuzzy[side].values()) for side in SIDES}
        self._cache: dict[tuple[str, str, str | None, str | None], CanonicalActor] = {}
        self._added: list[tuple[str, CanonicalActor]] = []
        for alias, actor in extra_aliases:
            self.add_alias(alias, actor)

    @classmethod
    def from_gazetteer(
        cls,
        gazetteer: Gazetteer | None = None,
        extra_aliases: Iterable[tuple[str, CanonicalActor]] = (),
    ) -> ActorResolver:
        """The resolver over the packaged reference data (the gazetteer's CSVs).

        ``gazetteer`` is accepted so callers hold one loaded gazetteer; its
        aliases are read from the same files the matcher was built from.
        """
        del gazetteer  # the Gazetteer keeps only the compiled automaton, not the alias rows
        return cls(all_aliases(), extra_aliases=extra_aliases)

    @staticmethod
    def _add(table: dict[str, list[CanonicalActor]], norm: str, actor: CanonicalActor) -> None:
        bucket = table.setdefault(norm, [])
        if actor not in bucket:
            bucket.append(actor)

    # ------------------------------------------------------------------ public

    def resolve(
        self, name: str, side: str, country: str | None = None, type: str | None = None
    ) -> CanonicalActor:
        """The canonical actor for ``name`` on ``side`` ('cn' or 'lac').

        ``country`` (ISO alpha-2 of a LAC actor) and ``type`` disambiguate
        acronyms and shared names; both are optional.
        """
        if side not in SIDES:
            raise ValueError(f"side must be one of {SIDES}, not {side!r}")
        cache_key = (name, side, country, type)
        cached = self._cache.get(cache_key)
        if cached is not None:
            return cached
        actor = self._resolve(name, side, country, type)
        self._by_key.setdefault(actor.key, actor)
        self._cache[cache_key] = actor
        return actor

    def add_alias(self, alias: str, key: str | CanonicalActor) -> CanonicalActor:
        """Make ``alias`` resolve to the actor ``key`` from now on (a review correction).

        ``key`` is a canonical key already known to the resolver (gazetteer,
        earlier correction, or a provisional key it has handed out) or a
        :class:`CanonicalActor`. Raises KeyError for an unknown key.
        """
        if isinstance(key, CanonicalActor):
            actor = key
        else:
            found = self._by_key.get(key)
            if found is None:
                raise KeyError(f"no actor with key {key!r}")
            actor = found
        norm = normalise(alias)
        if not norm:
            raise ValueError("an alias needs at least one letter or digit")
        self._by_key.setdefault(actor.key, actor)
        self._overrides[actor.side][norm] = actor
        self._added.append((alias, actor))
        self._cache.clear()
        return actor

    def added_aliases(self) -> Iterator[tuple[str, CanonicalActor]]:
        """Aliases given at run time (constructor extras and add_alias), for a store to persist."""
        return iter(list(self._added))

    def actor(self, key: str) -> CanonicalActor | None:
        """The actor with this canonical key, if the resolver knows it."""
        return self._by_key.get(key)

    # ------------------------------------------------------------------ steps

    def _resolve(self, name: str, side: str, country: str | None, type: str | None) -> CanonicalActor:
        norm = normalise(name)
        if not norm:
            raise ValueError(f"cannot resolve an empty name ({name!r})")
        override = self._overrides[side].get(norm)
        if override is not None:
            return override
        exact = self._choose(self._exact[side].get(norm, []), side, country, type)
        if exact is not None:
            return exact
        government = self._government(name, side, country)
        if government is not None:
            return government
        fuzzy = self._fuzzy(norm, side, country, type)
        if fuzzy is not None:
            return fuzzy
        return self._provisional(name, norm, side, country, type)

    @staticmethod
    def _choose(
        candidates: list[CanonicalActor], side: str, country: str | None, type: str | None
    ) -> CanonicalActor | None:
        """Pick among same-alias readings: a LAC actor of another country is excluded."""
        if side == "lac" and country:
            candidates = [c for c in candidates if c.country in (None, country)]
        if not candidates:
            return None
        ranked = sorted(
            candidates,
            key=lambda c: (country is not None and c.country == country, type is not None and c.type == type),
            reverse=True,
        )
        return ranked[0]

    def _government(self, name: str, side: str, country: str | None) -> CanonicalActor | None:
        parts = government_parts(name)
        if parts is None:
            return None
        level, core = parts
        if side == "cn":
            return self._cn_places.get(core)
        places = [p for p in self._lac_places.get(core, []) if not country or p.country == country]
        if not places:
            if not level:
                return None
            key = f"lac:gov:{level}:{country or '-'}:{core}"
            return CanonicalActor(key, name.strip(), "lac", "subnational_government", country, True)
        preference = _PLACE_PREFERENCE[level]
        place = min(places, key=lambda p: (preference.index(p.kind), p.key))
        iso = place.country or country
        if place.kind in ("country", "demonym") and not level:
            display = f"Government of {english_country_name(place.key)}"
            return CanonicalActor(display, display, "lac", "national_government", place.key, False)
        if not level:
            level = "state" if place.kind == "subdivision" else "municipal"
        ident = normalise(place.name) if place.kind == "lac_city" else place.key
        key = f"lac:gov:{level}:{iso}:{ident}"
        if place.kind in ("country", "demonym"):  # "Municipal governments of Costa Rica"
            plural = "Municipal" if level == "municipal" else "State"
            display = f"{plural} governments of {english_country_name(place.key)}"
        elif level == "municipal":
            display = f"{place.name} Municipal Government"
        else:
            display = f"Government of {place.name}"
        return CanonicalActor(key, display, "lac", "subnational_government", iso, False)

    def _fuzzy(
        self, norm: str, side: str, country: str | None, type: str | None
    ) -> CanonicalActor | None:
        if len(norm) < _MIN_FUZZY_LENGTH or any(is_cjk(ch) for ch in norm):
            return None  # acronyms; Chinese names, where one character is another place
        hits = []
        for scorer in (fuzz.ratio, fuzz.token_sort_ratio):  # typos; word order
            hits += process.extract(
                norm, self._fuzzy_choices[side], scorer=scorer,
                score_cutoff=self.fuzzy_threshold, limit=10,
            )
        hits.sort(key=lambda hit: (-hit[1], hit[2]))
        words = set(norm.split())
        for choice, _score, index in hits:
            other = set(choice.split())
            if not _typos_only(words - other, other - words, self._place_words):
                continue  # "Ministry of Culture" vs "of Agriculture", "of Chile" vs "of China"
            actor = self._choose(self._fuzzy_actors[side][index], side, country, type)
            if actor is not None:
                return actor
        return None

    @staticmethod
    def _provisional(
        name: str, norm: str, side: str, country: str | None, type: str | None
    ) -> CanonicalActor:
        where = f"{country}:" if side == "lac" and country else ""
        key = f"provisional:{side}:{where}{norm}"
        return CanonicalActor(key, " ".join(name.split()), side, type or "unknown", country, True)
