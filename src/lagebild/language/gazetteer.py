"""Gazetteers: names the language layer knows without a model, and their canonical forms.

Two sources: Babel's CLDR German territory names (countries and world regions, shipped with
the Babel package) and ``data/gazetteer_de.txt``, a curated list written for this project
(cities and regions in the news, news agencies, international organisations, parties,
ministries, people in the news). Each curated line may list spellings of the same entity
(``Kiew = Kyjiw | Kyiv``); entity resolution uses those as its exonym table. Lines marked ``?``
are common words as well ("Welt", "Union"): they name entities for resolution but are never
matched in text on the gazetteer's word alone. A spelling marked ``*`` is a generic word that
names the entity only when nothing qualifies it (``UN-Sicherheitsrat = Sicherheitsrat*``: "der
Sicherheitsrat" is the UN's, "der ukrainische Sicherheitsrat" is not; see :func:`is_generic`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from lagebild.language import de
from lagebild.language.tokenize import token_spans

# CLDR region names that are common words or too vague to be a place mention in news.
_CLDR_SKIP = frozenset({"Welt", "Eurozone", "Äußeres Ozeanien", "Unbekannte Region"})
# CLDR codes that are organisations, not places.
_CLDR_ORG = {"EU": "EU", "UN": "Vereinte Nationen"}


@dataclass(frozen=True, slots=True)
class Entry:
    name: str  # a surface form
    type: str  # PER, LOC, ORG, OTH
    canonical: str  # the entity's canonical name (first name on its gazetteer line)
    ambiguous: bool = False  # a common word too: never matched on its own
    source: str = "curated"  # curated, cldr
    generic: bool = False  # names the entity only unqualified ("Sicherheitsrat*")


def _read_curated() -> list[Entry]:
    entries: list[Entry] = []
    text = resources.files("lagebild.language").joinpath("data/gazetteer_de.txt").read_text(
        encoding="utf-8"
    )
    current = "LOC"
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("# "):
            continue
        if line.startswith("## "):
            current = line[3:].strip()
            continue
        ambiguous = line.startswith("?")
        line = line.lstrip("?")
        names = [part.strip() for part in line.replace("=", "|").split("|") if part.strip()]
        canonical = names[0].rstrip("*")
        for name in names:
            generic = name.endswith("*")
            entries.append(Entry(name.rstrip("*"), current, canonical, ambiguous, generic=generic))
    return entries


def _read_cldr() -> list[Entry]:
    from babel import Locale

    entries = []
    for code, name in Locale("de").territories.items():
        if name in _CLDR_SKIP or "(" in name or len(name) > 40:
            continue
        if code in _CLDR_ORG:
            entries.append(Entry(name, "ORG", _CLDR_ORG[code], False, "cldr"))
            continue
        entries.append(Entry(name, "LOC", name, False, "cldr"))
    entries.extend(_read_cldr_cities())
    return entries


def _read_cldr_cities() -> list[Entry]:
    """World cities: CLDR time-zone exemplar cities in German ("Kairo", "Los Angeles")."""
    from zoneinfo import available_timezones

    from babel.dates import get_timezone_location

    entries, seen = [], set()
    for zone in sorted(available_timezones()):
        if "/" not in zone or zone.startswith(("Etc/", "SystemV/", "US/", "Canada/")):
            continue
        try:
            city = get_timezone_location(zone, locale="de", return_city=True)
        except (LookupError, ValueError):  # zones Babel does not know
            continue
        if "/" in city or city in seen or len(city) < 3 or city in _CLDR_SKIP:
            continue
        seen.add(city)
        entries.append(Entry(city, "LOC", city, False, "cldr"))
    return entries


@lru_cache(maxsize=1)
def entries() -> tuple[Entry, ...]:
    """Every gazetteer entry; curated lines win over CLDR where both name the same thing."""
    curated = _read_curated()
    seen = {entry.name for entry in curated}
    return tuple(curated + [e for e in _read_cldr() if e.name not in seen])


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(e.name for e in entries() if e.generic)


def is_generic(name: str) -> bool:
    """Whether ``name`` is a generic word the gazetteer links to one entity only unqualified
    ("Sicherheitsrat", "Verteidigungsministerium")."""
    return name in _generic()


def _key(name: str) -> tuple[str, ...]:
    return tuple(name[a:b] for a, b in token_spans(name, de.RULES))


@lru_cache(maxsize=1)
def index() -> tuple[dict[tuple[str, ...], Entry], int]:
    """Token-tuple index of the matchable entries and the longest entry in tokens."""
    table: dict[tuple[str, ...], Entry] = {}
    longest = 1
    for entry in entries():
        if entry.ambiguous:
            continue
        key = _key(entry.name)
        if key and key not in table:
            table[key] = entry
            longest = max(longest, len(key))
    return table, longest


@lru_cache(maxsize=1)
def canonical_names() -> dict[str, Entry]:
    """Lower-cased surface form -> entry, for entity resolution (ambiguous ones included)."""
    table: dict[str, Entry] = {}
    for entry in entries():
        table.setdefault(entry.name.lower(), entry)
    return table


def find(words: list[str]) -> list[tuple[int, int, Entry]]:
    """Longest gazetteer matches over a token list: ``(first, last_exclusive, entry)``."""
    table, longest = index()
    found = []
    i, n = 0, len(words)
    while i < n:
        word = words[i]
        if not word[:1].isupper():
            i += 1
            continue
        for length in range(min(longest, n - i), 0, -1):
            entry = table.get(tuple(words[i : i + length]))
            if entry is not None:
                found.append((i, i + length, entry))
                i += length
                break
        else:
            i += 1
    return found
