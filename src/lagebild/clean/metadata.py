"""Who published an article, on whose material, where from, when, and in which language.

This module owns the reading of document metadata from the text itself and from what ingest
found on the page:

* the **header** (:func:`read_header`): the title line (with a live-blog kicker such as
  "Newsblog zum Ukraine-Krieg" split off), byline ("Von t-online"), date stamps ("Aktualisiert
  am 23.07.2025 - 13:52 Uhr") and reading time ("Lesedauer: 8 Min."). Lines it reads are taken
  out of the body.
* the **credits** (:func:`read_credits`): the dateline ("KIEW (dpa-AFX) -"), agency signatures
  at the end ("/hme/DP/zb"), "Mit Material von dpa und AFP", "Quelle: dpa", "(dpa)". An agency
  merely *cited* in the text ("teilte ... der Nachrichtenagentur AFP mit") is not a credit:
  credits are only read from these fixed places.
* the **outlet** (:func:`outlet_name`): page metadata, byline, dateline, URL host, mapped to a
  readable name; and the **language** (:func:`detect_language`) by a stopword-ratio test.

The dateline decision: the dateline prefix ("KIEW (dpa-AFX) - ") is removed from the first
paragraph and kept in ``Document.dateline`` (the place) and ``metadata["dateline_credit"]``
(the bracket). The sentence after it stays intact, so sentence splitting, quotes and the
near-duplicate test see the same first sentence whichever outlet ran the wire copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import tzinfo
from typing import Sequence
from urllib.parse import urlsplit

from lagebild.clean.dates import BERLIN, DATE_PATTERN, TIME_PATTERN, Stamp, stamp_from_match
from lagebild.clean.segments import looks_like_headline

# A title line may be longer than a sub-head: the longest seed title is 78 characters, news
# titles rarely pass 160.
TITLE_MAX_CHARS = 180
# Bylines, stamps and reading times stand in the first few paragraphs; lower down a date
# line belongs to a live-blog entry, not to the document.
HEADER_SCAN_PARAGRAPHS = 6
# Agency credits stand in the last few paragraphs (signature, "Mit Material von ...").
CREDIT_SCAN_PARAGRAPHS = 3
# A dateline place is at most a few words ("ISTANBUL / LONDON", "Frankfurt/Main").
DATELINE_MAX_PLACE_CHARS = 40
# Share of stopwords among the words of a text above which it is taken to be in that language.
# German news prose scores 0.30-0.40 on the lists below, English 0.35-0.45, other languages
# (and word lists, tables) stay under 0.10. Tuned on the seeds and a few Wikinews articles.
MIN_STOPWORD_RATIO = 0.12
LANGUAGE_SAMPLE_CHARS = 3000
# Tables and result lists (sports pages) have few stopwords of any kind; there a clear winner
# (this many hits and LANGUAGE_MIN_LEAD times the other language's) still decides. Tuned on the
# Wikinews league-table articles of the SpkAtt training set.
LANGUAGE_MIN_HITS = 5
LANGUAGE_MIN_LEAD = 3

# --------------------------------------------------------------------------- names

AGENCIES: dict[str, str] = {
    "dpa": "dpa", "dpa-afx": "dpa-AFX", "dpa-infocom": "dpa", "afp": "AFP", "reuters": "Reuters",
    "ap": "AP", "associated press": "AP", "tass": "Tass", "itar-tass": "Tass",
    "interfax": "Interfax", "ria": "RIA", "ria nowosti": "RIA", "ria novosti": "RIA",
    "kna": "KNA", "epd": "epd", "dts": "dts", "sid": "SID", "apa": "APA", "sda": "SDA",
    "keystone-sda": "Keystone-SDA", "ansa": "ANSA", "efe": "EFE", "ddp": "ddp",
    "bloomberg": "Bloomberg", "ukrinform": "Ukrinform", "unian": "Unian", "xinhua": "Xinhua",
    "anadolu": "Anadolu", "belta": "Belta", "kyodo": "Kyodo", "yonhap": "Yonhap",
}
# Signature codes at the end of wire copy: "/hme/DP/zb" (DP: the dpa-AFX desk), "cs/dpa/AFP".
SIGNATURE_CODES: dict[str, str] = {
    "DP": "dpa", "dpa": "dpa", "afp": "AFP", "AFP": "AFP", "rtr": "Reuters", "Reuters": "Reuters",
    "ap": "AP", "AP": "AP", "kna": "KNA", "KNA": "KNA", "epd": "epd", "dts": "dts", "sid": "SID",
    "SID": "SID", "apa": "APA", "APA": "APA", "sda": "SDA", "ddp": "ddp",
}
# Readable outlet names by host (without "www.") and by the spellings pages use for themselves.
OUTLETS_BY_HOST: dict[str, str] = {
    "t-online.de": "t-online", "spiegel.de": "Der Spiegel", "zeit.de": "Zeit Online",
    "faz.net": "FAZ", "sueddeutsche.de": "Süddeutsche Zeitung", "welt.de": "Welt",
    "tagesschau.de": "tagesschau", "zdf.de": "ZDF", "zdfheute.de": "ZDFheute", "n-tv.de": "n-tv",
    "focus.de": "Focus", "stern.de": "Stern", "bild.de": "Bild", "handelsblatt.com": "Handelsblatt",
    "taz.de": "taz", "tagesspiegel.de": "Tagesspiegel", "fr.de": "Frankfurter Rundschau",
    "merkur.de": "Merkur", "rnd.de": "RND", "deutschlandfunk.de": "Deutschlandfunk",
    "br.de": "BR", "ndr.de": "NDR", "wdr.de": "WDR", "mdr.de": "MDR", "swr.de": "SWR",
    "dw.com": "DW", "nzz.ch": "NZZ", "derstandard.at": "Der Standard", "orf.at": "ORF",
    "diepresse.com": "Die Presse", "srf.ch": "SRF", "heise.de": "heise online",
    "it-boltwise.de": "IT BOLTWISE", "finanzen.net": "finanzen.net", "boerse.de": "boerse.de",
    "de.wikinews.org": "Wikinews", "en.wikinews.org": "Wikinews", "reuters.com": "Reuters",
    "apnews.com": "AP", "bbc.com": "BBC", "bbc.co.uk": "BBC", "theguardian.com": "The Guardian",
    "nytimes.com": "The New York Times", "washingtonpost.com": "The Washington Post",
    "cnn.com": "CNN", "aljazeera.com": "Al Jazeera", "kyivindependent.com": "Kyiv Independent",
}
OUTLET_ALIASES: dict[str, str] = {
    "t-online": "t-online", "t-online.de": "t-online", "spiegel": "Der Spiegel",
    "der spiegel": "Der Spiegel", "spiegel online": "Der Spiegel", "zeit online": "Zeit Online",
    "die zeit": "Zeit Online", "faz": "FAZ", "faz.net": "FAZ", "sz": "Süddeutsche Zeitung",
    "süddeutsche zeitung": "Süddeutsche Zeitung", "welt": "Welt", "die welt": "Welt",
    "tagesschau": "tagesschau", "tagesschau.de": "tagesschau", "zdf": "ZDF", "zdfheute": "ZDFheute",
    "n-tv": "n-tv", "ntv": "n-tv", "n-tv.de": "n-tv", "focus": "Focus", "focus online": "Focus",
    "stern": "Stern", "bild": "Bild", "handelsblatt": "Handelsblatt", "taz": "taz",
    "tagesspiegel": "Tagesspiegel", "der tagesspiegel": "Tagesspiegel", "rnd": "RND",
    "deutschlandfunk": "Deutschlandfunk", "dw": "DW", "deutsche welle": "DW", "nzz": "NZZ",
    "der standard": "Der Standard", "orf": "ORF", "heise online": "heise online",
    "it boltwise": "IT BOLTWISE", "it boltwise®": "IT BOLTWISE", "wikinews": "Wikinews",
    "bbc": "BBC", "bbc news": "BBC", "the guardian": "The Guardian",
}
GERMAN_TLDS = (".de", ".at", ".ch")


def agency_name(text: str) -> str | None:
    """The canonical name of a news agency, or ``None``: ``"DPA-AFX"`` -> ``"dpa-AFX"``."""
    return AGENCIES.get(" ".join(text.split()).strip(" .").lower())


def _outlet_alias(text: str) -> str | None:
    return OUTLET_ALIASES.get(" ".join(text.split()).strip(" .").lower())


def outlet_from_url(url: str | None) -> str | None:
    """The outlet a URL belongs to: a readable name for known hosts, else the bare host."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    if not host:
        return None
    host = host.removeprefix("www.").removeprefix("m.").removeprefix("amp.")
    parts = host.split(".")
    for i in range(len(parts) - 1):  # news.example.de -> example.de
        name = OUTLETS_BY_HOST.get(".".join(parts[i:]))
        if name:
            return name
    return host


