"""Cue-less speech: quotations without a cue, Konjunktiv continuations and hearsay.

Runs after the sentence rules of :mod:`lagebild.extract.quotes.indirect`:

- :func:`_quotes_without_cue`: a quotation with no cue of its own continues the speaker of the
  sentence before (also the second half of an interrupted quote: „A“, sagte X. „B“), or takes
  the subject before a colon lead-in;
- :func:`_continuations`: following sentences in Konjunktiv with no cue keep the last speaker
  (one event per run, SpkAtt "IndirectFreeIndirect"); a Konjunktiv-I sentence far from any
  event is a continuation with no named speaker; "X soll … haben/sein" hearsay is
  "FreeIndirect"; "X bremste: Die Lage sei …" takes the subject before the colon; a blank line
  (new paragraph or live-blog entry) ends a speaker's reach; with no speaker nearby, the
  subject mention of the sentence before (:func:`_sentence_subject`, :func:`_previous_subject`).

The Konjunktiv sentence tests themselves live in :mod:`lagebild.extract.quotes.clauses`, as the
event rules use them too. Each rule has its switch constant next to it.
"""

from __future__ import annotations

from lagebild.extract.quotes import cues
from lagebild.extract.quotes.clauses import (
    _CLAUSE_BREAKS,
    _CLOSING,
    _FINAL,
    _LEADING_ADVERBS,
    _NOT_SUBJECT_STARTS,
    _OBJECT_DETERMINERS,
    _OPENING,
    _PREFIELD_PARTICLES,
    _RELATIVES,
    _SUBORDINATORS,
    MAX_CONTINUATION_SENTENCES,
    MAX_QUOTE_GAP_SENTENCES,
    QUOTE_TAKES_PREVIOUS_SUBJECT,
    _apposition_phrase,
    _has_named,
    _has_person,
    _konjunktiv_i_at,
    _konjunktiv_i_sentence,
    _konjunktiv_sentence,
    _np_with_attachments,
    _phrase_around,
    _strip_final,
    _subject_after,
    _verb_second,
)
from lagebild.extract.quotes.direct import QuotedSpan, has_verbish
from lagebild.extract.quotes.events import CONTINUED, DIRECT, FREE_INDIRECT, REPORTED, SpeechEvent
from lagebild.extract.quotes.speakers import (
    AGENCIES,
    ANONYMOUS_MARKERS,
    DETERMINERS,
    INSTITUTION_WORDS,
    OUTLETS,
    PREPOSITIONS,
    PRONOUNS,
    ROLE_WORDS,
    SKIPPABLE,
    noun_phrase,
)
from lagebild.extract.quotes.text import TokenView

# --------------------------------------------------------------------------- across sentences


