"""The rules that find speech events in sentences: cue, speaker, message, addressee.

One pass over the sentences of a document, in order:

1. cue candidates per sentence: speech verbs (with their separated particle and auxiliary),
   attribution phrases ("laut", "nach Angaben", "zufolge", "gemäß", "wie ... berichtete",
   ", so X", "hieß es");
2. for each verb cue the clause layout decides where the message is: before the cue
   ("…, sagte X.") or after it ("X sagte, …" / "X sagte: „…“"); the speaker is the phrase
   before the finite verb where that reads as a subject, else the one right after it;
3. quotations with no cue of their own continue the speaker of the sentence before
   (this also joins the second half of an interrupted quote: „A“, sagte X. „B“);
4. following sentences in Konjunktiv with no cue keep the last speaker (continuation, one
   event per run, SpkAtt "IndirectFreeIndirect"); a Konjunktiv-I sentence far from any event
   is a continuation with no named speaker; "X soll … haben/sein" hearsay is "FreeIndirect";
   "X bremste: Die Lage sei …" takes the subject before the colon; a blank line (new
   paragraph or live-blog entry) ends a speaker's reach;
5. quoted fragments inside indirect speech become nested direct events (SpkAtt annotates both;
   :func:`lagebild.extract.quotes.extract_quotes` keeps only the outer, mixed statement).

As SpkAtt annotates them, a quotation after an event with a cue (the second half of „A“, sagte
X. „B“, or a quote following "X sagte, …") is an event of its own with that cue, and so is a
second statement after the speaker ("A sei …, sagte X, B sei …"). A sentence with no known cue
of the form "Subject verb …, <Konjunktiv I clause>" takes its verb as a guessed cue (the long
tail of speech verbs); Konjunktiv II alone ("könnte", "wäre") continues speech only right after
a Konjunktiv I sentence; "wurde bekannt, dass", "zeigte sich besorgt, dass", "Dies geht aus X
hervor", "…, das teilte X mit" are cues; a speech verb without message clause is a report of
speech only for :data:`REPORTING_VERBS` (and "berichten von"), never in the passive.

Cues without a speech verb: ", so X" (with or without apposition), "Demnach", ", wonach",
postposed "Seiner Meinung nach", relative ", der zufolge", stance nouns with their verb
("ist der Meinung", "vertritt die Ansicht", "geht davon aus"). Speakers: prefield subjects may
carry prepositional attachments and appositions ("Die US-Botschaft im Irak", "X, Sprecher des Y,");
postponed speakers take a closing apposition; a passive cue's subject is its addressee;
"In der Erklärung des WWF heißt es" names the document as the source; "nach" with document
nouns ("Nach dem Grundgesetz"), ", nach denen …" (the pronoun is the source), "laut spiegel.de";
separated particles past an apposition or bracket; a lead-in "X, Präsident des Y, kritisierte:"
is the speaker; objects of summoning verbs ("forderte die SPD auf") are addressees.

With the language layer's named-entity mentions (``TokenView.mentions``; all of this is skipped
where there are none), speakers are refined after the word-shape rules: a speaker ends where
its mention ends ("Ali al-Omair"); an apposition next to a PER mention belongs to it ("Karl Jung,
Geschäftsführer des Bauernbundes"; "der Direktor der Behörde, Bagus Puruhito"); a PER name
opening the clause before an apposition is part of it; a LOC mention after "in"/"im" belongs to
an institution speaker ("die Regierung in Lomé"); a cue with no speaker takes the nearest
PER/ORG mention of its clause in subject position; an adverbial prefield ("Bislang",
"Ende Januar") gives way to the subject after the finite verb; a cue-less continuation with no
speaker nearby takes the subject mention of the sentence before.

Last, :func:`_refine_roles` fixes Source and Addr spans on the finished events as SpkAtt
annotates them: a passive cue's "von X" speaks and its subject is addressed only by summoning
verbs ("Die Stadt wurde vom Verband aufgefordert"; "Es wird vermutet" has neither); a document
named in a passive clause speaks; a "wie" clause's subject runs to its verb (with apposition);
attribution sources keep their apposition, bracket and month-year ("nach Angaben von X, dem
Dekan,"); quoted names and brackets, and "aus/von/für" origins stay with the speaker; objects
("seinen Eindruck") are no speakers; prepositional addressees without the preposition
("gegenüber der BBC", "vor der Presse", "im Interview mit X", "zur Sportschau", "Brief an X"),
datives between auxiliary and participle, and objects of summoning verbs deeper in the midfield.

The rules are split over four modules of this package: this one holds the per-sentence event
rules (cue candidates, clause layout, message and speaker of each cue) and :func:`find_events`,
which runs the passes; :mod:`~lagebild.extract.quotes.roles` the role pass
(:func:`_refine_roles`), :mod:`~lagebild.extract.quotes.continuations` the cue-less
quotations, continuations and hearsay, and :mod:`~lagebild.extract.quotes.clauses` the
low-level clause, phrase and Konjunktiv helpers the others share.
"""

from __future__ import annotations

from lagebild.extract.quotes import cues
from lagebild.extract.quotes.clauses import (
    _CITING_STEMS,
    _CLAUSE_BREAKS,
    _CLOSING,
    _CUE_ADVERBS,
    _FINAL,
    _KONJUNKTIV_I_SENTENCES,
    _LEADING_ADVERBS,
    _MODALS,
    _MONTHS,
    _NOT_SUBJECT_STARTS,
    _OBJECT_DETERMINERS,
    _OPENING,
    _PASSIVE_AUX,
    _PERFECT_AUX,
    _PREFIELD_PARTICLES,
    _RELATIVES,
    _SOURCE_ATTACHING,
    _SUBORDINATORS,
    _TEMPORAL_SUBORDINATORS,
    CITED_CHAIN,
    CITED_IN_MIDFIELD,
    MAX_MENTION_APPOSITION_TOKENS,
    OBJECT_ADDRESSEE_VERBS,
    REFLEXIVE_BEFORE_SUBJECT,
    WIE_PRONOUN_OBJECT,
    _addressee,
    _apposition_phrase,
    _bare_name,
    _cited,
    _cited_chain,
    _clause_bounds,
    _document_source,
    _has_named,
    _has_person,
    _konjunktiv_i_at,
    _konjunktiv_i_sentence,
    _konjunktiv_sentence,
    _np_with_attachments,
    _phrase_around,
    _quoted_name_before,
    _sentence_range,
    _strip_final,
    _subject_after,
    _subject_after_wie_pronoun,
    _subject_with_apposition,
    _subject_with_relative,
    _verb_second,
    _von_phrase_between,
)
from lagebild.extract.quotes.continuations import (
    _continuations,
    _quotes_without_cue,
    _sentence_subject,  # noqa: F401 - re-exported
)
from lagebild.extract.quotes.direct import QuotedSpan, has_verbish, quoted_spans
from lagebild.extract.quotes.events import DIRECT, INDIRECT, REPORTED, SpeechEvent
from lagebild.extract.quotes.roles import _refine_roles
from lagebild.extract.quotes.speakers import (
    DETERMINERS,
    PREPOSITIONS,
    PRONOUNS,
    SKIPPABLE,
    addressee_phrase,
    is_adjective,
    noun_phrase,
    phrase_before,
    quoted_name,
)
from lagebild.extract.quotes.text import TokenView

# Quoted fragments of at least this many words inside indirect speech count as nested direct
# speech; single quoted words are mostly names or scare quotes (SpkAtt dev split).
MIN_NESTED_QUOTE_TOKENS = 2


# Heads after "nach" that name a document or plan as the source of what follows
# ("Nach dem Grundgesetz", "Nach einer Stellungnahme der US-Armee"): SpkAtt dev split.
_NACH_DOCUMENT_NOUNS = frozenset(
    "stellungnahme analyse endergebnis dokument darstellungen vorhersage ankündigung idee "
    "grundgesetz verfassung hinweis erfahrungen erkenntnisstand plan veröffentlichung bekunden "
    "gesetzesentwurf artikel nachricht wunsch quellenlage".split()
)
# After "nach der/dem" these name an event, so "nach" is temporal (SpkAtt dev).
_NACH_EVENT_NOUNS = frozenset("veröffentlichung auszählung nachricht zählung".split())
# Compounds ending in these are document nouns too: "EU-Dokument", "Reichsvermögensgesetz".
_NACH_DOCUMENT_ENDINGS = ("dokument", "gesetz", "nachricht", "mitteilung", "reporterin",
                          "reporter", "korrespondent", "korrespondentin")
_ATTRIBUTION_NOUN_ENDINGS = (
    "angaben", "berichten", "bericht", "informationen", "aussagen", "aussage", "schätzungen",
    "schätzung", "meinung", "ansicht", "auffassung", "einschätzung", "darstellung", "worten",
    "erkenntnissen", "planungen", "plänen", "prognose", "prognosen", "berechnungen", "zählung",
    "umfrage", "studie", "recherchen", "auskunft", "mitteilung", "meldungen", "meldung",
)
# Verbs whose bare use ("X sprach von Geiseln", "X forderte den Rücktritt") reports a speech
# act worth a record of its own. Others ("bestätigte", "äußerte sich", "erwartet") without a
# message clause were mostly not speech reports on the SpkAtt dev split.
REPORTING_VERBS = frozenset(
    "sprechen fordern bezeichnen nennen vorwerfen begründen schreiben angeben "
    "bekanntgeben plädieren bemängeln schätzen ausgehen warnen".split()
)
# A clause after the cue that opens with one of these is an adverbial clause, not the message.
_NOT_MESSAGE_STARTS = frozenset(
    "während weil obwohl nachdem bevor bis sodass zumal als wenn falls da damit um und aber "
    "sondern denn doch jedoch darunter solange sobald sofern seitdem ehe obgleich"
    .split()  # ("…, darunter X": an apposition, no clause)
)


def find_events(view: TokenView) -> list[SpeechEvent]:
    _KONJUNKTIV_I_SENTENCES.clear()
    quotes = quoted_spans(view)
    quote_at: dict[int, QuotedSpan] = {}
    for span in quotes:
        quote_at[span.open] = span
    inside = _inside_statement_quotes(view, quotes)
    events: list[SpeechEvent] = []
    used_quotes: set[int] = set()
    for number, (first, last) in enumerate(view.sentences):
        found = _sentence_events(view, number, first, last, quote_at, inside, used_quotes)
        if not found and GUESSED_VERB_CUES:
            guessed = _guessed_verb_event(view, number, first, last, inside)
            found = [guessed] if guessed is not None else []
        if ONE_EVENT_PER_MESSAGE and len(found) > 1:
            found = _one_event_per_message(found)
        events.extend(found)
    if view.mentions:
        _refine_by_mentions(view, events)
    events = _quotes_without_cue(view, events, quotes, used_quotes)
    refined = {id(e) for e in events}
    events = _continuations(view, events, inside)
    if view.mentions:
        _refine_by_mentions(view, [e for e in events if id(e) not in refined])
    if REFINED_SOURCE_CONTINUES:
        _refine_and_pass_on(view, events, [tuple(e.source) for e in events])
    else:
        _refine_roles(view, events)
    if QUOTED_PERSON_TWINS:
        events.extend(_quoted_person_twins(view, events))
    events.extend(_nested_quotes(view, events, quotes))
    if DATELINE_OUTSIDE_MESSAGE:
        _drop_datelines(view, events)
    events.sort(key=lambda e: (min(e.message or e.cue or [0]), e.nested))
    return events


# Statements that go on without a cue copied their speaker from the event before them ahead of
# the role fixes: where a fix changed that speaker ("Ein Journalist" → "Ein Journalist der
# Deutschen Presse Agentur (dpa)"), the statements after it take the fixed one (SpkAtt dev).
REFINED_SOURCE_CONTINUES = True


def _refine_and_pass_on(view: TokenView, events: list[SpeechEvent], before: list[tuple]) -> None:
    original = {id(e): old for e, old in zip(events, before)}
    _refine_roles(view, events)
    changed: dict[tuple, tuple[int, list[int]]] = {}
    for event in sorted(events, key=lambda e: e.sentence):
        old = original.get(id(event))
        if old is None:
            continue
        if event.cue and not event.nested and old and tuple(event.source) != old:
            changed[old] = (event.sentence, list(event.source))
        elif not event.cue and old and tuple(event.source) == old and old in changed \
                and changed[old][0] < event.sentence:
            event.source = list(changed[old][1])


# "KIEW (dpa-AFX) - Die Ukraine will …": the dateline (place in capitals, credit in brackets,
# dash) opens the report, not the statement; its agency is a link of the chain (see
# :func:`lagebild.extract.quotes.extract_quotes`).
DATELINE_OUTSIDE_MESSAGE = True
MAX_DATELINE_PLACES = 4
MAX_DATELINE_CREDIT_TOKENS = 6


def dateline(view: TokenView, first: int, last: int) -> tuple[int, list[int]] | None:
    """(index after the dash, credit tokens) of a dateline opening tokens ``first:last``."""
    texts = view.texts
    index, places = first, 0
    while index < last and places < MAX_DATELINE_PLACES and len(texts[index]) > 1 \
            and texts[index].isupper():
        places += 1
        index += 1
        if index + 1 < last and texts[index] == "/" and texts[index + 1].isupper():
            index += 1
    if not places or index >= last or texts[index] != "(":
        return None
    close = next((j for j in range(index + 1, min(last, index + 2 + MAX_DATELINE_CREDIT_TOKENS))
                  if texts[j] == ")"), None)
    if close is None or close == index + 1 or close + 2 >= last \
            or texts[close + 1] not in ("-", "–", "—"):
        return None
    return close + 2, list(range(index + 1, close))


