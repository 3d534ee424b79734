"""Actor resolution: aliases in four languages, acronyms by country, fuzzy, provisional, corrections."""

import pytest

from enlace.gazetteer import load_gazetteer
from enlace.resolve.actors import ActorResolver, CanonicalActor

IDCPC = "International Department of the CPC Central Committee"


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver.from_gazetteer(load_gazetteer())


@pytest.mark.parametrize("name", [
    IDCPC, "IDCPC", "ILD", "International Liaison Department", "中联部", "中共中央对外联络部",
    "Departamento Internacional del PCCh", "Departamento Internacional do PCCh",
    "departamento internacional del pcch",  # case
])
def test_aliases_in_four_languages_resolve_to_one_key(resolver, name):
    actor = resolver.resolve(name, "cn")
    assert actor.key == IDCPC
    assert actor.side == "cn" and actor.type == "party" and not actor.provisional


def test_acronym_disambiguated_by_country(resolver):
    assert resolver.resolve("PCC", "lac", country="CU").key == "Communist Party of Cuba"
    assert resolver.resolve("PCC", "lac", country="CO").key == "Colombian Communist Party"
    # a country the acronym does not belong to: not silently another country's party
    assert resolver.resolve("PCC", "lac", country="VE").provisional


def test_embassy_in_spanish(resolver):
    actor = resolver.resolve("Embajada de China en Perú", "cn")
    assert actor.key == "Embassy of China in Peru" and actor.country == "PE"
    assert resolver.resolve("Embajada de China en Peru", "cn").key == actor.key


def test_side_matters(resolver):
    assert resolver.resolve("中联部", "lac").provisional
    with pytest.raises(ValueError):
        resolver.resolve("IDCPC", "nowhere")


def test_government_of_a_place_in_any_order(resolver):
    a = resolver.resolve("Municipality of Guanajuato", "lac", country="MX")
    b = resolver.resolve("Guanajuato Municipal Government", "lac", country="MX")
    state = resolver.resolve("Government of Guanajuato", "lac", country="MX")
    assert a.key == b.key and not a.provisional
    assert state.key != a.key  # the state government is another actor
    cuba = {resolver.resolve(n, "lac", country="CU").key
            for n in ("Government of Cuba", "Gobierno de Cuba", "Cuban government")}
    assert cuba == {"Government of Cuba"}
    assert resolver.resolve("厦门市政府", "cn").key == "Xiamen Municipal Government"
    assert resolver.resolve("Xiamen Municipal Government", "cn").key == "Xiamen Municipal Government"


def test_fuzzy_match_on_typos(resolver):
    assert resolver.resolve("Comunist Party of Cuba", "lac").key == "Communist Party of Cuba"
    assert resolver.resolve("Internacional Department of the CPC Central Comittee", "cn").key == IDCPC


def test_fuzzy_refuses_another_place_or_word(resolver):
    # one word away from a known name, but a different organisation
    assert resolver.resolve("Socialist Party of Narnia", "lac").provisional
    assert resolver.resolve("Shaanxi Provincial Government", "cn").key != resolver.resolve(
        "Shanxi Provincial Government", "cn").key


def test_provisional_key_stable_under_case_and_accents(resolver):
    a = resolver.resolve("Asociación Amistad Ñandutí–China", "lac", country="PY")
    b = resolver.resolve("ASOCIACION AMISTAD NANDUTI-CHINA", "lac", country="PY")
    assert a.provisional and b.provisional
    assert a.key == b.key


def test_add_alias_makes_a_correction_stick():
    resolver = ActorResolver.from_gazetteer()
    assert resolver.resolve("Frente Sandinista (FSLN-Managua)", "lac", country="NI").provisional
    resolver.add_alias("Frente Sandinista (FSLN-Managua)", "Sandinista National Liberation Front")
    actor = resolver.resolve("frente sandinista fsln managua", "lac", country="NI")
    assert actor.key == "Sandinista National Liberation Front" and not actor.provisional
    with pytest.raises(KeyError):
        resolver.add_alias("whatever", "No Such Actor")


def test_provisional_key_can_be_the_target_of_a_correction():
    resolver = ActorResolver.from_gazetteer()
    unknown = resolver.resolve("Cámara Binacional Tal", "lac", country="AR")
    resolver.add_alias("CBT Argentina", unknown.key)
    assert resolver.resolve("CBT Argentina", "lac").key == unknown.key


def test_extra_aliases_load_back():
    corrected = CanonicalActor("Communist Party of Cuba", "Communist Party of Cuba", "lac", "party", "CU",
                               False)
    first = ActorResolver.from_gazetteer(extra_aliases=[("Partido de Fidel", corrected)])
    assert first.resolve("partido de fidel", "lac").key == "Communist Party of Cuba"
    saved = list(first.added_aliases())
    second = ActorResolver.from_gazetteer(extra_aliases=saved)
    assert second.resolve("Partido de Fidel", "lac", country="CU") == corrected
