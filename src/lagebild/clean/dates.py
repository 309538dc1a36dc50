"""Date stamps as news pages print them, normalised to ISO 8601 with a UTC offset.

This module owns the reading of *document-level* timestamps: the ``published``/``updated`` values
that ingest found in page metadata (``2025-07-23T13:52:00Z``, ``2025-06``), and the stamps that
bylines print (``Aktualisiert am 23.07.2025 - 13:52 Uhr``, ``Stand: 23. Juli 2025, 13.52 Uhr``,
``Updated July 23, 2025 1:52 PM``). Dates *inside* the article text are the time stage's job.

Every value comes back with its precision (``minute``, ``hour``, ``day``, ``month``, ``year``) and
is never made more precise than the source: ``2025-06`` stays ``2025-06``. A clock time without
an offset gets the zone of the outlet (Europe/Berlin for German outlets, via :mod:`zoneinfo`, so a
January stamp becomes ``+01:00`` and a July stamp ``+02:00``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from lagebild.model import DatePrecision

BERLIN = ZoneInfo("Europe/Berlin")

GERMAN_MONTHS = {
    "januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feber": 2, "feb": 2, "märz": 3,
    "maerz": 3, "mär": 3, "mrz": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6,
    "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12,
}
ENGLISH_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTHS = {**ENGLISH_MONTHS, **GERMAN_MONTHS}
_MONTH_NAME = r"[A-Za-zÄÖÜäöü]{3,9}\.?"

# --------------------------------------------------------------------------- ISO values


_ISO = re.compile(
    r"\A(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2})(?::(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?)?)?\Z",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Stamp:
    """A normalised timestamp: ISO 8601 text and how precise the source was."""

    value: str
    precision: DatePrecision


def _offset(tz_text: str) -> tzinfo:
    if tz_text.upper() in ("Z", "UTC", "GMT"):
        return timezone.utc
    sign = -1 if tz_text[0] == "-" else 1
    digits = tz_text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def at_clock(day: date, clock: time, zone: tzinfo | None) -> str:
    """ISO text for a wall-clock time on a day in a zone (UTC when the zone is unknown)."""
    moment = datetime.combine(day, clock, tzinfo=zone or timezone.utc)
    # fold/gap handling is zoneinfo's: a stamp in the spring-forward gap keeps its wall time.
    return moment.isoformat(timespec="seconds")


def normalise_iso(value: str | None, *, zone: tzinfo | None = BERLIN) -> Stamp | None:
    """An ISO-like value from page metadata, normalised; ``None`` where it cannot be read.

    ``zone`` is applied only where the value has a clock time but no offset. Values that are
    not ISO-like (``23.07.2025 13:52``) are tried as printed stamps.
    """
    if not value:
        return None
    text = value.strip()
    match = _ISO.match(text)
    if not match:
        return parse_stamp(text, zone=zone)
    year = int(match["y"])
    if match["m"] is None:
        return Stamp(f"{year:04d}", "year")
    month = int(match["m"])
    if not 1 <= month <= 12:
        return None
    if match["d"] is None:
        return Stamp(f"{year:04d}-{month:02d}", "month")
    try:
        day = date(year, month, int(match["d"]))
    except ValueError:
        return None
    if match["H"] is None:
        return Stamp(day.isoformat(), "day")
    try:
        clock = time(int(match["H"]), int(match["M"] or 0), int(match["S"] or 0))
    except ValueError:
        return None
    precision: DatePrecision = "minute" if match["M"] is not None else "hour"
    tz = _offset(match["tz"]) if match["tz"] else zone
    return Stamp(at_clock(day, clock, tz), precision)


# --------------------------------------------------------------------------- printed stamps

# One printed date: 23.07.2025 | 23. Juli 2025 | July 23, 2025 | 23 July 2025 | 2025-07-23
DATE_PATTERN = (
    r"(?:(?P<d1>\d{1,2})\.\s?(?P<m1>\d{1,2})\.\s?(?P<y1>\d{4}|\d{2})(?!\d)"
    rf"|(?P<d2>\d{{1,2}})\.?\s(?P<mn2>{_MONTH_NAME})\s(?P<y2>\d{{4}})"
    rf"|(?P<mn3>{_MONTH_NAME})\s(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?,?\s(?P<y3>\d{{4}})"
    r"|(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2}))"
)
# A clock time after the date: "- 13:52 Uhr", ", 13.52 Uhr", "um 13:52", "at 1:52 PM"
TIME_PATTERN = (
    r"(?:\s*(?:-|–|,|um|at|\|)?\s*(?P<H>\d{1,2})[:.](?P<M>\d{2})(?!\d)"
    r"(?:\s*(?:Uhr|h))?(?:\s*(?P<ampm>[AaPp]\.?\s?[Mm]\.?)(?!\w))?"
    r"(?:\s*(?P<tzname>MESZ|MEZ|CEST|CET|UTC|GMT))?)?"
)
_STAMP = re.compile(DATE_PATTERN + TIME_PATTERN)

_ZONE_NAMES: dict[str, tzinfo] = {
    "MESZ": timezone(timedelta(hours=2)), "CEST": timezone(timedelta(hours=2)),
    "MEZ": timezone(timedelta(hours=1)), "CET": timezone(timedelta(hours=1)),
    "UTC": timezone.utc, "GMT": timezone.utc,
}


def stamp_from_match(match: re.Match[str], *, zone: tzinfo | None = BERLIN) -> Stamp | None:
    """The stamp a :data:`DATE_PATTERN` + :data:`TIME_PATTERN` match denotes, or ``None``."""
    try:
        if match["d1"]:
            year = int(match["y1"])
            year += 2000 if year < 100 else 0
            day = date(year, int(match["m1"]), int(match["d1"]))
        elif match["d2"]:
            month = MONTHS.get(match["mn2"].rstrip(".").lower())
            if month is None:
                return None
            day = date(int(match["y2"]), month, int(match["d2"]))
        elif match["d3"]:
            month = MONTHS.get(match["mn3"].rstrip(".").lower())
            if month is None:
                return None
            day = date(int(match["y3"]), month, int(match["d3"]))
        else:
            day = date(int(match["y4"]), int(match["m4"]), int(match["d4"]))
    except ValueError:
        return None
    if not match["H"]:
        return Stamp(day.isoformat(), "day")
    hour, minute = int(match["H"]), int(match["M"])
    ampm = (match["ampm"] or "").replace(".", "").replace(" ", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    try:
        clock = time(hour, minute)
    except ValueError:
        return Stamp(day.isoformat(), "day")
    tz = _ZONE_NAMES.get(match["tzname"] or "", zone)
    return Stamp(at_clock(day, clock, tz), "minute")


def parse_stamp(text: str, *, zone: tzinfo | None = BERLIN) -> Stamp | None:
    """The first printed date (with its clock time, if any) in ``text``."""
    match = _STAMP.search(text)
    return stamp_from_match(match, zone=zone) if match else None


def more_precise(first: Stamp | None, second: Stamp | None) -> Stamp | None:
    """The more precise of two stamps where they agree (one is a prefix of the other's day).

    Where they disagree the first wins: callers pass the more authoritative source first.
    """
    if first is None or second is None:
        return first or second
    if second.value.startswith(first.value) and len(second.value) > len(first.value):
        return second
    return first
