"""Date resolution in the four languages, against the document's own reference date."""

import pytest

from enlace.extract.dates import dateline_reference, find_dates


def values(text: str, published: str | None) -> list[tuple[str, str | None]]:
    return [(d.value, d.end_value) for d in find_dates(text, published)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # English
        ("They met on Tuesday in Lima.", "2024-05-10", [("2024-05-07", None)]),
        ("On December 9, 2011, the envoy met the speaker.", "2011-12-12", [("2011-12-09", None)]),
        ("The visit ran from Monday to Wednesday.", "2019-03-27",
         [("2019-03-25", "2019-03-27")]),
        ("On 21 October the vice chairman met envoys.", "2020-10-25", [("2020-10-21", None)]),
        ("The talks took place yesterday.", "2022-01-01", [("2021-12-31", None)]),
        ("In March 2019 the mayor travelled.", "2019-06-01", [("2019-03", None)]),
        # Spanish
        ("Se reunieron el pasado 12 de mayo en Córdoba.", "2023-06-01", [("2023-05-12", None)]),
        ("La delegación llegó anoche a La Habana.", "2012-12-07", [("2012-12-06", None)]),
        ("Del 5 al 9 de mayo de 2023 se celebró el foro.", None, [("2023-05-05", "2023-05-09")]),
        ("El viernes pasado firmaron el acuerdo.", "2023-05-09", [("2023-05-05", None)]),
        # Portuguese
        ("O governador recebeu ontem o cônsul.", "2021-03-03", [("2021-03-02", None)]),
        ("A reunião foi em 3 de março de 2020.", None, [("2020-03-03", None)]),
        ("Na sexta-feira, o prefeito assinou o acordo.", "2024-02-14", [("2024-02-09", None)]),
        # Chinese
        ("5月10日，双方在北京会见。", "2025-05-11", [("2025-05-10", None)]),
        ("2019年3月25日至27日访问阿根廷。", None, [("2019-03-25", "2019-03-27")]),
        ("昨天，大使会见了州长。", "2020-01-02", [("2020-01-01", None)]),
        ("星期五举行了会谈。", "2024-05-12", [("2024-05-10", None)]),
    ],
)
def test_resolves_expressions(text, published, expected):
    assert values(text, published) == expected


def test_day_without_year_takes_previous_year_when_after_publication():
    # A January article about "December 20" refers to last December.
    assert values("The delegation met on December 20.", "2024-01-05") == [("2023-12-20", None)]


def test_weekday_needs_a_publication_day():
    assert values("They met on Tuesday.", None) == []
    assert values("They met on Tuesday.", "2024-05") == []


def test_day_and_month_without_any_year_is_unresolved():
    assert values("Se reunieron el 12 de mayo.", None) == []


def test_next_weekday_is_marked_future():
    (mention,) = find_dates("La delegación permanecerá hasta el próximo sábado.", "2012-12-07")
    assert mention.future and mention.value == "2012-12-08"


def test_english_may_as_verb_is_not_a_date():
    assert values("Both sides may 5 times meet.", "2024-01-01") == []


def test_invalid_calendar_day_falls_back_to_the_month():
    assert values("Reunión el 31 de febrero de 2020.", None) == [("2020-02", None)]


def test_dateline_gives_reference_and_its_end():
    text = "BOGOTA, Dec. 10 (Xinhua) -- A delegation visited on Friday."
    day, end = dateline_reference(text, "2016-12-11")
    assert day == "2016-12-10"
    assert text[end:].startswith(" --")
    assert dateline_reference("No dateline here.", "2016-12-11") is None
