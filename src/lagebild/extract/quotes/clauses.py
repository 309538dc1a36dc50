"""Low-level clause and phrase helpers shared by the speech-event rules.

Used by :mod:`lagebild.extract.quotes.indirect` (event rules),
:mod:`lagebild.extract.quotes.roles` (role pass) and
:mod:`lagebild.extract.quotes.continuations` (cue-less speech), and kept here so that none of
those imports another in a cycle: punctuation and word classes (clause breaks, subordinators,
relatives, auxiliaries), clause bounds (with date appositions, embedded and quoted names),
subject phrases in the prefield and after the finite verb (attachments, relative clauses,
appositions), object addressees, cited sources ("unter Berufung auf"), and the Konjunktiv
sentence tests (with their per-document cache, cleared by
:func:`lagebild.extract.quotes.indirect.find_events`). Switch constants stay next to the helper
they belong to; all were tuned on the SpkAtt dev split.
"""

from __future__ import annotations

from lagebild.extract.quotes import cues
from lagebild.extract.quotes.speakers import (
    DETERMINERS,
    NON_NOUN_STARTS,
    PREPOSITIONS,
    PRONOUNS,
    SKIPPABLE,
    addressee_phrase,
    noun_phrase,
)
from lagebild.extract.quotes.text import TokenView

# How many sentences a cue-less quotation may stand after the last speaker and still be
# attributed to them. Tuned on the SpkAtt dev split (1 and 2 both tried; 2 was better).
MAX_QUOTE_GAP_SENTENCES = 2
# How many Konjunktiv sentences in a row continue one speaker before we stop trusting it.
MAX_CONTINUATION_SENTENCES = 6

_CLAUSE_BREAKS = frozenset({",", ":", ";", "(", ")", "–", "-"})
_FINAL = frozenset({".", "!", "?"})
_OPENING = frozenset({"„", '"', "»", "“", "‚"})
_CLOSING = frozenset({"“", '"', "«", "”", "‘", "’"})
_PERFECT_AUX = frozenset(
    "hat haben hatte hatten habe hätte hätten ist sind war waren sei seien wird werden wurde "
    "wurden werde würde würden".split()
)

_SUBORDINATORS = frozenset(
    "nachdem als weil da wenn ob obwohl obgleich damit sodass bevor seit seitdem während "
    "falls sofern indem dass um".split()
)
_RELATIVES = frozenset("der die das den dem deren dessen denen welche welcher welches".split())


# Longest apposition taken on a mention's word ("Reinhard Jung, Geschäftsführer des …").
MAX_MENTION_APPOSITION_TOKENS = 12

_NOT_SUBJECT_STARTS = frozenset("dem den einem einen ihm ihr ihnen sich es man".split())


def _has_named(view: TokenView, tokens: list[int]) -> bool:
    return any((m := view.mention_at(i)) is not None and m[2] in ("PER", "ORG") for i in tokens)


def _apposition_phrase(view: TokenView, first: int, limit: int) -> list[int]:
    """An apposition: a noun phrase with its prepositional attachments, running to the end of
    any mention it reaches into ("Professor am California Institute of Technology")."""
    phrase = noun_phrase(view, first, limit)
    for _ in range(4):
        if not phrase:
            return []
        inner = view.mention_at(phrase[-1])
        if inner is not None and inner[1] > phrase[-1] + 1 and inner[1] <= limit:
            phrase = list(range(phrase[0], inner[1]))
        longer = _attached(view, phrase, limit, _ATTACHING)
        if longer is None:
            break
        phrase = longer
    return phrase


def _attached(view: TokenView, phrase: list[int], limit: int,
              attaching: frozenset[str]) -> list[int] | None:
    """``phrase`` with the prepositional phrase right after it ("… im Irak"), or None."""
    after = phrase[-1] + 1
    if after + 1 >= limit or view.texts[after].lower() not in attaching:
        return None
    tail = noun_phrase(view, after + 1, limit)
    return list(range(phrase[0], tail[-1] + 1)) if tail else None


_OBJECT_DETERMINERS = frozenset({"dem", "den", "einem", "einen"})


