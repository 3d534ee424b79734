"""Date mentions in English, Spanish, Portuguese and Chinese, resolved to codebook dates.

Written by hand because it must be fast (it runs on every sentence of millions of
articles) and must resolve relative expressions ("on Tuesday", "el pasado 12 de
mayo", "5月10日", "ayer") against the document's own reference date, never today.
A full date parser such as dateparser is an order of magnitude slower per text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from enlace.extract.cues import Cue, DocumentCues
from enlace.gazetteer.text import fold

_MONTHS = {
    # English (with abbreviations), Spanish, Portuguese; folded (no accents)
    **{m: i for i, m in enumerate(
        ["january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"], start=1)},
    **{m: i for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        start=1)},
    "sept": 9,
    **{m: i for i, m in enumerate(
        ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
         "septiembre", "octubre", "noviembre", "diciembre"], start=1)},
    "setiembre": 9,
    **{m: i for i, m in enumerate(
        ["janeiro", "fevereiro", "marco", "abril", "maio", "junho", "julho", "agosto",
         "setembro", "outubro", "novembro", "dezembro"], start=1)},
}
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
    "lunes": 0, "martes": 1, "miercoles": 2, "jueves": 3, "viernes": 4, "sabado": 5,
    "domingo": 6,
    "segunda-feira": 0, "terca-feira": 1, "quarta-feira": 2, "quinta-feira": 3,
    "sexta-feira": 4, "segunda": 0, "terca": 1, "quarta": 2, "quinta": 3, "sexta": 4,
}
_ZH_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_RELATIVE = {
    "today": 0, "hoy": 0, "hoje": 0, "this morning": 0, "esta manana": 0, "nesta": 0,
    "yesterday": -1, "ayer": -1, "ontem": -1, "anoche": -1, "last night": -1,
    "anteayer": -2, "anteontem": -2, "antier": -2,
    "今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2,
}

_MONTH_RE = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ORD = r"(?:st|nd|rd|th|º|°|o)?"
_SEP = r"(?:\s*(?:-|–|—|al|a|y|e|to|and|till|until|through)\s*)"

_DAY_MONTH = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}}){_ORD}{_SEP})?(?P<d>\d{{1,2}}){_ORD}\s*(?:de\s+)?(?:of\s+)?"
    rf"(?P<m>{_MONTH_RE})(?:\s*,?\s*(?:de\s+|del\s+)?(?P<y>(?:19|20)\d{{2}}))?\b"
)
_MONTH_DAY = re.compile(
    rf"\b(?P<m>{_MONTH_RE})\s*,?\s*(?P<d>\d{{1,2}}){_ORD}(?:{_SEP}(?P<d2>\d{{1,2}}){_ORD})?"
    rf"(?:\s*,?\s*(?P<y>(?:19|20)\d{{2}}))?\b"
)
_MONTH_YEAR = re.compile(rf"\b(?P<m>{_MONTH_RE})\s*,?\s*(?:de\s+|del\s+)?(?P<y>(?:19|20)\d{{2}})\b")
_NUMERIC = re.compile(r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d{2})\b")
_ISO = re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})\b")
_ZH = re.compile(
    r"(?:(?P<y>(?:19|20)\d{2})\s*年\s*)?(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*[日号])?"
    r"(?:\s*(?:至|到|-|—|～|~)\s*(?:(?P<m2>\d{1,2})\s*月)?\s*(?P<d2>\d{1,2})\s*[日号])?"
)
_ZH_DAY = re.compile(r"(?<![月\d])(?P<d>[1-9]|[12]\d|3[01])\s*日")
_ZH_YEAR = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)")
_WEEKDAY = re.compile(
    r"\b(?:(?P<next>next|proximo|proxima|que viene|vindouro)\s+)?(?P<w>"
    + "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
    + r")\b(?:\s+(?P<next2>proximo|proxima|que viene|que vem))?"
)
_DAY_NAME = (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes"
             r"|miercoles|jueves|viernes|sabado|domingo|segunda|terca|quarta|quinta|sexta)"
             r"(?:-feira)?")
# "from Monday to Wednesday", "del lunes al miércoles", "de quarta-feira a sábado"
_WEEKDAY_RANGE = re.compile(
    rf"\b(?:from|de|desde|del)\s+(?:el\s+)?(?P<w1>{_DAY_NAME})\s+"
    rf"(?:to|through|until|till|a|al|hasta(?:\s+el)?|ate)\s+(?:el\s+|o\s+)?(?P<w2>{_DAY_NAME})\b"
)
_ZH_WEEKDAY = re.compile(r"(?:星期|礼拜|周)(?P<w>[一二三四五六日天])")
_RELATIVE_RE = re.compile(
    r"(?<![\w])(?:" + "|".join(re.escape(k) for k in sorted(_RELATIVE, key=len, reverse=True))
    + r")(?![\w])"
)
_YEAR = re.compile(
    r"\b(?:in|en|em|since|desde|de|del|el|year|ano|año|and|y|e|,)\s+(?P<y>(?:19|20)\d{2})\b"
    r"(?!\s*(?:-|/|年))"
)
_FUTURE_WORDS = re.compile(r"\b(?:next|proximo|proxima|que viene|que vem)\b")


_CLOCK = re.compile(r"[ t]*\d{1,2}:\d{2}")
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
_MONTH_CUES = Cue(list(_MONTHS))
_WEEKDAY_CUES = Cue(list(_WEEKDAYS))
_RELATIVE_CUES = Cue([re.escape(k) for k in _RELATIVE])


def _scan(pattern: re.Pattern[str], text: str, anchors: list[int], before: int,
          after: int) -> list[re.Match[str]]:
    """Matches of ``pattern`` inside the windows around ``anchors`` only.

    The regular-expression engine takes a window's edges for word boundaries;
    a match that only stands because of that is dropped.
    """
    windows: list[list[int]] = []
    for anchor in anchors:
        start, end = max(0, anchor - before), min(len(text), anchor + after)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    matches: list[re.Match[str]] = []
    for start, end in windows:
        for m in pattern.finditer(text, start, end):
            if _cut_word(text, m.start()) or _cut_word(text, m.end()):
                continue
            matches.append(m)
    return matches


def _cut_word(text: str, index: int) -> bool:
    return 0 < index < len(text) and text[index - 1].isalnum() and text[index].isalnum()


_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "un": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
    "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "um": 1, "dois": 2, "quatro": 4,
    "sete": 7, "oito": 8, "nove": 9, "dez": 10, "一": 1, "两": 2, "二": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
}
_WORDS = "|".join(w for w in _NUMBER_WORDS if w.isascii())


def _count(name: str) -> str:
    return rf"(?P<{name}>\d{{1,3}}|{_WORDS})"


# Years counted back from the report: "two years ago", "hace dos años", "há 30 anos",
# "30 años de la visita", "32 anos da parceria", "去年", "三年前". Arithmetic on the
# text's own facts, which the codebook allows.
_YEARS_BACK = re.compile(
    rf"\b{_count('n1')} years? ago\b|\bhace {_count('n2')} anos?\b|\bha {_count('n3')} anos\b"
    rf"|\b{_count('n4')} anos? (?:atras|de la|del|de su|da|do|de sua)\b"
    r"|\b(?P<last>last year|the year before|el ano pasado|o ano passado|ano passado)\b"
    r"|(?P<zh>[一两二三四五六七八九十\d]{1,3})年前|(?P<zhlast>去年|前年)"
)


_YEAR_WORDS = Cue(["years?", "anos?", "年前", "去年", "前年"])


def _years_back(match: re.Match[str]) -> int | None:
    if match["last"]:
        return 1
    if match["zhlast"]:
        return 1 if match["zhlast"] == "去年" else 2
    count = match["n1"] or match["n2"] or match["n3"] or match["n4"] or match["zh"]
    if count is None:
        return None
    return int(count) if count.isdigit() else _NUMBER_WORDS.get(count)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression and the codebook date(s) it resolves to."""

    start: int
    end: int
    value: str  # YYYY, YYYY-MM or YYYY-MM-DD
    end_value: str | None = None
    relative: bool = False
    future: bool = False

    @property
    def precision(self) -> int:
        return {4: 1, 7: 2, 10: 3}[len(self.value)]


