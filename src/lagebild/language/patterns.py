"""Role patterns around person names: "Kreml-Sprecher Dmitri Peskow", "Pistorius (SPD)".

Pure functions over token lists. A role word is a capitalised token whose last part is a role
noun (``Sprecher``, ``Präsident``, ``Verteidigungsminister``); a compound's first part names
the affiliation where the gazetteer knows it as an organisation or place ("SPD-Chef",
"Kreml-Sprecher", "US-Präsident"). A short name in parentheses right after a person is the
person's party or organisation ("Boris Pistorius (SPD)").

The shapes of names around them live here too, as hooks of :mod:`lagebild.language.ner`:
hyphenated building names are places ("Çırağan-Palast"), a capitalised adjective mid-sentence
before an organisation word names an organisation ("des Nationalen Sicherheitsrats"), model
spans lose a leading role word and are split where "und" joins two names, a generic gazetteer
word keeps its national qualifier ("der ukrainische Sicherheitsrat" is not the UN's), and lone
dictionary nouns in common-noun contexts ("jeder weitere Schauer") are no people.
"""

from __future__ import annotations

import re
from typing import Sequence

_ROLE_HEADS = (
    "präsident präsidentin kanzler kanzlerin minister ministerin sprecher sprecherin chef chefin"
    " berater beraterin botschafter botschafterin gesandte gesandter sekretär sekretärin"
    " bürgermeister bürgermeisterin gouverneur gouverneurin vorsitzende vorsitzender"
    " abgeordnete abgeordneter senator senatorin general generalin kommandeur befehlshaber"
    " premier premierministerin regierungschef regierungschefin staatschef staatschefin"
    " beauftragte beauftragter kommissar kommissarin papst könig königin prinz prinzessin"
    " richter richterin staatsanwalt staatsanwältin anwalt anwältin trainer trainerin direktor"
    " direktorin leiter leiterin oppositionsführer oppositionsführerin diktator machthaber"
    " oberbürgermeister oberbürgermeisterin kandidat kandidatin spitzenkandidat"
    " spitzenkandidatin unterhändler unterhändlerin verhandlungsführer verhandlungsführerin"
    " ministerpräsident ministerpräsidentin außenbeauftragte vizepräsident vizepräsidentin"
    " vizekanzler vizekanzlerin ceo gründer gründerin brandmeister meteorologe meteorologin"
    " stürmer stürmerin torjäger torjägerin torhüter torhüterin gesandten"
).split()
_ROLE = re.compile(r"(?:" + "|".join(sorted(_ROLE_HEADS, key=len, reverse=True)) + r")$")
_AFFILIATION = re.compile(r"^[A-ZÄÖÜ][\wÄÖÜäöüß/\-]{0,30}$")
AFFILIATION_MAX_TOKENS = 3  # "(Bündnis 90/Die Grünen)" is the longest in German politics


def is_role(word: str) -> bool:
    """Whether ``word`` names a role ("Kreml-Sprecher", "Verteidigungsminister", "Präsident")."""
    return bool(word[:1].isupper() and _ROLE.search(word.lower()))


def role_before(words: Sequence[str], first: int) -> str | None:
    """The role word right before a person name at ``first`` ("US-Präsident Donald Trump")."""
    if first > 0 and is_role(words[first - 1]):
        return words[first - 1]
    return None


def affiliation_from_role(role: str, known: dict[str, str]) -> str | None:
    """"SPD" from "SPD-Chef", "Kreml" from "Kreml-Sprecher" where the prefix is a known name."""
    if "-" not in role:
        return None
    prefix = role.rsplit("-", 1)[0]
    return prefix if known.get(prefix) in {"ORG", "LOC"} else None


def affiliation_after(words: Sequence[str], last: int) -> tuple[str, int] | None:
    """The parenthesised party after a name ending at ``last``: ("SPD", tokens used) or None."""
    if last >= len(words) or words[last] != "(":
        return None
    for size in range(1, AFFILIATION_MAX_TOKENS + 1):
        close = last + 1 + size
        if close < len(words) and words[close] == ")":
            inner = words[last + 1 : close]
            if all(_AFFILIATION.match(w) or w in {"/", "90"} for w in inner):
                return " ".join(inner), size + 2
            return None
    return None


