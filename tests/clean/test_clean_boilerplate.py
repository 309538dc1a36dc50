"""Page furniture goes, the article stays: each rule on a short German (or English) snippet."""

from __future__ import annotations

import pytest

from lagebild.clean.boilerplate import RULES, strip_boilerplate

ARTICLE = ("Der Stadtrat von Beispielstadt hat am Dienstag einen neuen Haushalt beschlossen. "
           "Die Mehrheit stimmte nach langer Debatte für die Pläne der Kämmerin, die Opposition "
           "kündigte Widerstand an und will das Land um eine Prüfung bitten.")


def kept(*paragraphs: str) -> tuple[str, ...]:
    return strip_boilerplate(list(paragraphs)).paragraphs


def test_every_rule_is_named_and_says_why():
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    assert all(rule.why and rule.pattern.pattern for rule in RULES)


def test_share_bar_is_removed():
    assert kept("News folgen Artikel teilen", ARTICLE) == (ARTICLE,)
    assert kept("Teilen | Merken | Drucken", ARTICLE) == (ARTICLE,)
    assert kept("Share this article", ARTICLE) == (ARTICLE,)


def test_read_more_sentence_goes_the_rest_of_the_paragraph_stays():
    paragraph = "Die Kämmerin verteidigte den Plan. Lesen Sie hier mehr dazu."
    assert kept(paragraph) == ("Die Kämmerin verteidigte den Plan.",)
    paragraph = "Die Lage bleibt unklar. Mehr zu den Hintergründen lesen Sie hier. Er schwieg."
    assert kept(paragraph) == ("Die Lage bleibt unklar. Er schwieg.",)
    assert kept("Ein Satz zum Schluss. Read more here.") == ("Ein Satz zum Schluss.",)


def test_a_sentence_that_only_contains_similar_words_stays():
    paragraph = "Wer mehr dazu lesen will, findet den Bericht im Rathaus."
    assert kept(paragraph) == (paragraph,)


def test_read_more_line_is_removed():
    assert kept(ARTICLE, "Lesen Sie auch: Neuer Bürgermeister gewählt") == (ARTICLE,)
    assert kept(ARTICLE, "Mehr zum Thema") == (ARTICLE,)


def test_promo_list_goes_a_list_of_facts_stays():
    promos = ["- Die besten Rezepte kostenlos per Newsletter!", "- Zur Startseite",
              "- Jetzt Abo sichern!"]
    assert kept(ARTICLE, *promos) == (ARTICLE,)
    facts = ["- 120 Millionen Euro für Schulen", "- 40 Millionen Euro für Straßen"]
    assert kept(ARTICLE, *facts) == (ARTICLE, *facts)


def test_job_board_goes_with_its_titles():
    jobs = ["Stellenangebote", "Sachbearbeiter Haushalt (m/w/d)", "Leitung Bauamt",
            "Werkstudent Data Science (w/m/d)"]
    assert kept(ARTICLE, *jobs) == (ARTICLE,)


def test_a_lone_job_title_goes_but_a_sentence_about_jobs_stays():
    assert kept(ARTICLE, "Ingenieur Tiefbau (m/w/d)") == (ARTICLE,)
    sentence = "Die Stadt sucht Erzieher (m/w/d) und zahlt eine Zulage."
    assert kept(sentence) == (sentence,)


def test_comment_section_ends_the_article():
    footer = ["Es werden alle Kommentare moderiert!",
              "Wir behalten uns vor, Beiträge zu entfernen, die vom Thema abweichen.",
              "Noch ein Absatz, der zur Kommentarseite gehört und nicht zum Artikel."]
    result = strip_boilerplate([ARTICLE, *footer])
    assert result.paragraphs == (ARTICLE,)
    assert [name for name, _ in result.removed] == ["comment-section"] * 3


def test_a_comment_prompt_before_any_article_text_does_not_swallow_the_article():
    assert kept("Diskutieren Sie mit!", ARTICLE) == (ARTICLE,)


def test_subscription_and_feed_prompts_are_removed():
    prompts = ["Du willst nichts verpassen?", "Folgen Sie uns bei Google News und abonnieren Sie",
               "Die wichtigsten Nachrichten täglich per E-Mail erhalten",
               "Folgen Sie uns bei Google News", "Sign up for our newsletter", "Anzeige"]
    assert kept(ARTICLE, *prompts) == (ARTICLE,)


def test_a_paragraph_that_mentions_a_newsletter_in_passing_stays():
    sentence = "Die Verwaltung informiert künftig in einem Newsletter über Baustellen. "
    paragraph = (sentence * 12).strip()
    assert kept(paragraph) == (paragraph,)


@pytest.mark.parametrize("sentence", [
    "Die Kunden sollen ihre Rechnung künftig per E-Mail erhalten.",
    "Der Verlag streitet mit dem Konzern über Anrisstexte bei Google News.",
    "Die Zeitung hat die Kommentarfunktion unter dem Text abgeschaltet.",
    "Die Stadt will den Verein weiter unterstützen und schafft neue Jobs.",
])
def test_article_sentences_that_name_furniture_words_stay(sentence):
    assert kept(ARTICLE, sentence, ARTICLE) == (ARTICLE, sentence, ARTICLE)
    assert kept(ARTICLE, "- " + sentence, "- Die Zahl der Gäste stieg.") == (
        ARTICLE, "- " + sentence, "- Die Zahl der Gäste stieg.")


def test_picture_captions_become_captions():
    caption = ("Die Kämmerin im Rathaus (Archivbild): Sie legte den Plan vor."
               " (Quelle: IMAGO/Max Muster)")
    result = strip_boilerplate([caption, "Foto: picture alliance/dpa", ARTICLE])
    assert result.paragraphs == (ARTICLE,)
    assert result.captions == (caption, "Foto: picture alliance/dpa")


def test_a_cited_source_in_brackets_is_not_a_caption():
    paragraph = "Die Arbeitslosenquote stieg auf 6,3 Prozent. (Quelle: Statistisches Bundesamt)"
    result = strip_boilerplate([paragraph])
    assert result.paragraphs == (paragraph,) and result.captions == ()


def test_removal_is_recorded_by_rule():
    result = strip_boilerplate(["News folgen Artikel teilen", ARTICLE])
    assert result.removed == (("share-bar", "News folgen Artikel teilen"),)
