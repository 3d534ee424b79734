"""The gazetteer matcher: boundaries, longest match, case, accents, ambiguity."""

from enlace.gazetteer import Entity, Matcher

CUBA = Entity(kind="country", key="CU", name="Cuba", country="CU")
PCC_CU = Entity(kind="lac_party", key="Communist Party of Cuba", name="Communist Party of Cuba",
                country="CU", leftist=True)
PCC_CO = Entity(kind="lac_party", key="Colombian Communist Party",
                name="Colombian Communist Party", country="CO", leftist=True)
PT_BR = Entity(kind="lac_party", key="Workers' Party (Brazil)", name="Workers' Party (Brazil)",
               country="BR")
PARA = Entity(kind="subdivision", key="BR-PA", name="Pará", country="BR", subdivision="BR-PA")
IDCPC = Entity(kind="cn_actor", key="International Department of the CPC Central Committee",
               name="International Department of the CPC Central Committee", actor_type="party")

MATCHER = Matcher([
    ("Cuba", CUBA), ("古巴", CUBA), ("Partido Comunista de Cuba", PCC_CU), ("PCC", PCC_CU),
    ("PCC", PCC_CO), ("PT", PT_BR), ("Pará", PARA), ("中联部", IDCPC),
    ("Departamento Internacional del PCCh", IDCPC),
])


def names(text):
    return [(m.text, [e.key for e in m.entities]) for m in MATCHER.find(text)]


def test_longest_match_wins():
    assert names("El Partido Comunista de Cuba recibió") == [
        ("Partido Comunista de Cuba", ["Communist Party of Cuba"])]


def test_word_boundaries_for_latin_names():
    assert names("Cubanos y Cubatabaco") == []


def test_chinese_needs_no_boundaries():
    assert names("中联部部长会见古巴客人") == [
        ("中联部", [IDCPC.key]), ("古巴", ["CU"])]


def test_accents_and_case_folded():
    assert names("DEPARTAMENTO INTERNACIONAL DEL PCCH") == [
        ("DEPARTAMENTO INTERNACIONAL DEL PCCH", [IDCPC.key])]


def test_acronyms_must_be_capitals():
    assert names("el pt de la reunión") == []
    assert names("el PT de Lula") == [("PT", [PT_BR.key])]


def test_ambiguous_acronym_keeps_every_reading():
    assert names("el PCC saludó") == [("PCC", [PCC_CU.key, PCC_CO.key])]


def test_accented_name_that_folds_to_a_word_keeps_its_accent():
    assert names("viajó para reunirse") == []
    assert names("el estado de Pará") == [("Pará", ["BR-PA"])]


def test_offsets_match_original_text():
    text = "Ça va: el Partido Comunista de Cuba"
    (match,) = MATCHER.find(text)
    assert text[match.start:match.end] == match.text
