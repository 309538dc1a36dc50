"""The five seed pages (real German news, read from ../shared/seeds) clean as specified.

Seed content is referred to by short headlines and distinctive words only, never copied.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lagebild.clean import clean
from lagebild.model import Document, RawDocument, Segment

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not SEEDS.exists(),
                       reason="the seed pages live in ../shared/seeds, which is absent here"),
]
_DATE_PREFIX = re.compile(r"\A\s*date\s+(\S+)\s+")


def raw_seed(number: str) -> RawDocument:
    """A seed as ingest hands it over: the " date YYYY-MM" prefix moved into ``published``."""
    path = next(SEEDS.glob(f"{number}_*.txt"))
    text = path.read_text(encoding="utf-8")
    published = None
    if match := _DATE_PREFIX.match(text):
        published, text = match[1], text[match.end():]
    return RawDocument(source=str(path), identity=path.name, text=text, format="text",
                       published=published)


@pytest.fixture(scope="module")
def seeds() -> dict[str, tuple[Document, tuple[Segment, ...]]]:
    return {number: clean(raw_seed(number)) for number in ("000", "001", "002", "003", "004")}


def headlines(segments: tuple[Segment, ...]) -> list[str | None]:
    return [segment.headline for segment in segments]


def test_all_five_seeds_clean_into_documents(seeds):
    assert len(seeds) == 5
    for document, segments in seeds.values():
        assert document.text and segments
        assert document.language == "de"
        assert document.content_hash


def test_segment_spans_cover_the_text_in_order(seeds):
    for document, segments in seeds.values():
        assert segments[0].start == 0 and segments[-1].end == len(document.text)
        for before, after in zip(segments, segments[1:]):
            assert document.text[before.end:after.start] == "\n\n"
        for index, segment in enumerate(segments):
            assert segment.id == f"{document.id}-s{index}" and segment.index == index
            if segment.headline:
                assert document.text.startswith(segment.headline, segment.start)


class TestTOnlineLiveBlogJuly:
    def test_outlet_and_updated_stamp_from_the_byline(self, seeds):
        document, _ = seeds["000"]
        assert document.outlet == "t-online"
        assert document.updated == "2025-07-23T13:52:00+02:00"
        assert document.published is None and document.date_precision is None
        assert document.metadata["reading_minutes"] == 8

    def test_title_without_its_kicker(self, seeds):
        document, _ = seeds["000"]
        assert document.metadata["kicker"] == "Newsblog zum Ukraine-Krieg"
        assert document.title.startswith("Delegationen auf dem Weg")

    def test_one_entry_per_headline_and_the_truncated_last_one_dropped(self, seeds):
        document, segments = seeds["000"]
        assert [s.kind for s in segments] == ["lead"] + ["entry"] * 4
        assert headlines(segments)[1:] == [
            "Kiew und Moskau entsenden ihre Delegationen nach Istanbul",
            'Pistorius fordert "wasserdichte Zusagen" für Patriots von den USA',
            "Ukraine will KI-Drohnenabwehr entwickeln",
            "Ukraine verliert ersten Mirage-Jet durch technischen Defekt",
        ]
        assert "Antikorruptionsbehörden" not in document.text
        assert document.metadata["truncated"] is True

    def test_jet_crash_and_peace_talks_never_share_a_segment(self, seeds):
        document, segments = seeds["000"]
        for segment in segments:
            body = document.text[segment.start:segment.end]
            assert not ("Mirage" in body and "Delegationen" in body)

    def test_caption_moved_out_and_link_teasers_removed(self, seeds):
        document, _ = seeds["000"]
        assert len(document.captions) == 1 and "IMAGO" in document.captions[0]
        assert "IMAGO" not in document.text and "Archivbild" not in document.text
        assert "Lesen Sie hier mehr" not in document.text
        assert "Lesedauer" not in document.text and "Von t-online" not in document.text
        assert "Terma" in document.text  # the paragraph of a removed teaser stays

    def test_agencies_only_cited_are_not_credits(self, seeds):
        document, _ = seeds["000"]
        assert "AFP" in document.text
        assert document.agency == ()


class TestTOnlineLiveBlogJune:
    def test_dates_month_precision_and_updated_stamp(self, seeds):
        document, _ = seeds["001"]
        assert document.outlet == "t-online"
        assert document.published == "2025-06" and document.date_precision == "month"
        assert document.updated == "2025-06-02T15:35:00+02:00"

    def test_entries_by_headline(self, seeds):
        document, segments = seeds["001"]
        assert segments[0].kind == "lead"
        assert headlines(segments)[1:] == [
            "Gespräche zwischen Russland und Ukraine wohl wieder beendet",
            "Nach massiven Angriffen: Jetzt verhandeln Russland und die Ukraine wieder",
            "Drei Nato-Staaten fordern Beitritt der Ukraine",
            "Russische Delegation ebenfalls in Istanbul gelandet",
            "Ukrainische Delegation zu Waffenruhe-Gesprächen in Istanbul eingetroffen",
            'Verheerende Drohnenattacke: So gelang der Ukraine die "Operation Spinnennetz"',
        ]
        assert all(s.kind == "entry" for s in segments[1:])
        assert "Viele Tote" not in document.text

    def test_furniture_gone_photo_agency_not_a_credit(self, seeds):
        document, _ = seeds["001"]
        assert "News folgen" not in document.text and "Artikel teilen" not in document.text
        assert "lesen Sie hier" not in document.text
        assert "Spinnennetz" in document.text
        assert "reuters" in document.captions[0] and "reuters" not in document.text
        assert document.agency == ()  # Tass, Interfax, RIA, AFP are only cited


class TestItBoltwise:
    def test_outlet_and_dateline(self, seeds):
        document, segments = seeds["002"]
        assert document.outlet == "IT BOLTWISE"
        assert document.dateline == "ISTANBUL / LONDON"
        assert document.agency == ()
        assert document.text.startswith("Die diplomatischen")
        assert [s.kind for s in segments] == ["article"]

    def test_whole_article_stays(self, seeds):
        document, _ = seeds["002"]
        for word in ("Fahrt auf", "Kriegsgefangenen", "neutraler Boden", "Umjerow",
                     "Videobotschaft", "Maximalforderungen", "Norwegen", "Patriot-Systemen"):
            assert word in document.text
        assert document.text.count("\n\n") == 5  # six paragraphs

    def test_link_lists_jobs_and_comment_rules_gone(self, seeds):
        document, _ = seeds["002"]
        for word in ("Patreon", "StepStone", "Stellenangebote", "(m/w/d)", "(m/f/d)", "Dozent",
                     "Kommentar", "moderiert", "respektvoll", "verpassen", "Google News",
                     "per eMail", "Bestseller", "Startseite", "\n- "):
            assert word not in document.text, word
        assert document.metadata["removed"]["job-listings"] >= 5


class TestMonthOnlyReport:
    def test_published_month_precision_and_single_segment(self, seeds):
        document, segments = seeds["003"]
        assert document.published == "2025-07" and document.date_precision == "month"
        assert document.updated is None
        assert [s.kind for s in segments] == ["article"]
        assert document.text.startswith("Vertreter Russlands")


class TestDpaAfxReport:
    def test_agencies_from_dateline_and_signature(self, seeds):
        document, _ = seeds["004"]
        assert document.agency == ("dpa-AFX", "dpa")
        assert document.dateline == "KIEW"
        assert document.metadata["signature"] == "/hme/DP/zb"
        assert "/hme" not in document.text and "(dpa-AFX)" not in document.text
        assert document.text.startswith("Die Ukraine und Russland wollen")
        assert document.text.endswith("einzustehen.")

    def test_sub_headed_sections_are_separate_segments(self, seeds):
        document, segments = seeds["004"]
        assert [s.kind for s in segments] == ["lead", "section", "section", "section"]
        assert headlines(segments)[1].startswith("Selenskyj: Effektive Gespräche")
        assert headlines(segments)[2].startswith("Selenskyj kündigt")
        assert headlines(segments)[3].startswith("Deutschland und Norwegen")
        assert "live_blog" not in document.metadata


def test_seeds_read_by_ingest_clean_the_same(seeds):
    ingest = pytest.importorskip("lagebild.ingest")
    raws = list(ingest.read(sorted(SEEDS.glob("*.txt"))))
    assert len(raws) == 5 and all(isinstance(raw, RawDocument) for raw in raws)
    for raw in raws:
        document, segments = clean(raw)
        expected, expected_segments = seeds[Path(raw.source).name[:3]]
        for field in ("text", "outlet", "agency", "dateline", "published", "updated",
                      "date_precision", "title", "captions"):
            assert getattr(document, field) == getattr(expected, field), field
        assert [(s.kind, s.start, s.end, s.headline) for s in segments] == [
            (s.kind, s.start, s.end, s.headline) for s in expected_segments]