# ------------------------------------------------------------------ span shapes around names
# Heads of hyphenated building and place names: "Çırağan-Palast", "Tegel-Flughafen",
# "Julius-Leber-Kaserne" are places (GermEval: LOC), whatever the first part is.
_PLACE_HEADS = (
    "Palast Palais Schloss Kaserne Flughafen Airport Bahnhof Hauptbahnhof Hafen Kathedrale"
    " Moschee Kirche Basilika Dom Münster Synagoge Tempel Kloster Burg Festung Stadion Arena"
    " Brücke Platz Turm Tor Kanal Straße Allee Damm Park Viertel Gebirge Tal Insel Halbinsel"
).split()
_PLACE_NAME = re.compile(
    r"^[A-ZÄÖÜÇŞ][^\W\d_]*(?:-[A-ZÄÖÜÇŞ][^\W\d_]*)*-(?:" + "|".join(_PLACE_HEADS) + r")$"
)
# Determiners before a common noun: "eine Bundeswehr-Kaserne" is no name.
_INDEFINITE = frozenset(
    "ein eine einen einem einer eines kein keine keinen keinem keiner jeder jede jedes jeden"
    " jedem manche mancher mehrere einige viele alle beide beiden zwei drei weitere".split()
)
_DETERMINERS = _INDEFINITE | frozenset(
    "der die das den dem des dieser diese dieses diesen diesem jener jene solche solcher".split()
)
# Capitalised adjectives that belong to an organisation's name mid-sentence ("des Nationalen
# Sicherheitsrats", "der Vereinten Nationen"), never lower-case adjectives ("der ukrainische").
_NAME_ADJECTIVE = re.compile(
    r"^(?:[a-zäöü]*(?:isch|national)|deutsch|vereinigt|vereint|königlich|kaiserlich|föderal"
    r"|zentral|oberst)(?:e|en|er|es|em)$"
)
# A lower-case adjective of nation or state before a generic organisation word: "der
# ukrainische Sicherheitsrat", "das russische Verteidigungsministerium", "der Nationale ...".
_QUALIFIER = re.compile(r"^[a-zäöü]*(?:isch|deutsch|national)(?:e|en|er|es|em)$")
_COORDINATION = frozenset({"und", "sowie", "oder"})


def place_names(words: Sequence[str]) -> list[tuple[int, int]]:
    """Hyphenated building and place names ("Çırağan-Palast"): ``(first, last_exclusive)``."""
    return [
        (i, i + 1)
        for i, word in enumerate(words)
        if _PLACE_NAME.match(word) and not (i and words[i - 1].lower() in _INDEFINITE)
    ]


def is_place_name(word: str) -> bool:
    return bool(_PLACE_NAME.match(word))


def split_coordination(words: Sequence[str], first: int, last: int) -> list[tuple[int, int]]:
    """A span that joins two names with "und"/"sowie"/"oder" ("Houston und Corpus Christi") as
    its parts; a span holding other lower-case words ("Ministerium für Umwelt und Naturschutz")
    is one name and stays whole (so do names the gazetteer knows, checked by the caller)."""
    inner = [i for i in range(first + 1, last - 1) if words[i] in _COORDINATION]
    if not inner:
        return [(first, last)]
    if any(not w[:1].isupper() and not w[:1].isdigit() and w not in _COORDINATION
           for w in words[first:last]):
        return [(first, last)]
    parts, start = [], first
    for i in inner:
        parts.append((start, i))
        start = i + 1
    parts.append((start, last))
    if any(b <= a or not words[a][:1].isupper() or words[b - 1].endswith("-") for a, b in parts):
        return [(first, last)]  # "Volks- und Raiffeisenbanken" is one name
    return parts


def name_adjective(word: str) -> bool:
    """A capitalised adjective that, mid-sentence, is part of the name after it ("Nationalen")."""
    return word[:1].isupper() and word.isalpha() and bool(_NAME_ADJECTIVE.match(word.lower()))


def qualifier_before(words: Sequence[str], first: int) -> str | None:
    """The lower-case adjective of nation before a name ("ukrainische" in "der ukrainische
    Sicherheitsrat"), which makes a generic organisation word a national body."""
    if first > 0 and _QUALIFIER.match(words[first - 1]):
        return words[first - 1]
    return None


def after_determiner(words: Sequence[str], first: int, adjectives: int = 2) -> bool:
    """Whether a determiner, perhaps with lower-case adjectives, comes right before ``first``:
    "jeder weitere Schauer", "die Keller" (a person's name takes none)."""
    i = first - 1
    while i >= 0 and first - i <= adjectives and _adjective(words[i]):
        i -= 1
    return i >= 0 and words[i].lower() in _DETERMINERS


def _adjective(word: str) -> bool:
    """An inflected lower-case adjective ("weitere", "transatlantische"), not a verb ("sagte":
    its base form is an infinitive)."""
    import simplemma

    if not word[:1].islower() or word in _DETERMINERS or not word.endswith(("e", "en", "er", "es", "em")):
        return False
    return not simplemma.lemmatize(word, lang="de").endswith("n")