def _phrase_around(view: TokenView, m_first: int, m_last: int, first: int) -> list[int]:
    """The mention with the determiner, adjectives and role nouns in front of it."""
    texts = view.texts
    for start in range(max(first, m_first - 5), m_first):
        phrase = noun_phrase(view, start, m_last, genitive=False)
        if phrase and phrase[0] == start and phrase[-1] == m_last - 1:
            return list(range(start, m_last))
    return list(range(m_first, m_last))


def _has_person(view: TokenView, tokens: list[int]) -> bool:
    return any((m := view.mention_at(i)) is not None and m[2] == "PER" for i in tokens)


def _sentence_range(view: TokenView, index: int) -> tuple[int, int]:
    for first, last in view.sentences:
        if first <= index < last:
            return first, last
    return 0, len(view.texts)


def _bare_name(view: TokenView, index: int, last: int) -> list[int]:
    """ "laut bildblog.de", "laut „Welt“", "laut ai-Bericht": names a noun phrase misses."""
    texts = view.texts
    if index >= last:
        return []
    if texts[index] in _OPENING:
        close = next((j for j in range(index + 1, min(last, index + 6)) if texts[j] in _CLOSING), None)
        if close is not None and close > index + 1:
            return list(range(index, close + 1))
        return []
    word = texts[index]
    if word[:1].isalpha() and ("." in word[1:] or "-" in word) and word[:1].islower():
        return [index]
    return []


# "Die Behörde gab am Montag, dem 27. März, die Einstellung bekannt": a date between commas
# is an apposition inside the clause, no clause break (SpkAtt dev).
DATE_APPOSITION_IN_CLAUSE = True
# Month and season words: of a date apposition here, and of an attribution apposition ("einem
# Bericht vom November 2011", roles._attribution_apposition).
_MONTHS = frozenset(
    "januar februar märz april mai juni juli august september oktober november dezember "
    "frühjahr sommer herbst winter jahr jahres".split())


def _date_in(texts, begin: int, stop: int) -> bool:
    """Whether texts[begin:stop] is "dem|den 27. März [2006]"."""
    words = [texts[j].lower() for j in range(begin, stop)]
    if len(words) == 4 and words[3].isdigit() and len(words[3]) == 4:
        words = words[:3]
    return len(words) == 3 and words[0] in ("dem", "den") and words[1][:-1].isdigit() \
        and words[1].endswith(".") and words[2] in _MONTHS


def _date_apposition_before(texts, first: int, comma: int) -> int | None:
    """The opening comma of a date apposition closed by ``comma``."""
    for opening in (comma - 4, comma - 5):
        if opening > first and texts[opening] == "," and _date_in(texts, opening + 1, comma):
            return opening
    return None


def _date_apposition_after(texts, comma: int, last: int) -> int | None:
    """The closing comma of a date apposition opened by ``comma``."""
    for closing in (comma + 4, comma + 5):
        if closing < last and texts[closing] == "," and _date_in(texts, comma + 1, closing):
            return closing
    return None


def _clause_bounds(view: TokenView, first: int, last: int, lo: int, hi: int) -> tuple[int, int]:
    texts = view.texts
    start = lo
    while start > first:
        before = texts[start - 1]
        if before == ")" and start - 3 >= first and texts[start - 3] == "(":
            start -= 3  # a bracketed party or role belongs to its phrase: "Pistorius (SPD)"
            continue
        if before == "," and DATE_APPOSITION_IN_CLAUSE:
            opening = _date_apposition_before(texts, first, start - 1)
            if opening is not None:
                start = opening  # "am Donnerstag, dem 28. Dezember, angegeben"
                continue
        if before in _CLAUSE_BREAKS:
            break
        if before in _CLOSING and start == lo and _quoted_name_before(view, first, start - 1):
            start -= 1  # die „Süddeutsche Zeitung“ berichtete: a quoted name, not a quotation
            continue
        if before in _CLOSING and start == lo and EMBEDDED_QUOTE_IN_CLAUSE:
            opening = _embedded_quote_opening(view, first, start - 1)
            if opening is not None:
                start = opening  # "hatte das Ergebnis als „Schritt“ bezeichnet": the words
                continue  # quoted inside the clause belong to it, its verb is at the end
        if before in _CLOSING and (start == lo or texts[start] in (",", ":")):
            break
        if before in _CLOSING and start - 2 >= first and texts[start - 2] in _FINAL:
            break
        start -= 1
    end = hi + 1
    while end < last and (texts[end] not in _CLAUSE_BREAKS or DATE_APPOSITION_IN_CLAUSE
                          and texts[end] == "," and _date_apposition_after(texts, end, last)) \
            and texts[end] not in _FINAL:
        if texts[end] == ",":
            end = _date_apposition_after(texts, end, last) + 1
            continue
        if texts[end] in _OPENING:
            # A quoted name ("dem \"Spiegel\"") stays in the clause; a quotation ends it.
            close = next((j for j in range(end + 1, min(last, end + 5)) if texts[j] in _CLOSING), None)
            if close is None or not texts[end + 1][:1].isupper() or any(
                texts[j] in _FINAL or texts[j] == "," for j in range(end + 1, close)
            ) or close + 1 >= last or texts[close + 1] not in _CLAUSE_BREAKS | _FINAL and not (
                QUOTED_NAME_AFTER_CUE and _names_outlet(view, first, lo, hi, end)):
                break
            end = close
        end += 1
    return start, end


