"""The speech event: the token-level result of the rules, before it becomes a Quote.

Token indexes (not characters) so that the SpkAtt evaluation can compare with gold tokens
directly; :mod:`lagebild.extract.quotes` turns events into :class:`~lagebild.model.Quote` and
:class:`~lagebild.model.Claim` records with character spans.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Forms follow the SpkAtt annotation scheme so evaluation needs no mapping.
DIRECT = "Direct"
INDIRECT = "Indirect"
REPORTED = "Reported"
CONTINUED = "IndirectFreeIndirect"  # Konjunktiv sentences after an attributed one, no cue
FREE_INDIRECT = "FreeIndirect"  # hearsay "soll ... haben" sentences, no cue


@dataclass(slots=True)
class SpeechEvent:
    sentence: int
    form: str
    cue: list[int] = field(default_factory=list)
    source: list[int] = field(default_factory=list)
    message: list[int] = field(default_factory=list)
    addr: list[int] = field(default_factory=list)
    cited: list[int] = field(default_factory=list)  # "unter Berufung auf eigene Quellen"
    # Links between the source and the cited speaker, outermost first: "AFP berichtete unter
    # Berufung auf Tass, die sich auf eine Quelle stützte" -> cited the Quelle, relayed [Tass].
    relayed: list[list[int]] = field(default_factory=list)
    nested: bool = False
    mixed: bool = False  # indirect speech with quoted fragments
    attribution: bool = False  # "laut X", "nach Angaben von X", "X zufolge"
