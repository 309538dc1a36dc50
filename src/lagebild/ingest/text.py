"""Plain-text articles: optional leading metadata, a title line, the body.

Three shapes of metadata are understood, all at the very top of the text:

* a date prefix as written by some scrapers, ``" date 2025-06 Newsblog zum ..."``: the date
  is kept as found (``published="2025-06"``, clean normalises it) and removed from the text;
* a block of ``key: value`` header lines (title, date, url, outlet, language, ...) ended by a
  blank line; the block is removed from the text, unknown keys go to ``metadata``;
* otherwise a first line that looks like a headline (short, no closing sentence punctuation,
  followed by a blank line) becomes the ``title``; it stays the first line of ``text`` because
  cleaning decides what the body is.
"""

from __future__ import annotations

import re

from lagebild.errors import EmptyInput
from lagebild.model import RawDocument

# A headline is at most this long. German news headlines (with kicker, "Newsblog zum
# Ukraine-Krieg ...") run to 60-120 characters; a first paragraph is longer.
TITLE_MAX_CHARS = 160

_DATE_VALUE = (
    r"\d{4}(?:-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?"
)
# No colon: "date: ..." opens a header block, handled below.
_DATE_PREFIX = re.compile(
    r"\A[ \t]*(?:date|datum)[ \t]+(" + _DATE_VALUE + r")(?:[ \t]+|\n|\Z)", re.IGNORECASE
)
_HEADER_LINE = re.compile(r"([A-Za-z][\w-]{0,30})[ \t]*:[ \t]*(.*\S)?[ \t]*\Z")

# Header keys and the RawDocument field each one fills.
HEADER_FIELDS = {
    "title": "title",
    "titel": "title",
    "headline": "title",
    "date": "published",
    "datum": "published",
    "published": "published",
    "updated": "updated",
    "modified": "updated",
    "url": "url",
    "link": "url",
    "outlet": "outlet",
    "source": "outlet",
    "quelle": "outlet",
    "site": "outlet",
    "language": "language",
    "lang": "language",
    "sprache": "language",
}
_SENTENCE_END = (".", "!", "?", ":", ";", ",", "…")


def parse_text(
    text: str, source: str, identity: str, *, metadata: dict | None = None
) -> RawDocument:
    """One plain-text article; raise :class:`EmptyInput` if there is no text."""
    fields: dict[str, str] = {}
    extra: dict[str, str] = dict(metadata or {})

    text = text.lstrip("\ufeff")
    match = _DATE_PREFIX.match(text)
    if match:
        fields["published"] = match.group(1)
        text = text[match.end() :]
    else:
        header = _header_block(text)
        if header is not None:
            pairs, rest = header
            for key, value in pairs:
                target = HEADER_FIELDS.get(key.lower())
                if target and target not in fields:
                    fields[target] = value
                else:
                    extra[key.lower()] = value
            text = rest

    text = _strip_blank_edges(text)
    if not text.strip():
        raise EmptyInput(
            "the file contains no text"
            if not fields
            else "the file has header lines but no article text after them"
        )

    title = fields.pop("title", None) or _title_line(text)
    return RawDocument(
        source=source,
        identity=identity,
        text=text,
        url=fields.get("url"),
        title=title,
        published=fields.get("published"),
        updated=fields.get("updated"),
        outlet=fields.get("outlet"),
        language=fields.get("language"),
        format="text",
        metadata=extra,
    )


def _header_block(text: str) -> tuple[list[tuple[str, str]], str] | None:
    """The ``key: value`` lines at the top and the text after their closing blank line."""
    block, sep, rest = text.lstrip("\n").partition("\n\n")
    if not sep:
        return None
    pairs: list[tuple[str, str]] = []
    for line in block.split("\n"):
        match = _HEADER_LINE.match(line.strip())
        if not match:
            return None
        pairs.append((match.group(1), match.group(2) or ""))
    # One known key at least, so that "Berlin: Die Regierung hat ..." is not a header.
    if not any(key.lower() in HEADER_FIELDS for key, _ in pairs):
        return None
    return [(key, value) for key, value in pairs if value], rest


def _title_line(text: str) -> str | None:
    first, sep, rest = text.partition("\n")
    first = first.strip()
    if not sep or not rest.startswith("\n") or not rest.strip():
        return None  # a title is followed by a blank line and then the body
    if not first or len(first) > TITLE_MAX_CHARS or first.endswith(_SENTENCE_END):
        return None
    return first


def _strip_blank_edges(text: str) -> str:
    """Drop blank lines and trailing spaces at both ends; inner layout is data for cleaning."""
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    if lines:
        lines[0] = lines[0].lstrip()
        lines[-1] = lines[-1].rstrip()
    return "\n".join(lines)
