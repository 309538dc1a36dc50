"""The picture across documents: one event per happening, its conflicts, timeline and summary.

Event reports are built by hand here (the per-document stage has its own tests), so these tests
specify merging, conflicts, independence, timeline and summary alone.
"""

from __future__ import annotations

from datetime import date

from lagebild.corpus.events import SourceDocument, attribution, merge_events
from lagebild.corpus.summary import MAX_SENTENCES, MIN_SENTENCES, Unit, summarise
from lagebild.corpus.timeline import build_timeline
from lagebild.model import EventMention, Quote, SourceRef, Speaker


def report(doc: str, n: int, *, date_value=None, ordinal=None, status="planned", counts=(),
           source=None, via=(), anaphoric=False, antecedent=None, kind="talks", place="Istanbul",
           date_text=None, participants=("Ukraine", "Russland")):
    return EventMention(
        id=f"{doc}-e{n}", document_id=doc, start=n * 100, end=n * 100 + 80, text="…", type=kind,
        trigger="Runde", trigger_start=n * 100, trigger_end=n * 100 + 5, date=date_value,
        date_text=date_text, place=place, participants=participants, status=status, counts=counts,
        ordinal=ordinal, anaphoric=anaphoric, antecedent=antecedent,
        source=Speaker(source, anonymous=source == "eine ungenannte Quelle") if source else None,
        via=via, segment_id=f"{doc}-s0")


def documents(*ids, day=date(2025, 7, 22)):
    return {d: SourceDocument(d, outlet=f"Blatt {d}", day=day, published=f"{day.isoformat()}T10:00:00+02:00")
            for d in ids}


def test_the_third_round_reported_by_five_outlets_is_one_event_with_five_sources():
    mentions = [report(f"d{k}", 1, date_value="2025-07-23", ordinal=3 if k % 2 else None) for k in range(5)]
    events, conflicts = merge_events(mentions, documents=documents(*(f"d{k}" for k in range(5))))
    (event,) = events
    assert event.ordinal == 3 and event.date == "2025-07-23" and event.place == "Istanbul"
    assert len(event.sources) == 5 and event.independent_sources == 5
    assert conflicts == []


def test_rounds_with_different_ordinals_or_distant_dates_stay_apart():
    mentions = [report("a", 1, date_value="2025-05-16", ordinal=1, status="happened"),
                report("a", 2, date_value="2025-06-02", ordinal=2, status="happened"),
                report("a", 3, date_value="2025-07-23", ordinal=3),
                report("b", 1, date_value="2025-06", status="happened"),
                report("b", 2, date_value="2025-07-23")]
    events, _ = merge_events(mentions, documents=documents("a", "b"))
    assert [(e.date, e.ordinal, len(e.sources)) for e in events] == [
        ("2025-05-16", 1, 1), ("2025-06-02", 2, 2), ("2025-07-23", 3, 2)]


def test_a_disputed_day_is_a_conflict_with_each_side_and_its_attribution_chain():
    mentions = [report("a", 1, date_value="2025-07-23", ordinal=3, source="Selenskyj", date_text="Mittwoch"),
                report("b", 1, date_value="2025-07-23", source="türkische Diplomatenkreise"),
                report("c", 1, date_value="2025-07-24", source="eine ungenannte Quelle", via=("Tass",),
                       date_text="Donnerstag")]
    events, conflicts = merge_events(mentions, documents=documents("a", "b", "c"))
    (event,) = events
    assert event.date == "2025-07-23"  # the day most independent sources give
    (conflict,) = conflicts
    assert conflict.event_id == event.id and conflict.attribute == "date"
    wednesday, thursday = conflict.values
    assert wednesday.value == "2025-07-23" and wednesday.independent == 2
    assert {s["attribution"] for s in wednesday.sources} == {"Selenskyj", "türkische Diplomatenkreise"}
    assert thursday.value == "2025-07-24"
    assert thursday.sources[0]["attribution"] == "Tass unter Berufung auf eine ungenannte Quelle"
    assert thursday.sources[0]["evidence"] == "Donnerstag"
    assert {"document_id", "start", "end"} <= set(thursday.sources[0])


def test_copies_count_once_when_sources_agree():
    mentions = [report(d, 1, date_value="2025-07-23", ordinal=3) for d in ("orig", "copy1", "copy2", "other")]
    groups = {"orig": "orig", "copy1": "orig", "copy2": "orig", "other": "other"}
    (event,), _ = merge_events(mentions, documents=documents("orig", "copy1", "copy2", "other"), groups=groups)
    assert len(event.sources) == 4 and event.independent_sources == 2


def test_different_numbers_for_the_same_agreement_conflict():
    mentions = [report("a", 1, date_value="2025-07-23", ordinal=3, status="happened"),
                report("a", 2, counts=(("Gefangene", 1200),), source="Umerow", anaphoric=True, antecedent="a-e1"),
                report("b", 1, counts=(("Gefangene", 1000),), source="Kreise der Delegation",
                       via=("Interfax",), status="happened")]
    (event,), conflicts = merge_events(mentions, documents=documents("a", "b", day=date(2025, 7, 24)))
    (conflict,) = conflicts
    assert conflict.attribute == "count:Gefangene"
    assert [v.value for v in conflict.values] == ["1000", "1200"] or [v.value for v in conflict.values] == ["1200", "1000"]
    assert event.status == "happened" and len(event.sources) == 3


