"""Document dates: the day a document was written, firm from its metadata or inferred from its text.

Inference narrows a range of candidate days with constraints, each recorded as evidence:

1. metadata: a month- or year-precise ``published`` bounds the range;
2. durations counted from a well-known onset ("seit fast dreieinhalb Jahren" + the war in Ukraine);
3. absolute dates reported in the past tense (the document is later) or announced (earlier);
   year-less months and days ("im Mai", "am 16. Mai") in past-tense reports, read in the range's year;
4. dates of other documents of the same story (``story_dates``, or :func:`refine_with_story`);
5. weekday consistency: news names weekdays only within about a week of writing, so all weekday
   references, each resolved in its direction, must fit in one 7-day window around the day; a
   same-day weekday announced as future ("will am Mittwoch" written on Wednesday) is unusual, so
   days that need one are dropped when other days remain.

A constraint that would empty the range is skipped and noted: text evidence is noisy, and a
wrong constraint must not erase the right ones.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from ...model import DocumentDate
from .context import Sentences, direction
from .lexicon import KNOWN_ONSETS
from .normalise import _add_months, _month_end, _weekday_date
from .rules import Hit, Spec

# News names a weekday ("am Mittwoch") only for days within a week of writing: all weekday
# references of a document, and the document day, fit in a window this many days wide (tuned on
# the five seeds: a live blog, two agency reports and two month-dated reports of July 2025).
WEEKDAY_WINDOW_DAYS = 6
# Documents of one story with firm dates narrow a document's range to this many days around them
# (the seeds' reports on the July 2025 Istanbul talks were written within two days of each other).
STORY_WINDOW_DAYS = 3
# The solver enumerates candidate days only up to this span; wider ranges stay as they are.
MAX_SOLVE_DAYS = 400
# "fast N Jahre" (LESS_THAN) means at most N and more than N minus this share of the count's
# granularity (a half year for "dreieinhalb", a year for "drei").
ALMOST_SHARE = 0.5

_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(T\d{2}:\d{2})?")


def parse_iso(value: str | None) -> tuple[date, date, str] | None:
    """(first day, last day, precision) of an ISO stamp "2025-07-23T13:52+02:00", "2025-06", "2025"."""
    if not value:
        return None
    m = _ISO_DATE.match(value.strip())
    if not m:
        return None
    year = int(m[1])
    if m[3]:
        d = date(year, int(m[2]), int(m[3]))
        return d, d, "minute" if m[4] else "day"
    if m[2]:
        month = int(m[2])
        return date(year, month, 1), _month_end(year, month), "month"
    return date(year, 1, 1), date(year, 12, 31), "year"


def firm_date(
    document_published: str | None, precision: str | None = None
) -> tuple[date, str] | None:
    parsed = parse_iso(document_published)
    if parsed is None or parsed[0] != parsed[1]:
        return None
    if precision in ("month", "year"):
        return None
    return parsed[0], parsed[2]


def precision_of(lo: date, hi: date) -> str:
    span = (hi - lo).days
    if span <= 0:
        return "day"
    if span <= 6:
        return "week"
    if span <= 31:
        return "month"
    return "year"


def _years_value(value: str) -> float | None:
    m = re.fullmatch(r"P(\d+(?:\.\d+)?)Y", value)
    return float(m[1]) if m else None


def _onset_constraint(
    hit: Hit, text: str, sentence: tuple[int, int]
) -> tuple[date, date, str] | None:
    """ "seit fast dreieinhalb Jahren" in a sentence about a known onset -> the range of the day."""
    spec = hit.spec
    if spec.kind != "duration" or spec.value is None:
        return None
    years = _years_value(spec.value)
    if years is None:
        return None
    before = text[max(sentence[0], hit.start - 12) : hit.start].lower()
    if not re.search(r"\bseit\s*$", before):
        return None
    clause = text[sentence[0] : sentence[1]].lower()
    for first_words, second_words, onset, label in KNOWN_ONSETS:
        if any(w in clause for w in first_words) and any(w in clause for w in second_words):
            start = date.fromisoformat(onset)
            granularity = 0.5 if not years.is_integer() else 1.0
            if spec.mod in ("LESS_THAN",):
                lo_y, hi_y = years - granularity * ALMOST_SHARE, years
            elif spec.mod in ("APPROX",):
                lo_y, hi_y = years - granularity / 2, years + granularity / 2
            else:  # exact count or "gut", "mehr als": at least N, less than the next step
                lo_y, hi_y = years, years + granularity
            lo = _shift_months(start, round(lo_y * 12))
            hi = _shift_months(start, round(hi_y * 12))
            return lo, hi, f"'{text[hit.start : hit.end]}' since {onset} ({label})"
    return None


def _shift_months(d: date, months: int) -> date:
    y, m = _add_months(d.year, d.month, months)
    day = min(d.day, _month_end(y, m).day)
    return date(y, m, day)


class _Range:
    def __init__(self, lo: date | None, hi: date | None):
        self.lo, self.hi = lo, hi
        self.evidence: list[str] = []
        self.methods: list[str] = []

    def apply(self, lo: date | None, hi: date | None, reason: str, method: str) -> None:
        new_lo = max(filter(None, (self.lo, lo)), default=None)
        new_hi = min(filter(None, (self.hi, hi)), default=None)
        if new_lo and new_hi and new_lo > new_hi:
            self.evidence.append(f"ignored (contradicts the rest): {reason}")
            return
        if (new_lo, new_hi) != (self.lo, self.hi):
            self.methods.append(method)
        self.lo, self.hi = new_lo, new_hi
        self.evidence.append(reason)


def weekday_refs(
    hits: Sequence[Hit], text: str, sentences: Sentences
) -> list[tuple[Spec, str, str]]:
    """Weekday and weekend references that are relative to the document day: (spec, direction, surface)."""
    refs = []
    for hit in hits:
        spec = hit.spec
        if spec.kind == "weekday" and spec.mod != "YESTERDAY":
            pass
        elif spec.kind == "date" and spec.weekday is not None and spec.month and spec.day:
            pass  # "Mittwoch, dem 23. Juli": a named weekday with its date
        elif spec.kind == "relunit" and spec.unit == "WE" and spec.shift is None:
            pass
        else:
            continue
        d = direction(text, hit.start, hit.end, sentences.around(hit.start))
        refs.append((spec, d, text[hit.start : hit.end]))
    return refs


def _ref_day(spec: Spec, d: date, dirn: str) -> date:
    if spec.kind == "weekday":
        return _weekday_date(spec, d, dirn)
    if spec.kind == "date":
        try:
            return date(spec.year or d.year, spec.month or 1, spec.day or 1)
        except ValueError:
            return d
    saturday = d + timedelta(days=5 - d.weekday())
    if d.weekday() >= 5:
        return saturday
    return saturday - timedelta(days=7) if dirn != "future" else saturday


def consistent_days(refs: Sequence[tuple[Spec, str, str]], lo: date, hi: date) -> list[date]:
    """Days in [lo, hi] on which all weekday references fit one week (see the module docstring)."""
    span = (hi - lo).days
    days = [lo + timedelta(days=i) for i in range(span + 1)]
    if not refs or span > MAX_SOLVE_DAYS:
        return days
    kept, preferred = [], []
    for d in days:
        resolved = [_ref_day(spec, d, dirn) for spec, dirn, _ in refs]
        if (max(resolved + [d]) - min(resolved + [d])).days > WEEKDAY_WINDOW_DAYS:
            continue
        if any(
            spec.kind == "date" and ((dirn == "future" and r < d) or (dirn == "past" and r > d))
            for (spec, dirn, _), r in zip(refs, resolved)
        ):
            continue  # an announced date is not behind the writer, a reported one not ahead
        kept.append(d)
        same_day_future = any(
            spec.kind == "weekday" and spec.shift is None and dirn == "future" and r == d
            for (spec, dirn, _), r in zip(refs, resolved)
        )
        if not same_day_future:
            preferred.append(d)
    return preferred or kept


def infer_from_hits(
    hits: Sequence[Hit],
    text: str,
    sentences: Sentences,
    published: str | None,
    date_precision: str | None = None,
    story_dates: Sequence[DocumentDate] = (),
) -> DocumentDate:
    """The document's day range from metadata of month/year precision and from the text."""
    rng = _Range(None, None)
    meta = parse_iso(published)
    if meta is not None:
        lo, hi, _precision = meta
        if date_precision in ("month", "year") and lo == hi:
            lo, hi, _ = (
                parse_iso(published[:7] if date_precision == "month" else published[:4]) or meta
            )
        rng.apply(lo, hi, f"published {published}", "published")
    # durations from a known onset
    for hit in hits:
        sentence = sentences.around(hit.start)
        found = _onset_constraint(hit, text, sentence)
        if found:
            rng.apply(found[0], found[1], found[2], "inferred:duration")
    # absolute dates with a year
    for hit in hits:
        spec = hit.spec
        if spec.kind not in ("date", "month") or spec.year is None:
            continue
        dirn = direction(text, hit.start, hit.end, sentences.around(hit.start))
        first = date(spec.year, spec.month or 1, spec.day or 1)
        last = first if spec.kind == "date" else _month_end(spec.year, spec.month or 1)
        surface = text[hit.start : hit.end]
        if dirn == "past":
            rng.apply(first, None, f"'{surface}' reported as past", "inferred:dates")
        elif dirn == "future":
            rng.apply(None, last, f"'{surface}' announced", "inferred:dates")
    # the story's firm dates
    window = story_window(story_dates)
    if window is not None:
        rng.apply(window[0], window[1], window[2], "story")
    # year-less dates and months reported in the past, read in the range's year
    if rng.lo and rng.hi:
        for hit in hits:
            spec = hit.spec
            if spec.kind not in ("date", "month") or spec.year is not None:
                continue
            dirn = direction(text, hit.start, hit.end, sentences.around(hit.start))
            if dirn != "past":
                continue
            try:
                first = date(rng.hi.year, spec.month or 1, spec.day or 1)
            except ValueError:
                continue
            if rng.lo < first <= rng.hi:
                rng.apply(
                    first, None, f"'{text[hit.start : hit.end]}' reported as past", "inferred:dates"
                )
    if rng.lo is None or rng.hi is None:
        # open-ended: nothing but weak one-sided evidence
        return DocumentDate("", "", "unknown", "unknown", tuple(rng.evidence))
    refs = weekday_refs(hits, text, sentences)
    days = consistent_days(refs, rng.lo, rng.hi)
    if days and (days[0], days[-1]) != (rng.lo, rng.hi):
        rng.evidence.append("weekdays: " + ", ".join(f"{s} {d}" for _, d, s in refs))
        rng.methods.append("inferred:weekdays")
        rng.lo, rng.hi = days[0], days[-1]
    method = rng.methods[-1] if rng.methods else "published"
    return DocumentDate(
        rng.lo.isoformat(),
        rng.hi.isoformat(),
        precision_of(rng.lo, rng.hi),
        method,
        tuple(rng.evidence),
    )


