"""The role pass: Source and Addr spans of finished speech events as SpkAtt annotates them.

:func:`_refine_roles` runs once over all events of a document, at the end of
:func:`lagebild.extract.quotes.indirect.find_events` (after the cue-less passes; statements
that copied a speaker the pass changes take the changed one there). It fixes a passive cue's
roles ("von X" speaks, the subject is addressed only by summoning verbs), a document named in a
passive clause as the source, the subject of a "wie" clause, attribution sources with their
apposition, bracket and month-year, quoted names, brackets and "aus/von/für" origins that stay
with the speaker, objects that are no speakers, and addressees: prepositional ones without the preposition ("gegenüber der BBC",
"im Interview mit X", "Brief an X"), datives between auxiliary and participle, and objects of
summoning verbs deeper in the midfield.

Each rule has its switch constant next to it (tuned on the SpkAtt dev split); the helpers the
event rules share with this pass live in :mod:`lagebild.extract.quotes.clauses`.
"""

from __future__ import annotations

from lagebild.extract.quotes import cues
from lagebild.extract.quotes.clauses import (
    _CLAUSE_BREAKS,
    _CLOSING,
    _CUE_ADVERBS,
    _FINAL,
    _LEADING_ADVERBS,
    _MODALS,
    _MONTHS,
    _NOT_SUBJECT_STARTS,
    _OPENING,
    _PASSIVE_AUX,
    _PERFECT_AUX,
    _PREFIELD_PARTICLES,
    _RELATIVES,
    _SOURCE_ATTACHING,
    _SUBORDINATORS,
    _TEMPORAL_SUBORDINATORS,
    MAX_MENTION_APPOSITION_TOKENS,
    OBJECT_ADDRESSEE_VERBS,
    QUOTED_NAME_AFTER_CUE,
    REFLEXIVE_BEFORE_SUBJECT,
    WIE_PRONOUN_OBJECT,
    _addressee,
    _apposition_phrase,
    _bare_name,
    _clause_bounds,
    _document_source,
    _np_with_attachments,
    _sentence_range,
    _strip_final,
    _subject_after_wie_pronoun,
    _subject_with_apposition,
    _subject_with_relative,
)
from lagebild.extract.quotes.events import SpeechEvent
from lagebild.extract.quotes.speakers import (
    ADDRESSEE_HEADS,
    DETERMINERS,
    PREPOSITIONS,
    PRONOUNS,
    SKIPPABLE,
    addressee_phrase,
    is_adjective,
    noun_phrase,
)
from lagebild.extract.quotes.text import TokenView

# --------------------------------------------------------------------------- roles after the rules

# Prepositional addressees, as SpkAtt annotates them (without the preposition): "gegenüber der
# BBC", "vor der Presse", "in einem Interview mit der Financial Times", "zur Sportschau",
# "in einer Videobotschaft an seine Unterstützer" (SpkAtt dev).
PREPOSITIONAL_ADDRESSEES = True
# How far (tokens) from its cue a prepositional addressee may stand.
MAX_ADDRESSEE_DISTANCE = 12
_AUDIENCE_HEADS = ("presse", "journalist", "reporter", "medien", "kamera", "publikum",
                   "abgeordnete", "öffentlichkeit", "delegierte", "anhänger")
_CONVERSATION_NOUNS = ("interview", "gespräch", "telefonat", "unterredung", "treffen")
_LETTER_NOUNS = ("brief", "schreiben", "botschaft", "appell", "aufruf", "mail", "anfrage",
                 "anfragen", "mahnung", "aufforderung", "forderung", "bitte", "warnung")
# "sich kritisch gegenüber X äußern" names a topic, not whom the speaker told.
_NOT_ADDRESSEE_BEFORE = frozenset(
    "kritisch skeptisch offen misstrauisch zurückhaltend positiv negativ ablehnend".split())
_STANCE_NOUN_ENDINGS = (
    "haltung", "einstellung", "verantwortung", "misstrauen", "vorbehalt", "vorbehalte",
    "skepsis", "verhalten", "politik", "position", "respekt", "toleranz", "kritik", "loyalität",
    "pflicht", "schuld", "offenheit", "feindseligkeit")
# A passive cue's "von X" is its source: "wurde von X als … bezeichnet" (SpkAtt dev).
PASSIVE_VON_SOURCE = True
_DOCUMENT_NOUN_ENDINGS = (
    "bericht", "berichts", "erklärung", "mitteilung", "meldung", "schreiben", "brief",
    "studie", "papier", "antrag", "dokument", "urteil", "entwurf", "stellungnahme", "gutachten",
    "artikel", "interview", "rede", "ankündigung", "botschaft", "beschluss", "resolution")


