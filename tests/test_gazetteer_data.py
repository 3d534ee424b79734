"""Sanity checks for the gazetteer reference CSVs (src/enlace/gazetteer/data)."""
import csv
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

DATA = Path(__file__).parents[1] / "src/enlace/gazetteer/data"

HEADERS = {
    "lac_countries.csv": ["iso2", "status", "lang", "alias", "kind", "source"],
    "lac_subdivision_aliases.csv": ["code", "lang", "alias", "source"],
    "lac_cities.csv": ["city", "lang", "alias", "subdivision", "country", "source"],
    "chinese_actors.csv": ["canonical", "type", "lang", "alias", "source"],
    "chinese_provinces.csv": ["name_en", "name_zh", "kind", "aliases", "source"],
    "chinese_cities.csv": ["name_en", "name_zh", "province", "kind", "aliases", "source"],
    "lac_parties.csv": ["canonical", "original_name", "acronym", "country", "ideology",
                        "leftist", "aliases", "source"],
    "lac_organisations.csv": ["canonical", "type", "country", "lang", "alias", "source"],
}

CELAC = set("AG AR BS BB BZ BO BR CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA "
            "PY PE KN LC VC SR TT UY VE".split())
CHANNELS = {"party", "state", "quasi_governmental", "subnational", "commercial",
            "academic", "diaspora"}
IDEOLOGIES = {"communist", "socialist", "social_democratic", "left", "centre_left", "centre",
              "centre_right", "right", "conservative", "liberal", "christian_democratic",
              "nationalist", "green", "other"}
LANGS = {"en", "es", "pt", "zh", "fr", "nl"}
SUBDIVISIONS = {s.code for s in pycountry.subdivisions}


