"""Interface strings of the web pages in German and English, and the choice between them.

The language comes from ``?lang=`` if given, else from the browser's ``Accept-Language``
header, else German (the project's first language). News text is never translated: only the
interface around it.
"""

from __future__ import annotations

from datetime import date, datetime

LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "de"

STRINGS: dict[str, dict[str, str]] = {
    "de": {
        "site": "Lagebild",
        "skip": "Zum Inhalt springen",
        "nav": "Hauptnavigation",
        "stories": "Geschichten",
        "search": "Suche",
        "search_label": "Suchbegriffe",
        "search_button": "Suchen",
        "search_hint": "Findet auch gebeugte Formen: „Gespräche“ findet „Gespräch“ und „Gesprächen“.",
        "results": "{n} Treffer",
        "no_results": "Keine Treffer.",
        "language": "Sprache",
        "filter": "Filtern",
        "filter_q": "Text",
        "filter_outlet": "Medium",
        "filter_since": "Aktiv seit",
        "any_outlet": "alle Medien",
        "reports": "{n} Berichte",
        "outlets": "Medien",
        "independent": "{n} unabhängige Quellen",
        "disputed_mark": "Quellen widersprechen sich",
        "new_mark": "neu",
        "new_since": "Neu seit {since}",
        "no_new": "Keine neuen Berichte seit dem letzten Besuch.",
        "summary": "Das Wichtigste",
        "no_summary": "Noch keine Zusammenfassung.",
        "timeline": "Chronik",
        "no_date": "ohne Datum",
        "who_said": "Wer sagte was",
        "via": "über",
        "source_chain": "Quellenkette",
        "disputed": "Umstritten",
        "according_to": "laut",
        "independent_short": "{n} unabh. Quellen",
        "sources": "Quellen nach Medium",
        "copy": "Übernahme",
        "duplicate": "Übernahme",
        "near-duplicate": "Übernahme",
        "rewrite": "Umschreibung",
        "shared-source": "gemeinsame Quelle",
        "entities": "Beteiligte",
        "mentions": "{n} Erwähnungen",
        "cite": "Quelle {n}: {outlet}",
        "document": "Dokument",
        "text": "Text",
        "legend": "Legende",
        "legend_entity": "Name",
        "legend_quote": "Zitat",
        "legend_time": "Zeitangabe",
        "legend_hl": "zitierter Satz",
        "segments": "Abschnitte",
        "quotes": "Zitate",
        "lineage": "Herkunft",
        "derived_from": "{kind} von",
        "source_of": "Vorlage für ({kind})",
        "in_stories": "In Geschichten",
        "published": "Veröffentlicht",
        "outlet": "Medium",
        "revision": "Fassung",
        "original": "Original",
        "entity": "Entität",
        "aliases": "Schreibweisen",
        "roles": "Rollen",
        "affiliations": "Zugehörigkeit",
        "type": "Typ",
        "next": "Weiter",
        "prev": "Zurück",
        "page": "Seite {a}–{b} von {n}",
        "not_found": "Nicht gefunden",
        "bad_request": "Ungültige Anfrage",
        "error": "Fehler",
        "back": "Zur Übersicht",
        "speaker_unknown": "unbekannt",
        "reload": "Neu laden zeigt, was seitdem dazugekommen ist.",
        "first_last": "{a} bis {b}",
    },
    "en": {
        "site": "Lagebild",
        "skip": "Skip to content",
        "nav": "Main navigation",
        "stories": "Stories",
        "search": "Search",
        "search_label": "Search terms",
        "search_button": "Search",
        "search_hint": "Finds inflected German forms too: “Gespräche” finds “Gespräch” and “Gesprächen”.",
        "results": "{n} results",
        "no_results": "No results.",
        "language": "Language",
        "filter": "Filter",
        "filter_q": "Text",
        "filter_outlet": "Outlet",
        "filter_since": "Active since",
        "any_outlet": "all outlets",
        "reports": "{n} reports",
        "outlets": "Outlets",
        "independent": "{n} independent sources",
        "disputed_mark": "sources disagree",
        "new_mark": "new",
        "new_since": "New since {since}",
        "no_new": "No new reports since your last visit.",
        "summary": "Key points",
        "no_summary": "No summary yet.",
        "timeline": "Timeline",
        "no_date": "undated",
        "who_said": "Who said what",
        "via": "via",
        "source_chain": "Source chain",
        "disputed": "Disputed",
        "according_to": "according to",
        "independent_short": "{n} indep. sources",
        "sources": "Sources by outlet",
        "copy": "copy",
        "duplicate": "copy",
        "near-duplicate": "near copy",
        "rewrite": "rewrite",
        "shared-source": "shared source",
        "entities": "Who and where",
        "mentions": "{n} mentions",
        "cite": "Source {n}: {outlet}",
        "document": "Document",
        "text": "Text",
        "legend": "Legend",
        "legend_entity": "name",
        "legend_quote": "quote",
        "legend_time": "time expression",
        "legend_hl": "cited sentence",
        "segments": "Segments",
        "quotes": "Quotes",
        "lineage": "Lineage",
        "derived_from": "{kind} of",
        "source_of": "source of ({kind})",
        "in_stories": "In stories",
        "published": "Published",
        "outlet": "Outlet",
        "revision": "Revision",
        "original": "original",
        "entity": "Entity",
        "aliases": "Spellings",
        "roles": "Roles",
        "affiliations": "Affiliations",
        "type": "Type",
        "next": "Next",
        "prev": "Previous",
        "page": "{a}–{b} of {n}",
        "not_found": "Not found",
        "bad_request": "Bad request",
        "error": "Error",
        "back": "Back to the overview",
        "speaker_unknown": "unknown",
        "reload": "Reload to see what has been added since.",
        "first_last": "{a} to {b}",
    },
}

