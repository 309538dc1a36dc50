"""The golden description (tests/golden/examples.json) agrees with the corpus in examples/.

These tests guard the golden file itself, not the pipeline: every surface string it lists must
occur verbatim in the document it names, every reference must resolve, the WARC archive must be
reproducible from its readable sources, and no example may copy from the seed articles.
"""

from __future__ import annotations

import datetime as dt
import gzip
import html
import io
import json
import re
import runpy
from functools import cache
from pathlib import Path

import feedparser
import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
GOLDEN_PATH = Path(__file__).with_name("examples.json")
SEEDS = ROOT.parent / "shared" / "seeds"

# The copy hook of the project flags any 80-character run shared with the seed articles.
SEED_OVERLAP_CHARS = 80
MAX_FRAGMENT_CHARS = 60
MIN_TIME_EXPRESSIONS = 40

# Files in examples/ that are tooling or documentation, not corpus input.
NOT_INPUT = {"README.md"}

QUOTE_KINDS = {"direct", "indirect", "reported", "mixed"}
TIME_TYPES = {"DATE", "TIME", "DURATION", "SET"}
PRECISIONS = {"minute", "hour", "day", "month", "year"}
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
TIMEX_VALUE = re.compile(
    r"^(\d{4}(-\d{2}(-\d{2}(T(\d{2}:\d{2}([+-]\d{2}:\d{2})?|MO|MI|AF|EV|NI))?)?"
    r"|-W\d{2}(-WE)?)?|P(\d+(\.\d+)?[YMWD])+|PT\d+[HMS])$"
)


@cache
def golden() -> dict:
    return json.loads(GOLDEN_PATH.read_text(encoding="utf-8"))


def _decoded(path: Path) -> str:
    raw = path.read_bytes()
    if path.name.endswith(".gz"):
        raw = gzip.decompress(raw)
    return raw.decode("utf-8")


@cache
def file_text(name: str) -> str:
    """The file as written, plus its HTML-unescaped form (JSON-LD and entities hide nothing)."""
    text = _decoded(EXAMPLES / name)
    return text + "\n\x00\n" + html.unescape(text)


@cache
def documents() -> dict[str, tuple[str, dict]]:
    """ref -> (file name, golden document record), WARC documents mapped to their source page."""
    found: dict[str, tuple[str, dict]] = {}
    for name, spec in golden()["files"].items():
        for doc in spec["documents"]:
            found[doc["ref"]] = (doc.get("source_page", name), doc)
    return found


@cache
def segment_refs() -> set[str]:
    return {
        seg["ref"]
        for spec in golden()["files"].values()
        for doc in spec["documents"]
        for seg in doc.get("segments", ())
    }


@cache
def liveblog_entries(name: str) -> dict[str, dict]:
    """entry-HHMM -> JSON-LD liveBlogUpdate of the live blog page ``name``."""
    page = (EXAMPLES / name).read_text(encoding="utf-8")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert block, f"{name} has no JSON-LD block"
    data = json.loads(block.group(1))
    return {
        "entry-" + update["datePublished"][11:13] + update["datePublished"][14:16]: update
        for update in data["liveBlogUpdate"]
    }


def doc_text(name: str, ref: str) -> str:
    """The narrowest text the golden file lets us check a string against."""
    if "#" in ref:
        entry = liveblog_entries(name)[ref.split("#", 1)[1]]
        return entry["headline"] + "\n" + entry["articleBody"]
    _, doc = documents()[ref]
    if name.endswith(".jsonl"):
        for line in (EXAMPLES / name).read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record["id"] == doc["key"]:
                return record["title"] + "\n" + record.get("text", record.get("html", ""))
        raise AssertionError(f"no JSON Lines record with id {doc['key']}")
    if name.endswith((".rss", ".atom")):
        for entry in feedparser.parse(str(EXAMPLES / name)).entries:
            if entry.link == doc["key"]:
                body = entry.content[0].value if "content" in entry else entry.summary
                return entry.title + "\n" + html.unescape(body)
        raise AssertionError(f"no feed entry with link {doc['key']}")
    return file_text(name)


def assert_in(needle: str, name: str, ref: str, what: str) -> None:
    assert needle in doc_text(name, ref), f"{what} {needle!r} not found in {name} ({ref})"


# --------------------------------------------------------------------------- documents


def test_every_input_file_in_examples_is_described():
    inputs = {
        path.name
        for path in EXAMPLES.iterdir()
        if path.is_file() and path.name not in NOT_INPUT
    }
    assert inputs == set(golden()["files"])


def test_the_corpus_has_at_least_ten_articles_in_six_formats():
    files = golden()["files"]
    assert sum(len(spec["documents"]) for spec in files.values()) >= 10
    assert {spec["format"] for spec in files.values()} == {"text", "html", "feed", "jsonl", "warc"}


