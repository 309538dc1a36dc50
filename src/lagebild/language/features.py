"""Lexical features for the statistical NER: what the gazetteers know about each token.

The spaCy model hashes one extra token attribute (the ``LEMMA`` slot, which the NER does not
otherwise need) holding a feature string from this module: a gazetteer match with its type and
position (``B-LOC``, ``I-PER``), a genitive of a gazetteer name (``G-LOC`` for "Russlands"),
or membership in the first-name, surname and town lists (``FIRST``, ``LAST``). Training and
prediction call the same function, so the model learns how far to trust the lists.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Sequence

from lagebild.language import gazetteer

NONE = "_"


@lru_cache(maxsize=1)
def name_lists() -> dict[str, frozenset[str]]:
    text = resources.files("lagebild.language").joinpath("data/names_de.txt").read_text(
        encoding="utf-8"
    )
    lists: dict[str, set[str]] = {}
    current = "FIRST"
    for line in text.splitlines():
        if not line.strip() or line.startswith("# "):
            continue
        if line.startswith("## "):
            current = line[3:].strip()
            continue
        lists.setdefault(current, set()).add(line.strip())
    return {key: frozenset(values) for key, values in lists.items()}


@lru_cache(maxsize=1)
def _single_tokens() -> dict[str, str]:
    table, _ = gazetteer.index()
    singles = {key[0]: entry.type for key, entry in table.items() if len(key) == 1}
    for city in name_lists().get("CITY", ()):
        singles.setdefault(city, "LOC")
    return singles


def token_features(words: Sequence[str]) -> list[str]:
    """One feature string per word (``"_"`` where nothing is known)."""
    features = [NONE] * len(words)
    for first, last, entry in gazetteer.find(list(words)):
        features[first] = "B-" + entry.type
        for i in range(first + 1, last):
            features[i] = "I-" + entry.type
    lists = name_lists()
    firsts, lasts = lists.get("FIRST", frozenset()), lists.get("LAST", frozenset())
    singles = _single_tokens()
    for i, word in enumerate(words):
        if features[i] != NONE or not word[:1].isupper():
            continue
        kind = singles.get(word)
        if kind is not None:
            features[i] = "B-" + kind
        elif word in firsts:
            features[i] = "FIRST"
        elif word in lasts:
            features[i] = "LAST"
        elif word.endswith("s") and len(word) > 3:
            kind = singles.get(word[:-1])
            if kind is not None:
                features[i] = "G-" + kind
    return features