def _refine_roles(view: TokenView, events: list[SpeechEvent]) -> None:
    """Source and addressee fixes that need the whole event: passive cues, prepositional
    addressees."""
    for event in events:
        if event.nested or not event.cue:
            continue
        if PASSIVE_VON_SOURCE:
            _passive_roles(view, event)
        if WIE_CLAUSE_SUBJECT:
            _wie_subject(view, event)
        if ATTRIBUTION_APPOSITION and event.attribution and event.source:
            _attribution_apposition(view, event)
            source = set(event.source)  # (the mention rules may have grown it into the message)
            if source & set(event.message):
                event.message = [i for i in event.message if i not in source]
        if OBJECT_IS_NO_SOURCE and event.source and not event.attribution:
            _object_is_no_source(view, event)
        if SOURCE_NAME_TAIL and event.source:
            _source_name_tail(view, event)
        if SOURCE_ATTACHMENTS and event.source and not event.attribution:
            _source_attachments(view, event)
        if LEADING_APPOSITION and event.source and not event.attribution:
            _leading_apposition(view, event)
        if PREFIELD_GENITIVE and event.source and not event.attribution:
            _prefield_genitive(view, event)
        if PRONOUN_BEFORE_CUE and not event.source and not event.attribution:
            event.source = _pronoun_before_cue(view, event)
        if not event.source and not event.attribution:
            event.source = _heissen_von(view, event) or _shared_subject(view, event)
        if INITIAL_SUBJECT_FALLBACK and not event.source and not event.attribution:
            event.source = _initial_subject(view, event)
        if PREPOSITIONAL_ADDRESSEES and not event.addr:
            event.addr = _prepositional_addressee(view, event)
        if MIDFIELD_OBJECT_ADDRESSEE and not event.addr:
            event.addr = _midfield_object_addressee(view, event)
        if DATIVE_AFTER_ANY_CUE and not event.addr and not event.attribution:
            # Cues found by other rules (guessed verbs, stance phrases) get the dative after
            # the verb too: "Die Taxifahrer stellten den Demonstranten ein Ultimatum".
            lo = min(event.cue)
            first, last = _sentence_range(view, lo)
            _, end = _clause_bounds(view, first, last, lo, max(event.cue))
            addr = _addressee(view, event.source, lo, end, _cue_lemma(view, event))
            if addr and not (set(addr) & (set(event.message) | set(event.source))):
                event.addr = addr
    # Two rules may have found the same event ("Wie X, Y, erklärte, …" once as a "wie" clause
    # and once with the lead-in as its message): keep one.
    seen: set[tuple] = set()
    unique = []
    for event in events:
        key = (event.nested, tuple(event.cue), tuple(event.message))
        if event.cue and key in seen:
            continue
        seen.add(key)
        unique.append(event)
    events[:] = unique


def _heissen_von(view: TokenView, event: SpeechEvent) -> list[int]:
    """ "…, hieß es vom Sprecher Mark Toner": who said it follows "vom"/"von"."""
    texts = view.texts
    if not any(texts[i].lower() in ("heißt", "hieß", "geheißen") for i in event.cue):
        return []
    after = max(event.cue) + 1
    _, last = _sentence_range(view, after - 1)
    if after + 1 < last and texts[after].lower() in ("von", "vom") \
            and after not in event.message:
        phrase = noun_phrase(view, after + 1, last)
        if phrase and phrase[0] == after + 1 and not set(phrase) & set(event.message):
            return phrase
    return []


def _shared_subject(view: TokenView, event: SpeechEvent) -> list[int]:
    """ "Die UN bestätigten den Vorfall, teilten jedoch mit, …": a second verb after a comma
    shares the sentence's subject."""
    texts = view.texts
    lo = min(event.cue)
    first, _ = _sentence_range(view, lo)
    if not (lo > first + 1 and texts[lo - 1] == "," and lo + 1 < len(texts)
            and texts[lo + 1].lower() in ("jedoch", "aber", "zudem", "auch", "außerdem")):
        return []
    opening = first
    while opening < lo and texts[opening].lower() in _LEADING_ADVERBS:
        opening += 1
    phrase = noun_phrase(view, opening, lo)
    if not phrase or phrase[0] != opening or texts[opening].lower() in _NOT_SUBJECT_STARTS \
            or set(phrase) & set(event.message) or texts[phrase[-1] + 1][:1].isupper():
        return []
    return phrase


# An active verb cue that no rule gave a speaker takes the noun phrase opening its sentence
# (with an apposition fenced by commas): "Der Doktorvater zu Guttenbergs, Peter Häberle,
# erklärte in einem Interview, …", "Einer der 13 Feuerwehrmänner sagte: …" (SpkAtt dev).
INITIAL_SUBJECT_FALLBACK = True
# ... and so does a cue in a subordinate clause opening the sentence: "Während X ankündigte, …".
SUBORDINATE_SUBJECT = True


def _impersonal_cue(view: TokenView, event: SpeechEvent) -> bool:
    """A passive or impersonal cue ("wurde mitgeteilt", "hieß es"): it has no subject to find."""
    return any(view.texts[i].lower() in _PASSIVE_AUX | _IMPERSONAL_CUE_WORDS for i in event.cue)


