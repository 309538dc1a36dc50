"""Specification of the quote stage on short German sentences written for these tests."""

from __future__ import annotations

import pytest

from lagebild.extract.quotes import extract_quotes
from lagebild.extract.quotes.cues import is_konjunktiv_i, speech_verb
from lagebild.model import Document, Parsed


def quotes_of(text: str, agency: tuple[str, ...] = ()):
    document = Document(id="t", source="t", identity="t", text=text, agency=agency)
    return extract_quotes(document, Parsed(document_id="t", language="de"))


def only(text: str):
    quotes, _ = quotes_of(text)
    assert len(quotes) == 1, [q.text for q in quotes]
    return quotes[0]


def test_every_quote_points_at_its_text_and_ids_are_positional():
    text = "Die Lage sei ernst, sagte die Bürgermeisterin. „Wir helfen sofort“, sagte der Landrat."
    quotes, claims = quotes_of(text)
    assert [q.id for q in quotes] == ["t-q0", "t-q1"]
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
        assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text
    assert all(c.id.startswith("t-c") for c in claims)


def test_indirect_speech_with_cue_after_the_message():
    quote = only("Die Brücke sei gesperrt, sagte ein Sprecher der Stadtwerke.")
    assert quote.kind == "indirect"
    assert quote.text == "Die Brücke sei gesperrt"
    assert quote.cue == "sagte"
    assert quote.speaker.text == "ein Sprecher der Stadtwerke"


def test_direct_quote_with_colon():
    quote = only("Der Trainer erklärte: „Wir haben verdient gewonnen.“")
    assert quote.kind == "direct"
    assert quote.text == "„Wir haben verdient gewonnen.“"
    assert quote.speaker.text == "Der Trainer"


def test_interrupted_direct_quote_keeps_one_speaker():
    text = "„Das Wasser steigt weiter“, sagte Bürgermeisterin Anna Berger. „Wir evakuieren das Ufer.“"
    quotes, _ = quotes_of(text)
    assert [q.text for q in quotes] == ["„Das Wasser steigt weiter“", "„Wir evakuieren das Ufer.“"]
    assert {q.speaker.text for q in quotes} == {"Bürgermeisterin Anna Berger"}


def test_mixed_quote_is_indirect_speech_with_quoted_fragment():
    quote = only('Die Verhandlungen seien "äußerst zäh", sagte der Vermittler.')
    assert quote.kind == "mixed"


def test_reported_speech_with_dass_and_separable_particle():
    quote = only("Die Feuerwehr teilte am Abend mit, dass der Brand gelöscht sei.")
    assert quote.cue == "teilte mit"
    assert quote.text == "dass der Brand gelöscht sei"
    assert quote.speaker.kind == "institution"


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Laut Polizei wurden drei Menschen verletzt.", "Polizei"),
        ("Nach Angaben der Feuerwehr brannte das Dach.", "der Feuerwehr"),
        ("Der Zeitung zufolge kostet der Bau mehr.", "Der Zeitung"),
        ("Die Straße ist wieder frei, wie die Polizei mitteilte.", "die Polizei"),
    ],
)
def test_attribution_phrases(text, speaker):
    quote = only(text)
    assert quote.speaker.text == speaker


def test_continuation_in_konjunktiv_keeps_the_speaker():
    text = ("Der Stadtrat sagte, die Sanierung werde teurer. Die Kosten lägen bei zwei Millionen. "
            "Man habe keine Wahl. Das Rathaus bleibt geöffnet.")
    quotes, _ = quotes_of(text)
    assert len(quotes) == 2
    assert quotes[1].speaker.text == "Der Stadtrat"
    assert quotes[1].cue is None
    assert "keine Wahl" in quotes[1].text and "Rathaus" not in quotes[1].text


def test_anonymous_source_via_agency_and_document_credit():
    text = "In Bern teilte ein hochrangiger Beamter der Nachrichtenagentur AFP mit, dass alles bereit sei."
    quotes, _ = quotes_of(text, agency=("dpa",))
    quote = quotes[0]
    assert quote.speaker.anonymous and quote.speaker.kind == "anonymous"
    assert quote.via == ("AFP", "dpa")


def test_agencies_citing_their_own_sources():
    quote = only("Die Sitzung sei vorbei, berichteten die Agentur Tass und die Agentur Interfax "
                 "unter Berufung auf eigene Quellen.")
    assert quote.speaker.text == "eigene Quellen"
    assert quote.speaker.anonymous
    assert quote.via == ("Tass", "Interfax")


