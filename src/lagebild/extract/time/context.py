"""Context of an expression: its sentence and clause, and whether it points back or forward.

German news states direction in a few ways the detector reads, strongest first:
announcement words ("geplant", "als Termin", "sollen ... stattfinden", "will", "zu verhandeln")
point forward even inside a past-tense report ("Tass nannte den Donnerstag als Termin");
otherwise a past-tense verb (auxiliary + participle, a preterite) points back. The clause around
the expression is read first, then the whole sentence. No cue: "none" (the resolver then treats
a weekday like a report of something that happened, the commonest case in news).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import Literal

Direction = Literal["past", "future", "none"]

_SENTENCE_END = re.compile(r"[.!?][\"“”»«']?\s+|\n+")
_ABBREVIATIONS = {
    "z.B",
    "Dr",
    "St",
    "Nr",
    "bzw",
    "ca",
    "vgl",
    "u.a",
    "Prof",
    "Mio",
    "Mrd",
    "Jh",
    "v",
    "Chr",
    "Abs",
    "Art",
}


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """A simple sentence split, used where the language layer has not given sentences."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        dot = m.start()
        if text[dot] == ".":
            word = text[max(0, dot - 6) : dot].split()[-1:] or [""]
            if word[0][-1:].isdigit() or word[0] in _ABBREVIATIONS or len(word[0]) == 1:
                continue  # "16. Mai", "Dr. Weber", initials
            nxt = text[m.end() : m.end() + 1]
            if nxt and nxt.islower():
                continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


class Sentences:
    """Sentence lookup by character offset."""

    def __init__(self, spans: Sequence[tuple[int, int]]):
        self.spans = list(spans)
        self.starts = [s for s, _ in self.spans]

    def around(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self.starts, offset) - 1
        if i < 0:
            return (0, self.spans[0][1] if self.spans else offset)
        return self.spans[i]

    def index(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)


_CLAUSE_BREAK = re.compile(r"[,;:–—()]|\s-\s|\bund\b|\baber\b|\bdoch\b|\bdass\b")

# Forward-pointing words: modal verbs, the future auxiliary, planning and scheduling words.
_FUTURE = re.compile(
    r"\b(?:will|willst|wollen|wollte|wollten|soll|sollen|sollte|sollten|werden|wird|werde|würde|würden|"
    r"plant|planen|plante|planten|geplant\w*|angesetzt|anberaumt|vorgesehen\w*|voraussichtlich|"
    r"Termin|Termine|stattfinden|ansteh\w*|bevorsteh\w*|bevor|erwartet|erwarten|künftig|"
    r"vorbereit\w*|beginnen\s+soll|steht\s+\w+\s+an|treffen\s+sich|kommt\s+zusammen|kommen\s+zusammen|"
    r"einberufen|eingeladen|findet|finden\s+statt|beginnt|beginnen|startet|endet|läuft\s+aus|"
    r"kann|können|muss|müssen|darf|dürfen|möchte|möchten|möglich|droht|drohen|rechnet|rechnen)\b"
)
# "zu" + infinitive: "zugesagt, am Mittwoch mit Kiew zu verhandeln".
_ZU_INFINITIVE = re.compile(
    r"\bzu\s+(?!den\b|denen\b|seinen\b|ihren\b|allen\b|beiden\b|diesen\b|einen\b)[a-zäöüß]{3,}(?:en|ern|eln)"
    r"(?=\s*(?:[,.;:!?)\"“”]|$|und\b|oder\b))"
)
# Past: auxiliaries of the perfect and pluperfect, passive preterite, and common preterites.
_PAST_AUX = re.compile(
    r"\b(?:hatte|hatten|hattest|war|waren|wurde|wurden|worden|gewesen)\b", re.IGNORECASE
)
_PERFECT_AUX = re.compile(r"\b(?:hat|haben|habe|ist|sind|sei|seien)\b")
_PARTICIPLE = re.compile(r"\b(?:[a-zäöüß]*ge[a-zäöüß]{2,}(?:t|en)|[a-zäöüß]{3,}iert)\b")
_ATTRIBUTIVE_PARTICIPLE = re.compile(
    r"\b[a-zäöüß]*ge[a-zäöüß]{2,}(?:te|ten|tes|ter|tem|ene|enen|ener|enes)\b"
)
_PRETERITE = re.compile(
    r"\b(?:sagte|sagten|erklärte|erklärten|teilte|teilten|berichtete|berichteten|meldete|meldeten|"
    r"hieß|gab|gaben|kam|kamen|traf|trafen|fand|fanden|ging|gingen|starb|starben|begann|begannen|"
    r"ereignete|verlor|nannte|nannten|betonte|betonten|forderte|forderten|bestätigte|"
    r"bestätigten|kündigte|kündigten|reiste|reisten|stellte|stellten|legte|legten|brach|brachen|"
    r"flog|flogen|wählte|wählten|gewann|gewannen|unterzeichnete|unterzeichneten|beschloss|"
    r"entschied|stimmte|stimmten|trat|traten|sprach|sprachen|schrieb|"
    r"schrieben|zeigte|zeigten|führte|führten|lag|lagen|stand|standen|blieb|blieben|fiel|fielen|"
    r"griff|griffen|tötete|töteten|starteten|startete|eröffnete|eröffneten|endete|endeten|"
    r"beendete|beendeten|verkündete|verkündeten|warnte|warnten|lehnte|lehnten|wies|wiesen|"
    r"landete|landeten|erreichte|erreichten|schoss|schossen|feuerte|feuerten|einigten|einigte|"
    r"verhandelten|verhandelte|besuchte|besuchten|empfing|empfingen|telefonierte|telefonierten|"
    r"äußerte|äußerten|machte|machten|brachte|brachten|dauerte|dauerten|sah|sahen|"
    r"rief|riefen|bot|boten|zog|zogen|ließ|ließen|setzte|setzten|wurde|wurden|gelang|"
    r"geschah|passierte|explodierte|stürzte|stürzten|wollten\s+\w+\s+bereits)\b",
    re.IGNORECASE,
)