def _quotes_without_cue(view, events, quotes, used_quotes) -> list[SpeechEvent]:
    by_sentence: dict[int, list[SpeechEvent]] = {}
    for event in events:
        by_sentence.setdefault(event.sentence, []).append(event)
    owner = view.sentence_of()
    out = list(events)
    for span in quotes:
        if span.open in used_quotes or not has_verbish(view, span):
            continue
        number = owner[span.open]
        if any(span.open in e.message for e in by_sentence.get(number, ())):
            continue
        previous = None
        for back in range(number, max(-1, number - MAX_QUOTE_GAP_SENTENCES - 1), -1):
            candidates = [e for e in by_sentence.get(back, ()) if e.source and not e.nested
                          and (back < number or max(e.message) < span.open)]
            if candidates:
                previous = candidates[-1]
                break
        lead = _colon_lead_in(view, span, number) if COLON_LEAD_IN and previous is None else None
        if lead is not None:
            # "X warb mit den Worten: „…“", "Darauf waren die Worte zu lesen: „…“": the clause
            # before the colon introduces the quotation; its verb is the cue.
            event = SpeechEvent(number, DIRECT, cue=lead[0], source=lead[1],
                                message=list(range(span.open, span.close + 1)))
            out.append(event)
            by_sentence.setdefault(number, []).append(event)
            continue
        if previous is None:
            # No speaker nearby: a statement quoted on its own is the last-named subject's
            # (SpkAtt dev), where the language layer names one in the sentence before.
            speaker = _previous_subject(view, number - 1, set()) \
                if QUOTE_TAKES_PREVIOUS_SUBJECT and view.mentions and number > 0 else []
            if speaker and view.texts[span.open] in _OPENING:
                event = SpeechEvent(number, DIRECT, source=speaker,
                                    message=list(range(span.open, span.close + 1)))
                out.append(event)
                by_sentence.setdefault(number, []).append(event)
            continue
        event = SpeechEvent(number, DIRECT, source=list(previous.source),
                            message=list(range(span.open, span.close + 1)))
        own = OWN_WORDS_ANCHOR_SUBJECT and previous.attribution \
            and view.texts[previous.source[0]].lower() in _OWN_WORDS \
            and _sentence_subject(view, previous.sentence, previous)
        if own:  # "X war nach eigenem Bekunden eingeweiht. „…“": X speaks
            event.source = own
        elif previous.cue and QUOTE_KEEPS_CUE:
            # The second half of an interrupted quote („A“, sagte X. „B“) and a quotation
            # following an attributed statement are events of their own with the same cue,
            # speaker and addressee, as SpkAtt annotates them.
            event.cue, event.addr = list(previous.cue), list(previous.addr)
        event.cited = list(previous.cited)
        event.relayed = list(previous.relayed)
        out.append(event)
        by_sentence.setdefault(number, []).append(event)
    return out


COLON_LEAD_IN = True


def _colon_lead_in(view: TokenView, span: QuotedSpan, number: int
                   ) -> tuple[list[int], list[int]] | None:
    """The verb and subject of a clause ending in a colon right before a quotation, in the
    same sentence or the one before ("…, veröffentlichte der Verfasser folgenden Kommentar:")."""
    texts = view.texts
    first, _ = view.sentences[number]
    if span.open > first and texts[span.open - 1] == ":":
        colon, lo = span.open - 1, first
    elif span.open == first and number > 0 and texts[view.sentences[number - 1][1] - 1] == ":":
        lo, colon = view.sentences[number - 1][0], view.sentences[number - 1][1] - 1
    else:
        return None
    begin = colon
    while begin > lo and texts[begin - 1] not in (",", ";") and texts[begin - 1] not in _FINAL \
            and texts[begin - 1] not in _CLOSING:
        begin -= 1
    if colon - begin < 3:
        return None
    if texts[begin].lower() in PREPOSITIONS:
        prefield = noun_phrase(view, begin + 1, colon, genitive=True)
    else:
        prefield = noun_phrase(view, begin, colon, genitive=True)
        if not prefield and texts[begin][:1].isupper() and texts[begin].lower() not in DETERMINERS:
            prefield = [begin]  # "Darauf", "Höhnisch"
    if not prefield:
        return None
    verb = prefield[-1] + 1
    if verb >= colon or not texts[verb].isalpha() or not texts[verb][:1].islower() \
            or texts[verb].lower() in DETERMINERS | PREPOSITIONS | PRONOUNS | SKIPPABLE \
            or cues.is_konjunktiv(texts[verb], view.lemmas[verb] if view.lemmas else ""):
        return None  # (a Konjunktiv lead-in goes on with reported speech)
    subject = prefield if texts[begin].lower() not in PREPOSITIONS and (
        texts[prefield[0]].lower() in PRONOUNS or _has_named(view, prefield)) else []
    source = subject or _subject_after(view, verb + 1, colon)
    return [verb], source


# A cue-less quotation after an event with a cue keeps that cue (SpkAtt dev: +0.012 joint).
QUOTE_KEEPS_CUE = True