def _drop_datelines(view: TokenView, events: list[SpeechEvent]) -> None:
    for event in events:
        if not event.message:
            continue
        first, last = view.sentences[event.sentence]
        found = dateline(view, first, last)
        if found is None:
            continue
        cut = set(range(first, found[0]))
        event.message = [i for i in event.message if i not in cut]


# "Der Kreml lehnt das ab und verweist darauf, dass …": two cues of a sentence that found the
# same message are one statement, of the cue nearest before it.
ONE_EVENT_PER_MESSAGE = True


def _one_event_per_message(found: list[SpeechEvent]) -> list[SpeechEvent]:
    best: dict[tuple[int, ...], SpeechEvent] = {}
    for event in found:
        key = tuple(event.message)
        other = best.get(key)
        if other is None or not key or not event.cue or not other.cue:
            best.setdefault(key, event)
            continue
        start = key[0]
        if max(other.cue) > start or start > max(event.cue) > max(other.cue):
            best[key] = event
    kept = {id(e) for e in best.values()}
    return [e for e in found if id(e) in kept or not e.message]


# "Der Spiegel zitiert den Prediger mit den Worten „…“": SpkAtt annotates the statement twice,
# as the outlet's (with the cue) and as the quoted person's (no cue). The twin is marked nested,
# so the pipeline keeps one quote (SpkAtt dev).
QUOTED_PERSON_TWINS = True


def _quoted_person_twins(view: TokenView, events: list[SpeechEvent]) -> list[SpeechEvent]:
    texts = view.texts
    out = []
    for event in events:
        if event.nested or not event.cue or not event.message or not event.source:
            continue
        verb = next((i for i in event.cue if texts[i].lower().startswith("zitier")), None)
        if verb is None:
            continue
        taken = set(event.source) | set(event.message) | set(event.cue)
        _, end = _clause_bounds(view, *view.sentences[event.sentence], verb, verb)
        if any(texts[i].lower() in _PASSIVE_AUX for i in event.cue):
            continue  # (the passive's two sources tie in SpkAtt's matching: no gain on dev)
        index = verb + 1
        while index < end and texts[index].lower() in SKIPPABLE:
            index += 1
        person = noun_phrase(view, index, end)
        if person and not set(person) & taken and texts[person[0]].lower() not in PRONOUNS - {
                "ihn", "sie"} and texts[person[0]].lower() not in ("eine", "einen", "ein"):
            out.append(SpeechEvent(event.sentence, event.form, source=person,
                                   message=list(event.message), nested=True))
    return out


# --------------------------------------------------------------------------- mentions

# Words after a source that fence off an apposition: its end must be a clause end.
_APPOSITION_ENDS = frozenset({",", ")", ":", ";", "–"}) | _FINAL


def _refine_by_mentions(view: TokenView, events: list[SpeechEvent]) -> None:
    for event in events:
        if not event.source and event.cue and MENTION_FALLBACK_SOURCE \
                and not event.addr and not event.attribution:
            event.source = _mention_subject(view, event)
        if event.source and event.cue and MIDFIELD_SUBJECT and not event.attribution:
            event.source = _midfield_subject(view, event) or event.source
        if event.source:
            event.source = _source_by_mentions(view, event)


# "Anfang Juli hatte der Sender al-Dschasira berichtet", "Weiterhin erklärte die Ministerin":
# a prefield with no named entity that reads as an adverbial gives way to the subject after
# the finite verb when that subject is a PER/ORG mention or a nominative phrase (SpkAtt dev).
MIDFIELD_SUBJECT = True
_NOMINATIVE_STARTS = frozenset("der die das ein eine er sie".split())


def _midfield_subject(view: TokenView, event: SpeechEvent) -> list[int]:
    texts = view.texts
    source = sorted(event.source)
    lo = min(event.cue)
    if source[-1] >= lo or _has_named(view, source):
        return []
    if any(texts[i].lower() in ("heißt", "hieß", "geheißen", "es") for i in event.cue):
        return []
    _, last = _sentence_range(view, lo)
    if any(texts[j] in _CLAUSE_BREAKS or texts[j] in _FINAL for j in range(source[-1] + 1, lo)):
        return []
    index = lo + 1
    taken = set(event.cue) | set(event.message) | set(event.addr)
    while index < last and (index in event.cue or texts[index].lower() in SKIPPABLE - {"gegenüber"}):
        index += 1
    if index >= last or index in taken or texts[index].lower() in _NOT_SUBJECT_STARTS:
        return []
    phrase = noun_phrase(view, index, last)
    if not phrase or phrase[0] != index or taken & set(phrase):
        return []
    if texts[source[0]].lower() in DETERMINERS | PRONOUNS \
            or len(source) > MAX_ADVERBIAL_PREFIELD_TOKENS:
        return []  # "Der Staatssekretär sagte der „Berliner Zeitung“": the prefield speaks
    if _has_named(view, phrase) or texts[index].lower() in _NOMINATIVE_STARTS:
        return phrase
    return []


# A prefield this short without an article reads as an adverbial ("Bislang", "Des Weiteren",
# "Ende Januar 2006"); longer ones are bare noun phrases ("Medienvertreter der …"): SpkAtt dev.
MAX_ADVERBIAL_PREFIELD_TOKENS = 3


def _source_by_mentions(view: TokenView, event: SpeechEvent) -> list[int]:
    """Where a source ends, by the language layer's mentions rather than word shapes.

    A name the word-shape rules cut short ("Ali al-Omair", "Byrs vom UN-Büro … (OCHA)") runs to
    its mention's end; an apposition fenced by commas next to a PER mention belongs to the
    source ("Reinhard Jung, Geschäftsführer des Bauernbundes", "der Direktor der Behörde,
    Bagus Puruhito"), as SpkAtt annotates it.
    """
    texts = view.texts
    source = sorted(event.source)
    sentence_first, sentence_last = _sentence_range(view, source[-1])
    taken = set(event.cue) | set(event.message) | set(event.addr)
    mention = view.mention_at(source[-1])
    if mention is not None and mention[1] > source[-1] + 1 and mention[1] <= sentence_last \
            and not taken & set(range(source[-1] + 1, mention[1])):
        source = list(range(source[0], mention[1]))
    after = source[-1] + 1
    if MENTION_APPOSITION and after + 1 < sentence_last and texts[after] == "," \
            and after + 1 not in taken:
        apposition = _apposition_phrase(view, after + 1, sentence_last)
        if apposition and apposition[0] == after + 1:
            end = apposition[-1] + 1
            person_near = _has_person(view, source) or _has_person(view, apposition)
            if person_near and len(apposition) <= MAX_MENTION_APPOSITION_TOKENS \
                    and (end >= sentence_last or texts[end] in _APPOSITION_ENDS) \
                    and texts[apposition[0]].lower() not in PRONOUNS | _RELATIVES - {
                        "der", "die", "dem", "den", "des"} \
                    and not (texts[apposition[0]].lower() in _RELATIVES
                             and end < sentence_last and texts[end] not in _FINAL
                             and not texts[end - 1][:1].isupper()) \
                    and not taken & set(range(after, end)):
                source = list(range(source[0], end))
    # "die Regierung in Lomé", "ein Sprecher des LBM in Koblenz": a place named by a LOC
    # mention right after the speaker is part of it in SpkAtt (not "am Montag", "im Interview").
    after = source[-1] + 1
    last_mention = view.mention_at(source[-1])
    if LOC_ATTACHMENT and after + 1 < sentence_last and texts[after].lower() in ("in", "im", "aus") \
            and not (last_mention is not None and last_mention[2] == "PER") \
            and not (len(source) == 1 and texts[source[0]].lower() in PRONOUNS):
        # (A person's place is where they spoke, not who they are: "sagte Seibert in Berlin";
        # a pronoun takes no attachment: "sagte er in Moskau".)
        place = view.mention_at(after + 1)
        if place is not None and place[0] == after + 1 and place[2] == "LOC" \
                and place[1] <= sentence_last and not taken & set(range(after, place[1])):
            source = list(range(source[0], place[1]))
    # "Rob Mueller, Klub-Sekretär der Buitenboys sagte": a name opening the clause, then its
    # apposition, then the verb: the speaker is the whole lead-in.
    if MENTION_LEAD_IN and event.cue and source[0] >= sentence_first + 2 \
            and texts[source[0] - 1] == "," and max(source) < min(event.cue):
        head = view.mention_at(source[0] - 2)
        opening = head[0] if head is not None else -1
        if head is not None and head[2] == "PER" and head[1] == source[0] - 1 and (
                opening == sentence_first or opening == sentence_first + 1
                and texts[sentence_first].lower() in _PREFIELD_PARTICLES) \
                and not taken & set(range(opening, source[0])):
            source = list(range(opening, source[-1] + 1))
    return source


MENTION_LEAD_IN = True
LOC_ATTACHMENT = True

MENTION_APPOSITION = True
# A verb cue with no speaker from the word-shape rules takes the nearest PER/ORG mention of
# its clause in subject position ("äußerte sich Vatikansprecher Navarro-Valls", "Wie die
# Premierministerin von Queensland, Anna Bligh, erklärte"): SpkAtt dev.
MENTION_FALLBACK_SOURCE = True
# How far (tokens) from the cue a fallback speaker mention may stand (SpkAtt dev).
MAX_MENTION_SUBJECT_DISTANCE = 8


def _mention_subject(view: TokenView, event: SpeechEvent) -> list[int]:
    texts = view.texts
    lo, hi = min(event.cue), max(event.cue)
    if any(texts[i].lower() in ("heißt", "hieß", "geheißen") for i in event.cue):
        return []
    if any(texts[i].lower() in _PASSIVE_AUX for i in event.cue):
        return []
    first, last = _sentence_range(view, lo)
    taken = set(event.cue) | set(event.message)
    best: tuple[int, list[int]] | None = None
    for m_first, m_last, kind in view.mentions:
        if m_last <= first or m_first >= last or kind not in ("PER", "ORG"):
            continue
        if m_first > hi:
            distance = m_first - hi
            between = range(hi + 1, m_first)
        elif m_last <= lo:
            distance = lo - m_last + 1
            between = range(m_last, lo)
        else:
            continue
        if distance > MAX_MENTION_SUBJECT_DISTANCE or taken & set(range(m_first, m_last)) \
                or any(texts[j] in _FINAL or texts[j] in (";", ":") or j in event.message
                       for j in between):
            continue
        phrase = _phrase_around(view, m_first, m_last, first)
        before = texts[phrase[0] - 1].lower() if phrase[0] > first else ""
        if before in PREPOSITIONS or texts[phrase[0]].lower() in _OBJECT_DETERMINERS \
                or texts[m_first].lower() in _OBJECT_DETERMINERS:
            continue  # "gegenüber der BBC", "mit dem Präsidenten": not the speaker
        if before in ("des", "der") and phrase[0] - 2 >= first \
                and texts[phrase[0] - 2][:1].isupper():
            continue  # a genitive inside a larger phrase: "Chef der Firma X"
        if m_first < lo and any(texts[j] == "," for j in between) and before != "wie" \
                and not (before == "," and list(between) == [m_last] and texts[m_last] == ","):
            continue  # a prefield mention across a comma belongs to another clause
            # (but "die Fraktionschefin der Grünen, Renate Künast, äußerte sich": apposition)
        if best is None or distance < best[0]:
            best = (distance, phrase)
    if best is None:
        return []
    phrase = best[1]
    # "Vatikansprecher Navarro-Valls" where the NER tags only the role noun: the name after it
    # continues the phrase.
    longer = noun_phrase(view, phrase[0], last, genitive=False)
    if len(longer) > len(phrase) and longer[: len(phrase)] == phrase \
            and not taken & set(longer) and all(view.texts[i][:1].isupper()
                                                for i in longer[len(phrase):]):
        phrase = longer
    if phrase[0] - 2 >= first and texts[phrase[0] - 1] == ",":
        for start in range(max(first, phrase[0] - 8), phrase[0] - 1):
            role = noun_phrase(view, start, phrase[0] - 1)
            if role and role[0] == start and role[-1] == phrase[0] - 2 \
                    and (start == first or texts[start - 1].lower() in ("wie", ",", "so")
                         or start - 1 == first and texts[first].lower() in _PREFIELD_PARTICLES) \
                    and texts[start].lower() in DETERMINERS:
                phrase = list(range(start, phrase[-1] + 1))
                break
    return phrase


def _nested_quotes(view: TokenView, events: list[SpeechEvent], quotes: list[QuotedSpan]
                   ) -> list[SpeechEvent]:
    """Quoted fragments inside indirect speech („sehr schwierig“) are direct events of their own,
    marked nested (SpkAtt annotates both; the pipeline keeps only the outer statement)."""
    out = []
    for event in events:
        if event.form != INDIRECT or event.nested or not event.cue or not event.message:
            continue
        message = set(event.message)
        for span in quotes:
            if len(span) >= MIN_NESTED_QUOTE_TOKENS and span.open in message \
                    and span.close in message:
                nested = SpeechEvent(event.sentence, DIRECT, cue=list(event.cue),
                                     source=list(event.source),
                                     message=list(range(span.open, span.close + 1)),
                                     addr=list(event.addr), nested=True)
                nested.cited = list(event.cited)
                nested.relayed = list(event.relayed)
                out.append(nested)
                event.mixed = True
    return out


def _inside_statement_quotes(view: TokenView, quotes: list[QuotedSpan]) -> set[int]:
    inside: set[int] = set()
    for span in quotes:
        if has_verbish(view, span):
            inside.update(range(span.open, span.close + 1))
    return inside


