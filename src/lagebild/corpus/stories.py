"""Stories: segments clustered incrementally into stories, and stories into storylines.

Owns the ``stories`` corpus records and the story stage of the corpus pass. The unit is the
**segment** (a whole article, or one live-blog entry), because a live blog touches five stories
in one page. Single pass, in publication order: each new segment joins the best existing story
or starts a new one. The score combines

* text similarity: cosine of the segment's TF-IDF vector over content lemmas (IDF from the
  corpus so far, kept incrementally in ``term_df``) with the story's centroid;
* shared entities: the IDF-weighted share of the segment's entities (resolved entity ids, else
  normal forms) the story already has;
* time: stories silent for more than :data:`STORY_GAP_DAYS` are closed; within the gap a
  linear penalty applies.

Candidates come only from indexes (:mod:`lagebild.corpus.index`): stories posted under the
segment's rarest lemmas and its entities, active within the time window; at most
:data:`CANDIDATE_LIMIT` are scored. So adding a segment costs the same at any corpus size.

Story ids derive from the first segment's id and never change as the story grows. A story's
``parent`` is its storyline: stories of the same kind of event (talks, a trial, an election...)
that share their key entities and vocabulary within :data:`STORYLINE_DAYS` (the rounds of one
negotiation). :class:`StoryIndex` is the incremental clusterer over the store's tables;
:func:`update_store` is the stage; :func:`features` is the pure per-segment part.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from lagebild.corpus import terms as lex
from lagebild.corpus.index import StoryPostings, TermStats
from lagebild.model import Document, Mention, Segment, Story, stable_id

# --------------------------------------------------------------------------- tuned constants
# Tuned on tests/golden/stories_gold.json (the seeds and 700 Wikinews articles of
# spkatt2023-news/train grouped by hand) with bench/bench_stories.py.

HEADLINE_WEIGHT = 2  # a headline's lemmas count twice: the headline names the story
MIN_SEGMENT_TERMS = 3  # segments with fewer content lemmas ("Lesen Sie mehr") join no story
SEGMENT_TERMS = 60  # heaviest lemmas kept per segment vector
MAX_TERM_WEIGHT = 0.3  # cap of one lemma's component in a segment's unit vector
CENTROID_TERMS = 300  # heaviest lemmas kept per story centroid (bounds a story's size)
QUERY_TERMS = 15  # heaviest lemmas of a segment used to look up candidate stories
POSTED_TERMS = 30  # heaviest lemmas of a segment posted under its story
QUERY_ENTITIES = 8
CANDIDATE_LIMIT = 25  # candidate stories scored per segment
STORY_GAP_DAYS = 42.0  # six weeks of silence close a story: the rule the gold set follows
TIME_PENALTY = 0.3  # score factor lost linearly over the gap (1.0 same day, 0.7 at six weeks)
TEXT_WEIGHT = 0.75  # weights of text cosine and entity overlap where a segment has entities
ENTITY_WEIGHT = 0.25
MIN_TEXT_SIMILARITY = 0.08  # below this text cosine no entity overlap joins a segment to a story
ENTITY_MASS_FLOOR = 3.0  # one common entity (IDF ~1) shared is not full entity agreement
JOIN_THRESHOLD = 0.15  # below this a segment starts a new story (best pairwise F1 on the gold set)
STORYLINE_DAYS = 150.0  # related stories this far apart still form one storyline
STORYLINE_THRESHOLD = 0.3  # centroid similarity of two stories of one storyline
EVENT_TYPE_SHARE = 0.03  # share of a centroid's weight that makes a story "talks", "trial", ...
LABEL_CANDIDATES = 12  # headlines considered for the label (the first ones of the story)

# Kinds of event whose rounds form storylines: lemma fragments that announce them. Checked in
# order: "verhandlungsunfähig" is a trial word before it is a talks word.
EVENT_TYPES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("trial", ("prozess", "anklage", "angeklagt", "gericht", "urteil", "berufung", "verhandlungsfähig",
               "verhandlungsunfähig", "haftstrafe", "richter")),
    ("talks", ("gespräch", "verhandl", "unterhändler", "delegation", "gipfel", "waffenruhe",
               "friedensplan", "memorand")),
    ("election", ("wahl", "wähler", "stimmen", "kandidat", "koalition")),
    ("strike", ("streik", "tarif", "gewerkschaft")),
    ("disaster", ("erdbeben", "hochwasser", "überschwemmung", "flut", "hurrikan", "zyklon", "sturm")),
    ("spaceflight", ("raumfähre", "shuttle", "astronaut", "raumstation", "nasa")),
)


# --------------------------------------------------------------------------- features


@dataclass(frozen=True, slots=True)
class SegmentFeatures:
    """What clustering needs of one segment; computed without any corpus state."""

    segment_id: str
    document_id: str
    index: int
    day: float | None
    date: str | None
    outlet: str | None
    headline: str
    terms: Mapping[str, int]
    entities: tuple[str, ...]


def entity_key(mention: Mention) -> str:
    """Resolved entity id where the entity stage set one, else the mention's normal form."""
    if mention.entity_id:
        return mention.entity_id
    return "n:" + (mention.normal or mention.text).strip().lower()


