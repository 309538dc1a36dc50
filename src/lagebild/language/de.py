"""The German language module: tokeniser rules, lemmas and named entities for German news.

Owns the German word lists the shared tokeniser needs (abbreviations, month names, ordinal
cues) and the lemma lookup (simplemma, cached per process). Named entities are delegated to
:mod:`lagebild.language.ner`, which combines the shipped statistical model with gazetteers,
role patterns and document-level consistency.
"""

from __future__ import annotations

from typing import Sequence

import simplemma

from lagebild.language.tokenize import TokenizerRules
from lagebild.model import Mention

CODE = "de"

MONTHS = frozenset(
    """Januar Jänner Februar März Maerz April Mai Juni Juli August September Oktober November
    Dezember Jan Feb Febr Mär Apr Jun Jul Aug Sep Sept Okt Nov Dez""".split()
)

# Abbreviations that keep their dot. Multi-dot forms (u.a., z.B., d.h.) are matched by the
# tokeniser's pattern already; single capitals ("F.") count as initials.
ABBREVIATIONS = frozenset(
    f"{word}."
    for word in """
    Dr Prof Nr Nrn St Str bzw ca Mio Mrd Mill Bio Tsd Tsd usw etc vgl ggf evtl inkl exkl zzgl
    Abs Art Bd Hrsg Jh Jhd Jan Feb Febr Apr Jun Jul Aug Sep Sept Okt Nov Dez Mo Di Mi Do Fr Sa
    Hr Hrn Mr Mrs Ms Gen Lt Sgt Kap Tel Bsp bspw insb sog spez allg einschl max min gem geb gest
    verh zit Dipl Ing Min Std Sek Ziff Anm Aufl ff Co Inc Ltd Corp Jr jr sen jun Sen Rep Gov dt
    engl frz russ ital span lat griech ehem eigtl stellv Stellv Vors Abg Hbf Kr Lkr Reg Bez Gebr
    Tab Abb Fa Pkt rd ugs urspr Chr Mass Ges Verf Tsd Mrz Jahrh Pfr Mag Lic Univ Ass Hl hl
    Vol vs Bzgl bzgl betr Betr Dtzd gegr Sr Mme Mlle Nachf Ggs Kt Lkw Pkw Ca Ref Sts
    """.split()
)

# These may end a sentence: "... Äpfel, Birnen usw. Danach ..."
FINAL_ABBREVIATIONS = frozenset({"usw.", "etc.", "Chr.", "ff.", "Inc.", "Ltd.", "Corp."})

# Words right before "3." that make it an ordinal although a capitalised word follows.
ORDINAL_CUES = frozenset(
    """der die das den dem des am im zum zur vom beim bis seit ab ihr ihre ihrem ihren ihrer
    sein seine seinem seinen seiner jeder jedes jeden unser unsere ein eine einem einen einer
    von für auf nach vor""".split()
)
ORDINAL_NOUNS = frozenset(
    """Jahrhundert Jahrhunderts Jahrhunderte Jahrtausend Jahrestag Geburtstag Bundesliga Liga
    Runde Klasse Etage Stock Mal Platz Weltkrieg Weltkriegs Parteitag Sitzung Spieltag Tag
    Woche Quartal Halbjahr Lesung Amtszeit Legislaturperiode Wahlgang Satz Halbzeit Minute
    Kompanie Armee Brigade Division Korps Symphonie Sinfonie Auflage Kapitel Strophe Akt""".split()
)

RULES = TokenizerRules(
    abbreviations=ABBREVIATIONS,
    final_abbreviations=FINAL_ABBREVIATIONS,
    months=MONTHS,
    ordinal_cues=ORDINAL_CUES,
    ordinal_nouns=ORDINAL_NOUNS,
)

_LEMMAS: dict[str, str] = {}


def lemma(word: str) -> str:
    """The lemma of a German word form; cached because news repeats its words a lot."""
    cached = _LEMMAS.get(word)
    if cached is not None:
        return cached
    if word[0].isalpha():
        try:
            value = simplemma.lemmatize(word, lang="de")
        except (ValueError, KeyError):  # simplemma rejects some odd inputs; keep the form
            value = word
    else:
        value = word
    if len(_LEMMAS) < 500_000:  # bounded: a long-running process must not grow without end
        _LEMMAS[word] = value
    return value


def recognize(
    text: str,
    document_id: str,
    tokens: Sequence[tuple[int, int]],
    sentences: Sequence[tuple[int, int]],
) -> tuple[Mention, ...]:
    """Named-entity mentions of a German text (see :mod:`lagebild.language.ner`)."""
    from lagebild.language import ner

    return ner.recognize(text, document_id, tokens, sentences)