# --------------------------------------------------------------------------- per sentence


def _sentence_events(
    view: TokenView,
    number: int,
    first: int,
    last: int,
    quote_at: dict[int, QuotedSpan],
    inside: set[int],
    used_quotes: set[int],
) -> list[SpeechEvent]:
    texts = view.texts
    events: list[SpeechEvent] = []
    taken: set[int] = set()
    index = first
    while index < last:
        if index in inside or index in taken:
            index += 1
            continue
        word = texts[index]
        low = word.lower()
        event: SpeechEvent | None = None
        if low in ("laut", "gemäß") and index + 1 < last:
            event = _preposition_event(view, number, first, last, index, index + 1)
        elif low == "nach" and _is_attribution_nach(view, index, last):
            event = _preposition_event(view, number, first, last, index, index + 1)
        elif low == "nach" and _is_postposed_nach(view, index, first):
            event = _postposed_nach_event(view, number, first, last, index)
        elif low == "zufolge":
            event = _zufolge_event(view, number, first, last, index)
        elif low == "so" and index > first and texts[index - 1] in (",", "(", "–"):
            event = _so_event(view, number, first, last, index, quote_at)
        elif low == "demnach" or (low == "danach" and (
                _konjunktiv_sentence(view, number, inside)
                or DANACH_AFTER_DOCUMENT and _after_document(view, number))):
            event = _demnach_event(view, number, first, last, index)
        elif low == "nach" and index > first + 1 and texts[index - 1] == "," \
                and index + 1 < last and texts[index + 1].lower() in _NACH_RELATIVES \
                and _relative_nach_attributes(view, index):
            event = _relative_nach_event(view, number, last, index)
        elif low == "wonach" and index > first and texts[index - 1] == ",":
            event = _wonach_event(view, number, first, last, index)
        elif low == "bekannt" and BEKANNT_CUES:
            event = _bekannt_event(view, number, first, last, index, quote_at, inside)
        else:
            readings = cues.speech_verb(word)
            if not readings and SHOWED_ONESELF and low in _ZEIGEN and index + 1 < last \
                    and texts[index + 1].lower() == "sich":
                readings = [cues.VerbForm("zeigen", None)]  # "zeigte sich besorgt, dass …"
            if (not readings or BEFORE_CLAUSE_NEXT_TO_PARTICLE and not any(
                    r.particle is None for r in readings)) \
                    and AMBIGUOUS_BEFORE_CLAUSE and low in cues.BEFORE_CLAUSE \
                    and index > first and index + 1 < last and (
                        texts[index + 1] in (",", ":") or low == "sprechen"
                        and texts[index + 1].lower() in ("von", "vom", "davon")) \
                    and texts[index - 1].lower() not in _NOT_BEFORE_AMBIGUOUS:
                readings = readings + [cues.BEFORE_CLAUSE[low]]
            if readings and ATTRIBUTIVE_NOT_CUE and _attributive(view, first, last, index):
                readings = []
            if readings:
                event = _verb_event(view, number, first, last, index, readings, quote_at, inside)
            elif HOLDS_IT_POSSIBLE and low in _HALTEN:
                event = _holds_event(view, number, first, last, index, quote_at, inside)
            elif word in cues.STANCE_NOUNS:
                event = _stance_event(view, number, first, last, index, quote_at, inside)
        if event is not None and not (set(event.cue) & taken):
            second = _second_message(view, event, last, inside) if SECOND_MESSAGE else None
            for found in (event, second) if second is not None else (event,):
                events.append(found)
                taken.update(found.cue)
                taken.update(found.source)
                for span_open in list(quote_at):
                    span = quote_at[span_open]
                    if span.open in found.message and span.close in found.message:
                        used_quotes.add(span.open)
            if second is not None:
                taken.update(second.message)
        index += 1
    return events


# Between an article and its noun a verb form is an attributive participle, no cue: "Obama
# sagte in der bereits erwähnten Videobotschaft, …" (SpkAtt dev), "die erklärten Ziele".
ATTRIBUTIVE_NOT_CUE = True
_ATTRIBUTIVE_ARTICLES = frozenset("der die den dem des ein eine einer eines einem einen".split())
_ATTRIBUTIVE_ADVERBS = frozenset(
    "bereits schon oben eben zuvor vorher gestern heute kürzlich jüngst erst mehrfach "
    "vielfach oft häufig öffentlich offiziell ausdrücklich".split())


def _attributive(view: TokenView, first: int, last: int, index: int) -> bool:
    texts = view.texts
    word = texts[index]
    if not word[:1].islower() or not word.endswith(("e", "en", "em", "er", "es")) \
            or index + 1 >= last or not texts[index + 1][:1].isupper() \
            or texts[index + 1].lower() in PRONOUNS:
        return False
    before = index - 1
    while before > first and texts[before].lower() in _ATTRIBUTIVE_ADVERBS:
        before -= 1
    return before > first and texts[before].lower() in _ATTRIBUTIVE_ARTICLES \
        and texts[before - 1] not in (",", "(", "–", "-", ":", ";") \
        and texts[before - 1].lower() not in ("und", "oder", "wie", "so", "als")


# „A“, sagte X, „B“ / "A sei …, sagte X, B sei …": a second statement after the speaker is an
# event of its own with the same cue (SpkAtt annotates two).
SECOND_MESSAGE = True


# "…, sagte die Königin, ihre „Gedanken sind bei allen …“": a quotation a word or two into
# the second message, running to its end, makes it a statement too (SpkAtt dev).
SECOND_MESSAGE_QUOTED = True


def _opens_quotation(view: TokenView, message: list[int]) -> bool:
    texts = view.texts
    opening = next((j for j in message[1:3] if texts[j] in _OPENING), None)
    return opening is not None and texts[message[0]].lower() not in _NOT_MESSAGE_STARTS \
        and texts[message[-1]] in _CLOSING and not any(
        texts[j] in _CLOSING for j in range(opening + 1, message[-1])) \
        and message[-1] - opening > 3


def _second_message(view: TokenView, event: SpeechEvent, last: int, inside: set[int]
                    ) -> SpeechEvent | None:
    texts = view.texts
    if not event.message or not event.cue or max(event.message) > min(event.cue):
        return None
    after = max(event.cue + event.source + event.addr) + 1
    if after >= last or texts[after] != ",":
        return None
    message = _strip_final(view, list(range(after + 1, last)), last)
    if len(message) < 3 or any(cues.speech_verb(texts[j]) for j in message if j not in inside):
        return None
    lemmas = view.lemmas
    if not (texts[message[0]] in _OPENING or any(
            _konjunktiv_i_at(view, j, after + 1, last, lemmas[j] if lemmas else "")
            for j in message) or SECOND_MESSAGE_QUOTED and _opens_quotation(view, message)):
        return None
    form = DIRECT if _is_quote(view, message) else INDIRECT
    second = SpeechEvent(event.sentence, form, cue=list(event.cue), source=list(event.source),
                         message=message, addr=list(event.addr))
    second.cited = list(event.cited)
    second.relayed = list(event.relayed)
    return second


# A sentence "Subject verb …, <clause in Konjunktiv I>" whose verb is not in the lexicon
# ("Eine Nachbarin erzählte dem Sender, …", "Der Verein pocht darauf, dass …") is
# indirect speech with that verb as its cue (SpkAtt dev: the long tail of speech verbs).
GUESSED_VERB_CUES = True
_NOT_GUESSED_VERBS = frozenset(
    "und oder aber sondern nicht nur auch noch schon sich es man er sie wir ich zu als wie so "
    "da dann denn doch ja nein sehr mehr weniger bereits zudem jedoch allerdings".split())


def _guessed_verb_event(view: TokenView, number: int, first: int, last: int,
                        inside: set[int]) -> SpeechEvent | None:
    if not _konjunktiv_i_sentence(view, number, inside):
        return None
    texts = view.texts
    lemmas = view.lemmas
    comma = next((j for j in range(first, last) if texts[j] in (",", ":")), None)
    if comma is None or comma - first < 2 or any(j in inside for j in range(first, comma)):
        return None
    if texts[first].lower() in _SUBORDINATORS | {"wie", "so", "und", "aber"}:
        return None
    rest = range(comma + 1, last)
    if any(_konjunktiv_i_at(view, j, first, comma, lemmas[j] if lemmas else "")
           for j in range(first, comma)):
        return None
    if not any(j not in inside and _konjunktiv_i_at(view, j, comma + 1, last,
                                                    lemmas[j] if lemmas else "") for j in rest):
        return None
    subject = noun_phrase(view, first, comma)
    if not subject or subject[0] != first or texts[first].lower() in ("ich", "wir", "du", "es"):
        return None
    verb = subject[-1] + 1
    if verb >= comma or not texts[verb].isalpha() or not texts[verb][:1].islower() \
            or texts[verb].lower() in _NOT_GUESSED_VERBS | PREPOSITIONS | DETERMINERS:
        return None
    cue = [verb]
    if texts[verb].lower() in _PERFECT_AUX | cues.AUXILIARIES and comma - 1 > verb \
            and texts[comma - 1][:1].islower() and texts[comma - 1].isalpha():
        cue.append(comma - 1)  # "haben … abgestritten, dass"
    message = _strip_final(view, list(rest), last)
    if len(message) < 3:
        return None
    return SpeechEvent(number, INDIRECT, cue=cue, source=subject, message=message)


def _is_attribution_nach(view: TokenView, index: int, last: int) -> bool:
    for other in range(index + 1, min(last, index + 4)):
        low = view.texts[other].lower()
        if low in cues.SOURCE_NOUNS or low.endswith(_ATTRIBUTION_NOUN_ENDINGS) \
                or low in _NACH_DOCUMENT_NOUNS or low.endswith(_NACH_DOCUMENT_ENDINGS):
            if low in _NACH_EVENT_NOUNS and view.texts[index + 1].lower() in ("der", "dem"):
                return False  # "nach der Veröffentlichung": after an event, not by a source
            return view.texts[other][:1].isupper()
        if other == index + 1 and view.texts[other][:1].isupper() and low.endswith("s") \
                and other + 1 < last and (view.texts[other + 1].lower() in cues.SOURCE_NOUNS
                                          or view.texts[other + 1].lower() in _NACH_DOCUMENT_NOUNS):
            continue  # a genitive name first: "Nach Grupps Meinung"
        if not (low in ("den", "der", "des", "dem", "einem", "einer", "eines", "eigenen", "ersten", "offiziellen",
                        "seiner", "ihrer", "eigener", "eigenem", "bisherigem", "erster",
                        "bisherigen", "vorläufigen", "übereinstimmenden", "unbestätigten",
                        "jüngsten", "neuesten", "neuen", "aktuellen", "diesen", "ihren",
                        "seinen", "dessen", "deren") or low.endswith("en")):
            return False
    return False


def _is_postposed_nach(view: TokenView, index: int, first: int) -> bool:
    """ "Seiner Meinung nach", "Dem Vernehmen nach", "Polizeiangaben nach": the noun comes first."""
    if index == first:
        return False
    before = view.texts[index - 1]
    low = before.lower()
    return before[:1].isupper() and (low in cues.SOURCE_NOUNS or low == "vernehmen"
                                     or low.endswith(_ATTRIBUTION_NOUN_ENDINGS))


def _postposed_nach_event(view, number, first, last, index) -> SpeechEvent | None:
    start, _ = _clause_bounds(view, first, last, index, index)
    source = phrase_before(view, index, start)
    if not source and index - 2 >= first and view.texts[index - 2].lower() in (
            "seiner", "ihrer", "meiner", "unserer", "dem", "deren", "dessen"):
        source = [index - 2, index - 1]  # a possessive is no determiner of a noun phrase here
    if not source:
        source = [index - 1]
    message = _rest_of_sentence(view, first, last, {index, *source})
    if len(message) < 2:
        return None
    return SpeechEvent(number, INDIRECT, cue=[index], source=source, message=message,
                       attribution=True)


def _so_event(view, number, first, last, index, quote_at) -> SpeechEvent | None:
    """ "…, so Wikimedia Deutschland weiter." and "Der Präsident sei, so X, bereit": no verb."""
    texts = view.texts
    source = noun_phrase(view, index + 1, last)
    if not source:
        return None
    after = source[-1] + 1
    if after < last and texts[after] == "," and after + 1 < last:
        # With its attachments: "so X, die Leiterin der Fachstelle für Suchtvorbeugung."
        apposition = _apposition_phrase(view, after + 1, last)
        if apposition and (apposition[-1] + 1 >= last or texts[apposition[-1] + 1] in _FINAL
                           or (apposition[-1] + 2 >= last and texts[apposition[-1] + 1] == ",")):
            source = list(range(source[0], apposition[-1] + 1))
            after = source[-1] + 1
    while after < last and texts[after].lower() in SKIPPABLE - {"gegenüber"}:
        after += 1
    addr: list[int] = []
    # "…, so X im libanesischen Fernsehen", "…, so X gegenüber der Zeitung Y": where and to whom.
    for _ in range(3):
        if after + 1 >= last or texts[after].lower() not in _SO_PREPOSITIONS:
            break
        tail = noun_phrase(view, after + 1, last) or _bare_name(view, after + 1, last)
        if not tail:
            break
        if texts[after].lower() == "gegenüber":
            addr = tail
        after = tail[-1] + 1
        while after < last and texts[after].lower() in SKIPPABLE - {"gegenüber"}:
            after += 1
    if after < last and texts[after] not in _FINAL and texts[after] not in (",", ")", "–", ":"):
        return None  # a verb follows ("so X mitteilte"): the verb rule takes the clause
    if after < last and texts[after] in (",", ")", "–") and after + 1 < last \
            and texts[after + 1] not in _FINAL:
        # Inserted: "Der Präsident sei, so X, bereit": the message surrounds the insertion.
        drop = set(range(index - 1, after + 1))
        message = _rest_of_sentence(view, first, last, drop)
    else:
        message = _message_before(view, first, index, quote_at)
        while message and texts[message[-1]] in (",", "(", "–"):
            message.pop()
    if len(message) < 2:
        return None
    form = DIRECT if _is_quote(view, message) else INDIRECT
    return SpeechEvent(number, form, cue=[index], source=source, message=message, addr=addr)


