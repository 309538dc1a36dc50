"""Events in one document: typed frames filled from sentences (the per-document half of the picture).

A **frame** is a kind of event news reports (talks, a summit, a statement, an agreement, a
prisoner exchange, an attack, a weapons delivery, a sanction or threat, an accident). Frames are
classes registered with :func:`register`; a new kind of event is one more class. Each frame names
its triggers (lemmas, compound heads such as ``…runde`` in "Verhandlungsrunde", separable verbs
such as "kamen … zusammen") and may refine what its sentences say (outcomes, a summit told apart
from working-level talks).

:func:`extract_events` reads the language layer (tokens, lemmas, sentences, mentions), the time
expressions and the quotes of one document and returns :class:`~lagebild.model.EventMention`
records: one per event a sentence reports, with the sentence span, the trigger, participants,
place, date (the TIMEX3 value of the time expression that governs the trigger), status,
outcomes, counts ("je 1200 Gefangene"), the round ordinal ("dritte Runde") and the attribution
chain of the quote or claim the sentence belongs to. Anaphoric reports ("den Donnerstag als
Termin", "der Vorfall", an agreement reported after the talks it came from) point at the mention
they refer back to, so the corpus pass can merge them with the right event.

Pure and rule-based: no model, no I/O; a sentence that fits no frame yields nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import ClassVar

from lagebild.model import (
    Claim,
    Document,
    EventMention,
    Mention,
    Parsed,
    Quote,
    Segment,
    Speaker,
    TimeExpression,
    Token,
)

__all__ = [
    "EventFrame", "FRAMES", "register", "frames", "extract_events", "parse_date", "DateValue",
]

# --------------------------------------------------------------------------- tuned constants
# All tuned on the example corpus (examples/) and on German agency copy written for the tests.

# An anaphoric report ("der Vorfall", "den Donnerstag als Termin") looks this many sentences
# back in its segment for the event it refers to; agency paragraphs rarely run longer.
ANTECEDENT_WINDOW = 6
# A trigger's ordinal ("dritten Runde direkter Verhandlungen") stands at most this many tokens
# before the round noun.
ORDINAL_REACH = 3
# A noun after a talks trigger within this many tokens makes it a summit ("Treffen der Präsidenten").
SUMMIT_REACH = 6
# Most participants kept per report: beyond that, the names are context, not parties.
MAX_PARTICIPANTS = 6

# --------------------------------------------------------------------------- word lists

# Verbs and nouns of saying: a time adverbial in their clause dates the saying, not the event.
REPORTING = frozenset(
    "sagen erklären mitteilen melden berichten bestätigen ankündigen betonen schreiben "
    "informieren unterrichten äußern verlauten bereiterklären vorschlagen anbieten fordern "
    "warnen verkünden dämpfen bekräftigen drängen versichern zusagen zugesagt gesagt erklärt "
    "mitgeteilt gemeldet berichtet bestätigt angekündigt betont geschrieben informiert "
    "bereiterklärt vorgeschlagen angeboten gefordert gewarnt verkündet gedämpft bekräftigt "
    "sagte sagten erklärte meldete berichtete bestätigte kündigte betonte schrieb teilte "
    "schlug bot forderte warnte dämpfte drängte videoansprache videobotschaft ansprache "
    "pressekonferenz interview".split()
)
# Prepositions that make a time an adverbial of the clause's verb ("sagte am Montag").
ADVERBIAL = frozenset("am an im in vom um".split())
# Times after these words are no event date: "seit Anfang Juni", "bis Ende August".
NOT_A_DATE = frozenset("seit bis ab binnen innerhalb spätestens frühestens".split())

CANCEL = frozenset(
    "abgesagt absagen verschoben verschieben geplatzt platzen abgebrochen abbrechen vergeblich "
    "gestrichen".split()
)
ANNOUNCE = frozenset(
    "angekündigt ankündigen kündigte kündigt vorgeschlagen vorschlagen schlug angeboten "
    "anbieten bietet bot".split()
)
FUTURE = frozenset(
    "soll sollen solle sollten sollte will wollen wolle wollten werde würden würde geplant "
    "plant planen planten vorgesehen voraussichtlich bevorstehende bevorstehenden kommenden "
    "kommende rechnet erwartet vorbereiten vorbereitet angesetzt anberaumt könne könnte "
    "morgen künftig".split()
)
PAST_AUX = frozenset("hatte hatten war waren wurde wurden".split())
PERFECT_AUX = frozenset("hat haben ist sind habe hätten".split())
PAST_FORMS = frozenset(
    "trafen traf kamen kam fand fanden endete endeten dauerte dauerten begann begannen "
    "einigten verständigten tauschten verließen gingen verlor verloren stürzte griff griffen "
    "schickte schickten lieferte lieferten verhandelten sprachen sprach vorbei beendet "
    "stattgefunden begonnen vereinbart abgestürzt getroffen geführt".split()
)
DEFINITE = frozenset(
    "der die das dem den des diese dieser diesem diesen dieses solchen solche beim vom zum "
    "zur".split()
)
ORDINALS = {
    "erst": 1, "zweit": 2, "dritt": 3, "viert": 4, "fünft": 5, "sechst": 6, "siebt": 7,
    "acht": 8, "neunt": 9, "zehnt": 10,
}
_ORDINAL_RE = re.compile(r"^(erst|zweit|dritt|viert|fünft|sechst|siebt|acht|neunt|zehnt)(e|en|er|es|em)$")
NUMBER_WORDS = {
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
    "zehn": 10, "elf": 11, "zwölf": 12, "hundert": 100, "tausend": 1000,
}
# Counted nouns whose numbers sources are compared on; prefix of the lowercased noun -> name.
COUNTED = (
    ("kriegsgefangene", "Gefangene"), ("gefangene", "Gefangene"), ("drohne", "Drohnen"),
    ("rakete", "Raketen"), ("tote", "Tote"), ("todesopfer", "Tote"), ("verletzte", "Verletzte"),
    ("soldat", "Soldaten"), ("patriot", "Systeme"), ("system", "Systeme"),
    ("flugabwehrsystem", "Systeme"),
)
# Capitals standing for their states when they act: "Kiew und Moskau verhandeln".
METONYMS = {
    "Kiew": "Ukraine", "Kyjiw": "Ukraine", "Kyiv": "Ukraine", "Moskau": "Russland",
    "Kreml": "Russland", "Washington": "USA", "Ankara": "Türkei", "Türkiye": "Türkei",
    "Berlin": "Deutschland", "Peking": "China", "Paris": "Frankreich", "London": "Großbritannien",
}
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")

_COUNT_RE = re.compile(
    r"(?<![\w.])(\d{1,3}(?:\.\d{3})+|\d+|" + "|".join(NUMBER_WORDS) + r")\s+"
    r"(?:(?:weitere[nr]?|große[nr]?|eigene[nr]?|ukrainische[nr]?|russische[nr]?)\s+)?"
    r"((?:[A-ZÄÖÜ][\w]*-)?[A-ZÄÖÜ][\wäöüß]+)"
)
_DURATION_RE = re.compile(
    r"(?:etwa|rund|gut|knapp|nur|kaum|circa|ca\.)?\s*(einer|eine|\d+)\s+(Stunden?|Minuten)\b"
)
_DURATION_END = re.compile(
    r"gedauert|dauerte|beendet|vorbei|zu ende|auseinander|verließen|endete|abgebrochen"
)
_EXCHANGE = re.compile(r"gefangenenaustausch|austausch\w* von|gefangene\w* frei|freilassung|austausch")
_AGREED = re.compile(r"vereinbar|verständig|geeinigt|einigten|einigung|übereinkunft|zugesagt")
_NO_PROGRESS = re.compile(
    r"keine fortschritte|keinen fortschritt|ohne ergebnis|ergebnislos|keinen durchbruch|"
    r"kein durchbruch|nicht zustande|nicht erreicht|keinen schritt|ohne sich|ohne fortschritte"
)
_CEASEFIRE = re.compile(r"waffenruhe|feuerpause|waffenstillstand")


# --------------------------------------------------------------------------- dates


@dataclass(frozen=True, slots=True)
class DateValue:
    """A TIMEX3 date value as a span of days, or a bare weekday ("XXXX-WXX-3")."""

    kind: str  # day, week, month, year, weekday
    start: date | None = None
    end: date | None = None  # inclusive
    weekday: int | None = None  # 0 = Monday

    @property
    def iso(self) -> str:
        if self.kind == "day" and self.start:
            return self.start.isoformat()
        if self.kind == "month" and self.start:
            return self.start.isoformat()[:7]
        if self.kind == "year" and self.start:
            return str(self.start.year)
        if self.kind == "week" and self.start:
            year, week, _ = self.start.isocalendar()
            return f"{year}-W{week:02d}"
        if self.kind == "weekday" and self.weekday is not None:
            return f"XXXX-WXX-{self.weekday + 1}"
        return ""

    def contains(self, other: "DateValue") -> bool:
        if self.start is None or other.start is None:
            return False
        return self.start <= other.start and (other.end or other.start) <= (self.end or self.start)

    def compatible(self, other: "DateValue", tolerance_days: int = 0) -> bool:
        """Could both describe the same day? Days within ``tolerance_days``, or one containing the other."""
        if self.kind == "weekday" or other.kind == "weekday":
            return True
        if self.start is None or other.start is None:
            return True
        if self.kind == "day" and other.kind == "day":
            return abs((self.start - other.start).days) <= tolerance_days
        return self.contains(other) or other.contains(self)

    def distance(self, other: "DateValue") -> int:
        if self.start is None or other.start is None:
            return 0
        if self.compatible(other):
            return 0
        a_end, b_end = self.end or self.start, other.end or other.start
        if a_end < other.start:
            return (other.start - a_end).days
        return (self.start - b_end).days


_DAY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})")
_YEAR_RE = re.compile(r"^(\d{4})$")
_WEEKDAY_RE = re.compile(r"^XXXX-WXX-([1-7])")


def parse_date(value: str | None) -> DateValue | None:
    """A TIMEX3 value as a :class:`DateValue`; None for durations, sets and what is no date."""
    if not value:
        return None
    try:
        if m := _DAY_RE.match(value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return DateValue("day", d, d, d.weekday())
        if m := _MONTH_RE.match(value):
            start = date(int(m[1]), int(m[2]), 1)
            end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
            return DateValue("month", start, end)
        if m := _WEEK_RE.match(value):
            start = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return DateValue("week", start, start + timedelta(days=6))
        if m := _YEAR_RE.match(value):
            return DateValue("year", date(int(m[1]), 1, 1), date(int(m[1]), 12, 31))
        if m := _WEEKDAY_RE.match(value):
            return DateValue("weekday", weekday=int(m[1]) - 1)
    except ValueError:
        return None
    return None


def document_day(document: Document, segment: Segment | None = None) -> date | None:
    """The day a report was written: the live-blog entry's time, else the document's, else the
    first day of the range the corpus pass inferred for it (lagebild.corpus.dates)."""
    inferred = document.inferred_date.earliest if document.inferred_date else None
    for value in ((segment.published if segment else None), document.published, document.updated,
                  inferred):
        if value and (m := _DAY_RE.match(value)):
            try:
                return date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                continue
    return None


# --------------------------------------------------------------------------- frames


@dataclass(slots=True)
class Sentence:
    """What a frame sees of one sentence: its tokens, lowercased words and lemmas."""

    index: int
    start: int
    end: int
    text: str
    tokens: Sequence[Token]
    words: list[str]  # lowercased token texts
    lemmas: list[str]  # lowercased lemmas

    def has(self, words: frozenset[str]) -> bool:
        return any(w in words for w in self.words) or any(lemma in words for lemma in self.lemmas)


class EventFrame:
    """A kind of event. Subclass, set the class attributes, decorate with :func:`register`.

    ``lemmas`` trigger on a token's lowercased lemma or word; ``heads`` on the end of a
    capitalised noun's lemma ("Gefangenenaustausch" ends in "austausch"); ``particle_verbs`` on
    a verb whose separated particle closes the clause ("kamen … zusammen"); ``weak`` triggers
    only refer back to an event already reported ("der Vorfall"). ``context`` words, when set,
    must occur in the sentence for a trigger to count ("liefern" needs a weapon).
    """

    type: ClassVar[str] = ""
    label: ClassVar[str] = ""
    lemmas: ClassVar[frozenset[str]] = frozenset()
    heads: ClassVar[tuple[str, ...]] = ()
    particle_verbs: ClassVar[tuple[tuple[str, str], ...]] = ()
    weak: ClassVar[frozenset[str]] = frozenset()
    context: ClassVar[tuple[str, ...]] = ()
    verbs_need_reflexive: ClassVar[frozenset[str]] = frozenset()
    # Reports of this frame inside talks become the talks' outcome, not events of their own.
    folds_into: ClassVar[str | None] = None
    # Dates of statements are the dates of their saying: keep adverbials next to speech verbs.
    date_from_speech: ClassVar[bool] = False
    # Reports of one event may disagree about its day by this much and still be merged.
    date_tolerance_days: ClassVar[int] = 0

    def match(self, sentence: Sentence, i: int) -> str | None:
        """``"strong"``, ``"weak"`` or None for token ``i`` of ``sentence``."""
        word, lemma = sentence.words[i], sentence.lemmas[i]
        token = sentence.tokens[i]
        if word in self.weak or lemma in self.weak:
            return "weak" if self._in_context(sentence) else None
        hit = word in self.lemmas or lemma in self.lemmas
        if not hit and self.heads and token.text[:1].isupper() and len(word) > 3:
            hit = any(lemma.endswith(h) or word.endswith(h) for h in self.heads)
        if not hit:
            for verb, particle in self.particle_verbs:
                if lemma == verb and particle in sentence.words[i + 1:]:
                    hit = True
                    break
        if not hit:
            return None
        if lemma in self.verbs_need_reflexive and not token.text[:1].isupper() \
                and "sich" not in sentence.words:
            return None
        return "strong" if self._in_context(sentence) else None

    def _in_context(self, sentence: Sentence) -> bool:
        if not self.context:
            return True
        return any(w.startswith(self.context) for w in sentence.words)

    def accept(self, sentence: Sentence, i: int) -> bool:
        """A last look at a trigger in its sentence (reject a topic, an adjective, …)."""
        return True

    def outcomes(self, sentence: Sentence) -> tuple[str, ...]:
        return ()

    def describe(self, *, ordinal: int | None, place: str | None,
                 participants: Sequence[str]) -> str:
        """A short German label: "3. Gesprächsrunde Russland–Ukraine in Istanbul"."""
        parts = [self.label]
        if participants:
            parts.append("–".join(participants[:2]))
        if place:
            parts.append(f"in {place}")
        text = " ".join(parts)
        return f"{ordinal}. {text}" if ordinal else text


FRAMES: dict[str, EventFrame] = {}


def register(cls: type[EventFrame]) -> type[EventFrame]:
    """Class decorator: make a frame known to :func:`extract_events` (later ones see tokens last)."""
    if not cls.type:
        raise ValueError(f"{cls.__name__} needs a type")
    FRAMES[cls.type] = cls()
    return cls


def frames() -> list[EventFrame]:
    return list(FRAMES.values())


def _topic(sentence: Sentence, i: int) -> bool:
    """Is token ``i`` the topic of talk ("über die Freilassung … sprechen", "um … gehen")?"""
    window = sentence.words[max(0, i - 6):i]
    if "über" not in window and "um" not in window:
        return False
    return any(lemma in {"sprechen", "reden", "gehen", "verhandeln", "diskutieren", "beraten"}
               for lemma in sentence.lemmas)


@register
class Summit(EventFrame):
    type = "summit"
    label = "Gipfeltreffen"
    lemmas = frozenset("gipfel gipfeltreffen präsidententreffen spitzentreffen".split())
    heads = ("gipfel", "gipfeltreffen", "präsidententreffen")
    weak = frozenset()

    def describe(self, *, ordinal, place, participants):  # noqa: D102
        who = " und ".join(participants[:2])
        text = f"Gipfeltreffen {who}".strip() if who else "Gipfeltreffen"
        return f"{text} in {place}" if place else text


_SUMMIT_NOUNS = frozenset(
    "präsidenten präsident staatschefs staatschef staatsoberhäupter präsidentenebene "
    "kremlchef kremlchefs höchster".split()
)


@register
class Talks(EventFrame):
    type = "talks"
    label = "Gespräche"
    lemmas = frozenset(
        "gespräch gespräche verhandlung verhandlungen verhandeln verhandlungsrunde "
        "gesprächsrunde friedensgespräche begegnung unterredung zusammenkunft beratungen "
        "treffen zusammenkommen zusammengekommen".split()
    )
    heads = ("gespräch", "gespräche", "verhandlung", "verhandlungen", "verhandlungsrunde",
             "gesprächsrunde", "treffen")
    particle_verbs = (("kommen", "zusammen"),)
    weak = frozenset("termin runde".split())
    verbs_need_reflexive = frozenset({"treffen"})
    date_tolerance_days = 2  # planned talks are often disputed or moved by a day

    def match(self, sentence, i):
        kind = super().match(sentence, i)
        word = sentence.words[i]
        if kind and word in {"treffen", "getroffen", "trafen", "traf", "trifft"} and not sentence.tokens[i].text[:1].isupper():
            # the verb: "sich treffen" meets, "trafen … ein" arrives
            if "sich" not in sentence.words or (i + 1 < len(sentence.words) and "ein" in sentence.words[i + 1:i + 8]):
                return None
        return kind

    def outcomes(self, sentence):
        return _talks_outcomes(sentence)

    def describe(self, *, ordinal, place, participants):
        who = "–".join(participants[:2])
        head = f"{ordinal}. Gesprächsrunde" if ordinal else "Gespräche"
        text = f"{head} {who}".strip()
        return f"{text} in {place}" if place else text


_SUMMIT_TRIGGERS = frozenset(
    "treffen treffens getroffen trafen gespräch gespräche gesprächen verhandlungen begegnung "
    "gesprächs".split()
)
_LEADERS_BEFORE = frozenset("präsidenten staatschefs staatsoberhäupter".split())


def _summit_context(sentence: Sentence, i: int) -> bool:
    """Talks between heads of state: "Treffen der Präsidenten", "dass sich die Präsidenten … treffen"."""
    if sentence.words[i] not in _SUMMIT_TRIGGERS:
        return False
    after = sentence.words[i + 1:i + 1 + SUMMIT_REACH]
    before = sentence.words[max(0, i - 2 * SUMMIT_REACH):i]
    return any(w in _SUMMIT_NOUNS for w in after) or any(w in _LEADERS_BEFORE for w in before)


def _talks_outcomes(sentence: Sentence) -> tuple[str, ...]:
    low = sentence.text.lower()
    found: list[str] = []
    if _EXCHANGE.search(low) and _AGREED.search(low):
        found.append("Gefangenenaustausch vereinbart")
    if _NO_PROGRESS.search(low):
        found.append("keine Fortschritte bei der Waffenruhe" if _CEASEFIRE.search(low)
                     else "keine Fortschritte")
    return tuple(found)


@register
class Statement(EventFrame):
    type = "statement"
    label = "Erklärung"
    lemmas = frozenset(
        "ansprache videoansprache videobotschaft fernsehansprache pressekonferenz rede "
        "regierungserklärung".split()
    )
    heads = ("ansprache",)
    date_from_speech = True

    def describe(self, *, ordinal, place, participants):
        who = participants[0] if participants else ""
        text = f"Erklärung {who}".strip()
        return f"{text} in {place}" if place else text


@register
class Agreement(EventFrame):
    type = "agreement"
    label = "Vereinbarung"
    lemmas = frozenset(
        "vereinbaren vereinbart vereinbarten einigen geeinigt einigten verständigen "
        "verständigt verständigten vereinbarung einigung abkommen übereinkunft".split()
    )
    verbs_need_reflexive = frozenset({"einigen", "verständigen"})
    folds_into = "talks"

    def match(self, sentence, i):
        kind = super().match(sentence, i)
        if kind and sentence.lemmas[i] == "einigen" and sentence.words[i] in {"einigen", "einige"}:
            return None  # "in einigen Regionen"
        return kind

    def accept(self, sentence, i):
        return not _topic(sentence, i)


@register
class PrisonerExchange(EventFrame):
    type = "prisoner_exchange"
    label = "Gefangenenaustausch"
    lemmas = frozenset("gefangenenaustausch freilassung austausch".split())
    heads = ("gefangenenaustausch", "gefangenenaustausche")
    context = ("gefangen", "kriegsgefangen")
    folds_into = "talks"

    def accept(self, sentence, i):
        if _topic(sentence, i):
            return False
        low = sentence.text.lower()
        # an exchange is news when agreed or done, not when wished for
        return bool(_AGREED.search(low) or re.search(
            r"stattgefunden|fand statt|ausgetauscht|kamen frei|freigelassen|übergeben|tauschten", low))

    def describe(self, *, ordinal, place, participants):
        who = " und ".join(participants[:2])
        return f"Gefangenenaustausch {who}".strip()


@register
class Attack(EventFrame):
    type = "attack"
    label = "Angriff"
    lemmas = frozenset(
        "angriff angriffe luftangriff drohnenangriff raketenangriff attacke drohnenattacke "
        "beschuss bombardierung anschlag".split()
    )
    heads = ("angriff", "angriffe", "angriffen", "attacke", "beschuss")

    def match(self, sentence, i):
        kind = super().match(sentence, i)
        if kind:
            return kind
        word = sentence.words[i]
        if word.startswith(("drohne", "rakete")) and any(
                lemma in {"schicken", "abfeuern", "feuern", "starten", "einsetzen"}
                for lemma in sentence.lemmas) and ("gegen" in sentence.words or "auf" in sentence.words):
            return "strong"
        return None

    def accept(self, sentence, i):
        # "Angriffskrieg" is the war, "teils durch Beschuss" a cause named in passing
        return not sentence.words[i].endswith("krieg") and "durch" not in sentence.words[max(0, i - 2):i]

    def describe(self, *, ordinal, place, participants):
        who = participants[0] if participants else ""
        text = f"Angriff {who}".strip()
        return f"{text} auf {place}" if place else text


_WEAPONS = ("patriot", "flugabwehr", "luftabwehr", "waffe", "panzer", "rakete", "munition",
            "kampfjet", "system", "haubitze", "drohnenabwehr", "taurus", "iris")


@register
class WeaponsDelivery(EventFrame):
    type = "weapons_delivery"
    label = "Waffenlieferung"
    lemmas = frozenset(
        "lieferung lieferungen liefern verschaffen abgeben bereitstellen bereitstellung "
        "überlassen finanzieren waffenlieferung waffenlieferungen ersatzlieferung".split()
    )
    heads = ("lieferung", "lieferungen")
    context = _WEAPONS

    def accept(self, sentence, i):
        word = sentence.words[i]
        # "aus Frankreich gelieferten Kampfjets": an attribute, not a delivery
        return not (word.startswith("geliefert") and word != "geliefert")

    def describe(self, *, ordinal, place, participants):
        who = ", ".join(participants[:3])
        return f"Waffenlieferung {who}".strip()


@register
class SanctionThreat(EventFrame):
    type = "sanction_threat"
    label = "Sanktionen/Drohung"
    lemmas = frozenset(
        "sanktion sanktionen strafzoll strafzölle zölle androhen angedroht drohen drohten "
        "ultimatum frist".split()
    )
    heads = ("sanktion", "sanktionen", "strafzoll", "strafzölle", "strafzöllen")

    def describe(self, *, ordinal, place, participants):
        who = participants[0] if participants else ""
        return f"Sanktionsdrohung {who}".strip()


_AIRCRAFT = ("kampfjet", "jet", "flugzeug", "maschine", "kampfflugzeug", "mirage", "hubschrauber",
             "mirage-", "f-16")


@register
class Accident(EventFrame):
    type = "accident"
    label = "Unfall"
    lemmas = frozenset("unfall absturz abstürzen flugzeugabsturz abgestürzt".split())
    heads = ("unfall", "absturz")
    particle_verbs = (("stürzen", "ab"),)
    weak = frozenset("vorfall verlust zwischenfall".split())

    def match(self, sentence, i):
        kind = super().match(sentence, i)
        if kind:
            return kind
        if "durch" in sentence.words[max(0, i - 2):i]:
            return None
        if sentence.lemmas[i] == "verlieren" and any(w.startswith(_AIRCRAFT) or "jet" in w
                                                      for w in sentence.words):
            return "strong"
        return None

    def describe(self, *, ordinal, place, participants):
        who = participants[0] if participants else ""
        return f"Unfall {who}".strip()


@register
class Disaster(EventFrame):
    type = "disaster"
    label = "Unwetter/Katastrophe"
    lemmas = frozenset(
        "unwetter starkregen überschwemmung überflutung hochwasser erdbeben sturm waldbrand "
        "flut flutkatastrophe erdrutsch".split()
    )
    heads = ("unwetter", "starkregen", "hochwasser", "überschwemmung", "überflutung", "erdbeben",
             "waldbrand")

    def describe(self, *, ordinal, place, participants):
        return f"Unwetter in {place}" if place else "Unwetter"


# --------------------------------------------------------------------------- extraction



# News agencies are messengers, not parties to an event.
AGENCIES = frozenset(
    "tass interfax ria afp dpa reuters ap ap. kna epd ukrinform unian anadolu xinhua "
    "nowosti ria-nowosti dpa-afx".split()
)
NEGATIONS = frozenset("kein keine keinen keiner keinem ohne nicht".split())
_COMPARISON = frozenset({"wie"})  # "wie schon im Juni": a comparison, not this event's date
_WEEKDAY_WORDS = tuple(w.lower() for w in WEEKDAYS)


@dataclass(slots=True)
class _Candidate:
    frame: EventFrame
    sentence: Sentence
    triggers: list[int]  # token indexes in the sentence
    weak: bool
    outcomes: list[str] = field(default_factory=list)


def extract_events(
    document: Document,
    parsed: Parsed,
    segments: Sequence[Segment] = (),
    times: Sequence[TimeExpression] = (),
    quotes: Sequence[Quote] = (),
    claims: Sequence[Claim] = (),
) -> tuple[EventMention, ...]:
    """The event reports of one document, in text order (see the module docstring)."""
    text = document.text
    segment_by_id = {s.id: s for s in segments}
    time_starts = sorted((t.start, k) for k, t in enumerate(times))
    time_keys = [s for s, _ in time_starts]
    mentions = sorted(parsed.mentions, key=lambda m: m.start)
    mention_starts = [m.start for m in mentions]
    attributions = sorted([*quotes, *claims], key=lambda r: r.start)

    out: list[EventMention] = []
    for index, sent in enumerate(parsed.sentences):
        first, last = parsed.sentence_tokens[index]
        tokens = parsed.tokens[first:last]
        if not tokens:
            continue
        sentence = Sentence(
            index=index, start=sent.start, end=sent.end, text=text[sent.start:sent.end],
            tokens=tokens, words=[t.text.lower() for t in tokens],
            lemmas=[t.lemma.lower() for t in tokens],
        )
        lo, hi = bisect_left(mention_starts, sent.start), bisect_left(mention_starts, sent.end)
        sent_mentions = [m for m in mentions[lo:hi] if m.end <= sent.end]
        candidates = _candidates(sentence, sent_mentions)
        if not candidates:
            continue
        segment = segment_by_id.get(sent.segment_id) if sent.segment_id else None
        day = document_day(document, segment)
        lo, hi = bisect_left(time_keys, sent.start), bisect_right(time_keys, sent.end - 1)
        sent_times = [times[k] for _, k in time_starts[lo:hi] if times[k].end <= sent.end]
        for cand in candidates:
            trigger_at = sentence.tokens[cand.triggers[0]].start
            source, via, quote_id = _attribution(sentence, attributions, trigger_at)
            out.extend(_fill(document, sentence, cand, sent.segment_id, day, sent_times,
                             sent_mentions, source, via, quote_id, len(out)))
    return tuple(_link(out, parsed))


def _negated(sentence: Sentence, i: int) -> bool:
    return any(w in NEGATIONS for w in sentence.words[max(0, i - 2):i])


def _candidates(sentence: Sentence, mentions: Sequence[Mention] = ()) -> list[_Candidate]:
    """Frames triggered in a sentence; a token triggers the first frame that claims it."""
    by_type: dict[str, _Candidate] = {}
    claimed: set[int] = set()
    persons = {_token_at(sentence, m.start) for m in mentions if m.type == "PER"}

    def meets_person(i: int) -> bool:
        # "ein Treffen mit Wladimir Putin": a meeting of named leaders, not a delegation round
        return sentence.words[i + 1:i + 2] == ["mit"] and any(i + 1 < k <= i + 4 for k in persons)

    def add(frame: EventFrame, i: int, weak: bool) -> None:
        claimed.add(i)
        cand = by_type.get(frame.type)
        if cand is None:
            by_type[frame.type] = _Candidate(frame, sentence, [i], weak)
        else:
            cand.triggers.append(i)
            cand.weak = cand.weak and weak

    talks = FRAMES.get("talks")
    for frame in FRAMES.values():
        for i in range(len(sentence.tokens)):
            if i in claimed:
                continue
            kind = frame.match(sentence, i)
            if kind is None or _negated(sentence, i):
                continue
            if frame is talks and kind == "strong" and (_summit_context(sentence, i) or meets_person(i)):
                add(FRAMES["summit"], i, False)  # a talks word between heads of state
                continue
            if frame.accept(sentence, i):
                add(frame, i, kind == "weak")
    if "summit" in by_type and "talks" in by_type and by_type["talks"].weak:
        del by_type["talks"]  # "die Runde soll ein Treffen der Präsidenten vorbereiten"
    folded = [k for k, c in by_type.items() if c.frame.folds_into]
    host = by_type.get("talks") or by_type.get("summit")
    if host is not None:
        # agreements and exchanges reported with talks are the talks' outcome
        for kind in folded:
            del by_type[kind]
        host.outcomes.extend(_talks_outcomes(sentence))
    elif len(folded) > 1:
        # "vereinbarten … Gefangenenaustausche": one report, not two
        keep = by_type[folded[0]]
        for kind in folded[1:]:
            keep.triggers.extend(by_type.pop(kind).triggers)
        keep.triggers.sort()
    return sorted(by_type.values(), key=lambda c: c.triggers[0])


def _attribution(sentence: Sentence, records, trigger_at: int = -1
                 ) -> tuple[Speaker | None, tuple[str, ...], str | None]:
    """The speaker and source chain of the quote or claim holding the trigger, else of the one
    covering most of the sentence."""
    best, best_overlap = None, 0
    for record in records:
        if record.start >= sentence.end:
            break
        overlap = min(record.end, sentence.end) - max(record.start, sentence.start)
        cue = getattr(record, "cue_start", None)
        cue_inside = cue is not None and sentence.start <= cue < sentence.end
        holds_trigger = record.start <= trigger_at < record.end
        if holds_trigger:
            overlap += sentence.end - sentence.start  # the quote the event is told in wins
        if overlap > 0 and (holds_trigger or cue_inside or overlap > (sentence.end - sentence.start) // 3):
            if overlap > best_overlap:
                best, best_overlap = record, overlap
    if best is None:
        return None, (), None
    speaker = best.speaker if isinstance(best, Quote) else best.source
    return speaker, tuple(best.via), best.id


def _clause(sentence: Sentence, i: int) -> tuple[int, int]:
    """Token range of the clause around token ``i``: up to the nearest comma, colon or dash."""
    stops = {",", ";", ":", "–", "—", "(", ")", "„", "“", '"', "»", "«"}
    lo = i
    while lo > 0 and sentence.words[lo - 1] not in stops:
        lo -= 1
    hi = i
    while hi < len(sentence.words) and sentence.words[hi] not in stops:
        hi += 1
    return lo, hi


def _token_at(sentence: Sentence, offset: int) -> int:
    for k, token in enumerate(sentence.tokens):
        if token.end > offset:
            return k
    return len(sentence.tokens) - 1


def _status_of(words: Sequence[str], lemmas: Sequence[str]) -> str | None:
    if any(w in CANCEL or lemma in CANCEL for w, lemma in zip(words, lemmas)):
        return "cancelled"
    if any(w in ANNOUNCE for w in words):
        return "announced"
    if any(w in FUTURE for w in words):
        return "planned"
    if any(w in REPORTING for w in words):
        return None  # "hatte … gesagt", "habe … gemeldet": the tense of the saying
    if any(w in PAST_AUX or w in PAST_FORMS for w in words):
        return "happened"
    if any(w in PERFECT_AUX for w in words) and any(
            (w.startswith("ge") and len(w) > 5 and w.endswith(("t", "en"))) or w.endswith("iert")
            for w in words):
        return "happened"
    return None


def _status(sentence: Sentence, trigger: int) -> str | None:
    """Status from the trigger's clause ("hatte … ein Ultimatum gestellt: Sollte …"), else the
    other clauses of the sentence, nearest first."""
    lo, hi = _clause(sentence, trigger)
    status = _status_of(sentence.words[lo:hi], sentence.lemmas[lo:hi])
    if status:
        return status
    clauses = []
    k = 0
    while k < len(sentence.words):
        a, b = _clause(sentence, k)
        if (a, b) != (lo, hi) and b > a:
            clauses.append((min(abs(a - trigger), abs(b - trigger)), a, b))
        k = max(b, k) + 1
    for _, a, b in sorted(clauses):
        status = _status_of(sentence.words[a:b], sentence.lemmas[a:b])
        if status:
            return status
    return None


def _ordinals(sentence: Sentence) -> list[tuple[int, int]]:
    """(token index, ordinal) of ordinal words; "ersten beiden" counts as 1 and 2."""
    found = []
    for i, word in enumerate(sentence.words):
        m = _ORDINAL_RE.match(word)
        if m:
            nxt = sentence.words[i + 1] if i + 1 < len(sentence.words) else ""
            if nxt in {"mal", "seit"}:
                continue  # "zum ersten Mal", "die ersten … seit"
            found.append((i, ORDINALS[m[1]]))
            if nxt == "beiden" and m[1] == "erst":
                found.append((i + 1, 2))
        elif re.fullmatch(r"\d{1,2}\.", sentence.tokens[i].text) and i + 1 < len(sentence.words) \
                and sentence.words[i + 1].endswith(("runde", "treffen")):
            found.append((i, int(sentence.tokens[i].text[:-1])))
    return found


def _attached_ordinal(sentence: Sentence, trigger: int, ordinals: list[tuple[int, int]]) -> int | None:
    """The ordinal of "die dritte Runde direkter Verhandlungen" for a trigger of that phrase."""
    nouns = [i for i, w in enumerate(sentence.words)
             if w.endswith(("runde", "runden")) or w in {"begegnung", "treffen", "treffens"}]
    for oi, value in ordinals:
        for ni in nouns:
            if 0 < ni - oi <= ORDINAL_REACH and abs(ni - trigger) <= 4:
                after = sentence.words[ni + 1] if ni + 1 < len(sentence.words) else ""
                if after != "seit":
                    return value
    return None


def _bare_weekday(t: TimeExpression) -> bool:
    low = t.text.lower()
    return any(w in low for w in _WEEKDAY_WORDS) and not any(ch.isdigit() for ch in low) and not any(
        w in low for w in ("vergangen", "letzt", "vorig", "vorherig"))


_MONTHS = ("januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "dezember")
_SPELLED_RE = re.compile(r"(\d{1,2})\.\s*(" + "|".join(_MONTHS) + r")", re.IGNORECASE)


def _spelled_date(t: TimeExpression, year: int | None) -> DateValue | None:
    """ "dem 23. Juli" the time stage left unresolved (no anchor year), read with the document's year."""
    if year is None or not t.value.startswith("XXXX"):
        return None
    m = _SPELLED_RE.search(t.text)
    if not m:
        return None
    try:
        d = date(year, _MONTHS.index(m[2].lower()) + 1, int(m[1]))
    except ValueError:
        return None
    return DateValue("day", d, d, d.weekday())