# A segment without a headline is labelled by its first sentence, cut at a word boundary.
LEAD_LABEL_CHARS = 100


def _lead_label(text: str) -> str:
    first = text.strip().split("\n", 1)[0]
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"])", first, maxsplit=1)[0]
    if len(sentence) <= LEAD_LABEL_CHARS:
        return sentence
    return sentence[:LEAD_LABEL_CHARS].rsplit(" ", 1)[0].rstrip(",;:–-") + " …"


def features(document: Document, segment: Segment, mentions: Sequence[Mention] = ()) -> SegmentFeatures:
    """The features of one segment of a document (pure)."""
    text = document.text[segment.start : segment.end]
    headline = segment.headline or (document.title if segment.index == 0 else None)
    counts = lex.term_counts(text, headline if headline and headline not in text else None,
                             HEADLINE_WEIGHT)
    if segment.headline and segment.headline in text:  # the headline is part of the span
        for term in lex.content_lemmas(segment.headline):
            counts[term] += HEADLINE_WEIGHT - 1
    date = segment.published or lex.best_date(document.published, document.updated)
    inside = [m for m in mentions if segment.start <= m.start and m.end <= segment.end]
    label = headline.strip() if headline else _lead_label(text)
    return SegmentFeatures(
        segment_id=segment.id, document_id=document.id, index=segment.index,
        day=lex.day_number(date), date=date, outlet=document.outlet, headline=label,
        terms=dict(counts), entities=tuple(lex.unique(entity_key(m) for m in inside)),
    )


def vector(terms: Mapping[str, int], df: Mapping[str, int], n: int) -> dict[str, float]:
    """Unit TF-IDF vector (sublinear tf) of a segment, its heaviest terms only."""
    weights = {t: (1.0 + math.log(c)) * lex.idf(t, df.get(t, 0), n) for t, c in terms.items()}
    kept = lex.top_terms(weights, SEGMENT_TERMS)
    norm = math.sqrt(sum(weights[t] ** 2 for t in kept)) or 1.0
    unit = {t: weights[t] / norm for t in kept}
    # No single word makes a story: a name repeated through one text ("Selenskyj") would
    # otherwise pull every text naming it into one cluster.
    for _ in range(3):
        if unit and max(unit.values()) <= MAX_TERM_WEIGHT + 1e-9:
            break
        unit = {t: min(w, MAX_TERM_WEIGHT) for t, w in unit.items()}
        norm = math.sqrt(sum(w * w for w in unit.values())) or 1.0
        unit = {t: w / norm for t, w in unit.items()}
    return {t: round(w, 5) for t, w in unit.items()}


def cosine(x: Mapping[str, float], centroid: Mapping[str, float], norm: float) -> float:
    """Cosine of a unit vector ``x`` with a centroid of the given norm."""
    if norm <= 0:
        return 0.0
    return sum(w * centroid.get(t, 0.0) for t, w in x.items()) / norm


def event_type(centroid: Mapping[str, float]) -> str | None:
    """The kind of event a story's vocabulary announces ("talks", "trial", ...), if any."""
    total = sum(centroid.values()) or 1.0
    best, best_share = None, EVENT_TYPE_SHARE
    for name, fragments in EVENT_TYPES:
        share = sum(w for t, w in centroid.items() if any(f in t for f in fragments)) / total
        if share >= best_share:
            best, best_share = name, share
    return best


# --------------------------------------------------------------------------- story state


