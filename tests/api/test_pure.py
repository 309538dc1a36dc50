"""The pure functions under the views: highlight pieces, German stems, FTS queries, languages."""

from __future__ import annotations

import pytest

from lagebild.search import fts_query, snippet, stem
from lagebild.views import pieces
from lagebild.web.i18n import choose_language, format_date


def test_pieces_cover_the_text_and_never_overlap():
    text = "Peskow sagte am Mittwoch: „Wir sind bereit.“"
    spans = [(0, 6, "entity-PER", "e1"), (26, 44, "quote", None), (13, 24, "time", None),
             (27, 30, "entity-OTH", None), (40, 999, "time", None)]
    out = pieces(text, spans, highlight=(0, 24))
    assert "".join(p.text for p in out) == text
    assert all(a.end == b.start for a, b in zip(out, out[1:]))
    assert out[0].kinds == ("entity-PER",) and out[0].entity_id == "e1" and out[0].highlight
    assert not out[-1].highlight


def test_pieces_keep_markup_as_text():
    out = pieces("<b>x</b>", [(3, 4, "entity-PER", None)])
    assert [p.text for p in out] == ["<b>", "x", "</b>"]


@pytest.mark.parametrize("forms", [
    ("Gespräch", "Gespräche", "Gesprächen", "Gesprächs"),
    ("Verhandlung", "Verhandlungen"),
    ("Gefangene", "Gefangenen", "Gefangener"),
    ("Delegation", "Delegationen"),
])
def test_inflected_forms_share_a_stem(forms):
    assert len({stem(f) for f in forms}) == 1


def test_fts_query_quotes_every_term_so_user_input_is_never_syntax():
    assert fts_query('Gespräche OR "x" NEAR(') == '"gesprach" AND "or" AND "x" AND "near"'
    assert fts_query("  ,;  ") is None


def test_snippet_marks_the_matching_words():
    parts = snippet("Die Gespräche in Istanbul begannen am Mittag.", {stem("Gespräch")})
    assert [t for t, hit in parts if hit] == ["Gespräche"]


def test_language_from_query_then_accept_language():
    assert choose_language("en", "de-DE") == "en"
    assert choose_language(None, "en-GB,en;q=0.9,de;q=0.8") == "en"
    assert choose_language(None, "fr-FR, de;q=0.5") == "de"
    assert choose_language(None, None) == "de"
    assert format_date("2025-07-23T13:00:00+03:00", "de", True) == "Mi 23.07.2025, 13:00 Uhr"
    assert format_date("2025-07-23", "en") == "Wed 23 Jul 2025"
