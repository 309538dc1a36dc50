"""Lexical features shared by lineage and story clustering: words, lemmas, shingles, sentences.

Owns what the corpus pass reads from a text: content lemmas (lower-cased simplemma lemmas of
words that are not function words), word shingles for MinHash, and the sentence units that
sentence alignment compares. The store keeps sentence spans but not tokens, so these are
recomputed here from the text; lemma lookups are cached per process, which makes a
Wikinews-sized article cost about a millisecond.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime

import simplemma

# Words (with inner hyphens/apostrophes, "Kreml-Sprecher"), no digits-only tokens.
_WORD = re.compile(r"[^\W\d_][\w]*(?:[-'’][\w]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"“”»«']?\s+(?=[\"„“»«(]?[A-ZÄÖÜ0-9])|\n\s*\n|\n(?=\S)")

# German function words and news boilerplate that carry no topic. Lower-case surface forms.
STOPWORDS = frozenset(
    """
    aber alle allem allen aller alles als also am an andere anderen anderer anderes auch auf aus
    bei beide beiden beim bereits bin bis bisher bist da dabei dadurch dafür dagegen daher damit
    dann darauf darin darum darüber das dass dem den denen denn der deren des deshalb dessen die
    dies diese diesem diesen dieser dieses doch dort du durch eben ein eine einem einen einer
    eines einige einigen einmal er es etwa etwas euch euer für gab gar gegen gegenüber geht
    gewesen gibt habe haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem
    ihren ihrer im immer in indem ins ist ja je jede jedem jeden jeder jedoch jetzt kann kein
    keine keinem keinen keiner können könne könnte man mehr mehrere mein meine mich mir mit muss
    musste müssen nach nachdem neben nicht nichts noch nun nur ob oder ohne schon sehr sei seien
    sein seine seinem seinen seiner seit selbst sich sie sind so sogar solche soll sollen sollte
    sondern sowie über um und uns unser unter viel viele vom von vor während war waren wäre was
    weil weiter weitere welche welcher wenn wer werde werden wie wieder will wir wird wurde
    wurden zu zum zur zwar zwischen worden wollen wollte wolle laut heute gestern morgen bislang
    zudem zunächst zuletzt demnach hieß heißt sagte sagt sagten erklärte teilte mit mitteilte
    berichtete berichtet hatten würden würde ersten erste erster neue neuen neuer neues eines
    uhr jahr jahre jahren jahres prozent mehr rund knapp fast mal damals dazu davon dessen
    lesen hier lesedauer min aktualisiert newsblog foto quelle archivbild
    """.split()
)

_LEMMA_CACHE: dict[str, str] = {}
_LEMMA_CACHE_LIMIT = 500_000  # bounded: a long-running process must not grow without end


def lemma(word: str) -> str:
    """The lower-cased German lemma of a word form (simplemma, cached)."""
    cached = _LEMMA_CACHE.get(word)
    if cached is not None:
        return cached
    try:
        value = simplemma.lemmatize(word, lang="de").lower()
    except (ValueError, KeyError):  # simplemma rejects some odd inputs; keep the form
        value = word.lower()
    if len(_LEMMA_CACHE) < _LEMMA_CACHE_LIMIT:
        _LEMMA_CACHE[word] = value
    return value


# A background document frequency from general German word frequencies (wordfreq, Zipf scale)
# stands in for the corpus while it is small: a fresh store with five articles cannot tell
# "Gespräch" from "Umerow" by itself. The two are blended as probabilities, so that corpus
# evidence that a word is common (a name in every text of the week) wins over the prior as
# soon as it exists, while the prior keeps everyday words common from the first article on.
PRIOR_UNITS = 100  # weight of the prior in units (segments/documents); tuned on the seeds
PRIOR_WORDS_PER_UNIT = 300  # a Wikinews-sized text, to turn word frequency into document frequency
PRIOR_MIN_SHARE = 1e-5  # the prior never calls a word rarer than this
_PRIOR_CACHE: dict[str, float] = {}


def prior_share(term: str) -> float:
    """Share of texts containing a lemma in general German usage (wordfreq); unseen: rare."""
    cached = _PRIOR_CACHE.get(term)
    if cached is not None:
        return cached
    try:
        from wordfreq import zipf_frequency

        zipf = zipf_frequency(term, "de")
    except ImportError:  # without wordfreq every word counts the same until the corpus grows
        zipf = 3.0
    value = min(1.0, max(PRIOR_WORDS_PER_UNIT * 10 ** (zipf - 9.0), PRIOR_MIN_SHARE))
    if len(_PRIOR_CACHE) < _LEMMA_CACHE_LIMIT:
        _PRIOR_CACHE[term] = value
    return value


def idf(term: str, df: int, n: int) -> float:
    """IDF of a term seen in ``df`` of ``n`` units, its frequency smoothed by the prior."""
    share = (df + PRIOR_UNITS * prior_share(term)) / (n + PRIOR_UNITS)
    return 1.0 - math.log(min(1.0, share))


def words(text: str) -> list[str]:
    """The word forms of a text in order (punctuation and bare numbers dropped)."""
    return _WORD.findall(text)


def content_lemmas(text: str) -> list[str]:
    """Lemmas of the content words of a text, in order, function words dropped."""
    out: list[str] = []
    for word in _WORD.findall(text):
        if len(word) < 2 or word.lower() in STOPWORDS:
            continue
        value = lemma(word)
        if value not in STOPWORDS:
            out.append(value)
    return out


def term_counts(text: str, headline: str | None = None, headline_weight: int = 2) -> Counter[str]:
    """Content-lemma counts of a text; a headline's lemmas count ``headline_weight`` times."""
    counts = Counter(content_lemmas(text))
    if headline:
        for term in content_lemmas(headline):
            counts[term] += headline_weight - 1 if term in counts else headline_weight
    return counts