_SO_PREPOSITIONS = frozenset("in im auf bei beim gegenüber nach am vor laut".split())
_NACH_RELATIVES = frozenset("denen dem der welchem welcher welchen".split())


def _relative_nach_attributes(view: TokenView, index: int) -> bool:
    """ ", nach denen …" always; ", nach der/dem …" only after a noun of speech or writing
    ("eine Regel, nach der …"), not after a time ("die Pause, nach der …") nor as an article
    ("sagte, nach dem Spiel hätten …"): SpkAtt dev."""
    texts = view.texts
    pronoun = texts[index + 1].lower()
    if pronoun == "denen":
        return True
    if index + 2 < len(texts) and texts[index + 2][:1].isupper():
        return False  # "nach dem Spiel": an article
    before = texts[index - 2].lower()
    return before in cues.SOURCE_NOUNS or before.endswith(_ATTRIBUTION_NOUN_ENDINGS) \
        or before in _NACH_DOCUMENT_NOUNS or before.endswith(_NACH_DOCUMENT_ENDINGS) \
        or before.endswith(_RELATIVE_NACH_ENDINGS)


_RELATIVE_NACH_ENDINGS = ("gerücht", "gerüchte", "regel", "regelung", "vorschrift", "theorie",
                          "these", "version", "aussage", "vereinbarung", "abkommen", "vertrag")


def _relative_nach_event(view, number, last, index) -> SpeechEvent | None:
    """ "Gerüchte, nach denen X an Krebs litt": SpkAtt marks the relative pronoun as source."""
    end = index + 2
    while end < last and view.texts[end] not in _FINAL and view.texts[end] != ";":
        end += 1
    message = list(range(index + 2, end))
    if len(message) < 3:
        return None
    return SpeechEvent(number, INDIRECT, cue=[index], source=[index + 1], message=message,
                       attribution=True)


# "Eine Umfrage des Instituts liegt vor. Danach wählen …": "danach" after a sentence naming
# a study, survey or report reads as "according to it" (SpkAtt dev).
DANACH_AFTER_DOCUMENT = True
_DOCUMENT_HEADS = ("umfrage", "studie", "bericht", "analyse", "untersuchung", "erhebung",
                   "statistik", "gutachten", "gesetz", "urteil", "mitteilung", "erklärung",
                   "prognose", "hochrechnung", "auswertung", "veröffentlichung", "verordnung")


def _after_document(view: TokenView, number: int) -> bool:
    if number == 0:
        return False
    first, last = view.sentences[number - 1]
    return any(view.texts[j][:1].isupper() and view.texts[j].lower().endswith(_DOCUMENT_HEADS)
               for j in range(first, last))


def _demnach_event(view, number, first, last, index) -> SpeechEvent | None:
    """ "Demnach sei …": the report named before speaks on; SpkAtt marks "Demnach" as the source."""
    if index != first and view.texts[index - 1] not in (",",):
        return None
    message = _rest_of_sentence(view, first, last, {index})
    if len(message) < 3:
        return None
    return SpeechEvent(number, INDIRECT, cue=[index], source=[index], message=message,
                       attribution=True)


BEKANNT_CUES = True
# "X zeigte sich besorgt, dass …", "zeigte sich „sehr erleichtert“": a stance voiced (SpkAtt dev).
SHOWED_ONESELF = True
_ZEIGEN = frozenset({"zeigte", "zeigten", "zeigt", "zeigen"})
AMBIGUOUS_BEFORE_CLAUSE = True
# "Berater sagen, dass …": a plural kept only for its particle reading ("sagen … zu") still
# speaks before a clause when no particle closes it (SpkAtt dev).
BEFORE_CLAUSE_NEXT_TO_PARTICLE = True
_NOT_BEFORE_AMBIGUOUS = frozenset({"zu", "nichts", "etwas", "was", "du", "man"})
_BEKANNT_VERBS = frozenset(
    "wurde wurden wird werden worden geworden gegeben gab gaben gibt geben gemacht machte "
    "machten".split())


def _bekannt_event(view, number, first, last, index, quote_at, inside) -> SpeechEvent | None:
    """ "Am Montag wurde bekannt, dass …", "wie die Firma bekannt gab", "wie bekannt wurde":
    "bekannt" with a form of "werden", "geben" or "machen" is a cue (SpkAtt marks the words)."""
    texts = view.texts
    start, end = _clause_bounds(view, first, last, index, index)
    verbs = [j for j in range(start, end) if texts[j].lower() in _BEKANNT_VERBS
             and abs(j - index) <= 4]
    if not verbs:
        return None
    cue = sorted({index, *verbs})
    if texts[start].lower() == "wie" and start < index:
        source = _subject_in(view, start + 1, min(cue))
        message = _message_around(view, first, last, start, end, quote_at, inside)
        if len(message) < 3:
            return None
        return SpeechEvent(number, INDIRECT, cue=[start] + cue, source=source, message=message)
    if ANAPHORIC_MESSAGE and start == first and number > 0 and (end >= last
                                                                or texts[end] in _FINAL):
        # "Das wurde vom Presseamt bekannt gegeben.", "Jetzt wurde diese Entdeckung bekannt
        # gegeben.": the sentence before is what was made known.
        anaphor = _demonstrative_object(view, start, end, set(cue), allow_das=True)
        if anaphor:
            previous_first, previous_last = view.sentences[number - 1]
            source = []
            for j in range(start, max(cue)):
                if texts[j].lower() in ("von", "vom"):
                    source = noun_phrase(view, j + 1, end)
                    break
            else:
                verb = min(cue)
                if verb > start and texts[verb - 1] not in _FINAL and verb - 1 not in anaphor:
                    source = _subject_in(view, start, verb) if start < verb else []
                if not source:
                    source = [j for j in _subject_after(view, verb + 1, end) if j not in anaphor
                              and j not in cue]
            return SpeechEvent(number, INDIRECT, cue=cue, source=source,
                               message=list(range(previous_first, previous_last)) + anaphor)
    if start != first and texts[start - 1] not in (",", ":"):
        return None
    if end + 1 >= last or texts[end] not in (",", ":"):
        return None
    if texts[end] == "," and texts[end + 1].lower() not in ("dass", "ob", "wer", "wie", "was",
                                                          "welche", "warum", "wo"):
        return None
    message = _strip_final(view, list(range(end + 1, last)), last)
    if len(message) < 3:
        return None
    source = []
    for j in range(start, min(cue)):
        if texts[j].lower() in ("von", "vom"):
            source = noun_phrase(view, j + 1, end)
            break
    return SpeechEvent(number, INDIRECT, cue=cue, source=source, message=message)


# "Analysten halten es für möglich, dass …", "Er hält es jedoch für unwahrscheinlich, dass …":
# a stance voiced on a clause; the words "hält es für möglich" are the cue (SpkAtt dev).
HOLDS_IT_POSSIBLE = True
_HALTEN = frozenset({"hält", "halten", "hielt", "hielten"})
_HOLDS_ADVERBS = frozenset("jedoch aber allerdings auch durchaus weiterhin nicht eher".split())


def _holds_event(view, number, first, last, index, quote_at, inside) -> SpeechEvent | None:
    texts = view.texts
    j = index + 1
    while j < last and texts[j].lower() in _HOLDS_ADVERBS:
        j += 1
    if j + 2 >= last or texts[j].lower() != "es":
        return None
    es = j
    j += 1
    while j < last and texts[j].lower() in _HOLDS_ADVERBS:
        j += 1
    if j + 2 >= last or texts[j].lower() != "für":
        return None
    fuer = j
    comma = next((k for k in range(fuer + 1, min(last, fuer + 5)) if texts[k] == ","), None)
    if comma is None or comma == fuer + 1 or comma + 1 >= last \
            or not all(texts[k][:1].islower() for k in range(fuer + 1, comma)):
        return None
    after = texts[comma + 1].lower()
    if after not in ("dass", "ob") and not _konjunktiv_clause(view, comma + 1, last):
        return None
    extra = [es, *range(fuer, comma)]
    event = _verb_event(view, number, first, last, index, [cues.VerbForm("halten", None)],
                        quote_at, inside, extra=extra)
    if event is not None:
        event.source = [i for i in event.source if i not in extra]
        start, _ = _clause_bounds(view, first, last, index, index)
        if not event.source and 0 < index - start <= MAX_PREFIELD_SOURCE_TOKENS:
            event.source = list(range(start, index))  # "eBay hält es für möglich"
    return event


def _wonach_event(view, number, first, last, index) -> SpeechEvent | None:
    """ "Berichte der Zeitung X, wonach …": the noun before the comma is the source."""
    source = phrase_before(view, index - 1, first)
    message = _strip_final(view, list(range(index + 1, last)), last)
    if len(message) < 3:
        return None
    return SpeechEvent(number, INDIRECT, cue=[index], source=source, message=message)


# "37 Prozent sind jedoch der Auffassung, …", "vertritt er die These, …": adverbs and a
# pronoun subject may stand between the verb and the stance noun (SpkAtt dev).
STANCE_PAST_ADVERBS = True
STANCE_REACH_TOKENS = 5
_STANCE_INSERTIONS = frozenset(
    "jedoch aber allerdings auch weiterhin weiter nach wie vor ebenfalls offenbar durchaus "
    "nun zudem er sie wir man".split())


def _stance_event(view, number, first, last, index, quote_at, inside) -> SpeechEvent | None:
    """ "X ist der Meinung, …", "X vertritt die Ansicht, dass …", "X geht davon aus, dass …"."""
    texts = view.texts
    verb = None
    reach = STANCE_REACH_TOKENS if STANCE_PAST_ADVERBS else 3
    for back in range(index - 1, max(first - 1, index - 1 - reach), -1):
        if texts[back].lower() in cues.STANCE_VERBS:
            verb = back
            break
        if texts[back].lower() not in ("der", "die", "den", "dem", "gegenteiligen", "festen",
                                      "gleichen", "einhelligen", "ansicht", "auffassung") and not (
                STANCE_PAST_ADVERBS and texts[back].lower() in _STANCE_INSERTIONS):
            return None
    if verb is None or index + 1 >= last or texts[index + 1] not in (",", ":"):
        return None
    cue_words = [j for j in range(verb, index + 1) if j == verb or j == index
                 or texts[j].lower() not in _STANCE_INSERTIONS]
    event = _verb_event(view, number, first, last, verb,
                        [cues.VerbForm(cues.STANCE_VERBS[texts[verb].lower()], None)],
                        quote_at, inside, extra=cue_words)
    if event is not None:
        event.source = [i for i in event.source if i not in cue_words]
        if not event.source or event.source[0] > index:
            start, _ = _clause_bounds(view, first, last, verb, verb)
            prefield = list(range(start, verb))
            if prefield and len(prefield) <= MAX_PREFIELD_SOURCE_TOKENS:
                event.source = prefield  # "22 Prozent teilen die Meinung, …"
    return event


# "Dies teilte der Vorsitzende, Magdalena Chu, mit.", "teilte am Abend (Ortszeit) mit":
# the separated particle may stand past an apposition or a bracket (SpkAtt dev).
PARTICLE_PAST_APPOSITION = True
APPOSITION_NOT_RELATIVE = True


PARTICLE_ENDS_CLAUSE = True
DAS_AFTER_COMMA = True
_DAS_ADVERBS = frozenset("zumindest jedenfalls so auch".split())
COLON_AFTER_APPOSITION = True
# What may follow a separated particle inside its clause: a coordinated verb, a quotation.
_AFTER_PARTICLE = frozenset({"und", "oder", "sowie", "„", '"', "»", "“", "zu", "haben", "hat",
                             "sein", "werden", "wird"})


# A separated particle also closes its clause past an insertion between dashes or a relative
# clause: "Dies gab heute – nach Untersuchungen – X bekannt", "geht aus einer Meldung, die …,
# hervor" (SpkAtt dev).
PARTICLE_PAST_CLAUSES = True
MAX_INSERTION_TOKENS = 16


def _particle_past_insertions(view: TokenView, end: int, last: int, particles) -> int | None:
    texts = view.texts
    index = end
    for _ in range(3):
        if index >= last:
            return None
        if texts[index] == "(":
            close = next((j for j in range(index, min(last, index + 8)) if texts[j] == ")"), None)
            if close is None:
                return None
            index = close + 1
        elif PARTICLE_PAST_CLAUSES and texts[index] in ("–", "-"):
            # "Dies gab heute – nach Untersuchungen der Institute – Professor X bekannt."
            close = next((j for j in range(index + 1, min(last, index + MAX_INSERTION_TOKENS))
                          if texts[j] in ("–", "-") or texts[j] in _FINAL), None)
            if close is None or texts[close] in _FINAL:
                return None
            index = close + 1
        elif texts[index] == ",":
            phrase = noun_phrase(view, index + 1, last)
            if (not phrase or phrase[-1] + 1 >= last or texts[phrase[-1] + 1] != ",") \
                    and PARTICLE_PAST_CLAUSES and index + 1 < last \
                    and texts[index + 1].lower() in _RELATIVES:
                # "Dies geht aus einer Meldung der dpa, die von X verbreitet wurde, hervor."
                close = next((j for j in range(index + 2, min(last, index + MAX_INSERTION_TOKENS))
                              if texts[j] in _CLAUSE_BREAKS or texts[j] in _FINAL), None)
                if close is None or texts[close] != ",":
                    return None
                index = close + 1
            elif not phrase or phrase[-1] + 1 >= last or texts[phrase[-1] + 1] != ",":
                return None
            else:
                index = phrase[-1] + 2
        else:
            return None
        while index < last and texts[index] not in _CLAUSE_BREAKS and texts[index] not in _FINAL:
            if texts[index].lower() in particles:
                return index
            index += 1
    return None


