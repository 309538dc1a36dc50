"""Bytes to clean Unicode text: encoding detection, mojibake repair, newline and NFC normalisation.

The order of attempts favours German news text, the project's first language:

1. a byte-order mark (UTF-8, UTF-16, UTF-32) decides;
2. strict UTF-8 (almost everything on the web today);
3. nearly-UTF-8 bytes (a few broken sequences in an otherwise UTF-8 text) keep UTF-8 and replace
   the broken bytes with U+FFFD, so that one bad byte does not turn every umlaut into mojibake;
4. a charset the container declared (``<meta charset>``, XML prolog, HTTP header), if known;
5. cp1252 when the result reads like Western European text (cp1252, not latin-1: German text
   in a legacy encoding uses 0x80-0x9F for „ “ – … €, which latin-1 maps to invisible controls);
6. charset-normalizer's guess among European legacy encodings, for texts that are clearly not
   Western (Cyrillic, Greek, ...), if the guess reads as language;
7. cp1252 with its few undefined bytes replaced, for Western text with a stray byte;
   anything else is refused with :class:`EncodingInputError`.

Then ftfy repairs mojibake (``"GesprÃ¤che"`` -> ``"Gespräche"``), but only where a cheap pattern
test finds its traces: ftfy costs about a millisecond per article, the test a few microseconds.
Finally newlines become ``\\n`` and the text is put in Unicode NFC.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from lagebild.errors import EncodingInputError

# Nearly-UTF-8: at most this share of the non-ASCII characters may be broken sequences for the
# text to count as UTF-8 with a few damaged bytes (a truncated upload, one bad copy-paste).
# Chosen on hand-made German samples: a cp1252 or latin-1 German text has 0 % valid multi-byte
# sequences, a damaged UTF-8 file well above 90 %.
MAX_BROKEN_UTF8_SHARE = 0.1

# Bytes that cp1252 leaves undefined, per character, that a Western text may hold and still be
# read (with U+FFFD for them): a stray byte per article, not a different encoding.
MAX_UNDEFINED_CP1252_SHARE = 0.001

# A single-byte decoding is accepted as Western European when at most this share of its letters
# is non-ASCII. German news prose has 1-4 % (umlauts, ß); the same bytes read as cp1252 from a
# Cyrillic or Greek cp125x text have 60-100 %.
MAX_NON_ASCII_LETTER_SHARE = 0.3

# Decoded text with more than this share of control characters (other than tab, newline, form
# feed and carriage return) is not text in the guessed encoding: refuse rather than store noise.
MAX_CONTROL_SHARE = 0.02

# charset-normalizer's language coherence (0-1) that a guessed decoding must reach. Real Russian,
# Polish or Greek news sentences score 0.3-0.6; byte soup that merely decodes scores 0.
MIN_GUESS_COHERENCE = 0.1

# The legacy encodings charset-normalizer may choose among, when cp1252 does not read well: those
# of European news sources. East Asian multi-byte codecs are left out: without a BOM or a
# declaration they "decode" random bytes into valid-looking Hangul or Kanji.
GUESSABLE_ENCODINGS = (
    "cp1250",
    "iso8859_2",  # Central European
    "cp1251",
    "koi8_r",
    "koi8_u",
    "iso8859_5",  # Cyrillic
    "cp1253",
    "iso8859_7",  # Greek
    "cp1254",
    "iso8859_9",  # Turkish
    "cp1257",
    "iso8859_13",  # Baltic
    "mac_roman",
    "cp850",
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts with the UTF-16 LE BOM
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Traces of UTF-8 read as cp1252/latin-1: a lead byte of a 2- or 3-byte sequence (Ã, Â, â, ...)
# followed by what a continuation byte 0x80-0xBF looks like in cp1252 or latin-1; or C1 controls.
_CONTINUATION_CHARS = "".join(
    sorted(
        set(bytes(range(0x80, 0xC0)).decode("cp1252", errors="ignore"))
        | set(bytes(range(0x80, 0xC0)).decode("latin-1"))
    )
)
_MOJIBAKE = re.compile("[\u00c2-\u00ef][" + re.escape(_CONTINUATION_CHARS) + "]|[\u0080-\u009f]")
_NEWLINES = re.compile("\r\n?|[\u2028\u2029\u0085]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_LETTER = re.compile(r"[^\W\d_]")
_CHARSET_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso8859-1": "cp1252",
}  # as browsers do (WHATWG)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and how it was decoded (kept in the document's metadata for diagnosis)."""

    text: str
    encoding: str
    replaced: int = 0  # broken UTF-8 sequences replaced by U+FFFD
    repaired: bool = False  # ftfy changed the text


