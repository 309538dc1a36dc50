"""Recognition: a cascade of compiled regular expressions that finds German temporal expressions.

Each rule turns a match into one or more :class:`Hit`: a character span and a :class:`Spec`, the
expression's meaning before it is anchored to a date ("Wednesday evening, direction unknown").
Overlaps are settled by keeping the earliest, then the longest hit. Extents follow TimeML: a
leading preposition ("am", "im", "seit", "innerhalb von") is not part of the expression; modifiers
("Mitte", "vergangenen", "fast") and "vor" of "vor sechs Wochen" (= ago) are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .lexicon import (
    ADJ_UNITS,
    MONTH_ABBR_RE,
    MONTH_FULL_RE,
    MONTHS,
    ORDINAL_WORDS,
    PARTS_OF_DAY,
    SEASON_RE,
    SEASONS,
    UNIT_RE,
    UNITS,
    VAGUE_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    number_value,
    unit_key,
)


@dataclass(frozen=True, slots=True)
class Spec:
    """What an expression means, before anchoring. ``kind`` selects the resolver."""

    kind: str  # date, month, year, decade, century, season, quarter, weekday, relday, refday,
    #            relunit, offset, part, time, duration, set
    type: str = "DATE"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    part: str | None = None  # TIMEX3 part of day: MO MI AF EV NI
    hour: int | None = None
    minute: int | None = None
    zone: str | None = None  # "MESZ", "Ortszeit", "deutscher Zeit", ...
    unit: str | None = None  # D W M Y WE (weekend) Q H ...
    n: float | None = None  # signed offset or count; None = vague (X)
    shift: int | None = None  # -1 last, 0 this, +1 next (explicit in the words)
    mod: str | None = None
    value: str | None = None  # precomputed value (durations, sets, absolute years)


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    spec: Spec


# --------------------------------------------------------------------------- shared pieces

_NUM = r"(?:\d+(?:,\d+)?|[A-Za-zÄÖÜäöüß]{2,})"
_SHIFT_WORDS = {
    "vergangen": -1,
    "letzt": -1,
    "vorig": -1,
    "vorherig": -1,
    "kommend": 1,
    "nächst": 1,
    "folgend": 1,
    "dies": 0,
    "laufend": 0,
    "heutig": 0,
    "gestrig": -1,
    "morgig": 1,
    "selb": 0,
    "gleich": 0,
}
_SHIFT_RE = (
    r"(?:[Vv]ergangene[nrsm]?|[Ll]etzte[nrsm]?|[Vv]orige[nrsm]?|[Vv]orherige[nrsm]?|[Kk]ommende[nrsm]?|"
    r"[Nn]ächste[nrsm]?|[Ff]olgende[nrsm]?|[Dd]iese[nrsm]?|[Ll]aufende[nrsm]?)"
)
_QUAL = (
    r"(?:gut|gute|guten|fast|knapp|beinahe|nahezu|etwa|rund|ungefähr|circa|ca\.|mehr\s+als|"
    r"über|weniger\s+als|bis\s+zu|mindestens|höchstens)"
)
_QUAL_MOD = {
    "gut": "MORE_THAN",
    "gute": "MORE_THAN",
    "guten": "MORE_THAN",
    "mehr als": "MORE_THAN",
    "über": "MORE_THAN",
    "mindestens": "EQUAL_OR_MORE",
    "fast": "LESS_THAN",
    "knapp": "LESS_THAN",
    "beinahe": "LESS_THAN",
    "nahezu": "LESS_THAN",
    "weniger als": "LESS_THAN",
    "bis zu": "EQUAL_OR_LESS",
    "höchstens": "EQUAL_OR_LESS",
    "etwa": "APPROX",
    "rund": "APPROX",
    "ungefähr": "APPROX",
    "circa": "APPROX",
    "ca.": "APPROX",
}
_EDGE_MOD = {"anfang": "START", "beginn": "START", "mitte": "MID", "ende": "END"}
_EDGE_RE = r"(?:Anfang|Beginn|Mitte|Ende)"
_MONTH_RE = rf"(?:{MONTH_FULL_RE})"
_MONTH_ANY_RE = rf"(?:{MONTH_FULL_RE}|(?:{MONTH_ABBR_RE})\.)"
_YEAR_SUFFIX_RE = r"(?:\s+(?P<ysfx>des\s+Vorjahr(?:e?s)|(?:dieses|diesen|des|letzten|vergangenen|vorigen|kommenden|nächsten)\s+Jahres))"
_WD_PREFIX_RE = rf"(?:(?P<wdshift>{_SHIFT_RE})\s+)?(?P<wd>{WEEKDAY_RE})"


def _year_shift(m: re.Match[str]) -> int | None:
    sfx = m.groupdict().get("ysfx")
    if not sfx:
        return None
    sfx = sfx.lower()
    if "vorjahr" in sfx or sfx.startswith(("letzten", "vergangenen", "vorigen")):
        return -1
    if sfx.startswith(("kommenden", "nächsten")):
        return 1
    return 0


def _shift(word: str | None) -> int | None:
    if not word:
        return None
    w = word.lower()
    for stem, value in _SHIFT_WORDS.items():
        if w.startswith(stem):
            return value
    return None


def _qual(word: str | None) -> str | None:
    if not word:
        return None
    return _QUAL_MOD.get(" ".join(word.lower().split()))


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _fmt_number(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def duration_value(n: float | None, unit_letter: str, clock: bool) -> str:
    """TIMEX3 duration: P3Y, PT1H, P3.5Y, PXY for a vague count; half units spelt out (P6M)."""
    if n is None:
        count = "X"
    elif n == 0.5 and unit_letter in ("Y", "D") and not clock:
        return "P6M" if unit_letter == "Y" else "PT12H"
    else:
        count = _fmt_number(n)
    return f"PT{count}{unit_letter}" if clock else f"P{count}{unit_letter}"


# --------------------------------------------------------------------------- the rules

Rule = tuple[str, "re.Pattern[str]", Callable[[re.Match[str], str], Iterator[Hit]], tuple[str, ...]]
RULES: list[Rule] = []

_WEEKDAY_WORDS = (
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag",
)
_MONTH_WORDS = tuple(MONTHS)
_UNIT_WORDS = ("sekunde", "minute", "stunde", "tag", "woche", "monat", "jahr")


def rule(name: str, pattern: str, flags: int = 0, needs: tuple[str, ...] = ()):
    """Register a rule; ``needs``: lower-case words of which the text must hold one for it to run."""
    compiled = re.compile(pattern, flags)

    def register(handler):
        RULES.append((name, compiled, handler, needs))
        return handler

    return register


def _span(m: re.Match[str], group: str = "x") -> tuple[int, int]:
    return m.start(group), m.end(group)


@rule(
    "iso_date",
    r"\b(?P<x>(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d))(?:T(?P<h>[0-2]\d):(?P<mi>[0-5]\d))?\b",
)
def _iso_date(m, text):
    month, day = int(m["m"]), int(m["d"])
    if 1 <= month <= 12 and 1 <= day <= 31:
        s, e = m.start("x"), m.end()
        if m["h"]:
            yield Hit(
                s,
                e,
                Spec(
                    "time",
                    "TIME",
                    year=int(m["y"]),
                    month=month,
                    day=day,
                    hour=int(m["h"]),
                    minute=int(m["mi"]),
                ),
            )
        else:
            yield Hit(s, e, Spec("date", year=int(m["y"]), month=month, day=day))


@rule(
    "numeric_date",
    rf"\b(?P<x>(?:{_WD_PREFIX_RE},?\s+(?:(?:den|dem)\s+)?)?(?P<d>[0-3]?\d)\.\s?(?P<m>[01]?\d)\.(?:\s?(?P<y>(?:19|20)\d\d|\d\d)(?!\d))?)",
)
def _numeric_date(m, text):
    day, month = int(m["d"]), int(m["m"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return
    end = m.end()
    year = None
    if m["y"]:
        year = int(m["y"])
        if year < 100:
            year += 2000 if year < 50 else 1900
    elif end < len(text) and text[end : end + 1].isdigit():
        return  # a version number or score, not a date
    yield Hit(m.start("x"), end, Spec("date", year=year, month=month, day=day, weekday=_wd(m)))


def _wd(m: re.Match[str]) -> int | None:
    wd = m.groupdict().get("wd")
    return WEEKDAYS[wd.lower()] if wd else None


@rule(
    "day_range_month",
    rf"\b(?P<d1>[0-3]?\d)\.\s*(?:und|bis\s+zum|bis|–|-|/)\s*(?P<d2>[0-3]?\d)\.\s*(?P<mon>{_MONTH_ANY_RE})(?:\s+(?P<y>(?:1[5-9]|20)\d\d))?\b",
    needs=_MONTH_WORDS,
)
def _day_range(m, text):
    month = _month(m["mon"])
    year = int(m["y"]) if m["y"] else None
    d1, d2 = int(m["d1"]), int(m["d2"])
    if 1 <= d1 <= 31 and 1 <= d2 <= 31:
        yield Hit(
            m.start("d1"),
            m.start("d1") + len(m["d1"]) + 1,
            Spec("date", year=year, month=month, day=d1),
        )
        yield Hit(m.start("d2"), m.end(), Spec("date", year=year, month=month, day=d2))


@rule(
    "text_date",
    rf"\b(?P<x>(?:{_WD_PREFIX_RE}(?:abend|morgen|nachmittag|vormittag)?,?\s+(?:(?:den|dem|der)\s+)?)?(?P<d>[0-3]?\d)\.\s*(?P<mon>{_MONTH_ANY_RE})(?:\s+(?P<y>(?:1[5-9]|20)\d\d)(?!\d)|{_YEAR_SUFFIX_RE})?)",
    needs=_MONTH_WORDS,
)
def _text_date(m, text):
    day = int(m["d"])
    if not 1 <= day <= 31:
        return
    year = int(m["y"]) if m["y"] else None
    yield Hit(
        m.start("x"),
        m.end(),
        Spec(
            "date", year=year, month=_month(m["mon"]), day=day, weekday=_wd(m), shift=_year_shift(m)
        ),
    )


@rule(
    "part_of_date",
    rf"\b(?P<p>Morgen|Vormittag|Mittag|Nachmittag|Abend)\s+des\s+(?P<d>[0-3]?\d)\.\s*(?P<mon>{_MONTH_ANY_RE})(?:\s+(?P<y>(?:1[5-9]|20)\d\d)(?!\d))?",
    needs=_MONTH_WORDS,
)
def _part_of_date(m, text):
    year = int(m["y"]) if m["y"] else None
    part = PARTS_OF_DAY[m["p"].lower()]
    yield Hit(
        m.start(),
        m.end(),
        Spec("date", "TIME", year=year, month=_month(m["mon"]), day=int(m["d"]), part=part),
    )


@rule(
    "month",
    rf"\b(?:(?P<edge>{_EDGE_RE})\s+)?(?P<mon>{_MONTH_RE})(?:\s+(?P<y>(?:1[5-9]|20)\d\d)(?!\d)|{_YEAR_SUFFIX_RE})?\b",
    needs=_MONTH_WORDS,
)
def _month_rule(m, text):
    if m["mon"] == "August" and not m["y"] and not m["edge"]:
        # "August Bebel": a first name unless a preposition or number says month
        before = text[max(0, m.start() - 12) : m.start()].split()
        if not before or before[-1] not in (
            "im",
            "Im",
            "seit",
            "bis",
            "ab",
            "zum",
            "vom",
            "Anfang",
            "Ende",
            "Mitte",
            "und",
            "oder",
            "den",
            "des",
        ):
            return
    if text[max(0, m.start() - 7) : m.start()] == "Chiang ":
        return  # Chiang Mai
    mod = _EDGE_MOD.get(m["edge"].lower()) if m["edge"] else None
    year = int(m["y"]) if m["y"] else None
    if year is None and not m["ysfx"]:
        # "von Januar bis September 2005": the range's year belongs to both ends
        follow = _RANGE_YEAR.match(text, m.end())
        if follow:
            year = int(follow["y"])
    yield Hit(
        m.start(),
        m.end(),
        Spec("month", year=year, month=_month(m["mon"]), mod=mod, shift=_year_shift(m)),
    )


_RANGE_YEAR = re.compile(
    rf"\s*(?:bis|und|–|-|/)\s*(?:(?:Ende|Anfang|Mitte)\s+)?(?:{MONTH_FULL_RE})\s+(?P<y>(?:1[5-9]|20)\d\d)\b"
)


# Words after a number that say it counts things, not years ("2000 Soldaten").
_YEAR_PREPS = {
    "seit",
    "im",
    "Im",
    "Jahr",
    "Jahre",
    "Jahres",
    "bis",
    "ab",
    "Ab",
    "Seit",
    "Bis",
    "von",
    "Von",
    "zwischen",
    "und",
    "oder",
    "bzw.",
    "allein",
    "Anfang",
    "Mitte",
    "Ende",
    "Sommer",
    "Herbst",
    "Winter",
    "Frühjahr",
    "Frühling",
    "nach",
    "Nach",
    "vor",
    "Vor",
    "um",
    "Um",
    "zum",
    "Jahrs",
    "Saison",
    "Spielzeit",
    "bereits",
    "schon",
    "erst",
    "noch",
    "Jänner",
    "in",
    "In",
    "für",
    "Für",
}


# Words before a number that make it a model or serial number rather than a year.
_MODEL_NAMES = {
    "Mirage",
    "Windows",
    "Airbus",
    "Boeing",
    "Typ",
    "Typs",
    "Modell",
    "Version",
    "Flug",
    "Linie",
    "Route",
    "Kanal",
    "Apollo",
    "Sojus",
    "Nummer",
    "Nr.",
    "Platz",
    "Artikel",
    "Paragraf",
    "Hannover",
}


@rule(
    "year",
    r"(?<![\d.,/€$-])\b(?:(?P<edge>Anfang|Beginn|Mitte|Ende)\s+)?(?:(?P<jahr>Jahr(?:es)?|Jahre)\s+)?(?P<y>(?:1[5-9]|20)\d\d)\b(?![.,/-]\d)(?!\s*(?:%|Prozent|Euro|Dollar|Franken|Pfund|Meter|Kilometer|km|Tonnen|Mal|mal|x\b))",
)
def _year(m, text):
    before = text[max(0, m.start() - 25) : m.start()].split()
    prev = before[-1] if before else ""
    if prev.lower() in {
        "rund",
        "etwa",
        "über",
        "fast",
        "knapp",
        "insgesamt",
        "nur",
        "ca.",
        "circa",
        "mindestens",
        "weitere",
        "als",
        "die",
        "der",
        "den",
        "diese",
        "alle",
        "nummer",
        "nr.",
        "platz",
        "artikel",
        "§",
    }:
        return
    after = text[m.end() : m.end() + 30]
    nxt = after.split()[0] if after.split() else ""
    nxt_word = nxt.strip('.,;:!?)"“”')
    if prev in _MODEL_NAMES:
        return  # "Mirage 2000" is an aircraft
    if (
        nxt_word[:1].isupper()
        and nxt_word not in MONTHS
        and not (m["jahr"] or m["edge"])
        and prev not in _YEAR_PREPS
    ):
        return  # "2000 Soldaten"
    if after.startswith(("er ", "er-", "er Jahre", "-er")):
        return  # decades are their own rule
    mod = _EDGE_MOD.get(m["edge"].lower()) if m["edge"] else None
    start = m.start("edge") if m["edge"] else (m.start("jahr") if m["jahr"] else m.start("y"))
    yield Hit(start, m.end(), Spec("year", year=int(m["y"]), mod=mod, value=m["y"]))


@rule(
    "decade",
    rf"\b(?:(?P<edge>{_EDGE_RE})\s+(?:der\s+)?)?(?P<c>(?:1[5-9]|20)\d|\d)0(?:er|-ern?)(?:\s*-?\s*Jahren?|\s*Jahre|-Jahren?)?\b",
    needs=("0er", "0-er"),
)
def _decade(m, text):
    c = m["c"]
    digits = c if len(c) == 3 else "19" + c
    mod = _EDGE_MOD.get(m["edge"].lower()) if m["edge"] else None
    if not m.group(0).rstrip().endswith(("Jahre", "Jahren", "-ern")) and len(c) == 1:
        return  # "90er" alone is more often a model number or a price
    yield Hit(m.start(), m.end(), Spec("decade", mod=mod, value=digits))


@rule(
    "century",
    rf"\b(?:(?P<edge>{_EDGE_RE})\s+(?:des\s+)?)?(?P<n>\d{{1,2}})\.\s*Jahrhunderts?\b",
    needs=("jahrhundert",),
)
def _century(m, text):
    mod = _EDGE_MOD.get(m["edge"].lower()) if m["edge"] else None
    yield Hit(m.start(), m.end(), Spec("century", mod=mod, value=f"{int(m['n']) - 1:02d}"))


@rule(
    "season",
    rf"\b(?:(?P<edge>{_EDGE_RE})\s+(?:des\s+|der\s+)?)?(?:(?P<shift>{_SHIFT_RE})\s+)?(?P<s>{SEASON_RE})(?:s|es)?(?:\s+(?P<y>(?:1[5-9]|20)\d\d)(?!\d))?\b",
    needs=("frühjahr", "frühling", "sommer", "herbst", "winter"),
)
def _season(m, text):
    before = text[max(0, m.start() - 8) : m.start()].split()
    prev = before[-1] if before else ""
    if not (
        m["y"]
        or m["shift"]
        or m["edge"]
        or prev in ("im", "Im", "den", "dem", "des", "diesen", "seit", "bis", "zum", "vom")
    ):
        return  # "Winter" and "Sommer" are also surnames
    mod = _EDGE_MOD.get(m["edge"].lower()) if m["edge"] else None
    yield Hit(
        m.start(),
        m.end(),
        Spec(
            "season",
            year=int(m["y"]) if m["y"] else None,
            value=SEASONS[m["s"].lower()],
            shift=_shift(m["shift"]),
            mod=mod,
        ),
    )


@rule(
    "quarter",
    r"\b(?P<o>ersten|zweiten|dritten|vierten|letzten|erste|zweite|dritte|vierte|letzte)\s+(?P<u>Quartal|Quartals|Jahreshälfte|Halbjahr|Halbjahres)(?:\s+(?P<y>(?:19|20)\d\d))?\b",
    needs=("quartal", "hälfte", "halbjahr"),
)
def _quarter(m, text):
    o = ORDINAL_WORDS[m["o"].lower()]
    unit = "Q" if m["u"].startswith("Quartal") else "H"
    if o == -1:
        o = 4 if unit == "Q" else 2
    if unit == "H" and o > 2:
        return
    yield Hit(
        m.start(), m.end(), Spec("quarter", year=int(m["y"]) if m["y"] else None, unit=unit, n=o)
    )


@rule(
    "night_before",
    rf"\b(?:der\s+)?Nacht\s+(?:(?:von|vom)\s+(?P<wd1>{WEEKDAY_RE})\s+(?:auf|zum)\s+(?:den\s+)?|zum\s+|zu\s+|auf\s+den\s+)(?P<wd>{WEEKDAY_RE})\b",
    needs=("nacht",),
)
def _night(m, text):
    wd = WEEKDAYS[m["wd"].lower()]
    yield Hit(m.start(), m.end(), Spec("weekday", "TIME", weekday=(wd - 1) % 7, part="NI", n=-1))


@rule(
    "weekday",
    rf"\b(?:(?P<shift>{_SHIFT_RE}|heutigen|gestrigen|morgigen|selben|gleichen)\s+)?(?P<wd>{WEEKDAY_RE})(?P<part>abend|morgen|vormittag|mittag|nachmittag|nacht|früh)?s?\b(?:\s+(?P<part2>früh|(?:am\s+)?(?:Abend|Morgen|Vormittag|Nachmittag|Mittag)|(?:in\s+der\s+)?Nacht)\b)?",
    needs=_WEEKDAY_WORDS,
)
def _weekday(m, text):
    if text[max(0, m.start() - 6) : m.start()].endswith(("einem ", "einen ", "jedem ")):
        return
    shift_word = m["shift"]
    if shift_word and shift_word.lower().startswith(("diese", "dies")):
        shift = 0
    else:
        shift = _shift(shift_word)
        if shift_word and shift_word.lower().startswith(("heutig", "selb", "gleich")):
            shift = 0
    part = m["part"] or (m["part2"].split()[-1] if m["part2"] else None)
    part_code = PARTS_OF_DAY.get(part.lower()) if part else None
    spec = Spec(
        "weekday",
        "TIME" if part_code else "DATE",
        weekday=WEEKDAYS[m["wd"].lower()],
        part=part_code,
        shift=shift,
    )
    if shift_word and shift_word.lower().startswith("gestrig"):
        spec = Spec(
            "weekday", spec.type, weekday=spec.weekday, part=part_code, shift=-1, mod="YESTERDAY"
        )
    yield Hit(m.start(), m.end(), spec)


@rule(
    "relday",
    r"\b(?P<w>heute|gestern|vorgestern|morgen|übermorgen|Heute|Gestern|Vorgestern|Übermorgen)(?:\s+(?P<part>früh|[Mm]orgen|[Vv]ormittag|[Mm]ittag|[Nn]achmittag|[Aa]bend|[Nn]acht))?\b",
    needs=("heute", "gestern", "morgen"),
)
def _relday(m, text):
    w = m["w"].lower()
    if m["w"] == "Morgen":
        return
    offset = {"heute": 0, "gestern": -1, "vorgestern": -2, "morgen": 1, "übermorgen": 2}[w]
    part = PARTS_OF_DAY.get(m["part"].lower()) if m["part"] else None
    if w == "morgen" and m["part"] is None:
        # "morgen" after an article or preposition is the noun (am Morgen, den Morgen)
        before = text[max(0, m.start() - 6) : m.start()].split()
        if before and before[-1].lower() in ("am", "den", "der", "jeden", "dem", "zum", "guten"):
            return
    yield Hit(m.start(), m.end(), Spec("relday", "TIME" if part else "DATE", n=offset, part=part))


@rule(
    "adj_day",
    r"\b(?P<adj>heutigen|gestrigen|morgigen)\s+(?P<p>Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht|Tag(?:es)?)\b",
    needs=("heutig", "gestrig", "morgig"),
)
def _adj_day(m, text):
    offset = {"heutigen": 0, "gestrigen": -1, "morgigen": 1}[m["adj"]]
    part = PARTS_OF_DAY.get(m["p"].lower())
    yield Hit(m.start(), m.end(), Spec("relday", "TIME" if part else "DATE", n=offset, part=part))


@rule(
    "refday",
    r"\b(?P<w>Vortag(?:es|s)?|Vorabend|Folgetag(?:es|s)?|Tag\s+(?:zuvor|davor|danach|darauf)|(?:selben|gleichen|nächsten|folgenden)\s+Tag(?:es)?)\b",
    needs=("vortag", "vorabend", "folgetag", " tag"),
)
def _refday(m, text):
    w = m["w"].lower()
    if w.startswith("vorabend"):
        yield Hit(m.start(), m.end(), Spec("refday", "TIME", n=-1, part="EV"))
        return
    if w.startswith("vortag") or w.endswith(("zuvor", "davor")):
        n = -1
    elif w.startswith(("selben", "gleichen")):
        n = 0
    else:
        n = 1
    yield Hit(m.start(), m.end(), Spec("refday", n=n))


@rule(
    "part_of_day",
    r"\b(?:am|gegen|zur|in\s+der|im\s+Laufe\s+des|bis\s+zum)\s+(?P<x>(?:frühen\s+|späten\s+)?(?P<p>Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht))\b",
    needs=("morgen", "mittag", "abend", "nacht"),
)
def _part(m, text):
    yield Hit(m.start("x"), m.end("x"), Spec("part", "TIME", part=PARTS_OF_DAY[m["p"].lower()]))


@rule(
    "relunit",
    rf"\b(?:(?P<edge>{_EDGE_RE})\s+)?(?:(?:der|des|dem|den|die|das)\s+)?(?P<shift>{_SHIFT_RE})\s+(?P<u>Woche|Wochenende[ns]?|Monats?|Jahr(?:es)?|Jahrzehnts?|Jahrhunderts?)\b",
    needs=("woche", "monat", "jahr"),
)
def _relunit(m, text):
    u = m["u"].lower()
    unit = "WE" if u.startswith("wochenende") else {"w": "W", "m": "M", "j": "Y"}[u[0]]
    if u.startswith("jahrzehnt"):
        unit = "DE"
    elif u.startswith("jahrhundert"):
        unit = "CE"
    mod = _EDGE_MOD.get(m["edge"].lower()) if m["edge"] else None
    yield Hit(m.start(), m.end(), Spec("relunit", unit=unit, shift=_shift(m["shift"]), mod=mod))


@rule(
    "edge_of_current",
    rf"\b(?P<edge>{_EDGE_RE})\s+(?:der|des)\s+(?P<u>Woche|Monats|Jahres|Jahrzehnts)\b|\b(?P<comp>Jahresende|Jahresbeginn|Jahresanfang|Monatsende|Monatsanfang|Monatsbeginn|Wochenmitte|Jahresmitte)\b|\bim\s+Laufe\s+der\s+(?P<lw>Woche)\b",
    needs=("woche", "monat", "jahr"),
)
def _edge_current(m, text):
    if m["comp"]:
        c = m["comp"].lower()
        unit = "Y" if c.startswith("jahr") else "M" if c.startswith("monat") else "W"
        mod = "END" if c.endswith("ende") else "MID" if c.endswith("mitte") else "START"
        yield Hit(m.start(), m.end(), Spec("relunit", unit=unit, shift=0, mod=mod))
    elif m["lw"]:
        yield Hit(m.start() + len("im "), m.end(), Spec("relunit", unit="W", shift=0))
    else:
        u = m["u"].lower()
        unit = {"woche": "W", "monats": "M", "jahres": "Y", "jahrzehnts": "DE"}[u]
        yield Hit(
            m.start(),
            m.end(),
            Spec("relunit", unit=unit, shift=0, mod=_EDGE_MOD[m["edge"].lower()]),
        )


@rule(
    "weekend",
    r"\b(?:(?:am|übers|über\s+das|des|dem|das)\s+)(?P<x>Wochenende)\b|\b(?P<x2>Pfingst|Oster|Weihnachts)(?:wochenende|feiertage[n]?)\b",
    needs=("wochenende",),
)
def _weekend(m, text):
    if m["x"]:
        yield Hit(m.start("x"), m.end("x"), Spec("relunit", unit="WE", shift=None))


@rule(
    "prev_unit",
    r"\b(?P<w>Vorjahr(?:es|s)?|Vormonat(?:s)?|Vorwoche|Vorjahresmonat)\b",
    needs=("vorjahr", "vormonat", "vorwoche"),
)
def _prev_unit(m, text):
    w = m["w"].lower()
    unit = "Y" if w.startswith("vorjahr") else "M" if w.startswith("vormonat") else "W"
    if w == "vorjahresmonat":
        yield Hit(m.start(), m.end(), Spec("offset", unit="M", n=-12))
        return
    yield Hit(m.start(), m.end(), Spec("relunit", unit=unit, shift=-1))


def _is_quantity(word: str) -> bool:
    """A numeral ("drei", "30", "Eine") or a vague count ("einigen"): what a unit may follow."""
    w = word.lower()
    return number_value(w) is not None or w in _VAGUE


_VAGUE = set(VAGUE_RE.split("|"))


@rule(
    "ago",
    rf"\b(?P<vor>vor|Vor)\s+(?:(?P<q>{_QUAL})\s+)?(?P<n>{_NUM})\s+(?:(?P<half>halben|halbe)\s+)?(?P<u>{UNIT_RE})\b",
    needs=("vor ",),
)
def _ago(m, text):
    if not _is_quantity(m["n"]):
        return
    n = number_value(m["n"])
    if m["half"]:
        n = (n or 1) * 0.5
    unit = UNITS[unit_key(m["u"])][0]
    yield Hit(
        m.start(),
        m.end(),
        Spec("offset", unit=unit, n=-n if n is not None else None, mod=_qual(m["q"])),
    )


@rule(
    "later_earlier",
    rf"\b(?:(?P<q>{_QUAL})\s+)?(?P<n>{_NUM})\s+(?P<u>Tage|Wochen|Monate|Jahre|Stunden|Tag|Woche|Monat|Jahr|Stunde)\s+(?P<dir>später|zuvor|davor|danach|darauf|früher)\b",
    needs=("später", "zuvor", "davor", "danach", "darauf", "früher"),
)
def _later(m, text):
    if not _is_quantity(m["n"]):
        return
    n = number_value(m["n"])
    sign = 1 if m["dir"] in ("später", "danach", "darauf") else -1
    unit = UNITS[unit_key(m["u"])][0]
    if unit in ("H",):
        yield Hit(
            m.start(), m.end(), Spec("duration", "DURATION", value=duration_value(n, "H", True))
        )
        return
    yield Hit(
        m.start(),
        m.end(),
        Spec("refoffset", unit=unit, n=sign * n if n is not None else None, mod=_qual(m["q"])),
    )


@rule(
    "in_future",
    rf"\b(?:in|In)\s+(?P<x>(?:(?P<q>{_QUAL})\s+)?(?P<n>{_NUM})\s+(?P<u>Tagen|Wochen|Monaten|Jahren|Jahrzehnten))\b",
    needs=("in ",),
)
def _in_future(m, text):
    if not _is_quantity(m["n"]):
        return
    n = number_value(m["n"])
    if m["n"].lower() in ("den", "diesen"):
        return
    unit = UNITS[unit_key(m["u"])][0]
    before = text[max(0, m.start() - 12) : m.start()]
    if re.search(r"\b(den|diesen|ersten|letzten)\s*$", before):
        return
    yield Hit(m.start("x"), m.end("x"), Spec("offset", unit=unit, n=n, mod=_qual(m["q"]), shift=1))


@rule(
    "duration",
    rf"\b(?:(?:vergangenen|letzten|nächsten|kommenden|ersten|zurückliegenden)\s+)?(?:(?P<q>{_QUAL})\s+)?(?P<n>{_NUM})\s+(?:(?P<half>halbe[ns]?)\s+|(?:volle[ns]?|ganze[ns]?|weitere[n]?|vergangenen|letzten|ersten|kommenden|nächsten|zurückliegenden)\s+)?(?P<u>{UNIT_RE})\b(?P<alt>\s+alt)?",
    needs=_UNIT_WORDS,
)
def _duration(m, text):
    if not _is_quantity(m["n"]):
        return
    if (
        m["n"].lower() in ("eines", "einer")
        and m["u"].lower().startswith(("tag", "jahr", "woche", "monat"))
        and not m["q"]
    ):
        return  # "eines Tages", "eines Jahres" are vague dates, "einer Woche" genitive noun phrases
    key = unit_key(m["u"])
    n = number_value(m["n"])
    if m["half"]:
        n = (n or 1) * 0.5
    letter, clock = UNITS[key]
    if key in ("jahrhundert",) and n is not None and n > 1 and m["n"].isdigit() is False:
        pass
    value = duration_value(n, letter, clock)
    end = m.end("u")
    yield Hit(m.start(), end, Spec("duration", "DURATION", value=value, mod=_qual(m["q"])))


@rule(
    "vague_duration",
    r"\b(?:seit|Seit|vor|Vor|nach|Nach|für|Für|über|Über|in\s+den\s+(?:vergangenen|letzten|kommenden|nächsten))\s+(?P<x>(?P<u>Jahren|Monaten|Wochen|Tagen|Stunden|Jahrzehnten|Jahrhunderten))\b|\b(?P<lang>(?P<lu>stunden|tage|wochen|monate|jahre|jahrzehnte)lang(?:e[nmrs]?)?)\b|\b(?P<pl>(?:vergangenen|letzten|kommenden|nächsten|zurückliegenden)\s+(?P<pu>Jahre|Monate|Wochen|Tage|Jahrzehnte))\b",
    needs=_UNIT_WORDS,
)
def _vague_duration(m, text):
    if m["pl"]:
        letter, clock = UNITS[unit_key(m["pu"])]
        yield Hit(
            m.start("pl"),
            m.end("pl"),
            Spec("duration", "DURATION", value=duration_value(None, letter, clock)),
        )
        return
    if m["lang"]:
        key = unit_key(m["lu"])
        letter, clock = UNITS[key]
        yield Hit(
            m.start("lang"),
            m.end("lang"),
            Spec("duration", "DURATION", value=duration_value(None, letter, clock)),
        )
        return
    key = unit_key(m["u"])
    letter, clock = UNITS[key]
    start = m.start("x")
    head = m.group(0)[: m.start("x") - m.start()].strip().lower()
    if head == "vor":
        yield Hit(m.start(), m.end(), Spec("offset", unit=letter, n=None))
        return
    if head.startswith("in den"):
        start = m.start() + len("in den ")
    yield Hit(
        start, m.end(), Spec("duration", "DURATION", value=duration_value(None, letter, clock))
    )


@rule(
    "adj_duration",
    r"\b(?P<n>\d+(?:,\d+)?|[a-zäöüß]+?)[-\u2011]?(?P<u>tägig|wöchig|monatig|jährig|stündig|minütig)(?:e[nmrs]?)?\b",
    re.IGNORECASE,
    needs=("tägig", "wöchig", "monatig", "jährig", "stündig", "minütig"),
)
def _adj_duration(m, text):
    u = m["u"].lower()
    if m["n"].lower() == "mehr":
        n = None
    else:
        n = number_value(m["n"])
        if n is None:
            return
    if m.group(0)[m.end("n") - m.start()] == "J" or text[m.start("u")].isupper():
        return  # "75-Jährige" names a person
    letter = ADJ_UNITS[u]
    clock = u in ("stündig", "minütig")
    yield Hit(
        m.start(), m.end(), Spec("duration", "DURATION", value=duration_value(n, letter, clock))
    )


_ZONE_RE = r"(?:[A-ZÄÖÜ][a-zäöüß]+er\s+)?Ortszeit|PST|PDT|EST|EDT|MESZ|MEZ|UTC|GMT|OESZ|OEZ|WESZ|WEZ|deutscher\s+Zeit|Moskauer\s+Zeit|mitteleuropäischer\s+(?:Sommer)?zeit"


@rule(
    "clock",
    rf"\b(?P<h>[012]?\d|[a-zäöüß]{{3,}})(?:[.:](?P<mi>[0-5]\d))?\s*Uhr(?:\s+(?P<mi2>[0-5]\d)\b)?(?:\s+(?P<z>{_ZONE_RE}))?(?:\s+(?P<p>morgens|abends|nachts|früh|nachmittags|mittags|vormittags))?",
    needs=("uhr",),
)
def _clock(m, text):
    h = number_value(m["h"])
    if h is None or h > 24 or not float(h).is_integer():
        return
    hour = int(h)
    minute = int(m["mi"] or m["mi2"] or 0)
    if (
        m["p"] in ("abends", "nachmittags", "nachts")
        and hour < 12
        and not (m["p"] == "nachts" and hour < 6)
    ):
        hour += 12
    zone = " ".join(m["z"].split()) if m["z"] else None
    if zone == "Ortszeit":
        named = _NAMED_ZONE_AFTER.match(text, m.end())
        if named:
            zone = named[1]  # "Ortszeit PST": the abbreviation says which
    yield Hit(m.start(), m.end(), Spec("time", "TIME", hour=hour, minute=minute, zone=zone))


_NAMED_ZONE_AFTER = re.compile(r"\s*\(?(PST|PDT|EST|EDT|MESZ|MEZ|UTC|GMT)\b")


@rule(
    "clock_range",
    r"\b(?P<h>[012]?\d)[:.](?P<mi>[0-5]\d)\s*(?:bis|–|-)\s*[012]?\d[:.][0-5]\d\s*Uhr",
    needs=("uhr",),
)
def _clock_range(m, text):
    hour = int(m["h"])
    if hour <= 24:
        yield Hit(m.start(), m.end("mi"), Spec("time", "TIME", hour=hour, minute=int(m["mi"])))


@rule("midnight", r"\b(?P<w>Mitternacht)\b", needs=("mitternacht",))
def _midnight(m, text):
    yield Hit(m.start(), m.end(), Spec("time", "TIME", hour=24, minute=0))


@rule(
    "set",
    rf"\b(?P<x>(?:jeden|jede|jedes|jeweils|alle)\s+(?P<what>{WEEKDAY_RE}|Tag|Woche|Monat|Jahr|Morgen|Abend|Nacht|Wochenende|Sommer|Winter)|(?P<adv>montags|dienstags|mittwochs|donnerstags|freitags|samstags|sonntags)|(?P<adj>(?:all)?(?:täglich|wöchentlich|monatlich|jährlich|stündlich|allabendlich|allmorgendlich)(?:e[nmrs]?)?)|(?:pro|je)\s+(?P<per>Jahr|Monat|Woche|Tag|Stunde))\b",
    needs=("jede", "jewe", "alle", "tags", "lich", "pro ", "je "),
)
def _set(m, text):
    if m["what"]:
        w = m["what"].lower()
    elif m["adv"]:
        w = m["adv"][:-1].lower()
    elif m["per"]:
        w = m["per"].lower()
    else:
        adj = m["adj"].lower()
        w = next(
            k
            for k in (
                "täglich",
                "wöchentlich",
                "monatlich",
                "jährlich",
                "stündlich",
                "allabendlich",
                "allmorgendlich",
            )
            if k in adj
        )
    value = {
        "tag": "P1D",
        "täglich": "P1D",
        "woche": "P1W",
        "wöchentlich": "P1W",
        "monat": "P1M",
        "monatlich": "P1M",
        "jahr": "P1Y",
        "jährlich": "P1Y",
        "stunde": "PT1H",
        "stündlich": "PT1H",
        "morgen": "XXXX-XX-XXTMO",
        "allmorgendlich": "XXXX-XX-XXTMO",
        "abend": "XXXX-XX-XXTEV",
        "allabendlich": "XXXX-XX-XXTEV",
        "nacht": "XXXX-XX-XXTNI",
        "wochenende": "XXXX-WXX-WE",
        "sommer": "XXXX-SU",
        "winter": "XXXX-WI",
    }.get(w)
    if value is None and w in WEEKDAYS:
        value = f"XXXX-WXX-{WEEKDAYS[w] + 1}"
    if value:
        yield Hit(m.start("x"), m.end("x"), Spec("set", "SET", value=value))


# --------------------------------------------------------------------------- the cascade


def recognise(text: str) -> list[Hit]:
    """All temporal expressions in ``text``, in order, without overlaps (earliest, then longest)."""
    hits: list[tuple[int, int, int, Hit]] = []
    lowered = text.lower()
    for priority, (_, pattern, handler, needs) in enumerate(RULES):
        if needs and not any(word in lowered for word in needs):
            continue  # none of the words this rule needs: spare the scan
        for m in pattern.finditer(text):
            for hit in handler(m, text):
                if hit.end > hit.start:
                    hits.append((hit.start, -(hit.end - hit.start), priority, hit))
    hits.sort(key=lambda h: (h[0], h[1], h[2]))
    chosen: list[Hit] = []
    last_end = -1
    for _, _, _, hit in hits:
        if hit.start >= last_end:
            chosen.append(hit)
            last_end = hit.end
    return chosen