def _weekday_only(t: TimeExpression) -> DateValue | None:
    """ "am Mittwoch" in a text the time stage could not anchor: the weekday still compares."""
    if "X" not in t.value:
        return None
    low = t.text.lower()
    for index, name in enumerate(_WEEKDAY_WORDS):
        if name in low:
            return DateValue("weekday", weekday=index)
    return None


def _dates(frame: EventFrame, sentence: Sentence, triggers: list[int], times: Sequence[TimeExpression],
           status: str | None, day: date | None, year: int | None = None
           ) -> list[tuple[TimeExpression, DateValue]]:
    """The times that date this event (not its reporting), nearest trigger first."""
    kept: list[tuple[int, TimeExpression, DateValue]] = []
    for t in times:
        value = parse_date(t.value) or _spelled_date(t, year) or _weekday_only(t)
        if value is None or t.type not in {"DATE", "TIME"}:
            continue
        i = _token_at(sentence, t.start)
        first = t.text.split()[0].lower() if t.text.split() else ""
        before = sentence.words[i - 1] if i > 0 else ""
        prep = first if first in ADVERBIAL | NOT_A_DATE | {"den", "für", "als"} else before
        if NOT_A_DATE & {prep, *sentence.words[max(0, i - 2):i]} or \
                _COMPARISON & set(sentence.words[max(0, i - 3):i]):
            continue
        distance = min(abs(i - k) for k in triggers)
        attributive = any(0 < i - k <= 2 for k in triggers)  # "Treffen am Mittwoch"
        lo, hi = _clause(sentence, i)
        same_clause = any(lo <= k < hi for k in triggers)
        if frame.date_from_speech:
            kept.append((distance - (100 if same_clause else 0), t, value))
            continue
        if prep in ADVERBIAL and not attributive and any(
                w in REPORTING or lemma in REPORTING
                for w, lemma in zip(sentence.words[lo:hi], sentence.lemmas[lo:hi])):
            continue  # "sagte am Montagabend": the day of the saying
        if day is not None and value.kind == "day" and value.start is not None:
            own = _status_of(sentence.words[lo:hi], sentence.lemmas[lo:hi])
            future = own in {"planned", "announced"} or "erst" in sentence.words[max(0, i - 3):i]
            if future and value.start < day and _bare_weekday(t) and (day - value.start).days < 7:
                # a bare weekday in a report of something to come is the next one
                value = parse_date((value.start + timedelta(days=7)).isoformat())
            if status in {"planned", "announced"} and value.start < day:
                continue
            if status == "happened" and value.start > day:
                continue
        kept.append((distance, t, value))
    kept.sort(key=lambda r: r[0])
    return [(t, v) for _, t, v in kept]