def decode(data: bytes, declared: str | None = None, *, normalize: bool = True) -> Decoded:
    """Decode ``data`` to normalised text; raise :class:`EncodingInputError` if it is not text.

    ``normalize=False`` skips mojibake repair, newline and NFC normalisation: for markup whose
    extracted strings are normalised one by one (cheaper than normalising a whole 100 kB page).
    """
    text, encoding, replaced = _decode_raw(data, declared)
    if not normalize:
        return Decoded(text, encoding, replaced)
    fixed = _fix_mojibake(text) if _MOJIBAKE.search(text) else text
    return Decoded(_basic_normalize(fixed), encoding, replaced, repaired=fixed != text)


def decode_raw(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode without any normalisation (for containers parsed before their fields are cleaned)."""
    text, encoding, _ = _decode_raw(data, declared)
    return text, encoding


def normalize_text(text: str) -> str:
    """Repair mojibake where there is a trace of it, then unify newlines and apply NFC."""
    if _MOJIBAKE.search(text):
        text = _fix_mojibake(text)
    return _basic_normalize(text)


def _basic_normalize(text: str) -> str:
    text = _NEWLINES.sub("\n", text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text


def _fix_mojibake(text: str) -> str:
    import ftfy  # imported late: loading it costs ~50 ms, and most texts never need it

    config = ftfy.TextFixerConfig(
        unescape_html=False,  # HTML is parsed later; entities in plain text are the author's
        uncurl_quotes=False,  # „German quotes“ are data that quote attribution relies on
        fix_character_width=False,
        fix_latin_ligatures=False,
        fix_line_breaks=False,  # done here, without touching other characters
        normalization=None,
        explain=False,
    )
    return ftfy.fix_text(text, config)


def _decode_raw(data: bytes, declared: str | None) -> tuple[str, str, int]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", ""), 0
            except UnicodeDecodeError as err:
                raise EncodingInputError(
                    f"the file starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding} ({err.reason} at byte {err.start}); re-save it as UTF-8"
                ) from None
    try:
        return data.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        pass

    lenient = data.decode("utf-8", errors="replace")
    broken = lenient.count("\ufffd")
    non_ascii = sum(1 for ch in lenient if ord(ch) > 127)
    if broken <= MAX_BROKEN_UTF8_SHARE * non_ascii:
        return lenient, "utf-8", broken

    if declared:
        encoding = _python_codec(declared)
        if encoding and encoding not in ("utf-8", "utf_8"):
            try:
                return _accept(data.decode(encoding), encoding), encoding, 0
            except (UnicodeDecodeError, EncodingInputError):
                pass

    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _reads_western(text):
        return _accept(text, "cp1252"), "cp1252", 0

    guess = _charset_normalizer_guess(data)
    if guess is not None:
        return _accept(guess[0], guess[1]), guess[1], 0

    # Western text with a few of the five bytes cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90,
    # 0x9D): keep it, with those bytes replaced, rather than refuse an article for one stray byte.
    lenient = text if text is not None else data.decode("cp1252", errors="replace")
    broken = lenient.count("\ufffd") if text is None else 0
    if _reads_western(lenient) and broken <= max(1, MAX_UNDEFINED_CP1252_SHARE * len(lenient)):
        return _accept(lenient, "cp1252"), "cp1252", broken
    raise EncodingInputError(
        "the bytes are not valid UTF-8 and read as no supported encoding (tried cp1252 and the "
        "European legacy encodings); convert the file to UTF-8"
    )


def _python_codec(name: str) -> str | None:
    name = name.strip().strip("\"'").lower()
    name = _CHARSET_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _reads_western(text: str) -> bool:
    letters = _LETTER.findall(text[:20000])
    if not letters:
        return True
    non_ascii = sum(1 for ch in letters if ord(ch) > 127)
    return non_ascii <= MAX_NON_ASCII_LETTER_SHARE * len(letters)


def _charset_normalizer_guess(data: bytes) -> tuple[str, str] | None:
    import charset_normalizer

    best = charset_normalizer.from_bytes(
        data[:200_000], cp_isolation=list(GUESSABLE_ENCODINGS)
    ).best()
    if best is None or best.coherence < MIN_GUESS_COHERENCE:
        return None
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        return None


def _accept(text: str, encoding: str) -> str:
    sample = text[:20000]
    controls = len(_CONTROL.findall(sample))
    if sample and controls > MAX_CONTROL_SHARE * len(sample):
        raise EncodingInputError(
            f"the bytes are not valid UTF-8 and read as {encoding} they are full of control "
            f"characters ({controls} in the first {len(sample)}); this is not text in any "
            "supported encoding: convert the file to UTF-8"
        )
    return text
