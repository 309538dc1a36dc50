"""Regex tokenisation and sentence splitting, shared by every language module.

This module owns the mechanics: one compiled pattern finds token spans over the whole document
text, a pass merges a full stop into the token before it where a language's rules say it
belongs there (abbreviations, initials, ordinals), and a second pass decides where sentences
end. The language-specific knowledge (abbreviation lists, month names, words that announce an
ordinal) comes in as :class:`TokenizerRules`, so an English module only supplies other lists.

Everything works on character offsets into the original text: a token is ``(start, end)`` with
``text[start:end]`` its surface form, so every later record can point back at the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

# The order of the alternatives matters: the first that matches at a position wins.
_TOKEN_PATTERN = re.compile(
    r"""
      (?:https?://|www\.)[^\s<>"“”«»]*[^\s<>"“”«».,;:!?)\]'’]   # URL
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                             # e-mail
    | \d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})?(?!\d)                  # 23.07.2025, 23.07., 1.5.25
    | \d+(?:[.,:]\d+)+(?:-\w+)*                                 # 1.000,50  3,5  13:52  2,5-fach
    | (?:[^\W\d_]\.){2,}                                         # u.a.  z.B.  U.S.
    | \w+(?:[-'’&]\w+)*(?:-(?=\s+(?:und|oder|bis|sowie|als|noch|wie)\b))?  # words, Ein- und
    | \.{2,}|…                                                   # ellipsis
    | -{2,}                                                      # dash made of hyphens
    | \S                                                         # any other single character
    """,
    re.VERBOSE,
)

TERMINALS = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
# Characters that close a sentence's last clause: absorbed into the sentence before a split.
CLOSERS = frozenset({'"', "“", "”", "«", "»", "‘", "’", "'", "‚", ")", "]", "›", "‹"})
OPENERS = frozenset({"„", "»", "«", '"', "“", "‚", "‹", "›", "(", "[", "'", "‘"})
# Punctuation after which the next clause continues the sentence: „Gut.“, sagte er.
_CONTINUATIONS = frozenset({",", ";", ":", "-", "–", "—"})


@dataclass(frozen=True)
class TokenizerRules:
    """What a language module tells the shared tokeniser and sentence splitter."""

    abbreviations: frozenset[str]  # with the final dot: "Dr.", "bzw.", "Mio."
    # abbreviations that may end a sentence when the next word starts with a capital
    final_abbreviations: frozenset[str] = frozenset()
    months: frozenset[str] = frozenset()  # words after which "16." is an ordinal
    ordinal_cues: frozenset[str] = frozenset()  # words before which "3." is an ordinal ("am 3.")
    ordinal_nouns: frozenset[str] = frozenset()  # "19. Jahrhundert", "2. Bundesliga"
    lowercase_abbreviations: frozenset[str] = field(default_factory=frozenset)


def token_spans(text: str, rules: TokenizerRules) -> list[tuple[int, int]]:
    """All token spans of ``text`` in order; dots belonging to a token are merged into it."""
    spans: list[tuple[int, int]] = []
    append = spans.append
    n = len(text)
    abbreviations = rules.abbreviations
    for match in _TOKEN_PATTERN.finditer(text):
        start, end = match.span()
        # a dot immediately after a word: part of the word if abbreviation, initial or ordinal
        if end < n and text[end] == "." and (end + 1 >= n or text[end + 1] != "."):
            word = text[start:end]
            if spans and spans[-1][1] > start:  # the dot was already merged into the previous
                continue
            if word + "." in abbreviations or _is_initial(word) or _is_ordinal(
                text, start, end, word, rules
            ):
                append((start, end + 1))
                continue
        if spans and spans[-1][1] > start:
            continue  # this dot already sits inside the previous token
        append((start, end))
    return spans


def _is_initial(word: str) -> bool:
    # "F." in "John F. Kennedy"; a single capital letter followed by a dot
    return len(word) == 1 and word.isalpha() and word.isupper()


def _is_ordinal(text: str, start: int, end: int, word: str, rules: TokenizerRules) -> bool:
    """Whether the dot after the number ``word`` makes it an ordinal ("16. Mai", "am 3.")."""
    if not word.isdigit() or len(word) > 3:
        return False
    following = _next_word(text, end + 1)
    if not following:
        return False
    if following in rules.months or following in rules.ordinal_nouns:
        return True
    first = following[0]
    if first.islower() and following not in rules.lowercase_abbreviations:
        return True
    if first.isdigit():
        return False
    previous = _previous_word(text, start)
    return previous is not None and previous in rules.ordinal_cues


_NEXT_WORD = re.compile(r"[ \t\u00a0]*(\w+)")
_PREV_WORD = re.compile(r"(\w+)[ \t\u00a0]*$")


def _next_word(text: str, pos: int) -> str | None:
    match = _NEXT_WORD.match(text, pos)
    return match.group(1) if match else None


def _previous_word(text: str, pos: int) -> str | None:
    match = _PREV_WORD.search(text, max(0, pos - 40), pos)
    return match.group(1).lower() if match else None


def sentence_bounds(
    text: str,
    spans: Sequence[tuple[int, int]],
    rules: TokenizerRules,
    breaks: Sequence[int] = (),
) -> list[tuple[int, int]]:
    """Token index ranges ``[first, last)`` of the sentences over ``spans``.

    ``breaks`` are character offsets where a sentence must start (segment starts). A line
    break ends a sentence (headlines carry no final punctuation) unless the next line starts
    in lower case after a line without final punctuation (hard-wrapped plain text).
    """
    n = len(spans)
    if n == 0:
        return []
    break_set = sorted(set(breaks))
    break_index = 0
    starts = [0]
    final_abbreviations = rules.final_abbreviations
    prev_text = text[spans[0][0] : spans[0][1]]
    # the previous token closed a sentence unless the next one continues it
    pending = prev_text in TERMINALS
    while break_index < len(break_set) and break_set[break_index] <= spans[0][0]:
        break_index += 1
    for i in range(1, n):
        start, end = spans[i]
        prev_end = spans[i - 1][1]
        tok = text[start:end]
        split = False
        if break_index < len(break_set) and break_set[break_index] <= start:
            while break_index < len(break_set) and break_set[break_index] <= start:
                break_index += 1
            split = True
        else:
            gap = text[prev_end:start]
            if "\n" in gap:
                continued = (
                    "\n\n" not in gap.replace(" ", "").replace("\t", "")
                    and tok[0].islower()
                    and prev_text not in TERMINALS
                )
                split = not continued
            elif pending:
                if tok in CLOSERS and start == prev_end:
                    pass  # „Gut.“ — the closing mark stays with the sentence; decide after it
                else:
                    split = not (tok in _CONTINUATIONS or tok[0].islower())
                    pending = False
        if split:
            starts.append(i)
            pending = False
        if tok in TERMINALS or tok in final_abbreviations:
            pending = True
        elif not (pending and tok in CLOSERS and start == prev_end):
            pending = False
        prev_text = tok
    starts.append(n)
    return [(starts[k], starts[k + 1]) for k in range(len(starts) - 1)]
