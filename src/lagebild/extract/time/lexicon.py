"""German words the time recogniser needs: numbers, months, weekdays, parts of day, units, zones.

Everything here is data: plain dicts and the regex alternations built from them once at import.
"""

from __future__ import annotations

import re

# --------------------------------------------------------------------------- numbers

_UNITS = {
    1: "ein",
    2: "zwei",
    3: "drei",
    4: "vier",
    5: "fünf",
    6: "sechs",
    7: "sieben",
    8: "acht",
    9: "neun",
}
_TEENS = {
    10: "zehn",
    11: "elf",
    12: "zwölf",
    13: "dreizehn",
    14: "vierzehn",
    15: "fünfzehn",
    16: "sechzehn",
    17: "siebzehn",
    18: "achtzehn",
    19: "neunzehn",
}
_TENS = {
    20: "zwanzig",
    30: "dreißig",
    40: "vierzig",
    50: "fünfzig",
    60: "sechzig",
    70: "siebzig",
    80: "achtzig",
    90: "neunzig",
}


def _build_numbers() -> dict[str, float]:
    words: dict[str, float] = {}
    for n, w in _UNITS.items():
        words[w] = n
    words["eins"] = 1
    for variant in ("eine", "einen", "einem", "einer", "eines"):
        words[variant] = 1
    words.update({w: n for n, w in _TEENS.items()})
    words["sechzehn"], words["siebzehn"] = 16, 17
    for t, tw in _TENS.items():
        words[tw] = t
        for u, uw in _UNITS.items():
            words[f"{uw}und{tw}"] = t + u
    words["hundert"] = words["einhundert"] = 100
    words["tausend"] = words["eintausend"] = 1000
    for n in range(2, 10):
        words[_UNITS[n] + "hundert"] = n * 100
    # "anderthalb", "eineinhalb", "zweieinhalb" ... "zwölfeinhalb"
    words["anderthalb"] = words["eineinhalb"] = 1.5
    for n in range(2, 13):
        base = _UNITS.get(n) or _TEENS[n]
        words[base + "einhalb"] = n + 0.5
    words["halb"] = words["halbes"] = words["halben"] = words["halbe"] = 0.5
    words["dutzend"] = 12
    return words


NUMBER_WORDS: dict[str, float] = _build_numbers()

# Quantities that say "some": TIMEX3 writes the count as X (PXY).
VAGUE_QUANTITIES = (
    "einige",
    "einigen",
    "einiger",
    "mehrere",
    "mehreren",
    "wenige",
    "wenigen",
    "paar",
    "viele",
    "vielen",
    "etliche",
    "etlichen",
    "zahlreiche",
    "zahlreichen",
)


def number_value(word: str) -> float | None:
    """The value of a numeral written in digits ("30", "1,5") or words ("fünfzig"); else None."""
    w = word.lower().replace("\u00ad", "")
    if w.isdigit():
        return float(int(w))
    if re.fullmatch(r"\d+[,.]\d+", w):
        return float(w.replace(",", "."))
    return NUMBER_WORDS.get(w)


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


NUMBER_WORD_RE = _alternation(NUMBER_WORDS)
VAGUE_RE = _alternation(VAGUE_QUANTITIES)

ORDINAL_WORDS = {
    "ersten": 1,
    "erste": 1,
    "erstes": 1,
    "zweiten": 2,
    "zweite": 2,
    "dritten": 3,
    "dritte": 3,
    "vierten": 4,
    "vierte": 4,
    "letzten": -1,
    "letzte": -1,
}

# --------------------------------------------------------------------------- calendar words

MONTHS = {
    "januar": 1,
    "jänner": 1,
    "jan": 1,
    "februar": 2,
    "feber": 2,
    "feb": 2,
    "märz": 3,
    "mär": 3,
    "april": 4,
    "apr": 4,
    "mai": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "dezember": 12,
    "dez": 12,
}
MONTH_FULL_RE = r"Januar|Jänner|Februar|Feber|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
MONTH_ABBR_RE = r"Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sept?|Okt|Nov|Dez"

WEEKDAYS = {
    "montag": 0,
    "dienstag": 1,
    "mittwoch": 2,
    "donnerstag": 3,
    "freitag": 4,
    "samstag": 5,
    "sonnabend": 5,
    "sonntag": 6,
}
WEEKDAY_RE = r"Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag"

# TIMEX3 parts of day: MO morning, MI midday, AF afternoon, EV evening, NI night.
PARTS_OF_DAY = {
    "morgen": "MO",
    "früh": "MO",
    "vormittag": "MO",
    "mittag": "MI",
    "nachmittag": "AF",
    "abend": "EV",
    "nacht": "NI",
}
PART_RE = r"[Mm]orgen|[Vv]ormittag|[Mm]ittag|[Nn]achmittag|[Aa]bend|[Nn]acht"

SEASONS = {
    "frühjahr": "SP",
    "frühling": "SP",
    "sommer": "SU",
    "herbst": "FA",
    "winter": "WI",
}
SEASON_RE = r"Frühjahr|Frühling|Sommer|Herbst|Winter"

# Duration units: TIMEX3 letter, and whether it sits after the T (clock units).
UNITS = {
    "sekunde": ("S", True),
    "minute": ("M", True),
    "stunde": ("H", True),
    "tag": ("D", False),
    "woche": ("W", False),
    "monat": ("M", False),
    "jahr": ("Y", False),
    "jahrzehnt": ("DE", False),
    "jahrhundert": ("CE", False),
}
UNIT_RE = (
    r"Sekunden?|Minuten?|Stunden?|Tage?n?|Tages|Wochen?|Monate?n?|Monats|Jahre?n?|Jahres"
    r"|Jahrzehnten?|Jahrzehnte|Jahrhunderten?|Jahrhunderte"
)
# Adjective stems of "30-tägige", "zweiwöchige", "dreijährige", "24-stündige", "halbjährige".
ADJ_UNITS = {
    "tägig": "D",
    "wöchig": "W",
    "monatig": "M",
    "jährig": "Y",
    "stündig": "H",
    "minütig": "M",
}


def unit_key(word: str) -> str:
    """Map an inflected unit noun to its UNITS key: "Tagen" -> "tag", "Jahres" -> "jahr"."""
    w = word.lower()
    for key in (
        "jahrhundert",
        "jahrzehnt",
        "sekunde",
        "minute",
        "stunde",
        "woche",
        "monat",
        "jahr",
        "tag",
    ):
        if w.startswith(key):
            return key
    raise KeyError(word)


# --------------------------------------------------------------------------- zones

# Abbreviations and phrases with a fixed UTC offset.
FIXED_ZONES = {
    "MESZ": "+02:00",
    "MEZ": "+01:00",
    "UTC": "+00:00",
    "GMT": "+00:00",
    "OESZ": "+03:00",
    "OEZ": "+02:00",
    "WESZ": "+01:00",
    "WEZ": "+00:00",
    "Moskauer Zeit": "+03:00",
}
# Places whose local time news reports give as "Ortszeit": IANA zone, and the standard offset
# used where the system has no time-zone database.
PLACE_ZONES = {
    "Istanbul": ("Europe/Istanbul", "+03:00"),
    "Ankara": ("Europe/Istanbul", "+03:00"),
    "Türkei": ("Europe/Istanbul", "+03:00"),
    "Moskau": ("Europe/Moscow", "+03:00"),
    "Kiew": ("Europe/Kyiv", "+02:00"),
    "Kyjiw": ("Europe/Kyiv", "+02:00"),
    "Minsk": ("Europe/Minsk", "+03:00"),
    "Jerusalem": ("Asia/Jerusalem", "+02:00"),
    "Tel Aviv": ("Asia/Jerusalem", "+02:00"),
    "Gaza": ("Asia/Gaza", "+02:00"),
    "Kairo": ("Africa/Cairo", "+02:00"),
    "Teheran": ("Asia/Tehran", "+03:30"),
    "Dubai": ("Asia/Dubai", "+04:00"),
    "Doha": ("Asia/Qatar", "+03:00"),
    "Riad": ("Asia/Riyadh", "+03:00"),
    "Peking": ("Asia/Shanghai", "+08:00"),
    "Tokio": ("Asia/Tokyo", "+09:00"),
    "Neu-Delhi": ("Asia/Kolkata", "+05:30"),
    "Washington": ("America/New_York", "-05:00"),
    "New York": ("America/New_York", "-05:00"),
    "London": ("Europe/London", "+00:00"),
    "Paris": ("Europe/Paris", "+01:00"),
    "Brüssel": ("Europe/Brussels", "+01:00"),
    "Berlin": ("Europe/Berlin", "+01:00"),
    "Wien": ("Europe/Vienna", "+01:00"),
    "Athen": ("Europe/Athens", "+02:00"),
    "Chabarowsk": ("Asia/Vladivostok", "+10:00"),
    "Wladiwostok": ("Asia/Vladivostok", "+10:00"),
    "Los Angeles": ("America/Los_Angeles", "-08:00"),
    "Kalifornien": ("America/Los_Angeles", "-08:00"),
    "Griechenland": ("Europe/Athens", "+02:00"),
    "Israel": ("Asia/Jerusalem", "+02:00"),
    "Iran": ("Asia/Tehran", "+03:30"),
    "Ukraine": ("Europe/Kyiv", "+02:00"),
    "Genf": ("Europe/Zurich", "+01:00"),
    "Rom": ("Europe/Rome", "+01:00"),
    "Warschau": ("Europe/Warsaw", "+01:00"),
}
GERMAN_ZONE = ("Europe/Berlin", "+01:00")
# North American abbreviations are often written for the zone, not the season ("PST" in June):
# the zone's offset on the day is used.
REGION_ZONES = {
    "PST": ("America/Los_Angeles", "-08:00"),
    "PDT": ("America/Los_Angeles", "-07:00"),
    "EST": ("America/New_York", "-05:00"),
    "EDT": ("America/New_York", "-04:00"),
}
# Adjectives that place an "Ortszeit" in a country with one time zone.
PLACE_ADJECTIVES = {
    "türkisch": "Türkei",
    "griechisch": "Griechenland",
    "israelisch": "Israel",
    "ukrainisch": "Ukraine",
    "iranisch": "Iran",
}

# --------------------------------------------------------------------------- world knowledge

# Onsets of long-running situations that "seit N Jahren" in news usually counts from. Each entry:
# words that must appear in the clause (any of the first tuple and any of the second), the date.
KNOWN_ONSETS = (
    (
        ("krieg", "angriffskrieg", "invasion", "überfall"),
        ("ukraine", "russland", "russlands"),
        "2022-02-24",
        "Russian full-scale invasion of Ukraine",
    ),
    (("krieg", "gaza"), ("hamas", "israel", "gaza"), "2023-10-07", "Hamas attack on Israel"),
    (
        ("pandemie", "corona"),
        ("pandemie", "corona", "covid"),
        "2020-03-11",
        "WHO declares pandemic",
    ),
)
