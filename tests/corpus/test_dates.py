"""Documents without a firm date are dated from their text and narrowed by their story."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.corpus.dates import firm_date
from lagebild.model import Document
from lagebild.pipeline import Pipeline
from lagebild.store import open_store

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"


def test_a_day_precise_published_stamp_is_firm_and_a_month_is_not():
    firm = Document(id="d1", source="s", identity="i", text="x", published="2025-07-22T10:47:00+02:00",
                    date_precision="minute")
    month = Document(id="d2", source="s", identity="j", text="x", published="2025-07", date_precision="month")
    updated = Document(id="d3", source="s", identity="k", text="x", published="2025-06",
                       date_precision="month", updated="2025-06-02T15:35:00+02:00")
    assert firm_date(firm).earliest == "2025-07-22"
    assert firm_date(month) is None
    assert firm_date(updated).method == "updated"


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory):
    if not SEEDS.exists():
        pytest.skip("../shared/seeds is absent (only in the project workspace)")
    with open_store(tmp_path_factory.mktemp("dates") / "seeds.db") as store:
        Pipeline(store).ingest([SEEDS])
        yield store


def _by_seed(store, prefix: str) -> Document:
    return next(d for d in store.documents() if Path(d.source).name.startswith(prefix))


@pytest.mark.parametrize("seed", ["003", "004"])
def test_undated_july_reports_are_narrowed_to_monday_or_tuesday_by_their_story(seeds_store, seed):
    doc = _by_seed(seeds_store, seed)
    assert doc.inferred_date is not None
    assert (doc.inferred_date.earliest, doc.inferred_date.latest) == ("2025-07-21", "2025-07-22")


def test_the_agency_report_dates_tass_thursday_to_the_24th_and_wednesday_to_the_23rd(seeds_store):
    doc = _by_seed(seeds_store, "004")
    values = {t.text: t.value for t in seeds_store.records("times", doc.id)}
    assert values["Donnerstag"] == "2025-07-24"
    assert values["diesem Mittwoch"] == "2025-07-23"


def test_the_month_only_report_resolves_its_monday_evening_video_message(seeds_store):
    doc = _by_seed(seeds_store, "003")
    values = {t.text: t.value for t in seeds_store.records("times", doc.id)}
    assert values["Montagabend"] == "2025-07-21TEV"
    assert all(t.anchor.source.startswith(("inferred", "story")) for t in seeds_store.records("times", doc.id)
               if t.anchor is not None)


def test_the_blog_with_a_firm_timestamp_keeps_it(seeds_store):
    doc = _by_seed(seeds_store, "000")
    assert doc.inferred_date is None
    values = {t.text: t.value for t in seeds_store.records("times", doc.id)}
    assert values.get("am Mittwochabend", values.get("Mittwochabend")) == "2025-07-23TEV"


def test_an_undated_rewrite_takes_the_date_of_the_report_it_rewrites(seeds_store):
    rewrite = _by_seed(seeds_store, "002")
    assert rewrite.inferred_date.method == "lineage"
    assert rewrite.inferred_date.earliest == "2025-07-21"
    values = {t.text: t.value for t in seeds_store.records("times", rewrite.id)}
    assert values["Donnerstag"] == "2025-07-24"