WEEKDAYS = {"de": ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"),
            "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}
ENTITY_TYPES = {"de": {"PER": "Person", "ORG": "Organisation", "LOC": "Ort", "OTH": "Sonstiges"},
                "en": {"PER": "person", "ORG": "organisation", "LOC": "place", "OTH": "other"}}


def choose_language(query: str | None, accept_language: str | None) -> str:
    """``?lang=`` first, then the best-weighted supported language of Accept-Language."""
    if query in LANGUAGES:
        return query
    best, best_q = DEFAULT_LANGUAGE, -1.0
    for part in (accept_language or "").split(",")[:20]:
        tag, _, params = part.strip().partition(";")
        code = tag.strip().lower()[:2]
        if code not in LANGUAGES:
            continue
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        if q > best_q:
            best, best_q = code, q
    return best


def translate(lang: str, key: str, **values: object) -> str:
    text = STRINGS.get(lang, STRINGS[DEFAULT_LANGUAGE]).get(key) or STRINGS[DEFAULT_LANGUAGE].get(key, key)
    return text.format(**values) if values else text


def format_date(value: str | None, lang: str, with_time: bool = False) -> str:
    """An ISO date or datetime as people read it: "Mi 23.07.2025" / "Wed 23 Jul 2025"."""
    if not value:
        return translate(lang, "no_date")
    try:
        if len(value) >= 10:
            d = date.fromisoformat(value[:10])
            day = WEEKDAYS[lang][d.weekday()]
            text = f"{day} {d:%d.%m.%Y}" if lang == "de" else f"{day} {d:%d %b %Y}"
            if with_time and len(value) >= 16 and value[10] == "T":
                t = datetime.fromisoformat(value.replace("Z", "+00:00"))
                text += f", {t:%H:%M}" + (" Uhr" if lang == "de" else "")
            return text
        if len(value) == 7:
            return f"{value[5:7]}/{value[:4]}"
    except ValueError:
        pass
    return value


def attribute_label(attribute: str, lang: str) -> str:
    """The name of a disputed attribute ("date", "count:Gefangene") for people."""
    if lang == "de":
        from lagebild.corpus.timeline import attribute_de

        return attribute_de(attribute)
    if attribute.startswith("count:"):
        return "number of " + attribute[6:]
    return attribute
