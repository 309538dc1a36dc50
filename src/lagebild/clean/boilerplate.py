"""Page furniture that survives text extraction but is not the article, and its removal.

This module owns :data:`RULES`, an ordered list of named rules, each a pattern and the reason it
exists, and :func:`strip_boilerplate`, which applies them to a document's paragraphs. To support
a new outlet, add a rule (German first, English equivalents beside it) and a test with a short
snippet that shows the furniture it removes and the article text it keeps.

What a rule may do with a paragraph it matches (``Rule.action``):

``drop``            remove the paragraph (share bars, newsletter prompts, "(m/w/d)" job lines)
``drop_sentence``   remove only the matched sentence ("Lesen Sie hier mehr dazu."), keep the rest
``caption``         move the paragraph to ``Document.captions`` (picture captions and credits)
``drop_block``      remove the paragraph and the following lines the rule's ``continues``
                    pattern matches ("Stellenangebote" and the job titles under it)
``drop_list_run``   remove a whole run of list items ("- ...") when at least
                    PROMO_LIST_MIN_SHARE of them match the pattern (teaser and promo lists);
                    a list of article facts stays
``drop_rest``       the page footer starts here (comment section): remove this paragraph and
                    everything after it, provided some article text came before

Bylines, reading times and date stamps are read (and removed) by :mod:`.metadata` before these
rules run; agency signatures and datelines after them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Literal, Sequence

Action = Literal["drop", "drop_sentence", "caption", "drop_block", "drop_list_run", "drop_rest"]

# A run of list items is a promo list when at least this share of its items look like promos.
# Tuned on the IT BOLTWISE seed (5 of 5 promo items; a book-ad item alone) against article
# bullet lists of facts, which rarely carry promo words (0.6: a two-item list needs both).
PROMO_LIST_MIN_SHARE = 0.6
# Job titles under a "Stellenangebote" heading are short and unpunctuated; the longest in the
# IT BOLTWISE seed is about 95 characters. Anything longer or ending in a sentence is article.
JOB_TITLE_MAX_CHARS = 140
# A footer rule (comment section) cuts the rest of the page only after this much article text,
# so that a comment prompt at the top of a page cannot swallow the article.
FOOTER_MIN_ARTICLE_CHARS = 200
# Picture captions run to about 250 characters on t-online; a paragraph longer than this that
# ends in "(Quelle: ...)" is article text citing a source.
CAPTION_MAX_CHARS = 400
# Prompts and widgets are short; an article paragraph that mentions "Newsletter" is not.
PROMPT_MAX_CHARS = 600

_LIST_ITEM = re.compile(r"^(?:[-–•*·▪►]|\d{1,2}[.)])\s")
# Credits of picture agencies and photographers: "IMAGO/Ramil Sitdikov/imago", "Murad Sezer/
# reuters", "dpa", "Getty Images". A "(Quelle: Statistisches Bundesamt)" is a cited source.
_PHOTO_CREDIT = re.compile(
    r"/|\b(?:imago|dpa|picture[ -]alliance|getty|afp|reuters|ap(?: photo)?|epa|efe|keystone|"
    r"ddp|photothek|shutterstock|istock|adobe ?stock|action press|xinhua|anadolu|sputnik|"
    r"archiv\w*|privat|screenshot|handout|t-online|montage)\b",
    re.IGNORECASE,
)


def _is_photo_credit(match: re.Match[str]) -> bool:
    return bool(_PHOTO_CREDIT.search(match["credit"]))


# Prompts speak to the reader ("Du willst ...", "Folgen Sie uns ...") or in the outlet's voice
# ("wir behalten uns vor"); article sentences that merely contain "per E-Mail" or "Google News"
# do not. A short unpunctuated line ("Die wichtigsten News per E-Mail erhalten") is a button.
_READER = re.compile(  # case matters: "Ihre" (yours) is a prompt, "ihre" (hers) is not
    r"\b(?:Sie|Ihnen|Ihre?[mnrs]?|[Dd]u|[Dd]ich|[Dd]ir|[Dd]ein\w*|[Ee]uch|[Ee]uer\w*|[Ww]ir"
    r"|uns|unser\w*|[Jj]etzt|hier|[Yy]ou|[Yy]our|[Ww]e|[Oo]ur)\b"
)
BUTTON_MAX_CHARS = 100


def _is_prompt(match: re.Match[str]) -> bool:
    text = match.string
    if len(text) <= BUTTON_MAX_CHARS and not text.rstrip("\"“”»« ").endswith("."):
        return True
    return bool(_READER.search(text))


@dataclass(frozen=True, slots=True)
class Rule:
    """One kind of page furniture: how to find it, what to do with it, and why it exists."""

    name: str
    pattern: re.Pattern[str]
    why: str
    action: Action = "drop"
    max_chars: int | None = None  # longer paragraphs are article text and are left alone
    continues: re.Pattern[str] | None = None  # drop_block: lines that still belong to the block
    when: Callable[[re.Match[str]], bool] | None = None  # extra test on the match
    # Lower-case substrings of which one must occur before the pattern is tried at all. The
    # rules run on every paragraph; unanchored case-insensitive alternations cost ~0.1 ms a
    # page each, a substring test next to nothing.
    needles: tuple[str, ...] = ()


def _rule(name: str, pattern: str, why: str, action: Action = "drop", *, flags: int = 0,
          max_chars: int | None = None, continues: str | None = None,
          when: Callable[[re.Match[str]], bool] | None = None,
          needles: tuple[str, ...] = ()) -> Rule:
    return Rule(name, re.compile(pattern, flags), why, action, max_chars,
                re.compile(continues, flags) if continues else None, when, needles)


_I = re.IGNORECASE
# A sentence starts at the paragraph start or after sentence punctuation and a space.
_AT_SENTENCE = r"(?:^|(?<=[.!?\"“”»)] ))"

RULES: tuple[Rule, ...] = (
    _rule(
        "caption-credit",
        r"\((?:Quelle|Fotos?|Bild|Bildquelle|Symbolbild|Archivbild|Grafik|Photo|Image|Credit"
        r"|Source)\s*:\s*(?P<credit>[^()]{1,120})\)\s*$",
        "a picture caption ends with its credit in brackets: '... (Quelle: IMAGO/...)'",
        "caption", max_chars=CAPTION_MAX_CHARS, when=_is_photo_credit,
    ),
    _rule(
        "caption-line",
        r"^(?:Fotos?|Bild|Bildquelle|Bildrechte|Symbolbild|Archivbild|Titelbild|Photo|Image"
        r"|Picture|Credit|Foto ?credit)\s*:\s*\S",
        "a line that starts 'Foto:' / 'Bild:' is a picture credit, not body",
        "caption", max_chars=250,
    ),
    _rule(
        "share-bar",
        r"^(?:(?:News folgen|Artikel teilen|Artikel merken|Artikel anhören|Artikel verschenken"
        r"|Artikel drucken|Zur Merkliste(?: hinzufügen)?|Teilen|Merken|Drucken|Kommentieren"
        r"|Link kopieren|Share(?: this article| on \w+)?|Tweet|Facebook|Twitter|X|WhatsApp"
        r"|E-?Mail|Telegram|Pinterest|LinkedIn|Xing|Flipboard|Pocket|Reddit|Follow|Save|Print)"
        r"\s*[|·•,/]?\s*)+$",
        "share and follow widgets rendered as text: 'News folgen Artikel teilen'",
        flags=_I, max_chars=200,
    ),
    _rule(
        "read-more-sentence",
        _AT_SENTENCE
        + r"(?:Lesen Sie hier (?:mehr|weiter|alles)(?: dazu| darüber| zum Thema)?"
        r"|Lesen Sie (?:mehr )?(?:dazu|darüber|hierzu) (?:hier|mehr)"
        r"|Hier (?:lesen|erfahren) Sie mehr(?: dazu| darüber)?"
        r"|(?:Mehr|Alles|Alle Details|Alle Infos|Details|Hintergründe|Mehr Informationen"
        r"|Den ganzen Artikel|Einen ausführlichen Bericht)(?: [\w-]+){0,5}"
        r" (?:lesen|finden|erfahren|sehen) Sie (?:hier|in unserem \w+)"
        r"|Read more here|Click here (?:to read|for) more(?: [\w-]+){0,3})\s*[.!]?(?:\s+|$)",
        "link teasers inside a paragraph ('Lesen Sie hier mehr dazu.') point elsewhere; the"
        " rest of the paragraph is article",
        "drop_sentence",
        needles=("lesen sie", "sie hier", "sie mehr", "sie in unserem", "read more", "click here"),
    ),
    _rule(
        "read-more-line",
        r"^(?:Lesen Sie (?:auch|mehr|hier|weiter)|Mehr zum Thema|Mehr zu diesem Thema|Mehr dazu"
        r"|Auch interessant|Das könnte Sie (?:auch )?interessieren|Weitere Artikel"
        r"|Weitere Nachrichten|Empfehlungen der Redaktion|Verwandte Artikel|Zum Thema"
        r"|Read more|Read also|Related(?: articles| stories| coverage)?|See also"
        r"|More on this(?: story)?|Meistgelesen|Most read)\b\s*(?:[:>»|]|$)",
        "a line announcing links to other articles ('Lesen Sie auch: ...')",
        flags=_I, max_chars=250,
    ),
    _rule(
        "promo-list",
        r"\b(?:kostenlos\w*|gratis|Startseite|Patreon|Newsletter|abonnier\w*|bewerben"
        r"|Stellenangebote|Stellenmarkt|Bestseller\w*|Gutschein\w*|Rabatt\w*|Deals?"
        r"|jetzt (?:lesen|testen|sichern|entdecken|herunterladen)|free|subscribe)\b"
        r"|!\s*$| \| ",
        "teaser and promo link lists after the article ('- Die besten KI-News kostenlos ...!')",
        "drop_list_run", flags=_I,
    ),
    _rule(
        "job-listings",
        r"^(?:Stellenangebote|Stellenanzeigen|Stellenmarkt|Jobbörse|Aktuelle Jobs"
        r"|Jobs(?: bei [\w .-]{1,40})?|Job offers|Careers)$",
        "a job board under the article: the heading and the job titles after it",
        "drop_block", flags=_I,
        continues=rf"^(?=.{{1,{JOB_TITLE_MAX_CHARS}}}$)(?!.*[.!?]$)",
    ),
    _rule(
        "job-title",
        r"^(?!.*[.!?]$).*(?:\((?:[mwdfxi]|div)(?:\s*/\s*(?:[mwdfxi]|div)){1,3}\)"
        r"|\b(?:m/w/d|w/m/d|m/f/d|f/m/d|all genders)\b)",
        "a job title with its gender tag '(m/w/d)' is a job ad, wherever it stands",
        flags=_I, max_chars=JOB_TITLE_MAX_CHARS,
    ),
    _rule(
        "comment-section",
        r"Beitrag oder Kommentar zum Artikel|alle Kommentare (?:werden )?(?:\w+ )?moderiert"
        r"|^Kommentare (?:anzeigen|einblenden|lesen)|^Diskutieren Sie mit"
        r"|Comments are (?:closed|moderated)|^Join the (?:discussion|conversation)"
        r"|^Leave a (?:comment|reply)|^Show comments",
        "the comment section starts: what follows is moderation rules and prompts",
        "drop_rest", flags=_I, max_chars=400,
        needles=("kommentar", "moderiert", "diskutieren", "comment", "discussion",
                 "conversation"),
    ),
    _rule(
        "comment-moderation",
        r"jeden Kommentar zu löschen|Kommentare (?:sind|werden) (?:\w+ )?moderiert"
        r"|Kommentarfunktion (?:ist|wurde) (?:\w+ )?(?:geschlossen|deaktiviert)|Netiquette"
        r"|comments? (?:policy|guidelines)",
        "comment-moderation notices where no comment-section prompt came before",
        flags=_I, max_chars=PROMPT_MAX_CHARS, needles=("kommentar", "netiquette", "comment"),
        when=_is_prompt,
    ),
    _rule(
        "dont-miss",
        r"^(?:Du willst|Willst du|Sie wollen|Wollen Sie|Möchten Sie|Möchtest du)"
        r" (?:keine News|nichts|keine Nachrichten)(?: mehr)? verpassen\?|^(?:Don't|Never) miss\b",
        "a subscription teaser: 'Du willst nichts verpassen?'",
        flags=_I, max_chars=200,
    ),
    _rule(
        "subscription-prompt",
        r"per E-?Mail erhalten|E-Mail-Benachrichtigung|Newsletter (?:abonnieren|bestellen)"
        r"|(?:zum|für den|für unseren) Newsletter an|Feed\b.{0,60}\babonnieren"
        r"|(?:bei|auf|via) Google News\b.{0,40}\b(?:folgen|abonnieren|lesen)|^Nutze die Google"
        r"|Push-(?:Nachrichten|Benachrichtigungen|Mitteilungen) aktivieren"
        r"|kostenlos abonnieren|Jetzt (?:abonnieren|registrieren)"
        r"|(?:Sign up|Subscribe) (?:for|to) (?:our|the)\b|our newsletter",
        "newsletter, feed and news-app prompts addressed to the reader",
        flags=_I, max_chars=PROMPT_MAX_CHARS, when=_is_prompt,
        needles=("mail", "newsletter", "feed", "google", "push-", "abonn", "registrieren",
                 "sign up", "subscribe"),
    ),
    _rule(
        "follow-prompt",
        r"^(?:Folgen Sie uns|Folge uns|Follow us)\b",
        "social-media follow prompts",
        flags=_I, max_chars=200,
    ),
    _rule(
        "ad-marker",
        r"^(?:Anzeige|Werbung|Advertisement|Sponsored|Promoted|Sponsored content)$",
        "advertisement labels",
        flags=_I,
    ),
    _rule(
        "embed-placeholder",
        r"Um (?:eingebettete |externe )?Inhalte (?:\w+ )?anzuzeigen|Externer Inhalt"
        r"|externe Inhalte angezeigt werden|Video abspielen|Zum Abspielen des Videos"
        r"|Your browser does not support|Enable JavaScript",
        "placeholders of embedded videos, tweets and consent walls",
        flags=_I, max_chars=PROMPT_MAX_CHARS,
        needles=("inhalt", "video", "browser", "javascript"),
    ),
    _rule(
        "copyright-line",
        r"^(?:©|\(c\)\s|Copyright\b)",
        "a copyright line (an agency named here is read as a credit by metadata)",
        flags=_I, max_chars=200,
    ),
)


@dataclass(frozen=True, slots=True)
class Cleaned:
    """Paragraphs that are article, captions moved out, and what was removed by which rule."""

    paragraphs: tuple[str, ...]
    captions: tuple[str, ...] = ()
    removed: tuple[tuple[str, str], ...] = ()  # (rule name, removed text), in page order


def _list_run(paragraphs: Sequence[str], start: int) -> int:
    end = start
    while end < len(paragraphs) and _LIST_ITEM.match(paragraphs[end]):
        end += 1
    return end


def strip_boilerplate(paragraphs: Sequence[str], rules: Sequence[Rule] = RULES) -> Cleaned:
    """Apply ``rules`` in order to each paragraph; a pure function of its input."""
    kept: list[str] = []
    captions: list[str] = []
    removed: list[tuple[str, str]] = []
    kept_chars = 0
    index = 0
    count = len(paragraphs)
    while index < count:
        paragraph = paragraphs[index]
        lowered = paragraph.lower()
        advance = index + 1
        outcome = "keep"
        for rule in rules:
            if rule.max_chars is not None and len(paragraph) > rule.max_chars:
                continue
            if rule.needles and not any(needle in lowered for needle in rule.needles):
                continue
            if rule.action == "drop_list_run":
                if not _LIST_ITEM.match(paragraph) or (
                    index > 0 and _LIST_ITEM.match(paragraphs[index - 1])
                ):
                    continue
                end = _list_run(paragraphs, index)
                run = paragraphs[index:end]
                promos = sum(1 for item in run if rule.pattern.search(item))
                if promos >= PROMO_LIST_MIN_SHARE * len(run):
                    removed.extend((rule.name, item) for item in run)
                    advance, outcome = end, "dropped"
                    break
                continue
            match = rule.pattern.search(paragraph)
            if match is None or (rule.when is not None and not rule.when(match)):
                continue
            if rule.action == "drop_sentence":
                removed.extend(
                    (rule.name, m.group().strip()) for m in rule.pattern.finditer(paragraph))
                paragraph = rule.pattern.sub("", paragraph).strip()
                lowered = paragraph.lower()
                if not paragraph:
                    outcome = "dropped"
                    break
                continue
            if rule.action == "caption":
                captions.append(paragraph)
                outcome = "moved"
                break
            if rule.action == "drop_rest" and kept_chars >= FOOTER_MIN_ARTICLE_CHARS:
                removed.extend((rule.name, rest) for rest in paragraphs[index:])
                advance, outcome = count, "dropped"
                break
            removed.append((rule.name, paragraph))
            if rule.action == "drop_block" and rule.continues is not None:
                while advance < count and rule.continues.search(paragraphs[advance]):
                    removed.append((rule.name, paragraphs[advance]))
                    advance += 1
            outcome = "dropped"
            break
        if outcome == "keep":
            kept.append(paragraph)
            kept_chars += len(paragraph)
        index = advance
    return Cleaned(tuple(kept), tuple(captions), tuple(removed))
