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


# --------------------------------------------------------------------------- source and addressee spans


def one_event(text: str):
    view, events = events_of(text)
    outer = [e for e in events if not e.nested]
    assert len(outer) == 1, [words(view, e.message) for e in outer]
    return view, outer[0]


def test_gegenueber_names_the_addressee_without_the_preposition():
    view, event = one_event("Die Fähre fahre wieder, sagte Anna Weber gegenüber dem Inselboten.")
    assert words(view, event.source) == "Anna Weber"
    assert words(view, event.addr) == "dem Inselboten"


def test_gegenueber_after_a_stance_noun_is_no_addressee():
    view, event = one_event("Der Verband kritisierte seine Haltung gegenüber den Pächtern, "
                            "die Preise seien zu hoch.")
    assert event.addr == []


def test_the_press_and_interview_partners_are_addressees():
    view, event = one_event("Der Landrat sagte in Lindau vor der Presse, die Straße bleibe zu.")
    assert words(view, event.addr) == "der Presse"
    view, event = one_event("Die Ärztin erklärte in einem Interview mit der Kreiszeitung, "
                            "die Praxis schließe.")
    assert words(view, event.addr) == "der Kreiszeitung"


def test_a_dative_between_auxiliary_and_participle_is_the_addressee():
    view, event = one_event("Der Bürgermeister hat in einem Brief den Anwohnern mitgeteilt, "
                            "dass die Brücke gesperrt werde.")
    assert words(view, event.source) == "Der Bürgermeister"
    assert words(view, event.addr) == "den Anwohnern"


def test_an_accusative_object_is_no_addressee():
    view, event = one_event("Die Gewerkschaft forderte den Rücktritt des Vorstands.")
    assert event.addr == []


def test_the_agent_of_a_passive_cue_speaks_and_its_subject_is_addressed():
    view, event = one_event("Die Stadt wurde vom Naturschutzbund aufgefordert, den Park zu erhalten.")
    assert words(view, event.source) == "Naturschutzbund"
    assert words(view, event.addr) == "Die Stadt"


def test_an_impersonal_passive_has_neither_speaker_nor_addressee():
    view, event = one_event("Es wird vermutet, dass der Brand absichtlich gelegt wurde.")
    assert event.source == [] and event.addr == []


def test_a_document_named_in_a_passive_clause_is_the_source():
    view, event = one_event("In einem Bericht der Kreiszeitung wurde vermutet, dass niemand "
                            "verletzt wurde.")
    assert words(view, event.source) == "einem Bericht der Kreiszeitung"


def test_attributive_adjectives_belong_to_a_zufolge_source():
    view, event = one_event("Das Feuer brach ersten Angaben zufolge in der Küche aus.")
    assert words(view, event.source) == "ersten Angaben"
    assert "ersten" not in words(view, event.message)


def test_an_apposition_after_an_attribution_source_belongs_to_it():
    view, event = one_event("Nach Angaben von Eva Lind, der Leiterin des Amtes, bleibt die "
                            "Schule geschlossen.")
    assert words(view, event.source) == "Angaben von Eva Lind , der Leiterin des Amtes"
    assert words(view, event.message) == "bleibt die Schule geschlossen"


def test_a_year_after_a_month_stays_in_the_attribution_source():
    view, event = one_event("Laut einem Bericht des Ministeriums vom November 2011 sank die "
                            "Zahl der Unfälle.")
    assert words(view, event.source) == "einem Bericht des Ministeriums vom November 2011"


def test_a_wie_clause_speaker_with_apposition():
    view, event = one_event("Wie Anna Weber, Sprecherin der Stadtwerke, am Montag mitteilte, "
                            "bleibt das Bad geschlossen.")
    assert words(view, event.source) == "Anna Weber , Sprecherin der Stadtwerke"
    assert words(view, event.cue) == "Wie mitteilte"


def test_a_quoted_name_after_vom_belongs_to_the_speaker():
    view, event = one_event("Die Lage sei ruhig, sagte Tom Berg vom „Verein Grünes Tal“.")
    assert words(view, event.source) == "Tom Berg vom „ Verein Grünes Tal “"


def test_an_apposition_before_the_colon_belongs_to_the_speaker():
    view, event = one_event("Dazu sagte Tom Berg, Leiter der Feuerwehr: „Wir sind bereit.“")
    assert words(view, event.source) == "Tom Berg , Leiter der Feuerwehr"


def test_an_adverbial_prefield_is_no_speaker():
    view, event = one_event("Des Weiteren verwies die Ministerin darauf, dass die Kassen leer seien.")
    assert words(view, event.source) == "die Ministerin"


def test_a_summoned_prefield_is_addressed_and_the_pronoun_speaks():
    view, event = one_event("Die Wähler forderte er auf, zur Wahl zu gehen.")
    assert words(view, event.source) == "er"
    assert words(view, event.addr) == "Die Wähler"


# --------------------------------------------------------------------------- event detection (Q1)


def forms_and_cues(view, events):
    return [(e.form, words(view, e.cue)) for e in events if not e.nested]


def test_the_second_half_of_an_interrupted_quote_is_an_event_with_the_same_cue():
    view, events = events_of("„Das Wasser steigt weiter“, sagte Anna Berger. "
                             "„Wir räumen das Ufer.“")
    assert forms_and_cues(view, events) == [("Direct", "sagte"), ("Direct", "sagte")]
    assert [words(view, e.source) for e in events] == ["Anna Berger", "Anna Berger"]


def test_a_quotation_after_an_attributed_statement_keeps_its_cue():
    view, events = events_of("Der Förster sagte, der Wald sei trocken. „Wir brauchen Regen.“")
    quote = next(e for e in events if e.form == "Direct")
    assert words(view, quote.cue) == "sagte"
    assert words(view, quote.message) == "„ Wir brauchen Regen . “"


def test_konjunktiv_ii_alone_does_not_continue_speech():
    view, events = events_of("„Die Brücke ist sicher“, sagte der Minister. "
                             "Eine Reparatur könnte trotzdem teuer werden.")
    assert [e.form for e in events] == ["Direct"]


def test_konjunktiv_ii_continues_a_konjunktiv_i_statement():
    view, events = events_of("Der Minister sagte, die Brücke sei sicher. "
                             "Eine Sperrung wäre unnötig.")
    continued = [e for e in events if e.form == "IndirectFreeIndirect"]
    assert len(continued) == 1
    assert words(view, continued[0].source) == "Der Minister"