# "Er hatte den Plan als „Irrweg“ bezeichnet": a short quotation after a word of the clause,
# right before the clause's final verb, is inside the clause (quoted words, not a quotation
# the verb introduces from outside).
EMBEDDED_QUOTE_IN_CLAUSE = True
MAX_EMBEDDED_QUOTE_TOKENS = 8
_MODALS = frozenset("soll sollen sollte sollten will wollen wollte wollten kann können konnte "
                    "konnten muss müssen musste mussten darf dürfen durfte".split())


def _embedded_quote_opening(view: TokenView, first: int, close: int) -> int | None:
    """The opening mark of the quotation closed at ``close`` if a word of the clause precedes it."""
    texts = view.texts
    for opening in range(close - 1, max(first - 1, close - MAX_EMBEDDED_QUOTE_TOKENS - 2), -1):
        if texts[opening] in _FINAL or texts[opening] in _CLAUSE_BREAKS:
            return None
        if texts[opening] in _OPENING:
            if opening == close - 1 or opening <= first:
                return None
            before = texts[opening - 1].lower()
            if not before[:1].isalpha():
                return None
            if any(texts[j].lower() in _PERFECT_AUX | _MODALS for j in range(first, opening)):
                return opening  # a verb-final clause: "hatte … als „Schritt“ bezeichnet"
            # A quoted name after its article is part of the subject ("Die „Kampagne für …“
            # berichtete"); after a preposition the quoted words open the sentence before a
            # verb-second cue and its subject ("Von einem „Eingriff“ spricht der Entwurf").
            return opening if before in DETERMINERS and (
                opening - 1 == first or texts[opening - 2].lower() not in PREPOSITIONS) else None
    return None


# "die Tageszeitung „The Guardian“ berichtete": a quoted name after its head noun (SpkAtt dev).
QUOTED_NAME_AFTER_NOUN = True


# A short quoted name after the cue inside its clause is the outlet that speaks, not a quotation:
# "…, schrieb „Die Zeit“ in einem Nachruf", "schrieb die liberale „El Mundo“ X den Sieg zu",
# "berichtete die in Linz erscheinende „Rundschau am Sonntag“ von …" (SpkAtt dev): after an
# article or an attributive adjective, or right after a verb whose message came before it.
QUOTED_NAME_AFTER_CUE = True


def _names_outlet(view: TokenView, first: int, lo: int, hi: int, opening: int) -> bool:
    texts = view.texts
    before = texts[opening - 1]
    if before.lower() in ("der", "die", "das", "des", "dem", "den"):
        return True
    if before[:1].islower() and opening - 2 > hi and texts[opening - 2].lower() in DETERMINERS \
            and before.endswith(("e", "en")) and before.lower() not in NON_NOUN_STARTS:
        return True  # "die liberale „El Mundo“"
    if before[:1].islower() and before.endswith(("ende", "enden")) and len(before) > 6:
        return True  # "die in Linz erscheinende „Rundschau“"
    return opening == hi + 1 and lo > first and (texts[lo - 1] == "," or texts[lo - 1] in _CLOSING)


