"""Splitting a cleaned article into self-contained segments, and laying out the document text.

This module owns what a segment is in plain text: the headline test (:func:`looks_like_headline`),
where segments start (:func:`find_headlines`), whether a page is a live blog
(:func:`is_live_blog`), and the layout of paragraphs into ``Document.text`` with the character
spans of each :class:`~lagebild.model.Segment` (:func:`layout`).

Kinds: ``article`` (no sub-headings: one segment), ``lead`` (the paragraphs before the first
headline), ``entry`` (a live-blog entry), ``section`` (a sub-headed part of an article). A
segment's span starts at its headline line (or at a kicker line right above it) and ends at the
end of its last paragraph; the ``"\\n\\n"`` between segments belongs to none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from lagebild.model import Segment, SegmentKind

# Headlines are short. The longest entry headline of the t-online live-blog seeds is 78
# characters, sub-heads of the dpa-AFX seed up to 60; their body paragraphs are 150+.
MAX_HEADLINE_CHARS = 120
MAX_HEADLINE_WORDS = 18
# One-word lines ("Hintergrund", "Stellenangebote") are more often furniture or labels than
# sub-heads; a split there would cut an article for little gain.
MIN_HEADLINE_WORDS = 2
# Without a "Newsblog"/"Liveblog" marker, this many headline+body blocks and no agency
# dateline make a live blog; the dpa-AFX seed (a report with 3 sub-heads) stays an article.
LIVE_BLOG_MIN_BLOCKS = 5

PARAGRAPH_SEPARATOR = "\n\n"

LIVE_BLOG_MARKER = re.compile(
    r"\b(?:News-?blog|Live-?blog|Live-?Ticker|Liveticker|News-?ticker|Ticker zu[mr]?"
    r"|live blog|live updates|as it happened)\b",
    re.IGNORECASE,
)
_FINAL_PUNCTUATION = frozenset(".!?:;,…")
_CLOSERS = "\"'“”‘’»«)]"
_OPENERS = "\"'„“‚‘»«("
_SENTENCE_INSIDE = re.compile(r"[.!?] [A-ZÄÖÜ]")
_LIST_ITEM = re.compile(r"^(?:[-–•*·▪►]|\d{1,2}[.)])\s")
# A dateline or a bare date/time is not a headline: "KIEW (dpa-AFX)", "23.07.2025, 13:52 Uhr".
_DATELINE_LIKE = re.compile(
    r"^[A-ZÄÖÜ][A-ZÄÖÜ./ -]+\s*\([^)]{1,40}\)|^\d{1,2}\.\s?\d{1,2}\.(?:\s?\d{2,4})?\b"
    r"|^\d{1,2}[:.]\d{2}(?:\s*Uhr)?$|^\d{1,2}\.\s?[A-ZÄÖÜ][a-zäöü]+\s\d{4}"
)
# A live-blog time line standing above an entry: "13:52 Uhr", "13.52", "23.07.2025, 13:52 Uhr".
TIME_LINE = re.compile(
    r"^(?:(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})?,?\s*(?:-\s*)?)?"
    r"(?P<H>\d{1,2})[:.](?P<M>\d{2})(?:\s*Uhr)?$"
)


def looks_like_headline(line: str, max_chars: int = MAX_HEADLINE_CHARS) -> bool:
    """Short, capitalised, one phrase, no final sentence punctuation, not a list item/dateline."""
    if not line or len(line) > max_chars:
        return False
    first = line.lstrip(_OPENERS)[:1]
    if not first or not (first.isupper() or first.isdigit()):
        return False
    last = line.rstrip(_CLOSERS + " ")[-1:]
    if not last or last in _FINAL_PUNCTUATION:
        return False
    words = line.count(" ") + 1
    if not MIN_HEADLINE_WORDS <= words <= MAX_HEADLINE_WORDS:
        return False
    if _LIST_ITEM.match(line) or _DATELINE_LIKE.match(line) or "://" in line or "www." in line:
        return False
    return not _SENTENCE_INSIDE.search(line)


def find_headlines(paragraphs: Sequence[str], hints: Iterable[str] = ()) -> list[int]:
    """Indexes of the paragraphs that head a segment: headline-like and followed by body.

    ``hints`` are heading texts known from the page's HTML (h2-h4); a paragraph equal to one
    is headline-like whatever its length or punctuation.
    """
    hint_set = {" ".join(hint.split()) for hint in hints}
    like = [looks_like_headline(p) or p in hint_set for p in paragraphs]
    # body after a headline starts a sentence; a lower-case start continues a broken line
    return [i for i in range(len(paragraphs) - 1)
            if like[i] and not like[i + 1] and not paragraphs[i + 1].lstrip(_OPENERS)[:1].islower()]


def is_live_blog(title: str | None, paragraphs: Sequence[str], headlines: Sequence[int],
                 *, has_dateline: bool = False, lead_paragraphs: int = 3) -> bool:
    """A live blog says so in its title or teaser, or is a long run of headed entries."""
    if title and LIVE_BLOG_MARKER.search(title):
        return True
    first = headlines[0] if headlines else lead_paragraphs
    if any(LIVE_BLOG_MARKER.search(p) for p in paragraphs[: min(first, lead_paragraphs)]):
        return True
    return len(headlines) >= LIVE_BLOG_MIN_BLOCKS and not has_dateline


@dataclass(frozen=True, slots=True)
class Part:
    """A segment before layout: its paragraphs, which of them is the headline, its time."""

    kind: SegmentKind
    paragraphs: tuple[str, ...]
    headline: int | None = None  # index into ``paragraphs`` of the headline line
    published: str | None = None


def plan_parts(paragraphs: Sequence[str], headlines: Sequence[int], *, live: bool,
               times: dict[int, str] | None = None) -> list[Part]:
    """Group paragraphs into parts at the headline indexes.

    Headline-like lines right above a headline (a kicker, a roof line) join its part; ``times``
    maps a paragraph index to the entry time printed above it.
    """
    if not headlines:
        return [Part("article", tuple(paragraphs))] if paragraphs else []
    kind: SegmentKind = "entry" if live else "section"
    starts: list[int] = []
    previous_end = 0
    for h in headlines:
        start = h
        while start > previous_end and looks_like_headline(paragraphs[start - 1]):
            start -= 1
        starts.append(start)
        previous_end = h + 1
    parts: list[Part] = []
    if starts[0] > 0:
        parts.append(Part("lead", tuple(paragraphs[: starts[0]])))
    bounds = starts[1:] + [len(paragraphs)]
    for start, end, h in zip(starts, bounds, headlines):
        published = None
        if times:
            published = next((times[i] for i in range(start, h + 1) if i in times), None)
        parts.append(Part(kind, tuple(paragraphs[start:end]), h - start, published))
    return parts


def layout(document_id: str, parts: Sequence[Part]) -> tuple[str, tuple[Segment, ...]]:
    """Join the parts into the document text; the segments with their spans in it."""
    chunks: list[str] = []
    segments: list[Segment] = []
    offset = 0
    for index, part in enumerate(parts):
        if index:
            chunks.append(PARAGRAPH_SEPARATOR)
            offset += len(PARAGRAPH_SEPARATOR)
        body = PARAGRAPH_SEPARATOR.join(part.paragraphs)
        chunks.append(body)
        segments.append(Segment(
            id=f"{document_id}-s{index}",
            document_id=document_id,
            index=index,
            kind=part.kind,
            start=offset,
            end=offset + len(body),
            headline=part.paragraphs[part.headline] if part.headline is not None else None,
            published=part.published,
        ))
        offset += len(body)
    return "".join(chunks), tuple(segments)


def take_time_lines(paragraphs: Sequence[str]) -> tuple[list[str], dict[int, re.Match[str]]]:
    """Remove live-blog time lines that stand right above a headline.

    Returns the remaining paragraphs and, for each headline that had one (by its index in the
    remaining list), the time line's match (groups ``d m y H M``) for the caller to resolve
    against the document's date. A time line above body text stays where it is.
    """
    kept: list[str] = []
    times: dict[int, re.Match[str]] = {}
    for i, paragraph in enumerate(paragraphs):
        match = TIME_LINE.match(paragraph)
        if match and i + 1 < len(paragraphs) and looks_like_headline(paragraphs[i + 1]):
            times[len(kept)] = match
            continue
        kept.append(paragraph)
    return kept, times


def drop_trailing_headline(paragraphs: Sequence[str]) -> tuple[list[str], str | None]:
    """A headline as the last paragraph, after body text, is a truncated entry: drop it."""
    if len(paragraphs) >= 2 and looks_like_headline(paragraphs[-1]) and not looks_like_headline(
        paragraphs[-2]
    ):
        return list(paragraphs[:-1]), paragraphs[-1]
    return list(paragraphs), None
