"""Entity resolution across documents: one entity per real person, organisation or place.

Mentions are matched to entities through a key index (blocking), never by scanning all
entities. The key of a name folds spelling variants and transliterations together
(:func:`name_key`: Selenskyj / Selenski / Zelensky / Zelenskyy -> ``selenski``; Umerov /
Umerow / Umjerow -> ``umerov``); exonyms and other spellings the key cannot fold come from the
gazetteer's alias lines (Kiew / Kyiv, Türkei / Türkiye, Moskau / Moscow). Within a block,
rapidfuzz similarity decides near misses.

People are matched on their surname, then their first names must agree: "Vitali Klitschko"
and "Wladimir Klitschko" stay apart, "Peskow" joins "Dmitri Peskow". A surname alone that
fits several people goes to the one mentioned in the same document, else stays on its own.

Within one document (:func:`_document_redirects`), a lone first name joins the one person of
the document who carries it ("Wladimir" with "Wladimir Putin"; with two Wladimirs it stays on
its own), and an abbreviation in parentheses right after a name is that name ("Deutscher
Wetterdienst (DWD)"), as are its other mentions in the document, and a name of several words
the document calls both place and organisation ("Fortuna Lindenau") takes one type. A place
mention of a name the gazetteer lists as an organisation ("Kreml", "Pentagon") is that
organisation. Names of several words also match without their case endings (:func:`_stem_key`:
"Deutschen Wetterdienstes" = "Deutscher Wetterdienst"); short first names match their full
forms ("Joe" = "Joseph").

Resolution is incremental: ``resolve(later, known=resolve(earlier)[0])`` gives the same
entities and ids as ``resolve(earlier + later)``. Entity ids are ``stable_id("e", type, key)``
with the key of the entity's first mention, so they never change once assigned.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Sequence

from rapidfuzz import fuzz

from lagebild.model import Entity, EntityMention, Mention, stable_id

# Similarity (rapidfuzz ratio, 0-100) of folded keys above which two names in the same block
# are the same; tuned on tests/golden/entity_variants.json.
SURNAME_SIMILARITY = 88
FIRST_NAME_SIMILARITY = 80
NAME_SIMILARITY = 92  # organisations and places: longer names, stricter
BLOCK_PREFIX = 3  # characters of the folded key that form the fuzzy block
# Folded keys remembered: names recur across documents, and each batch folds every form of
# every entity it touches (the entity stage's hottest function, profiled on bench_growth data).
NAME_KEY_CACHE = 1 << 16

# Ordered replacements that fold German, English and French transliterations of Cyrillic,
# Ukrainian and other names into one spelling. Longest first.
_FOLDS = (
    ("schtsch", "sc"), ("shch", "sc"), ("sch", "s"), ("tsch", "c"), ("tch", "c"),
    ("zh", "s"), ("sh", "s"), ("ch", "h"), ("kh", "h"), ("ph", "f"), ("ck", "k"),
    ("je", "e"), ("ye", "e"), ("x", "ks"), ("w", "v"), ("z", "s"), ("c", "k"),
    ("y", "i"), ("j", "i"), ("ie", "i"), ("ou", "u"), ("ff", "v"), ("dt", "t"),
    ("th", "t"), ("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"),
)
_NON_LETTER = re.compile(r"[^a-z0-9 ]+")
_REPEATS = re.compile(r"(.)\1+")
_GENITIVE = ("s", "'", "’")


def _fold_word(word: str) -> str:
    for before, after in _FOLDS[-4:]:  # German letters first, before accents are stripped
        word = word.replace(before, after)
    word = unicodedata.normalize("NFKD", word)
    word = "".join(c for c in word if not unicodedata.combining(c))
    word = _NON_LETTER.sub("", word)
    for before, after in _FOLDS[:-4]:
        word = word.replace(before, after)
    word = word.replace("ue", "u").replace("ae", "a").replace("oe", "o")
    return _REPEATS.sub(r"\1", word)


@lru_cache(maxsize=NAME_KEY_CACHE)
def name_key(name: str) -> str:
    """A spelling- and transliteration-folded key: "Selenskyjs" and "Zelenskyy" differ only
    by the genitive; "Dmitri Peskow" -> "dmitri peskov"."""
    words = re.split(r"[\s\-]+", name.lower().strip())
    return " ".join(w for w in (_fold_word(w) for w in words) if w)


def _alias_canonical() -> dict[str, tuple[str, str]]:
    """Folded key of every gazetteer spelling -> (type, canonical name)."""
    from lagebild.language import gazetteer

    table: dict[str, tuple[str, str]] = {}
    for entry in gazetteer.entries():
        table.setdefault(name_key(entry.name), (entry.type, entry.canonical))
    return table


_ALIASES: dict[str, tuple[str, str]] | None = None


def _aliases() -> dict[str, tuple[str, str]]:
    global _ALIASES
    if _ALIASES is None:
        _ALIASES = _alias_canonical()
    return _ALIASES


@dataclass
class _Builder:
    id: str
    type: str
    first_names: set[str] = field(default_factory=set)  # folded first-name keys
    surnames: set[str] = field(default_factory=set)  # folded surname keys of PER forms
    forms: Counter = field(default_factory=Counter)
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    mentions: list[EntityMention] = field(default_factory=list)
    documents: set[str] = field(default_factory=set)
    gazetteer_name: str | None = None

    def add_form(self, form: str, count: int = 1) -> None:
        self.forms[form] += count

    def name(self) -> str:
        if self.gazetteer_name:
            return self.gazetteer_name
        longest = max(len(form.split()) for form in self.forms)
        full = [f for f in self.forms if len(f.split()) == longest]
        return min(full, key=lambda f: (-self.forms[f], f))

    def freeze(self) -> Entity:
        name = self.name()
        return Entity(
            id=self.id,
            type=self.type,  # type: ignore[arg-type]
            name=name,
            aliases=tuple(sorted(f for f in self.forms if f != name)),
            roles=tuple(dict.fromkeys(self.roles)),
            mentions=tuple(self.mentions),
            affiliations=tuple(dict.fromkeys(self.affiliations)),
        )


class _Index:
    """Blocking indexes from keys to entity builders."""

    def __init__(self) -> None:
        self.entities: dict[str, _Builder] = {}
        self.order: list[str] = []
        self.exact: dict[tuple[str, str], set[str]] = defaultdict(set)  # (type, key) -> ids
        self.surname: dict[str, set[str]] = defaultdict(set)  # PER surname key -> ids
        self.block: dict[tuple[str, str], set[str]] = defaultdict(set)  # (type, prefix) -> ids

    def register(self, builder: _Builder, key: str) -> None:
        if builder.id not in self.entities:
            self.entities[builder.id] = builder
            self.order.append(builder.id)
        self.exact[(builder.type, key)].add(builder.id)
        last = key.split()[-1] if key else key
        if builder.type == "PER":
            first, _ = _person_parts(key)
            if first is None and last in builder.first_names and last not in builder.surnames:
                return  # a lone first name ("Wladimir") never files a person under a surname
            builder.surnames.add(last)
            self.surname[last].add(builder.id)
            self.block[("PER", last[:BLOCK_PREFIX])].add(builder.id)
            if first:
                builder.first_names.add(first)
        else:
            self.block[(builder.type, key[:BLOCK_PREFIX])].add(builder.id)
            stem = _stem_key(key)
            if stem != key:
                self.exact[(builder.type, stem)].add(builder.id)


def _stem_key(key: str) -> str:
    """A name of several words without its German case endings: "Deutschen Wetterdienstes"
    and "Deutscher Wetterdienst" -> "deuts vetterdienst" (folded)."""
    words = key.split()
    if len(words) < 2:
        return key
    stems = [re.sub(r"(?:en|em|er|es|e)$", "", w) if len(w) > 4 else w for w in words[:-1]]
    last = words[-1]
    if len(last) > 5:
        last = re.sub(r"(?:es|s)$", "", last)
    return " ".join(stems + [last])


# ----------------------------------------------------------------- keys of a persisted index
# The store keeps the blocking index as (key, entity id) rows (lagebild.corpus.entity_pass), so
# adding a document loads only the entities its mentions can match. The key strings name the
# three indexes of :class:`_Index`: exact (type, key), PER surname, and the fuzzy block.


def _register_keys(type_: str, key: str) -> set[str]:
    """The index keys :meth:`_Index.register` files an entity of this type under for ``key``."""
    out = {f"x\t{type_}\t{key}"}
    last = key.split()[-1] if key else key
    if type_ == "PER":
        out.add(f"s\t{last}")
        out.add(f"b\tPER\t{last[:BLOCK_PREFIX]}")
    else:
        out.add(f"b\t{type_}\t{key[:BLOCK_PREFIX]}")
        out.add(f"x\t{type_}\t{_stem_key(key)}")
    return out


def index_keys(type_: str, forms: Iterable[str]) -> set[str]:
    """Every index key of an entity with these surface forms (a person's lone first name, as
    :meth:`_Index.register`, under none but its exact key)."""
    keys = [k for k in (name_key(form) for form in forms) if k]
    firsts, surnames = set(), set()
    if type_ == "PER":
        for key in keys:
            first, last = _person_parts(key)
            if first:
                firsts.add(first)
                surnames.add(last)
    out: set[str] = set()
    for key in keys:
        if type_ == "PER" and " " not in key and key in firsts and key not in surnames:
            out.add(f"x\t{type_}\t{key}")
            continue
        out |= _register_keys(type_, key)
    return out


def _mention_key(mention: Mention) -> tuple[str, str, str | None, str]:
    """(surface form, folded key, gazetteer canonical name, type) of a mention, as resolution
    sees it: a place mention of a name the gazetteer lists as an organisation ("Kreml" as a
    place by the model) is that organisation."""
    form = _surface(mention)
    key = name_key(form)
    type_ = mention.type
    if not key:
        return form, key, None, type_
    aliases = _aliases()
    alias = aliases.get(key) or aliases.get(_strip_genitive(key))
    gazetteer_name = None
    if alias and alias[0] == "ORG" and type_ == "LOC":
        type_ = "ORG"
    if alias and alias[0] == type_:
        gazetteer_name = alias[1]
        if type_ != "PER":
            key = name_key(gazetteer_name)  # exonyms share the canonical's key
    return form, key, gazetteer_name, type_


def probe_keys(mention: Mention) -> tuple[set[str], set[str]]:
    """(index keys, entity ids) under which the entities this mention may join are filed: every
    lookup resolution makes for it, plus the id a new entity of it would take."""
    _, key, _, type_ = _mention_key(mention)
    if not key:
        return set(), set()
    ids = {stable_id("e", type_, key)}
    if type_ == "PER":
        _, surname = _person_parts(key)
        return ({f"s\t{surname}", f"s\t{_strip_genitive(surname)}",
                 f"b\tPER\t{surname[:BLOCK_PREFIX]}"}, ids)
    return ({f"x\t{type_}\t{key}", f"x\t{type_}\t{_strip_genitive(key)}",
             f"x\t{type_}\t{_stem_key(key)}", f"b\t{type_}\t{key[:BLOCK_PREFIX]}"}, ids)


# Name particles belong to the surname, never count as a first name: "von der Leyen".
_PARTICLES = frozenset("von van der den de da di du al el bin ibn zu la le ter ten".split())


def _person_parts(key: str) -> tuple[str | None, str]:
    """(first-name key or None, surname key) of a folded person name."""
    parts = key.split()
    firsts = [p for p in parts[:-1] if p not in _PARTICLES]
    return (firsts[0] if firsts else None), parts[-1]


def _strip_genitive(key: str) -> str:
    return key[:-1] if key.endswith("s") and len(key) > 4 else key


# Short forms of first names in international news ("Joe Biden" is "Joseph Biden"), folded.
_SHORT_FIRST_NAMES = {
    name_key(short): name_key(full)
    for short, full in (
        ("Joe", "Joseph"), ("Bill", "William"), ("Bob", "Robert"), ("Mike", "Michael"),
        ("Jim", "James"), ("Jimmy", "James"), ("Tom", "Thomas"), ("Tony", "Anthony"),
        ("Dick", "Richard"), ("Ted", "Edward"), ("Chris", "Christopher"), ("Nick", "Nicholas"),
        ("Steve", "Stephen"), ("Dave", "David"), ("Ben", "Benjamin"), ("Bibi", "Benjamin"),
    )
}


def _first_compatible(builder: _Builder, first: str | None) -> bool:
    if first is None or not builder.first_names:
        return True
    first = _SHORT_FIRST_NAMES.get(first, first)
    return any(
        f == first or f[0] == first[0] and fuzz.ratio(f, first) >= FIRST_NAME_SIMILARITY
        for f in (_SHORT_FIRST_NAMES.get(f, f) for f in builder.first_names)
    )


def _match_person(index: _Index, key: str, document_id: str) -> _Builder | None:
    first, surname = _person_parts(key)
    ids = set(index.surname.get(surname, ()))
    if not ids:
        bare = _strip_genitive(surname)
        ids = set(index.surname.get(bare, ()))
    if not ids:  # a near-miss spelling inside the same block
        for candidate in sorted(index.block.get(("PER", surname[:BLOCK_PREFIX]), ())):
            other = index.entities[candidate]
            for form in other.forms:
                other_last = name_key(form).split()[-1]
                if fuzz.ratio(other_last, surname) >= SURNAME_SIMILARITY:
                    ids.add(candidate)
    candidates = [index.entities[i] for i in sorted(ids, key=index.order.index)]
    fitting = [b for b in candidates if _first_compatible(b, first)]
    if first is not None:
        named = [b for b in fitting if b.first_names]
        if named:
            return named[0]
        # a surname-only entity takes the first full name that comes along
        return fitting[0] if fitting else None
    if len(fitting) == 1:
        return fitting[0]
    same_document = [b for b in fitting if document_id in b.documents]
    if len(same_document) == 1:
        return same_document[0]
    surname_only = [b for b in fitting if not b.first_names]
    return surname_only[0] if surname_only else None


def _match_other(index: _Index, type_: str, key: str) -> _Builder | None:
    for probe in dict.fromkeys((key, _strip_genitive(key), _stem_key(key))):
        ids = index.exact.get((type_, probe))
        if ids:
            return index.entities[min(ids, key=index.order.index)]
    for candidate in sorted(index.block.get((type_, key[:BLOCK_PREFIX]), ()), key=index.order.index):
        builder = index.entities[candidate]
        if any(fuzz.ratio(name_key(form), key) >= NAME_SIMILARITY for form in builder.forms):
            return builder
    return None


def _surface(mention: Mention) -> str:
    return (mention.normal or mention.text).strip()


# An abbreviation in parentheses right after a name: "Deutscher Wetterdienst (DWD)".
_ABBREVIATION = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,7}$")
ABBREVIATION_GAP = 2  # characters between a name and its abbreviation: " ("


def _abbreviates(abbreviation: str, name: str) -> bool:
    """Whether the letters of ``abbreviation`` run, in order, through ``name`` from its first
    letter on ("DWD" in "Deutscher Wetterdienst", "IStGH" in "Internationaler Strafgerichtshof")."""
    letters = [c for c in abbreviation.lower() if c.isalpha()]
    text = name.lower()
    if not letters or not text.startswith(letters[0]):
        return False
    position = 0
    for letter in letters:
        position = text.find(letter, position)
        if position < 0:
            return False
        position += 1
    return True


def _known_place(name: str) -> bool:
    """Whether the gazetteer or the city list knows ``name`` as a place."""
    from lagebild.language.features import name_lists

    alias = _aliases().get(name_key(name))
    return (alias is not None and alias[0] == "LOC") or name in name_lists().get("CITY", ())


def _document_redirects(mentions: Sequence[Mention]) -> dict[str, tuple[str, str, str | None, str]]:
    """Mention id -> (form, key, gazetteer name, type) under which it resolves, where the
    mention's document says more than the mention itself: a lone first name carried by exactly
    one person of the document ("Wladimir" -> "Wladimir Putin"; two Wladimirs: no redirect,
    nor where the name is a surname in the document), an abbreviation in parentheses right
    after a name, with the abbreviation's other mentions in the document, and a name of several
    words the document gives two types (place and organisation) as the more frequent one. Per document only, so
    resolving documents one at a time or together gives the same."""
    by_document: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_document[mention.document_id].append(mention)
    redirects: dict[str, tuple[str, str, str | None, str]] = {}
    for document in by_document.values():
        keyed = [(m, _mention_key(m)) for m in document]
        # people of the document: first-name key -> full keys, by surname
        carriers: dict[str, dict[str, str]] = defaultdict(dict)
        surnames: set[str] = set()
        for _, (_, key, _, type_) in keyed:
            if type_ != "PER" or " " not in key:
                continue
            first, surname = _person_parts(key)
            surname = _strip_genitive(surname)
            surnames.add(surname)
            if first:
                carriers[first].setdefault(surname, key)
        abbreviations: dict[str, tuple[str, str | None, str]] = {}
        ordered = sorted(keyed, key=lambda item: item[0].start)
        for (before, (_, key, gazetteer_name, type_)), (after, _) in zip(ordered, ordered[1:]):
            if (type_ != "PER" and after.start - before.end == ABBREVIATION_GAP
                    and _ABBREVIATION.match(after.text) and len(before.text) > len(after.text) + 2
                    and _abbreviates(after.text, before.text)):
                abbreviations.setdefault(name_key(after.text), (key, gazetteer_name, type_))
        # a name of several words that the document calls both a place and an organisation
        # ("Fortuna Lindenau") is one of them: the more frequent; on a tie a place where the
        # place lists know the name ("New Orleans"), else an organisation
        types: dict[str, Counter] = defaultdict(Counter)
        for _, (_, key, _, type_) in keyed:
            if type_ in ("LOC", "ORG") and " " in key:
                types[key][type_] += 1
        for mention, (form, key, gazetteer_name, type_) in keyed:
            votes = types.get(key)
            if votes and len(votes) == 2:
                if votes["ORG"] == votes["LOC"]:
                    winner = "LOC" if _known_place(_surface(mention)) else "ORG"
                else:
                    winner = "ORG" if votes["ORG"] > votes["LOC"] else "LOC"
                if winner != type_:
                    redirects[mention.id] = (form, key, gazetteer_name, winner)
        for mention, (form, key, _, type_) in keyed:
            if type_ == "PER" and key and " " not in key:
                bare = _strip_genitive(key)
                full = carriers.get(key) or carriers.get(bare)
                if full and len(full) == 1 and key not in surnames and bare not in surnames:
                    redirects[mention.id] = (form, next(iter(full.values())), None, "PER")
            elif type_ != "PER" and name_key(mention.text) in abbreviations:
                target, gazetteer_name, target_type = abbreviations[name_key(mention.text)]
                redirects[mention.id] = (form, target, gazetteer_name, target_type)
    return redirects


@dataclass(frozen=True, slots=True)
class Known:
    """An entity as resolution continues from it: its record plus what the record does not
    say, the count of each surface form (which names it) and its gazetteer name. The record's
    ``mentions`` may be left empty: matching never reads them."""

    entity: Entity
    forms: tuple[tuple[str, int], ...]
    gazetteer_name: str | None = None


def known_from_entity(entity: Entity) -> Known:
    """Resolution state rebuilt from a bare record (form counts approximated from mentions)."""
    counts = Counter(m.text for m in entity.mentions)
    forms = tuple((form, max(1, counts.get(form, 0))) for form in dict.fromkeys((entity.name, *entity.aliases)))
    alias = _aliases().get(name_key(entity.name))
    gazetteer = alias[1] if alias and alias[0] == entity.type and entity.type != "PER" else None
    return Known(entity, forms, gazetteer)


def resolve(
    mentions: Iterable[Mention], known: Sequence[Entity] = ()
) -> tuple[tuple[Entity, ...], dict[str, str]]:
    """All entities (known ones updated, new ones added) and mention id -> entity id."""
    states, assignment = resolve_state(mentions, [known_from_entity(e) for e in known])
    return tuple(k.entity for k in states), assignment


def resolve_state(
    mentions: Iterable[Mention], known: Sequence[Known] = ()
) -> tuple[tuple[Known, ...], dict[str, str]]:
    """Like :func:`resolve`, from and to the full resolution state: ``known`` in the order the
    entities were first seen (ties between candidates go to the earlier one), the result in
    the same order followed by the new entities."""
    index = _Index()
    for state in known:
        entity = state.entity
        builder = _Builder(entity.id, entity.type)
        builder.mentions.extend(entity.mentions)
        builder.documents.update(m.document_id for m in entity.mentions)
        builder.roles.extend(entity.roles)
        builder.affiliations.extend(entity.affiliations)
        for form, count in state.forms:
            builder.add_form(form, count)
        builder.gazetteer_name = state.gazetteer_name
        # full names first, so that a lone first name is known as one (see _Index.register)
        for form in sorted(builder.forms, key=lambda f: -len(name_key(f).split())):
            index.register(builder, name_key(form))
        if state.gazetteer_name and entity.type != "PER":  # exonyms share the canonical's key
            index.register(builder, name_key(state.gazetteer_name))

    assignment: dict[str, str] = {}
    mentions = list(mentions)
    redirects = _document_redirects(mentions)
    for mention in mentions:
        form, key, gazetteer_name, type_ = redirects.get(mention.id) or _mention_key(mention)
        if not key:
            continue
        if type_ == "PER":
            builder = _match_person(index, key, mention.document_id)
        else:
            builder = _match_other(index, type_, key)
        if builder is None:
            builder = _Builder(stable_id("e", type_, key), type_)
            if builder.id in index.entities:  # same key, refused as a different person
                builder = _Builder(stable_id("e", type_, key, mention.document_id), type_)
            if gazetteer_name and type_ != "PER":
                builder.gazetteer_name = gazetteer_name
        builder.add_form(form)
        index.register(builder, key)
        index.register(builder, name_key(form))
        builder.documents.add(mention.document_id)
        builder.mentions.append(
            EntityMention(mention.document_id, mention.start, mention.end, mention.text)
        )
        if mention.role:
            builder.roles.append(mention.role)
        if mention.affiliation:
            builder.affiliations.append(mention.affiliation)
        assignment[mention.id] = builder.id
    states = tuple(
        Known(b.freeze(), tuple(b.forms.items()), b.gazetteer_name)
        for b in (index.entities[i] for i in index.order)
    )
    return states, assignment