def _continuations(view, events, inside) -> list[SpeechEvent]:
    """Cue-less statements that go on from an attributed one.

    A run of Konjunktiv sentences right after a sentence with a speech event is one
    continuation event with that event's speaker (SpkAtt "IndirectFreeIndirect": one event per
    run, its Source the tokens of the original speaker). A sentence of hearsay "soll(en)"
    ("Er soll den Anschlag geplant haben") is free indirect speech of the last speaker within
    :data:`HEARSAY_ANCHOR_SENTENCES` sentences, or of nobody named.
    """
    with_events = {e.sentence for e in events}
    # Sentences covered by a quotation already belong to an event.
    owner = view.sentence_of()
    covered = {owner[i] for e in events for i in e.message}
    out = list(events)
    anchors: dict[int, SpeechEvent] = {}
    for event in events:
        if event.nested or not (event.source or event.cue):
            continue
        if event.form == REPORTED and not (CONTINUE_AFTER_REPORTED or (
                CONTINUE_AFTER_NAMED_REPORT and event.source and view.mentions
                and _has_named(view, event.source))):
            continue
        current = anchors.get(event.sentence)
        if current is None or event.cue or not current.cue:
            anchors[event.sentence] = event
    # A report of speech ("Die Behörden werfen ihm Betrug vor") is no anchor for Konjunktiv
    # runs, but hearsay "soll(en)" right after it spells out what was reported.
    reports = {e.sentence: e for e in events if e.form == REPORTED and not e.nested
               and e.source} if HEARSAY_AFTER_REPORTED else {}
    count = len(view.sentences)
    anchor: SpeechEvent | None = None
    anchor_sentence = -10
    report: SpeechEvent | None = None
    report_sentence = -10
    opens = _paragraph_openings(view) if PARAGRAPH_ENDS_REACH else frozenset()
    number = 0
    while number < count:
        if number in opens:
            # A new paragraph (or live-blog entry) ends the reach of the speaker before it.
            anchor, anchor_sentence, report, report_sentence = None, -10, None, -10
        outer = _konjunktiv_cue_report(view, number, events, anchor, anchor_sentence) \
            if NESTED_KONJUNKTIV_REPORT and number in with_events else None
        if outer is not None:
            out.append(outer)
        if number in anchors:
            anchor, anchor_sentence = anchors[number], number
        if number in reports:
            report, report_sentence = reports[number], number
        if number in with_events or number in covered:
            number += 1
            continue
        run: list[int] = []
        if anchor is not None and number - anchor_sentence <= CONTINUATION_GAP_SENTENCES:
            while number < count and number not in with_events and number not in covered \
                    and len(run) < MAX_CONTINUATION_SENTENCES \
                    and _continues_speech(view, number, inside):
                run.append(number)
                number += 1
        elif STANDALONE_KONJUNKTIV and _konjunktiv_i_sentence(view, number, inside):
            run.append(number)
            number += 1
        if run and _colon_speaker(view, run[0]):
            # "X bremste am Montag: Die Positionen seien …": the subject before the colon speaks.
            speaker, colon = _colon_speaker(view, run[0])
            first, last = view.sentences[run[0]]
            out.append(SpeechEvent(run[0], CONTINUED, source=speaker,
                                   message=list(range(colon + 1, last))))
            anchor, anchor_sentence = out[-1], run[0]
            number = run[0] + 1
            continue
        if run:
            first = view.sentences[run[0]][0]
            last = view.sentences[run[-1]][1]
            source = list(anchor.source) if anchor is not None and \
                run[0] - anchor_sentence <= STANDALONE_SOURCE_SENTENCES else []
            if source and OWN_WORDS_ANCHOR_SUBJECT and anchor.attribution \
                    and view.texts[source[0]].lower() in _OWN_WORDS:
                source = _sentence_subject(view, anchor.sentence, anchor) or source
            if (not source or PREVIOUS_SUBJECT_OVER_ANCHOR and anchor_sentence < run[0] - 1) \
                    and view.mentions and run[0] > 0:
                source = _previous_subject(view, run[0] - 1, inside) or source
            if (not source or ROLE_SUBJECT_OVER_ANCHOR and anchor_sentence < run[0] - 1) \
                    and PREVIOUS_SENTENCE_SUBJECT and run[0] > 0:
                kept = source
                # "Die Kriminalpolizei sucht einen Mann. Er sei 18 bis 25 Jahre alt": the
                # subject of the sentence before, named or not.
                for back in range(run[0] - 1, max(-1, run[0] - 1 - PREVIOUS_SUBJECT_SENTENCES), -1):
                    if back + 1 in opens:
                        break
                    source = _sentence_subject(view, back, SpeechEvent(back, CONTINUED))
                    if _names_speaker(view, source):
                        break
                    source = []
                source = source or kept
            event = SpeechEvent(run[0], CONTINUED, source=source,
                                message=list(range(first, last)))
            if anchor is not None and source:
                event.cited = list(anchor.cited)
                event.relayed = list(anchor.relayed)
            out.append(event)
            anchor_sentence = run[-1]
            continue
        hearsay = _hearsay_sentence(view, number, inside) if HEARSAY else None
        if hearsay:
            first, last = view.sentences[number]
            reach = HEARSAY_ANCHOR_SENTENCES if hearsay == "perfect" \
                else PLAIN_HEARSAY_ANCHOR_SENTENCES
            source = list(anchor.source) if anchor is not None and \
                number - anchor_sentence <= reach else []
            if report is not None and report_sentence > anchor_sentence \
                    and number - report_sentence <= REPORT_HEARSAY_SENTENCES:
                source = list(report.source)
            if not source and view.mentions and number > 0 and PREVIOUS_SUBJECT_FOR_HEARSAY:
                source = _previous_subject(view, number - 1, inside)
            if not source and number > 0 and SPEAKER_SUBJECT_FOR_HEARSAY \
                    and number not in opens:
                source = _speaker_subject(view, number - 1, inside)
            previous = out[-1] if out else None
            if HEARSAY_RUNS and previous is not None and previous.form == FREE_INDIRECT \
                    and previous.message and previous.message[-1] + 1 == first:
                # A run of hearsay sentences is one statement (SpkAtt: one event per run).
                previous.message.extend(range(first, last))
            elif source or HEARSAY_WITHOUT_SOURCE:
                out.append(SpeechEvent(number, FREE_INDIRECT, source=source,
                                       message=list(range(first, last))))
            if source:
                anchor_sentence = number
        number += 1
    return out