def outlet_name(*candidates: str | None) -> str | None:
    """The first candidate, mapped to a readable name where it is a known outlet spelling."""
    for candidate in candidates:
        if candidate and candidate.strip():
            name = " ".join(candidate.split())
            return _outlet_alias(name) or name
    return None


def is_german_outlet(outlet: str | None, url: str | None) -> bool:
    if url and (urlsplit(url).hostname or "").endswith(GERMAN_TLDS):
        return True
    return outlet is not None and outlet in OUTLETS_BY_HOST.values() and outlet not in (
        "Reuters", "AP", "BBC", "The Guardian", "The New York Times", "The Washington Post",
        "CNN", "Al Jazeera", "Kyiv Independent",
    )


# --------------------------------------------------------------------------- language

_DE_STOPWORDS = frozenset(
    "der die und den von zu das mit sich des auf für ist im dem nicht ein eine als auch es "
    "werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so "
    "zum haben nur oder aber vor zur bis mehr durch man sein wurde sei hatte kann gegen vom "
    "wenn seit habe soll zwischen unter wir ich sagte hatten wurden keine diese dieser".split()
)
_EN_STOPWORDS = frozenset(
    "the and of to a is that for it on was with as he be at by this had not are but from or "
    "have they which you were her she there been his has their said would who its also after "
    "than more about when into could them only over what".split()
)
_WORD = re.compile(r"[a-zäöüß]+")