def _fill(document, sentence, cand, segment_id, day, sent_times, sent_mentions, source, via,
          quote_id, offset) -> list[EventMention]:
    frame = cand.frame
    status = _status(sentence, cand.triggers[0])
    year = int(document.published[:4]) if document.published and document.published[:4].isdigit() else None
    dated = _dates(frame, sentence, cand.triggers, sent_times, status, day, year)
    if frame.date_from_speech:
        dated = dated[:1]
        if dated and day is not None and dated[0][1].start is not None:
            status = "happened" if dated[0][1].start <= day else "planned"
    if status is None and day is not None:
        for _, value in dated:
            if value.kind == "day" and value.start:
                status = "happened" if value.start < day else "planned" if value.start > day else None
                break
    ordinals = _ordinals(sentence)
    place, place_mention = _place(sentence, cand.triggers[0], sent_mentions, source)
    participants, participant_ids = _participants(frame, sentence, sent_mentions, source,
                                                  place_mention, cand.triggers[0])
    counts = _counts(sentence.text)
    duration, duration_outcome = _duration(sentence.text)
    outcomes = list(dict.fromkeys([*cand.outcomes, *frame.outcomes(sentence)]))
    if duration_outcome:
        outcomes.append(duration_outcome)

    # one report per distinct date: "am 16. Mai und am 2. Juni" are two rounds
    groups: list[tuple[TimeExpression | None, DateValue | None]] = []
    for t, value in sorted(dated, key=lambda r: r[0].start):
        if not any(g is not None and g.compatible(value, frame.date_tolerance_days) for _, g in groups):
            groups.append((t, value))
    if len(groups) > 1 and len(dated) > 1:
        nearest = dated[0][1]
        if not all(v.kind == groups[0][1].kind for _, v in groups):
            groups = [(t, v) for t, v in groups if v is nearest]  # "am 23. Juli … seit Juni"
    if not groups:
        groups = [(None, None)]
    if len(groups) > 1 and len(ordinals) == len(groups):
        pair_ordinals: list[int | None] = [v for _, v in ordinals]
    elif len(groups) > 1 and len(ordinals) == 1:
        pair_ordinals = [ordinals[0][1]] * len(groups)
    else:
        pair_ordinals = [None] * len(groups)

    made = []
    for k, (t, value) in enumerate(groups):
        if t is not None:
            ti = _token_at(sentence, t.start)
            trigger = min(cand.triggers, key=lambda i: abs(i - ti))
        else:
            trigger = cand.triggers[0]
        if len(groups) > 1:
            ordinal = pair_ordinals[k]
        else:
            ordinal = _attached_ordinal(sentence, trigger, ordinals)
            if ordinal is None and len(ordinals) == 1 and frame.type == "talks":
                oi, value_ = ordinals[0]
                if abs(oi - trigger) <= ORDINAL_REACH + 1:
                    ordinal = value_
        tok = sentence.tokens[trigger]
        made.append(EventMention(
            id=f"{document.id}-e{offset + len(made)}",
            document_id=document.id,
            start=sentence.start,
            end=sentence.end,
            text=sentence.text,
            type=frame.type,
            trigger=tok.text,
            trigger_start=tok.start,
            trigger_end=tok.end,
            date=value.iso if value else None,
            date_text=t.text if t is not None else None,
            place=place,
            participants=participants,
            mention_ids=participant_ids + ((place_mention.id,) if place_mention else ()),
            status=status,
            outcomes=tuple(outcomes),
            counts=counts,
            duration=duration,
            ordinal=ordinal,
            anaphoric=cand.weak,
            source=source,
            via=via,
            segment_id=segment_id,
            quote_id=quote_id,
        ))
    return made


