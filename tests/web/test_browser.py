"""A reader's path through the pages in a real Chromium: stories, a story, a citation to its
highlighted sentence, search, and a headline with a script tag that stays text."""

from __future__ import annotations

import re

SCRIPT_TITLE = "Eilmeldung <script>window.__pwned = 1</script> Verhandlungen"  # as in conftest


def test_stories_page_lists_the_talks_story_with_its_marks(page, server):
    page.goto(server + "/")
    card = page.locator(".story-card", has_text="Istanbul").first
    assert card.is_visible()
    assert re.search(r"\d+ unabhängige Quellen", card.inner_text())
    assert card.locator(".conflict-mark").count() == 1


def test_a_citation_opens_the_cited_sentence_highlighted(page, server):
    page.goto(server + "/")
    page.locator(".story-card h2 a", has_text="Istanbul").first.click()
    assert page.locator("h1").inner_text()
    for heading in ("Das Wichtigste", "Chronik", "Umstritten", "Wer sagte was", "Quellen nach Medium"):
        assert page.get_by_role("heading", name=heading).is_visible()
    citation = page.locator(".summary .cite").first
    href = citation.get_attribute("href")
    start, end = (int(x) for x in re.search(r"hl=(\d+)-(\d+)", href).groups())
    citation.click()
    page.wait_for_url(re.compile(r"/documents/.*hl="))
    marked = page.locator("mark#hl")
    assert marked.is_visible()
    highlighted = "".join(page.locator(".doctext mark").all_inner_texts())
    assert len(highlighted) >= (end - start) * 0.9  # the whole sentence, not just a word
    assert page.evaluate("() => location.hash") == "#hl"
    assert page.evaluate("() => document.getElementById('hl').getBoundingClientRect().top") < 900


def test_search_finds_inflected_forms(page, server):
    page.goto(server + "/search")
    main = page.get_by_role("main")
    main.get_by_label("Suchbegriffe").fill("Gesprächen")
    main.get_by_role("button", name="Suchen").click()
    page.wait_for_url(re.compile(r"/search\?q="))
    assert page.locator(".hits li").count() >= 3
    assert page.locator(".snippet mark").first.inner_text().lower().startswith("gespräch")


def test_a_script_in_a_headline_renders_as_text(page, server):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server + "/search?q=Gefangenenaustausch")
    link = page.locator(".hits h2 a", has_text="<script>").first
    assert "<script>" in link.inner_text()
    link.click()
    assert page.locator("h1").inner_text() == SCRIPT_TITLE
    assert page.evaluate("() => window.__pwned === undefined")
    assert page.locator("main script").count() == 0
    assert not dialogs


def test_english_interface_on_request(page, server):
    page.goto(server + "/?lang=en")
    assert page.locator("h1").inner_text() == "Stories"
    assert "independent sources" in page.locator(".story-card").first.inner_text()