def _rest_of_sentence(view: TokenView, first: int, last: int, drop: set[int]) -> list[int]:
    tokens = [i for i in range(first, last) if i not in drop]
    tokens = _strip_final(view, tokens, last)
    # Commas that only fenced off the dropped attribution phrase are not part of the message.
    while tokens and view.texts[tokens[0]] in (",", "-", "–"):
        tokens = tokens[1:]
    while tokens and view.texts[tokens[-1]] in (",", "-", "–"):
        tokens = tokens[:-1]
    return tokens


def _preposition_event(view, number, first, last, cue, np_start) -> SpeechEvent | None:
    source = noun_phrase(view, np_start, last) or _bare_name(view, np_start, last)
    if not source:
        return None
    if view.texts[cue].lower() == "nach" and view.texts[source[0]].lower() in (
            "eigenen", "eigener", "seinen", "ihren") and view.texts[source[-1]] == "Worten" \
            and any(cues.speech_verb(view.texts[j]) for j in range(first, last)):
        return None  # "schlug nach eigenen Worten vor": the verb's subject speaks
    if view.texts[cue].lower() == "nach":
        # "nach Angaben des Ombudsmans für Menschenrechte, Max Muster, …"
        source = _np_with_attachments(view, np_start, last, _NACH_ATTACHING) or source
        after = source[-1] + 1
        if after + 1 < last and view.texts[after] == ",":
            apposition = noun_phrase(view, after + 1, last)
            if apposition and apposition[-1] + 1 < last and view.texts[apposition[-1] + 1] == "," \
                    and view.texts[apposition[0]][:1].isupper():
                source = list(range(source[0], apposition[-1] + 1))
    if view.texts[cue].lower() == "nach" and source[-1] + 1 < last \
            and view.texts[source[-1] + 1] in ("von", "vom"):
        tail = noun_phrase(view, source[-1] + 2, last)
        if tail:
            source = source + [source[-1] + 1] + tail
    source = _trim_attribution_source(view, source)
    drop = {cue, *source}
    # "laut X" inside "wie laut X berichtet" and similar: the message is the rest.
    message = _rest_of_sentence(view, first, last, drop)
    if len(message) < 2:
        return None
    return SpeechEvent(number, INDIRECT, cue=[cue], source=source, message=message,
                       attribution=True)


_NUMBERED_NOUNS = frozenset("artikel paragraf paragraph § absatz nr. nummer ziffer kapitel".split())


def _trim_attribution_source(view: TokenView, source: list[int]) -> list[int]:
    """Cut a "laut X" / "nach Angaben X" source where the message begins: at a number
    ("Behördenangaben 62 Personen"), a quotation of lower-case words, or an article right after
    a PER/ORG mention ("Auskunft der NASA der überwiegende Teil"). (Cutting at a capitalised
    noun after the head outside any mention, "laut Airbus Bestellungen", cost more than it
    gained on the SpkAtt dev split: the NER misses too many names.)"""
    texts = view.texts
    for k in range(1, len(source)):
        index, word, previous = source[k], texts[source[k]], texts[source[k - 1]]
        if source[k] != source[k - 1] + 1:
            break
        mention = view.mention_at(index)
        before = view.mention_at(source[k - 1])
        if word[:1].isdigit() and previous != "(" and mention is None \
                and previous.lower() not in _NUMBERED_NOUNS and previous.lower() not in _MONTHS:
            return source[:k]  # (but "dem Artikel 65 des Grundgesetzes", "vom Juni 2007")
        if word in _OPENING and k + 1 < len(source) and texts[source[k + 1]][:1].islower():
            return source[:k]
        if view.mentions and word.lower() in ("der", "des", "die") and before is not None \
                and before[1] == index and before[2] in ("PER", "ORG"):
            return source[:k]
    return source


def _zufolge_event(view, number, first, last, index) -> SpeechEvent | None:
    texts = view.texts
    if index - 2 >= first and texts[index - 1].lower() in ("der", "dem", "denen") \
            and texts[index - 2] == ",":
        # "… auf eine ungenannte Quelle, der zufolge die Gespräche …": the antecedent speaks.
        source = phrase_before(view, index - 2, first)
        message = _strip_final(view, list(range(index + 1, last)), last)
        if not source or len(message) < 2:
            return None
        event = SpeechEvent(number, INDIRECT, cue=[index], source=source, message=message,
                            attribution=True)
        if CITED_CHAIN and source[0] - 2 > first and texts[source[0] - 1].lower() == "auf" \
                and any(texts[j].lower().startswith(_CITING_STEMS) or texts[j] == "Berufung"
                        for j in range(first + 1, source[0] - 1)):
            # "Tass berief sich auf eine Quelle, der zufolge …": the Quelle speaks via Tass.
            subject = noun_phrase(view, first, source[0] - 1)
            if subject and subject[0] == first:
                event.relayed = [subject]
        return event
    start, _ = _clause_bounds(view, first, last, index, index)
    source = phrase_before(view, index, start)
    if not source and index > start and texts[index - 1].lower() in ("ihm", "ihr", "ihnen"):
        source = [index - 1]  # "Ihnen zufolge hat …"
    elif not source and start == first and 1 < index - start <= MAX_PREFIELD_SOURCE_TOKENS \
            and texts[start].lower() in ("der", "dem", "den", "einer", "einem"):
        source = list(range(start, index))  # "Der Website example.com zufolge ist …"
    if not source:
        return None
    message = _rest_of_sentence(view, first, last, {index, *source})
    if len(message) < 2:
        return None
    return SpeechEvent(number, INDIRECT, cue=[index], source=source, message=message,
                       attribution=True)


def _verb_event(view, number, first, last, index, readings, quote_at, inside, extra=()):
    event = _verb_event_core(view, number, first, last, index, readings, quote_at, inside, extra)
    if event is None:
        return None
    texts = view.texts
    cue_words = [texts[i].lower() for i in event.cue]
    lo, hi = min(event.cue), max(event.cue)
    if cue_words[0] in ("geht", "ging", "gingen", "gehen") and "hervor" not in cue_words \
            and "davon" not in (w.lower() for w in texts[lo:hi]):
        return None  # "ausgehen" speaks only as "davon ausgehen"
    # "wies darauf hin", "geht davon aus", "äußerte sich": the adverb belongs to the cue.
    for between in range(lo + 1, min(hi + 1, last)):
        if texts[between].lower() in _CUE_ADVERBS and between not in event.source:
            event.cue.append(between)
    if hi + 1 < last and texts[hi + 1] == "sich":
        event.cue.append(hi + 1)
    event.cue.sort()
    if len(cue_words) >= 2 and set(cue_words) & _PASSIVE_AUX and event.source \
            and event.source[0] < lo and texts[event.source[0]].lower() not in ("von", "vom") \
            and not (event.source[0] > first
                     and texts[event.source[0] - 1].lower() in ("von", "vom", "aus", "seitens")):
        # "Ägypten wird aufgefordert, …": the subject of a passive cue is the addressee.
        event.addr = event.source
        event.source = []
    if event.source and event.source[0] > hi:
        event.source = _with_apposition(view, event.source, last)
        grown = set(event.source)
        if APPOSITION_LEAVES_MESSAGE and grown & set(event.message) \
                and min(event.message) > hi:
            # "sagte der Koordinator für X, Anna Weber, gegenüber der BBC, dass …"
            message = [i for i in event.message if i not in grown and i > max(grown)]
            while message and texts[message[0]] == ",":
                message = message[1:]
            if message:
                event.message = message
    if not event.source and set(cue_words) & {"heißt", "hieß", "geheißen"}:
        clause_start, clause_end = _clause_bounds(view, first, last, lo, hi)
        event.source = _document_source(view, clause_start, clause_end, set(event.cue))
    return event


SHARED_SUBJECT_AFTER_COMMA = True


# A prefield this short before a stance cue is its subject whatever its shape (SpkAtt dev).
MAX_PREFIELD_SOURCE_TOKENS = 6


# A postponed speaker's origin ("für", "aus", "von") may stand before its apposition: "sagte der
# Koordinator für Naturkatastrophen, Deftalgne Tessema, …"; the apposition leaves the message.
APPOSITION_LEAVES_MESSAGE = True


def _with_apposition(view: TokenView, source: list[int], last: int) -> list[int]:
    """ "…, sagte Ursula Castrup, die Leiterin der Fachstelle.": the apposition is the source too."""
    texts = view.texts
    after = source[-1] + 1
    if APPOSITION_LEAVES_MESSAGE:
        end = after
        while end + 1 < last and texts[end].lower() in _SOURCE_ATTACHING:
            tail = noun_phrase(view, end + 1, last)
            if not tail or tail[0] != end + 1 or texts[tail[0]][:1].isdigit():
                break
            end = tail[-1] + 1
        if end > after and end + 1 < last and texts[end] == ",":
            grown = _with_apposition(view, list(range(source[0], end)), last)
            if grown[-1] >= end:
                return grown
    if after + 1 < last and texts[after] == ",":
        apposition = _apposition_phrase(view, after + 1, last)
        end = apposition[-1] + 1 if apposition else last
        if apposition and texts[apposition[0]].lower() not in PRONOUNS and (
                end >= last or texts[end] in _FINAL
                # "sagte Anna Weber, Pressesprecherin:", "…, der Geschäftsführer, die …"
                or APPOSITION_BEFORE_COLON_OR_COMMA and texts[end] in (":", ",")
                and texts[apposition[0]].lower() not in _RELATIVES - {"der", "die", "dem"}):
            return list(range(source[0], apposition[-1] + 1))
    return source


APPOSITION_BEFORE_COLON_OR_COMMA = True
# The shared subject of "…, sagte aber, …" may carry an apposition (see _verb_event_core).
SHARED_SUBJECT_WITH_APPOSITION = True