_PLACE_PREPS = frozenset("in im nach".split())
_ATTRIBUTION_WORDS = frozenset(
    "laut angaben zufolge berufung agentur nachrichtenagentur staatsagentur sender sprecher "
    "sprecherin verweis".split()
)
# How far (tokens) a place may stand from its trigger outside the trigger's clause.
PLACE_REACH = 5


def _name(m: Mention) -> str:
    return m.normal or m.text


def _skip_mention(m: Mention, source: Speaker | None) -> bool:
    if m.text.isupper() and len(m.text) > 3:
        return True  # a dateline ("ISTANBUL/KYJIW –"), not part of the sentence
    if m.text.lower() in AGENCIES or (m.normal or "").lower() in AGENCIES:
        return True
    return source is not None and source.start is not None and \
        source.start <= m.start < (source.end or source.start)


def _place(sentence: Sentence, trigger: int, mentions: Sequence[Mention], source: Speaker | None
           ) -> tuple[str | None, Mention | None]:
    """The LOC after "in"/"im"/"nach" nearest the trigger, in its clause or close by."""
    lo, hi = _clause(sentence, trigger)
    best, best_distance = None, 10**9
    for m in mentions:
        if m.type not in {"LOC", "OTH"} and not m.text.endswith("Palast"):
            continue
        if _skip_mention(m, source):
            continue
        i = _token_at(sentence, m.start)
        back = sentence.words[max(0, i - 3):i]
        if not (_PLACE_PREPS & set(back)):
            continue
        distance = abs(i - trigger)
        if not (lo <= i < hi) and distance > PLACE_REACH:
            continue
        if distance < best_distance:
            best, best_distance = m, distance
    if best is None:
        return None, None
    return _name(best), best