@dataclass
class _State:
    id: str
    centroid: dict[str, float]
    entities: dict[str, int]
    n: int
    first_day: float
    last_day: float
    first_seen: str | None
    last_seen: str | None
    outlets: list[str]
    heads: list[list]  # [headline, segment id, [its lemmas]]
    parent: str | None = None

    @property
    def norm(self) -> float:
        return math.sqrt(sum(w * w for w in self.centroid.values()))

    def dumps(self) -> str:
        return json.dumps({"c": self.centroid, "e": self.entities, "n": self.n,
                           "fs": self.first_seen, "ls": self.last_seen, "o": self.outlets,
                           "h": self.heads, "p": self.parent}, ensure_ascii=False,
                          separators=(",", ":"))

    @staticmethod
    def loads(story_id: str, first_day: float, last_day: float, data: str) -> "_State":
        v = json.loads(data)
        return _State(story_id, v["c"], v["e"], v["n"], first_day, last_day, v["fs"], v["ls"],
                      v["o"], v["h"], v["p"])

    def label(self) -> str:
        """The most central headline: the one whose lemmas weigh most in the centroid."""
        norm = self.norm

        def centrality(head: list) -> float:
            lemmas = head[2]
            return cosine({t: 1 / math.sqrt(len(lemmas)) for t in lemmas}, self.centroid, norm) if lemmas else 0.0

        scored = [(centrality(h), -i, h[0]) for i, h in enumerate(self.heads)]
        return max(scored)[2] if scored else ""


def _truncate(weights: dict[str, float], k: int) -> dict[str, float]:
    if len(weights) <= k:
        return weights
    return {t: weights[t] for t in lex.top_terms(weights, k)}


