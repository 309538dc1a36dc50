"""Done-when on the seeds: the talks reports form stories and a storyline; the rewrite is linked.

Reads the five seed articles from ../shared/seeds (copyrighted: never copied into the project).
Uses the real per-document pass where the cleaner is in place, else a plain splitter that
treats short unpunctuated lines as entry headlines, so the corpus stages are checked either way.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lagebild.corpus import lineage, stories
from lagebild.model import Analysis, Document, Segment
from lagebild.store import open_store

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.exists(), reason="needs ../shared/seeds (the seed articles)")

# Publication times as the outlets show them (002 and 003 carry none in their text).
PUBLISHED = {
    "000": ("2025-07-23T13:52:00+02:00", "t-online"),
    "001": ("2025-06-02T15:35:00+02:00", "t-online"),
    "002": ("2025-07-22T12:00:00+02:00", "IT BOLTWISE"),
    "003": ("2025-07-22T06:00:00+02:00", "AFP-Kunde"),
    "004": ("2025-07-22T08:00:00+02:00", "dpa-AFX"),
}
_BOILERPLATE = re.compile(r"\n- Die besten Bücher.*", re.S)  # 002's site furniture
_DATE_LINE = re.compile(r"^\s*date \d{4}-\d{2}\s*")


def _headline(paragraph: str) -> bool:
    line = paragraph.strip()
    return "\n" not in line and len(line) < 110 and not line.endswith((".", "!", "?", '"', "“", ":"))


def plain_analysis(number: str, path: Path) -> Analysis:
    """A seed as a document whose short unpunctuated lines open live-blog entries."""
    text = _BOILERPLATE.sub("", _DATE_LINE.sub("", path.read_text(encoding="utf-8")))
    doc_id = Document.make_id(str(path))
    published, outlet = PUBLISHED[number]
    doc = Document(id=doc_id, source=str(path), identity=str(path), text=text, outlet=outlet,
                   published=published, language="de")
    starts: list[tuple[int, str | None]] = [(0, None)]
    for match in re.finditer(r"(?:^|\n\n)([^\n]+)(?=\n\n)", text):
        if _headline(match.group(1)) and match.start(1) > 0:
            starts.append((match.start(1), match.group(1).strip()))
    segments = []
    for i, (start, headline) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        segments.append(Segment(f"{doc_id}-s{i}", doc_id, i, "entry" if len(starts) > 1 else "article",
                                start, end, headline=headline))
    return Analysis(document=doc, segments=tuple(segments))


def seed_analyses() -> dict[str, Analysis]:
    out = {}
    for path in sorted(SEEDS.glob("*.txt")):
        number = path.name[:3]
        out[number] = plain_analysis(number, path)
    return out


def _pipeline_store(path: Path):
    """The seeds through the real pipeline (ingest, clean, language, entities, corpus pass)."""
    from lagebild.errors import ModelError

    try:
        from lagebild.pipeline import Pipeline

        store = open_store(path)
        report = Pipeline(store).ingest([str(SEEDS)])
    except (ImportError, NotImplementedError, ModelError) as exc:  # a stage or model not in place
        pytest.skip(f"the per-document pass is not complete yet: {exc}")
    if len(report.added) != 5:
        pytest.skip(f"the pipeline stored {len(report.added)} of the 5 seeds")
    analyses = {Path(d.source).name[:3]: store.analysis(d.id) for d in store.documents()}
    return store, analyses


@pytest.fixture(scope="module", params=["plain", "pipeline"])
def seeded(request, tmp_path_factory):
    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    if request.param == "pipeline":
        store, analyses = _pipeline_store(path)
    else:
        analyses = seed_analyses()
        store = open_store(path)
        for number, analysis in analyses.items():
            store.put_analysis(analysis, number)
        ids = [a.document.id for a in analyses.values()]
        lineage.update_store(store, ids)
        stories.update_store(store, ids)
    with store:
        yield store, analyses


def _story_of(store, segment_id: str) -> str:
    row = store.db.execute("SELECT story_id FROM story_members WHERE segment_id=?", (segment_id,)).fetchone()
    return row[0] if row else ""


def _segments(analysis: Analysis, *words: str) -> list[str]:
    return [s.id for s in analysis.segments if s.headline and any(w in s.headline for w in words)]


def test_the_july_talks_reports_form_one_story(seeded):
    store, seeds = seeded
    july = {
        _story_of(store, seeds["000"].segments[1].id),  # "Kiew und Moskau entsenden ..."
        _story_of(store, seeds["002"].segments[0].id),
        _story_of(store, seeds["003"].segments[0].id),
        _story_of(store, seeds["004"].segments[0].id),
    }
    assert len(july) == 1 and "" not in july


def test_the_june_talks_entries_form_another_story_in_the_same_storyline(seeded):
    store, seeds = seeded
    june = {_story_of(store, s) for s in _segments(seeds["001"], "Delegation", "Gespräche", "verhandeln")}
    assert len(june) == 1
    july = _story_of(store, seeds["004"].segments[0].id)
    assert june != {july}
    june_story = store.corpus_record("stories", june.pop())
    july_story = store.corpus_record("stories", july)
    assert june_story.parent is not None and june_story.parent == july_story.parent


def test_other_entries_are_not_mixed_into_the_talks(seeded):
    store, seeds = seeded
    talks = {_story_of(store, seeds["004"].segments[0].id),
             _story_of(store, _segments(seeds["001"], "Delegation")[0])}
    others = (_segments(seeds["000"], "Mirage", "Drohnenabwehr", "Patriot")
              + _segments(seeds["001"], "Nato")
              + _segments(seeds["004"], "Norwegen"))
    assert len(others) >= 5  # jet crash, drone defence, Patriot (x2), NATO
    assert not {_story_of(store, s) for s in others} & talks


def test_the_rewrite_is_linked_to_the_agency_report(seeded):
    store, seeds = seeded
    records = lineage.lineage_of(store, [seeds["002"].document.id])
    assert [(r.document_id, r.derived_from, r.kind) for r in records if r.segment_id is None] == [
        (seeds["002"].document.id, seeds["004"].document.id, "rewrite")]
    ids = [a.document.id for a in seeds.values()]
    groups = lineage.independent_sources(store, ids)
    assert [seeds["004"].document.id, seeds["002"].document.id] in groups