def test_outlet_as_addressee_is_a_link_in_the_chain():
    quote = only('„Wir bleiben dabei“, sagte er dem "Stern".')
    assert quote.via == ("Stern",)


def test_pronoun_and_role_noun_resolve_to_the_named_speaker():
    text = ("Die Lage sei stabil, sagte Präsidentin Maria Lind. „Wir sind vorbereitet“, "
            "fügte die Präsidentin hinzu. Er habe nichts gewusst, sagte er.")
    quotes, _ = quotes_of(text)
    assert quotes[1].speaker.text == "die Präsidentin"
    assert quotes[1].speaker.refers_to == "Maria Lind"
    assert quotes[2].speaker.refers_to == "Maria Lind"


def test_spokesperson_speaks_for_the_institution():
    quote = only("Die Gespräche seien offen, sagte Rathaus-Sprecher Karl Maier.")
    assert quote.speaker.represents == "Rathaus"


def test_claims_for_indirect_speech_and_factual_direct_quotes_only():
    text = ("Der Verband hat zugesagt, am Montag zu verhandeln. „Warum nicht?“, fragte er. "
            "„Die Halle wurde im Mai fertig gebaut“, sagte die Architektin.")
    quotes, claims = quotes_of(text)
    assert [c.text for c in claims] == ["am Montag zu verhandeln",
                                       "„Die Halle wurde im Mai fertig gebaut“"]
    assert claims[0].source.text == "Der Verband"
    assert claims[0].quote_id == quotes[0].id


def test_no_speech_no_quotes():
    assert quotes_of("Der Zug fährt um acht Uhr ab. Es regnet seit Stunden.") == ((), ())


@pytest.mark.parametrize("word", ["sei", "seien", "habe", "werde", "könne", "müsse", "gebe",
                                  "fordere", "verhandle"])
def test_konjunktiv_i_forms(word):
    assert is_konjunktiv_i(word)


@pytest.mark.parametrize("word", ["große", "die", "andere", "Gespräche", "ende", "hat", "ist"])
def test_words_that_are_not_konjunktiv_i(word):
    assert not is_konjunktiv_i(word)


def test_speech_verbs_need_their_particle():
    readings = speech_verb("teilte")
    assert readings and all(r.particle for r in readings)
    assert speech_verb("mitgeteilt")[0].participle
    assert speech_verb("Bericht") == []


# --------------------------------------------------------------------------- rules added for recall


def events_of(text: str):
    from lagebild.extract.quotes import find_speech_events
    from lagebild.extract.quotes.text import view_of

    view = view_of(text, None)
    return view, find_speech_events(view)


def words(view, tokens) -> str:
    return " ".join(view.texts[i] for i in tokens)


def test_so_with_a_name_and_no_verb_attributes_the_clause_before():
    quote = only("Die Arbeiten dauerten noch bis Mai, so die Stadtwerke Lindau weiter.")
    assert quote.text == "Die Arbeiten dauerten noch bis Mai"
    assert quote.speaker.text == "die Stadtwerke Lindau"


def test_an_apposition_after_a_postponed_speaker_belongs_to_the_speaker():
    quote = only("Der Damm halte, sagte Anna Weber, die Leiterin des Deichamts.")
    assert quote.speaker.text == "Anna Weber, die Leiterin des Deichamts"


def test_demnach_and_wonach_are_attribution_cues():
    view, events = events_of("Demnach sei der Damm sicher. Es gibt einen Bericht der Zeitung, "
                             "wonach der Damm bricht.")
    cues = [words(view, e.cue) for e in events]
    assert "Demnach" in cues and "wonach" in cues
    wonach = next(e for e in events if words(view, e.cue) == "wonach")
    assert words(view, wonach.message) == "der Damm bricht"


def test_a_stance_noun_with_its_verb_is_a_cue():
    quote = only("Der Bürgermeister ist der Meinung, die Brücke müsse saniert werden.")
    assert quote.cue == "ist der Meinung"
    assert quote.speaker.text == "Der Bürgermeister"
    assert quote.text == "die Brücke müsse saniert werden"