@pytest.mark.parametrize("ref", sorted(documents()))
def test_document_metadata_is_well_formed(ref):
    name, doc = documents()[ref]
    assert doc["language"] == "de"
    assert doc["date_precision"] in PRECISIONS
    for field in ("published", "updated"):
        value = doc.get(field)
        if value is None:
            continue
        if doc["date_precision"] == "month":
            assert re.fullmatch(r"\d{4}-\d{2}", value)
        else:
            parsed = dt.datetime.fromisoformat(value)
            assert parsed.utcoffset() == dt.timedelta(hours=2), f"{ref}: {field} lacks +02:00"
    if doc["dateline"]:
        assert doc["dateline"] in file_text(name)


@pytest.mark.parametrize("ref", sorted(documents()))
def test_document_surface_strings_occur_in_the_source(ref):
    name, doc = documents()[ref]
    for needle in doc["must_contain"]:
        assert_in(needle, name, ref, "must_contain")
    for needle in doc["must_not_contain"] + doc["captions"]:
        assert needle in file_text(name), f"boilerplate {needle!r} is not planted in {name}"
    if doc["title"]:
        assert html.unescape(doc["title"]) in file_text(name)
    if doc["outlet"]:
        assert doc["outlet"] in file_text(name)
    for agency in doc["agency"]:
        assert agency in file_text(name)


def test_live_blog_segments_follow_the_json_ld_updates_in_page_order():
    name = "liveblog-istanbul-talks.html"
    (doc,) = golden()["files"][name]["documents"]
    entries = liveblog_entries(name)
    assert [seg["ref"].split("#")[1] for seg in doc["segments"]] == list(entries)
    for seg in doc["segments"]:
        entry = entries[seg["ref"].split("#")[1]]
        assert entry["headline"] == seg["headline"]
        assert entry["datePublished"] == seg["published"]
        assert f"<h2>{seg['headline']}</h2>" in file_text(name)
    assert f'<p class="lead">{doc["lead"]}</p>' in file_text(name)


# --------------------------------------------------------------------------- corpus level


def test_every_document_and_segment_belongs_to_exactly_one_story():
    members = [m for story in golden()["stories"] for m in story["members"]]
    assert len(members) == len(set(members)), "a member is listed in two stories"
    live_blogs = {seg.split("#")[0] for seg in segment_refs()}
    expected = (set(documents()) - live_blogs) | segment_refs()
    assert set(members) == expected


def test_the_talks_story_spans_the_week_and_the_unrelated_stories_are_several():
    stories = {story["id"]: story for story in golden()["stories"]}
    talks = stories.pop("istanbul-talks-2025-07")
    assert len(talks["members"]) >= 10
    assert len(stories) >= 2


def test_lineage_pairs_resolve_and_share_their_verbatim_sentences():
    known = set(documents()) | segment_refs()
    for pair in golden()["lineage"]["pairs"]:
        for side in ("derived", "original"):
            ref = pair[side]
            assert ref in known
            name = documents()[ref][0]
            for sentence in pair["shared_verbatim"]:
                assert_in(sentence, name, ref, "shared sentence")
    for pair in golden()["lineage"]["not_lineage"]:
        assert {pair["a"], pair["b"]} <= known


def test_entity_variants_occur_in_the_files_listed():
    groups = golden()["entities"]["groups"]
    assert any(len(group["variants"]) >= 3 for group in groups)
    for group in groups:
        assert group["type"] in {"PER", "ORG", "LOC", "OTH"}
        for variant in group["variants"]:
            for name in variant["files"]:
                assert variant["text"] in file_text(name), f"{variant['text']!r} not in {name}"


# --------------------------------------------------------------------------- times


def _time_ids(item: dict) -> str:
    return f"{item['doc']}:{item['text']}"


@pytest.mark.parametrize("item", golden()["times"], ids=_time_ids)
def test_time_expression_occurs_and_has_a_timex_value(item):
    assert_in(item["text"], item["file"], item["doc"], "time expression")
    assert item["type"] in TIME_TYPES
    for value in [item["value"], *item.get("also", ())]:
        assert TIMEX_VALUE.match(value), f"not a TIMEX3 value: {value}"
    dt.date.fromisoformat(item["anchor"])


def _named_weekday(item: dict) -> str | None:
    named = [day for day in WEEKDAYS if day.lower() in item["text"].lower()]
    return named[0] if named and item["type"] != "DURATION" else None


@pytest.mark.parametrize(
    "item", [t for t in golden()["times"] if _named_weekday(t)], ids=_time_ids
)
def test_weekday_expressions_resolve_to_that_weekday(item):
    # 'seit Donnerstag' and 'bis mindestens Montag' name their boundary day: the check holds too.
    day = dt.date.fromisoformat(item["value"][:10])
    assert WEEKDAYS[day.weekday()] == _named_weekday(item)


def test_time_anchors_are_the_documents_dates():
    for item in golden()["times"]:
        ref = item["doc"]
        if "#" in ref:
            published = liveblog_entries(item["file"])[ref.split("#")[1]]["datePublished"]
        else:
            published = documents()[ref][1]["published"]
        if len(published) == 7:  # month precision: the anchor is inferred within that month
            assert item["anchor"].startswith(published) and "anchor" in item
        else:
            assert item["anchor"] == published[:10], _time_ids(item)