def test_a_first_person_habe_is_no_konjunktiv():
    view, events = events_of("„Wir kommen morgen“, sagte die Sängerin. Ich habe Karten gekauft.")
    assert [e.form for e in events] == ["Direct"]


def test_a_passive_demand_without_message_is_no_speech_report():
    view, events = events_of("Außerdem wurde eine neue Brücke gefordert.")
    assert events == []


def test_berichten_von_is_a_report_of_speech():
    view, events = events_of("Die Zeitung berichtete von drei Verletzten.")
    assert [(e.form, words(view, e.source)) for e in events] == [("Reported", "Die Zeitung")]


def test_geht_aus_hervor_takes_the_aus_phrase_as_source_and_the_sentence_before():
    view, events = events_of("Die Fabrik schließt im Mai. Dies geht aus einem Bericht des "
                             "Ministeriums hervor, der am Montag erschien.")
    event = next(e for e in events if "geht" in words(view, e.cue))
    assert words(view, event.cue) == "geht hervor"
    assert words(view, event.source) == "einem Bericht des Ministeriums"
    assert words(view, event.message).startswith("Die Fabrik schließt im Mai")


def test_als_grund_opens_a_main_clause():
    view, events = events_of("Als Grund wurde angegeben, die Kassen seien leer.")
    assert forms_and_cues(view, events) == [("Indirect", "wurde angegeben")]
    assert words(view, events[0].message) == "die Kassen seien leer"


@pytest.mark.parametrize("text, cue, message", [
    ("Am Montag wurde bekannt, dass die Fabrik schließt.", "wurde bekannt",
     "dass die Fabrik schließt"),
    ("Die Fabrik schließt, wie die Stadt bekannt gab.", "wie bekannt gab",
     "Die Fabrik schließt"),
])
def test_bekannt_with_werden_or_geben_is_a_cue(text, cue, message):
    view, events = events_of(text)
    assert forms_and_cues(view, events) == [("Indirect", cue)]
    assert words(view, events[0].message) == message


@pytest.mark.parametrize("text", [
    "Nach der Veröffentlichung des Fahrplans fuhren mehr Busse.",
    "Die Sitzung endete mit einer Pause, nach der alle ruhiger wurden.",
    "Sie sagte im Radio, nach der Feier seien alle müde gewesen.",
])
def test_temporal_nach_is_no_attribution(text):
    view, events = events_of(text)
    assert "nach" not in [words(view, e.cue).lower() for e in events]


def test_nach_denen_after_rumours_is_an_attribution():
    view, events = events_of("Im Dorf kursieren Gerüchte, nach denen der Wirt aufhört.")
    assert forms_and_cues(view, events) == [("Indirect", "nach")]
    assert words(view, events[0].source) == "denen"


def test_swiss_guillemets_pair_as_opening_and_closing():
    from lagebild.extract.quotes.direct import quoted_spans
    from lagebild.extract.quotes.text import view_of

    view = view_of("Das Lokal «Zum Hirschen» ist alt. Die Wirtin sagte: «Wir öffnen im Mai.»", None)
    spans = [words(view, range(s.open, s.close + 1)) for s in quoted_spans(view)]
    assert spans == ["« Zum Hirschen »", "« Wir öffnen im Mai . »"]


@pytest.mark.parametrize("text, source", [
    ("Ihm zufolge hat der Chor den Wettbewerb gewonnen.", "Ihm"),
    ("Der Website beispiel.de zufolge ist der Pass gesperrt.", "Der Website beispiel.de"),
])
def test_zufolge_after_a_pronoun_or_a_short_prefield(text, source):
    view, events = events_of(text)
    assert [words(view, e.source) for e in events] == [source]


def test_new_speech_verbs_and_verbs_that_are_no_speech():
    assert speech_verb("erzählte")[0].lemma == "erzählen"
    assert speech_verb("beteuerte")[0].lemma == "beteuern"
    assert speech_verb("stritt")[0].particle == "ab"
    assert speech_verb("prangerte")[0].lemma == "anprangern"
    assert speech_verb("verboten") == [] and speech_verb("verglich") == []


def test_an_ambiguous_plural_speaks_before_a_clause_only():
    view, events = events_of("Die Nachbarn sagen, der Lärm sei unerträglich.")
    assert forms_and_cues(view, events) == [("Indirect", "sagen")]
    view, events = events_of("Die Nachbarn wollen nichts sagen, weil sie Angst haben.")
    assert events == []


def test_an_unknown_verb_before_a_konjunktiv_clause_is_guessed_as_cue():
    view, events = events_of("Eine Passantin schwor der Polizei, der Fahrer sei geflohen.")
    assert forms_and_cues(view, events) == [("Indirect", "schwor")]
    assert words(view, events[0].source) == "Eine Passantin"
    assert words(view, events[0].message) == "der Fahrer sei geflohen"


def test_a_second_statement_after_the_speaker_is_an_event_with_the_same_cue():
    view, events = events_of("Die Lage sei ernst, sagte die Ministerin, man werde aber helfen.")
    assert forms_and_cues(view, events) == [("Indirect", "sagte"), ("Indirect", "sagte")]
    assert [words(view, e.message) for e in events] == ["Die Lage sei ernst",
                                                        "man werde aber helfen"]


def test_hearsay_soll_werden_needs_a_speaker_nearby():
    view, events = events_of("Der Konzern teilte mit, er verkaufe das Werk. "
                             "Im Mai soll es geschlossen werden.")
    hearsay = [e for e in events if e.form == "FreeIndirect"]
    assert [words(view, e.source) for e in hearsay] == ["Der Konzern"]
    view, events = events_of("Im Mai soll das Werk geschlossen werden.")
    assert events == []


def test_danach_after_a_survey_attributes_the_sentence_to_it():
    view, events = events_of("Eine Umfrage des Instituts liegt vor. "
                             "Danach wählen viele die Partei.")
    assert forms_and_cues(view, events) == [("Indirect", "Danach")]


def test_an_apposition_before_a_colon_is_the_speakers_and_the_quote_the_message():
    view, events = events_of("So sagte Tom Berg, Leiter der Feuerwehr: „Wir sind bereit.“")
    outer = [e for e in events if not e.nested]
    assert [words(view, e.source) for e in outer] == ["Tom Berg , Leiter der Feuerwehr"]
    assert words(view, outer[0].message) == "„ Wir sind bereit . “"