def parse_reference(published: str | None) -> dt.date | None:
    """The publication date as a day, if the document has one at day precision."""
    if not published or len(published) < 10:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _fmt(year: int, month: int | None = None, day: int | None = None) -> str | None:
    try:
        if day is not None and month is not None:
            return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
    if month is not None:
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
    return f"{year:04d}"


def _infer_year(month: int, day: int | None, ref: dt.date | None, ref_year: int | None) -> int | None:
    """A day and month without a year: the latest such date not far after the reference."""
    if ref is None:
        return ref_year
    year = ref.year
    try:
        candidate = dt.date(year, month, day or 1)
    except ValueError:
        return year
    if candidate > ref + dt.timedelta(days=45):
        return year - 1
    return year


def _weekday_before(ref: dt.date, weekday: int, future: bool) -> dt.date:
    if future:
        delta = (weekday - ref.weekday()) % 7 or 7
        return ref + dt.timedelta(days=delta)
    delta = (ref.weekday() - weekday) % 7
    return ref - dt.timedelta(days=delta)


def find_dates(text: str, published: str | None = None, folded: str | None = None,
               cues: DocumentCues | None = None) -> list[DateMention]:
    """Every date expression in ``text`` resolved against ``published``.

    Expressions without a year take the publication year; weekdays and "ayer"
    need a publication day. What cannot be resolved is left out.
    """
    low = folded if folded is not None else fold(text)
    ref = parse_reference(published)
    ref_year = int(published[:4]) if published and published[:4].isdigit() else None
    found: list[DateMention] = []
    taken = bytearray(len(low) + 1)

    def add(start: int, end: int, value: str | None, end_value: str | None = None,
            relative: bool = False, future: bool = False) -> None:
        if value is None or any(taken[start:end]):
            return
        taken[start:end] = b"\x01" * (end - start)
        if end_value is not None and end_value <= value:
            end_value = None
        found.append(DateMention(start, end, value, end_value, relative, future))

    # Each pattern runs only near the words it needs (a month name, a weekday,
    # a four-digit year), found first in one automaton pass.
    years = [m.start() for m in _YEAR_DIGITS.finditer(low)]
    cues = cues or DocumentCues(low)
    months = [start for start, _ in cues.spans(_MONTH_CUES)]
    weekdays = [start for start, _ in cues.spans(_WEEKDAY_CUES)]
    for m in _scan(_ISO, low, years, 1, 12):
        if _CLOCK.match(low, m.end()):
            continue  # "2024-11-29 23:25": a page's time stamp, not an occasion
        add(m.start(), m.end(), _fmt(int(m["y"]), int(m["m"]), int(m["d"])))
    for m in _scan(_NUMERIC, low, years, 6, 4):
        add(m.start(), m.end(), _fmt(int(m["y"]), int(m["m"]), int(m["d"])))
    for m in (_ZH.finditer(low) if "月" in low else ()):
        month, day = int(m["m"]), int(m["d"]) if m["d"] else None
        year = int(m["y"]) if m["y"] else _infer_year(month, day, ref, ref_year)
        if year is None or not 1 <= month <= 12:
            continue
        end_value = None
        if m["d2"]:
            end_value = _fmt(year, int(m["m2"]) if m["m2"] else month, int(m["d2"]))
        add(m.start(), m.end(), _fmt(year, month, day), end_value, relative=not m["y"])
    if ref is not None and "日" in low:
        for m in _ZH_DAY.finditer(low):
            day = int(m["d"])
            month_start = ref.replace(day=1)
            if day > ref.day:  # "28日" in a report of the 3rd: last month
                month_start = (month_start - dt.timedelta(days=1)).replace(day=1)
            add(m.start(), m.end(), _fmt(month_start.year, month_start.month, day), relative=True)
    for m in (_ZH_YEAR.finditer(low) if "年" in low else ()):
        add(m.start(), m.end(), _fmt(int(m["y"])))
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        for m in _scan(pattern, low, months, 16, 30):
            month = _MONTHS[m["m"].rstrip(".")]
            if m["m"].rstrip(".") == "may" and pattern is _MONTH_DAY and not m["y"] \
                    and not text[m.start()].isupper():
                continue  # "may 5" in English is usually the verb
            day = int(m["d"])
            first_day = int(m["d1"]) if pattern is _DAY_MONTH and m["d1"] else None
            year = int(m["y"]) if m["y"] else _infer_year(month, first_day or day, ref, ref_year)
            if year is None:
                continue
            start_day, last_day = (first_day, day) if first_day else (day, None)
            if pattern is _MONTH_DAY and m["d2"]:
                last_day = int(m["d2"])
            value = _fmt(year, month, start_day)
            end_value = _fmt(year, month, last_day) if last_day else None
            add(m.start(), m.end(), value, end_value, relative=not m["y"])
    for m in _scan(_MONTH_YEAR, low, months, 0, 30):
        add(m.start(), m.end(), _fmt(int(m["y"]), _MONTHS[m["m"].rstrip(".")]))
    if ref is not None:
        for m in _scan(_WEEKDAY_RANGE, low, weekdays, 12, 40):
            w1 = _WEEKDAYS[m["w1"]]
            w2 = _WEEKDAYS[m["w2"]]
            last = _weekday_before(ref, w2, False)
            first = last - dt.timedelta(days=(w2 - w1) % 7)
            add(m.start(), m.end(), first.isoformat(), last.isoformat(), relative=True)
        for m in _scan(_WEEKDAY, low, weekdays, 12, 30):
            if m["w"] in ("segunda", "terca", "quarta", "quinta", "sexta") and \
                    not low.startswith("feira", m.end() + 1):
                continue  # bare "segunda" is usually "second"
            future = bool(m["next"] or m["next2"])
            day = _weekday_before(ref, _WEEKDAYS[m["w"]], future)
            add(m.start(), m.end(), day.isoformat(), relative=True, future=future)
        for m in (_ZH_WEEKDAY.finditer(low) if "周" in low or "星期" in low or "礼拜" in low
                  else ()):
            day = _weekday_before(ref, _ZH_WEEKDAYS[m["w"]], False)
            add(m.start(), m.end(), day.isoformat(), relative=True)
        for start, end in cues.spans(_RELATIVE_CUES):
            day = ref + dt.timedelta(days=_RELATIVE[low[start:end]])
            add(start, end, day.isoformat(), relative=True)
    for m in _scan(_YEAR, low, years, 8, 4):
        add(m.start("y"), m.end("y"), _fmt(int(m["y"])))
    if ref_year is not None:
        counted = [start for start, _ in cues.spans(_YEAR_WORDS)]
        for m in _scan(_YEARS_BACK, low, counted, 25, 20):
            back = _years_back(m)
            if back is not None and 0 < back <= 100:
                add(m.start(), m.end(), _fmt(ref_year - back), relative=True)
    found = [d for d in found if not _PUBLICATION_LABEL.search(low[max(0, d.start - 30):d.start])]
    found.sort(key=lambda d: d.start)
    return found