_IMPERSONAL_CUE_WORDS = frozenset({"heißt", "hieß", "geheißen", "es"})


def _initial_subject(view: TokenView, event: SpeechEvent) -> list[int]:
    if _impersonal_cue(view, event):
        return []
    texts = view.texts
    lo = min(event.cue)
    first, _ = _sentence_range(view, lo)
    start = first
    while start < lo and texts[start].lower() in _LEADING_ADVERBS | _PREFIELD_PARTICLES:
        start += 1
    subordinate = SUBORDINATE_SUBJECT and start + 1 < lo \
        and texts[start].lower() in _TEMPORAL_SUBORDINATORS
    if subordinate:
        start += 1  # "Während Shakira erklärte, …": the subject right after the subordinator
    if start >= lo or texts[start].lower() in _NOT_SUBJECT_STARTS | _SUBORDINATORS \
            | PREPOSITIONS | {"wie", "so", "es"}:
        return []
    if any(texts[i].lower() in ("wonach", "geworden", "heraus", "sich") for i in event.cue):
        return []
    phrase = _np_with_attachments(view, start, lo)
    if not phrase or phrase[0] != start:
        return []
    if not (texts[start].lower() in DETERMINERS or len(phrase) >= 2
            or any(view.mention_at(i) is not None for i in phrase)):
        return []  # "Dadurch", "Aktuell", "Sollte": adverbs and verbs open sentences too
    after = phrase[-1] + 1
    verb = lo
    aux = next((j for j in range(after, lo) if texts[j].lower() in _PERFECT_AUX
                and (j == after or texts[j - 1] == ",")), None)
    if aux is not None:
        verb = aux
    depth = 0
    for j in range(verb + 1, lo):  # the cue is in the clause of that finite verb
        depth += texts[j] == "("
        depth -= texts[j] == ")"
        if depth == 0 and texts[j] in _CLAUSE_BREAKS - {"(", ")"}:
            return []
    if after == verb:
        pass
    elif subordinate:
        return []
    elif texts[after] == "," and verb - 1 > after + 1 and texts[verb - 1] == ",":
        # Appositions belong to the speaker, a relative clause does not: "Günther Platter, der
        # Verteidigungsminister, der … hat, sagte".
        end = comma = after
        while comma < verb - 1:
            close = next(j for j in range(comma + 1, verb) if texts[j] == ",")
            apposition = _apposition_phrase(view, comma + 1, close)
            fits = bool(apposition) and apposition[-1] == close - 1 and comma + 2 < close and (
                texts[comma + 1].lower() not in _RELATIVES or texts[comma + 2][:1].isupper()
                or is_adjective(texts[comma + 2]))
            if fits and end == comma:
                end = close
            elif fits or texts[comma + 1].lower() not in _RELATIVES:
                return []
            comma = close
        phrase = list(range(start, end))
    else:
        return []
    taken = set(event.message) | set(event.cue) | set(event.addr)
    if taken & set(phrase):
        return []
    return phrase


# Where a speaker comes from belongs to it in SpkAtt: "einige Abgeordnete aus der Koalition",
# "Mitarbeiter des Hilfsdienstes aus der Küstenstadt Labutta", "Rick Homans vom Sekretariat für
# wirtschaftliche Entwicklung" (not "in"/"am": where and when they spoke).
SOURCE_ATTACHMENTS = True


def _source_attachments(view: TokenView, event: SpeechEvent) -> None:
    texts = view.texts
    source = sorted(event.source)
    _, last = _sentence_range(view, source[-1])
    taken = set(event.message) | set(event.cue) | set(event.addr)
    end = source[-1] + 1
    for _ in range(3):
        if end + 1 >= last or end in taken or texts[end].lower() not in _SOURCE_ATTACHING:
            break
        if QUOTED_NAME_AFTER_CUE and texts[end].lower() == "aus" and texts[end - 1] in _CLOSING:
            break  # "zitiert „BBC News“ aus ihrer Stellungnahme": what the outlet quotes from
        if REFLEXIVE_BEFORE_SUBJECT and texts[end].lower() == "für" \
                and any(texts[i] == "sich" for i in event.cue):
            break  # "entschied sich der Pilot für den Flughafen": the verb's object
        tail = noun_phrase(view, end + 1, last)
        if not tail or tail[0] != end + 1 or taken & set(tail) \
                or texts[tail[0]][:1].isdigit() or texts[tail[0]].lower() in PRONOUNS:
            break
        end = tail[-1] + 1
    if end > source[-1] + 1:
        event.source = list(range(source[0], end))