def detect_language(text: str) -> str | None:
    """``"de"``, ``"en"`` or ``None`` by the share of each language's stopwords in the text."""
    words = _WORD.findall(text[:LANGUAGE_SAMPLE_CHARS].lower())
    if len(words) < 5:
        return None
    german = sum(1 for word in words if word in _DE_STOPWORDS)
    english = sum(1 for word in words if word in _EN_STOPWORDS)
    (best, score), other = (("de", german), english) if german >= english else (
        ("en", english), german)
    if score >= MIN_STOPWORD_RATIO * len(words):
        return best
    return best if score >= LANGUAGE_MIN_HITS and score >= LANGUAGE_MIN_LEAD * other else None


def normalise_language(code: str | None) -> str | None:
    """``"de-DE"``, ``"deu"``, ``"German"`` -> ``"de"``; unknown codes keep their first part."""
    if not code or not code.strip():
        return None
    head = re.split(r"[-_]", code.strip().lower())[0]
    return {"deu": "de", "ger": "de", "german": "de", "deutsch": "de", "eng": "en",
            "english": "en"}.get(head, head)


# --------------------------------------------------------------------------- header


@dataclass(frozen=True, slots=True)
class Header:
    """What the top of an article says about it."""

    title: str | None = None
    kicker: str | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None  # an outlet named in the byline ("Von t-online")
    agencies: tuple[str, ...] = ()  # an agency named in the byline ("Von dpa")
    published: Stamp | None = None
    updated: Stamp | None = None
    reading_minutes: int | None = None


_KICKER = re.compile(
    r"^(?P<kicker>(?:News-?blog|Live-?blog|Live-?Ticker|Liveticker|News-?ticker|Ticker)"
    r"(?:\s*:|\s+(?:zu[mr]?|zu den|über|on|zum Thema)\s+(?:(?:dem|der|den)\s+)?[\w-]+\s*:?))"
    r"\s+(?=\S)",
    re.IGNORECASE,
)


def split_kicker(title: str) -> tuple[str | None, str]:
    """``"Newsblog zum Ukraine-Krieg Delegationen ..."`` -> ``("Newsblog zum Ukraine-Krieg",
    "Delegationen ...")``; titles without a live-blog kicker come back whole."""
    match = _KICKER.match(title)
    if not match or len(title) - match.end() < 10:
        return None, title
    return match["kicker"].rstrip(" :"), title[match.end():]


