"""The token view the quote rules read: tokens with character spans, grouped into sentences.

The rules in this package work on token indexes, not characters, so the same code serves the
pipeline (tokens from :func:`lagebild.language.parse`) and the SpkAtt evaluation (tokens given by
the data set). Where the language layer delivered no tokens (it is optional at this stage), a
small regex tokeniser and sentence splitter stand in, good enough for quotation rules.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Sequence

from lagebild.model import Parsed

# A word (letters, digits, inner hyphens/apostrophes/dots of abbreviations) or one other symbol.
_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*\.?(?<!\.)|\w+|[^\w\s]", re.UNICODE)
# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "z.B bzw ca Dr Prof Nr St vgl u.a d.h Mio Mrd Jh Abs Art usw etc evtl ggf inkl sog Str Tel "
    "Hr Fr Gen Lt Col Sen Rep Mr Mrs Ms Jan Feb Mär Apr Jun Jul Aug Sep Sept Okt Nov Dez".split()
)
_SENTENCE_END = frozenset(".!?")
_CLOSING = frozenset("“”\"«»‘’)")


@dataclass(frozen=True, slots=True)
class TokenView:
    """Tokens of one document (``texts`` with ``starts``/``ends``) and sentence token ranges."""

    text: str
    texts: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    sentences: tuple[tuple[int, int], ...]  # [first, last) token indexes
    lemmas: tuple[str, ...] = ()
    # Named-entity mentions of the language layer as token ranges: (first, last, type), last
    # exclusive, in document order. Empty where the language layer gave none.
    mentions: tuple[tuple[int, int, str], ...] = ()

    def mention_at(self, index: int) -> tuple[int, int, str] | None:
        """The mention that covers token ``index``, if any."""
        for mention in self.mentions:
            if mention[0] <= index < mention[1]:
                return mention
            if mention[0] > index:
                break
        return None

    def __len__(self) -> int:
        return len(self.texts)

    def sentence_of(self) -> list[int]:
        """Sentence index of every token."""
        owner = [0] * len(self.texts)
        for number, (first, last) in enumerate(self.sentences):
            for index in range(first, last):
                owner[index] = number
        return owner


def tokenize(text: str) -> tuple[list[str], list[int], list[int]]:
    texts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        start, end = match.span()
        # Keep the dot on known abbreviations and ordinals ("Dr.", "17."), split it elsewhere.
        if (
            end < len(text)
            and text[end] == "."
            and (word in _ABBREVIATIONS or (word.isdigit() and len(word) <= 2))
        ):
            end += 1
            word += "."
        texts.append(word)
        starts.append(start)
        ends.append(end)
    # The regex may have split an abbreviation dot off as its own token: merge "Dr" "." done above,
    # so drop standalone dots that now overlap the previous token.
    keep = [i for i in range(len(texts)) if i == 0 or starts[i] >= ends[i - 1]]
    return [texts[i] for i in keep], [starts[i] for i in keep], [ends[i] for i in keep]


def split_sentences(text: str, texts: Sequence[str], starts: Sequence[int]) -> list[tuple[int, int]]:
    """Sentence ranges: end at . ! ? (plus closing quotes) before a capital, or at blank lines."""
    sentences: list[tuple[int, int]] = []
    first = 0
    count = len(texts)
    straight_open = False  # inside a "…" pair: a straight quote after a full stop then closes
    for index in range(count):
        last_of_sentence = False
        if texts[index] == '"':
            straight_open = not straight_open
        if index + 1 < count and texts[index] in _SENTENCE_END and texts[index + 1] == '"' \
                and not straight_open and "\n" not in text[starts[index]:starts[index + 1]]:
            # The quote after the stop opens the next sentence: end this one here.
            sentences.append((first, index + 1))
            first = index + 1
            continue
        if index + 1 < count:
            gap = text[starts[index] + len(texts[index]) : starts[index + 1]]
            if "\n" in gap:
                last_of_sentence = True
            elif texts[index] in _SENTENCE_END or (
                texts[index] in _CLOSING and index > 0 and texts[index - 1] in _SENTENCE_END
            ):
                following = texts[index + 1]
                if following in _CLOSING:
                    continue
                if following[:1].isupper() or following[:1] in "„\"»‚" or following[:1].isdigit():
                    last_of_sentence = True
        else:
            last_of_sentence = True
        if last_of_sentence:
            sentences.append((first, index + 1))
            first = index + 1
    return sentences


def view_of(text: str, parsed: Parsed | None) -> TokenView:
    """The token view of a document: the language layer's tokens where present, else our own."""
    if parsed is not None and parsed.tokens:
        tokens = parsed.tokens
        sentences = parsed.sentence_tokens or ((0, len(tokens)),)
        return TokenView(
            text=text,
            texts=tuple(t.text for t in tokens),
            starts=tuple(t.start for t in tokens),
            ends=tuple(t.end for t in tokens),
            sentences=tuple(sentences),
            lemmas=tuple(t.lemma for t in tokens),
            mentions=_mention_ranges(parsed, tuple(t.start for t in tokens),
                                     tuple(t.end for t in tokens)),
        )
    texts, starts, ends = tokenize(text)
    return TokenView(
        text=text,
        texts=tuple(texts),
        starts=tuple(starts),
        ends=tuple(ends),
        sentences=tuple(split_sentences(text, texts, starts)),
    )


def _mention_ranges(parsed: Parsed, starts: Sequence[int], ends: Sequence[int]
                    ) -> tuple[tuple[int, int, str], ...]:
    """Mentions as token ranges: the tokens whose characters lie inside the mention."""
    out = []
    for mention in sorted(parsed.mentions, key=lambda m: (m.start, -m.end)):
        first = bisect_left(starts, mention.start)
        last = bisect_right(ends, mention.end)
        if first < last and (not out or first >= out[-1][1]):
            out.append((first, last, mention.type))
    return tuple(out)
