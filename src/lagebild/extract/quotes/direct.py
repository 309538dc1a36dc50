"""Direct speech: pairing quotation marks into quoted spans.

German news uses „…“ (and ‚…‘ inside), »…« in some outlets, straight "…" in many web texts,
and occasionally “…”. A span runs from an opening mark to its closing partner, across
sentences; an opening without partner within :data:`MAX_QUOTE_TOKENS` is ignored.
"""

from __future__ import annotations

from dataclasses import dataclass

from lagebild.extract.quotes.text import TokenView

# Longer than any quotation in the seeds and SpkAtt dev files (longest seen: ~120 tokens).
MAX_QUOTE_TOKENS = 250
# A quoted span this short with no verb inside is a fragment or a name („sehr schwierig“,
# „iPod nano“), not a statement of its own. Tuned on the SpkAtt dev split.
FRAGMENT_TOKENS = 4

_PAIRS = {"„": ("“", "”", '"'), "»": ("«",), "“": ("”",), "‚": ("‘", "’"), "«": ("»",)}


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    open: int  # token index of the opening mark
    close: int  # token index of the closing mark

    @property
    def inner(self) -> range:
        return range(self.open + 1, self.close)

    def __len__(self) -> int:
        return self.close - self.open - 1


def quoted_spans(view: TokenView) -> list[QuotedSpan]:
    texts = view.texts
    spans: list[QuotedSpan] = []
    index = 0
    count = len(texts)
    straight_open: int | None = None
    # Guillemets pair as »…« (German) or «…» (Swiss, French); the first one in the document
    # tells which style it uses.
    guillemet_opener = next((w for w in texts if w in ("»", "«")), "»")
    while index < count:
        word = texts[index]
        if word == '"':
            if straight_open is None:
                straight_open = index
            else:
                spans.append(QuotedSpan(straight_open, index))
                straight_open = None
            index += 1
            continue
        closers = _PAIRS.get(word)
        if closers and word in ("«", "»") and word != guillemet_opener:
            closers = None  # the other guillemet style's closing mark
        if closers:
            limit = min(count, index + MAX_QUOTE_TOKENS)
            for other in range(index + 1, limit):
                if texts[other] in closers:
                    if word == "‚" and other - index > 12:
                        break  # a low single quote this far from its partner is a comma
                    spans.append(QuotedSpan(index, other))
                    index = other
                    break
                if texts[other] == word and word != "‚":
                    break  # a new opening before a closing: unbalanced, give up on this one
        index += 1
    return _outermost(spans)


def _outermost(spans: list[QuotedSpan]) -> list[QuotedSpan]:
    spans.sort(key=lambda s: (s.open, -s.close))
    out: list[QuotedSpan] = []
    for span in spans:
        if out and span.open < out[-1].close:
            continue
        out.append(span)
    return out


def has_verbish(view: TokenView, span: QuotedSpan) -> bool:
    """Whether a quoted span reads as a statement (a sentence end or enough words)."""
    inner = [view.texts[i] for i in span.inner]
    return len(inner) > FRAGMENT_TOKENS or any(w in (".", "!", "?") for w in inner)