# Kinds of road that are no names on their own ("die Kreisstraße zwischen A und B"; the
# road's name is its number, "B 96"), whatever the model says.
_GENERIC_PLACES = frozenset(
    "autobahn bundesautobahn bundesstraße landesstraße landstraße staatsstraße kreisstraße"
    " gemeindestraße schnellstraße umgehungsstraße ortsumgehung".split()
)


def is_generic_place(word: str) -> bool:
    """A kind of road, in any case ending: "Kreisstraße", "Bundesstraßen"."""
    lower = word.lower()
    return lower in _GENERIC_PLACES or lower.rstrip("n") in _GENERIC_PLACES


# Heads of organisation names after a capitalised adjective: "des Nationalen Sicherheits- und
# Verteidigungsrats", "des Deutschen Wetterdienstes", "der Zentralen Ausländerbehörde".
_ORG_HEAD = re.compile(
    r"(?:rat|amt|ministerium|behörde|komitee|kommission|gericht|gerichtshof|bank|dienst|bund"
    r"|verband|partei|versammlung|agentur|institut|stiftung|akademie|gesellschaft|organisation"
    r"|konferenz|parlament|senat|kammer)(?:e|es|s|en|n)?$"
)


def organisation_names(words: Sequence[str], starts: set[int]) -> list[tuple[int, int]]:
    """A capitalised adjective mid-sentence before a noun with an organisation's head, perhaps
    coordinated ("Nationalen Sicherheits- und Verteidigungsrat"): ``(first, last_exclusive)``."""
    found = []
    n = len(words)
    for i in range(1, n - 1):
        if i in starts or not name_adjective(words[i]):
            continue
        j = i + 1
        if j + 2 < n and words[j].endswith("-") and words[j + 1] in _COORDINATION:
            j += 2  # "Sicherheits- und"
        if j < n and j not in starts and words[j][:1].isupper() and words[j].isalpha() \
                and _ORG_HEAD.search(words[j].lower()):
            found.append((i, j + 1))
    return found


# ------------------------------------------------------------ fixes to the cascade's spans
# Hooks of lagebild.language.ner: spans are (first, last_exclusive, label, source) over the
# document's tokens, ``taken`` marks the tokens inside a span.


def model_span_parts(words: Sequence[str], first: int, last: int, label: str) -> list[tuple[int, int, str]]:
    """A model span as the names it holds: without a leading role word ("Kreisbrandmeister
    [Holger Wendt]"), split at "und" where it joins two names ("Houston und Corpus Christi";
    never titles of works, OTH, nor names the gazetteer knows), a gazetteer name the model calls
    a part ("UN-Sicherheitsrat", ORGpart) as the name, a hyphenated building name as a place."""
    from lagebild.language import gazetteer

    known, _ = gazetteer.index()
    if label == "PER" and last - first > 1 and is_role(words[first]):
        first += 1
    if last - first > 1 and words[first] in _CALENDAR_WORDS:
        first += 1  # "im Mai und [Juni Kiews] Verhandlungsführer": a month is no part of a name
        if last - first == 1:
            word = words[first]
            entry = known.get((word,)) or (known.get((word[:-1],)) if word.endswith("s") else None)
            if entry is not None:
                label = entry.type  # "Kiews": the gazetteer's place, in the genitive
    whole = label == "OTH" or tuple(words[first:last]) in known
    parts = [(first, last)] if whole else split_coordination(words, first, last)
    out = []
    for a, b in parts:
        entry, kind = known.get(tuple(words[a:b])), label
        if entry is not None and label.endswith("part"):
            kind = entry.type
        if b - a == 1 and is_place_name(words[a]):
            kind = "LOC"
        out.append((a, b, kind))
    return out


_CALENDAR_WORDS = frozenset(
    """Januar Februar März April Mai Juni Juli August September Oktober November Dezember
    Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag""".split())


def clear_model_pieces(spans: list, taken: list[bool], first: int, last: int) -> None:
    """Make room for a pattern's span over ``first:last`` where only model spans lie inside it
    ("des [Deutschen]LOCderiv Wetterdienstes" -> "des [Deutschen Wetterdienstes]ORG")."""
    inside = [s for s in spans if first <= s[0] and s[1] <= last and s[3] == "model"]
    if inside and sum(taken[first:last]) == sum(s[1] - s[0] for s in inside):
        for span in inside:
            spans.remove(span)
            taken[span[0] : span[1]] = [False] * (span[1] - span[0])


