"""Normalisation: a recognised expression plus a document day becomes a TIMEX3 value.

:func:`resolve` is pure: (spec, document day, direction, reference day, zone offset) -> value.
Anchoring against a range of possible document days happens one level up, by resolving for each
candidate day and merging the values with :func:`merge_values`.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from .lexicon import FIXED_ZONES, GERMAN_ZONE, PLACE_ZONES, REGION_ZONES
from .rules import Spec

try:  # the system's time-zone database; the fallback offsets in PLACE_ZONES cover its absence
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
except ImportError:  # pragma: no cover
    ZoneInfo = None  # type: ignore[assignment]
    ZoneInfoNotFoundError = Exception  # type: ignore[assignment,misc]


def week_value(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + n
    return total // 12, total % 12 + 1


def _with_part(d: date, part: str | None) -> str:
    return f"{d.isoformat()}T{part}" if part else d.isoformat()


@lru_cache(maxsize=256)
def zone_offset(zone: str | None, place: str | None, day: date | None) -> str:
    """UTC offset "+03:00" for a zone word ("MESZ", "Ortszeit" at ``place``) on ``day``; "" if unknown."""
    if zone is None:
        return ""
    zone = " ".join(zone.split())
    if zone in FIXED_ZONES:
        return FIXED_ZONES[zone]
    if zone.startswith("mitteleuropäischer"):
        return "+02:00" if "Sommer" in zone else "+01:00"
    if zone == "deutscher Zeit":
        iana, fallback = GERMAN_ZONE
    elif zone in REGION_ZONES:
        iana, fallback = REGION_ZONES[zone]
    elif zone.endswith(" Ortszeit") and zone[: -len("er Ortszeit")] in PLACE_ZONES:
        iana, fallback = PLACE_ZONES[zone[: -len("er Ortszeit")]]  # "Chabarowsker Ortszeit"
    elif zone == "Ortszeit" and place in PLACE_ZONES:
        iana, fallback = PLACE_ZONES[place]
    else:
        return ""
    if ZoneInfo is not None and day is not None:
        try:
            offset = datetime(day.year, day.month, day.day, 12, tzinfo=ZoneInfo(iana)).utcoffset()
        except (ZoneInfoNotFoundError, ValueError, KeyError):
            return fallback
        if offset is not None:
            minutes = int(offset.total_seconds() // 60)
            sign = "+" if minutes >= 0 else "-"
            return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return fallback


def _weekday_date(spec: Spec, d: date, direction: str) -> date:
    w = spec.weekday or 0
    delta = w - d.weekday()
    if spec.mod == "YESTERDAY":
        return d - timedelta(days=1)
    if spec.shift == 0:
        return d + timedelta(days=delta)  # "an diesem Mittwoch": the current week's
    if spec.shift == -1:
        return d - timedelta(days=(-delta) % 7 or 7)
    if spec.shift == 1:
        return d + timedelta(days=delta % 7 or 7)
    if delta == 0:
        return d  # the same weekday is the document's own day
    if direction == "future":
        return d + timedelta(days=delta % 7)
    if direction == "none" and delta % 7 < (-delta) % 7:
        return d + timedelta(days=delta % 7)  # no tense (a headline): the nearer day, ties back
    return d - timedelta(days=(-delta) % 7)


# A year-less date read in the direction of its clause is believed only this far from the
# document day; beyond, the nearest reading wins (tuned on the Wikinews gold set: reports name
# past days of the last months, announcements days of the coming months).
PAST_HORIZON_DAYS = 300
FUTURE_HORIZON_DAYS = 200
# Without a direction, a past reading this close beats a nearer future one (news reports).
UNDIRECTED_PAST_DAYS = 120


def _pick_year(candidates: list[tuple[date, date]], d: date, direction: str) -> date:
    """Among (start, end) readings of a year-less date, the one the direction points to."""
    before = [c for c in candidates if c[0] <= d]
    after = [c for c in candidates if c[1] >= d]
    if direction == "past" and before:
        best = max(before)
        if (d - best[1]).days <= PAST_HORIZON_DAYS:
            return best[0]
    elif direction == "future" and after:
        best = min(after)
        if (best[0] - d).days <= FUTURE_HORIZON_DAYS:
            return best[0]
    elif direction == "none" and before:
        best = max(before)
        if (d - best[1]).days <= UNDIRECTED_PAST_DAYS:
            return best[0]
    return min(
        candidates,
        key=lambda c: (
            0 if c[0] <= d <= c[1] else min(abs((c[0] - d).days), abs((c[1] - d).days)),
            c[0] > d,
        ),
    )[0]


def _month_end(year: int, month: int) -> date:
    y, m = _add_months(year, month, 1)
    return date(y, m, 1) - timedelta(days=1)


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def resolve(
    spec: Spec, d: date | None, direction: str, ref: date | None, place: str | None = None
) -> str:
    """The TIMEX3 value of ``spec`` for document day ``d`` (None: unknown, relative parts stay X)."""
    kind = spec.kind
    if spec.value is not None and kind in ("duration", "set", "year", "decade", "century"):
        return spec.value
    if d is None:
        return _unanchored(spec)
    if ref is None:
        ref = d
    if kind == "date" and spec.part:
        plain = Spec(
            "date",
            year=spec.year,
            month=spec.month,
            day=spec.day,
            weekday=spec.weekday,
            shift=spec.shift,
        )
        return f"{resolve(plain, d, direction, ref, place)}T{spec.part}"
    if kind == "date":
        if spec.year is not None:
            try:
                return date(spec.year, spec.month or 1, spec.day or 1).isoformat()
            except ValueError:
                return f"{spec.year}-{spec.month:02d}-{spec.day:02d}"
        if spec.shift is not None:  # "29. März dieses Jahres"
            try:
                return date(d.year + spec.shift, spec.month or 1, spec.day or 1).isoformat()
            except ValueError:
                pass
        readings = []
        for y in (d.year - 1, d.year, d.year + 1):
            try:
                day = date(y, spec.month or 1, spec.day or 1)
            except ValueError:
                continue
            readings.append((day, day))
        if spec.weekday is not None:
            # "Sonntag, den 14. August": the year in which that date is a Sunday
            matching = [r for r in readings if r[0].weekday() == spec.weekday]
            if matching:
                readings = matching
        if not readings:
            return f"XXXX-{spec.month:02d}-{spec.day:02d}"
        return _pick_year(readings, d, direction).isoformat()
    if kind == "month":
        if spec.year is not None:
            return f"{spec.year}-{spec.month:02d}"
        if spec.shift is not None:  # "Dezember dieses Jahres", "November des Vorjahres"
            return f"{d.year + spec.shift}-{spec.month:02d}"
        readings = [
            (date(y, spec.month or 1, 1), _month_end(y, spec.month or 1))
            for y in (d.year - 1, d.year, d.year + 1)
        ]
        start = _pick_year(readings, d, direction)
        return f"{start.year}-{start.month:02d}"
    if kind == "season":
        code = spec.value or "SU"
        if spec.year is not None:
            return f"{spec.year}-{code}"
        first, last = _SEASON_MONTHS[code]
        readings = []
        for y in (d.year - 1, d.year, d.year + 1):
            ly, lm = _add_months(y, first, last - first)
            readings.append((date(y, first, 1), _month_end(ly, lm)))
        if spec.shift in (-1, 1):
            pick = [r for r in readings if (r[1] < d if spec.shift == -1 else r[0] > d)]
            start = (max(pick) if spec.shift == -1 else min(pick))[0] if pick else d
        elif spec.shift == 0:
            start = date(d.year, first, 1)
        else:
            start = _pick_year(readings, d, direction)
        return f"{start.year}-{code}"
    if kind == "quarter":
        year = spec.year if spec.year is not None else d.year
        return f"{year}-{spec.unit}{int(spec.n or 1)}"
    if kind == "weekday":
        day = _weekday_date(spec, d, direction)
        if spec.n == -1 and spec.part == "NI":
            # "Nacht zum Mittwoch": resolve the Wednesday, the night starts the day before
            target = Spec("weekday", weekday=((spec.weekday or 0) + 1) % 7, shift=spec.shift)
            day = _weekday_date(target, d, direction) - timedelta(days=1)
        return _with_part(day, spec.part)
    if kind == "relday":
        return _with_part(d + timedelta(days=int(spec.n or 0)), spec.part)
    if kind == "refday":
        return _with_part(ref + timedelta(days=int(spec.n or 0)), spec.part)
    if kind == "part":
        return _with_part(ref, spec.part)
    if kind == "relunit":
        return _relunit(spec, d, direction)
    if kind in ("offset", "refoffset"):
        base = ref if kind == "refoffset" else d
        if spec.n is None:
            return "FUTURE_REF" if spec.shift == 1 else "PAST_REF"
        return _offset(base, spec.unit or "D", spec.n)
    if kind == "time":
        if spec.year is not None:
            day = date(spec.year, spec.month or 1, spec.day or 1)
        else:
            day = ref
        hh = spec.hour or 0
        return (
            f"{day.isoformat()}T{hh:02d}:{spec.minute or 0:02d}{zone_offset(spec.zone, place, day)}"
        )
    return spec.value or "XXXX"


def _relunit(spec: Spec, d: date, direction: str) -> str:
    unit, shift = spec.unit, spec.shift
    if unit == "WE":
        saturday_this = d + timedelta(days=5 - d.weekday())
        if shift == 0 or (shift is None and d.weekday() >= 5):
            sat = saturday_this
        elif shift == -1 or (shift is None and direction != "future"):
            sat = saturday_this if d.weekday() >= 5 else saturday_this - timedelta(days=7)
            if shift == -1 and d.weekday() >= 5:
                sat -= timedelta(days=7)
        else:
            sat = saturday_this if d.weekday() < 5 else saturday_this + timedelta(days=7)
        return week_value(sat) + "-WE"
    s = shift or 0
    if unit == "W":
        return week_value(d + timedelta(weeks=s))
    if unit == "M":
        y, m = _add_months(d.year, d.month, s)
        return f"{y}-{m:02d}"
    if unit == "Y":
        return str(d.year + s)
    if unit == "DE":
        return str(d.year // 10 + s)
    if unit == "CE":
        return f"{d.year // 100 + s:02d}"
    return d.isoformat()


def _offset(base: date, unit: str, n: float) -> str:
    if unit in ("H", "S") or (False):
        return base.isoformat()
    if unit == "D":
        return (base + timedelta(days=round(n))).isoformat()
    if unit == "W":
        if not float(n).is_integer():
            return (base + timedelta(days=round(n * 7))).isoformat()
        return week_value(base + timedelta(weeks=n))
    if unit == "M":
        y, m = _add_months(base.year, base.month, round(n))
        return f"{y}-{m:02d}"
    if unit == "Y":
        if not float(n).is_integer():
            y, m = _add_months(base.year, base.month, round(n * 12))
            return f"{y}-{m:02d}"
        return str(base.year + int(n))
    if unit == "DE":
        return str((base.year + int(n * 10)) // 10)
    return base.isoformat()


def _unanchored(spec: Spec) -> str:
    kind = spec.kind
    if kind == "date":
        y = f"{spec.year}" if spec.year else "XXXX"
        return f"{y}-{spec.month or 0:02d}-{spec.day or 0:02d}"
    if kind == "month":
        return f"{spec.year or 'XXXX'}-{spec.month:02d}"
    if kind == "weekday":
        suffix = f"T{spec.part}" if spec.part else ""
        return f"XXXX-WXX-{(spec.weekday or 0) + 1}{suffix}"
    if kind in ("relday", "refday", "part"):
        n = spec.n or 0
        return "PRESENT_REF" if n == 0 else ("PAST_REF" if n < 0 else "FUTURE_REF")
    if kind in ("offset", "refoffset"):
        return "FUTURE_REF" if (spec.n or -1) > 0 else "PAST_REF"
    if kind == "time":
        if spec.year is not None:
            return f"{spec.year}-{spec.month:02d}-{spec.day:02d}T{spec.hour or 0:02d}:{spec.minute or 0:02d}"
        return f"XXXX-XX-XXT{spec.hour or 0:02d}:{spec.minute or 0:02d}"
    if kind == "season":
        return f"{spec.year or 'XXXX'}-{spec.value}"
    if kind == "quarter":
        return f"{spec.year or 'XXXX'}-{spec.unit}{int(spec.n or 1)}"
    if kind == "relunit":
        return {"W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Y": "XXXX"}.get(
            spec.unit or "", "XXXX"
        )
    return spec.value or "XXXX"


_COMPONENT = re.compile(r"([-T:+])")


def merge_values(values: list[str]) -> str:
    """One value for the readings under several candidate days: the shared part, X where they differ.

    ``["2025-07-21", "2025-07-28"]`` -> ``"2025-07-XX"``; readings of different shape -> the
    calendar-free ``"XXXX-XX-XX"``.
    """
    distinct = list(dict.fromkeys(values))
    if len(distinct) == 1:
        return distinct[0]
    split = [_COMPONENT.split(v) for v in distinct]
    if len({len(parts) for parts in split}) != 1:
        return "XXXX-XX-XX"
    merged = []
    differ = False
    for column in zip(*split):
        if differ or len(set(column)) > 1:
            differ = True
            first = column[0]
            merged.append(re.sub(r"\d", "X", first) if first not in "-T:+" else first)
        else:
            merged.append(column[0])
    # the part of day or clock time after T is the same in every reading: keep it
    if "T" in split[0]:
        t = split[0].index("T")
        if all(parts[t:] == split[0][t:] for parts in split):
            merged[t:] = split[0][t:]
    return "".join(merged)