_BYLINE_START = re.compile(
    r"(?:Von|VON|By|BY|Ein (?:Gastbeitrag|Kommentar|Bericht|Interview) von"
    r"|Eine (?:Analyse|Reportage|Kolumne) von)\s+"
)
_STAMP_KEYWORDS = (
    r"Zuletzt aktualisiert|Aktualisiert|Veröffentlicht|Erstellt|Erschienen|Stand|Update"
    r"|Last updated|Updated|Published|Erstveröffentlichung"
)
_NAMES_END = re.compile(
    rf"\s+(?=(?:{_STAMP_KEYWORDS}|Lesedauer|Lesezeit|Reading time)\b|\d)|\s*[|·•]\s*|\s*$"
)
_NAME_SPLIT = re.compile(r"\s*,\s*|\s+(?:und|and|&)\s+")
_PERSON = re.compile(
    r"[A-ZÄÖÜ][\w'’.-]*(?:\s(?:(?:von|van|de|der|den|zu|di|da|del|la|le|ten|ter|al|el|bin)\s)?"
    r"[A-ZÄÖÜ][\w'’.-]*){0,4}"
)
_WEEKDAY = (
    r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag|Mo|Di|Mi|Do|Fr"
    r"|Sa|So|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat"
    r"|Sun)\.?,?\s+"
)
_STAMP_PART = re.compile(
    rf"\s*(?:(?P<kw>{_STAMP_KEYWORDS})\s*(?:am|vom|on|um)?\s*:?\s*)?(?:{_WEEKDAY})?"
    + DATE_PATTERN
    + TIME_PATTERN,
    re.IGNORECASE,
)
_READING_PART = re.compile(
    r"\s*(?:(?:Lesedauer|Lesezeit|Reading time)\s*:?\s*(?:ca\.\s*)?(?P<n>\d+)\s*"
    r"(?:Minuten|Min\.?|minutes?|min\.?)|(?P<n2>\d+)\s*(?:Minuten|Min\.?|min)\.?\s*"
    r"(?:Lesezeit|Lesedauer|read))",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"\s*[|·•,–-]\s*|\s+")
_UPDATED_KEYWORDS = ("aktualisiert", "stand", "update", "last updated", "updated")


@dataclass(slots=True)
class _HeaderLine:
    authors: list[str]
    outlet: str | None = None
    agencies: tuple[str, ...] = ()
    published: Stamp | None = None
    updated: Stamp | None = None
    reading_minutes: int | None = None


def _byline_names(names: str) -> _HeaderLine | None:
    line = _HeaderLine(authors=[])
    agencies: list[str] = []
    for name in _NAME_SPLIT.split(names.strip()):
        if not name:
            continue
        if agency := agency_name(name):
            agencies.append(agency)
        elif outlet := _outlet_alias(name):
            line.outlet = line.outlet or outlet
        elif _PERSON.fullmatch(name):
            line.authors.append(name)
        else:
            return None
    line.agencies = tuple(agencies)
    return line


def parse_header_line(text: str, *, zone: tzinfo | None = BERLIN) -> _HeaderLine | None:
    """Read a byline / stamp / reading-time line; ``None`` unless all of it is understood."""
    pos = 0
    line = _HeaderLine(authors=[])
    start = _BYLINE_START.match(text)
    if start:
        end = _NAMES_END.search(text, start.end())
        assert end is not None  # the pattern can always match at the end of the text
        named = _byline_names(text[start.end(): end.start()])
        if named is None:
            return None
        line = named
        pos = end.start()
    recognised = start is not None
    while pos < len(text):
        if match := _READING_PART.match(text, pos):
            line.reading_minutes = int(match["n"] or match["n2"])
        elif match := _STAMP_PART.match(text, pos):
            stamp = stamp_from_match(match, zone=zone)
            if stamp is None:
                return None
            keyword = (match["kw"] or "").lower()
            if keyword in _UPDATED_KEYWORDS:
                line.updated = line.updated or stamp
            else:
                line.published = line.published or stamp
        elif match := _SEPARATOR.match(text, pos):
            pass
        else:
            return None
        if match.end() == pos:
            return None
        if match.re is not _SEPARATOR:
            recognised = True
        pos = match.end()
    return line if recognised else None


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def read_header(paragraphs: Sequence[str], *, raw_title: str | None = None,
                zone: tzinfo | None = BERLIN) -> tuple[Header, list[str]]:
    """The title, byline, stamps and reading time at the top; the paragraphs without them.

    The title line is taken out of the body when it repeats ``raw_title`` or, without one, when
    the first paragraph is headline-like and more text follows. The kicker of a live-blog title
    ("Newsblog zum Ukraine-Krieg") is split off into ``Header.kicker``.
    """
    rest = list(paragraphs)
    title: str | None = None
    if rest:
        first = rest[0]
        if raw_title and (_same(first, raw_title) or _same(split_kicker(first)[1], raw_title)
                          or first.endswith(raw_title.strip())):
            title = first
            rest.pop(0)
        elif (not raw_title and len(rest) > 1 and looks_like_headline(first, TITLE_MAX_CHARS)
              and parse_header_line(first, zone=zone) is None):
            title = first
            rest.pop(0)
    if raw_title and raw_title.strip():
        title = " ".join(raw_title.split())
    kicker = None
    if title:
        kicker, title = split_kicker(title)

    authors: list[str] = []
    outlet = None
    agencies: list[str] = []
    published = updated = None
    reading = None
    kept: list[str] = []
    for index, paragraph in enumerate(rest):
        line = parse_header_line(paragraph, zone=zone) if index < HEADER_SCAN_PARAGRAPHS else None
        if line is None:
            kept.append(paragraph)
            continue
        authors.extend(a for a in line.authors if a not in authors)
        outlet = outlet or line.outlet
        agencies.extend(a for a in line.agencies if a not in agencies)
        published = published or line.published
        updated = updated or line.updated
        reading = reading or line.reading_minutes
    header = Header(title, kicker, tuple(authors), outlet, tuple(agencies), published, updated,
                    reading)
    return header, kept


