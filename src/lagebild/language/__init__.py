"""The language layer: tokens, sentences, lemmas and named-entity mentions of one document.

:func:`parse` is the one entry point every extractor reads from. The work is split into one
module per language (``de`` now; an ``en`` sibling only needs the same four names: ``CODE``,
``RULES``, ``lemma`` and ``recognize``); the tokeniser and sentence splitter in
:mod:`lagebild.language.tokenize` are shared.
"""

from __future__ import annotations

import importlib
from bisect import bisect_right
from types import ModuleType
from typing import Protocol, Sequence

from lagebild.errors import ModelError
from lagebild.language.tokenize import TokenizerRules, sentence_bounds, token_spans
from lagebild.model import Document, Mention, Parsed, Segment, Sentence, Token

__all__ = ["LanguageModule", "parse", "get_language", "SUPPORTED", "DEFAULT_LANGUAGE"]

SUPPORTED = ("de",)
DEFAULT_LANGUAGE = "de"


class LanguageModule(Protocol):
    """What a language module provides (``lagebild.language.de`` is the template)."""

    CODE: str
    RULES: TokenizerRules

    def lemma(self, word: str) -> str: ...

    def recognize(
        self,
        text: str,
        document_id: str,
        tokens: Sequence[tuple[int, int]],
        sentences: Sequence[tuple[int, int]],
    ) -> tuple[Mention, ...]: ...


_MODULES: dict[str, ModuleType] = {}


def get_language(code: str) -> LanguageModule:
    """The language module for an ISO 639-1 code ("de", "de-AT" -> German)."""
    key = (code or DEFAULT_LANGUAGE).split("-")[0].split("_")[0].lower()
    module = _MODULES.get(key)
    if module is None:
        if key not in SUPPORTED:
            raise ModelError(
                f"no language module for {code!r}; supported: {', '.join(SUPPORTED)}. "
                "Set the document language or add a module under lagebild/language/."
            )
        module = importlib.import_module(f"lagebild.language.{key}")
        _MODULES[key] = module
    return module  # type: ignore[return-value]


def parse(
    document: Document, segments: Sequence[Segment] = (), *, with_entities: bool = True
) -> Parsed:
    """Tokens, sentences (never crossing a segment boundary) and mentions of ``document``.

    Documents in a language without a module are parsed with the default (German) rules, so
    that sentence-based extractors still work; ``Parsed.language`` says which rules were used.
    """
    code = (document.language or DEFAULT_LANGUAGE).split("-")[0].lower()
    language = get_language(code if code in SUPPORTED else DEFAULT_LANGUAGE)
    text = document.text
    spans = token_spans(text, language.RULES)
    ordered = sorted(segments, key=lambda s: s.start)
    seg_starts = [s.start for s in ordered]
    ranges = sentence_bounds(text, spans, language.RULES, breaks=seg_starts)

    lemma = language.lemma
    n = len(spans)
    tokens = []
    for i, (start, end) in enumerate(spans):
        word = text[start:end]
        space_after = i + 1 < n and spans[i + 1][0] > end or i + 1 == n and end < len(text)
        tokens.append(Token(start, end, word, lemma(word), space_after))

    sentences = []
    for i, (first, last) in enumerate(ranges):
        start, end = spans[first][0], spans[last - 1][1]
        segment_id = None
        if ordered:
            k = bisect_right(seg_starts, start) - 1
            if k >= 0 and start < ordered[k].end:
                segment_id = ordered[k].id
        sentences.append(Sentence(f"{document.id}-t{i}", document.id, start, end, segment_id))

    mentions: tuple[Mention, ...] = ()
    if with_entities and spans:
        mentions = language.recognize(text, document.id, spans, ranges)
    return Parsed(
        document_id=document.id,
        language=language.CODE,
        tokens=tuple(tokens),
        sentences=tuple(sentences),
        sentence_tokens=tuple(ranges),
        mentions=mentions,
    )
