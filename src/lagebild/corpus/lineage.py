"""Lineage: which documents (and live-blog entries) are copies or rewrites of which.

Owns the ``lineage`` corpus records and the lineage stage of the corpus pass. Four kinds:

* ``duplicate``: the same words (a hash of the text's words, so spacing, case and punctuation
  do not matter);
* ``near-duplicate``: MinHash over word shingles says most shingles are shared (an agency
  report with a changed paragraph); candidates come from LSH buckets persisted in the store;
* ``rewrite``: another outlet's reworded version, found by **sentence alignment**: which
  sentences of one text restate which of the other (lemma-set containment plus a rapidfuzz
  token ratio). Candidates come from an index of each document's rare lemmas by day;
* ``shared-source``: two outlets that both rewrote the same agency report (both credit the
  same agency, neither is the agency's own report, or both derive from one stored source).

Direction (``document_id`` derived from ``derived_from``): an agency's own report is the
source of a non-agency text; otherwise the earlier publication is; ties fall to the smaller id.
Segment-level records (``segment_id`` / ``derived_from_segment``) say which live-blog entry
restates which report. :func:`compare` is the pure heart; :func:`update_store` is the stage;
:func:`independent_sources` tells later stages which documents count once.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from lagebild.corpus import terms as lex
from lagebild.corpus.index import DocumentTerms, MinHashBands, TermStats, band_keys
from lagebild.model import Document, Lineage, Segment, Sentence, stable_id

# --------------------------------------------------------------------------- tuned constants
# Tuned on: the seed pair 002 (IT BOLTWISE) / 004 (dpa-AFX), generated rewrites of 300
# Wikinews articles from spkatt2023-news/train (sentence reordering, synonym swaps, shortened
# copies; see bench/bench_lineage.py) and, as negatives, all pairs of Wikinews articles that
# report the same story (tests/golden/stories_gold.json) and the other seeds against each other.

SHINGLE_SIZE = 4  # word 4-grams: short enough to survive a changed word, long enough to be rare
NUM_PERM = 64  # MinHash permutations; 16 bands x 4 rows put the LSH threshold near Jaccard 0.5
LSH_BANDS, LSH_ROWS = 16, 4
NEAR_DUPLICATE_JACCARD = 0.6  # estimated shingle Jaccard above which a text is a near-copy
RARE_TERMS = 14  # rare lemmas indexed per document (rewrite candidates)
SEGMENT_RARE_TERMS = 6  # ... and per live-blog entry, so one copied entry is found too
CANDIDATE_MIN_SHARED = 3  # a candidate shares at least this many of those rare lemmas
CANDIDATE_LIMIT = 12  # compared candidates per document (by shared rare lemmas)
WINDOW_DAYS = 10  # copies and rewrites appear within days of their source
# Duplicates and near-duplicates are looked for within a year: a syndicated text reprinted
# months later is still found, while the candidate lists stop growing with the archive
# (bench/bench_stories.py growth: the same articles recurring across the years).
DUPLICATE_WINDOW_DAYS = 365
DUPLICATE_LIMIT = 2 * CANDIDATE_LIMIT  # identical texts considered (all compare alike)
MIN_SENTENCE_LEMMAS = 3  # shorter sentences ("Lesen Sie hier mehr.") never align
ALIGN_MIN_SHARED = 4  # an aligned sentence pair shares at least four content lemmas
SOURCE_REUSE = 2  # a source sentence may be restated by two derived ones (a split sentence)
ALIGN_THRESHOLD = 0.55  # 0.5 * containment + 0.5 * fuzzy token-set ratio of the lemma sets
REWRITE_MIN_SHARE = 0.4  # share of the derived text's sentences restating the source
REWRITE_MIN_SENTENCES = 3
SEGMENT_MIN_SHARE = 0.5  # share of a live-blog entry's sentences restating the source
SEGMENT_MIN_SENTENCES = 2

# Agencies whose reports others copy. Lower case; "dpa-AFX" and "dpa" are distinct credits.
KNOWN_AGENCIES = frozenset(
    """dpa dpa-afx afp reuters ap kna epd apa sda keystone-sda dts ddp dapd sid bloomberg
    interfax tass ria ria-novosti ansa efe xinhua ukrinform anadolu ots""".split()
)
# "KIEW (dpa-AFX) - ..." or "Berlin (AFP) –": a dateline credit at the start of the text.
_DATELINE = re.compile(r"^\s*[A-ZÄÖÜ][\w .,/'-]{1,60}?\s*\(([^()]{2,40})\)\s*[-–—]")


# --------------------------------------------------------------------------- profiles


@dataclass(frozen=True, slots=True)
class Profile:
    """What lineage compares of one document: its sentences as lemma sets, and its credits."""

    document_id: str
    published: str | None
    day: int | None
    agency_report: bool
    credits: tuple[str, ...]
    text_hash: str
    signature: tuple[int, ...]
    sentences: tuple[tuple[int, int], ...]
    segments: tuple[str | None, ...]  # segment id of each sentence where the document has several
    lemmas: tuple[tuple[str, ...], ...]  # sorted distinct content lemmas of each sentence

    def to_json(self) -> str:
        return json.dumps([self.document_id, self.published, self.day, self.agency_report,
                           self.credits, self.text_hash, self.signature, self.sentences,
                           self.segments, self.lemmas], ensure_ascii=False, separators=(",", ":"))

    @staticmethod
    def from_json(data: str) -> "Profile":
        v = json.loads(data)
        return Profile(v[0], v[1], v[2], v[3], tuple(v[4]), v[5], tuple(v[6]),
                       tuple(tuple(s) for s in v[7]), tuple(v[8]),
                       tuple(tuple(x) for x in v[9]))


def credits(document: Document) -> tuple[bool, tuple[str, ...]]:
    """(is this the agency's own report?, the agencies credited), from metadata and dateline."""
    named = {a.lower() for a in document.agency}
    own = bool(document.outlet and document.outlet.lower() in KNOWN_AGENCIES)
    match = _DATELINE.match(document.text[:200])
    if match:
        credit = {c.strip().lower() for c in re.split(r"[/,]", match.group(1))}
        if credit & KNOWN_AGENCIES:
            named |= credit & KNOWN_AGENCIES
            own = True  # the text opens with the agency's dateline: the report as the agency sent it
    elif document.dateline and named & KNOWN_AGENCIES:
        own = True
    return own, tuple(sorted(named & KNOWN_AGENCIES))


def _minhash(text: str) -> tuple[int, ...]:
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM, seed=1)
    grams = lex.shingles(text, SHINGLE_SIZE)
    if grams:
        mh.update_batch([g.encode("utf-8") for g in sorted(grams)])
    return tuple(int(x) for x in mh.hashvalues)