# Before the finite verb a German main clause holds one constituent, so a noun phrase that
# ends at a comma right before the speaker belongs to it: an apposition ahead of the name ("Der
# neu ernannte Weihbischof der Diözese Linz, Gerhard Maria Wagner hat …", "hatte ein
# Talibanführer auf pakistanischer Seite, Baitullah Mehsud, erklärt") or the head of a list
# ("Die Außenminister Frankreichs, Italiens und Österreichs erklärten") (SpkAtt dev).
LEADING_APPOSITION = True
MAX_LEADING_APPOSITION_TOKENS = 12
_NOMINATIVE_ARTICLES = frozenset("der die das ein eine".split())


def _leading_apposition(view: TokenView, event: SpeechEvent) -> None:
    texts = view.texts
    source = sorted(event.source)
    comma = source[0] - 1
    if comma < 1 or texts[comma] != "," or source[-1] > min(event.cue) \
            or texts[source[0]].lower() in _RELATIVES | PRONOUNS \
            or not texts[comma - 1][:1].isupper():
        return
    first, _ = _sentence_range(view, comma)
    taken = set(event.message) | set(event.cue)
    for start in range(comma - 1, max(first, comma - MAX_LEADING_APPOSITION_TOKENS) - 1, -1):
        if texts[start] in _CLAUSE_BREAKS or texts[start] in _FINAL or start in taken:
            return
        if texts[start].lower() not in _NOMINATIVE_ARTICLES:
            continue
        if start > first and not (texts[start - 1][:1].islower()
                                  and texts[start - 1].lower() in _PERFECT_AUX | _MODALS
                                  | {"wird", "wurde"} or texts[start - 1].lower() in ("und",)):
            continue
        if any(texts[j][:1].isupper() for j in range(start + 1, comma)) and not any(
                texts[j].lower() in _PERFECT_AUX | _MODALS | _SUBORDINATORS
                or texts[j] in _OPENING or texts[j] in _CLOSING for j in range(start + 1, comma)):
            event.source = list(range(start, source[-1] + 1))
        return


# A sentence opens with one constituent before its finite verb, so a "der/des …" phrase between
# an opening subject and the verb is a genitive, never a dative addressee: "Ein Journalist der
# Deutschen Presse Agentur (dpa) befand sich … und berichtet" (SpkAtt dev), "Ein Reporter der
# Zeitung sagte".
PREFIELD_GENITIVE = True


def _prefield_genitive(view: TokenView, event: SpeechEvent) -> None:
    texts = view.texts
    source = sorted(event.source)
    after = source[-1] + 1
    first, last = _sentence_range(view, source[0])
    if source[0] != first or after + 1 >= last or source[-1] > min(event.cue) \
            or texts[after].lower() not in ("der", "des", "eines", "einer"):
        return
    tail = noun_phrase(view, after, min(event.cue))
    if not tail or tail[0] != after or set(tail) & (set(event.message) | set(event.addr)):
        return
    verb = texts[tail[-1] + 1]
    if verb[:1].islower() and verb.lower() not in PREPOSITIONS | DETERMINERS | _RELATIVES \
            and verb.lower() not in ("und", "oder", "sowie", "als", "wie"):
        event.source = source + list(range(after, tail[-1] + 1))


# A cue with no speaker whose clause holds a subject pronoun before it: "in dem er verlangte",
# "bei dem man davon ausgeht", "legte er sein Amt nieder und verkündete" (SpkAtt dev).
PRONOUN_BEFORE_CUE = True
MAX_PRONOUN_DISTANCE = 10


def _pronoun_before_cue(view: TokenView, event: SpeechEvent) -> list[int]:
    if _impersonal_cue(view, event):
        return []
    texts = view.texts
    lo = min(event.cue)
    first, _ = _sentence_range(view, lo)
    message = set(event.message)
    for j in range(lo - 1, max(first, lo - MAX_PRONOUN_DISTANCE) - 1, -1):
        word = texts[j].lower()
        if j in message or texts[j] in _FINAL or texts[j] in (",", ";", ":") \
                or texts[j] in _OPENING | _CLOSING:
            return []
        if word in ("er", "ich", "wir", "man") or word == "sie" and (
                j == lo - 1 or j > first and texts[j - 1].lower() in _RELATIVES):
            return [j]
    return []


# A quoted name or a bracket right after a speaker belongs to it where the clause rules cut
# it off: "die Musikzeitschrift „Billboard“ in ihrer Ausgabe", "die Tageszeitung ''La
# Nacion''", "Franz Müntefering (SPD)" (SpkAtt dev).
SOURCE_NAME_TAIL = True


def _source_name_tail(view: TokenView, event: SpeechEvent) -> None:
    texts = view.texts
    source = sorted(event.source)
    after = source[-1] + 1
    _, last = _sentence_range(view, source[-1])
    taken = set(event.message) | set(event.cue) | set(event.addr)
    if after + 2 >= last or after in taken:
        return
    opener = texts[after]
    closers = {"„": ("“", '"'), '"': ('"',), "»": ("«",), "''": ("''",), "(": (")",)}.get(opener)
    if closers is None or opener == "(" and texts[after - 1] in _CLOSING:
        return
    close = next((j for j in range(after + 1, min(last, after + 6)) if texts[j] in closers), None)
    if close is None or close == after + 1 or taken & set(range(after, close + 1)):
        return
    if opener != "(" and not texts[after + 1][:1].isupper():
        return
    if any(texts[j] in _FINAL or texts[j] == "," for j in range(after + 1, close)):
        return
    event.source = list(range(source[0], close + 1))