def _quoted_name_before(view: TokenView, first: int, close: int) -> bool:
    """Whether the closing mark at ``close`` ends a short quoted name after an article."""
    texts = view.texts
    for opening in range(close - 1, max(first - 1, close - 6), -1):
        if texts[opening] in _OPENING:
            return opening > first and (texts[opening - 1].lower() in (
                "der", "die", "das", "des", "dem", "den") or (
                    QUOTED_NAME_AFTER_NOUN and texts[opening - 1][:1].isupper()
                    and opening - 1 > first)) and texts[opening + 1][:1].isupper() \
                and not any(texts[j] in _FINAL or texts[j] == "," for j in range(opening, close))
    return False


def _strip_final(view: TokenView, tokens: list[int], last: int) -> list[int]:
    while tokens and view.texts[tokens[-1]] in _FINAL | {",", ";", ":"} and tokens[-1] == last - 1:
        tokens = tokens[:-1]
        last -= 1
    return tokens


_DOCUMENT_ADVERBS = frozenset("dazu darin weiter ferner wörtlich auch zudem außerdem".split())


def _document_source(view: TokenView, first: int, last: int, cue: set[int]) -> list[int]:
    """ "In der Erklärung des WWF heißt es": the text that speaks, named after "in"/"bei"."""
    texts = view.texts
    for index in range(first, last - 1):
        if index in cue or texts[index] in _FINAL:
            continue
        if texts[index].lower() in ("in", "im", "bei", "beim", "auf", "aus") and (
                index == first or texts[index - 1] in (",",) or index - 1 in cue
                or texts[index - 1].lower() == "es"
                # "heißt es dazu in einer Pressemitteilung", "hieß es weiter in …"
                or index - 2 in cue and texts[index - 1].lower() in _DOCUMENT_ADVERBS):
            phrase = noun_phrase(view, index + 1, last)
            if phrase and view.texts[phrase[0]][:1].isupper() or phrase and texts[
                    phrase[0]].lower() in ("der", "die", "dem", "einer", "einem", "seiner",
                                           "ihrer"):
                return phrase
    return []


_LEADING_ADVERBS = frozenset("auch so doch zudem außerdem dann nun zuvor später".split())

_CUE_ADVERBS = frozenset({"davon", "darauf", "darüber", "dafür", "dagegen", "daran"})
_PASSIVE_AUX = frozenset({"wird", "wurde", "werden", "wurden", "worden"})


# "eine Waffenruhe, wie sie auch die Vereinten Nationen verlangen": after "wie" the pronoun
# "sie" takes up the noun before and is the object; the noun phrase after it speaks.
WIE_PRONOUN_OBJECT = True


def _subject_after_wie_pronoun(view: TokenView, wie: int, lo: int) -> list[int]:
    texts = view.texts
    if wie + 2 >= lo or texts[wie + 1].lower() != "sie":  # ("es" never speaks anyway)
        return []
    begin = wie + 2
    while begin < lo and texts[begin].lower() in SKIPPABLE | _PREFIELD_PARTICLES:
        begin += 1
    if begin >= lo or not (texts[begin].lower() in ("der", "die", "das", "ein", "eine")
                           or texts[begin][:1].isupper()) \
            or addressee_phrase(view, begin, lo):
        return []  # ("wie sie der Zeitung sagte": a dative, the pronoun speaks)
    phrase = noun_phrase(view, begin, lo)
    if not phrase or phrase[0] != begin:
        return []
    rest = phrase[-1] + 1
    while rest < lo and texts[rest].lower() in SKIPPABLE | _PERFECT_AUX:
        rest += 1
    return phrase if rest >= lo else []


QUOTE_TAKES_PREVIOUS_SUBJECT = True

_TEMPORAL_SUBORDINATORS = frozenset("als während nachdem weil da obwohl wenn".split())
_PREFIELD_PARTICLES = frozenset("auch aber doch selbst sogar nur etwa zudem".split())
# ("der Milliardär hinter der Firma", "der Kandidat der Partei um das Amt": SpkAtt dev.)
_ATTACHING = frozenset(
    "in im aus bei beim für am an zur zum von vom mit gegen über auf ohne hinter um".split())


def _np_with_attachments(view: TokenView, first: int, limit: int,
                         attaching: frozenset[str] = _ATTACHING) -> list[int]:
    """A noun phrase with the prepositional phrases that follow it: "Die US-Botschaft im Irak"."""
    phrase = noun_phrase(view, first, limit)
    while phrase:
        longer = _attached(view, phrase, limit, attaching)
        if longer is None:
            break
        phrase = longer
    return phrase