# A blank line (a paragraph or live-blog entry boundary) ends the reach of a speaker for the
# Konjunktiv and hearsay sentences after it. (SpkAtt text has no paragraphs.)
PARAGRAPH_ENDS_REACH = True


def _paragraph_openings(view: TokenView) -> frozenset[int]:
    """Sentences that open a paragraph: a blank line lies between them and the one before."""
    out = set()
    for number in range(1, len(view.sentences)):
        previous, first = view.sentences[number - 1][1] - 1, view.sentences[number][0]
        if previous >= 0 and first < len(view.texts) \
                and view.text.count("\n", view.ends[previous], view.starts[first]) >= 2:
            out.add(number)
    return frozenset(out)


# "Das sagte X. Y habe ihm berichtet, dass …": a sentence whose own cue is a Konjunktiv I
# goes on with the speaker before; Y's words are nested in X's statement (both are events).
NESTED_KONJUNKTIV_REPORT = True


def _konjunktiv_cue_report(view: TokenView, number: int, events: list[SpeechEvent],
                           anchor: SpeechEvent | None, anchor_sentence: int
                           ) -> SpeechEvent | None:
    if anchor is None or not anchor.source or not 0 < number - anchor_sentence \
            <= CONTINUATION_GAP_SENTENCES:
        return None
    first, last = view.sentences[number]
    own = [e for e in events if e.sentence == number and not e.nested]
    if not own or view.texts[first] in _OPENING:
        return None
    lemmas = view.lemmas
    for event in own:
        if not event.cue or not event.source or set(event.source) & set(anchor.source) \
                or view.texts[event.cue[0]] in _OPENING:
            return None
        if not any(_konjunktiv_i_at(view, i, first, last, lemmas[i] if lemmas else "")
                   for i in event.cue):
            return None
    outer = SpeechEvent(number, CONTINUED, source=list(anchor.source),
                        message=_strip_final(view, list(range(first, last)), last))
    outer.cited, outer.relayed = list(anchor.cited), list(anchor.relayed)
    return outer