def profile(document: Document, segments: Sequence[Segment] = (),
            sentences: Sequence[Sentence] = ()) -> Profile:
    """A document prepared for comparison (pure)."""
    text = document.text
    spans: list[tuple[int, int]]
    owners: list[str | None]
    multi = len(segments) > 1
    if sentences:
        spans = [(s.start, s.end) for s in sentences]
        owners = [s.segment_id if multi else None for s in sentences]
        if multi and any(o is None for o in owners):
            owners = [_owner(segments, s) for s in spans]
    else:
        spans, owners = [], []
        for seg in segments or [Segment("", document.id, 0, "article", 0, len(text))]:
            for span in lex.split_sentences(text, seg.start, seg.end):
                spans.append(span)
                owners.append(seg.id if multi else None)
    lemma_sets = tuple(tuple(sorted(set(lex.content_lemmas(text[a:b])))) for a, b in spans)
    own, named = credits(document)
    published = lex.best_date(document.published, document.updated)
    day = lex.day_number(published)
    return Profile(
        document_id=document.id, published=published,
        day=None if day is None else int(math.floor(day)), agency_report=own, credits=named,
        text_hash=lex.normalised_hash(text), signature=_minhash(text), sentences=tuple(spans),
        segments=tuple(owners), lemmas=lemma_sets,
    )


def _owner(segments: Sequence[Segment], span: tuple[int, int]) -> str | None:
    for seg in segments:
        if seg.start <= span[0] < seg.end:
            return seg.id
    return None


# --------------------------------------------------------------------------- alignment