def _subject_with_relative(view: TokenView, first: int, lo: int) -> list[int]:
    """ "Die Ukraine, die seit Jahren … abwehrt, fordert …": the subject before a relative clause."""
    phrase = noun_phrase(view, first, lo)
    if not phrase or phrase[0] != first:
        return []
    comma = phrase[-1] + 1
    if comma + 1 < lo and view.texts[comma] == "," and view.texts[comma + 1].lower() in _RELATIVES \
            and view.texts[lo - 1] == "," and "," not in view.texts[comma + 1 : lo - 1]:
        return phrase
    return []


def _subject_with_apposition(view: TokenView, first: int, lo: int) -> list[int]:
    phrase = _np_with_attachments(view, first, lo)
    if not phrase or phrase[0] != first:
        return []
    comma = phrase[-1] + 1
    if comma < lo and view.texts[comma] == ",":
        second = _np_with_attachments(view, comma + 1, lo)
        if second and second[-1] + 2 == lo and view.texts[lo - 1] == ",":
            return list(range(first, lo - 1))
    return []
    # Inverted order with the subject after an auxiliary inside a "wie" clause: "wie die
    # Polizei am Montag mitteilte" (noun phrase, then adverbs, then verb).
    return []


# "…“, äußerte sich der Chef der Agentur", "fragen sich Experten": the reflexive pronoun after
# the verb comes before the subject (SpkAtt dev).
REFLEXIVE_BEFORE_SUBJECT = True


def _subject_after(view: TokenView, begin: int, end: int) -> list[int]:
    index = begin
    while index < end and view.texts[index].lower() in SKIPPABLE - {"gegenüber"}:
        index += 1
        # "am Mittwoch", "in einer Ansprache" are skipped as a whole below.
    while index < end and view.texts[index].lower() in ("in", "im", "bei", "beim", "auf",
                                                        "gegenüber"):
        phrase = noun_phrase(view, index + 1, end, genitive=True)
        if not phrase:
            break
        index = phrase[-1] + 1
        while index < end and view.texts[index].lower() in SKIPPABLE:
            index += 1
    phrase = noun_phrase(view, index, end)
    if phrase and view.texts[phrase[0]].lower() in ("dem", "den"):
        return []
    if phrase and phrase[0] > begin and view.texts[phrase[0] - 1].lower() == "am" \
            and view.texts[phrase[0]][:1].isupper():
        # "behauptete am Wahlabend": the noun after "am" is a time, not the subject
        phrase = noun_phrase(view, phrase[-1] + 1, end)
    return phrase


# Verbs whose object is the one addressed: "forderte die SPD auf", "warf der Kommission vor".
OBJECT_ADDRESSEE_VERBS = frozenset(
    "auffordern aufrufen vorwerfen warnen appellieren beschuldigen versichern zusagen "
    "empfehlen raten mahnen ermahnen bitten".split()
)


def _addressee(view: TokenView, source: list[int], verb: int, end: int, lemma: str = ""
               ) -> list[int]:
    begin = (source[-1] + 1) if source and source[-1] > verb else verb + 1
    index = begin
    while index < end and view.texts[index].lower() in SKIPPABLE - {"gegenüber"}:
        index += 1
    phrase = addressee_phrase(view, index, end)
    if phrase and view.texts[phrase[0]].lower() == "gegenüber":
        phrase = phrase[1:]  # SpkAtt leaves the preposition out of the addressee
    if not phrase and lemma in OBJECT_ADDRESSEE_VERBS and index < end:
        if lemma == "appellieren" and view.texts[index].lower() == "an":
            index += 1
        phrase = noun_phrase(view, index, end, genitive=True)
        if phrase and view.texts[phrase[0]].lower() in PRONOUNS - {"ihm", "ihr", "ihnen"} \
                or phrase and view.texts[phrase[0]].lower() == "sich":
            phrase = []
    return phrase


_SOURCE_ATTACHING = frozenset("aus von vom für".split())

CITED_IN_MIDFIELD = True


def _cited(view: TokenView, begin: int, last: int,
           nouns: tuple[str, ...] = ("berufung", "verweis")) -> list[int]:
    """The source an outlet cites: "unter Berufung auf X", "unter Verweis auf X"."""
    texts = view.texts
    for index in range(begin, last - 3):
        if texts[index].lower() == "unter" and texts[index + 1].lower() in nouns \
                and texts[index + 2].lower() == "auf":
            return noun_phrase(view, index + 3, last)
    return []