def test_das_after_a_comma_takes_up_the_clause_before_as_message():
    view, events = events_of("Seit Juni ist die Fähre außer Betrieb, das teilte die Reederei mit.")
    assert forms_and_cues(view, events) == [("Indirect", "teilte mit")]
    assert words(view, events[0].message) == "Seit Juni ist die Fähre außer Betrieb"
    assert words(view, events[0].source) == "die Reederei"


def test_a_separated_particle_ends_its_clause():
    view, events = events_of("Auch dieses Jahr gab es einen Markt an der Universität.")
    assert events == []


def test_a_passive_participle_in_a_wie_clause_is_a_cue():
    view, events = events_of("Die Lage sei ernst, wie der Trainer in der Zeitung zitiert wird.")
    assert forms_and_cues(view, events) == [("Indirect", "wie zitiert wird")]
    assert words(view, events[0].message) == "Die Lage sei ernst"


def test_a_run_of_hearsay_sentences_is_one_event():
    view, events = events_of("Der Konzern teilte mit, er verkaufe das Werk. Im Mai soll es "
                             "geschlossen werden. Die Arbeiter sollen eine Abfindung "
                             "bekommen haben.")
    hearsay = [e for e in events if e.form == "FreeIndirect"]
    assert len(hearsay) == 1
    assert words(view, hearsay[0].message).endswith("eine Abfindung bekommen haben .")


def test_zeigte_sich_with_a_clause_or_a_quote_is_a_cue():
    view, events = events_of("Die Ärztin zeigte sich besorgt, dass die Impfstoffe knapp würden.")
    assert forms_and_cues(view, events) == [("Indirect", "zeigte sich")]
    assert words(view, events[0].message) == "dass die Impfstoffe knapp würden"
    view, events = events_of("Der Präsident zeigte sich zufrieden mit dem Ergebnis.")
    assert events == []


def test_a_subordinate_speech_verb_before_a_konjunktiv_clause_is_a_cue():
    view, events = events_of("Die Bauern protestieren, da sie befürchten, "
                             "die Preise könnten fallen.")
    assert forms_and_cues(view, events) == [("Indirect", "befürchten")]
    assert words(view, events[0].message) == "die Preise könnten fallen"


def test_a_guessed_cue_after_a_subject_with_an_article():
    view, events = events_of("Die Ermittler gehen von einem Unfall aus, "
                             "der Fahrer sei eingeschlafen.")
    assert forms_and_cues(view, events) == [("Indirect", "gehen")]
    assert words(view, events[0].source) == "Die Ermittler"


def test_plain_hearsay_soll_goes_on_only_right_after_its_speaker():
    view, events = events_of("Der Verein teilte mit, er wechsle den Trainer. "
                             "Der Nachfolger soll im Juli beginnen.")
    hearsay = [e for e in events if e.form == "FreeIndirect"]
    assert [words(view, e.source) for e in hearsay] == ["Der Verein"]
    view, events = events_of("Der Verein teilte mit, er wechsle den Trainer. Das Stadion ist alt. "
                             "Es wird renoviert. Der Nachfolger soll im Juli beginnen.")
    assert [e for e in events if e.form == "FreeIndirect"] == []


def test_hearsay_right_after_a_reported_accusation_is_its_content():
    view, events = events_of("Die Staatsanwaltschaft wirft dem Händler Betrug vor. "
                             "Er soll Kunden um ihr Erspartes gebracht haben.")
    hearsay = [e for e in events if e.form == "FreeIndirect"]
    assert [words(view, e.source) for e in hearsay] == ["Die Staatsanwaltschaft"]
    assert words(view, hearsay[0].message) == "Er soll Kunden um ihr Erspartes gebracht haben ."
    view, events = events_of("Die Staatsanwaltschaft wirft dem Händler Betrug vor. Der Laden ist "
                             "geschlossen. Er soll Kunden um ihr Erspartes gebracht haben.")
    assert [e for e in events if e.form == "FreeIndirect"] == []


def test_a_role_noun_refers_to_the_name_before_an_apposition():
    text = ("Der Damm halte, sagte Anna Weber, die Leiterin des Deichamts. "
            "Die Pumpen liefen, sagte die Leiterin später.")
    quotes, _ = quotes_of(text)
    assert quotes[0].speaker.text == "Anna Weber, die Leiterin des Deichamts"
    assert quotes[1].speaker.refers_to == "Anna Weber"


def test_a_subject_pronoun_before_the_cue_in_a_relative_clause_speaks():
    view, event = one_event("Er hinterließ einen Brief, in dem er verlangte, dass niemand die "
                            "Polizei rufe.")
    assert words(view, event.source) == "er"


def test_whoever_follows_hiess_es_vom_is_the_source():
    view, event = one_event("Die Lage sei ruhig, hieß es vom Sprecher Tom Berg.")
    assert words(view, event.source) == "Sprecher Tom Berg"


def test_a_wie_clause_lead_in_is_no_message():
    view, event = one_event("Wie die Sprecherin der Stadtwerke, Anna Weber, erklärte, bleibe "
                            "das Bad geschlossen.")
    assert words(view, event.source) == "die Sprecherin der Stadtwerke , Anna Weber"
    assert words(view, event.message) == "bleibe das Bad geschlossen"


def test_a_partitive_pronoun_heads_its_genitive():
    view, event = one_event("Einige der betroffenen Anwohner haben erklärt, dass sie klagen "
                            "wollen.")
    assert words(view, event.source) == "Einige der betroffenen Anwohner"


def test_dieser_before_a_noun_is_an_article():
    view, event = one_event("Laut dieser Studie leiden viele Kinder unter Lärm.")
    assert words(view, event.source) == "dieser Studie"


def test_a_summoned_object_deeper_in_the_midfield_is_addressed():
    view, event = one_event("Die Ministerin hat am Montag in einer Rede die Landwirte dazu "
                            "aufgefordert, weniger Dünger zu nutzen.")
    assert words(view, event.source) == "Die Ministerin"
    assert words(view, event.addr) == "die Landwirte"


def test_where_a_speaker_comes_from_belongs_to_the_speaker():
    view, event = one_event("Die Brücke sei marode. Das berichteten Helfer des Roten Kreuzes "
                            "aus der Stadt Lindau.")
    assert words(view, event.source) == "Helfer des Roten Kreuzes aus der Stadt Lindau"