# An accusative or dative phrase is no speaker: "Dieser Arzt, Antonio Noja, schilderte
# gegenüber der Bildzeitung seinen ersten Eindruck" (the apposed prefield speaks), "Die Bürger
# forderte er auf" (the pronoun after the verb speaks, the prefield is addressed), "zitierte
# man Yolanda Alvarez" (whom "man" quotes is the source): SpkAtt dev.
OBJECT_IS_NO_SOURCE = True
PRONOUN_AFTER_VERB_SPEAKS = True
_OBJECT_ONLY_STARTS = frozenset("seinen ihren seinem ihrem einen einem dem den unseren".split())


def _object_is_no_source(view: TokenView, event: SpeechEvent) -> None:
    texts = view.texts
    source = sorted(event.source)
    verb = min(event.cue)
    first, last = _sentence_range(view, verb)
    low = texts[source[0]].lower()
    lemma = _cue_lemma(view, event)
    taken = set(event.message) | set(event.cue) | set(event.addr)
    if source[0] > verb and (low in _OBJECT_ONLY_STARTS or low in ("ihr", "sein")):
        # The subject is the prefield, closed by an apposition's comma before the verb.
        if verb - 1 > first and texts[verb - 1] == ",":
            subject = _subject_with_apposition(view, first, verb) \
                or _subject_with_relative(view, first, verb)
            if subject and not taken & set(subject):
                event.source = subject
        return
    if PRONOUN_AFTER_VERB_SPEAKS and source[-1] < verb and verb + 1 < last \
            and lemma not in OBJECT_ADDRESSEE_VERBS \
            and texts[verb + 1].lower() in ("er", "ich", "wir") \
            and verb + 1 not in set(event.cue) | set(event.addr) \
            and low not in PRONOUNS and texts[verb - 1] not in _CLAUSE_BREAKS | _CLOSING:
        # "Eine Verschiebung der Wahl bezeichnete er als fatal": the nominative pronoun after
        # the verb speaks, the prefield is its object.
        event.source = [verb + 1]
        return
    if source[-1] < verb and lemma in OBJECT_ADDRESSEE_VERBS:
        after = verb + 1
        pronoun = after < last and texts[after].lower() in ("er", "ich", "wir")
        if low in ("ihren", "seinen", "einen", "den") or pronoun:
            subject = [after] if pronoun else noun_phrase(view, after, last)
            # (the clause rules may have taken that subject for the addressee)
            if subject and subject[0] == after and (not event.addr or event.addr == subject) \
                    and not (set(event.message) | set(event.cue)) & set(subject):
                event.addr, event.source = source, subject
        return
    if lemma == "zitieren" and [texts[i].lower() for i in source] == ["man"]:
        quoted = noun_phrase(view, source[-1] + 1, last)
        if quoted and quoted[0] == source[-1] + 1 and not taken & set(quoted):
            event.source = quoted


# "Nach Angaben von Peter Beck, dem Dekan, …", "nach Angaben eines Mitarbeiters (NGO)", "laut
# einem Bericht vom November 2011": the source runs on past the noun phrase (SpkAtt dev).
ATTRIBUTION_APPOSITION = True


def _attribution_apposition(view: TokenView, event: SpeechEvent) -> None:
    texts = view.texts
    if texts[min(event.cue)].lower() not in ("nach", "laut", "gemäß"):
        return
    source = sorted(event.source)
    if max(event.cue) > source[0]:
        return  # postposed ("Seiner Meinung nach"): nothing follows the source
    _, last = _sentence_range(view, source[-1])
    end = source[-1] + 1
    for _ in range(3):
        if end < last and texts[end][:1].isdigit() and texts[end - 1].lower() in _MONTHS:
            end += 1  # "vom Sommer 2011"
        elif end + 2 < last and texts[end] == "(" and ")" in texts[end + 1 : end + 5]:
            end = next(j for j in range(end + 1, end + 5) if texts[j] == ")") + 1
        elif end + 2 < last and texts[end] == ",":
            apposition = _apposition_phrase(view, end + 1, last)
            if not apposition or apposition[0] != end + 1 \
                    or apposition[-1] + 1 >= last or texts[apposition[-1] + 1] != "," \
                    or texts[end + 1].lower() in PRONOUNS | _RELATIVES - {"der", "die", "dem"} \
                    or len(apposition) > MAX_MENTION_APPOSITION_TOKENS:
                break
            if texts[end + 1].lower() in ("der", "die") and not texts[end + 2][:1].isupper() \
                    and not is_adjective(texts[end + 2]):
                break
            end = apposition[-1] + 1
        else:
            break
    if end == source[-1] + 1:
        return
    grown = list(range(source[0], end))
    event.source = grown
    drop = set(grown)
    message = [i for i in event.message if i not in drop]
    while message and texts[message[0]] == ",":
        message = message[1:]
    event.message = message