# --------------------------------------------------------------------------- credits


@dataclass(frozen=True, slots=True)
class Credits:
    """Agency credits, dateline and signature, as the article states them."""

    dateline: str | None = None
    dateline_credit: str | None = None  # the bracket of the dateline: "dpa-AFX", "IT BOLTWISE"
    outlet: str | None = None  # a non-agency name in the dateline bracket
    agencies: tuple[str, ...] = ()
    signature: str | None = None  # "/hme/DP/zb"
    services: tuple[str, ...] = ()  # regional agency services: "lno" in "(dpa/lno)"


_PLACE_WORD = r"[A-ZÄÖÜ][\w.'’-]*"
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE_WORD}(?:(?:\s?[/,]\s?|\s){_PLACE_WORD}){{0,4}})\s*"
    r"\((?P<credit>[^()]{1,40})\)\s*(?:[-–—:]\s+|(?=[A-ZÄÖÜ\"„]))"
)
# A dateline without a credit bracket ("ISTANBUL/KYJIW – Die dritte Runde ..."): only in capitals,
# so that an ordinary opening like "Berlin - das ist ..." is never taken for one.
_BARE_DATELINE = re.compile(
    r"^(?P<place>[A-ZÄÖÜ]{2,}\.?(?:(?:\s?/\s?|\s|-)[A-ZÄÖÜ]{2,}\.?){0,4})\s+[–—-]\s+(?=[A-ZÄÖÜ\"„])"
)
_SIGNATURE = re.compile(
    r"(?:^|(?<=[.!?\"“”)]))\s*(?P<sig>/?[A-Za-z]{1,5}(?:/[A-Za-z]{1,5}){1,5})\s*$"
)
_MATERIAL = re.compile(
    r"(?:^|(?<=[.!?\"“”)] ))\(?\s*(?:[Mm]it|[Uu]nter Verwendung von|With|Additional reporting by)"
    r"(?: (?:Material|Informationen|Agenturmaterial|Inhalten|material|reporting))?"
    r"(?: (?:von|der|den|from))?(?: (?:den |der )?(?:Nachrichten)?[Aa]genturen?)?"
    r"\s+(?P<list>[^.()]{1,80}?)\s*\)?\.?\s*$"
)
_SOURCE_LINE = re.compile(
    r"^\(?(?:Quellen?|Sources?|Agenturen|Material|Mit Material)\s*:\s*(?P<list>[^.()]{1,80}?)"
    r"\)?\.?$"
)
_BRACKET_TAIL = re.compile(r"(?:^|(?<=[.!?\"“”] ))\((?P<list>[^()]{1,40})\)\s*$")
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|Copyright)\s*(?P<list>[\w -]{2,40})", re.IGNORECASE)


def _agency_list(text: str) -> tuple[str, ...] | None:
    """Agencies in "dpa und AFP", "dpa/AFP", "dpa, Reuters"; ``None`` unless all are agencies."""
    found: list[str] = []
    for part in re.split(r"\s*(?:,|/|\bund\b|\band\b|&)\s*", text.strip()):
        if not part:
            continue
        agency = agency_name(part)
        if agency is None:
            return None
        if agency not in found:
            found.append(agency)
    return tuple(found) or None