def test_who_is_quoted_by_an_agency_in_the_passive_speaks():
    view, event = one_event("Die Ministerin wird von der Agentur Nordpress mit den Worten "
                            "zitiert, die Lage sei ernst.")
    assert words(view, event.source) == "Die Ministerin"


# --------------------------------------------------------------------------- speakers (Q4)


def test_a_lead_in_speaker_keeps_its_apposition_past_adverbials_after_the_verb():
    view, event = one_event("Karl Brandt, der Vorsitzende des Vereins, der seit Jahren im Amt "
                            "ist, sagte zum Abschluss der Sitzung: „Wir machen weiter.“")
    assert words(view, event.source) == "Karl Brandt , der Vorsitzende des Vereins"
    assert words(view, event.message) == "„ Wir machen weiter . “"


def test_the_subject_opening_the_sentence_speaks_past_a_relative_clause_and_an_auxiliary():
    view, event = one_event("Die Interessengemeinschaft Hafen (IGH), die von der Stadt gegründet "
                            "wurde, hat nun in einer Stellungnahme bekannt gegeben, dass keine "
                            "Gefahr bestehe.")
    assert words(view, event.source) == "Die Interessengemeinschaft Hafen ( IGH )"


def test_a_quoted_name_after_von_belongs_to_the_speaker():
    view, event = one_event("Die Lage sei ruhig, sagte Anna Moser vom „Kollektiv Lindau“ gestern "
                            "in einem Interview.")
    assert words(view, event.source) == "Anna Moser vom „ Kollektiv Lindau “"


def test_a_short_quotation_of_capitalised_words_before_the_verb_is_a_name():
    view, event = one_event("„Nordkurier“ berichtet, dass die Fähre wieder fahre.")
    assert words(view, event.source) == "„ Nordkurier “"
    assert words(view, event.message) == "dass die Fähre wieder fahre"


def test_an_extended_attribute_belongs_to_the_speaker():
    view, event = one_event("„Wir bleiben hier“, schrieb die in Lindau geborene Sängerin.")
    assert words(view, event.source) == "die in Lindau geborene Sängerin"


def test_an_apposition_after_the_speakers_origin_leaves_the_message():
    view, event = one_event("So sagte der Koordinator für Katastrophenhilfe, Tom Berg, gegenüber "
                            "der Presse, dass die Pegel sinken.")
    assert words(view, event.source) == "der Koordinator für Katastrophenhilfe , Tom Berg"
    assert "Tom" not in words(view, event.message)


def test_after_nach_eigenem_bekunden_the_subject_goes_on_speaking():
    view, events = events_of("Der Bruder des Ministers, Karl Berger, war nach eigenem Bekunden "
                             "eingeweiht. „Er braucht jetzt Ruhe.“")
    quote = next(e for e in events if view.texts[e.message[0]] == "„")
    assert words(view, quote.source) == "Der Bruder des Ministers , Karl Berger"


def test_a_konjunktiv_run_with_no_speaker_takes_the_role_subject_of_the_sentence_before():
    view, events = events_of("Die Kriminalpolizei sucht einen Mann. Er sei etwa 30 Jahre alt "
                             "und trage eine Brille.")
    assert [words(view, e.source) for e in events] == ["Die Kriminalpolizei"]


def test_the_subject_of_a_subordinate_speech_clause_speaks():
    view, events = events_of("Während der Bürgermeister ankündigte, den Plan prüfen zu lassen, "
                             "stellte sich der Rat dagegen.")
    event = next(e for e in events if words(view, e.cue) == "ankündigte")
    assert words(view, event.source) == "der Bürgermeister"


def test_a_second_verb_after_a_comma_shares_the_subject_and_takes_the_message_after_it():
    view, events = events_of("Die Stadtwerke bestätigten den Ausfall, teilten jedoch mit, die "
                             "Ursache sei unklar.")
    event = next(e for e in events if words(view, e.cue) == "teilten mit")
    assert words(view, event.source) == "Die Stadtwerke"
    assert words(view, event.message) == "die Ursache sei unklar"


def test_der_after_a_document_noun_is_a_genitive_not_an_addressee():
    view, event = one_event("Laut einem Artikel der Zeitung Nordkurier sind 20 Häuser betroffen.")
    assert words(view, event.source) == "einem Artikel der Zeitung Nordkurier"


def test_demnach_statement_is_exported_with_the_speaker_it_points_back_to():
    quotes, _ = quotes_of("Der Damm hielt laut Feuerwehr bis zum Morgen. "
                       "Demnach gab es in der Nacht keine Verletzten.")
    quote = next(q for q in quotes if "keine Verletzten" in q.text)
    assert quote.speaker is not None and quote.speaker.text == "Feuerwehr"


def test_a_nominative_pronoun_after_the_verb_speaks_and_the_prefield_is_its_object():
    view, events = events_of("Eine Verschiebung der Wahl bezeichnete er als fatal, weil alle "
                             "warteten.")
    event = next(e for e in events if words(view, e.cue) == "bezeichnete")
    assert words(view, event.source) == "er"


# --- Speech events found beyond the classic layouts (issue #5; sentences invented for the tests)


def test_a_plural_kept_for_its_particle_reading_still_speaks_before_a_clause():
    view, events = events_of("Viele Experten sagen, dass die Mieten weiter steigen.")
    assert forms_and_cues(view, events) == [("Indirect", "sagen")]
    assert words(view, events[0].source) == "Viele Experten"


def test_a_stance_noun_speaks_past_an_adverb_after_its_verb():
    view, events = events_of("Die Opposition ist jedoch der Auffassung, dass das Gesetz scheitert.")
    assert forms_and_cues(view, events) == [("Indirect", "ist der Auffassung")]
    assert words(view, events[0].source) == "Die Opposition"


def test_holding_it_possible_that_is_a_stance_cue():
    view, events = events_of("Die Forscher halten es für wahrscheinlich, dass der Komet zerfällt.")
    assert forms_and_cues(view, events) == [("Indirect", "halten es für wahrscheinlich")]
    assert words(view, events[0].message) == "dass der Komet zerfällt"
    view, events = events_of("Der Verein hält es für seine Pflicht.")
    assert events == []


