"""Tokenised German text back to running text, with the character span of every token.

Corpora such as the GermEval/KONVENS 2023 speaker-attribution data (Wikinews) come as lists of
tokens per sentence, with annotations given as ``sentence:token`` offsets. :func:`detokenize`
rebuilds readable text (no space before ``, . ; : ! ? ) ] %``, none after ``( [ „ ‚``, German and
straight quotes paired, ``CDU / CSU`` -> ``CDU/CSU``, ``O ’ Keefe`` -> ``O’Keefe``) and returns
for each token its ``[start, end)`` span in that text, so annotations map to character offsets:
``text[spans[s][t][0]:spans[s][t][1]] == sentences[s][t]`` always holds.

Quote pairing runs over the whole document, because quotations span sentences. Short sentences
without closing punctuation (sub-headings such as "Hintergrund" or "Reaktionen aus Deutschland")
stand in paragraphs of their own, separated by blank lines, as they would in the article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# A sentence of at most this many tokens that ends without sentence punctuation, and is followed
# by one that starts with a capital or a digit, is a heading. Tuned on the 700 Wikinews articles
# of the speaker-attribution training data: headings there have 1-6 tokens; the longer
# punctuation-less "sentences" are mostly mis-split fragments of running text.
HEADING_MAX_TOKENS = 6

PARAGRAPH_BREAK = "\n\n"

_CLOSING = re.compile(r"[.,;:!?)\]}%…]+")
_OPENING = frozenset({"(", "[", "{"})
_SENTENCE_END = re.compile(r"[.!?:;…“”\"'»«)]+$|\.\.\.$")
_WORD = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class Detokenized:
    """Running text and where each token and sentence of the input lies in it."""

    text: str
    token_spans: tuple[tuple[tuple[int, int], ...], ...]  # [sentence][token] -> (start, end)
    sentence_spans: tuple[tuple[int, int], ...]  # [sentence] -> (start, end)


def detokenize(sentences: Sequence[Sequence[str]]) -> Detokenized:
    """The text of a tokenised document (a list of sentences, each a list of tokens)."""
    state = _QuoteState()
    parts: list[str] = []
    length = 0
    token_spans: list[tuple[tuple[int, int], ...]] = []
    sentence_spans: list[tuple[int, int]] = []
    glue_next = True  # no space before the very first token
    headings = _headings(sentences)

    flat: list[str] = [token for sentence in sentences for token in sentence]
    position = 0  # index of the current token in ``flat``
    for index, sentence in enumerate(sentences):
        spans: list[tuple[int, int]] = []
        start_of_sentence = length
        for t, token in enumerate(sentence):
            previous = flat[position - 1] if position > 0 else None
            following = flat[position + 1] if position + 1 < len(flat) else None
            space_before, glue_after = state.decide(token, previous, following)
            if t == 0 and length > 0 and (headings[index] or (index > 0 and headings[index - 1])):
                separator = PARAGRAPH_BREAK
            elif length == 0 or glue_next or not space_before:
                separator = ""
            else:
                separator = " "
            if separator:
                parts.append(separator)
                length += len(separator)
            if t == 0:
                start_of_sentence = length
            spans.append((length, length + len(token)))
            parts.append(token)
            length += len(token)
            glue_next = glue_after
            position += 1
        token_spans.append(tuple(spans))
        sentence_spans.append((start_of_sentence, length) if sentence else (length, length))
    return Detokenized("".join(parts), tuple(token_spans), tuple(sentence_spans))


def detokenize_sentence(tokens: Sequence[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """One sentence's text and token spans."""
    result = detokenize([tokens])
    return result.text, result.token_spans[0]


def _headings(sentences: Sequence[Sequence[str]]) -> list[bool]:
    flags = []
    for index, sentence in enumerate(sentences):
        following = sentences[index + 1] if index + 1 < len(sentences) else None
        flags.append(
            0 < len(sentence) <= HEADING_MAX_TOKENS
            and not _SENTENCE_END.search(sentence[-1])
            and _WORD.search(sentence[-1]) is not None  # not a stray „ or ( split off
            and following is not None
            and bool(following)
            and (following[0][:1].isupper() or following[0][:1].isdigit())
        )
    return flags


class _QuoteState:
    """Which quotation marks are open, to tell an opening mark from a closing one."""

    def __init__(self) -> None:
        self.open: list[str] = []

    def _close(self, *marks: str) -> bool:
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth] in marks:
                del self.open[depth:]
                return True
        return False

    def decide(self, token: str, previous: str | None, following: str | None) -> tuple[bool, bool]:
        """(space before the token?, glue the next token to it?)."""
        if token in ("„", "‚"):
            self.open.append(token)
            return True, True
        if token in ("«", "»"):
            other = "»" if token == "«" else "«"
            if self._close(other):
                return False, False
            self.open.append(token)
            return True, True
        if token == "“":
            if self._close("„"):
                return False, False
            if following is not None and _WORD.match(following):
                self.open.append("“")  # English-style “...”
                return True, True
            return False, False
        if token == "”":
            self._close("“", "„")
            return False, False
        if token in ('"', "''"):
            if self._close(token):
                return False, False
            if following is None or _CLOSING.fullmatch(following):
                return False, False  # an unpaired mark before punctuation closes
            self.open.append(token)
            return True, True
        if token == "‘":
            if self._close("‚"):
                return False, False
            return True, True  # elision or English opening: ‘Adi
        if token == "'":
            if self._close("'"):
                return False, False
            if previous and previous[-1:] in "sxzß" and following and _WORD.match(following):
                return False, False  # genitive apostrophe: Lenz' Betriebsratskollegen
            self.open.append("'")
            return True, True
        if token in ("’", "´", "`"):
            if following in ("s", "n", "t") or (
                previous and len(previous) == 1 and previous.isupper()
            ):
                return False, True  # Moody’s, O’Keefe
            if self._close("‚"):
                return False, False
            if previous is None or (
                following and following[:1].isupper() and previous[:1].islower()
            ):
                return True, True  # ’Ndrangheta
            return False, False
        if token == "/":
            return False, True
        if token in _OPENING:
            return True, True
        if _CLOSING.fullmatch(token) or token in ("...", "..", "....", "…"):
            return False, False
        return True, False
