"""Who said what: direct quotations, indirect and reported speech, attributed claims.

Public surface: :func:`extract_quotes` (the pipeline's call) and :func:`find_speech_events`
(token-level events, used by the SpkAtt evaluation). Modules: ``cues`` (lexicons, Konjunktiv),
``direct`` (quotation marks), ``indirect`` (the sentence rules for speech events), ``roles``
(Source/Addr fixes on finished events), ``continuations`` (cue-less quotes, Konjunktiv
continuations, hearsay), ``clauses`` (clause and phrase helpers those three share),
``speakers`` (speaker phrases, kinds, resolution), ``events`` (the token-level record),
``spkatt`` (evaluation).

From events to records: a direct quotation interrupted by its cue („A“, sagte X. „B“) becomes
one :class:`Quote` per quoted part, same speaker; other messages are one span from their first
to their last token. The speaker keeps its surface text (SpkAtt's convention: "er" stays "er");
``refers_to`` names whom a pronoun or role noun ("er", "der Präsident", "der Kreml-Sprecher")
means: for a pronoun the last PER subject before it ("sie" also an ORG subject: "Die Stadtwerke
… erklärten sie"), else the last person named; for a role noun the last person with that role. ``via`` lists the links a statement passed through, innermost first:
the outlet or agency told ("sagte er dem Spiegel"), the agency that cites its own sources
("berichteten Tass und Interfax unter Berufung auf eigene Quellen" -> speaker "eigene Quellen",
via Tass, Interfax), a cited source that cites its own ("AFP berichtete unter Berufung auf
Tass, die sich auf eine Quelle stützte" -> speaker "eine Quelle", via Tass, AFP), and last the
document's own agency credit (else the agency of a dateline the text opens with, "KIEW
(dpa-AFX) -", which is never part of a message).

Claims: every indirect, mixed and reported quote is a claim; a direct quote is one unless it is
a question, an exclamation or a fragment of a few words (kept simple on purpose).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Sequence

from lagebild.clean.metadata import agency_name
from lagebild.extract.quotes.direct import FRAGMENT_TOKENS
from lagebild.extract.quotes.events import DIRECT, REPORTED, SpeechEvent
from lagebild.extract.quotes.indirect import (
    _sentence_subject,
    _subject_after,
    dateline,
    find_events,
)
from lagebild.extract.quotes.speakers import (
    DETERMINERS,
    NON_NOUN_STARTS,
    name_part,
    noun_phrase,
    represents,
    role_nouns,
    speaker_kind,
)
from lagebild.extract.quotes.text import TokenView, view_of
from lagebild.model import Claim, Document, Parsed, Quote, Segment, Speaker

# How far back (in sentences) a cue with no speaker of its own ("hieß es") may take one.
INHERIT_SPEAKER_SENTENCES = 2


def find_speech_events(view: TokenView, parsed: Parsed | None = None) -> list[SpeechEvent]:
    """Speech events of a document in token indexes of ``view``."""
    return find_events(view)


def extract_quotes(
    document: Document, parsed: Parsed, segments: Sequence[Segment] = ()
) -> tuple[tuple[Quote, ...], tuple[Claim, ...]]:
    """Quotes and claims of one document (pure; spans index ``document.text``)."""
    view = view_of(document.text, parsed)
    events = find_events(view)
    people = _PersonIndex(view, parsed)
    quotes: list[Quote] = []
    claims: list[Claim] = []
    credited = tuple(document.agency) or _dateline_agencies(view)
    previous: tuple[int, Speaker | None, tuple[str, ...]] | None = None
    for event in events:
        if event.nested or not event.message:
            continue
        anaphoric = _anaphoric_source(view, event) or (
            previous is not None and previous[1] is not None and _statement_noun_source(view, event)
            and event.sentence - previous[0] <= INHERIT_SPEAKER_SENTENCES)
        speaker, via = (None, ()) if anaphoric else _speaker_and_via(view, event, people)
        if speaker is None and previous is not None and (anaphoric or _impersonal(view, event)) \
                and event.sentence - previous[0] <= INHERIT_SPEAKER_SENTENCES:
            speaker, via = previous[1], previous[2]
        if credited:
            via = via + tuple(a for a in credited if a not in via)
        if speaker is not None:
            previous = (event.sentence, speaker, via)
        cue_text, cue_start, cue_end = _cue(view, event)
        for start, end in _message_spans(view, event):
            kind = _kind(view, event, start, end)
            quote = Quote(
                id=f"{document.id}-q{len(quotes)}",
                document_id=document.id,
                start=start,
                end=end,
                text=document.text[start:end],
                kind=kind,
                cue=cue_text,
                cue_start=cue_start,
                cue_end=cue_end,
                speaker=speaker,
                via=via,
                segment_id=_segment_of(segments, start),
            )
            quotes.append(quote)
            if _is_claim(quote):
                claims.append(Claim(
                    id=f"{document.id}-c{len(claims)}",
                    document_id=document.id,
                    start=start,
                    end=end,
                    text=quote.text,
                    source=speaker,
                    via=via,
                    quote_id=quote.id,
                    segment_id=quote.segment_id,
                ))
    return tuple(quotes), tuple(claims)


# --------------------------------------------------------------------------- helpers


def _dateline_agencies(view: TokenView) -> tuple[str, ...]:
    """The agencies of a dateline opening the text ("KIEW (dpa-AFX) - …"), where cleaning has
    not taken it out and credited the document already."""
    if not view.sentences:
        return ()
    found = dateline(view, *view.sentences[0])
    if found is None:
        return ()
    credit = view.text[view.starts[found[1][0]]:view.ends[found[1][-1]]]
    names = (agency_name(part) for part in re.split(r"\s*[/,]\s*", credit))
    return tuple(dict.fromkeys(name for name in names if name))


def _impersonal(view: TokenView, event: SpeechEvent) -> bool:
    """ "…, hieß es weiter": a cue that names no speaker continues the one before (as does a
    source that only points back: "Demnach …", see :func:`_anaphoric_source`)."""
    return any(view.texts[i].lower() in ("heißt", "hieß", "geheißen") for i in event.cue)


# Adverbs that point back to the report before ("Demnach gab es keine Toten"): SpkAtt marks
# the adverb as the Source; the exported speaker is the one it points back to.
_ANAPHORIC_SOURCES = frozenset("demnach danach dementsprechend".split())


def _anaphoric_source(view: TokenView, event: SpeechEvent) -> bool:
    return len(event.source) == 1 and view.texts[event.source[0]].lower() in _ANAPHORIC_SOURCES


# "…, hieß es in der Mitteilung.", "laut der Erklärung": the statement just mentioned is the
# previous speaker's (a definite article and a statement noun, nobody named).
_STATEMENT_NOUNS = frozenset(
    "mitteilung pressemitteilung erklärung stellungnahme verlautbarung".split())


def _statement_noun_source(view: TokenView, event: SpeechEvent) -> bool:
    words = [view.texts[i].lower() for i in sorted(event.source)]
    return len(words) == 2 and words[0] in ("der", "die", "dem", "des") \
        and words[1] in _STATEMENT_NOUNS


def _segment_of(segments: Sequence[Segment], start: int) -> str | None:
    for segment in segments:
        if segment.start <= start < segment.end:
            return segment.id
    return None


def _cue(view: TokenView, event: SpeechEvent) -> tuple[str | None, int | None, int | None]:
    if not event.cue:
        return None, None, None
    cue = sorted(event.cue)
    return " ".join(view.texts[i] for i in cue), view.starts[cue[0]], view.ends[cue[-1]]


def _message_spans(view: TokenView, event: SpeechEvent) -> list[tuple[int, int]]:
    tokens = sorted(event.message)
    if len(tokens) > 2 and view.texts[tokens[-1]].lower() in ("das", "dies") \
            and view.texts[tokens[-2]] in (".", "!", "?"):
        # "A. Das sagte X.": the event keeps the pronoun (SpkAtt's span); the quote ends at A.
        tokens = tokens[:-2] if view.texts[tokens[-2]] == "." else tokens[:-1]
    if event.form != DIRECT:
        return [(view.starts[tokens[0]], view.ends[tokens[-1]])]
    runs: list[list[int]] = [[tokens[0]]]
    for index in tokens[1:]:
        if index == runs[-1][-1] + 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return [(view.starts[run[0]], view.ends[run[-1]]) for run in runs]


def _kind(view: TokenView, event: SpeechEvent, start: int, end: int) -> str:
    if event.form == DIRECT:
        return "direct"
    if event.form == REPORTED:
        return "reported"
    text = view.text[start:end]
    if any(mark in text for mark in ('"', "„", "»", "“")):
        return "mixed"
    return "indirect"


def _is_claim(quote: Quote) -> bool:
    if quote.kind != "direct":
        return True
    inner = quote.text.strip("„“\"»«‚‘ ")
    return not inner.endswith(("?", "!")) and len(inner.split()) > FRAGMENT_TOKENS


def _names(view: TokenView, tokens: Sequence[int]) -> tuple[str, ...]:
    """Names in a phrase, split at "und": "Tass und die Agentur Interfax" -> (Tass, Interfax)."""
    parts: list[list[int]] = [[]]
    for index in tokens:
        if view.texts[index] in ("und", "sowie", ","):
            parts.append([])
        else:
            parts[-1].append(index)
    out = []
    for part in parts:
        name = name_part(view, part) if part else None
        if name:
            out.append(name.strip("„“\"»«"))
    return tuple(out)


class _PersonIndex:
    """Named people seen so far in a document, with their role nouns, for resolving speakers."""

    def __init__(self, view: TokenView, parsed: Parsed | None):
        self.view = view
        self.entries: list[tuple[int, str, tuple[str, ...]]] = []  # (char start, name, roles)
        # PER and ORG mentions in subject position, for pronouns: (char start, name, type).
        self.subjects: list[tuple[int, str, str]] = []
        sentence_starts = frozenset(first for first, _ in view.sentences)
        for mention in (parsed.mentions if parsed is not None else ()):
            if mention.type == "PER":
                roles = role_nouns((mention.role or "").split())
                self.entries.append((mention.start, mention.normal or mention.text, roles))
            if mention.type in ("PER", "ORG") and _subject_position(view, mention.start, sentence_starts):
                self.subjects.append((mention.start, mention.normal or mention.text, mention.type))
        if not self.entries:
            # No named entities from the language layer: take the role-plus-name phrases that
            # open sentences ("Frankreichs Außenminister Jean-Noël Barrot, …") as people.
            for first, last in view.sentences:
                index = first
                if index < last and not view.texts[index][:1].isupper():
                    continue
                if index + 1 < last and view.texts[index].endswith("s") and \
                        view.texts[index + 1][:1].isupper():
                    index += 1  # a genitive in front: "Frankreichs Außenminister"
                phrase = noun_phrase(view, index, last, genitive=False)
                words = [view.texts[i] for i in phrase]
                roles = role_nouns(words)
                name = name_part(view, phrase) if roles else None
                if name and speaker_kind(words)[0] == "person":
                    self.entries.append((view.starts[phrase[0]], name, roles))
                    self.subjects.append((view.starts[phrase[0]], name, "PER"))

    def add(self, start: int, name: str, roles: tuple[str, ...]) -> None:
        self.entries.append((start, name, roles))
        self.subjects.append((start, name, "PER"))

    def resolve_pronoun(self, before: int, pronoun: str) -> str | None:
        """Whom "er"/"sie" means: the last PER (for "sie" also ORG) subject before it, else the
        last person mentioned at all."""
        kinds = ("PER",) if pronoun in ("er", "ich") else ("PER", "ORG")
        subjects = [e for e in self.subjects if e[0] < before and e[2] in kinds]
        if subjects:
            return max(subjects, key=lambda e: e[0])[1]
        return self.resolve(before, ())

    def resolve(self, before: int, roles: tuple[str, ...]) -> str | None:
        candidates = sorted((e for e in self.entries if e[0] < before), key=lambda e: e[0])
        for start, name, known_roles in reversed(candidates):
            if not roles or set(roles) & set(known_roles):
                return name
        return None


_CLAUSE_OPENERS = frozenset(",;:(–")
_SUBJECT_DETERMINERS = frozenset("der die das ein eine".split())


def _subject_position(view: TokenView, char_start: int, sentence_starts: frozenset[int]) -> bool:
    """Whether a mention opens its clause (or follows only an article and attributes there)."""
    index = bisect_left(view.starts, char_start)
    for back in range(index, max(-1, index - 5), -1):
        if back in sentence_starts or (back > 0 and view.texts[back - 1] in _CLAUSE_OPENERS):
            return True
        if back < index and not (view.texts[back].lower() in _SUBJECT_DETERMINERS
                                 or view.texts[back][:1].isupper()
                                 or view.texts[back][:1].islower()
                                 and view.texts[back].endswith(("e", "en"))):
            return False
    return False


OWN_WORDS_SUBJECT_SPEAKS = True
_ATTRIBUTION_NOUNS = frozenset(
    "angaben informationen berichten aussagen einschätzung einschätzungen darstellung".split())
# Attribution nouns that name no speaker without an owner ("nach bisherigen Erkenntnissen").
_SOURCELESS_NOUNS = frozenset({"erkenntnissen", "erkenntnis", "informationen", "schätzungen"})


def _speaker_and_via(view: TokenView, event: SpeechEvent, people: _PersonIndex
                     ) -> tuple[Speaker | None, tuple[str, ...]]:
    via: list[str] = []
    if event.addr:
        words = [view.texts[i] for i in event.addr]
        if speaker_kind(words)[0] in ("agency", "outlet"):
            via.extend(_names(view, event.addr))
    source = event.source
    if event.cited:
        via[:0] = _names(view, event.source)
        for relay in event.relayed:  # outermost first: each goes before the ones outside it
            via[:0] = _names(view, relay)
        source = event.cited
    elif event.relayed:  # "Tass berief sich auf eine Quelle, der zufolge …"
        for relay in event.relayed:
            via[:0] = _names(view, relay)
    if not source:
        return None, tuple(via)
    if event.attribution:
        # "nach Angaben von Präsident Selenskyj" -> the speaker is "Präsident Selenskyj".
        for position, index in enumerate(source[:-1]):
            if view.texts[index].lower() in ("von", "vom", "des", "der") and position <= 2:
                source = source[position + 1 :] if view.texts[index].lower() in (
                    "von", "vom") else source[position:]
                break
        else:
            if len(source) > 2 and view.texts[source[0]].lower() in _ATTRIBUTION_NOUNS \
                    and view.texts[source[1]][:1].islower():
                # "nach Informationen russischer Agenturen": the genitive without article speaks.
                source = source[1:]
    if event.attribution and OWN_WORDS_SUBJECT_SPEAKS \
            and view.texts[source[0]].lower() in ("eigenen", "eigener", "eigenem"):
        # "Die Firma hat nach eigenen Angaben …": the clause's subject speaks.
        first = view.sentences[event.sentence][0]
        begin = first + 3 if first + 2 < source[0] and view.texts[first + 2].lower() == "sich" \
            else first + 2
        # ("Immerhin einigten sich beide Seiten nach eigenen Angaben": after adverb and verb.)
        after_verb = _subject_after(view, begin, source[0] - 1) \
            if view.texts[first].lower() in NON_NOUN_STARTS and source[0] > begin + 1 else []
        source = _sentence_subject(view, event.sentence, event) or after_verb or source
    if event.attribution and len(source) <= 2 \
            and view.texts[source[-1]].lower() in _SOURCELESS_NOUNS \
            and all(view.texts[i][:1].islower() for i in source[:-1]):
        return None, tuple(via)  # "nach bisherigen Erkenntnissen": nobody named
    words = [view.texts[i] for i in source]
    kind, anonymous = speaker_kind(words)
    start, end = view.starts[source[0]], view.ends[source[-1]]
    roles = role_nouns(words)
    name = name_part(view, source)
    refers_to = None
    if kind == "pronoun":
        refers_to = people.resolve_pronoun(start, words[0].lower())
        kind = "person"
    elif kind == "person" and roles and (name is None or words[0].lower() in DETERMINERS) \
            and not anonymous and name is None:
        refers_to = people.resolve(start, roles)
    elif kind == "person" and name and not anonymous:
        people.add(start, name, roles)
        # "der ukrainische Präsident Wolodymyr Selenskyj" keeps the name as the reference too.
    spoke_for = represents(words)
    if spoke_for and refers_to is None and name is None:
        refers_to = people.resolve(start, ("sprecher",))
    speaker = Speaker(
        text=view.text[start:end],
        start=start,
        end=end,
        anonymous=anonymous,
        kind=kind,
        refers_to=refers_to,
        represents=spoke_for,
    )
    return speaker, tuple(via)


__all__ = ["extract_quotes", "find_speech_events", "SpeechEvent"]