def test_seit_before_a_noun_opens_a_main_clause_not_a_subordinate_one():
    view, events = events_of("Seit Jahren vertritt sie die These, dass Bienen tanzen lernen.")
    assert forms_and_cues(view, events) == [("Indirect", "vertritt die These")]
    assert words(view, events[0].source) == "sie"


def test_a_relative_clause_with_a_speech_verb_speaks_through_its_pronoun():
    view, events = events_of("Die Polizei befragte einen Zeugen, der angab, den Fahrer erkannt "
                             "zu haben.")
    assert forms_and_cues(view, events) == [("Indirect", "angab")]
    assert words(view, events[0].source) == "der"
    assert words(view, events[0].message) == "den Fahrer erkannt zu haben"
    view, events = events_of("Es gab einen Richter, der entschied, ob die Haft angeordnet wird.")
    assert events == []


def test_participle_and_auxiliary_closing_a_wie_clause_are_the_cue():
    view, events = events_of("Wie der Verband am Montag bekanntgegeben hat, fällt das Turnier aus.")
    assert forms_and_cues(view, events) == [("Indirect", "Wie bekanntgegeben hat")]
    assert words(view, events[0].source) == "der Verband"


def test_a_passive_speech_verb_before_a_dass_clause_speaks_without_a_source():
    view, events = events_of("Am Morgen war berichtet worden, dass der Zug entgleist sei.")
    assert forms_and_cues(view, events) == [("Indirect", "war berichtet worden")]
    assert events[0].source == []
    view, events = events_of("Sollte der Antrag angenommen werden, könnte das Werk schließen.")
    assert events == []


def test_a_demonstrative_object_takes_up_the_sentence_before_as_message():
    view, events = events_of("Der Impfstoff wirkt auch bei Kindern. Die Forscher gaben diese "
                             "Ergebnisse am Montag bekannt.")
    assert forms_and_cues(view, events) == [("Indirect", "gaben bekannt")]
    assert words(view, events[0].message) == (
        "Der Impfstoff wirkt auch bei Kindern . diese Ergebnisse")


def test_a_colon_lead_in_with_any_verb_introduces_a_quotation():
    view, events = events_of("Im Landtag warb die Ministerin mit den Worten: „Wir brauchen mehr "
                             "Lehrer.“")
    assert forms_and_cues(view, events) == [("Direct", "warb")]
    assert words(view, events[0].source) == "die Ministerin"


def test_whom_an_outlet_quotes_speaks_too_as_a_nested_event():
    view, events = events_of("Die Zeitung zitiert den Bürgermeister mit den Worten „Wir schaffen "
                             "das schon.“")
    assert [(e.nested, words(view, e.cue), words(view, e.source)) for e in events] == [
        (False, "zitiert", "Die Zeitung"), (True, "", "den Bürgermeister")]
    quotes, _ = quotes_of("Die Zeitung zitiert den Bürgermeister mit den Worten „Wir schaffen "
                          "das schon.“")
    assert len(quotes) == 1


def test_an_origin_after_nach_angaben_belongs_to_the_source():
    view, event = one_event("Nach Angaben aus Regierungskreisen sind 20 Häuser betroffen.")
    assert words(view, event.source) == "Angaben aus Regierungskreisen"
    assert words(view, event.message) == "sind 20 Häuser betroffen"


def test_sowie_joins_speakers_like_und():
    view, event = one_event("Die Bürgermeisterin sowie der Landrat erklärten, die Brücke bleibe "
                            "gesperrt.")
    assert words(view, event.source) == "Die Bürgermeisterin sowie der Landrat"


def test_a_speaker_named_right_before_a_konjunktiv_run_wins_over_an_older_anchor():
    view, events = events_of("Der Bürgermeister sagte, die Lage sei ernst. Die Feuerwehr sei im "
                             "Einsatz. Die Polizei rät zur Vorsicht. Niemand solle das Haus "
                             "verlassen, es bestehe Gefahr.")
    last = max(events, key=lambda e: min(e.message))
    assert words(view, last.source) == "Die Polizei"


def test_a_clock_time_after_um_opens_a_main_clause():
    view, events = events_of("Um 9 Uhr meldete die Agentur, der Flughafen sei wieder offen.")
    assert forms_and_cues(view, events) == [("Indirect", "meldete")]
    assert words(view, events[0].source) == "die Agentur"


def test_an_announcement_in_a_subordinate_clause_takes_its_zu_infinitive_as_message():
    view, events = events_of("Die Gespräche stocken, da die Partei angekündigt hatte, mit allen "
                             "Gruppen verhandeln zu wollen.")
    assert forms_and_cues(view, events) == [("Indirect", "angekündigt hatte")]
    assert words(view, events[0].message) == "mit allen Gruppen verhandeln zu wollen"


def test_konjunktiv_after_a_named_report_of_speech_goes_on_with_its_speaker():
    text = ("Die Gewerkschaft Verdi forderte am Montag höhere Löhne. Der Streik beginnt am "
            "Dienstag. Die Beschäftigten hätten lange genug verzichtet.")
    document, parsed = _with_mentions(text, [("Gewerkschaft Verdi", "ORG")])
    quotes, _ = extract_quotes(document, parsed)
    continued = [q for q in quotes if q.text.startswith("Die Beschäftigten")]
    assert [q.speaker.text for q in continued] == ["Die Gewerkschaft Verdi"]


def test_a_web_name_after_laut_is_no_adjective_of_the_clause_after_it():
    view, event = one_event("Laut tagesschau.de blieben einige Demonstranten auf dem Platz.")
    assert words(view, event.source) == "tagesschau.de"


def test_quoted_words_in_the_clause_of_a_speech_verb_without_message_are_its_message():
    view, events = events_of("Der Minister nannte den Bericht eine „Zeitungsente“.")
    assert forms_and_cues(view, events) == [("Direct", "nannte")]
    assert words(view, events[0].message) == "„ Zeitungsente “"
    assert words(view, events[0].source) == "Der Minister"


# --------------------------------------------------------------- issue #5: statements by grammar


def test_quoted_words_inside_a_pluperfect_clause_are_the_message_of_its_subject():
    for aux in ("hat", "hatte"):
        quote = only(f"Die Bürgermeisterin {aux} den Haushalt als „soliden Kompromiss“ bezeichnet.")
        assert quote.text == "„soliden Kompromiss“"
        assert quote.speaker.text == "Die Bürgermeisterin"