def _participants(frame, sentence, mentions, source, place_mention, trigger
                  ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Named actors in the sentence that are neither the place nor the one reporting it."""
    if frame.date_from_speech:
        # a statement's party is its speaker
        if source is not None and not source.anonymous and source.kind in {None, "person", "institution"}:
            speaker = next((m for m in mentions if source.start is not None
                            and m.start >= source.start and m.end <= (source.end or 0)
                            and m.type == "PER"), None)
            if speaker is not None:
                return (_name(speaker),), (speaker.id,)
        before = [m for m in mentions if m.type == "PER" and _token_at(sentence, m.start) < trigger]
        if before:
            return (_name(before[-1]),), (before[-1].id,)
        return (), ()
    ranked: list[tuple[int, str, str]] = []
    for m in mentions:
        if m is place_mention or m.type not in {"PER", "ORG", "LOC"} or _skip_mention(m, source):
            continue
        i = _token_at(sentence, m.start)
        if _ATTRIBUTION_WORDS & set(sentence.words[max(0, i - 3):i]):
            continue
        n = len(m.text.split())
        if sentence.words[i + n:i + n + 1] == ["zufolge"]:
            continue
        if m.type == "LOC" and _PLACE_PREPS & set(sentence.words[max(0, i - 2):i]) and \
                "zwischen" not in sentence.words[max(0, i - 3):i]:
            continue  # a place, not an actor
        name = _name(m)
        if frame.type in {"talks", "summit", "prisoner_exchange", "agreement"} and m.type == "LOC":
            name = METONYMS.get(name, name)
        people_first = frame.type == "summit"  # a summit is its heads of state
        ranked.append(((m.type == "PER") ^ (not people_first), name, m.id))
    names: list[str] = []
    ids: list[str] = []
    for _, name, mid in sorted(ranked, key=lambda r: r[0]):
        if name not in names:
            names.append(name)
            ids.append(mid)
    return tuple(names[:MAX_PARTICIPANTS]), tuple(ids[:MAX_PARTICIPANTS])


def _counts(text: str) -> tuple[tuple[str, int], ...]:
    found: dict[str, int] = {}
    for m in _COUNT_RE.finditer(text):
        raw, noun = m[1], m[2].lower()
        name = next((n for prefix, n in COUNTED if noun.startswith(prefix) or
                     noun.split("-")[-1].startswith(prefix)), None)
        if name is None or name in found:
            continue
        value = NUMBER_WORDS[raw.lower()] if raw.lower() in NUMBER_WORDS else int(raw.replace(".", ""))
        if value:
            found[name] = value
    return tuple(found.items())


def _duration(text: str) -> tuple[str | None, str | None]:
    if not _DURATION_END.search(text.lower()):
        return None, None
    m = _DURATION_RE.search(text)
    if not m:
        return None, None
    amount = 1 if m[1] in {"einer", "eine"} else int(m[1])
    if m[2].startswith("Stunde"):
        return f"PT{amount}H", f"nach {'einer Stunde' if amount == 1 else f'{amount} Stunden'} beendet"
    return f"PT{amount}M", f"nach {amount} Minuten beendet"


def _link(found: list[EventMention], parsed: Parsed) -> list[EventMention]:
    """Point reports at the earlier mention they refer back to; drop those that say nothing.

    A report without date or ordinal ("die Gespräche seien schwierig"), a weak trigger ("den
    Donnerstag als Termin") and an agreement told after its talks look back in their segment.
    A weak report with a date of its own that its antecedent cannot have stands alone ("die
    beiden früheren Runden im Mai und im Juni").
    """
    sentence_of = {s.start: i for i, s in enumerate(parsed.sentences)}
    by_id: dict[str, EventMention] = {}
    out: list[EventMention] = []
    for mention in found:
        frame = FRAMES[mention.type]
        folded = frame.folds_into is not None
        own = sentence_of.get(mention.start, 0)
        needs = mention.anaphoric or folded or (mention.date is None and mention.ordinal is None)
        antecedent: EventMention | None = None
        if needs:
            wanted = {frame.folds_into, mention.type} if folded else {mention.type}
            for earlier in reversed(out):
                if earlier.segment_id != mention.segment_id:
                    break
                if own - sentence_of.get(earlier.start, 0) > ANTECEDENT_WINDOW:
                    break
                if earlier.type in wanted and earlier.start < mention.start:
                    antecedent = by_id.get(earlier.antecedent or "", earlier)
                    break
        if mention.anaphoric and mention.date is not None:
            ante_date = parse_date(antecedent.date) if antecedent else None
            own_date = parse_date(mention.date)
            if ante_date is None or (own_date is not None and not own_date.compatible(
                    ante_date, frame.date_tolerance_days)):
                if antecedent is None or antecedent.date is None or mention.ordinal != antecedent.ordinal:
                    # a dated report of its own, not a reference back
                    mention = replace(mention, anaphoric=False)
                    antecedent = None
        if folded and antecedent is not None:
            mention = replace(mention, type=antecedent.type, anaphoric=True,
                              outcomes=mention.outcomes or _talks_outcomes_text(mention.text))
        if mention.anaphoric and antecedent is None and not folded:
            continue  # "der Vorfall" with nothing before it to refer to
        if mention.anaphoric and not (mention.date or mention.counts or mention.outcomes
                                      or mention.duration):
            continue  # refers back but adds nothing ("eine vierte Runde")
        if mention.anaphoric and antecedent is not None:
            mention = replace(mention, ordinal=None)
        mention = replace(mention, antecedent=antecedent.id if antecedent else None)
        by_id[mention.id] = mention
        out.append(mention)
    return out


def _talks_outcomes_text(text: str) -> tuple[str, ...]:
    low = text.lower()
    found = []
    if _EXCHANGE.search(low) and _AGREED.search(low):
        found.append("Gefangenenaustausch vereinbart")
    if _NO_PROGRESS.search(low):
        found.append("keine Fortschritte bei der Waffenruhe" if _CEASEFIRE.search(low)
                     else "keine Fortschritte")
    return tuple(found)