class StoryIndex:
    """The incremental clusterer: stories, their centroids and postings, in the store's tables."""

    def __init__(self, db):
        self.db = db
        self.term_stats = TermStats(db, "segments")
        self.entity_stats = TermStats(db, "entities")
        self.by_term = StoryPostings(db, "term")
        self.by_entity = StoryPostings(db, "entity")
        self.changed: set[str] = set()  # stories whose records must be rewritten
        self.removed: set[str] = set()
        row = db.execute("SELECT value FROM state WHERE key='stories.clock'").fetchone()
        self.clock = float(json.loads(row[0])) if row else 0.0

    # ---------------------------------------------------------------- state i/o

    def _load(self, story_ids: Iterable[str]) -> dict[str, _State]:
        ids = list(story_ids)
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        return {
            r[0]: _State.loads(r[0], r[1], r[2], r[3])
            for r in self.db.execute(
                f"SELECT story_id, first_day, last_day, data FROM story_state WHERE story_id IN ({marks})",
                ids,
            )
        }

    def _save(self, s: _State) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO story_state (story_id, first_day, last_day, data) VALUES (?,?,?,?)",
            (s.id, s.first_day, s.last_day, s.dumps()),
        )
        self.changed.add(s.id)

    # ---------------------------------------------------------------- adding

    def add(self, f: SegmentFeatures) -> str | None:
        """Put one segment into its story; returns the story id (None for an empty segment)."""
        if sum(f.terms.values()) < MIN_SEGMENT_TERMS:
            return None
        self.remove_segment(f.segment_id)
        day = f.day if f.day is not None else self.clock
        n = self.term_stats.count()
        x = vector(f.terms, self.term_stats.df(f.terms), n)
        n_ent = self.entity_stats.count()
        ent_idf = {k: math.log((n_ent + 1) / (v + 1)) + 1.0
                   for k, v in self.entity_stats.df(f.entities).items()}

        query_terms = list(x)[:QUERY_TERMS]  # x is ordered heaviest first
        query_entities = sorted(ent_idf, key=lambda k: (-ent_idf[k], k))[:QUERY_ENTITIES]
        since = day - STORY_GAP_DAYS
        found: dict[str, int] = {}
        for sid, hits in self.by_term.candidates(query_terms, since, CANDIDATE_LIMIT):
            found[sid] = found.get(sid, 0) + hits
        for sid, hits in self.by_entity.candidates(query_entities, since, CANDIDATE_LIMIT):
            found[sid] = found.get(sid, 0) + hits
        chosen = sorted(found, key=lambda s: (-found[s], s))[:CANDIDATE_LIMIT]

        best: _State | None = None
        best_score = JOIN_THRESHOLD
        for state in sorted(self._load(chosen).values(), key=lambda s: s.id):
            score = self.score(x, ent_idf, day, state)
            if score > best_score:
                best, best_score = state, score

        if best is None:
            story_id = stable_id("st", f.segment_id)
            while self.db.execute("SELECT 1 FROM story_state WHERE story_id=?", (story_id,)).fetchone():
                story_id = stable_id("st", story_id)
            best = _State(story_id, {}, {}, 0, day, day, f.date, f.date, [], [])
        self._join(best, f, x, day)
        self.term_stats.add(f.terms)
        self.entity_stats.add(f.entities)
        if day > self.clock:
            self.clock = day
            self.db.execute("INSERT OR REPLACE INTO state (key, value) VALUES ('stories.clock', ?)",
                            (json.dumps(day),))
        if best.parent is None and best.n & (best.n - 1) == 0:  # at sizes 1, 2, 4, 8, ...
            self._link_storyline(best)
        return best.id

    def score(self, x: Mapping[str, float], ent_idf: Mapping[str, float], day: float,
              story: _State) -> float:
        """How well a segment fits a story: text and entities, discounted by the time gap."""
        gap = max(0.0, day - story.last_day, story.first_day - day)
        if gap > STORY_GAP_DAYS:
            return 0.0
        text = cosine(x, story.centroid, story.norm)
        if text < MIN_TEXT_SIMILARITY:
            return 0.0  # shared names alone ("Ukraine") never make a story
        if ent_idf:
            total = max(sum(ent_idf.values()), ENTITY_MASS_FLOOR)
            shared = sum(w for k, w in ent_idf.items() if k in story.entities)
            value = TEXT_WEIGHT * text + ENTITY_WEIGHT * shared / total
        else:
            value = text
        return value * (1.0 - TIME_PENALTY * gap / STORY_GAP_DAYS)

    def _join(self, s: _State, f: SegmentFeatures, x: Mapping[str, float], day: float) -> None:
        centroid = dict(s.centroid)
        for t, w in x.items():
            centroid[t] = round(centroid.get(t, 0.0) + w, 5)
        s.centroid = _truncate(centroid, CENTROID_TERMS)
        for k in f.entities:
            s.entities[k] = s.entities.get(k, 0) + 1
        s.n += 1
        if day < s.first_day or s.n == 1:
            s.first_day, s.first_seen = day, f.date
        if day >= s.last_day or s.n == 1:
            s.last_day, s.last_seen = day, f.date
        if f.outlet and f.outlet not in s.outlets:
            s.outlets = sorted([*s.outlets, f.outlet])
        if len(s.heads) < LABEL_CANDIDATES and f.headline:
            s.heads.append([f.headline, f.segment_id, sorted(set(lex.content_lemmas(f.headline)))])
        self._save(s)
        self.db.execute(
            "INSERT OR REPLACE INTO story_members (segment_id, story_id, document_id, day, data) "
            "VALUES (?,?,?,?,?)",
            (f.segment_id, s.id, f.document_id, day,
             json.dumps({"x": x, "e": list(f.entities), "d": f.date, "i": f.index,
                         "t": sorted(f.terms)}, ensure_ascii=False, separators=(",", ":"))),
        )
        self.by_term.post(s.id, list(x)[:POSTED_TERMS], s.last_day)
        self.by_entity.post(s.id, f.entities, s.last_day)

    def _link_storyline(self, s: _State) -> None:
        """Give a story its storyline: an earlier story of the same kind of event, alike in words."""
        kind = event_type(s.centroid)
        if kind is None:
            return
        terms = lex.top_terms(s.centroid, QUERY_TERMS)
        entities = sorted(s.entities, key=lambda k: (-s.entities[k], k))[:QUERY_ENTITIES]
        since = s.first_day - STORYLINE_DAYS
        found: dict[str, int] = {}
        for postings, keys in ((self.by_term, terms), (self.by_entity, entities)):
            for sid, hits in postings.candidates(keys, since, CANDIDATE_LIMIT):
                if sid != s.id:
                    found[sid] = found.get(sid, 0) + hits
        norm = s.norm
        best, best_score = None, STORYLINE_THRESHOLD
        for other in sorted(self._load(sorted(found, key=lambda k: (-found[k], k))[:CANDIDATE_LIMIT]).values(),
                            key=lambda o: o.id):
            if other.first_day > s.first_day or event_type(other.centroid) != kind:
                continue  # the storyline runs from the earlier story to the later one
            score = cosine({t: w / norm for t, w in s.centroid.items()}, other.centroid, other.norm)
            if score > best_score:
                best, best_score = other, score
        if best is None:
            return
        line = best.parent or stable_id("sl", best.id)
        if best.parent is None:
            best.parent = line
            self._save(best)
        s.parent = line
        self._save(s)

    # ---------------------------------------------------------------- removing

    def remove_segment(self, segment_id: str) -> None:
        """Take a segment out of its story (a revised document is clustered afresh)."""
        row = self.db.execute(
            "SELECT story_id, data FROM story_members WHERE segment_id=?", (segment_id,)
        ).fetchone()
        if row is None:
            return
        story_id, data = row
        member = json.loads(data)
        self.db.execute("DELETE FROM story_members WHERE segment_id=?", (segment_id,))
        self.term_stats.add(member["t"], sign=-1)
        self.entity_stats.add(member["e"], sign=-1)
        state = self._load([story_id]).get(story_id)
        if state is None:
            return
        if state.n <= 1:
            self.by_term.remove_story(story_id, state.centroid, state.first_day, state.last_day)
            self.by_entity.remove_story(story_id, state.entities, state.first_day, state.last_day)
            self.db.execute("DELETE FROM story_state WHERE story_id=?", (story_id,))
            self.removed.add(story_id)
            self.changed.discard(story_id)
            return
        for t, w in member["x"].items():
            if t in state.centroid:
                state.centroid[t] = round(state.centroid[t] - w, 5)
                if state.centroid[t] <= 1e-4:
                    del state.centroid[t]
        for k in member["e"]:
            if k in state.entities:
                state.entities[k] -= 1
                if state.entities[k] <= 0:
                    del state.entities[k]
        state.n -= 1
        state.heads = [h for h in state.heads if h[1] != segment_id] or state.heads
        self._save(state)

    def remove_document(self, document_id: str) -> None:
        for (segment_id,) in self.db.execute(
            "SELECT segment_id FROM story_members WHERE document_id=?", (document_id,)
        ).fetchall():
            self.remove_segment(segment_id)

    # ---------------------------------------------------------------- records

    def story(self, story_id: str) -> Story | None:
        """The public record of a story, from its state and members."""
        state = self._load([story_id]).get(story_id)
        if state is None:
            return None
        members = self.db.execute(
            "SELECT segment_id, document_id FROM story_members WHERE story_id=? ORDER BY day, segment_id",
            (story_id,),
        ).fetchall()
        return Story(
            id=story_id, label=state.label(),
            segment_ids=tuple(m[0] for m in members),
            document_ids=tuple(lex.unique(m[1] for m in members)),
            first_seen=state.first_seen, last_seen=state.last_seen,
            outlets=tuple(state.outlets), parent=state.parent,
        )

    def flush(self, store) -> None:
        """Write the records of the stories changed since the last flush."""
        from lagebild.store import codec

        records = [r for r in (self.story(sid) for sid in sorted(self.changed)) if r is not None]
        self.db.executemany("INSERT OR REPLACE INTO stories (id, data) VALUES (?, ?)",
                            [(r.id, codec.dumps(r)) for r in records])
        gone = sorted(self.removed - self.changed)
        self.db.executemany("DELETE FROM stories WHERE id=?", [(sid,) for sid in gone])
        self.changed.clear()
        self.removed.clear()