def _verb_event_core(view, number, first, last, index, readings, quote_at, inside, extra=()):
    texts = view.texts
    cue = [index]
    start, end = _clause_bounds(view, first, last, index, index)
    with_particle = [r for r in readings if r.particle]
    if with_particle and any(r.particle is None for r in readings) and any(
            texts[j].lower() == r.particle for r in with_particle for j in range(index + 1, end)):
        # "forderte … auf" is "auffordern", not "fordern": the particle in the clause decides.
        readings = with_particle
    if not any(r.particle is None for r in readings):
        particles = {r.particle for r in readings}
        # The separated particle closes the clause ("geht aus dem Bericht hervor", "teilte mit
        # Bedauern mit"): the last candidate wins.
        found = next((j for j in range(end - 1, index, -1) if texts[j].lower() in particles), None)
        if found is not None and PARTICLE_ENDS_CLAUSE and found + 1 < end \
                and texts[found + 1].lower() not in _AFTER_PARTICLE:
            found = None  # "gab es ein Fest an der Schule": a preposition, no particle
        if found is None and PARTICLE_PAST_APPOSITION:
            found = _particle_past_insertions(view, end, last, particles)
        if found is None:
            return None
        cue.append(found)
        lemma = next(r.lemma for r in readings if r.particle == texts[found].lower())
    else:
        lemma = next(r.lemma for r in readings if r.particle is None)
        reading = next(r for r in readings if r.particle is None)
        if any(r.participle for r in readings if r.particle is None):
            reading = next(r for r in readings if r.particle is None and r.participle)
        if index + 1 < last and texts[index + 1].lower() in ("werden", "worden", "wird"):
            if texts[start].lower() != "wie" or start == index:
                if PASSIVE_WITH_CLAUSE:
                    return _passive_clause_event(view, number, first, last, index, start)
                return None  # passive of a participle: "informiert werden", "gesprochen worden"
            cue.append(index + 1)  # "…, wie X von Y zitiert wird"
        if reading.participle:
            aux = next((j for j in range(index - 1, start - 1, -1)
                        if texts[j].lower() in _PERFECT_AUX), None)
            if aux is not None:
                cue.insert(0, aux)
            elif VERB_FINAL_AUX and index + 1 < last and start < index \
                    and texts[index + 1].lower() in ("hat", "haben", "hatte", "hatten") \
                    and texts[start].lower() in _VERB_FINAL_OPENERS:
                cue.append(index + 1)  # "wie die FIFA bekanntgegeben hat", "der erklärt hatte"
            elif not any(r.finite for r in readings if r.particle is None):
                # A bare participle ("die genannte Zahl") is an adjective, not a cue; allow it
                # only right after a comma/so/wie ("…, wie berichtet").
                if not (index > first and texts[index - 1].lower() in ("wie", "so")):
                    return None
    if lemma == "heißen":
        neighbours = {texts[j].lower() for j in (index - 1, index + 1) if first <= j < last}
        if "es" not in neighbours:
            return None
        es = index + 1 if index + 1 < last and texts[index + 1].lower() == "es" else index - 1
        cue = sorted(set(cue) | {es})
    cue = sorted(set(cue) | set(extra))
    lo, hi = min(cue), max(cue)
    start, end = _clause_bounds(view, first, last, lo, hi)
    prefield = list(range(start, lo))
    low_start = texts[start].lower() if start < last else ""

    # Subordinate "wie X mitteilte" and ", so X": message is the rest of the sentence.
    if low_start in ("wie", "so") and start < lo and (low_start == "wie" or start > first):
        source = _subject_in(view, start + 1, lo)
        taken_up: list[int] = []  # "eine Waffenruhe, wie sie auch X verlangen": what X wants
        if WIE_PRONOUN_OBJECT and low_start == "wie" \
                and _subject_after_wie_pronoun(view, start, lo):
            source = _subject_after_wie_pronoun(view, start, lo)
            if start > first and texts[start - 1] == ",":
                taken_up = phrase_before(view, start - 1, first)
        if low_start == "so" and not source:
            source = _subject_after(view, hi + 1, end)
        cue = [start] + cue
        addr = addressee_phrase(view, source[-1] + 1, lo) if source else []
        drop = set(range(start, end)) | {start - 1} if start > first else set(range(start, end))
        cited = _cited(view, start + 1, lo) if CITED_CHAIN else []
        chain = _cited_chain(view, end, last) if cited else None
        if chain:  # "Wie AFP unter Berufung auf Tass berichtete, die sich auf … stützte, …"
            end = chain[1]
        message = taken_up or _message_around(view, first, last, start, end, quote_at, inside)
        if not message:
            return None
        form = DIRECT if _is_quote(view, message) else INDIRECT
        event = SpeechEvent(number, form, cue=cue, source=source, message=message, addr=addr)
        if cited:
            event.cited, event.relayed = (chain[0], [cited]) if chain else (cited, [])
        return event

    verb_first = start == lo  # "…, sagte X" : clause opens with the verb
    if verb_first and start > first and texts[start - 1] == ",":
        # "…, wie Burt Rutan, Chef der Firma X, mitteilte": the comma before the verb closes an
        # apposition inside a "wie" clause, which is the cue's clause.
        for wie in range(start - 2, max(first, start - MAX_WIE_APPOSITION_TOKENS) - 1, -1):
            if texts[wie].lower() == "wie" and wie > first and texts[wie - 1] == ",":
                speaker = _subject_with_apposition(view, wie + 1, start)
                if speaker:
                    message = _strip_final(view, list(range(first, wie - 1)), wie - 1)
                    if message:
                        form = DIRECT if _is_quote(view, message) else INDIRECT
                        return SpeechEvent(number, form, cue=[wie] + cue, source=speaker,
                                           message=message)
                break
            if texts[wie] in _FINAL or texts[wie] in (";", ":"):
                break
    apposed = (_subject_with_apposition(view, first, start)
               or _subject_with_relative(view, first, start)) if verb_first and start > first else []
    if not apposed and verb_first and start > first and texts[start - 1] == "," \
            and LONG_PREFIELD_SUBJECT and lemma != "heißen":
        apposed = _long_prefield_subject(view, first, start - 1, hi, end, last)
    if not apposed and verb_first and start > first + 2 and texts[start - 1] == "," \
            and SHARED_SUBJECT_BEFORE_MESSAGE and lo + 1 < end \
            and texts[lo + 1].lower() in ("jedoch", "aber", "zudem", "außerdem") \
            and end < last and texts[end] in (",", ":") and not _subject_after(view, lo + 2, end):
        # "Die UN bestätigten den Vorfall, teilten jedoch mit, …": a second verb of the
        # sentence's subject, its message after it.
        opening = first
        while opening < lo and texts[opening].lower() in _LEADING_ADVERBS:
            opening += 1
        shared = noun_phrase(view, opening, start - 1)
        verb_at = shared[-1] + 1 if shared else 0
        if SHARED_SUBJECT_WITH_APPOSITION and shared and shared[0] == opening \
                and texts[verb_at] == ",":
            # "Jim D., ein prominentes Mitglied des Senats, wollte sich nicht festlegen, sagte
            # aber, …" (SpkAtt dev): the subject with its apposition.
            comma = _apposition_end(view, verb_at + 1, start - 1)
            if comma is not None:
                shared = list(range(opening, comma))
                verb_at = comma + 1
        if shared and shared[0] == opening and texts[verb_at][:1].islower() \
                and texts[opening].lower() not in _NOT_SUBJECT_STARTS \
                and texts[verb_at].lower() not in PREPOSITIONS | _RELATIVES:
            apposed = shared
    if not apposed and verb_first and start > first and texts[start - 1] in _CLOSING \
            and QUOTED_NAME_SUBJECT and quoted_name(view, first, start) \
            and not any(texts[j] in _CLOSING for j in range(first + 1, start - 1)):
        apposed = list(range(first, start))  # "„BBC News“ berichtet, …": a name, no quote
    if not apposed and (verb_first and start > first and texts[start - 1] in (",",)
                        and not _adverbial_clause_before(view, first, start - 1) or (
        verb_first and start > first and texts[start - 1] in _CLOSING
    )):
        # Message before the cue.
        source = _subject_after(view, hi + 1, end) if lemma != "heißen" else []
        if not source and lemma != "heißen":
            source = _subject_after(view, lo + 1, end)
        if not source and REFLEXIVE_BEFORE_SUBJECT and hi + 1 < end and texts[hi + 1] == "sich":
            source = _subject_after(view, hi + 2, end)
        message = _message_before(view, first, start, quote_at)
        if not message:
            return None
        addr = _addressee(view, source, hi, end, lemma)
        form = DIRECT if _is_quote(view, message) else INDIRECT
        event = SpeechEvent(number, form, cue=cue, source=source, message=message, addr=addr)
        event.cited = _cited(view, source[-1] + 1 if source else hi + 1, last)
        return event

    # A subordinate clause with its verb at the end ("nachdem sie die Polizei informiert
    # hatte, …", "den der Gerichtshof betone"): what follows is the main clause, not speech.
    if start < lo and low_start in _SUBORDINATORS and not (
            PREPOSITION_NOT_SUBORDINATOR and low_start in _ALSO_PREPOSITIONS
            and (_verb_second(view, start, lo) or _clock_time(view, start, lo))) and not (
            low_start == "als" and hi + 1 < end and start + 1 < lo
            and texts[start + 1][:1].isupper() and texts[start + 1].lower() not in PRONOUNS) \
            and not (low_start == "als" and start + 1 < lo
                     and texts[start + 1].lower() in _ALS_MAIN_CLAUSE_NOUNS):
        # ("Als Begründung sagte ein Wissenschaftler: …" is a main clause: the verb is second.)
        if SUBORDINATE_WITH_KONJUNKTIV and hi + 2 == end and texts[hi + 1].lower() in _PERFECT_AUX:
            cue = cue + [hi + 1]  # "nachdem er gemeldet hatte, dass …"
            hi += 1
        if not (SUBORDINATE_WITH_DASS and low_start in _TEMPORAL_SUBORDINATORS
                and end + 1 < last and texts[end] == "," and hi + 1 == end
                and (texts[end + 1].lower() == "dass" or SUBORDINATE_WITH_KONJUNKTIV
                     and _konjunktiv_clause(view, end + 1, last)
                     or SUBORDINATE_WITH_ZU and lemma in _ZU_CLAUSE_VERBS
                     and _zu_infinitive(view, end + 1, last))):
            return None
        # "Als X am Sonntag sagte, dass …": the dass clause is the message (SpkAtt dev).
        source = _subject_in(view, start + 1, lo) or noun_phrase(view, start + 1, lo)
        stop = end + 2
        while stop < last and texts[stop] not in _FINAL and texts[stop] != ";":
            stop += 1
        message = list(range(end + 1, stop))
        return SpeechEvent(number, INDIRECT, cue=cue,
                           source=source if source and source[0] == start + 1 else [],
                           message=message)
    # "…, das teilte das Institut mit." / "… – das zumindest meint X.": "das" after a comma or
    # dash takes up the clause before it, which is the message.
    if DAS_AFTER_COMMA and start > first + 2 and texts[start - 1] in (",", "–", "-") \
            and texts[start].lower() in ("das", "dies") and 1 <= lo - start <= 2 \
            and (lo - start == 1 or texts[start + 1].lower() in _DAS_ADVERBS) \
            and (end >= last or texts[end] in _FINAL):
        message = _strip_final(view, list(range(first, start - 1)), start - 1)
        source = _subject_after(view, hi + 1, end) or _subject_after(view, lo + 1, end)
        return SpeechEvent(number, INDIRECT, cue=cue, source=source, message=message,
                           addr=_addressee(view, source, lo, end, lemma))
    if start < lo and start > first and texts[start - 1] == "," and low_start in _RELATIVES:
        phrase = noun_phrase(view, start, lo) if APPOSITION_NOT_RELATIVE else []
        head = noun_phrase(view, first, start - 1) if phrase else []
        if not (phrase and len(phrase) > 1 and phrase[-1] + 1 == lo and head
                and head[0] == first and head[-1] + 2 == start):
            if RELATIVE_SPEAKER:
                return _relative_speech(view, number, last, start, end, cue, lemma)
            return None
        # "Nurur Rahman, der Rettungskoordinator der Behörde, teilte mit": an apposition.
        apposed = list(range(first, lo))
    if lo > first and texts[lo - 1].lower() == "zu" or (
        hi + 1 < last and texts[hi + 1].lower() == "zu"
    ):
        return None  # "um bestätigt zu werden", "zu berichten"

    # Message after the cue: the clause ends in ",", ":" or an opening quote.
    source = apposed or (_subject_in(view, start, lo) if prefield else [])
    if not source and lo > first and (texts[lo - 1].lower() in ("und", "oder", "sondern") or (
            SHARED_SUBJECT_AFTER_COMMA and start == lo and texts[lo - 1] == ","
            and hi + 1 < last and texts[hi + 1].lower() in ("jedoch", "aber", "zudem", "auch"))):
        # A second verb of the same subject: "Die Ukraine weist … zurück und fordert …",
        # "Die UN bestätigten den Vorfall, teilten jedoch mit, …".
        opening = first
        while opening < lo and texts[opening].lower() in _LEADING_ADVERBS:
            opening += 1
        source = noun_phrase(view, opening, lo)
    if not source and prefield and texts[start].lower() in ("aus", "von") and start + 1 < lo:
        source = noun_phrase(view, start + 1, lo)  # "Aus Regierungskreisen wurde bestätigt"
    if not source:
        source = _subject_after(view, lo + 1, end)
    if lemma == "heißen":
        source = []
    addr = _addressee(view, source, lo, end, lemma)
    # ("hatte unter Berufung auf X … gemeldet": in the perfect the phrase is in the midfield.)
    cited = _cited(view, hi + 1, last) or (
        _cited(view, lo + 1, hi, ("berufung",)) if CITED_IN_MIDFIELD and lo < hi else [])
    after = end
    # "… unter Berufung auf eigene Quellen" may stand between verb and message.
    if cited and cited[-1] >= after:
        after = cited[-1] + 1
        while after < last and texts[after] not in (",", ":") and texts[after] not in _FINAL:
            after += 1
    relayed = []
    chain = _cited_chain(view, cited[-1] + 1, last) if cited and cited[-1] + 1 >= end else None
    if chain:  # "… unter Berufung auf einen Diplomaten, der sich auf X berief, das sei …"
        relayed, cited, after = [cited], chain[0], chain[1]
    # "Das erklärte ein Sprecher." / "Dies teilte X mit.": the message is the sentence before.
    # "Dies geht aus einer Mitteilung des Konzerns hervor, die …": the "aus" phrase speaks.
    if start == first and lo - start == 1 and texts[start].lower() in ("das", "dies", "dieses") \
            and number > 0 and (after >= last or texts[after] in _FINAL or (
                texts[after] == "," and after + 1 < last
                and texts[after + 1].lower() in _RELATIVES)):
        previous_first, previous_last = view.sentences[number - 1]
        message = list(range(previous_first, previous_last)) + [start]
        source = _subject_after(view, hi + 1, end) or source
        if not source and PARTICLE_PAST_CLAUSES:
            # "Dies gab heute – nach … – Professor X bekannt": the subject after the insertion.
            dash = next((j for j in range(hi - 1, lo, -1) if texts[j] in ("–", "-")), None)
            if dash is not None:
                source = _subject_after(view, dash + 1, hi)
        if lemma == "hervorgehen":
            source = next((_np_with_attachments(view, j + 1, end) for j in range(lo + 1, hi)
                           if texts[j].lower() == "aus"), [])
        return SpeechEvent(number, INDIRECT, cue=cue, source=source, message=message, addr=addr)
    colon = next((j for j in range(after + 1, min(last, after + MAX_LONG_SUBJECT_TOKENS))
                  if texts[j] == ":"), None) if after < last and texts[after] == "," else None
    if COLON_AFTER_APPOSITION and colon is not None and source and source[-1] + 1 == after:
        # "So sagte Tom Berg, Leiter der Feuerwehr: …": the apposition belongs to the speaker and
        # the message follows the colon (or the next sentence, where the colon ends this one).
        apposition = _apposition_phrase(view, after + 1, colon)
        if apposition and apposition[0] == after + 1 and apposition[-1] == colon - 1:
            source = list(range(source[0], colon))
            after = colon
    if after < last and texts[after] in (",", ":"):
        message_start = after + 1
    elif after < last and texts[after] in _OPENING and after in quote_at:
        span = quote_at[after]  # "fordert „wasserdichte Zusagen“ für …": a quoted fragment
        event = SpeechEvent(number, DIRECT, cue=cue, source=source,
                            message=list(range(span.open, span.close + 1)), addr=addr)
        event.cited, event.relayed = cited, relayed
        return event
    else:
        message_start = last
    if message_start < last and texts[message_start].lower() in _NOT_MESSAGE_STARTS and not (
            message_start + 1 < last and cues.is_konjunktiv_i(texts[message_start + 1])):
        # (A Konjunktiv I right after it makes it an adverb opening reported speech, verb
        # second: "erklärte, damit solle ein Machtvakuum vermieden werden".)
        message_start = last
    if OBJECT_THEN_INDICATIVE_NO_MESSAGE and message_start < last \
            and texts[message_start - 1] == "," and source and source[-1] < lo \
            and _object_then_indicative(view, hi, message_start, last):
        # "X forderte eine Feuerpause, Russland verwies …": two clauses, the first reports.
        if not cited and not _reports_speech(view, lemma, cue, start, end):
            return None
        event = SpeechEvent(number, REPORTED, cue=cue, source=source,
                            message=list(range(first, message_start - 1)), addr=addr)
        event.cited, event.relayed = cited, relayed
        return event
    if RELATIVE_AFTER_OBJECT_NO_MESSAGE and message_start < last \
            and texts[message_start].lower() in _RELATIVES and message_start - 2 > hi \
            and texts[message_start - 2][:1].isupper() and message_start - 2 not in source \
            and _verb_final_indicative(view, message_start, last) and not (
                ZU_CLAUSE_NOT_RELATIVE and _zu_infinitive(view, message_start, last)):
        message_start = last  # "fordert eine Feuerpause, die überwacht werden soll": a relative
    if message_start < last and texts[message_start].lower() in _RELATIVES \
            and lemma in REPORTING_VERBS and message_start - 1 > hi \
            and _von_phrase_between(view, lo, message_start):
        message_start = last  # "sprach von 1200 Gefangenen, die …": a relative clause, no message
    if message_start >= last and texts[last - 1] == ":" and number + 1 < len(view.sentences):
        # "X sagte:" closing a sentence of its own (as SpkAtt splits them): the next one speaks.
        next_first, next_last = view.sentences[number + 1]
        if texts[next_first] in _OPENING and next_first in quote_at:
            span = quote_at[next_first]
            message, form = list(range(span.open, span.close + 1)), DIRECT
        else:
            message = _strip_final(view, list(range(next_first, next_last)), next_last)
            form = DIRECT if _is_quote(view, message) else INDIRECT
        if message:
            event = SpeechEvent(number, form, cue=cue, source=source, message=message, addr=addr)
            event.cited, event.relayed = cited, relayed
            return event
    if ANAPHORIC_MESSAGE and number > 0 and (message_start >= last
                                             or texts[message_start] in _FINAL):
        anaphor = _demonstrative_object(view, start, end, set(cue) | set(source))
        if anaphor:
            # "Dies gab heute – nach Untersuchungen – Professor X bekannt.", "Wissenschaftler
            # gaben diese Ergebnisse gestern bekannt.": the sentence before is the message.
            previous_first, previous_last = view.sentences[number - 1]
            message = list(range(previous_first, previous_last)) + anaphor
            event = SpeechEvent(number, INDIRECT, cue=cue, source=source, message=message,
                                addr=addr)
            event.cited, event.relayed = cited, relayed
            return event
    if QUOTED_FRAGMENT_OBJECT and (message_start >= last or texts[message_start] in _FINAL):
        # "X nannte den Bericht eine „Zeitungsente“", "riet zu „Gelassenheit“", "hatte ihn als
        # „falsch“ zurückgewiesen": the quoted words in the clause are the message.
        taken = set(source) | set(cue) | set(cited)
        for j in range(lo + 1, end):
            span = quote_at.get(j)
            if span is None or span.close >= last or j in inside or taken & set(
                    range(span.open, span.close + 1)) or _quoted_name_before(view, first, span.close):
                continue
            event = SpeechEvent(number, DIRECT, cue=cue, source=source,
                                message=list(range(span.open, span.close + 1)), addr=addr)
            event.cited, event.relayed = cited, relayed
            return event
    if message_start >= last or texts[message_start] in _FINAL:
        # No message clause: a report that someone spoke ("Die Medien sprachen von Geiseln.").
        # An agency citing its sources reports whatever its verb ("meldete unter Berufung auf").
        if not cited and not _reports_speech(view, lemma, cue, start, end):
            return None
        event = SpeechEvent(number, REPORTED, cue=cue, source=source,
                            message=list(range(first, last)), addr=addr)
        event.cited, event.relayed = cited, relayed
        return event
    if texts[message_start] in _OPENING and message_start in quote_at:
        span = quote_at[message_start]
        message = list(range(span.open, span.close + 1))
        form = DIRECT
    else:
        message = _strip_final(view, list(range(message_start, last)), last)
        if DASS_CLAUSE_ENDS_AT_SECOND_VERB and texts[message_start].lower() in ("dass", "ob"):
            message = _before_second_verb(view, message)
        form = DIRECT if _is_quote(view, message) else INDIRECT
    if not message:
        return None
    event = SpeechEvent(number, form, cue=cue, source=source, message=message, addr=addr)
    event.cited, event.relayed = cited, relayed
    return event