# "Wie „heise online“ berichtet", "Wie die „Bild“-Zeitung in der Ausgabe vom … berichtete",
# "Wie X, Sprecher des Y, in Bangkok mitteilte": in a "wie" clause the subject comes first,
# whatever adverbials follow it before the verb (SpkAtt dev).
WIE_CLAUSE_SUBJECT = True


def _wie_subject(view: TokenView, event: SpeechEvent) -> None:
    texts = view.texts
    verb = min(event.cue)
    if texts[verb].lower() == "wie":
        if len(event.cue) < 2:
            return
        wie, verb = verb, min(event.cue[1:])
    else:
        # The clause rules stop at an apposition's comma: "Wie X, Sprecher des Y, mitteilte".
        sentence_first, _ = _sentence_range(view, verb)
        wie = next((j for j in range(verb - 1, max(sentence_first, verb - 20) - 1, -1)
                    if texts[j].lower() == "wie" or texts[j] in _FINAL), None)
        if wie is None or texts[wie] in _FINAL \
                or wie in event.message and not _lead_in_message(event, wie, verb) \
                or not (wie == sentence_first or texts[wie - 1] == ",") \
                or any(cues.speech_verb(texts[j]) for j in range(wie + 1, verb)):
            return  # (the "wie" clause has a verb of its own: "Wie AFP berichtet, habe …")
    first = wie + 1
    if event.source and not (first < min(event.source) and max(event.source) < verb):
        return  # only a missing subject or one found inside the clause, past its start
    if first >= verb:
        return
    if WIE_PRONOUN_OBJECT and _subject_after_wie_pronoun(view, wie, verb):
        return  # "wie sie auch die USA verlangen": the speaker follows the pronoun
    phrase = noun_phrase(view, first, verb) or _bare_name(view, first, verb)
    if not phrase and texts[first] in _OPENING:
        close = next((j for j in range(first + 1, min(verb, first + 6)) if texts[j] in _CLOSING),
                     None)
        if close is not None and texts[first + 1][:1].isupper():
            phrase = list(range(first, close + 1))
            if close + 1 < verb and texts[close + 1].startswith("-"):
                phrase.append(close + 1)  # die „Bild“-Zeitung, tokenised „ Bild“-Zeitung
    if not phrase or phrase[0] != first or texts[first].lower() in _NOT_SUBJECT_STARTS:
        return
    after = phrase[-1] + 1
    if after + 1 < verb and texts[after] == ",":
        apposition = _apposition_phrase(view, after + 1, verb)
        if apposition and apposition[0] == after + 1 and (
                apposition[-1] + 1 == verb or texts[apposition[-1] + 1] == ","
                or addressee_phrase(view, apposition[-1] + 1, verb)):
            phrase = list(range(first, apposition[-1] + 1))
    if set(phrase) & set(event.message):
        if not _lead_in_message(event, wie, verb):
            return
        # "Wie X, Sprecher des Y, erklärte, habe …": the clause rules took the lead-in for the
        # message; what follows the verb's clause is said.
        _, last = _sentence_range(view, verb)
        comma = next((j for j in range(verb + 1, last) if texts[j] == ","), None)
        message = _strip_final(view, list(range(comma + 1, last)), last) if comma else []
        if len(message) < 2:
            return
        event.message = message
    event.source = phrase
    if wie not in event.cue:
        event.cue = sorted([wie, *event.cue])
    if not event.addr:
        index = phrase[-1] + 1
        while index < verb and texts[index] in (",",) or index < verb \
                and texts[index].lower() in SKIPPABLE - {"gegenüber"}:
            index += 1
        addr = addressee_phrase(view, index, verb)
        if addr and texts[addr[0]].lower() == "gegenüber":
            addr = addr[1:]
        event.addr = addr


def _lead_in_message(event: SpeechEvent, wie: int, verb: int) -> bool:
    return bool(event.message) and min(event.message) >= wie and max(event.message) < verb


# Summoning verbs whose object stands deeper in the midfield: "fordern die Organisationen Bürger
# dazu auf", "hat am Samstag in ihrer Videobotschaft die Autohersteller aufgefordert", "wird
# dem Geschäftsführer vorgeworfen", "fordert von der Regierung Aufklärung" (SpkAtt dev).
MIDFIELD_OBJECT_ADDRESSEE = True
DATIVE_AFTER_ANY_CUE = True