def sentence_similarity(a: Sequence[str], b: Sequence[str], shared: int) -> float:
    """How far two sentences' lemma sets say the same: containment and a fuzzy set ratio."""
    containment = shared / min(len(a), len(b))
    fuzzy = fuzz.token_set_ratio(" ".join(a), " ".join(b)) / 100.0
    return 0.5 * containment + 0.5 * fuzzy


def align(derived: Profile, source: Profile) -> list[tuple[int, int, float]]:
    """Aligned pairs (derived sentence, source sentence, similarity), one-to-one, best first.

    Greedy by similarity. Each derived sentence aligns once and each source sentence at most
    ``SOURCE_REUSE`` times (rewrites split long agency sentences in two), which keeps two texts
    that merely share their names and places below the bar.
    """
    inverted: dict[str, list[int]] = defaultdict(list)
    for j, lemmas in enumerate(source.lemmas):
        if len(lemmas) >= MIN_SENTENCE_LEMMAS:
            for t in lemmas:
                inverted[t].append(j)
    scored: list[tuple[float, int, int]] = []
    for i, lemmas in enumerate(derived.lemmas):
        if len(lemmas) < MIN_SENTENCE_LEMMAS:
            continue
        shared = Counter(j for t in lemmas for j in inverted.get(t, ()))
        for j, n in shared.items():
            if n < ALIGN_MIN_SHARED:
                continue
            score = sentence_similarity(lemmas, source.lemmas[j], n)
            if score >= ALIGN_THRESHOLD:
                scored.append((-score, i, j))
    scored.sort()
    used_i: set[int] = set()
    used_j: Counter[int] = Counter()
    pairs: list[tuple[int, int, float]] = []
    for neg, i, j in scored:
        if i not in used_i and used_j[j] < SOURCE_REUSE:
            used_i.add(i)
            used_j[j] += 1
            pairs.append((i, j, round(-neg, 3)))
    return sorted(pairs)


def merge_spans(pairs: Sequence[tuple[int, int, float]], derived: Profile,
                source: Profile) -> tuple[tuple[tuple[int, int], tuple[int, int]], ...]:
    """Aligned sentence pairs as character spans, runs of consecutive pairs merged."""
    runs: list[list[int]] = []  # [i0, i1, j0, j1]
    for i, j, _ in sorted(pairs):
        if runs and runs[-1][1] == i - 1 and runs[-1][3] == j - 1:
            runs[-1][1], runs[-1][3] = i, j
        else:
            runs.append([i, i, j, j])
    return tuple(
        ((derived.sentences[i0][0], derived.sentences[i1][1]),
         (source.sentences[j0][0], source.sentences[j1][1]))
        for i0, i1, j0, j1 in runs
    )


def direction(a: Profile, b: Profile) -> tuple[Profile, Profile]:
    """(derived, source): the agency's own report is the source, else the earlier text."""
    if a.agency_report != b.agency_report:
        return (b, a) if a.agency_report else (a, b)
    if a.published and b.published:
        ta, tb = lex.day_number(a.published), lex.day_number(b.published)
        if ta is not None and tb is not None and ta != tb:
            return (b, a) if ta < tb else (a, b)
    return (b, a) if a.document_id < b.document_id else (a, b)


def jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    """MinHash estimate of the shingle Jaccard similarity of two texts."""
    if not a or len(a) != len(b):
        return 0.0
    return float(np.mean(np.asarray(a) == np.asarray(b)))


def _eligible(p: Profile, segment: str | None = None) -> list[int]:
    return [i for i, l in enumerate(p.lemmas)
            if len(l) >= MIN_SENTENCE_LEMMAS and (segment is None or p.segments[i] == segment)]


def _majority(owners: Iterable[str | None]) -> str | None:
    counts = Counter(o for o in owners if o is not None)
    return min(counts, key=lambda o: (-counts[o], o)) if counts else None


def _qualifies(derived: Profile, segment_id: str, seg_pairs: Sequence) -> bool:
    eligible = len(_eligible(derived, segment_id))
    return len(seg_pairs) >= min(SEGMENT_MIN_SENTENCES, eligible) and len(seg_pairs) >= SEGMENT_MIN_SHARE * eligible