# "X betonte, dass Gespräche nur so effektiv sein können und forderte ein Treffen": the dass
# clause ends with its verb; "und" + a finite speech verb goes on with the main clause.
DASS_CLAUSE_ENDS_AT_SECOND_VERB = True
# "Y habe ihm gemeldet, dass der Termin stehe, erklärte X": a comma and a finite speech verb
# after the dass clause close it too.
DASS_CLAUSE_ENDS_AT_POSTPOSED_CUE = True


def _before_second_verb(view: TokenView, message: list[int]) -> list[int]:
    texts = view.texts
    for position, index in enumerate(message[2:-1], start=2):
        if (texts[index].lower() in ("und", "oder", "sowie") and texts[index - 1] != ","
                or DASS_CLAUSE_ENDS_AT_POSTPOSED_CUE and texts[index] == ",") \
                and texts[index + 1][:1].islower() \
                and any(r.finite and not r.participle for r in cues.speech_verb(texts[index + 1])) \
                and not cues.is_konjunktiv(texts[index + 1]):
            return message[:position]
    return message


# "Die Ukraine fordert eine Feuerpause, die überwacht werden soll.": a relative clause on the
# object (verb-final, no Konjunktiv) is no message.
RELATIVE_AFTER_OBJECT_NO_MESSAGE = True


# "Er beschuldigte X, den Minister fallen gelassen zu haben": an article opening a
# zu-infinitive after the object is no relative pronoun; the infinitive is the message.
ZU_CLAUSE_NOT_RELATIVE = True


def _verb_final_indicative(view: TokenView, begin: int, last: int) -> bool:
    texts = view.texts
    stop = begin + 1
    while stop < last and texts[stop] not in _CLAUSE_BREAKS and texts[stop] not in _FINAL:
        stop += 1
    return stop - begin >= 3 and texts[stop - 1][:1].islower() \
        and not any(cues.is_konjunktiv(texts[j]) for j in range(begin, stop))


# "Die Ukraine forderte eine Feuerpause, Russland verwies auf …": a speech verb that already
# has its accusative object, followed by an indicative clause of a new subject, says no message.
OBJECT_THEN_INDICATIVE_NO_MESSAGE = True
_ACCUSATIVE_DETERMINERS = frozenset("einen eine ein den".split())


def _object_then_indicative(view: TokenView, hi: int, comma_after: int, last: int) -> bool:
    texts = view.texts
    if not any(texts[j].lower() in _ACCUSATIVE_DETERMINERS
               and texts[j - 1].lower() not in PREPOSITIONS
               for j in range(hi + 1, comma_after - 1)):
        return False
    if texts[comma_after].lower() in ("dass", "ob") or texts[comma_after] in _OPENING \
            or not (texts[comma_after][:1].isupper() or comma_after + 1 < last
                    and texts[comma_after].lower() in DETERMINERS
                    and texts[comma_after + 1][:1].isupper()):
        return False
    stop = comma_after
    while stop < last and texts[stop] not in _CLAUSE_BREAKS and texts[stop] not in _FINAL:
        stop += 1
    return not any(cues.is_konjunktiv(texts[j]) or texts[j].lower() == "zu"
                   for j in range(comma_after, stop))


# "Gestern war berichtet worden, dass …", "weil berichtet wurde, die Anlagen stünden …": a
# passive speech verb closing its clause before a dass or Konjunktiv clause speaks with no
# named source (or the "von" phrase of its clause). SpkAtt dev.
PASSIVE_WITH_CLAUSE = True
_PASSIVE_AUX_AFTER = frozenset({"worden", "wurde", "wird", "wurden", "werden"})
_CONDITIONAL_OPENERS = frozenset({"sollte", "sollten", "wenn", "falls", "sofern"})


def _passive_clause_event(view, number, first, last, index, start) -> SpeechEvent | None:
    texts = view.texts
    cue = [index]
    end = index + 1
    while end < last and texts[end].lower() in _PASSIVE_AUX_AFTER and end - index <= 2:
        cue.append(end)
        end += 1
    if end + 2 >= last or texts[end] != ",":
        return None
    low_start = texts[start].lower()
    if low_start in _RELATIVES and start > first or low_start in _CONDITIONAL_OPENERS:
        return None
    aux = next((j for j in range(index - 1, start - 1, -1)
                if texts[j].lower() in ("war", "waren", "ist", "sind", "wird", "wurde")), None)
    if aux is not None and aux > start:
        cue.insert(0, aux)  # "war … berichtet worden"
    begin = end + 1
    if not (texts[begin].lower() in ("dass", "ob") or _konjunktiv_clause(view, begin, last)):
        return None
    message = _strip_final(view, list(range(begin, last)), last)
    if len(message) < 3:
        return None
    source = []
    for j in range(start, index):
        if texts[j].lower() in ("von", "vom"):
            source = noun_phrase(view, j + 1, index)
            break
    return SpeechEvent(number, INDIRECT, cue=cue, source=source, message=message)


# "Dies gab heute – nach Untersuchungen – Professor X bekannt.", "Forscher gaben diese Ergebnisse
# gestern bekannt.", "Das wurde vom Presseamt bekannt gegeben.": a speech verb with a
# demonstrative object and no clause speaks the sentence before (SpkAtt dev: joint +0.0009,
# Source +0.0036).
ANAPHORIC_MESSAGE = True
# "X nannte den Bericht eine „Zeitungsente“", "hatte ihn als „falsch“ zurückgewiesen": with no
# message clause, quoted words after the cue in its clause are the message (SpkAtt dev).
QUOTED_FRAGMENT_OBJECT = True
_DEMONSTRATIVES = frozenset({"dies", "dieses", "diese", "diesen", "dieser", "das"})


def _demonstrative_object(view: TokenView, start: int, end: int, taken: set[int],
                          allow_das: bool = False) -> list[int]:
    """ "Dies", "diese Ergebnisse": a demonstrative taking up what the sentence before said."""
    texts = view.texts
    for j in range(start, end):
        if j in taken or texts[j].lower() not in _DEMONSTRATIVES:
            continue
        if texts[j].lower() in ("dies", "dieses") and (j + 1 >= end
                                                       or not texts[j + 1][:1].isupper()):
            return [j]
        if texts[j].lower() == "das":
            if allow_das and j == start and j + 1 < end \
                    and texts[j + 1].lower() in _PERFECT_AUX | cues.AUXILIARIES:
                return [j]  # "Das wurde … bekannt gegeben"
            continue
        if j + 1 < end and texts[j + 1][:1].isupper() and texts[j + 1].lower() in _ANAPHORIC_NOUNS:
            return [j, j + 1]
        return []
    return []


# Nouns that a demonstrative turns into the content of the sentence before (SpkAtt dev).
_ANAPHORIC_NOUNS = frozenset(
    "ergebnisse ergebnis forschungsergebnisse zahlen angaben entscheidung entdeckung nachricht "
    "information informationen meldung einschätzung pläne plan vorwürfe befürchtung".split())


# "…, da die Partei angekündigt hatte, mit allen verhandeln zu wollen": verbs of announcing
# and demanding take a zu-infinitive as their message in a subordinate clause (SpkAtt dev).
SUBORDINATE_WITH_ZU = True
_ZU_CLAUSE_VERBS = frozenset(
    "ankündigen auffordern aufrufen versprechen zusagen drohen erklären fordern bitten "
    "vorwerfen warnen beschließen".split())


def _zu_infinitive(view: TokenView, begin: int, last: int) -> bool:
    """Whether a zu-infinitive ("verhandeln zu wollen") closes the clause from ``begin``."""
    texts = view.texts
    for j in range(begin, last - 1):
        if texts[j] in _FINAL or texts[j] == ";":
            return False
        if texts[j].lower() == "zu" and texts[j + 1].isalpha() and texts[j + 1][:1].islower() \
                and (j + 2 >= last or texts[j + 2] in _FINAL or texts[j + 2] in (",", ";")):
            return True
    return False


# Participle then auxiliary closing a verb-final clause counts as the cue (SpkAtt dev).
VERB_FINAL_AUX = True
_VERB_FINAL_OPENERS = _SUBORDINATORS | _RELATIVES | {"wie"}
# "…, der behauptet, den Code geknackt zu haben": a relative clause whose speech verb closes it
# speaks through the relative pronoun when a dass-, Konjunktiv or zu-clause follows (SpkAtt dev).
RELATIVE_SPEAKER = True
_NOT_RELATIVE_SPEECH = frozenset({"wissen", "entscheiden", "beschließen", "bestätigen"})


