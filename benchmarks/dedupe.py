"""De-duplication benchmark: pairwise accuracy on the dev gold, and clustering speed.

Why: the duplicate rule (enlace.resolve.dedupe) trades precision for recall
through every clause, and a corpus-level step must stay fast at 100k+
events; this script measures both the same way every time.

1. Accuracy: cluster the gold events of every dev document (doc_ids =
   [doc_id]) and score cross-document pairs against the truth built from
   dev-dupes.json (enlace.resolve.score). Skipped, with a message, when the
   corpus folder is absent.
2. Speed: generate N synthetic events (random dates over 10 years, LAC
   countries, Chinese and LAC actors, activities; a share re-reported by a
   second "outlet" a day or two later), not timed, then time
   cluster_events on one core and report events/s.

Usage: ``python benchmarks/dedupe.py [--corpus PATH] [--events N] [--seed S]``.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta
from pathlib import Path

from enlace.codebook import Event
from enlace.resolve.actors import ActorResolver
from enlace.resolve.dedupe import cluster_events
from enlace.resolve.score import score_dev

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

_COUNTRIES = ("AR", "BO", "BR", "CL", "CO", "CR", "CU", "DO", "EC", "GT", "HN", "JM", "MX", "NI",
              "PA", "PE", "PY", "SV", "UY", "VE")
_CHINESE = (
    ("International Department of the CPC Central Committee", "party"),
    ("Communist Party of China", "party"),
    ("Government of China", "state"),
    ("Ministry of Foreign Affairs of China", "state"),
    ("National People's Congress", "state"),
    ("Chinese People's Association for Friendship with Foreign Countries", "quasi_governmental"),
    ("China Council for the Promotion of International Trade", "quasi_governmental"),
    ("Xiamen Municipal Government", "subnational"),
    ("Sichuan Provincial Government", "subnational"),
)
_LAC_KINDS = (
    ("Government of {}", "national_government"),
    ("Ministry of Foreign Affairs of {}", "national_government"),
    ("Senate of {}", "legislature"),
    ("Chamber of Commerce of {}", "business"),
    ("National University of {}", "academic"),
)
_ACTIVITIES = ("meeting", "visit", "signing", "seminar", "forum", "message", "training")


def synthetic_events(count: int, seed: int = 0, repeat_share: float = 0.3) -> list[Event]:
    """Invented events; ``repeat_share`` of them re-reported by another document."""
    rng = random.Random(seed)
    start = date(2015, 1, 1)
    events: list[Event] = []
    while len(events) < count:
        country = rng.choice(_COUNTRIES)
        day = start + timedelta(days=rng.randrange(3652))
        precision = rng.random()  # 80% day, 17% month, 3% year precision
        when = day.isoformat()[: 10 if precision < 0.8 else 7 if precision < 0.97 else 4]
        cn_name, cn_type = rng.choice(_CHINESE)
        template, lac_type = rng.choice(_LAC_KINDS)
        data = {
            "date": when,
            "format": "bilateral",
            "lac_countries": [country],
            "lac_level": "national",
            "chinese_actors": [{"name": cn_name, "type": cn_type}],
            "lac_actors": [{"name": template.format(country), "type": lac_type, "country": country}],
            "channel": cn_type,
            "content": "daily_interaction",
            "activity": rng.choice(_ACTIVITIES),
            "mechanism": "bilateral",
            "leftist": False,
            "venue": rng.choice(("in_china", "in_lac")),
            "doc_ids": [f"doc{len(events)}"],
        }
        events.append(Event.model_validate(data))
        if rng.random() < repeat_share and len(events) < count:
            lag = day + timedelta(days=rng.randrange(3))
            events.append(Event.model_validate(
                {**data, "date": lag.isoformat(), "doc_ids": [f"doc{len(events)}"]}))
    return events


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help="folder holding dev/ and dev-dupes.json")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    resolver = ActorResolver.from_gazetteer()
    if (args.corpus / "dev" / "gold.jsonl").exists() and (args.corpus / "dev-dupes.json").exists():
        report = score_dev(args.corpus, resolver)
        for label, s in (("annotated documents (target)", report.annotated),
                         ("strict (ungrouped documents as singletons)", report.strict)):
            print(f"dev pairwise, {label}: precision {s.precision:.3f}  recall {s.recall:.3f}  "
                  f"F1 {s.f1:.3f}  (tp {s.tp}, fp {s.fp}, fn {s.fn}; {s.events} events)")
        for a, b in report.strict_false_pairs:
            print(f"  merged across groups/ungrouped: {a.doc_ids[0]} {a.date} {a.activity} "
                  f"~ {b.doc_ids[0]} {b.date} {b.activity}")
    else:
        print(f"dev accuracy skipped: no dev/gold.jsonl and dev-dupes.json under {args.corpus}")

    events = synthetic_events(args.events, args.seed)
    began = time.perf_counter()
    clusters = cluster_events(events, resolver)
    seconds = time.perf_counter() - began
    merged = sum(1 for c in clusters if len(c) > 1)
    print(f"clustered {len(events):,} synthetic events in {seconds:.2f} s "
          f"({len(events) / seconds:,.0f} events/s); {len(clusters):,} clusters, {merged:,} merged")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