def test_an_adverbial_clause_before_a_report_is_no_message_and_the_midfield_cites_the_source():
    text = ("Während die Stadt von Anfang an den Montag nannte, hatte die Agentur Tass unter "
            "Berufung auf eine anonyme Quelle den Dienstag gemeldet.")
    quote = only(text)
    assert quote.kind == "reported"
    assert "den Dienstag gemeldet" in quote.text
    assert quote.speaker.text == "eine anonyme Quelle"
    assert quote.via == ("Tass",)


def test_a_cited_source_citing_its_own_source_adds_a_link_to_the_chain():
    quote = only("Wie die Agentur AFP unter Berufung auf die Agentur Tass berichtete, die sich "
                 "ihrerseits auf eine Quelle im Ministerium stützte, ist ein Treffen geplant.")
    assert quote.text == "ist ein Treffen geplant"
    assert quote.speaker.text == "eine Quelle"
    assert quote.via == ("Tass", "AFP")
    quote = only("Die Agentur Reuters berichtete unter Berufung auf einen Diplomaten, der sich auf "
                 "Kreise der Regierung berief, das Treffen sei abgesagt.")
    assert quote.text == "das Treffen sei abgesagt"
    assert quote.speaker.text == "Kreise der Regierung"
    assert quote.via == ("Diplomaten", "Reuters")


def test_a_report_with_a_konjunktiv_cue_after_a_statement_is_nested_in_that_statement():
    quotes, _ = quotes_of("Die Stadt rechnet mit einer Einigung am Mittwoch. Das sagte "
                          "Bürgermeisterin Anna Keller am Montag im Rat. Kämmerer Paul Brandt habe "
                          "ihr berichtet, dass die Mittel für Mittwoch bereitstünden.")
    outer = next(q for q in quotes if q.text.startswith("Kämmerer Paul Brandt habe"))
    inner = next(q for q in quotes if q.text.startswith("dass die Mittel"))
    assert outer.speaker.text == "Bürgermeisterin Anna Keller"
    assert inner.speaker.text == "Kämmerer Paul Brandt"


def test_a_konjunktiv_only_in_a_falls_or_relative_clause_after_an_indicative_one_is_no_speech():
    quotes, _ = quotes_of("Die Ministerin sagte, die Lage sei ernst. Zuletzt hatte der Landrat "
                          "den Druck erhöht und Sperrungen angedroht, falls es keinen Fortschritt "
                          "gebe. Stattdessen brachte die Stadt Notquartiere ins Spiel, in denen "
                          "Familien wohnen könnten.")
    assert [q.text for q in quotes] == ["die Lage sei ernst"]
    # A main clause in Konjunktiv after an adverbial clause still goes on with the speech.
    quotes, _ = quotes_of("Die Ministerin sagte, die Lage sei ernst. Nachdem der Damm gebrochen "
                          "war, seien zwei Orte geräumt worden.")
    assert quotes[-1].text.startswith("Nachdem der Damm gebrochen war, seien")
    assert quotes[-1].speaker.text == "Die Ministerin"


def test_a_lower_case_header_word_that_only_looks_like_a_konjunktiv_opens_no_statement():
    quotes, _ = quotes_of("date 2025-06 Liveblog zum Hochwasser Pegel sinken wieder\n\n"
                          "Der Pegel in Lindau ist gesunken.")
    assert quotes == ()


def test_a_dass_clause_ends_where_the_subject_goes_on_with_a_second_speech_verb():
    quote = next(q for q in quotes_of("In einer Rede betonte die Ministerin, dass nur Gespräche "
                                      "helfen können und forderte ein Treffen mit dem Landrat.")[0]
                 if q.text.startswith("dass"))
    assert quote.text == "dass nur Gespräche helfen können"
    assert quote.speaker.text == "die Ministerin"


def test_a_pronoun_speaker_takes_no_place_after_it():
    text = ("Der Sprecher wollte sich nicht festlegen. „Das klären die Stellen“, sagte er in "
            "Lindau.")
    document, parsed = _with_mentions(text, [("Lindau", "LOC")])
    quotes, _ = extract_quotes(document, parsed)
    assert quotes[-1].speaker.text == "er"


def test_a_speech_verb_with_its_object_before_a_clause_of_a_new_subject_reports_only_itself():
    quotes, _ = quotes_of("Die Stadt forderte erneut eine sofortige Sperrung, der Kreis verwies "
                          "auf seine Bedingungen, darunter einen Verzicht auf Neubauten.")
    assert [(q.kind, q.text, q.speaker.text) for q in quotes] == [
        ("reported", "Die Stadt forderte erneut eine sofortige Sperrung", "Die Stadt")]


def test_a_relative_clause_on_the_object_of_a_demand_is_no_message():
    quote = only("Der Verband fordert eine Pause von 30 Tagen, die streng überwacht werden soll.")
    assert quote.kind == "reported"
    assert quote.speaker.text == "Der Verband"


def test_two_cues_finding_the_same_message_make_one_statement():
    quotes, _ = quotes_of("Der Landrat lehnt ein Treffen bislang ab und verweist darauf, dass es "
                          "zunächst vorbereitet werden müsse.")
    assert [q.text for q in quotes] == ["dass es zunächst vorbereitet werden müsse"]


def test_a_dass_clause_ends_before_a_postposed_cue_of_another_speaker():
    quotes, _ = quotes_of("Sein Kämmerer habe ihm gemeldet, dass der Termin abgestimmt sei, "
                          "erklärte der Bürgermeister am Abend.")
    inner = next(q for q in quotes if q.text.startswith("dass"))
    assert inner.text == "dass der Termin abgestimmt sei"
    assert inner.speaker.text == "Sein Kämmerer"


def test_the_message_before_a_postposed_cue_starts_after_the_writers_colon():
    quotes, _ = quotes_of("Zuvor hatte der Landrat eine Frist gesetzt: Ohne Einigung bis Mai "
                          "werde die Straße gesperrt, sagte der Landrat im Kreistag.")
    said = next(q for q in quotes if q.speaker is not None and q.speaker.text == "der Landrat")
    assert said.text == "Ohne Einigung bis Mai werde die Straße gesperrt"


def test_a_ministry_is_an_institution_and_a_weekday_is_no_origin():
    from lagebild.extract.quotes.speakers import speaker_kind

    assert speaker_kind("dem ukrainischen Außenministerium".split())[0] == "institution"
    assert speaker_kind("des Deutschen Wetterdienstes".split())[0] == "institution"
    assert speaker_kind("Außenminister Sybiha".split())[0] == "person"
    quote = only("Während die Stadt den Montag nennt, berichtet die Agentur Tass von Dienstag.")
    assert quote.speaker.text == "die Agentur Tass"


