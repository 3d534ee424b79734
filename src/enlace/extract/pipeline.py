"""The extraction orchestrator. Stages, in order:

1. read       documents from files (``enlace.documents``; done by the caller)
2. language   detect when the document does not say (``enlace.documents.detect_language``)
3. mentions   sentences, dates, places and actors (``sentences``, ``dates``, ``mentions``)
4. events     candidates merged into codebook events (``events``)

Each stage's time is accumulated in :attr:`Pipeline.timings` for the benchmark.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass

from enlace.codebook import Document, Event
from enlace.documents import detect_language
from enlace.extract.cues import DocumentCues
from enlace.extract.dates import dateline_reference, find_dates, parse_reference
from enlace.extract.events import DocumentContext, build_events
from enlace.extract.mentions import Mentions, find_mentions
from enlace.extract.sentences import split_sentences
from enlace.gazetteer import Gazetteer, load_gazetteer
from enlace.gazetteer.text import fold

_CJK = re.compile(r"[\u4e00-\u9fff]{4}")


@dataclass(frozen=True)
class ExtractOptions:
    """Everything that changes how extraction runs, built once from the CLI."""

    backend: str = "rules"
    detect_language: bool = True


class Pipeline:
    """Rules + gazetteer extraction: deterministic, offline, fast."""

    def __init__(self, options: ExtractOptions | None = None,
                 gazetteer: Gazetteer | None = None) -> None:
        self.options = options or ExtractOptions()
        if self.options.backend != "rules":
            raise ValueError(f"unknown extraction backend {self.options.backend!r} (known: rules)")
        self.gazetteer = gazetteer or load_gazetteer()
        self.timings: dict[str, float] = {"language": 0.0, "mentions": 0.0, "events": 0.0}

    def extract(self, document: Document) -> list[Event]:
        """Events of one document, each naming the document in ``doc_ids``."""
        clock = time.perf_counter()
        if self.options.detect_language and not document.language:
            document = document.model_copy(update={"language": detect_language(document.text)})
        now = time.perf_counter()
        self.timings["language"] += now - clock
        clock = now

        text = document.text
        folded = fold(text)
        sentences = split_sentences(text)
        cues = DocumentCues(folded)
        dateline = dateline_reference(text, document.published)
        reference = dateline[0] if dateline else document.published
        dates = find_dates(text, reference, folded, cues)
        if dateline:
            dates = [d for d in dates if d.start >= dateline[1]]
        mentions = find_mentions(text, folded, self.gazetteer, cues)
        context = _context(document, reference, mentions, self.gazetteer)
        context.cues = cues
        context.chinese = document.language == "zh" if document.language else \
            _CJK.search(text[:200]) is not None
        if dateline:
            context.dateline_side = next(
                (p.side for p in mentions.places if p.start < dateline[1]
                 and p.kind in ("lac_city", "subdivision", "cn_place", "country")), None)
            # the dateline's city says where the report was filed, not who took part
            mentions.places[:] = [p for p in mentions.places if p.start >= dateline[1]]
        now = time.perf_counter()
        self.timings["mentions"] += now - clock
        clock = now

        events = build_events(sentences, folded, mentions, dates, context,
                              self.gazetteer.lac_countries)
        for event in events:
            event.doc_ids = [document.doc_id]
        self.timings["events"] += time.perf_counter() - clock
        return events


def _context(document: Document, reference: str | None, mentions: Mentions,
             gazetteer: Gazetteer) -> DocumentContext:
    counts: Counter[str] = Counter()
    for place in mentions.places:
        if place.side == "lac" and gazetteer.is_lac(place.country) and not place.alternatives:
            counts[place.country] += 1
    for actor in mentions.actors:
        if (actor.side == "lac" and gazetteer.is_lac(actor.country) and not actor.alternatives
                and not actor.role.endswith(("_acronym", "_generic"))):
            counts[actor.country] += 1
    _settle_places(mentions, counts)
    main = counts.most_common(1)[0][0] if counts else None
    _drop_stray_towns(mentions, main)
    local = Counter(p.subdivision for p in mentions.places
                    if p.side == "lac" and p.subdivision and p.country == main)
    main_place = None
    if local:
        code = local.most_common(1)[0][0]
        main_place = next(p for p in mentions.places if p.subdivision == code)
    ref_day = parse_reference(reference)
    return DocumentContext(
        published=document.published,
        reference=ref_day.isoformat() if ref_day else None,
        main_country=main,
        country_counts=counts,
        main_place=main_place,
    )


def _settle_places(mentions: Mentions, counts: Counter[str]) -> None:
    """"Santa Cruz" is Argentine or Bolivian: the reading of the country the text is about."""
    for place in mentions.places:
        if not place.alternatives:
            continue
        readings = [(place.country, place.subdivision, place.name), *place.alternatives]
        country, code, name = max(readings, key=lambda r: counts.get(r[0] or "", 0))
        place.country, place.subdivision, place.name = country, code, name
        place.alternatives = ()
        counts[country] += 1


def _drop_stray_towns(mentions: Mentions, main: str | None) -> None:
    """A town of a country the document never names otherwise is a misreading.

    "贝伦" in a story about Costa Rica is Belén, not Brazil's Belém; "Rocha" in a
    list of Chilean councillors is a surname.
    """
    named = {p.country for p in mentions.places if p.kind in ("country", "demonym", "embassy")}
    named |= {a.country for a in mentions.actors if a.side == "lac" and a.country}
    mentions.places[:] = [
        p for p in mentions.places
        if not (p.side == "lac" and p.kind in ("lac_city", "subdivision") and main
                and p.country != main and p.country not in named)
    ]