def test_there_are_enough_time_expressions_of_each_planted_kind():
    texts = [item["text"] for item in golden()["times"]]
    assert len(texts) >= MIN_TIME_EXPRESSIONS
    for planted in ("am Mittwochabend", "gestern", "am kommenden Mittwoch", "Vergangene Woche",
                    "Anfang Juni", "seit fast dreieinhalb Jahren"):
        assert planted in texts


# --------------------------------------------------------------------------- quotes


def _quote_ids(item: dict) -> str:
    return f"{item['doc']}:{item['fragment'][:30]}"


@pytest.mark.parametrize("item", golden()["quotes"], ids=_quote_ids)
def test_quote_fragment_and_speaker_occur_in_the_document(item):
    assert len(item["fragment"]) <= MAX_FRAGMENT_CHARS
    assert item["kind"] in QUOTE_KINDS
    assert isinstance(item["via"], list)
    assert_in(item["fragment"], item["file"], item["doc"], "quote fragment")
    assert_in(item["speaker_in_text"], item["file"], item["doc"], "speaker")
    if item.get("fragment_after_cue"):
        assert_in(item["fragment_after_cue"], item["file"], item["doc"], "quote continuation")
    for agency in item["via"]:
        assert_in(agency, item["file"], item["doc"], "intermediary")


def test_quotes_cover_every_attribution_pattern():
    quotes = golden()["quotes"]
    kinds = {q["kind"] for q in quotes}
    assert kinds == QUOTE_KINDS
    assert any(q.get("interrupted") and q["kind"] == "direct" for q in quotes)
    assert any(q.get("anonymous") for q in quotes)
    assert any(q.get("speaker_kind") == "spokesperson" for q in quotes)
    assert any(len(q["via"]) >= 2 for q in quotes), "no outlet -> agency -> agency chain"
    marks = "".join(file_text(name) for name in golden()["files"] if not name.endswith(".gz"))
    for opening, closing in (("„", "“"), ("»", "«")):
        assert opening in marks and closing in marks
    cues = {q.get("cue") for q in quotes}
    for cue in ("Laut", "zufolge", "nach Angaben", "unter Berufung auf"):
        assert any(c and c.lower() == cue.lower() for c in cues), cue


# --------------------------------------------------------------------------- events, conflicts


def test_events_and_conflicts_refer_to_known_documents_and_quote_them_verbatim():
    known = set(documents()) | segment_refs()
    events = {event["id"]: event for event in golden()["events"]}
    assert [events[f"istanbul-round-{n}"]["date"] for n in (1, 2, 3)] == [
        "2025-05-16", "2025-06-02", "2025-07-23"]
    for event in golden()["events"] + golden()["other_events"]:
        refs = event.get("mentioned_in", [])
        refs += [r for group in event.get("status_by_document", {}).values() for r in group]
        assert set(refs) <= known, event["id"]
    conflicts = golden()["conflicts"]
    assert {c["attribute"] for c in conflicts} >= {"date"}
    for conflict in conflicts:
        assert conflict["event"] in events
        assert len(conflict["values"]) >= 2
        for value in conflict["values"]:
            for source in value["sources"]:
                assert_in(source["text"], source["file"], source["doc"], "conflict source")


# --------------------------------------------------------------------------- reproducibility


def test_the_warc_archive_is_rebuilt_byte_for_byte_from_warc_src():
    module = runpy.run_path(str(ROOT / "scripts" / "make_example_warc.py"))
    rebuilt = io.BytesIO()
    module["build"](rebuilt)
    assert rebuilt.getvalue() == (EXAMPLES / "archive.warc.gz").read_bytes(), (
        "archive.warc.gz is stale: run .venv/bin/python scripts/make_example_warc.py"
    )


def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(text)).casefold()


@pytest.mark.skipif(not SEEDS.exists(), reason="seed articles not present (../shared/seeds)")
def test_no_example_shares_an_80_character_run_with_the_seeds():
    windows: set[str] = set()
    for seed in SEEDS.glob("*.txt"):
        text = _normalised(seed.read_text(encoding="utf-8"))
        windows.update(text[i : i + SEED_OVERLAP_CHARS] for i in range(len(text)))
    windows = {w for w in windows if len(w) == SEED_OVERLAP_CHARS}
    for path in sorted(p for p in EXAMPLES.rglob("*") if p.is_file()):
        text = _normalised(_decoded(path))
        copied = [
            text[i : i + SEED_OVERLAP_CHARS]
            for i in range(len(text) - SEED_OVERLAP_CHARS + 1)
            if text[i : i + SEED_OVERLAP_CHARS] in windows
        ]
        assert not copied, f"{path.relative_to(ROOT)} copies from a seed: {copied[0]!r}"