def test_by_its_own_account_the_subject_speaks_and_mere_findings_name_nobody():
    assert only("Die Firma hat nach eigenen Angaben 500 Stellen geschaffen.").speaker.text \
        == "Die Firma"
    assert only("Immerhin einigten sich beide Seiten nach eigenen Angaben auf einen "
                "Austausch.").speaker.text == "beide Seiten"
    assert only("Verletzt wurde nach bisherigen Erkenntnissen niemand.").speaker is None


def test_the_statement_just_mentioned_speaks_for_the_speaker_before():
    quotes, _ = quotes_of("Die Feuerwehr teilte mit, das Haus sei geräumt. Niemand sei verletzt "
                          "worden, hieß es in der Mitteilung.")
    assert [q.speaker.text for q in quotes] == ["Die Feuerwehr", "Die Feuerwehr"]


def test_a_statement_taken_up_by_das_ends_before_the_pronoun():
    quote = only("Die Stadt rechnet mit einer Einigung. Das sagte die Bürgermeisterin am Montag.")
    assert quote.text == "Die Stadt rechnet mit einer Einigung"
    assert quote.speaker.text == "die Bürgermeisterin"


def test_a_source_an_agency_relies_on_speaks_via_the_agency():
    quote = only("Die Agentur Tass berief sich dagegen auf eine ungenannte Quelle, der zufolge "
                 "die Sitzung erst am Donnerstag beginnt.")
    assert quote.speaker.text == "eine ungenannte Quelle"
    assert quote.via == ("Tass",)


def test_an_attribution_noun_before_a_genitive_without_article_is_not_the_speaker():
    assert only("Nach Einschätzung westlicher Diplomaten dürfte es um Fragen der Hilfe "
                "gehen.").speaker.text == "westlicher Diplomaten"


def test_a_paragraph_ends_the_reach_of_a_speaker_for_hearsay_and_konjunktiv():
    said = "Die Sprecherin der Stadtwerke sagte, die Leitung sei repariert."
    quotes, _ = quotes_of(said + " Ein Techniker soll die Arbeiten leiten.")
    assert [q.speaker.text for q in quotes] == ["Die Sprecherin der Stadtwerke"] * 2
    quotes, _ = quotes_of(said + "\n\nEin Techniker soll die Arbeiten leiten.")
    assert [q.text for q in quotes] == ["die Leitung sei repariert"]
    quotes, _ = quotes_of(said + "\n\nDer Strom sei am Abend wieder da.")
    assert [q.speaker for q in quotes][1:] == [None]  # a Konjunktiv nobody here said


def test_in_wie_sie_auch_x_verlangt_the_pronoun_is_the_object_and_x_speaks():
    quotes, _ = quotes_of("Der Bezirk lehnt eine Sperrung, wie sie auch der Fahrradclub "
                          "verlangt, weiter ab.")
    wanted = [q for q in quotes if q.cue and q.cue.startswith("wie")]
    assert [(q.speaker.text, q.text) for q in wanted] == [("der Fahrradclub", "eine Sperrung")]
    assert not [q for q in quotes if q.speaker.text == "sie"]
    # A dative after the pronoun is the addressee: there "sie" speaks.
    assert only("Die Lage sei ernst, wie sie der Zeitung sagte.").speaker.text == "sie"


def test_a_dateline_opens_the_report_not_the_statement_and_credits_its_agency():
    quote = only("HAMBURG (AFP) - Der Hafen sei wieder offen, sagte eine Sprecherin.")
    assert quote.text == "Der Hafen sei wieder offen"
    assert quote.speaker.text == "eine Sprecherin"
    assert quote.via == ("AFP",)
    # Where cleaning credited the document already, that credit stands alone.
    quotes, _ = quotes_of("BONN/KÖLN (dpa/lnw) - Die Bahn fahre wieder, teilte der Verband mit.",
                          agency=("dpa",))
    assert [(q.text, q.via) for q in quotes] == [("Die Bahn fahre wieder", ("dpa",))]


def test_a_short_quoted_name_after_the_cue_is_the_outlet_that_speaks():
    quote = only("Die Lage sei ruhig, schrieb „Der Kurier“ am Sonntag.")
    assert (quote.speaker.text, quote.text) == ("„Der Kurier“", "Die Lage sei ruhig")
    quote = only("Der Hafen bleibe geschlossen, berichtete die in Kiel erscheinende „Nordpost“ "
                 "am Montag.")
    assert quote.speaker.text == "die in Kiel erscheinende „Nordpost“"
    quote = only("Allerdings schrieb die konservative „Nordpost“ dem Bürgermeister den Erfolg zu.")
    assert quote.speaker.text == "die konservative „Nordpost“"


def test_a_verb_form_between_article_and_noun_is_an_attribute_not_the_cue():
    quote = only("Die Ministerin sagte in der bereits erwähnten Rede, der Haushalt sei solide.")
    assert (quote.cue, quote.speaker.text) == ("sagte", "Die Ministerin")


def test_a_noun_phrase_before_a_comma_ahead_of_the_speaker_belongs_to_the_speaker():
    # Before the finite verb stands one constituent: an apposition ahead of the name, or the
    # head of a list.
    quote = only("Die frisch gewählte Vorsitzende des Kieler Mietervereins, Anna Berg hat den "
                 "Senat gebeten, die Mieten zu deckeln.")
    assert quote.speaker.text == ("Die frisch gewählte Vorsitzende des Kieler Mietervereins, "
                                  "Anna Berg")
    quote = only("Die Bürgermeister Kiels, Lübecks und Flensburgs erklärten, sie unterstützten "
                 "den Plan.")
    assert quote.speaker.text == "Die Bürgermeister Kiels, Lübecks und Flensburgs"


def test_the_shared_subject_of_a_second_verb_keeps_its_apposition():
    quote = only("Der Landrat Hans Berger, ein erfahrener Verwaltungsjurist, wollte sich noch nicht "
                 "festlegen, sagte aber, der Kreis müsse sparen.")
    assert quote.speaker.text == "Der Landrat Hans Berger, ein erfahrener Verwaltungsjurist"
    assert quote.text == "der Kreis müsse sparen"