# "X war nach eigenem Bekunden …", "…, bei dem es sich seiner Meinung nach …": statements going on
# from such an attribution continue X, the subject of its sentence, not "eigenem Bekunden".
OWN_WORDS_ANCHOR_SUBJECT = True
# A Konjunktiv run with no speaker from the rules above takes the subject of the sentence before.
PREVIOUS_SENTENCE_SUBJECT = True
PREVIOUS_SUBJECT_SENTENCES = 1
# Where the anchor is more than a sentence back, a speaker-like subject of the sentence right
# before wins over it ("Das Robert-Koch-Institut rät … . Es sei …"): SpkAtt dev.
ROLE_SUBJECT_OVER_ANCHOR = True
_OWN_WORDS = frozenset("seiner ihrer seinen ihren seinem ihrem eigenem eigenen eigener".split())


def _names_speaker(view: TokenView, phrase: list[int]) -> bool:
    """Whether a phrase names someone who can speak: a PER/ORG mention, a role or institution
    noun, an agency or outlet ("Die Kriminalpolizei", "Analysten", not "Der Sprengsatz")."""
    # The head decides: the first capitalised word after article and attributes ("Die Arbeit
    # der Organisationen" is no speaker).
    head = next((i for i in phrase if view.texts[i][:1].isupper()
                 and view.texts[i].lower() not in DETERMINERS), None)
    if head is None:
        return False
    comma = next((k for k, i in enumerate(phrase) if view.texts[i] == ","), None)
    if _has_named(view, [head]) or comma is not None and _has_person(view, phrase[comma:]):
        return True  # (a name in an apposition: "Der Kommissar der EU, Louis Michel")
    word = view.texts[head].lower()
    return word in AGENCIES or word in OUTLETS or any(
        word == r or len(r) > 3 and (word.startswith(r) or word.endswith(r))
        for r in ROLE_WORDS + INSTITUTION_WORDS + ANONYMOUS_MARKERS + _SPEAKER_NOUNS)


# Plural and group nouns that speak in news ("Analysten", "Kritiker des Plans", "Anwohner").
_SPEAKER_NOUNS = (
    "analyst", "analysten", "experten", "forscher", "wissenschaftler", "kritiker", "gegner",
    "befürworter", "medien", "zeuge", "zeugen", "anwohner", "ärzte", "ermittler", "aktivist",
    "aktivisten", "veranstalter", "organisatoren", "opposition", "betriebsrat", "vorstand",
    "geschäftsleitung",
)


def _sentence_subject(view: TokenView, number: int, event: SpeechEvent) -> list[int]:
    """The noun phrase opening sentence ``number`` (with an apposition fenced by commas) where
    a verb follows it, outside the event's own roles."""
    texts = view.texts
    first, last = view.sentences[number]
    start = first
    while start < last and texts[start].lower() in _LEADING_ADVERBS | _PREFIELD_PARTICLES:
        start += 1
    if start >= last or texts[start].lower() in _NOT_SUBJECT_STARTS | _SUBORDINATORS \
            | PREPOSITIONS:
        return []
    phrase = _np_with_attachments(view, start, last)
    if not phrase or phrase[0] != start:
        return []
    end = phrase[-1] + 1
    if end + 1 < last and texts[end] == ",":
        apposition = _apposition_phrase(view, end + 1, last)
        close = apposition[-1] + 1 if apposition else last
        if apposition and close < last and texts[close] == "," \
                and texts[end + 1].lower() not in _RELATIVES - {"der", "die"}:
            phrase, end = list(range(start, close)), close + 1
    if end >= last or not texts[end][:1].islower() or texts[end].lower() in PREPOSITIONS:
        return []
    if set(phrase) & (set(event.source) | set(event.cue)):
        return []
    return phrase


