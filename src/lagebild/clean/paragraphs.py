"""Plain text to a list of paragraphs: the unit every other clean module works on.

Extracted text arrives in two shapes: one paragraph per line (trafilatura, most scrapers) or
paragraphs separated by blank lines, sometimes hard-wrapped at a fixed width (mail, wire copy,
hand-made text files). Both become one string per paragraph with single spaces, no invisible
characters, Unicode NFC, so that patterns and offsets downstream see one normal form.
"""

from __future__ import annotations

import re
import unicodedata

# A block is taken as hard-wrapped (and its lines joined) when it has at least this many lines,
# no line longer than WRAP_MAX_LINE_CHARS, and at least this share of its non-final lines end
# without sentence punctuation. Tuned so that the seed pages (one paragraph or one promo item a
# line, nearly all ending in . ! ?) are never joined while 60-80 column wire copy is.
WRAP_MIN_LINES = 3
WRAP_MAX_LINE_CHARS = 100
WRAP_UNPUNCTUATED_SHARE = 0.5
# Wrapped lines fill the column: every non-final line is at least this share of the longest, and
# the longest at least WRAP_MIN_WIDTH. Keeps a stack of short header lines (title, byline, date)
# apart.
WRAP_MIN_FILL = 0.6
WRAP_MIN_WIDTH = 40

# (a regex, not str.translate: translate with a dict costs ~0.2 ms on a non-ASCII page)
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000\f\v]+")
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_LIST_ITEM = re.compile(r"^\s*(?:[-–•*·▪►>]|\d{1,2}[.)])\s")
_SENTENCE_END = re.compile(r"[.!?:;…\"“”»«')]\s*$")


def _is_hard_wrapped(lines: list[str]) -> bool:
    if len(lines) < WRAP_MIN_LINES or any(len(line) > WRAP_MAX_LINE_CHARS for line in lines):
        return False
    if any(_LIST_ITEM.match(line) for line in lines):
        return False
    inner = lines[:-1]
    widest = max(len(line) for line in lines)
    if widest < WRAP_MIN_WIDTH or any(len(line) < WRAP_MIN_FILL * widest for line in inner):
        return False
    open_ended = sum(1 for line in inner if not _SENTENCE_END.search(line))
    return open_ended >= WRAP_UNPUNCTUATED_SHARE * len(inner)


def _join_wrapped(lines: list[str]) -> str:
    joined = lines[0]
    for line in lines[1:]:
        # "Verhand-\nlungen": a hyphen at the line end before a lower-case letter is a break.
        if joined.endswith("-") and line[:1].islower() and joined[-2:-1].isalpha():
            joined = joined[:-1] + line
        else:
            joined = joined + " " + line
    return joined


def normalise(text: str) -> str:
    """NFC, Unix newlines, no invisible characters."""
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text


def split_paragraphs(text: str) -> list[str]:
    """The paragraphs of a plain text, in order, each a single line without outer whitespace."""
    paragraphs: list[str] = []
    for block in _BLANK_LINE.split(normalise(text)):
        lines = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        if _is_hard_wrapped(lines):
            paragraphs.append(_join_wrapped(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs
