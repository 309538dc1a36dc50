"""The seed articles (../shared/seeds, not part of the project): every statement, its speaker
and its source chain. Fragments are under 60 characters; the articles are never copied here."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.extract.quotes import extract_quotes
from lagebild.model import Document, Parsed

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.exists(), reason="needs ../shared/seeds (not in a fresh clone)")


def seed_quotes(prefix: str):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    document = Document(id="s", source=str(path), identity=str(path), text=text)
    quotes, claims = extract_quotes(document, Parsed(document_id="s", language="de"))
    return quotes, claims


def find(quotes, fragment):
    hits = [q for q in quotes if fragment in q.text]
    assert hits, f"no quote contains {fragment!r}"
    # The innermost statement: "X habe berichtet, dass …" is X's words inside another's.
    return min(hits, key=lambda q: len(q.text))


# Seed 004 opens with the dateline "KIEW (dpa-AFX) -": every statement passed through dpa-AFX.
DPA = ("dpa-AFX",)

# (seed, fragment of the message, speaker surface, kind, refers_to, via)
CASES = [
    ("000", "in Richtung Türkei unterwegs", "Kreml-Sprecher Dmitri Peskow", "person", None, ()),
    ("000", "sehr schwierig", "Peskow", "person", None, ()),
    ("000", '"unterwegs"', "ein hochrangiger Regierungsvertreter", "anonymous", None, ("AFP",)),
    ("000", "Entwürfen von Memoranden", "Kreml-Sprecher Peskow", "person", None, ()),
    ("000", "weitere Gefangenenaustausche", "Der ukrainische Präsident Wolodymyr Selenskyj",
     "person", None, ()),
    ("000", "Unsere Erwartung ist", "er", "person", "Boris Pistorius", ("Spiegel",)),
    ("000", "Leider haben wir unser Kampfflugzeug", "Selenskyj", "person", None, ()),
    ("000", "Der Pilot konnte sich in Sicherheit", "der Präsident", "person",
     "Wolodymyr Selenskyj", ()),
    ("000", "Ausfall der Flugausrüstung", "Die ukrainische Luftwaffe", "institution", None, ()),
    ("000", "Er handelte dann kompetent", "Die ukrainische Luftwaffe", "institution", None, ()),
    ("000", "am Dienstagabend bei einem Flugeinsatz", "Luftwaffe", "institution", None, ()),
    ("000", "keine Todesopfer am Boden", "Luftwaffe", "institution", None, ()),  # "Demnach"
    ("001", "etwa eine Stunde gedauert", "eigene Quellen", "anonymous", None, ("Tass", "Interfax")),
    ("001", "Fortsetzung im weiteren Tagesverlauf", "eigene Quellen", "anonymous", None,
     ("Tass", "Interfax")),
    ("001", "in Istanbul eingetroffen", "die amtliche Nachrichtenagentur RIA", "agency", None, ()),
    ("001", "trafen am Montagmorgen in der Türkei ein",
     "ein Sprecher des ukrainischen Außenministeriums", "anonymous", None, ("AFP",)),
    ("001", "von Verteidigungsminister Rustem Umerow geleitet", "Präsident Wolodymyr Selenskyj",
     "person", None, ()),
    ("002", "bereit ist, die bilateralen Gespräche", "Selenskyj", "person", None, ()),
    ("002", "den Donnerstag als möglichen Termin", "Die russische Nachrichtenagentur Tass",
     "agency", None, ()),
    ("002", "nur auf Präsidentenebene", "Selenskyj", "person", None, ()),
    ("003", "Umerow habe ihn über die Vorbereitungen", "Selenskyj", "person", None, ()),
    ("003", "am Mittwoch in Istanbul stattfinden", "offiziellen türkischen Kreisen", "anonymous",
     None, ()),
    ("003", "diametral", "Kreml-Sprecher Dmitri Peskow", "person", None, ()),
    ("003", "Diplomatie bedeutet nicht Unterwerfung", "er", "person", "Jean-Noël Barrot", ()),
    ("003", "Substanz haben", "Sein ukrainischer Kollege Andryj Sybiha", "person", None, ()),
    ("004", "nicht um eine Waffenruhe", "Selenskyj", "person", None, DPA),
    ("004", "Rückkehr Kriegsgefangener", "Selenskyj", "person", None, DPA),
    ("004", "den Donnerstag als Termin", "eine nicht näher genannte Quelle", "anonymous", None,
     ("Tass", "dpa-AFX")),
    ("004", "Treffen am Mittwoch geplant", "Umerov", "person", None, DPA),
    ("004", "nur auf Ebene der Staatschefs", "Selenskyj", "person", None, DPA),
    ("004", "gut vorbereitet sein", "Der Kreml", "institution", None, DPA),
    ("004", "Logistik nehmen", "Selenskyj", "person", None, DPA),
    ("004", "Zusage für Ersatzlieferungen", "Merz", "person", None, DPA),
    ("004", "sehr dankbar", "Merz", "person", None, DPA),
]


@pytest.mark.parametrize("seed, fragment, speaker, kind, refers_to, via", CASES,
                         ids=[f"{c[0]}-{c[1][:24]}" for c in CASES])
def test_seed_statement_has_its_speaker_and_chain(seed, fragment, speaker, kind, refers_to, via):
    quote = find(seed_quotes(seed)[0], fragment)
    assert quote.speaker is not None
    assert quote.speaker.text == speaker
    assert quote.speaker.kind == kind
    assert quote.speaker.anonymous == (kind == "anonymous")
    if refers_to:
        assert quote.speaker.refers_to == refers_to
    assert quote.via == via


def test_seed_000_interrupted_mirage_quote_is_two_parts_one_speaker():
    quotes, _ = seed_quotes("000")
    first = find(quotes, "Leider haben wir")
    second = find(quotes, "Der Pilot konnte")
    assert first.kind == second.kind == "direct"
    assert second.speaker.refers_to == "Wolodymyr Selenskyj"


def test_seed_000_spokesperson_speaks_for_the_kremlin():
    quote = find(seed_quotes("000")[0], "in Richtung Türkei unterwegs")
    assert quote.speaker.represents == "Kreml"


def test_seed_000_promise_is_a_claim():
    _, claims = seed_quotes("000")
    claim = next(c for c in claims if "mit Kiew zu verhandeln" in c.text)
    assert claim.source.text == "Russland"


def test_seed_000_an_indicative_sentence_with_a_konjunktiv_only_in_its_falls_clause_is_no_quote():
    quotes, _ = seed_quotes("000")
    assert not [q for q in quotes if "den Druck auf Moskau erhöht" in q.text]


def test_seed_001_the_header_line_is_no_statement():
    quotes, _ = seed_quotes("001")
    assert not [q for q in quotes if "Newsblog zum Ukraine-Krieg" in q.text]


def test_seed_004_a_report_in_konjunktiv_is_nested_in_the_statement_before():
    quotes, _ = seed_quotes("004")
    outer = [q for q in quotes if q.text.startswith("Umerov habe berichtet")]
    assert [q.speaker.text for q in outer] == ["Selenskyj"]


def test_seed_004_the_dateline_is_no_part_of_the_first_statement():
    quote = find(seed_quotes("004")[0], "wollen ihre direkten Gespräche")
    assert quote.text.startswith("Die Ukraine und Russland wollen")
    assert quote.via == DPA