def test_a_der_phrase_between_an_opening_subject_and_its_verb_is_a_genitive():
    assert only("Ein Sprecher der Zeitung sagte, die Druckerei sei abgebrannt."
                ).speaker.text == "Ein Sprecher der Zeitung"


def test_statements_that_go_on_take_the_speaker_as_the_role_rules_fixed_it():
    quotes, _ = quotes_of("Ein Reporter der Deutschen Presse-Agentur (dpa) war vor Ort und "
                          "berichtet, dass die Brücke brannte. Die Feuerwehr sei erst nach "
                          "einer Stunde gekommen.")
    assert [q.speaker.text for q in quotes] == [
        "Ein Reporter der Deutschen Presse-Agentur (dpa)"] * 2


def test_after_a_reflexive_cue_the_subject_follows_the_pronoun():
    assert only("„Die Lage ist gut“, äußerte sich die Ministerin am Abend."
                ).speaker.text == "die Ministerin"
    assert only("„Wozu das alles?“ fragen sich die Anwohner.").speaker.text == "die Anwohner"
    # "sich entscheiden für": the "für" phrase is the verb's, not part of the speaker.
    assert only("„Die Lage ist gut“, entschied sich die Ministerin für den Plan."
                ).speaker.text == "die Ministerin"


def test_an_article_opening_a_zu_infinitive_after_the_object_is_no_relative_pronoun():
    view, events = events_of("Die Gewerkschaft beschuldigte den Vorstand, den Tarifvertrag "
                             "gebrochen zu haben.")
    assert [(words(view, e.cue), words(view, e.message)) for e in events] == [
        ("beschuldigte", "den Tarifvertrag gebrochen zu haben")]
    # A relative clause of the object still says nothing: "die … gebaut werden soll".
    _, events = events_of("Der Rat forderte eine Brücke, die bis Mai gebaut werden soll.")
    assert all(e.form == "Reported" for e in events)


def test_a_separated_particle_closes_its_clause_past_dashes_and_a_relative_clause():
    view, events = events_of("Die Schleuse bleibt bis Juni gesperrt. Dies gab am Montag – nach "
                             "einer Prüfung der Pfeiler – Bauleiterin Eva Roth bekannt.")
    said = [e for e in events if words(view, e.cue) == "gab bekannt"]
    assert [words(view, e.source) for e in said] == ["Bauleiterin Eva Roth"]
    assert words(view, said[0].message).startswith("Die Schleuse bleibt bis Juni gesperrt .")
    view, events = events_of("Die Schleuse bleibt bis Juni gesperrt. Dies geht aus einem "
                             "Schreiben des Amtes, das am Montag verschickt wurde, hervor.")
    said = [e for e in events if words(view, e.cue) == "geht hervor"]
    assert len(said) == 1 and words(view, said[0].source).startswith("einem Schreiben des Amtes")


def test_a_date_between_commas_stays_inside_the_clause_of_the_cue():
    view, events = events_of("Die Schleuse bleibt gesperrt. Dies wurde von einem Sprecher am "
                             "Dienstag, dem 4. März 2025, mitgeteilt.")
    said = [e for e in events if "mitgeteilt" in words(view, e.cue)]
    assert [words(view, e.source) for e in said] == ["einem Sprecher"]
    assert words(view, said[0].message).startswith("Die Schleuse bleibt gesperrt .")


def test_a_quotation_opening_the_second_message_after_the_speaker_is_a_statement_too():
    view, events = events_of("Der Plan sei gescheitert, sagte die Ministerin, ihr „Vertrauen in "
                             "die Planer ist dahin“.")
    said = [e for e in events if not e.nested]
    assert [words(view, e.message) for e in said] == [
        "Der Plan sei gescheitert", "ihr „ Vertrauen in die Planer ist dahin “"]
    assert {words(view, e.source) for e in said} == {"die Ministerin"}
    # A subordinate clause after the speaker ("wenn …") is no second statement.
    view, events = events_of("Der Plan sei gescheitert, sagte die Ministerin, wenn „die Planer "
                             "weiter nicht handeln“.")
    assert not any(words(view, e.message).startswith("wenn") for e in events)


def test_hearsay_after_a_stated_plan_is_the_plan_of_its_speaker():
    # With no speech event nearby, "soll(en)" right after a speaker-like subject that wants,
    # plans or decided something spells out that plan.
    view, events = events_of("Der Betriebsrat der Werft will das Werk verkaufen. Die Arbeiter "
                             "sollen eine Abfindung erhalten.")
    hearsay = [e for e in events if e.form == "FreeIndirect"]
    assert [words(view, e.source) for e in hearsay] == ["Der Betriebsrat der Werft"]
    assert words(view, hearsay[0].message) == "Die Arbeiter sollen eine Abfindung erhalten ."
    view, events = events_of("Das beschloss die Gewerkschaft am Montag. Die Busse sollen im "
                             "Depot bleiben.")
    assert [words(view, e.source) for e in events if e.form == "FreeIndirect"] == [
        "die Gewerkschaft"]
    # A subject that only did something, or a plan in a subordinate clause, is no speaker.
    for text in ("Der Betriebsrat der Werft besichtigte das Werk. Die Arbeiter sollen eine "
                 "Abfindung erhalten.",
                 "Der Betriebsrat bestätigte nicht, wonach Zeugen etwas gesehen haben wollen. "
                 "Die Arbeiter sollen eine Abfindung erhalten."):
        _, events = events_of(text)
        assert not [e for e in events if e.form == "FreeIndirect"]


def test_a_preposition_like_waehrend_opens_a_main_clause_before_hearsay():
    view, events = events_of("Die Polizei teilte mit, dass die Feier gestört worden sei. Es "
                             "ist unklar, wer dahintersteckt. Während des Überfalls sollen "
                             "Schüsse gefallen sein.")
    hearsay = [e for e in events if e.form == "FreeIndirect"]
    assert [words(view, e.source) for e in hearsay] == ["Die Polizei"]
    assert words(view, hearsay[0].message).startswith("Während des Überfalls sollen")
    # As a subordinator ("Während er …, soll …" aside) the clause stays subordinate.
    _, events = events_of("Die Polizei teilte mit, dass die Feier gestört worden sei. Es ist "
                          "unklar, wer dahintersteckt. Während sie schlafen sollen, wacht er.")
    assert not [e for e in events if e.form == "FreeIndirect"]