# --------------------------------------------------------------------------- the stage


def segment_features(store, document: Document) -> list[SegmentFeatures]:
    segments = store.records("segments", document.id)
    if not segments:  # a document the cleaner did not split is one segment
        segments = [Segment(f"{document.id}-s0", document.id, 0, "article", 0, len(document.text))]
    mentions = store.records("mentions", document.id)
    return [features(document, seg, mentions) for seg in segments]


def order_key(f: SegmentFeatures) -> tuple:
    """Publication order: undated last, then document and position, so runs repeat exactly."""
    return (f.day is None, f.day or 0.0, f.document_id, f.index)


def update_store(store, changed: Sequence[str]) -> None:
    """The story stage: cluster the segments of changed documents into stories."""
    from lagebild.corpus.lineage import _changed_since_last_run
    from lagebild.errors import NotFound

    with store.transaction():
        ids = _changed_since_last_run(store, changed, "stories.last_change")
        index = StoryIndex(store.db)
        batch: list[SegmentFeatures] = []
        for document_id in ids:
            index.remove_document(document_id)
            try:
                document = store.document(document_id)
            except NotFound:
                continue
            batch.extend(segment_features(store, document))
        for f in sorted(batch, key=order_key):
            index.add(f)
        index.flush(store)


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True, slots=True)
class StoryEntry:
    """One segment of a story as `lagebild story` shows it; copies hang under their original."""

    segment_id: str
    document_id: str
    date: str | None
    outlet: str | None
    headline: str
    copies: tuple["StoryEntry", ...] = ()
    kind: str | None = None  # for a copy: duplicate, near-duplicate, rewrite, shared-source