def test_an_undated_report_joins_the_event_nearest_its_own_day():
    mentions = [report("a", 1, date_value="2025-06-02", ordinal=2, status="happened"),
                report("a", 2, date_value="2025-07-23", ordinal=3),
                report("b", 1)]
    events, _ = merge_events(mentions, documents=documents("a", "b"))
    july = next(e for e in events if e.ordinal == 3)
    assert any(r.document_id == "b" for r in july.sources)


def test_the_latest_report_decides_the_status():
    docs = documents("before")
    docs["after"] = SourceDocument("after", "Blatt", day=date(2025, 7, 24), published="2025-07-24T08:00:00+02:00")
    mentions = [report("before", 1, date_value="2025-07-23", ordinal=3, status="planned"),
                report("after", 1, date_value="2025-07-23", ordinal=3, status="happened")]
    (event,), _ = merge_events(mentions, documents=docs)
    assert event.status == "happened"


def test_attribution_without_a_quote_is_the_outlet():
    m = report("a", 1)
    assert attribution(m, SourceDocument("a", outlet="Rheinblick")) == "Rheinblick"
    assert attribution(report("a", 1, source="Peskow", via=("dpa",)),
                       SourceDocument("a", agency=("dpa",))) == "Peskow"  # the document's own agency


def test_the_timeline_is_dated_sorted_sourced_and_names_disputed_points():
    mentions = [report("a", 1, date_value="2025-07-23", ordinal=3, source="Selenskyj"),
                report("b", 1, date_value="2025-07-24", source="eine ungenannte Quelle", via=("Tass",)),
                report("a", 2, date_value="2025-05-16", ordinal=1, status="happened"),
                report("a", 3)]
    events, conflicts = merge_events(mentions, documents=documents("a", "b"))
    quote = Quote("a-q0", "a", 500, 540, "Wir sind zu Gesprächen bereit", "direct",
                  speaker=Speaker("Dmitri Peskow", kind="person"))
    timeline = build_timeline(events, conflicts, [(quote, date(2025, 7, 21))])
    assert [t.date for t in timeline] == ["2025-05-16", "2025-07-21", "2025-07-23"]
    assert all(t.sources for t in timeline)
    assert timeline[1].event_id is None and timeline[1].text.startswith("Dmitri Peskow: „Wir sind")
    assert "Datum umstritten" in timeline[2].text and "Tass" in timeline[2].text


def _units():
    texts = [
        ("a", "Die Unterhändler beider Länder treffen sich am Mittwoch zu einer dritten Gesprächsrunde in Istanbul.", True),
        ("a", "Die Gespräche sollen am Abend im Palast am Ufer des Bosporus beginnen.", False),
        ("b", "Die Unterhändler beider Länder treffen sich am Mittwoch zu einer dritten Gesprächsrunde in Istanbul, meldete die Agentur.", True),
        ("b", "Eine Agentur nannte dagegen den Donnerstag als Termin für die Gesprächsrunde in Istanbul.", True),
        ("c", "Nach rund vierzig Minuten war die Gesprächsrunde in Istanbul bereits wieder vorbei.", True),
        ("c", "Beide Seiten vereinbarten einen weiteren Austausch von Gefangenen nach der Gesprächsrunde.", True),
        ("c", "Lesen Sie hier mehr dazu.", False),
        ("d", "Das Wetter in der Stadt war an diesem Tag sonnig und warm, berichteten Korrespondenten.", False),
    ]
    days = {"a": date(2025, 7, 21), "b": date(2025, 7, 22), "c": date(2025, 7, 24), "d": date(2025, 7, 23)}
    units, position = [], {}
    for k, (doc, text, event) in enumerate(texts):
        position[doc] = position.get(doc, -1) + 1
        units.append(Unit(text, SourceRef(doc, k * 200, k * 200 + len(text)), days[doc], position[doc],
                          group=doc, event=event))
    return units


def test_the_summary_is_three_to_seven_cited_non_redundant_sentences_in_date_order():
    summary = summarise(_units())
    assert MIN_SENTENCES <= len(summary) <= MAX_SENTENCES
    texts = [s.text for s in summary]
    assert all(s.sources for s in summary)
    assert "Lesen Sie hier mehr dazu." not in texts
    # the agency copy of the first sentence is cited with it, not repeated
    assert sum("treffen sich am Mittwoch" in t for t in texts) == 1
    first = next(s for s in summary if "treffen sich am Mittwoch" in s.text)
    assert {r.document_id for r in first.sources} == {"a", "b"}
    days = {"a": 1, "b": 2, "d": 3, "c": 4}
    order = [days[s.sources[0].document_id] for s in summary]
    assert order == sorted(order)