def load(name):
    with open(DATA / name, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = [dict(zip(header, r, strict=True)) for r in reader]
    return header, rows


def split(cell):
    return [x.strip() for x in cell.split("|") if x.strip()]


def lac_iso2():
    return {r["iso2"] for r in load("lac_countries.csv")[1]}


def assert_unique_targets(rows, key, target):
    seen = defaultdict(set)
    for r in rows:
        seen[key(r)].add(target(r))
    clashes = {k: v for k, v in seen.items() if len(v) > 1}
    assert not clashes, f"ambiguous aliases: {sorted(clashes.items())[:10]}"


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_header_and_sources(name):
    header, rows = load(name)
    assert header == HEADERS[name]
    assert rows
    for r in rows:
        assert len(r) == len(header), r
        assert r["source"].strip(), r
        for col in header:
            assert r[col] == r[col].strip(), (col, r)


def test_countries():
    _, rows = load("lac_countries.csv")
    assert len(rows) >= 300
    for r in rows:
        assert pycountry.countries.get(alpha_2=r["iso2"]), r
        assert r["status"] in {"state", "territory"}
        assert r["lang"] in {"en", "es", "pt", "zh"}
        assert r["kind"] in {"name", "demonym"}
        assert r["alias"]
    states = {r["iso2"] for r in rows if r["status"] == "state"}
    assert states == CELAC
    status = defaultdict(set)
    for r in rows:
        status[r["iso2"]].add(r["status"])
    assert all(len(v) == 1 for v in status.values())
    for t in "PR AW CW SX BQ KY VG VI TC BM MS AI GP MQ GF BL MF FK".split():
        assert status[t] == {"territory"}, t
    names = {(r["iso2"], r["alias"]) for r in rows}
    assert ("CU", "古巴") in names and ("CU", "cubanas") in names and ("CU", "Cuban") in names
    assert_unique_targets(rows, lambda r: (r["alias"].casefold(), r["lang"]), lambda r: r["iso2"])


def test_subdivision_aliases():
    _, rows = load("lac_subdivision_aliases.csv")
    for r in rows:
        assert r["code"] in SUBDIVISIONS, r
        assert r["code"].split("-")[0] in lac_iso2()
        assert r["lang"] in LANGS and r["alias"]
    got = {(r["alias"], r["code"]) for r in rows}
    for alias, code in [("Ciudad de México", "MX-CMX"), ("CDMX", "MX-CMX"), ("Mexico City", "MX-CMX"),
                        ("Buenos Aires Province", "AR-B"), ("CABA", "AR-C"),
                        ("Región Metropolitana", "CL-RM"), ("布宜诺斯艾利斯省", "AR-B")]:
        assert (alias, code) in got, alias
    assert_unique_targets(rows, lambda r: (r["alias"].casefold(), r["lang"]), lambda r: r["code"])


def test_cities():
    _, rows = load("lac_cities.csv")
    assert len(rows) >= 300
    lac = lac_iso2()
    for r in rows:
        assert r["country"] in lac, r
        assert pycountry.countries.get(alpha_2=r["country"])
        assert r["lang"] in LANGS and r["alias"] and r["city"]
        if r["subdivision"]:
            assert r["subdivision"] in SUBDIVISIONS, r
            assert r["subdivision"].split("-")[0] == r["country"], r
        else:
            assert r["country"] not in CELAC, r
    got = {(r["alias"], r["subdivision"]) for r in rows}
    for alias, code in [("Concepción", "CL-BI"), ("Fortaleza", "BR-CE"), ("Recife", "BR-PE"),
                        ("Guadalajara", "MX-JAL"), ("La Plata", "AR-B"), ("哈瓦那", "CU-03"),
                        ("La Habana", "CU-03"), ("Port of Spain", "TT-POS"),
                        ("San Salvador de Jujuy", "AR-Y"), ("Morelia", "MX-MIC"), ("Mérida", "MX-YUC")]:
        assert (alias, code) in got, alias
    assert_unique_targets(rows, lambda r: (r["alias"].casefold(), r["lang"]),
                          lambda r: (r["city"], r["subdivision"], r["country"]))


def test_chinese_actors():
    _, rows = load("chinese_actors.csv")
    assert len(rows) >= 300
    types = defaultdict(set)
    self_rows = set()
    for r in rows:
        assert r["type"] in CHANNELS, r
        assert r["lang"] in {"en", "es", "pt", "zh"} and r["alias"]
        types[r["canonical"]].add(r["type"])
        if r["alias"] == r["canonical"]:
            self_rows.add(r["canonical"])
    assert all(len(v) == 1 for v in types.values())
    assert self_rows == set(types)
    bare = {r["alias"] for r in rows}
    assert "PCC" not in bare and "Party" not in bare and "Ministry" not in bare
    for canon, typ in [("International Department of the CPC Central Committee", "party"),
                       ("Communist Party of China", "party"), ("Government of China", "state"),
                       ("Ministry of Foreign Affairs of China", "state"),
                       ("National People's Congress", "state"),
                       ("National Committee of the Chinese People's Political Consultative Conference",
                        "quasi_governmental"),
                       ("Chinese People's Association for Friendship with Foreign Countries",
                        "quasi_governmental"),
                       ("China Council for the Promotion of International Trade", "quasi_governmental"),
                       ("Office of the Central Foreign Affairs Commission", "party"),
                       ("United Front Work Department", "quasi_governmental")]:
        assert types.get(canon) == {typ}, canon
    assert_unique_targets(rows, lambda r: (r["alias"].casefold(), r["lang"]), lambda r: r["canonical"])


def test_chinese_provinces_and_cities():
    _, provs = load("chinese_provinces.csv")
    assert len(provs) == 34
    kinds = defaultdict(int)
    for r in provs:
        kinds[r["kind"]] += 1
        assert r["name_zh"]
    assert kinds == {"province": 22, "taiwan": 1, "municipality": 4, "autonomous_region": 5, "sar": 2}
    names = {r["name_en"] for r in provs}
    _, cities = load("chinese_cities.csv")
    for r in cities:
        assert r["province"] in names, r
        assert r["kind"] in {"city", "county", "district"}
        assert r["name_zh"]
    for rows, target in ((provs, "name_en"), (cities, "name_en")):
        seen = defaultdict(set)
        for r in rows:
            for a in [r[target], r["name_zh"]] + split(r["aliases"]):
                seen[a.casefold()].add(r[target])
        assert not {k: v for k, v in seen.items() if len(v) > 1}


def test_parties():
    _, rows = load("lac_parties.csv")
    assert len(rows) >= 150
    lac = lac_iso2()
    assert {r["country"] for r in rows} >= CELAC
    assert len({r["canonical"] for r in rows}) == len(rows)
    seen = defaultdict(list)
    for r in rows:
        assert r["country"] in lac and pycountry.countries.get(alpha_2=r["country"]), r
        assert r["leftist"] in {"true", "false"}, r
        assert r["ideology"] in IDEOLOGIES, r
        assert r["original_name"]
        names = [r["canonical"], r["original_name"], r["acronym"], *split(r["aliases"])]
        for a in {n.casefold() for n in names if n}:
            seen[a].append((r["canonical"], r["country"]))
    for alias, owners in seen.items():
        countries = [c for _, c in owners]
        assert len(countries) == len(set(countries)), (alias, owners)
    by = {r["canonical"]: r for r in rows}
    for canon, left in [("Workers' Party (Brazil)", "true"), ("Communist Party of Cuba", "true"),
                        ("United Socialist Party of Venezuela", "true"),
                        ("Movement for Socialism (Bolivia)", "true"),
                        ("Sandinista National Liberation Front", "true"),
                        ("National Liberation Party (Costa Rica)", "false"),
                        ("Republican Proposal (Argentina)", "false"),
                        ("Colombian Liberal Party", "false"), ("Colombian Conservative Party", "false"),
                        ("Democratic Center (Colombia)", "false"),
                        ("Institutional Revolutionary Party (Mexico)", "false"),
                        ("Democratic Revolutionary Party (Panama)", "true"),
                        ("Justicialist Party (Argentina)", "false")]:
        assert by[canon]["leftist"] == left, canon


def test_organisations():
    _, rows = load("lac_organisations.csv")
    lac = lac_iso2()
    for r in rows:
        assert r["lang"] in {"en", "es", "pt", "zh"} and r["alias"]
        if r["type"] == "regional_body":
            assert r["country"] == "", r
        else:
            assert r["country"] in lac, r
    canon = {r["canonical"] for r in rows}
    for c in ["Argentine Senate", "Chamber of Deputies of Mexico", "Senate of Mexico",
              "Legislative Assembly of Costa Rica", "São Paulo Forum"]:
        assert c in canon, c
    assert_unique_targets(rows, lambda r: (r["alias"].casefold(), r["lang"]), lambda r: r["canonical"])
