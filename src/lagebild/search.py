"""Full-text search over segments: an SQLite FTS5 index of German word stems.

Owns the tables ``search_segments`` (FTS5, one row per segment holding the segment's search
terms) and ``search_rows`` (which segment and document each FTS row belongs to), created by
store migration 4. A search term is the stem (:func:`stem`) of the simplemma lemma of a word:
the lemma unifies irregular forms ("ging" -> "gehen"), the stem unifies what the lemma
dictionary does not know ("Gesprächsrunden" -> "gesprachsrund"). Queries go through the same
function, so "Gespräche" finds "Gespräch", "Gesprächen" and "gesprächs".

The index follows the store's ``changes`` log: :func:`sync` indexes every document added or
revised since the last sync (kept in the store state ``search_changes_rowid``), so it costs
nothing when nothing changed and is safe to call before every search.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from lagebild.errors import NotFound
from lagebild.model import Document, Segment

STATE_KEY = "search_changes_rowid"
MAX_QUERY_TERMS = 12  # a query is a handful of words; more is an abuse of the index
SNIPPET_CHARS = 220  # characters of context shown around the first hit in a result
# Counting and ranking every match costs time in proportion to the matches: a word in every
# other article of a 100,000-document store has ~50,000. Beyond this many, the total is given
# as a lower bound and results come newest-indexed first instead of by BM25 rank (in news,
# recency is what a reader of a very common word wants anyway). Tuned on bench/bench_serve.py.
COUNT_CAP = 1000
# Word forms whose search term is remembered per process: a snippet looks up every word of a
# segment, and news vocabulary repeats, so after a few searches nearly every lookup is a hit
# (a term costs ~10 µs to compute, a hit ~0.1 µs). ~300,000 entries take ~60 MB at most.
TERM_CACHE = 1 << 18

_WORD = re.compile(r"[^\W_][\w]*(?:[-'’][\w]+)*")
_VOWELS = set("aeiouyäöü")
_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
_S_ENDING = set("bdfghklmnrt")
_ST_ENDING = set("bdfghklmnt")


def _r1_r2(word: str) -> tuple[int, int]:
    """Snowball's regions: R1 starts after the first non-vowel following a vowel (at least at
    position 3 for German); R2 is the same rule applied again inside R1."""

    def region(start: int) -> int:
        for i in range(start + 1, len(word)):
            if word[i] not in _VOWELS and word[i - 1] in _VOWELS:
                return i + 1
        return len(word)

    r1 = region(0)
    r2 = region(r1)
    return max(r1, 3), r2


def stem(word: str) -> str:
    """A German stem after the Snowball German algorithm (steps 1-3, umlauts folded).

    Written here rather than imported so that search needs no further dependency; it is close
    to Snowball's output on regular nouns, adjectives and verbs, which is what search needs:
    the same stem for the inflected forms of one word.
    """
    w = word.lower().replace("ß", "ss")
    if len(w) <= 3 or not w.isalpha():
        return w.translate(_UMLAUTS)
    r1, r2 = _r1_r2(w)
    # step 1: inflectional endings
    for suffix in ("ern", "em", "er"):
        if w.endswith(suffix) and len(w) - len(suffix) >= r1:
            w = w[: -len(suffix)]
            break
    else:
        for suffix in ("en", "es", "e"):
            if w.endswith(suffix) and len(w) - len(suffix) >= r1:
                w = w[: -len(suffix)]
                if w.endswith("niss"):
                    w = w[:-1]
                break
        else:
            if w.endswith("s") and len(w) - 1 >= r1 and len(w) > 1 and w[-2] in _S_ENDING:
                w = w[:-1]
    # step 2: comparative and superlative endings
    for suffix in ("en", "er", "est"):
        if w.endswith(suffix) and len(w) - len(suffix) >= r1:
            w = w[: -len(suffix)]
            break
    else:
        if w.endswith("st") and len(w) - 2 >= r1 and len(w) > 5 and w[-3] in _ST_ENDING:
            w = w[:-2]
    # step 3: derivational endings, only inside R2
    for suffix in ("ungen", "ung", "heit", "keit", "lich", "isch", "end", "ig", "ik"):
        if w.endswith(suffix) and len(w) - len(suffix) >= r2 and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    return w.translate(_UMLAUTS)


@lru_cache(maxsize=TERM_CACHE)
def term(word: str) -> str:
    """The search term of a word form: the stem of its lemma (remembered: it is pure)."""
    from lagebild.corpus.terms import lemma

    return stem(lemma(word))


def terms(text: str) -> list[str]:
    """Search terms of a text, in order (repeats kept: FTS5 ranks by frequency). A hyphenated
    compound also gives its parts, so "Kreml" finds "Kreml-Sprecher"."""
    out = []
    for m in _WORD.finditer(text):
        word = m.group()
        out.append(term(word))
        if "-" in word:
            out.extend(term(part) for part in word.split("-") if part)
    return out


def fts_query(query: str) -> str | None:
    """The FTS5 MATCH expression for a user query: every term must occur (AND).

    Terms are quoted, so nothing a user types is read as FTS5 syntax. None when the query has
    no word at all.
    """
    unique = list(dict.fromkeys(terms(query)))[:MAX_QUERY_TERMS]
    if not unique:
        return None
    return " AND ".join('"' + t.replace('"', "") + '"' for t in unique)


# --------------------------------------------------------------------------- index


def index_document(store, document: Document, segments: Sequence[Segment]) -> None:
    """(Re)index the segments of one document; its earlier rows are removed first."""
    db = store.db
    with store.transaction():
        old = [r[0] for r in db.execute(
            "SELECT rowid FROM search_rows WHERE document_id=?", (document.id,))]
        if old:
            db.executemany("DELETE FROM search_segments WHERE rowid=?", [(r,) for r in old])
            db.execute("DELETE FROM search_rows WHERE document_id=?", (document.id,))
        for segment in segments:
            text = document.text[segment.start : segment.end]
            if segment.index == 0 and document.title and document.title not in text:
                text = document.title + "\n" + text
            cur = db.execute("INSERT INTO search_rows (segment_id, document_id) VALUES (?, ?)",
                             (segment.id, document.id))
            db.execute("INSERT INTO search_segments (rowid, terms) VALUES (?, ?)",
                       (cur.lastrowid, " ".join(terms(text))))


def sync(store) -> int:
    """Index every document added or revised since the last sync; returns how many."""
    last = int(store.get_state(STATE_KEY, 0) or 0)
    rows = store.db.execute(
        "SELECT rowid, document_id FROM changes WHERE rowid > ? ORDER BY rowid", (last,)
    ).fetchall()
    if not rows:
        return 0
    done: set[str] = set()
    for _, document_id in rows:
        if document_id in done:
            continue
        done.add(document_id)
        try:
            document = store.document(document_id)
        except NotFound:  # a document removed since: nothing to index
            continue
        index_document(store, document, store.records("segments", document_id))
    store.set_state(STATE_KEY, rows[-1][0])
    return len(done)


# --------------------------------------------------------------------------- query


@dataclass(frozen=True, slots=True)
class Hit:
    """One matching segment, with a snippet split into plain and matched pieces."""

    segment_id: str
    document_id: str
    title: str | None
    headline: str | None
    outlet: str | None
    published: str | None
    start: int
    end: int
    snippet: tuple[tuple[str, bool], ...]  # (text, is_match) pieces, in order


def snippet(text: str, wanted: Iterable[str], width: int = SNIPPET_CHARS) -> tuple[tuple[str, bool], ...]:
    """A window of ``text`` around its first word whose term is wanted, split into pieces."""
    wanted = set(wanted)
    # only the words up to the first match and those inside the window are looked up: a
    # segment can be thousands of words long, the window shows a few dozen
    first = next((m.start() for m in _WORD.finditer(text) if term(m.group()) in wanted), 0)
    lo = max(0, first - width // 3)
    if lo:
        space = text.find(" ", lo)
        lo = space + 1 if 0 <= space < first else lo
    hi = min(len(text), lo + width)
    if hi < len(text):
        space = text.rfind(" ", lo, hi)
        hi = space if space > first else hi
    matches = []
    for m in _WORD.finditer(text, lo):  # from the window's start, not the text's
        a, b = m.start(), m.end()
        if a >= hi:
            break
        if a == lo and lo and (text[lo - 1].isalnum() or text[lo - 1] == "_"):
            continue  # the tail of a word cut by the window's edge is no word of its own
        if b <= hi and term(m.group()) in wanted:
            matches.append((a, b))
    pieces: list[tuple[str, bool]] = [("… ", False)] if lo else []
    pos = lo
    for a, b in matches:
        if a > pos:
            pieces.append((text[pos:a], False))
        pieces.append((text[a:b], True))
        pos = b
    if pos < hi:
        pieces.append((text[pos:hi], False))
    if hi < len(text):
        pieces.append((" …", False))
    return tuple((" ".join(t.split("\n")), m) for t, m in pieces)


def search(store, query: str, *, limit: int = 20, offset: int = 0) -> tuple[list[Hit], int]:
    """Segments matching every word of ``query`` (in any inflected form), best first, and the
    total number of matches (``COUNT_CAP + 1`` means "more than COUNT_CAP")."""
    match = fts_query(query)
    if match is None:
        return [], 0
    sync(store)
    db = store.db
    # One pass over at most COUNT_CAP + 1 matches, newest indexed first, gives the total and,
    # for a common word, the page itself; only a rarer query is ranked (BM25) in a second.
    # (The alias "f" and "f.rank" are what the PostgreSQL store's FTS translation expects.)
    newest = [r[0] for r in db.execute(
        "SELECT f.rowid FROM search_segments f WHERE search_segments MATCH ? ORDER BY f.rowid DESC LIMIT ?",
        (match, COUNT_CAP + 1))]
    total = len(newest)
    if total <= COUNT_CAP:
        rowids = [r[0] for r in db.execute(
            "SELECT f.rowid FROM search_segments f WHERE search_segments MATCH ? ORDER BY f.rank "
            "LIMIT ? OFFSET ?", (match, limit, offset))] if total > offset else []
    elif offset + limit <= total:
        rowids = newest[offset : offset + limit]
    else:
        rowids = [r[0] for r in db.execute(
            "SELECT f.rowid FROM search_segments f WHERE search_segments MATCH ? ORDER BY f.rowid DESC "
            "LIMIT ? OFFSET ?", (match, limit, offset))]
    if not rowids:
        return [], total
    # One query for every hit's fields, cut out by SQLite (json_extract runs in C): decoding
    # each hit's whole document record in Python cost more than the search itself.
    marks = ",".join("?" * len(rowids))
    found = {row[0]: row[1:] for row in db.execute(
        # title and outlet from their columns (set with the record, never changed after); each
        # json_extract parses the whole record again (SQLite 3.40 keeps no parse)
        "SELECT r.rowid, r.segment_id, r.document_id, d.title, "
        "json_extract(s.data, '$.headline'), d.outlet, "
        "COALESCE(json_extract(s.data, '$.published'), json_extract(d.data, '$.published')), "
        "s.start, s.\"end\", json_extract(d.data, '$.text') "
        "FROM search_rows r JOIN segments s ON s.id = r.segment_id "
        f"JOIN documents d ON d.id = r.document_id WHERE r.rowid IN ({marks})", rowids)}
    wanted = set(terms(query))
    hits = []
    for rowid in rowids:
        if rowid not in found:  # a segment removed since it was indexed
            continue
        segment_id, document_id, title, headline, outlet, published, start, end, text = found[rowid]
        hits.append(Hit(segment_id, document_id, title, headline, outlet, published, start, end,
                        snippet((text or "")[start:end], wanted)))
    return hits, total