def _relative_speech(view, number, last, start, end, cue, lemma) -> SpeechEvent | None:
    texts = view.texts
    if max(cue) + 1 != end or end + 2 >= last or texts[end] != "," \
            or lemma in _NOT_RELATIVE_SPEECH:
        return None
    begin = end + 1
    stop = begin
    while stop < last and texts[stop] not in _FINAL and texts[stop] != ";":
        stop += 1
    zu = next((j for j in range(begin, stop - 1) if texts[j].lower() == "zu"
               and texts[j + 1][:1].islower() and texts[j + 1].isalpha()), None)
    lemmas = view.lemmas
    if texts[begin].lower() == "dass" or any(
            _konjunktiv_i_at(view, j, begin, stop, lemmas[j] if lemmas else "")
            for j in range(begin, stop)):
        pass
    elif zu is not None and not any(texts[j] == "," for j in range(begin, zu)):
        # "…, gegen das Paket stimmen zu wollen, könnte …": the infinitive clause ends at a comma.
        stop = next((j for j in range(zu, stop) if texts[j] == ","), stop)
    else:
        return None
    message = list(range(begin, stop))
    if len(message) < 3:
        return None
    addr = []
    if lemma in OBJECT_ADDRESSEE_VERBS:  # "…, der alle Nichtmitglieder aufforderte, …"
        addr = noun_phrase(view, start + 1, min(cue))
        if not addr or addr[-1] + 1 != min(cue) or texts[addr[0]].lower() in PRONOUNS:
            addr = []
    return SpeechEvent(number, INDIRECT, cue=list(cue), source=[start], message=message,
                       addr=addr)


def _reports_speech(view: TokenView, lemma: str, cue: list[int], start: int, end: int) -> bool:
    """Whether a speech verb with no message clause reports a speech act of its own: one of
    :data:`REPORTING_VERBS`, or "berichten von/über"; not in the passive ("wurde gefordert"),
    which SpkAtt mostly leaves unannotated (dev split)."""
    texts = view.texts
    if REPORTED_NOT_PASSIVE and any(texts[i].lower() in _PASSIVE_AUX for i in cue):
        return False
    if lemma in REPORTING_VERBS:
        return True
    if lemma in REPORTING_WITH_TOPIC and (start == 0 or texts[start - 1] != "("):
        return any(texts[j].lower() in ("von", "vom", "über") for j in range(max(cue) + 1, end))
    return False


REPORTED_NOT_PASSIVE = True
# Verbs that report a speech act when they name its topic: "Die Zeitung berichtete von …".
REPORTING_WITH_TOPIC = frozenset({"berichten"})


def _is_quote(view: TokenView, message: list[int]) -> bool:
    if not message or view.texts[message[0]] not in _OPENING:
        return False
    if view.texts[message[-1]] not in _CLOSING | _FINAL:
        return False
    marks = [view.texts[i] for i in message if view.texts[i] in _OPENING | _CLOSING]
    return len(marks) == 2 if view.texts[message[0]] == '"' else marks.count(view.texts[message[0]]) == 1


# "Seit August 2013 vertritt er …", "Während der Sitzung sagte sie …": these open a
# prepositional phrase before a verb-second main clause as often as a subordinate clause.
PREPOSITION_NOT_SUBORDINATOR = True
_ALSO_PREPOSITIONS = frozenset({"seit", "während", "bis", "um"})


def _clock_time(view: TokenView, start: int, verb: int) -> bool:
    """ "Um 10:05 Uhr MEZ meldete …": a clock time before the finite verb."""
    texts = view.texts
    return start + 1 < verb and texts[start + 1][:1].isdigit() \
        and "Uhr" in texts[start + 2:verb] and verb - start <= 6


# "Während Kyjiw den Mittwoch nannte, hatte Tass … den Donnerstag gemeldet": an adverbial
# clause in the prefield of a verb-second cue is no message before it; the cue's clause reports.
ADVERBIAL_CLAUSE_NOT_MESSAGE = True
_ADVERBIAL_SUBORDINATORS = frozenset(
    "während nachdem weil obwohl obgleich bevor seit seitdem sobald falls sofern indem".split())


def _adverbial_clause_before(view: TokenView, first: int, comma: int) -> bool:
    """Whether the sentence opens with one adverbial clause that ends at ``comma``."""
    texts = view.texts
    return ADVERBIAL_CLAUSE_NOT_MESSAGE and comma - first >= 3 \
        and texts[first].lower() in _ADVERBIAL_SUBORDINATORS \
        and not any(texts[j] in _CLAUSE_BREAKS or texts[j] in _OPENING | _CLOSING
                    for j in range(first + 1, comma))


def _message_before(view, first, comma_or_start, quote_at) -> list[int]:
    end = comma_or_start
    while end > first and view.texts[end - 1] in (",",):
        end -= 1
    if end <= first:
        return []
    begin = first
    # A quotation that opened in an earlier sentence: „A. B“, sagte X.
    if view.texts[end - 1] in _CLOSING:
        for span in quote_at.values():
            if span.close == end - 1 and span.open < first:
                begin = span.open
    if COLON_LEAD_IN_BEFORE and begin == first:
        # "X hatte ein Ultimatum gestellt: Sollte …, drohten Zölle, sagte X": the writer's
        # lead-in ends at the colon (one outside any quotation).
        quoted = {j for span in quote_at.values() for j in range(span.open, span.close + 1)}
        colon = next((j for j in range(end - 2, first + 2, -1)
                      if view.texts[j] == ":" and j not in quoted), None)
        if colon is not None:
            begin = colon + 1
    return list(range(begin, end))


COLON_LEAD_IN_BEFORE = True


def _message_around(view, first, last, start, end, quote_at, inside) -> list[int]:
    drop = set(range(start, end))
    tokens = [i for i in range(first, last) if i not in drop]
    tokens = _strip_final(view, tokens, last)
    while tokens and view.texts[tokens[-1]] in (",",):
        tokens.pop()
    return [i for i in tokens if not (view.texts[i] == "," and (i + 1 == start or i == end))]


_ADVERBIAL_PREFIELD_STARTS = frozenset("außer stellvertretend anstelle statt".split())
_ADVERBIAL_PREFIELDS = frozenset(
    {"des weiteren", "im übrigen", "im gegenzug", "im anschluss", "im vorfeld", "am rande"})


def _subject_in(view: TokenView, start: int, lo: int) -> list[int]:
    """The subject in the prefield: the noun phrase that fills the tokens before the verb."""
    if start >= lo:
        return []
    if view.texts[start].lower() in ("dies", "das", "dieses", "dazu") and lo - start == 1:
        return []  # "Dies teilte die Polizei mit": the subject follows the verb
    if view.texts[start].lower() in _PREFIELD_PARTICLES and start + 1 < lo:
        start += 1  # "Auch der Schiedsrichter kritisierte", "Aber Zeitungen berichteten"
    if view.texts[start].lower() in ("und", "oder", "sondern") and start + 1 < lo and (
            view.texts[start + 1].lower() in DETERMINERS or view.texts[start + 1][:1].isupper()):
        start += 1  # "…, und das Kinderhilfswerk rief Russland auf"
    if view.texts[start].lower() in _ADVERBIAL_PREFIELD_STARTS or start + 1 < lo and " ".join(
            view.texts[start : start + 2]).lower() in _ADVERBIAL_PREFIELDS:
        return []  # "Außer aus Rio weist das Amt hin", "Des Weiteren verwies X": no subject
    phrase = noun_phrase(view, start, lo)
    if phrase and phrase[0] == start:
        rest = phrase[-1] + 1
        while rest < lo and view.texts[rest].lower() in SKIPPABLE | _PERFECT_AUX:
            rest += 1
        addressee = addressee_phrase(view, rest, lo)
        if addressee:
            rest = addressee[-1] + 1
            while rest < lo and view.texts[rest].lower() in SKIPPABLE | _PERFECT_AUX:
                rest += 1
        if rest >= lo:
            return phrase
        longer = _np_with_attachments(view, start, lo)
        if longer and longer[-1] + 1 == lo:
            return longer
        # Apposition between commas: "Jerry Larson, dem Präsidenten von UP Aerospace, lautete".
    return []


SUBORDINATE_WITH_DASS = True
# "da sie fürchten, die Preise könnten …": reported speech in Konjunktiv after the subordinate
# clause of a speech verb is its message, like a dass clause (SpkAtt dev).
SUBORDINATE_WITH_KONJUNKTIV = True


def _konjunktiv_clause(view: TokenView, begin: int, last: int) -> bool:
    """Whether the clause from ``begin`` (to the next comma or sentence end) is in Konjunktiv."""
    texts = view.texts
    index = begin
    while index < last and texts[index] not in (",", ";") and texts[index] not in _FINAL:
        if cues.is_konjunktiv(texts[index], view.lemmas[index] if view.lemmas else ""):
            return True
        index += 1
    return False
# "Als Grund wurde genannt, …": "als" with these nouns opens a main clause.
_ALS_MAIN_CLAUSE_NOUNS = frozenset(
    "begründung grund erklärung antwort reaktion rechtfertigung ursache beleg argument".split())


# How far back a "wie" may open the clause of a verb after an apposition (SpkAtt dev).
MAX_WIE_APPOSITION_TOKENS = 16


# After "nach Angaben des X" a place or time phrase is the message's, not the source's
# ("nach Angaben der Polizei in der Metropole"); "für", "von" attach, and so does an origin
# ("nach Angaben aus Khartum", as with speakers: :data:`_SOURCE_ATTACHING`) (SpkAtt dev).
_NACH_ATTACHING = frozenset("für von vom zur zum gegen über aus".split())


# "Renate Künast, Fraktionschefin von Bündnis 90/Die Grünen, kritisierte: „…“": when nothing
# follows the verb but the message, the whole lead-in is the speaker (SpkAtt dev).
LONG_PREFIELD_SUBJECT = True
MAX_LONG_SUBJECT_TOKENS = 16


# "Die UN bestätigten den Vorfall, teilten jedoch mit, es sei …": the verb after the comma
# shares the subject and its message follows (not the clause before).
SHARED_SUBJECT_BEFORE_MESSAGE = True
# A sentence opening with a short quotation of capitalised words and then the verb names the
# speaker in quotation marks: „Muslix64“ erwähnte, „BBC News“ berichtet (SpkAtt dev).
QUOTED_NAME_SUBJECT = True
# The verb of such a lead-in may carry adverbials before the message: "Günther Platter, der
# Verteidigungsminister, sagte zum Abschluss des Treffens: …".
LEAD_IN_PAST_ADVERBIALS = True


MAX_SHARED_APPOSITION_TOKENS = 24


def _apposition_end(view: TokenView, begin: int, limit: int) -> int | None:
    """The comma closing an apposition that opens at ``begin`` right before a lowercase verb
    ("ein prominentes, dem Flügel zugehöriges Mitglied des Senats, wollte …"), if one does."""
    texts = view.texts
    if begin >= limit or not (texts[begin][:1].isupper() or texts[begin].lower() in DETERMINERS):
        return None
    for j in range(begin + 1, min(limit, begin + MAX_SHARED_APPOSITION_TOKENS)):
        word = texts[j].lower()
        if word in _PERFECT_AUX | _MODALS | _SUBORDINATORS or texts[j] in _FINAL \
                or texts[j] in (":", ";", "(") or texts[j] in _OPENING:
            return None
        if texts[j] == "," and j + 1 < limit:
            after = texts[j + 1]
            if after.lower() in {"und", "oder", "wie"} or after.lower() in _RELATIVES and not (
                    j + 2 < limit and (texts[j + 2][:1].isupper() or is_adjective(texts[j + 2]))):
                return None  # (", dem Flügel zugehörig": an article, no relative clause)
            if after[:1].islower() and after.lower() not in PREPOSITIONS | DETERMINERS \
                    and j + 1 > begin + 1:
                return j
    return None


def _long_prefield_subject(view: TokenView, first: int, comma: int, hi: int, end: int,
                           last: int) -> list[int]:
    texts = view.texts
    after = hi + 1
    while after < end and texts[after].lower() in SKIPPABLE:
        after += 1
    while LEAD_IN_PAST_ADVERBIALS and after + 1 < end and texts[after].lower() in PREPOSITIONS:
        # "…, sagte zum Abschluss des Treffens: …": a prepositional phrase, no subject
        phrase = noun_phrase(view, after + 1, end)
        if not phrase or phrase[0] != after + 1:
            break
        after = phrase[-1] + 1
        while after < end and texts[after].lower() in SKIPPABLE:
            after += 1
    if after < end or end >= last or texts[end] not in (":", ","):
        return []  # a subject or object follows the verb: "…, sagte der Minister"
    if end + 1 >= last or (texts[end] == "," and texts[end + 1].lower() in _NOT_MESSAGE_STARTS):
        return []
    if comma - first > MAX_LONG_SUBJECT_TOKENS or not (
            texts[first][:1].isupper() or texts[first].lower() in DETERMINERS):
        return []
    if texts[first].lower() in _SUBORDINATORS | {"wie", "so"} or any(
            texts[j] in _OPENING | _CLOSING | _FINAL or texts[j] in (":", ";")
            for j in range(first, comma)):
        return []
    phrase = noun_phrase(view, first, comma)
    if not phrase or phrase[0] != first:
        return []
    # Leave out a relative clause: "Günther Platter, der Verteidigungsminister, der … hat, sagte".
    cut = comma
    for j in range(phrase[-1] + 1, comma):
        if texts[j] == "," and j + 1 < comma and texts[j + 1].lower() in _RELATIVES \
                and j + 2 < comma and not texts[j + 2][:1].isupper():
            cut = j
            break
    if any(cues.speech_verb(texts[j]) for j in range(first, cut)):
        return []
    return list(range(first, cut))
