"""Lexical features for the statistical NER: what the word, its neighbours and the lists say.

:func:`crf_features` feeds the shipped linear-chain CRF (see :mod:`lagebild.language.ner`):
the word form, its shape, prefixes and suffixes, capitalisation, hyphen parts, the wordfreq
frequency band (Zipf), membership in simplemma's German dictionary as written and in lower
case (in German every noun is capitalised, so "name or common noun?" is the question), the
lemma, place adjectives ("französischen" -> LOC, GermEval's LOCderiv), role nouns and heads
of organisation names, quotation context (titles of works), English words (wordfreq: an
English word in German text is a title, band or company more often than not), nouns that
announce a name of their type ("die Rockband ...", "der Film ..."), and the neighbours'
features (one token each side: a wider window lost F1 in cross-validation).
:func:`token_features` gives the gazetteer view per token: a gazetteer match with its type and
position (``B-LOC``, ``I-PER``), a genitive of a gazetteer name (``G-LOC`` for "Russlands"),
or membership in the first-name, surname and town lists (``FIRST``, ``LAST``: German lists in
``data/names_de.txt``, international ones from Faker and GeoNames in ``data/names_world.txt``,
made by ``scripts/make_ner_lists.py``); pairs of neighbouring list hits are features too
("FIRST" then "LAST"). Training and prediction call the same functions, so the model learns
how far to trust the lists.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Sequence

from lagebild.language import gazetteer

NONE = "_"


NAME_FILES = ("data/names_de.txt", "data/names_world.txt")


@lru_cache(maxsize=1)
def name_lists() -> dict[str, frozenset[str]]:
    lists: dict[str, set[str]] = {}
    for name in NAME_FILES:
        text = resources.files("lagebild.language").joinpath(name).read_text(encoding="utf-8")
        current = "FIRST"
        for line in text.splitlines():
            if not line.strip() or line.startswith("# "):
                continue
            if line.startswith("## "):
                current = line[3:].strip()
                continue
            lists.setdefault(current, set()).add(line.strip())
    return {key: frozenset(values) for key, values in lists.items()}


@lru_cache(maxsize=1)
def _single_tokens() -> dict[str, str]:
    table, _ = gazetteer.index()
    singles = {key[0]: entry.type for key, entry in table.items() if len(key) == 1}
    for city in name_lists().get("CITY", ()):
        singles.setdefault(city, "LOC")
    return singles


def token_features(words: Sequence[str]) -> list[str]:
    """One feature string per word (``"_"`` where nothing is known)."""
    features = [NONE] * len(words)
    for first, last, entry in gazetteer.find(list(words)):
        features[first] = "B-" + entry.type
        for i in range(first + 1, last):
            features[i] = "I-" + entry.type
    lists = name_lists()
    firsts, lasts = lists.get("FIRST", frozenset()), lists.get("LAST", frozenset())
    singles = _single_tokens()
    for i, word in enumerate(words):
        if features[i] != NONE or not word[:1].isupper():
            continue
        kind = singles.get(word)
        if kind is not None:
            features[i] = "B-" + kind
        elif word in firsts:
            features[i] = "FIRST"
        elif word in lasts:
            features[i] = "LAST"
        elif word.endswith("s") and len(word) > 3:
            kind = singles.get(word[:-1])
            if kind is not None:
                features[i] = "G-" + kind
    return features


# --- features of the linear-chain CRF (see ner.py) -------------------------------------------

_ADJ_ENDINGS = ("en", "er", "es", "em", "e")
# Neighbours on each side whose word features a token sees: 5-fold CV over GermEval dev gave
# mean fine F1 64.97 at 1, 64.70 at 2, 63.65 at 3 (more context features overfit 2,200 sentences).
WINDOW = 1
# Heads of organisation names ("Bundesverband", "Otto-Schott-Gymnasium", "Deutsche Bank"): ORG
# was the weakest class on held-out dev, and suffixes of up to 4 letters cannot see these.
_ORG_HEAD = re.compile(
    r"(verband|verein|bank|gesellschaft|institut|universität|hochschule|gymnasium|schule"
    r"|ministerium|partei|zeitung|klub|club|konzern|gruppe|stiftung|akademie|kommission"
    r"|rat|amt|gericht|agentur|airlines?|werke?|theater|orchester|bund|union|fc|sv|ag|gmbh"
    r"|direktion|senat|behörde|polizei|armee|liga)$"
)


# Nouns that announce a name of their type right after them, as the last part of a compound:
# "der Film Das Parfum", "die Rockband Fold Zandura", "die Ölgesellschaft Petrobras".
_TRIGGERS = (
    ("OTH", re.compile(
        r"(film|album|roman|buch|single|song|lied|serie|zeitschrift|magazin|titel|spiel"
        r"|sendung|sendereihe|oper|musical|stück|gedicht|werk|modell|programm|software"
        r"|schiff|flugzeug|fahrzeug|projekt|festival|messe|turnier|reihe|show|krieg)$")),
    ("ORG", re.compile(
        r"(band|gruppe|firma|unternehmen|konzern|gesellschaft|versicherung|verlag|sender"
        r"|zeitung|verein|klub|club|partei|ligist|ligisten|bank|hersteller|label|marke"
        r"|organisation|behörde|institut|agentur|mannschaft|team|vereinigung)$")),
    ("LOC", re.compile(
        r"(stadt|dorf|gemeinde|ort|ortsteil|insel|fluss|berg|kreis|landkreis|region|provinz"
        r"|hauptstadt|stadtteil|bezirk|staat|see|tal|gebirge|straße|platz)$")),
)


@lru_cache(maxsize=50_000)
def _trigger(word: str) -> str | None:
    """The type a capitalised noun announces for the name after it (see _TRIGGERS), or None."""
    if not word[:1].isupper():
        return None
    lower = word.lower()
    for kind, pattern in _TRIGGERS:
        if pattern.search(lower):
            return kind
    return None


def _shape(word: str) -> str:
    """Collapsed character classes: "Berlin" -> "Xx", "EU-Staaten" -> "X-Xx", "1990" -> "d"."""
    out: list[str] = []
    for char in word:
        if char.isupper():
            kind = "X"
        elif char.islower():
            kind = "x"
        elif char.isdigit():
            kind = "d"
        else:
            kind = char
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out[:6])


@lru_cache(maxsize=1)
def _frequency():
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # without wordfreq the frequency feature is simply absent
        return None
    return zipf_frequency


@lru_cache(maxsize=200_000)
def word_features(word: str) -> tuple[str, ...]:
    """Context-free features of one word form (cached: news repeats its words)."""
    import simplemma

    from lagebild.language import de

    lower = word.lower()
    feats = ["w=" + lower, "sh=" + _shape(word)]
    for k in (1, 2, 3, 4):
        if len(word) > k:
            feats.append(f"p{k}=" + word[:k])
            feats.append(f"s{k}=" + lower[-k:])
    if len(word) <= 2:
        feats.append("short")
    if word[:1].isupper():
        feats.append("cap")
        if len(word) > 1 and word.isupper():
            feats.append("caps")
    if "-" in word[1:-1]:
        head, tail = word.split("-", 1)[0], word.rsplit("-", 1)[1]
        feats.append("hh=" + head.lower())
        feats.append("ht=" + tail.lower())
        kind = _single_tokens().get(head)
        if kind is not None:
            feats.append("hg=" + kind)
        if head.isupper():
            feats.append("hcaps")
        if tail[:1].islower():
            feats.append("htlow")
    if word[:1].isupper():
        from lagebild.language import patterns

        if patterns.is_role(word):
            feats.append("role")
        if _ORG_HEAD.search(lower):
            feats.append("orgh")
    frequency = _frequency()
    band = -1
    if frequency is not None and word[:1].isalpha():
        band = int(frequency(lower, "de"))
        feats.append(f"f={band}")
        english = frequency(lower, "en")
        if english >= 2.0 and english > band + 1.0:
            feats.append("en")  # an English word in German text: titles, bands, companies
    if word[:1].isalpha():
        known = simplemma.is_known(word, lang="de")
        feats.append("k=" + ("1" if known else "0"))
        if word[:1].isupper():
            known_lower = simplemma.is_known(lower, lang="de")
            feats.append("kl=" + ("1" if known_lower else "0"))
            # the conjunction a linear model cannot form itself: capitalised, how common,
            # known to the dictionary as it stands, known in lower case
            feats.append(f"ckf={int(known)}{int(known_lower)}{min(band, 5)}")
        base = de.lemma(word)
        if base != word:
            feats.append("lemdiff")
            feats.append("lem=" + base.lower())
        if "isch" in lower or lower.startswith("deutsch"):
            feats.append("adj")
        # a derived adjective or "-er" form of a known place: "Berliner", "russischen"
        singles = _single_tokens()
        if word[:1].isupper() and lower.endswith("er") and singles.get(word[:-2]) == "LOC":
            feats.append("dloc")
        stems = _adjectives()
        last_part = lower.rsplit("-", 1)[-1]  # "deutsch-französischen": the last part decides
        for ending in _ADJ_ENDINGS:
            if not last_part.endswith(ending):
                continue
            kind = stems.get(lower[: -len(ending)]) or stems.get(last_part[: -len(ending)])
            if kind:
                feats.append("dadj=" + kind)
                break
    return tuple(feats)


@lru_cache(maxsize=1)
def _adjectives() -> dict[str, str]:
    """Adjective stems that derive from names: "deutsch", "französisch" -> "LOC"."""
    text = resources.files("lagebild.language").joinpath("data/names_de.txt").read_text(
        encoding="utf-8"
    )
    stems: dict[str, str] = {}
    current = ""
    for line in text.splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
            continue
        if current.startswith("ADJ-") and line.strip() and not line.startswith("#"):
            stems[line.strip().lower()] = current[4:]
    return stems


_QUOTES = {'"': '"', "„": "“", "»": "«", "«": "»", "“": "”", "‚": "‘", "''": "''", "``": "''"}
QUOTE_MAX_TOKENS = 12  # longer quoted stretches are speech, not titles


def _inside_quotes(words: Sequence[str]) -> list[bool]:
    """Whether each token stands between a pair of quotation marks (not the marks themselves)."""
    inside = [False] * len(words)
    i, n = 0, len(words)
    while i < n:
        close = _QUOTES.get(words[i])
        if close is None:
            i += 1
            continue
        for j in range(i + 1, min(n, i + QUOTE_MAX_TOKENS + 2)):
            if words[j] == close:
                for k in range(i + 1, j):
                    inside[k] = True
                i = j
                break
        i += 1
    return inside


def crf_features(words: Sequence[str]) -> list[list[str]]:
    """Feature strings per token for the CRF: the word, its neighbours, gazetteer hits."""
    n = len(words)
    gaz = token_features(words)
    own = [word_features(w) for w in words]
    short = [
        [f for f in feats if f.startswith(("w=", "sh=", "f=", "k=", "kl=", "ckf=", "en"))]
        for feats in own
    ]
    quoted = _inside_quotes(words)
    caps = [w[:1].isupper() for w in words]
    rows: list[list[str]] = []
    for i in range(n):
        row = ["bias", "g=" + gaz[i]]
        if quoted[i]:
            row.append("q")  # titles of works (GermEval OTH) stand in quotes
            if i > 0 and not quoted[i - 1]:
                row.append("q0")
            if i + 1 < n and not quoted[i + 1]:
                row.append("q1")
        row.extend(own[i])
        if i == 0:
            row.append("first")
        for offset in range(-WINDOW, WINDOW + 1):
            j = i + offset
            if offset == 0:
                continue
            if 0 <= j < n:
                row.append(f"{offset}g=" + gaz[j])
                row.extend(f"{offset}{f}" for f in short[j])
                if abs(offset) == 1:
                    row.extend(
                        f"{offset}{f}"
                        for f in own[j]
                        if f.startswith(("s3=", "hg=", "cap", "role", "orgh", "dadj"))
                    )
            else:
                row.append(f"{offset}pad")
        if i > 0 and (gaz[i] != NONE or gaz[i - 1] != NONE):
            row.append(f"gg={gaz[i - 1]}|{gaz[i]}|{int(caps[i])}")
        if i + 1 < n and (gaz[i] != NONE or gaz[i + 1] != NONE):
            row.append(f"gg+={gaz[i]}|{gaz[i + 1]}|{int(caps[i + 1])}")
        for back in (1, 2):
            if i - back >= 0:
                kind = _trigger(words[i - back])
                if kind:
                    row.append(f"trg{back}={kind}")
        if i > 0:
            row.append("bi=" + words[i - 1].lower() + "|" + words[i].lower())
        if i + 1 < n:
            row.append("bi+=" + words[i].lower() + "|" + words[i + 1].lower())
        rows.append(row)
    return rows


def with_auxiliary(rows: list[list[str]], labels: Sequence[str]) -> list[list[str]]:
    """``rows`` plus the auxiliary tagger's labels (trained on Europeana) around each token.

    The auxiliary CRF is trained on other data (Europeana Newspapers, PER/LOC/ORG), so its
    guesses are honest evidence on GermEval too; the main CRF learns how far to trust them.
    """
    n = len(rows)
    for i, row in enumerate(rows):
        row.append("e=" + labels[i])
        if i > 0:
            row.append("-1e=" + labels[i - 1])
        if i + 1 < n:
            row.append("1e=" + labels[i + 1])
    return rows


def first_pass_view(tagger, rows: list[list[str]]) -> list[str]:
    """A first-pass CRF's view of each token: its label, or where that is ``O`` and an entity
    label is not unlikely, that label with its marginal probability in tenths ("?LOC3")."""
    labels = tagger.tag(rows)
    names = [name for name in tagger.labels() if name != "O"]
    view = []
    for i, label in enumerate(labels):
        if label == "O" and tagger.marginal("O", i) <= 0.9:  # else no other label reaches 0.1
            best = max(names, key=lambda name: tagger.marginal(name, i))
            chance = tagger.marginal(best, i)
            if chance >= 0.1:
                label = f"?{best[2:]}{min(int(chance * 10), 5)}"
        view.append(label)
    return view


def with_first_pass(
    rows: list[list[str]], words: Sequence[str], labels: Sequence[str]
) -> list[list[str]]:
    """``rows`` plus a first-pass CRF's labels: second-pass (stacked) features.

    The first pass's label of the token and of its neighbours, and the types the first pass
    gave the same capitalised word elsewhere in the sentence. In training the labels must come
    from a first pass that did not see the sentence (see train.py), or the second pass learns
    to trust them blindly.
    """
    n = len(rows)
    where: dict[str, list[int]] = {}
    for i, word in enumerate(words):
        if word[:1].isupper():
            where.setdefault(word, []).append(i)
    for i, row in enumerate(rows):
        row.append("p=" + labels[i])
        row.append("-1p=" + (labels[i - 1] if i > 0 else "pad"))
        row.append("1p=" + (labels[i + 1] if i + 1 < n else "pad"))
        if i > 0 and i + 1 < n:
            row.append(f"pp={labels[i - 1][:1]}{labels[i][:1]}{labels[i + 1][:1]}")
        others = where.get(words[i], ())
        if len(others) > 1:
            types = {labels[j][2:] for j in others if j != i and labels[j][:2] in ("B-", "I-")}
            row.extend("sw=" + kind for kind in sorted(types))
    return rows