# "… unter Berufung auf Tass, die sich ihrerseits auf eine Quelle stützte, …": a relative
# clause of the cited source naming its own source adds a link to the chain.
CITED_CHAIN = True
_CITING_STEMS = ("beruf", "berief", "stütz", "bezog", "bezieh", "bezög")


def _cited_chain(view: TokenView, comma: int, last: int) -> tuple[list[int], int] | None:
    """The source a relative clause at ``comma`` cites, and the clause's closing index."""
    texts = view.texts
    if not CITED_CHAIN or comma + 4 >= last or texts[comma] != "," \
            or texts[comma + 1].lower() not in _RELATIVES:
        return None
    close = comma + 2
    while close < last and texts[close] not in _CLAUSE_BREAKS and texts[close] not in _FINAL:
        close += 1
    cited = _cited(view, comma + 2, close, ("berufung",))
    if not cited and "sich" in {texts[j].lower() for j in range(comma + 2, close)} \
            and texts[close - 1].lower().startswith(_CITING_STEMS):
        auf = next((j for j in range(comma + 2, close - 1) if texts[j].lower() == "auf"), None)
        cited = noun_phrase(view, auf + 1, close - 1) if auf is not None else []
    return (cited, close) if cited else None


def _verb_second(view: TokenView, first: int, verb: int) -> bool:
    """Whether ``verb`` follows a single prefield phrase (verb-second main clause)."""
    texts = view.texts
    if texts[first].lower() in PREPOSITIONS:
        phrase = noun_phrase(view, first + 1, verb, genitive=True)
        return bool(phrase) and phrase[-1] + 1 == verb
    phrase = noun_phrase(view, first, verb, genitive=True)
    return bool(phrase) and phrase[-1] + 1 == verb or verb == first + 1


def _konjunktiv_i_sentence(view: TokenView, number: int, inside: set[int]) -> bool:
    key = (id(view), number)
    known = _KONJUNKTIV_I_SENTENCES.get(key)
    if known is None:
        first, last = view.sentences[number]
        lemmas = view.lemmas
        known = any(index not in inside and _konjunktiv_i_at(view, index, first, last,
                                                              lemmas[index] if lemmas else "")
                    for index in range(first, last))
        _KONJUNKTIV_I_SENTENCES[key] = known
    return known


# Per find_events call (one view, one set of quoted tokens): sentence number -> Konjunktiv I.
_KONJUNKTIV_I_SENTENCES: dict[tuple[int, int], bool] = {}


def _konjunktiv_i_at(view: TokenView, index: int, first: int, last: int, lemma: str) -> bool:
    """A Konjunktiv I form at ``index``, not a first person ("ich habe", "werde ich") nor a
    word that merely ends like one ("3-Fache")."""
    word = view.texts[index]
    if not word[:1].isalpha() or not cues.is_konjunktiv_i(word, lemma):
        return False
    if KONJUNKTIV_NOT_FIRST_PERSON and any(
            view.texts[j].lower() == "ich" for j in (index - 1, index + 1) if first <= j < last):
        return False
    if LOWERCASE_START_NO_VERB and index == first and word[:1].islower() \
            and word.lower() not in cues.KONJUNKTIV_I:
        return False  # only guessed from its ending, opening a "sentence" in lower case: a
        # header word ("date 2025-06 Newsblog …"), not a verb (a split sentence: "habe sie …")
    return True


KONJUNKTIV_NOT_FIRST_PERSON = True
LOWERCASE_START_NO_VERB = True


def _konjunktiv_sentence(view: TokenView, number: int, inside: set[int]) -> bool:
    first, last = view.sentences[number]
    lemmas = view.lemmas
    for index in range(first, last):
        if index in inside:
            continue
        if cues.is_konjunktiv(view.texts[index], lemmas[index] if lemmas else ""):
            return True
    return False


def _von_phrase_between(view: TokenView, hi: int, comma: int) -> bool:
    """ "sprach von 1200 Gefangenen, die …": the reported content is the "von" phrase."""
    return any(view.texts[j].lower() in ("von", "vom") for j in range(hi + 1, comma))