def _midfield_object_addressee(view: TokenView, event: SpeechEvent) -> list[int]:
    texts = view.texts
    lemma = _cue_lemma(view, event)
    if lemma not in OBJECT_ADDRESSEE_VERBS and lemma != "fordern":
        return []
    lo, hi = min(event.cue), max(event.cue)
    first, last = _sentence_range(view, lo)
    taken = set(event.message) | set(event.source) | set(event.cue)
    if lemma == "fordern":
        index = lo + 1
        while index < last and (index in event.source or texts[index].lower() in SKIPPABLE):
            index += 1
        if index + 1 < last and texts[index].lower() in ("von", "vom"):
            phrase = noun_phrase(view, index + 1, last, genitive=True)
            if phrase and phrase[0] == index + 1 and not taken & set(phrase):
                return phrase
        return []
    stop = hi if hi > lo else last
    index = lo + 1
    while index < stop:
        word = texts[index].lower()
        if index in event.source or word in SKIPPABLE | _CUE_ADVERBS | {"oft", "aber", "auch",
                                                                       "seinerseits", "offen"}:
            index += 1
            continue
        if texts[index] in _FINAL or texts[index] in (",", ":", ";") or index in taken:
            return []
        if word in PREPOSITIONS:
            phrase = noun_phrase(view, index + 1, stop, genitive=True)
            index = (phrase[-1] + 1) if phrase else index + 2
            continue
        phrase = noun_phrase(view, index, stop, genitive=True)
        if not phrase or phrase[0] != index or word in PRONOUNS - {"ihm", "ihr", "ihnen"} \
                or word in ("sich", "es", "das", "dies") or taken & set(phrase):
            return []
        return phrase
    # A passive with its object in the prefield: "Der Regierung wird vorgeworfen".
    if any(texts[i].lower() in _PASSIVE_AUX for i in event.cue) and not event.source:
        start, _ = _clause_bounds(view, first, last, lo, hi)
        while start < lo and texts[start] in _OPENING | _CLOSING:
            start += 1
        phrase = _np_with_attachments(view, start, lo)
        if phrase and phrase[0] == start and phrase[-1] + 1 == lo \
                and texts[start].lower() not in ("es", "darin", "dabei", "dazu") \
                and not taken & set(phrase):
            return phrase
    return []


def _cue_lemma(view: TokenView, event: SpeechEvent) -> str:
    for index in event.cue:
        readings = cues.speech_verb(view.texts[index])
        if readings:
            particles = {view.texts[j].lower() for j in event.cue}
            with_particle = [r for r in readings if r.particle in particles]
            return (with_particle or readings)[0].lemma
    return ""


def _passive_roles(view: TokenView, event: SpeechEvent) -> None:
    """ "X wurde von Y aufgefordert", "wie vom Bundesgerichtshof entschieden", "Es wird
    vermutet": Y speaks; the subject is the addressee only of summoning verbs, else no role."""
    texts = view.texts
    words = {texts[i].lower() for i in event.cue}
    wie = texts[min(event.cue)].lower() == "wie"
    if not words & _PASSIVE_AUX and not wie:
        return
    lemma = _cue_lemma(view, event)
    if not lemma or lemma == "heißen":
        return
    lo, hi = min(event.cue), max(event.cue)
    first, last = _sentence_range(view, lo)
    start, end = _clause_bounds(view, first, last, lo, hi)
    if wie:
        start = lo
    taken = set(event.message) | set(event.cue)
    agent: list[int] = []
    for index in range(start, end):
        if index in taken or texts[index].lower() not in ("von", "vom"):
            continue
        phrase = noun_phrase(view, index + 1, end)
        if index > first and texts[index - 1][:1].isupper() and not (
                phrase and lo < index and phrase[-1] + 1 == hi):
            # attributive: "unter der Führung von X", "die Souveränität von Libyen" (but
            # "wurde die Bundesregierung vom LSVD aufgefordert": right before the participle)
            continue
        if phrase and phrase[0] == index + 1 and not texts[phrase[0]][:1].isdigit() \
                and texts[phrase[0]].lower() not in PRONOUNS:
            agent = phrase
            break
    if wie and not agent:
        return
    if not agent:
        # "In einem Bericht der Zeitung X wurde vermutet", "So wird in einer Pressemitteilung
        # der Organisation gefordert": the document speaks.
        document = _document_source(view, start, end, set(event.cue))
        if document and not taken & set(document) and any(
                texts[i].lower().endswith(_DOCUMENT_NOUN_ENDINGS) for i in document):
            agent = document
    subject = [i for i in (event.addr or event.source)
               if not agent or i < agent[0] - 1 or i > agent[-1]]
    if agent and lemma in ("verlangen", "fordern") \
            and texts[agent[0] - 1].lower() in ("von", "vom"):
        # "Von den Abgeordneten wurde Aufklärung verlangt": asked of them, not said by them.
        event.addr, event.source = agent, []
        return
    if lemma == "zitieren" and subject and texts[subject[0]].lower() not in ("es", "das"):
        # "X wird von Reuters mit den Worten zitiert": X spoke (SpkAtt dev).
        event.source, event.addr = subject, []
        return
    participle = texts[max(event.cue)].lower()
    if agent:
        event.source = agent
    elif event.source and not event.addr and not (
            lemma in OBJECT_ADDRESSEE_VERBS and participle.endswith("t")
            or "ge" in participle[:5]):
        return  # an active reading after all ("wird … sagen")
    else:
        event.source = []  # "Darin wird der Ex-Minister aufgefordert": the subject is addressed
    if subject and texts[subject[0]].lower() not in ("es", "das", "dies") \
            and lemma in OBJECT_ADDRESSEE_VERBS and not set(subject) & set(agent):
        event.addr = subject
    else:
        event.addr = []