def shingles(text: str, size: int = 4) -> set[str]:
    """Overlapping lower-cased word ``size``-grams: the unit of near-duplicate MinHash."""
    tokens = [w.lower() for w in _WORD.findall(text)]
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def normalised_hash(text: str) -> str:
    """Hash of a text's words alone: copies differing in spacing, case or punctuation are equal."""
    import hashlib

    return hashlib.sha1(" ".join(w.lower() for w in _WORD.findall(text)).encode()).hexdigest()


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``: a fallback where no sentence records are stored."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    pos = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if text[pos : match.start()].strip():
            spans.append(_strip(text, pos, match.start()))
        pos = match.end()
    if text[pos:end].strip():
        spans.append(_strip(text, pos, end))
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def best_date(*values: str | None) -> str | None:
    """The most precise of several ISO dates ("2025-06-02T15:35" over "2025-06"), first on ties."""
    found = [v.strip() for v in values if v and v.strip()]
    return max(found, key=len) if found else None


def day_number(value: str | None) -> float | None:
    """An ISO date or timestamp as fractional days since 1970-01-01 (UTC); None if unreadable.

    A month ("2025-07") counts as its middle and a year as its middle: the expected day.
    """
    if not value:
        return None
    text = value.strip()
    try:
        if len(text) <= 10:
            parts = [int(p) for p in text.split("-")]
            if len(parts) == 1:
                parts += [7, 1]
            elif len(parts) == 2:
                parts += [15]
            stamp = datetime(parts[0], parts[1], parts[2])
            return (stamp.date() - date(1970, 1, 1)).days
        stamp = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if stamp.tzinfo is not None:
        return stamp.timestamp() / 86400.0
    return (stamp - datetime(1970, 1, 1)).total_seconds() / 86400.0


def top_terms(weights: dict[str, float], k: int) -> list[str]:
    """The ``k`` heaviest terms, ties broken alphabetically so that runs repeat exactly."""
    return [t for t, _ in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:k]]


def unique(items: Iterable[str]) -> list[str]:
    """Items in first-seen order without repeats."""
    seen: set[str] = set()
    return [x for x in items if not (x in seen or seen.add(x))]