def story_window(story_dates: Sequence[DocumentDate]) -> tuple[date, date, str] | None:
    firm = sorted(
        date.fromisoformat(s.earliest) for s in story_dates if s.earliest and s.earliest == s.latest
    )
    if not firm:
        return None
    lo = firm[0] - timedelta(days=STORY_WINDOW_DAYS)
    hi = firm[-1] + timedelta(days=STORY_WINDOW_DAYS)
    return lo, hi, "story dates " + ", ".join(sorted({d.isoformat() for d in firm}))


def refine_with_story(doc_date: DocumentDate, story_dates: Sequence[DocumentDate]) -> DocumentDate:
    """Narrow an inferred range with the firm dates of other documents of the same story.

    Firm documents keep their date; a range disjoint from the story's window keeps its own
    range (the text outweighs the story) and notes the disagreement in its evidence.
    """
    window = story_window(story_dates)
    if window is None or (doc_date.earliest and doc_date.earliest == doc_date.latest):
        return doc_date
    lo, hi, reason = window
    if not doc_date.earliest:
        return DocumentDate(
            lo.isoformat(),
            hi.isoformat(),
            precision_of(lo, hi),
            "story",
            doc_date.evidence + (reason,),
        )
    own_lo, own_hi = date.fromisoformat(doc_date.earliest), date.fromisoformat(doc_date.latest)
    new_lo, new_hi = max(lo, own_lo), min(hi, own_hi)
    if new_lo > new_hi:
        return DocumentDate(
            doc_date.earliest,
            doc_date.latest,
            doc_date.precision,
            doc_date.method,
            doc_date.evidence + (f"disagrees with {reason}",),
        )
    return DocumentDate(
        new_lo.isoformat(),
        new_hi.isoformat(),
        precision_of(new_lo, new_hi),
        "story",
        doc_date.evidence + (reason,),
    )