def _whole(derived: Profile, pairs: Sequence[tuple[int, int, float]]) -> bool:
    """A text of several entries is a copy as a whole only if each of its entries is."""
    owners = {o for o in derived.segments if o is not None}
    if not owners:
        return True
    for owner in owners:
        if _eligible(derived, owner) and not _qualifies(
                derived, owner, [p for p in pairs if derived.segments[p[0]] == owner]):
            return False
    return True


def compare(a: Profile, b: Profile) -> list[Lineage]:
    """The lineage records between two documents (pure; empty when they are independent)."""
    derived, source = direction(a, b)
    pairs = align(derived, source)
    kind: str | None = None
    similarity = 0.0
    eligible = _eligible(derived)
    if derived.text_hash == source.text_hash:
        kind, similarity = "duplicate", 1.0
    else:
        estimate = jaccard(derived.signature, source.signature)
        if estimate >= NEAR_DUPLICATE_JACCARD:
            kind, similarity = "near-duplicate", estimate
        elif eligible and len(pairs) >= REWRITE_MIN_SENTENCES:
            share = len(pairs) / len(eligible)
            if share >= REWRITE_MIN_SHARE and _whole(derived, pairs):
                shared = set(derived.credits) & set(source.credits)
                independent = not derived.agency_report and not source.agency_report
                kind = "shared-source" if shared and independent else "rewrite"
                similarity = share
    if kind is not None:
        src_segment = _majority(source.segments[j] for _, j, _ in pairs)
        return [Lineage(
            id=stable_id("l", derived.document_id, source.document_id),
            document_id=derived.document_id, derived_from=source.document_id, kind=kind,  # type: ignore[arg-type]
            similarity=round(similarity, 3), aligned=merge_spans(pairs, derived, source),
            derived_from_segment=src_segment,
        )]
    # Not a copy as a whole: perhaps some live-blog entries restate the other text.
    records = []
    by_segment: dict[str, list[tuple[int, int, float]]] = defaultdict(list)
    for pair in pairs:
        owner = derived.segments[pair[0]]
        if owner is not None:
            by_segment[owner].append(pair)
    for segment_id in sorted(by_segment):
        seg_pairs = by_segment[segment_id]
        seg_eligible = _eligible(derived, segment_id)
        if len(seg_pairs) < SEGMENT_MIN_SENTENCES or not _qualifies(derived, segment_id, seg_pairs):
            continue
        src_segment = _majority(source.segments[j] for _, j, _ in seg_pairs)
        records.append(Lineage(
            id=stable_id("l", derived.document_id, source.document_id, segment_id, src_segment or ""),
            document_id=derived.document_id, derived_from=source.document_id, kind="rewrite",
            similarity=round(len(seg_pairs) / len(seg_eligible), 3),
            aligned=merge_spans(seg_pairs, derived, source),
            segment_id=segment_id, derived_from_segment=src_segment,
        ))
    return records


def mark_shared_sources(records: Sequence[Lineage],
                        sources_of: Mapping[str, set[str]]) -> list[Lineage]:
    """Two texts that both derive from one stored source are siblings, not copies of each other.

    ``sources_of[doc]`` are the documents ``doc`` is known to derive from (whole-text records).
    """
    from dataclasses import replace

    out = []
    for r in records:
        common = sources_of.get(r.document_id, set()) & sources_of.get(r.derived_from, set())
        if r.kind == "rewrite" and r.segment_id is None and common:
            r = replace(r, kind="shared-source")
        out.append(r)
    return out


def rare_terms(counts: Mapping[str, int], df: Mapping[str, int], n: int, k: int) -> list[str]:
    """The ``k`` lemmas that best tell this text apart: tf x idf, at least 4 letters long."""
    weights = {t: c * lex.idf(t, df.get(t, 0), n) for t, c in counts.items() if len(t) >= 4}
    return lex.top_terms(weights, k)


# --------------------------------------------------------------------------- the stage


def _changed_since_last_run(store, changed: Sequence[str], key: str) -> list[str]:
    """The changed ids plus any stored since this stage last finished (an interrupted run)."""
    last = store.get_state(key, 0)
    rows = store.db.execute(
        "SELECT rowid, document_id FROM changes WHERE rowid > ? ORDER BY rowid", (last,)
    ).fetchall()
    ids = list(dict.fromkeys([*changed, *(r[1] for r in rows)]))
    if rows:
        store.db.execute("INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)",
                         (key, json.dumps(rows[-1][0])))
    return ids