def story_entries(store, story_id: str) -> list[StoryEntry]:
    """A story's segments by date and outlet, each copy or rewrite folded under its original."""
    from lagebild.corpus.lineage import lineage_of

    story = store.corpus_record("stories", story_id)
    rows = store.db.execute(
        "SELECT segment_id, document_id, day, data FROM story_members WHERE story_id=?", (story_id,)
    ).fetchall()
    docs = {d: store.document(d) for d in story.document_ids}
    segments = {s.id: s for d in story.document_ids for s in store.records("segments", d)}
    entries: dict[str, StoryEntry] = {}
    for segment_id, document_id, _day, data in rows:
        seg = segments.get(segment_id)
        doc = docs[document_id]
        headline = (seg.headline if seg and seg.headline else None) or doc.title or ""
        if not headline and seg is not None:
            headline = doc.text[seg.start : seg.end].strip().split("\n", 1)[0][:120]
        entries[segment_id] = StoryEntry(segment_id, document_id, json.loads(data)["d"],
                                         doc.outlet, headline)
    by_doc: dict[str, list[str]] = {}
    for sid, e in entries.items():
        by_doc.setdefault(e.document_id, []).append(sid)
    parent_of: dict[str, tuple[str, str]] = {}
    for r in lineage_of(store, story.document_ids):
        derived = [r.segment_id] if r.segment_id else by_doc.get(r.document_id, [])
        sources = ([r.derived_from_segment] if r.derived_from_segment
                   else by_doc.get(r.derived_from, []))
        sources = [s for s in sources if s in entries]
        for d in derived:
            if d in entries and sources and d not in parent_of:
                parent_of[d] = (sources[0], r.kind)

    def root(sid: str) -> str:
        seen = {sid}
        while sid in parent_of and parent_of[sid][0] not in seen:
            sid = parent_of[sid][0]
            seen.add(sid)
        return sid

    children: dict[str, list[StoryEntry]] = {}
    for sid in entries:
        if sid in parent_of and root(sid) != sid:
            e = entries[sid]
            children.setdefault(root(sid), []).append(
                StoryEntry(e.segment_id, e.document_id, e.date, e.outlet, e.headline, (), parent_of[sid][1]))
    key = lambda e: (e.date or "9999", e.outlet or "", e.segment_id)  # noqa: E731
    out = []
    for sid, e in entries.items():
        if sid in parent_of and root(sid) != sid:
            continue
        out.append(StoryEntry(e.segment_id, e.document_id, e.date, e.outlet, e.headline,
                              tuple(sorted(children.get(sid, []), key=key))))
    return sorted(out, key=key)


def independent_source_count(store, story: Story) -> int:
    """How many independent sources a story has: copies and rewrites of one text count once."""
    from lagebild.corpus.lineage import independent_sources

    return len(independent_sources(store, story.document_ids))


def leading_story(store) -> str | None:
    """The story most sources follow (latest activity breaks ties): what a reader opens first."""
    ranked = list_stories(store)
    if not ranked:
        return None
    return max(ranked, key=lambda pair: (pair[1], len(pair[0].segment_ids), pair[0].last_seen or ""))[0].id


def list_stories(store) -> list[tuple[Story, int]]:
    """All stories, latest first, each with its number of independent sources."""
    stories = store.corpus("stories")
    stories.sort(key=lambda s: (s.last_seen or "", s.id), reverse=True)
    return [(s, independent_source_count(store, s)) for s in stories]