def _read_dateline(paragraph: str) -> tuple[Credits, str] | None:
    match = _DATELINE.match(paragraph)
    if match is None:
        bare = _BARE_DATELINE.match(paragraph)
        if bare is None or len(bare["place"]) > DATELINE_MAX_PLACE_CHARS:
            return None
        place = " ".join(bare["place"].split())
        return Credits(place, None, None, (), None, ()), paragraph[bare.end():]
    if len(match["place"]) > DATELINE_MAX_PLACE_CHARS:
        return None
    place = " ".join(match["place"].split())
    credit = " ".join(match["credit"].split())
    agencies: list[str] = []
    services: list[str] = []
    outlet = None
    for part in re.split(r"\s*[/,]\s*", credit):
        if agency := agency_name(part):
            agencies.append(agency)
        elif re.fullmatch(r"[a-z]{2,4}", part) and agencies:
            services.append(part)  # dpa regional service: "(dpa/lno)"
        elif part and not outlet:
            outlet = outlet_name(part)
        else:
            return None
    # A mixed-case "place" is only a dateline when the bracket names a known agency or outlet,
    # so that "Die Linke (Berlin) - ..." style openings are left alone.
    if not place.isupper() and not agencies and _outlet_alias(credit) is None:
        return None
    credits = Credits(place, credit, outlet, tuple(agencies), None, tuple(services))
    return credits, paragraph[match.end():]


def read_credits(paragraphs: Sequence[str],
                 removed: Sequence[tuple[str, str]] = ()) -> tuple[Credits, list[str]]:
    """Dateline, agency credits and signature; the paragraphs with those parts taken out.

    ``removed`` is what boilerplate removal took out (rule name, text): a copyright line such
    as "© dpa-infocom" there still credits its agency.
    """
    body = list(paragraphs)
    dateline = credit = outlet = signature = None
    agencies: list[str] = []
    services: tuple[str, ...] = ()
    for index in range(min(2, len(body))):
        found = _read_dateline(body[index])
        if found:
            credits, rest = found
            dateline, credit, outlet, services = (
                credits.dateline, credits.dateline_credit, credits.outlet, credits.services)
            agencies.extend(credits.agencies)
            body[index] = rest
            break

    tail_agencies: list[str] = []
    first_tail = max(0, len(body) - CREDIT_SCAN_PARAGRAPHS)
    for index in range(len(body) - 1, first_tail - 1, -1):
        paragraph = body[index]
        changed = True
        while changed and paragraph:
            changed = False
            match = _SIGNATURE.search(paragraph)
            if match:
                codes = [code for code in match["sig"].strip("/").split("/")]
                named = [SIGNATURE_CODES[c] for c in codes if c in SIGNATURE_CODES]
                if named or match["sig"].startswith("/"):
                    signature = signature or match["sig"]
                    tail_agencies.extend(named)
                    paragraph = paragraph[: match.start()].rstrip()
                    changed = True
                    continue
            for pattern in (_MATERIAL, _SOURCE_LINE, _BRACKET_TAIL):
                match = pattern.search(paragraph)
                named_list = _agency_list(match["list"]) if match else None
                if match and named_list:
                    tail_agencies.extend(named_list)
                    paragraph = paragraph[: match.start()].rstrip()
                    changed = True
                    break
        body[index] = paragraph
    for rule, text in removed:
        match = _COPYRIGHT.match(text) if rule == "copyright-line" else None
        if match and (agency := agency_name(match["list"].split(",")[0])):
            tail_agencies.append(agency)
    for agency in tail_agencies:
        if agency not in agencies:
            agencies.append(agency)
    kept = [paragraph for paragraph in body if paragraph]
    return Credits(dateline, credit, outlet, tuple(agencies), signature, services), kept


# --------------------------------------------------------------------------- title hints

_FURNITURE_TITLE = re.compile(
    r"(?:zum Artikel|Beiträge wie|on the article)\s+[\"„“»]"
    r"(?P<title>[^\"“”«»]{5,200})[\"“”«]"
)


def title_from_furniture(removed: Sequence[tuple[str, str]]) -> str | None:
    """A title that page furniture quotes ('Kommentar zum Artikel "..."'), for untitled text."""
    for _, text in removed:
        match = _FURNITURE_TITLE.search(text)
        if match:
            return match["title"].strip()
    return None