def _load_profiles(db, ids: Iterable[str]) -> dict[str, Profile]:
    ids = list(ids)
    out: dict[str, Profile] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for row in db.execute(f"SELECT data FROM lineage_docs WHERE document_id IN ({marks})", chunk):
            p = Profile.from_json(row[0])
            out[p.document_id] = p
    return out


def _forget(store, document_id: str) -> None:
    db = store.db
    row = db.execute("SELECT data FROM lineage_docs WHERE document_id=?", (document_id,)).fetchone()
    if row is None:
        return
    old = Profile.from_json(row[0])
    stats = TermStats(db, "documents")
    stats.add(_distinct_terms(old), sign=-1)
    MinHashBands(db).remove(document_id)
    DocumentTerms(db).remove(document_id)
    db.execute("DELETE FROM lineage WHERE id IN (SELECT id FROM lineage_edges "
               "WHERE document_id=? OR derived_from=?)", (document_id, document_id))
    db.execute("DELETE FROM lineage_edges WHERE document_id=? OR derived_from=?",
               (document_id, document_id))
    db.execute("DELETE FROM lineage_docs WHERE document_id=?", (document_id,))


def _distinct_terms(p: Profile) -> set[str]:
    return {t for lemmas in p.lemmas for t in lemmas}


def _term_counts(p: Profile, segment: str | None = None) -> Counter[str]:
    counts: Counter[str] = Counter()
    for lemmas, owner in zip(p.lemmas, p.segments):
        if segment is None or owner == segment:
            counts.update(lemmas)
    return counts