# "Release time: 2023-05-16", "Fecha de publicación: 28 June 2016": when the page
# was published, not when anything happened.
_PUBLICATION_LABEL = re.compile(
    r"(?:release time|published(?: on)?|publication date|posted(?: on)?|updated|time|date"
    r"|fecha(?: de publicacion)?|publicado(?: el| em)?|actualizado|atualizado|data"
    r"|发布时间|发布日期|时间|日期)\s*[:：]?\s*$"
)


def dateline_reference(text: str, published: str | None) -> tuple[str, int] | None:
    """A dateline ("BOGOTA, Dec. 10 (Xinhua) --") dates the report more precisely.

    Returns the dateline's day and where the dateline ends: its date is the
    reference for "on Friday", not the date of the event.
    """
    head = text[:400]
    match = _DATELINE.search(head) or _ZH_DATELINE.search(head)
    if not match:
        return None
    for mention in find_dates(match.group(1), published):
        if len(mention.value) == 10:
            return mention.value, match.end()
    return None


_ZH_DATELINE = re.compile(r"((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)电")
# "BOGOTA, Dec. 10 (Xinhua) --", "MONTEVIDEO/JOHANNESBURG, Aug. 6 (Xinhua)",
# "Beijing, 27 jun (RHC)", "北京,2018年6月21日 –": a place, a date, then an agency or a dash.
_DATELINE = re.compile(
    r"^\s*(?:[^\W\d][\w .'/-]{1,38}|[\u4e00-\u9fff]{1,8})\s*[,，]\s*"
    r"([^()\n–—]{3,24}?)\s*(?:\([^)\n]{2,40}\)|–|—|--|-\s)",
    re.M,
)