def _prepositional_addressee(view: TokenView, event: SpeechEvent) -> list[int]:
    texts = view.texts
    first, last = _sentence_range(view, min(event.cue))
    # Distances count from the cue and its speaker: "sagte X, Y des Z, gegenüber der BBC".
    near = [i for i in (*event.cue, *event.source) if first <= i < last]
    lo, hi = min(near), max(near)
    message = set(event.message)
    blocked = message | set(event.source) | set(event.cue)
    if event.attribution and event.source:
        after = max(event.source) + 1  # "nach Angaben X gegenüber dem Y": not the message
        if after < last and texts[after].lower() == "gegenüber":
            message = message - set(range(after, last))
            blocked = message | set(event.source) | set(event.cue)
    best: tuple[int, list[int]] | None = None
    for index in range(max(first, lo - MAX_ADDRESSEE_DISTANCE),
                       min(last - 1, hi + MAX_ADDRESSEE_DISTANCE)):
        if index in blocked:
            continue
        between = range(index + 1, lo) if index < lo else range(hi + 1, index)
        if any(j in message or texts[j] in _FINAL or texts[j] in (";", ":") for j in between):
            continue
        low = texts[index].lower()
        previous = texts[index - 1].lower() if index > first else ""
        phrase: list[int] = []
        if low == "gegenüber" and previous not in _NOT_ADDRESSEE_BEFORE and not (
                # "Haltung gegenüber der PKK", "die man gegenüber X wahrnehmen müsse": a
                # stance's object, not whom the speaker told
                previous.endswith(_STANCE_NOUN_ENDINGS)
                or previous in PRONOUNS and index - 1 not in event.source):
            phrase = noun_phrase(view, index + 1, last, genitive=False) \
                or _bare_name(view, index + 1, last)
        elif low == "vor":
            phrase = noun_phrase(view, index + 1, last, genitive=False)
            if not any(texts[j].lower().startswith(_AUDIENCE_HEADS)
                       or texts[j].lower().endswith(_AUDIENCE_HEADS) for j in phrase):
                phrase = []
        elif low == "mit" and previous.endswith(_CONVERSATION_NOUNS):
            phrase = noun_phrase(view, index + 1, last, genitive=True)
        elif low == "an" and (previous.endswith(_LETTER_NOUNS) or index - 1 in event.cue
                              and _cue_lemma(view, event) in ("appellieren", "wenden")):
            # "in einem Brief an X", "appellierte an X", "wandte sich an X"
            phrase = noun_phrase(view, index + 1, last, genitive=True)
        elif low in ("dem", "einem", "den", "der") and min(event.cue) < index < max(event.cue) \
                and texts[min(event.cue)].lower() in _PERFECT_AUX \
                and previous not in PREPOSITIONS and previous not in DETERMINERS:
            # A dative in the midfield: "hat in einem Brief den Abgeordneten mitgeteilt".
            phrase = addressee_phrase(view, index, max(event.cue))
        elif low in ("der", "den") and index > hi and previous not in PREPOSITIONS \
                and previous not in DETERMINERS and not previous[:1].isupper():
            # The press as a dative past an adverbial: "sagte in Juba der Presse".
            phrase = addressee_phrase(view, index, last)
            if phrase and not any(texts[j].lower().startswith(_AUDIENCE_HEADS) for j in phrase):
                phrase = []
        elif low in ("zur", "zum"):
            phrase = noun_phrase(view, index + 1, last, genitive=False) \
                or _bare_name(view, index + 1, last)
            words = [texts[j].lower().strip("„“\"") for j in phrase]
            if not any(w in ADDRESSEE_HEADS or w.endswith(_ADDRESSEE_ENDINGS) for w in words):
                phrase = []
        if not phrase or set(phrase) & blocked or set(phrase) & message:
            continue
        distance = lo - index if index < lo else index - hi
        if best is None or distance < best[0]:
            best = (distance, phrase)
    if best is None:
        return []
    phrase = best[1]
    if event.attribution:
        event.message = [i for i in event.message if i not in phrase and i != phrase[0] - 1]
    return phrase


_ADDRESSEE_ENDINGS = ("zeitung", "zeitschrift", "agentur", "magazin", "sender", "schau",
                      "blatt", "reporter", "fernsehen", "radio")