_FOR_DAY = re.compile(r"\b(?:für|auf)\s+(?:den\s+)?$")


def _clause(text: str, start: int, end: int, s_start: int, s_end: int) -> tuple[int, int]:
    left = s_start
    for m in _CLAUSE_BREAK.finditer(text, s_start, start):
        left = m.end()
    m = _CLAUSE_BREAK.search(text, end, s_end)
    right = m.start() if m else s_end
    return left, right


def _cues(span: str) -> Direction:
    if _FUTURE.search(span) or _ZU_INFINITIVE.search(span):
        return "future"
    if _PAST_AUX.search(span) or _PRETERITE.search(span):
        return "past"
    if _PERFECT_AUX.search(span) and _PARTICIPLE.search(span):
        return "past"
    if _ATTRIBUTIVE_PARTICIPLE.search(span):
        return "past"  # "des am Donnerstag abgestürzten Flugzeugs"
    return "none"


def direction(text: str, start: int, end: int, sentence: tuple[int, int]) -> Direction:
    """Whether the expression at ``[start, end)`` points back ("past") or forward ("future")."""
    s_start, s_end = sentence
    c_start, c_end = _clause(text, start, end, s_start, s_end)
    # the expression's own words are not cues ("am kommenden Mittwoch" is handled by its shift)
    if _FOR_DAY.search(text, max(s_start, start - 12), start):
        return "future"  # "das für Mittwoch geplante Treffen", "auf Donnerstag verschoben"
    clause = text[c_start:start] + " " + text[end:c_end]
    found = _cues(clause)
    if found != "none":
        return found
    # the rest of the sentence; a reporting verb there ("..., teilte der DWD mit") frames the
    # clause and says nothing about when its content happens
    rest = _SPEECH_FRAME.sub(" ", text[s_start:start] + " " + text[end:s_end])
    return _cues(rest)


_SPEECH_FRAME = re.compile(
    r"\b(?:sagte|sagten|teilte|teilten|erklärte|erklärten|berichtete|berichteten|meldete|meldeten|"
    r"hieß|betonte|betonten|schrieb|schrieben|äußerte|äußerten|verkündete|verkündeten)\b"
)