# A cue-less Konjunktiv run whose speaker is not in the sentence before takes the subject
# mention of that sentence: SpkAtt annotates the speaker just introduced ("Der Minister
# Usman Ngom besuchte … . Die Lage sei …"), often in a sentence with no cue of its own.
PREVIOUS_SUBJECT_OVER_ANCHOR = False
PREVIOUS_SUBJECT_FOR_HEARSAY = False


def _previous_subject(view: TokenView, number: int, inside: set[int]) -> list[int]:
    """The PER/ORG subject of sentence ``number``: a mention opening the sentence (after an
    article and attributes) or standing right after its finite verb; never a prepositional or
    dative object."""
    first, last = view.sentences[number]
    texts = view.texts
    for m_first, m_last, kind in view.mentions:
        if m_first < first or m_first >= last or kind not in ("PER", "ORG"):
            continue
        if m_first in inside:
            return []
        phrase = _phrase_around(view, m_first, m_last, first)
        if phrase[0] == first or (phrase[0] - 1 == first and texts[first].lower()
                                  in _PREFIELD_PARTICLES):
            return phrase
        before = texts[phrase[0] - 1]
        if phrase[0] - 2 >= first and before[:1].islower() and before.lower() not in PREPOSITIONS \
                and texts[phrase[0]].lower() not in _OBJECT_DETERMINERS \
                and not any(texts[j] in _CLAUSE_BREAKS for j in range(first, phrase[0])) \
                and _verb_second(view, first, phrase[0] - 1):
            return phrase  # "Am Montag besuchte Minister X …": the subject after the verb
        return []
    return []


# "Die Gewerkschaft hat einen Streik beschlossen. Die Busse sollen im Depot bleiben.": with no
# speaker nearby, hearsay spells out what the speaker-like subject of the sentence before
# (named, a role or an institution) wants, plans or decided (SpkAtt dev: 4 of 5 right; after
# any verb, 2 of 18 right: joint -0.0001, Source -0.0018).
SPEAKER_SUBJECT_FOR_HEARSAY = True
HEARSAY_AFTER_PLAN_ONLY = True
_PLAN_VERBS = frozenset(
    "will wollen wollte wollten plant planen plante planten beschloss beschlossen beschließt "
    "beschließen geeinigt einigten einigte vereinbart vereinbarten vereinbarte".split())


def _speaker_subject(view: TokenView, number: int, inside: set[int]) -> list[int]:
    """The subject of sentence ``number`` where it names someone who can speak and its main
    clause has a verb of intent (:data:`_PLAN_VERBS`): the phrase opening the sentence, the
    phrase after "Das beschloss …", or a PER/ORG mention right after its finite verb."""
    first, last = view.sentences[number]
    end = next((i for i in range(first, last) if view.texts[i] in _CLAUSE_BREAKS), last)
    if HEARSAY_AFTER_PLAN_ONLY and not any(view.texts[i].lower() in _PLAN_VERBS
                                           for i in range(first, end)):
        return []  # (in its main clause: not "…, wonach Zeugen etwas gehört haben wollen")
    subject = _sentence_subject(view, number, SpeechEvent(number, CONTINUED))
    if subject and _names_speaker(view, subject):
        return subject
    if subject:
        return []
    texts = view.texts
    if first + 3 < last and texts[first].lower() in _PLAN_PREFIELD \
            and texts[first + 1].lower() in _PLAN_VERBS \
            and texts[first + 2].lower() in DETERMINERS:
        # "Das beschloss die Tarifkommission der Gewerkschaft": the subject after the verb.
        after = noun_phrase(view, first + 2, end, genitive=True)
        if after and _names_speaker(view, after):
            return after
    return _previous_subject(view, number, inside) if view.mentions else []