def _sources_of(db, ids: Iterable[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    ids = list(ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for doc, src in db.execute(
            f"SELECT document_id, derived_from FROM lineage_edges WHERE segment_id IS NULL "
            f"AND document_id IN ({marks})", chunk,
        ):
            out[doc].add(src)
    return out


def add_document(store, document: Document, segments: Sequence[Segment],
                 sentences: Sequence[Sentence]) -> list[Lineage]:
    """Index one document and record its lineage against what is stored (inside a transaction)."""
    db = store.db
    _forget(store, document.id)
    p = profile(document, segments, sentences)
    stats = TermStats(db, "documents")
    n = stats.count()
    counts = _term_counts(p)
    df = stats.df(counts)
    index_terms = rare_terms(counts, df, n, RARE_TERMS)
    queries = [index_terms]
    if len(segments) > 1:
        for seg in segments:
            seg_terms = rare_terms(_term_counts(p, seg.id), df, n, SEGMENT_RARE_TERMS)
            queries.append(seg_terms)
            index_terms = lex.unique([*index_terms, *seg_terms])
    keys = band_keys(np.asarray(p.signature, dtype=np.uint64), LSH_BANDS, LSH_ROWS)
    bands, postings = MinHashBands(db), DocumentTerms(db)

    found: dict[str, int] = {}
    if p.day is None:
        same = db.execute("SELECT document_id FROM lineage_docs WHERE text_hash=? "
                          "ORDER BY document_id LIMIT ?", (p.text_hash, DUPLICATE_LIMIT))
    else:
        same = db.execute("SELECT document_id FROM lineage_docs WHERE text_hash=? AND (day IS NULL "
                          "OR day BETWEEN ? AND ?) ORDER BY document_id LIMIT ?",
                          (p.text_hash, p.day - DUPLICATE_WINDOW_DAYS, p.day + DUPLICATE_WINDOW_DAYS,
                           DUPLICATE_LIMIT))
    for (other,) in same.fetchall():
        found[other] = 1000
    for other in bands.candidates(keys, CANDIDATE_LIMIT, p.day, DUPLICATE_WINDOW_DAYS):
        found.setdefault(other, 500)
    for query in queries:
        min_shared = min(CANDIDATE_MIN_SHARED, len(query))
        for other, shared in postings.candidates(query, p.day, WINDOW_DAYS, min_shared, CANDIDATE_LIMIT):
            found[other] = max(found.get(other, 0), shared)
    found.pop(document.id, None)
    chosen = sorted(found, key=lambda d: (-found[d], d))[: CANDIDATE_LIMIT * 2]

    records: list[Lineage] = []
    for other in _load_profiles(db, chosen).values():
        records.extend(compare(p, other))
    if records:
        involved = {r.document_id for r in records} | {r.derived_from for r in records}
        sources = _sources_of(db, involved)
        for r in records:
            if r.segment_id is None:
                sources[r.document_id].add(r.derived_from)
        records = mark_shared_sources(records, sources)
    records.sort(key=lambda r: r.id)

    db.execute("INSERT OR REPLACE INTO lineage_docs (document_id, day, text_hash, data) VALUES (?,?,?,?)",
               (document.id, p.day, p.text_hash, p.to_json()))
    bands.add(document.id, keys)
    postings.add(document.id, -1 if p.day is None else p.day, index_terms)
    stats.add(_distinct_terms(p))
    if records:
        from lagebild.store import codec

        db.executemany(
            "INSERT OR REPLACE INTO lineage_edges (id, document_id, derived_from, segment_id, "
            "derived_from_segment, kind) VALUES (?,?,?,?,?,?)",
            [(r.id, r.document_id, r.derived_from, r.segment_id, r.derived_from_segment, r.kind)
             for r in records],
        )
        db.executemany("INSERT OR REPLACE INTO lineage (id, data) VALUES (?,?)",
                       [(r.id, codec.dumps(r)) for r in records])
    return records


def update_store(store, changed: Sequence[str]) -> None:
    """The lineage stage: index changed documents and link them to their sources and copies."""
    from lagebild.errors import NotFound

    with store.transaction():
        ids = _changed_since_last_run(store, changed, "lineage.last_change")
        documents = []
        for document_id in ids:
            try:
                documents.append(store.document(document_id))
            except NotFound:  # removed since: forget it
                _forget(store, document_id)
        # Publication order, so that a batch gives the same result as one document at a time.
        documents.sort(key=lambda d: (d.published or d.updated or "9999", d.id))
        for document in documents:
            add_document(store, document, store.records("segments", document.id),
                         store.records("sentences", document.id))


# --------------------------------------------------------------------------- reading


def lineage_of(store, document_ids: Iterable[str]) -> list[Lineage]:
    """Lineage records touching these documents (either side), by id."""
    from lagebild.store import codec

    ids = list(dict.fromkeys(document_ids))
    found: dict[str, Lineage] = {}
    for i in range(0, len(ids), 400):
        chunk = ids[i : i + 400]
        marks = ",".join("?" * len(chunk))
        for (data,) in store.db.execute(
            f"SELECT l.data FROM lineage l JOIN lineage_edges e ON e.id = l.id "
            f"WHERE e.document_id IN ({marks}) OR e.derived_from IN ({marks})", (*chunk, *chunk),
        ):
            record = codec.loads(Lineage, data)
            found[record.id] = record
    return [found[k] for k in sorted(found)]


def independent_sources(store, document_ids: Sequence[str]) -> list[list[str]]:
    """The documents grouped so that copies and rewrites count once.

    Each group starts with its original (the document the others derive from), then its copies;
    groups are ordered by their first member's position in ``document_ids``. Only whole-text
    lineage joins documents, or a copied section of an article: a live blog with one copied entry
    is still its own source.
    """
    ids = list(dict.fromkeys(document_ids))
    wanted = set(ids)
    parent = {d: d for d in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    derived: set[str] = set()
    live_blogs: dict[str, bool] = {}

    def whole_text(record) -> bool:
        # A section of an article rewritten from a report makes the article a rewrite of it;
        # only a live blog stays its own source when one of its entries is copied.
        if record.segment_id is None:
            return True
        if record.document_id not in live_blogs:
            live_blogs[record.document_id] = bool(
                store.document(record.document_id).metadata.get("live_blog"))
        return not live_blogs[record.document_id]

    for record in lineage_of(store, ids):
        if record.document_id in wanted and record.derived_from in wanted and whole_text(record):
            parent[find(record.document_id)] = find(record.derived_from)
            derived.add(record.document_id)
    groups: dict[str, list[str]] = defaultdict(list)
    for d in ids:
        groups[find(d)].append(d)
    order = {d: i for i, d in enumerate(ids)}
    out = [sorted(g, key=lambda d: (d in derived, order[d])) for g in groups.values()]
    return sorted(out, key=lambda g: min(order[d] for d in g))