def test_a_quoted_fragment_inside_indirect_speech_is_a_nested_direct_event():
    view, events = events_of("Die Lage sei „sehr ernst und schwierig“, sagte der Landrat.")
    nested = [e for e in events if e.nested]
    assert len(nested) == 1 and nested[0].form == "Direct"
    assert words(view, nested[0].message) == "„ sehr ernst und schwierig “"
    assert words(view, nested[0].source) == "der Landrat"
    quotes, _ = quotes_of("Die Lage sei „sehr ernst und schwierig“, sagte der Landrat.")
    assert [q.kind for q in quotes] == ["mixed"]  # the pipeline keeps the outer statement


def test_a_passive_cue_takes_no_speaker_from_its_subject():
    view, events = events_of("Die Firma wird aufgefordert, die Anlage zu schließen.")
    assert events and events[0].source == []
    assert words(view, events[0].addr) == "Die Firma"


# --------------------------------------------------------------------------- with mentions


def _with_mentions(text: str, names: list[tuple[str, str]]):
    """The document, our own tokens, and hand-made mentions (surface, type) as the NER gives."""
    from lagebild.extract.quotes.text import split_sentences, tokenize
    from lagebild.model import Mention, Sentence, Token

    document = Document(id="t", source="t", identity="t", text=text)
    texts, starts, ends = tokenize(text)
    tokens = tuple(Token(s, e, w, "") for w, s, e in zip(texts, starts, ends))
    ranges = tuple(split_sentences(text, texts, starts))
    sentences = tuple(Sentence(f"t-s{n}", "t", starts[a], ends[b - 1]) for n, (a, b) in enumerate(ranges))
    mentions = []
    position = 0
    for surface, kind in names:
        start = text.index(surface, position)
        position = start + len(surface)
        mentions.append(Mention(f"t-m{len(mentions)}", "t", start, position, surface, kind))
    return document, Parsed("t", "de", tokens, sentences, ranges, tuple(mentions))


def test_a_pronoun_speaker_refers_to_the_last_subject_mention_before_it():
    text = ("Die Stadtwerke Nordhafen erhöhen die Preise. Bürgermeister Jan Kolbe traf am Montag "
            "Vertreter von Anna Roth. Die Lage sei ernst, sagte er.")
    document, parsed = _with_mentions(text, [("Stadtwerke Nordhafen", "ORG"), ("Jan Kolbe", "PER"),
                                             ("Anna Roth", "PER")])
    quotes, _ = extract_quotes(document, parsed)
    assert quotes[0].speaker.text == "er"
    # Anna Roth is mentioned later, but as an object: the subject Jan Kolbe is meant.
    assert quotes[0].speaker.refers_to == "Jan Kolbe"


def test_sie_may_refer_to_an_organisation_subject():
    text = "Die Stadtwerke Nordhafen erhöhen die Preise. Die Kosten seien gestiegen, erklärten sie."
    document, parsed = _with_mentions(text, [("Stadtwerke Nordhafen", "ORG")])
    quotes, _ = extract_quotes(document, parsed)
    assert quotes[0].speaker.refers_to == "Stadtwerke Nordhafen"


def test_mention_boundaries_decide_where_a_speaker_ends():
    # A lower-case name part would end a word-shape phrase at "Ali"; the mention runs on.
    text = "Die Förderung steige, bestätigte der Ölminister Ali al-Omair."
    document, parsed = _with_mentions(text, [("Ali al-Omair", "PER")])
    quotes, _ = extract_quotes(document, parsed)
    assert quotes[0].speaker.text == "der Ölminister Ali al-Omair"


def test_an_apposition_next_to_a_person_mention_belongs_to_the_speaker():
    text = "Die Ernte sei gut, sagte Karl Jung, Geschäftsführer des Bauernbundes, am Montag."
    document, parsed = _with_mentions(text, [("Karl Jung", "PER"), ("Bauernbundes", "ORG")])
    quotes, _ = extract_quotes(document, parsed)
    assert quotes[0].speaker.text == "Karl Jung, Geschäftsführer des Bauernbundes"


def test_a_person_mention_after_a_reflexive_cue_is_the_speaker():
    text = "Am Montag äußerte sich Vereinssprecher Tom Berger dahingehend, die Lage sei ruhig."
    document, parsed = _with_mentions(text, [("Tom Berger", "PER")])
    quotes, _ = extract_quotes(document, parsed)
    assert quotes[0].speaker.text == "Vereinssprecher Tom Berger"