def qualified_name(words: Sequence[str], first: int, last: int, normal: str, places: dict[int, str]) -> str:
    """The base form under which a generic gazetteer word resolves: itself where nothing
    qualifies it ("der Sicherheitsrat": the UN's), else with its qualifier ("ukrainische
    Sicherheitsrat", "Sicherheitsrat der Ukraine"); ``places`` maps a place's first token to it."""
    from lagebild.language import gazetteer

    if not gazetteer.is_generic(normal):
        return normal
    qualifier = qualifier_before(words, first)
    if qualifier:
        return f"{qualifier} {normal}"
    if last + 1 < len(words) and words[last] in ("der", "des") and last + 1 in places:
        return f"{normal} {words[last]} {places[last + 1]}"
    return normal


def adjust_edges(words: Sequence[str], spans: list, taken: list[bool], starts: set[int]) -> None:
    """Span edges the cascade gets wrong, fixed in place: a person's known first name left
    outside ("Rustem [Umjerow]") and a capitalised adjective of an organisation's name
    mid-sentence ("des [Nationalen] Sicherheitsrats") join the name; a kind of road is no place
    ("die Kreisstraße"); a lone dictionary noun called a person after a determiner ("jeder
    weitere Schauer") or opening a list of things ("setzte Keller, Straßen und ...") is no name,
    unless the document names someone so or the gazetteer knows the name."""
    from lagebild.language import gazetteer

    first_names = _first_names()
    surnames = {words[b - 1] for a, b, label, _ in spans if label == "PER" and b - a > 1}
    for k, (first, last, label, source) in enumerate(spans):
        before = first - 1
        if first == 0 or taken[before] or first in starts:
            continue
        word = words[before]
        if (label == "PER" and word in first_names and word.isalpha() and not _dictionary(word)) or (
            label == "ORG" and before not in starts and name_adjective(word)
        ):
            spans[k] = (before, last, label, source)
            taken[before] = True
    for k, (first, last, label, source) in enumerate(spans):
        # "Ministerpräsident [Jonas Gahr] Støre erklärte": after a role word, a capitalised word
        # that no dictionary knows, right before the clause goes on, ends the name.
        if label != "PER" or first == 0 or not is_role(words[first - 1]) or last + 1 >= len(words):
            continue
        word, after = words[last], words[last + 1]
        if (not taken[last] and word[:1].isupper() and word.isalpha() and not _dictionary(word)
                and not after[:1].isupper()):
            spans[k] = (first, last + 1, label, source)
            taken[last] = True
    names = gazetteer.canonical_names()
    for span in list(spans):
        first, last, label, source = span
        if label == "LOC" and last - first == 1 and is_generic_place(words[first]):
            spans.remove(span)
            taken[first] = False
            continue
        if label != "PER" or last - first != 1 or source not in ("model", "consistency"):
            continue
        word = words[first]
        bare = word[:-1] if word.endswith(("s", "'", "’")) else word
        if (word in surnames or word in first_names or not _dictionary(word)
                or word.lower() in names or bare.lower() in names):
            continue
        if after_determiner(words, first) or _opens_list_of_things(words, first, taken):
            spans.remove(span)
            taken[first] = False


def _dictionary(word: str) -> bool:
    import simplemma

    return simplemma.is_known(word, lang="de")


def _opens_list_of_things(words: Sequence[str], i: int, taken: list[bool]) -> bool:
    """Whether ``words[i]`` opens a list whose next item ("Keller, Straßen und ...", "Keller
    und Straßen") is an untagged capitalised dictionary word that no name list knows."""
    from lagebild.language.features import name_lists

    j = i + 2
    if j >= len(words) or taken[j] or not (words[j][:1].isupper() and words[j].isalpha()):
        return False
    listed = words[i + 1] in _COORDINATION or (
        words[i + 1] == "," and j + 1 < len(words) and words[j + 1] in {",", "und", "oder"})
    if not listed or not _dictionary(words[j]):
        return False
    return not any(words[j] in names for names in name_lists().values())


_FIRST_NAMES: frozenset[str] | None = None


def _first_names() -> frozenset[str]:
    """First names of the name lists and of the people in the gazetteer ("Rustem")."""
    global _FIRST_NAMES
    if _FIRST_NAMES is None:
        from lagebild.language import gazetteer
        from lagebild.language.features import name_lists

        people = {e.canonical.split()[0] for e in gazetteer.entries()
                  if e.type == "PER" and " " in e.canonical}
        _FIRST_NAMES = frozenset(name_lists().get("FIRST", frozenset()) | people)
    return _FIRST_NAMES