_PLAN_PREFIELD = frozenset("das dies dazu darauf deshalb daher".split())


# Continuation knobs, tuned on the SpkAtt dev split.
# Off: a bare report ("X sprach von …") rarely names who goes on speaking (example corpus).
CONTINUE_AFTER_REPORTED = False
# A report of speech whose speaker is a named person or organisation ("Die UN verlangten eine
# Untersuchung.") is an anchor: what follows in Konjunktiv is theirs (SpkAtt dev). ("Ein Datum
# nannte er nicht." is no anchor: a fronted object is no named speaker.)
CONTINUE_AFTER_NAMED_REPORT = True
CONTINUATION_GAP_SENTENCES = 3
STANDALONE_KONJUNKTIV = True
# A Konjunktiv sentence further from any speech event still takes the last speaker this close.
STANDALONE_SOURCE_SENTENCES = 3
HEARSAY = True
HEARSAY_ANCHOR_SENTENCES = 2
_HEARSAY = frozenset({"soll", "sollen"})


def _colon_speaker(view: TokenView, number: int) -> tuple[list[int], int] | None:
    """The subject of a sentence "Subject verb …: statement", and the colon's index."""
    first, last = view.sentences[number]
    texts = view.texts
    colon = next((j for j in range(first, last) if texts[j] == ":"), None)
    if colon is None or colon - first > MAX_COLON_PREFIX_TOKENS:
        return None
    phrase = noun_phrase(view, first, colon)
    if not phrase or phrase[0] != first or phrase[-1] + 1 >= colon:
        return None
    verb = texts[phrase[-1] + 1]
    if not verb[:1].islower() or verb.lower() in PRONOUNS:
        return None
    return phrase, colon


# A "Subject verb …:" lead-in longer than this is no speaker introduction (example corpus).
MAX_COLON_PREFIX_TOKENS = 12


def _hearsay_sentence(view: TokenView, number: int, inside: set[int]) -> str | None:
    """ "X soll … haben/sein/werden" ("perfect") or "X soll …" with another infinitive
    ("plain"): the hearsay modal as the finite verb of a main clause."""
    first, last = view.sentences[number]
    texts = view.texts
    for index in range(first, last):
        if index in inside or texts[index].lower() not in _HEARSAY:
            continue
        # The finite verb of a main clause: no subordinator / relative before it in its clause.
        j = index - 1
        while j >= first and texts[j] not in (",", ";", ":", "(", "–"):
            j -= 1
        opener = texts[j + 1].lower() if j + 1 < index else ""
        second = HEARSAY_VERB_SECOND and opener in _PREPOSITION_SUBORDINATORS \
            and index + 1 < last and texts[index + 1] not in _CLAUSE_BREAKS | _FINAL \
            and texts[j + 2].lower() in DETERMINERS
        if not second and (opener in _SUBORDINATORS or (j >= first and opener in _RELATIVES)
                           or opener == "wie"):
            continue
        k = index + 1
        while k < last and texts[k] not in (",", ";", ":", "(", "–", ".", "!", "?"):
            if texts[k] in ("haben", "sein") or HEARSAY_PASSIVE and texts[k] == "werden":
                return "perfect"
            k += 1
        if not HEARSAY_PERFECT:
            return "plain"
    return None


# "Während des Überfalls sollen Schüsse gefallen sein": a preposition that doubles as a
# subordinator, with an article after it and the modal not at the end of its clause, opens the
# prefield of a main clause (SpkAtt dev).
HEARSAY_VERB_SECOND = True
_PREPOSITION_SUBORDINATORS = frozenset({"während", "seit", "um", "bis"})
# "X soll … werden" (a plan reported: "Das Werk soll geschlossen werden"): SpkAtt dev.
HEARSAY_PASSIVE = True
# "Der Verein soll in die zweite Liga wechseln": with a plain infinitive only right after the
# statement it goes on from (SpkAtt dev).
PLAIN_HEARSAY_ANCHOR_SENTENCES = 1
HEARSAY_WITHOUT_SOURCE = False
# "Die Anklage wirft dem Händler Betrug vor. Er soll Kunden getäuscht haben.": hearsay in the
# sentence right after a report of speech is that report's content (SpkAtt dev: joint
# +0.0017, Source +0.0006; two sentences on: no further gain).
HEARSAY_AFTER_REPORTED = True
REPORT_HEARSAY_SENTENCES = 1
HEARSAY_RUNS = True


# True: only "soll … haben/sein/werden" is hearsay; False: any "soll" + infinitive, the plain
# ones within PLAIN_HEARSAY_ANCHOR_SENTENCES of a speaker (SpkAtt dev).
HEARSAY_PERFECT = False


def _continues_speech(view: TokenView, number: int, inside: set[int]) -> bool:
    """Whether a cue-less sentence goes on with reported speech: a Konjunktiv I form, or a
    Konjunktiv II form ("wäre", "könnte") right after a Konjunktiv I sentence. Alone,
    Konjunktiv II is mostly the writer's own conditional ("Der Umbau könnte teurer werden"):
    SpkAtt dev, 35 of 51 such continuations were false."""
    if MAIN_CLAUSE_KONJUNKTIV and _konjunktiv_only_subordinate(view, number, inside):
        return False
    if _konjunktiv_i_sentence(view, number, inside):
        return True
    if not KONJUNKTIV_II_CONTINUES_ONLY_KONJUNKTIV_I:
        return _konjunktiv_sentence(view, number, inside)
    return number > 0 and _konjunktiv_sentence(view, number, inside) \
        and _konjunktiv_i_sentence(view, number - 1, inside)


KONJUNKTIV_II_CONTINUES_ONLY_KONJUNKTIV_I = True
# "Zuletzt hatte X den Druck erhöht und Sanktionen angedroht, falls es keine Fortschritte gebe":
# a Konjunktiv only in a conditional, causal, temporal or relative clause after an indicative
# main clause is the writer's sentence (the subjunctive belongs to the subordinate clause).
MAIN_CLAUSE_KONJUNKTIV = True
KONJUNKTIV_VERB_FINAL = True
_ADVERBIAL_OPENERS = _SUBORDINATORS - {"dass", "ob", "um", "als"}


def _konjunktiv_only_subordinate(view: TokenView, number: int, inside: set[int]) -> bool:
    """Whether the sentence opens with a main clause and all its Konjunktiv forms stand in
    adverbial or relative clauses after a comma."""
    first, last = view.sentences[number]
    texts, lemmas = view.texts, view.lemmas
    if texts[first].lower() in _SUBORDINATORS or texts[first] in _OPENING:
        return False
    found = False
    opener = first
    for index in range(first, last):
        if texts[index] in (",", ";", ":", "–", "-"):
            opener = index + 1
            continue
        if index in inside or not cues.is_konjunktiv(texts[index], lemmas[index] if lemmas else ""):
            continue
        if opener == first or opener >= last:
            return False  # in the main clause
        word = texts[opener].lower()
        after = texts[opener + 1].lower() if opener + 1 < last else ""
        if not (texts[opener - 1] == "," and (
                word in _ADVERBIAL_OPENERS or word in _RELATIVES
                or word in PREPOSITIONS and after in _RELATIVES)):
            return False
        if KONJUNKTIV_VERB_FINAL and index + 1 < last \
                and texts[index + 1] not in _CLAUSE_BREAKS | _FINAL | _CLOSING:
            return False  # not verb-final: "…, die Verletzten seien Touristen" is a main clause
        found = True
    return found
