"""Who speaks: finding the speaker's noun phrase, telling its kind, resolving "er" and role nouns.

Without a parser, a speaker phrase is found from word shapes: determiners, attributive
adjectives (lower case with an inflection ending), capitalised nouns and names, a genitive
continuation ("der Sprecher des Ministeriums"), a party in brackets ("(SPD)") and coordination
("Tass und Interfax"). Where the language layer gives named-entity mentions, they decide the
kind of a speaker (PER, ORG) and what a pronoun refers to; without them, word lists do.
"""

from __future__ import annotations

from typing import Sequence

from lagebild.extract.quotes.text import TokenView

DETERMINERS = frozenset(
    "der die das den dem des ein eine einen einem einer eines sein seine seinen seinem seiner "
    "seines ihr ihre ihren ihrem ihrer ihres dessen deren dieser diese diesen diesem dieses "
    "jener jene mehrere zahlreiche viele einige alle beide beiden andere weitere manche "
    "unser unsere mein meine kein keine".split()
)
PRONOUNS = frozenset("er sie ich wir man es jemand niemand dieser diese letztere letzterer".split())
PREPOSITIONS = frozenset(
    "in im an am auf aus bei beim mit nach von vom vor zu zum zur über unter um für gegen durch "
    "ohne seit bis während wegen trotz laut gemäß zufolge hinter neben zwischen angesichts "
    "gegenüber innerhalb außerhalb statt anstatt via per".split()
)
# Words that open a clause or are adverbs: a phrase starting with one is no subject.
NON_NOUN_STARTS = frozenset(
    "immerhin dennoch schließlich bislang bisher weiterhin vielmehr offenbar "
    "und oder aber doch denn sondern dass ob wenn weil als wie so auch noch nur schon bereits "
    "zudem außerdem jedoch allerdings dabei dazu dann damit daher deshalb deswegen trotzdem "
    "zuvor später heute gestern morgen zuletzt zunächst inzwischen mittlerweile nun jetzt hier "
    "dort da demnach danach darüber weiter ebenfalls indes indessen unterdessen immer nicht "
    "kein keine es sich ihm ihn ihnen uns mir dir wohl etwa rund fast gar sehr "
    "erst gerade genau spätestens frühestens zuerst zugleich "
    "bezüglich zusammen gleichzeitig sinngemäß wörtlich ebenso ferner überdies insbesondere "
    "vor allem hingegen dagegen stattdessen anschließend daraufhin darin hierzu dazu".split()
)
# Capitalised at the start of a sentence, these endings mark adverbs, not nouns ("Gleichzeitig").
ADVERB_ENDINGS = ("gemäß", "zeitig", "weise", "falls", "dings", "mals", "wärts", "maßen")
# Adverbs that may stand between a verb and its postponed subject ("sagte am Montag X").
SKIPPABLE = frozenset(
    "auch noch schon bereits zudem außerdem jedoch allerdings dabei dazu dann daher deshalb "
    "zuvor später heute gestern zuletzt zunächst inzwischen mittlerweile nun jetzt weiter "
    "ebenfalls indes indessen unterdessen wohl am vergangenen letzten kommenden montag "
    "dienstag mittwoch donnerstag freitag samstag sonntag abend morgen nachmittag vormittag "
    "wörtlich erneut nochmals abermals gegenüber sinngemäß kürzlich "
    # contrastive adverbs after a subject: "Die Forscher hingegen meinen"
    "hingegen dagegen wiederum seinerseits ihrerseits".split()
)
ADDRESSEE_HEADS = (
    "nachrichtenagentur", "agentur", "zeitung", "zeitschrift", "magazin", "sender", "reporter",
    "journalist", "presse", "blatt", "fernsehen", "radio", "portal", "spiegel", "focus", "bild",
    "welt", "stern", "tagesschau", "afp", "dpa", "reuters", "ap", "kna", "epd", "bbc", "cnn",
    "ard", "zdf", "rtl", "interview",
)
_LONG_ADDRESSEE_HEADS = tuple(h for h in ADDRESSEE_HEADS if len(h) >= 6)
# Heads that end press compounds ("US-Zeitschrift", "Bildzeitung"; not "Bundesagentur").
_COMPOUND_ADDRESSEE_HEADS = ("zeitung", "zeitschrift", "magazin", "reporter", "journalist")
AGENCIES = frozenset(
    "dpa afp reuters ap kna epd tass interfax ria ria-nowosti ukrinform xinhua ansa efe apa sda "
    "bloomberg unian anadolu yonhap kyodo irna isna pap ddp dapd ots".split()
)
OUTLETS = frozenset(
    "spiegel zeit faz bild welt stern focus handelsblatt tagesspiegel taz süddeutsche sz "
    "ard zdf rtl n-tv ntv bbc cnn tagesschau heute-journal cbs nbc abc fox politico axios "
    "guardian times post journal monde figaro bloomberg kommersant iswestija prawda "
    "t-online tageszeitung rundfunk wdr ndr mdr br swr rbb hr dlf deutschlandfunk".split()
)
OUTLET_WORDS = ("zeitung", "magazin", "sender", "blatt", "fernsehen", "rundfunk", "radio", "portal")
INSTITUTION_WORDS = (
    "kreml", "ministerium", "regierung", "luftwaffe", "armee", "polizei", "behörde", "gericht",
    "staatsanwaltschaft", "militär", "generalstab", "streitkräfte", "marine", "bundeswehr",
    "nato", "uno", "un", "eu", "kommission", "parlament", "bundestag", "rat", "amt", "partei",
    "verband", "gewerkschaft", "unternehmen", "konzern", "firma", "weißes", "pentagon",
    "präsidialamt", "verwaltung", "feuerwehr", "stadt", "land", "staat", "kommando", "dienst",
    "geheimdienst", "institut", "universität", "bank", "fraktion", "spd", "cdu", "csu", "fdp",
    "grüne", "afd", "linke", "bsw", "union", "ministerium", "senat", "botschaft", "vereinte",
    "ausschuss", "organisation", "gruppe", "komitee", "zentrale", "hauptquartier", "seite",
    "behörden", "kreise", "ermittler", "rettungskräfte", "stab",
    # Capitals and states stand for their governments in news ("Moskau verlangt …").
    "moskau", "kiew", "washington", "berlin", "peking", "paris", "london", "brüssel", "ukraine",
    "russland", "china", "deutschland", "frankreich", "israel", "iran", "türkei", "polen",
    "norwegen", "usa",
)
ANONYMOUS_MARKERS = (
    "quelle", "quellen", "kreise", "kreisen", "insider", "informant", "beobachter",
    "regierungsvertreter", "diplomat", "diplomaten", "vertreter", "mitarbeiter", "beamter",
    "beamte", "offizieller", "offizielle", "person", "personen", "sprecher", "eingeweihte",
)
# Heads that name the kind of a source, not the source: "die Nachrichtenagentur Tass".
GENERIC_HEADS = frozenset(
    "nachrichtenagentur agentur zeitung tageszeitung zeitschrift magazin sender fernsehsender "
    "wochenmagazin nachrichtenmagazin blatt portal".split()
)
ROLE_WORDS = (
    "präsident", "sprecher", "sprecherin", "minister", "ministerin", "kanzler", "kanzlerin",
    "chef", "chefin", "berater", "beraterin", "botschafter", "gesandte", "staatschef",
    "regierungschef", "premier", "bürgermeister", "general", "kommandeur", "vorsitzende",
    "leiter", "leiterin", "direktor", "direktorin", "unterhändler", "sekretär", "senator",
    "abgeordnete", "staatssekretär", "kremlchef", "politiker", "anwalt", "richter", "experte",
)


def _low(word: str) -> str:
    return word.lower()


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def is_nominal(word: str) -> bool:
    """A capitalised noun or name, or an acronym, that is not a function word."""
    low = _low(word)
    if not word[:1].isalnum():
        return False
    if low in PREPOSITIONS or low in NON_NOUN_STARTS or low in DETERMINERS:
        return False
    if low.endswith(ADVERB_ENDINGS) and len(low) > 7:
        return False
    if word[:1].islower() and "-" in word and word.rsplit("-", 1)[1][:1].isupper():
        return True  # a lower-case prefix on a noun: "dpa-Meldung", "ai-Bericht", "iPod-Nutzer"
    if low in AGENCIES and low not in ("ap", "ria"):
        return True  # "der Presseagenturen dpa und AFP"
    return word[:1].isupper() or word[:1].isdigit() and False


_NAME_PARTICLES = frozenset("de van von zu al el bin ibn da del di le la dos du ter".split())


def is_adjective(word: str) -> bool:
    low = word
    if word[:1].isdigit() and "-" in word and word.rsplit("-", 1)[1][:1].islower():
        return True  # "der 85-jährige Joseph Ratzinger"
    if "-" in word and word.rsplit("-", 1)[1][:1].isupper():
        return False  # a noun with a lower-case prefix: "der documenta-Homepage"
    return (
        low[:1].islower()
        and low not in PREPOSITIONS
        and low not in NON_NOUN_STARTS
        and low.endswith(("e", "en", "er", "es", "em"))
        and len(low) > 3
        and not (NO_DOTTED_ADJECTIVES and "." in low)  # "laut ndr.de blieben …": a web name
    ) or low in ("nicht", "näher", "namentlich", "hochrangiger", "ungenannter")


# A word with a dot inside ("ndr.de", "tagesschau.de") is a name, never an adjective.
NO_DOTTED_ADJECTIVES = True
_PARTITIVES = frozenset(
    "einer eine eines einige viele keiner keine jeder jede manche mehrere".split())


def noun_phrase(view: TokenView, first: int, limit: int, *, genitive: bool = True) -> list[int]:
    """The tokens of the noun phrase starting at ``first`` (empty if none starts there)."""
    texts = view.texts
    index = first
    if index >= limit:
        return []
    low = _low(texts[index])
    if low in PRONOUNS and not (low in ("dieser", "diese") and index + 1 < limit
                                and is_nominal(texts[index + 1])
                                and view.mention_at(index + 1) is None):
        return [index]  # (but "dieser Studie", "Dieser Arzt": a determiner; not "dieser Israel")
    phrase: list[int] = []
    if low in _PARTITIVES and index + 2 < limit and _low(texts[index + 1]) in ("der", "des") \
            and texts[index][:1].isupper():
        # "Einer der 13 Feuerwehrmänner", "Einige der einflussreichsten Muslime": the pronoun
        # heads a genitive.
        tail = noun_phrase(view, index + 1, limit, genitive=genitive)
        if tail and tail[0] == index + 1:
            return [index] + tail
    if low in DETERMINERS:
        phrase.append(index)
        index += 1
    # An outlet's name in quotes: die „Süddeutsche Zeitung“, der "Spiegel".
    if phrase and index < limit and texts[index] in ("„", '"', "»"):
        close = _closing(view, index, limit)
        if close is not None and close - index <= 6 and texts[index + 1][:1].isupper():
            phrase.extend(range(index, close + 1))
            index = close + 1
            return _continue_phrase(view, phrase, index, limit, genitive)
    if EXTENDED_ATTRIBUTES and phrase and index < limit:
        attribute_end = _extended_attribute(view, index, limit)
        if attribute_end is not None:  # "die in New York geborene Lopez"
            phrase.extend(range(index, attribute_end))
            index = attribute_end
    if QUOTED_NAMES and not phrase and quoted_name(view, index, limit):
        close = _closing(view, index, limit)
        return _continue_phrase(view, list(range(index, close + 1)), close + 1, limit, genitive)
    while index < limit and (is_adjective(texts[index]) or texts[index] in ("-",)):
        phrase.append(index)
        index += 1
    if QUOTED_NAME_AFTER_ATTRIBUTE and phrase and index > phrase[0] + 1 and index < limit \
            and not (first > 0 and is_nominal(texts[first - 1])) \
            and texts[index] in ("„", '"', "»") and index + 1 < limit \
            and texts[index + 1][:1].isupper():
        # "die liberale „El Mundo“", "die in Linz erscheinende „Rundschau am Sonntag“"
        close = _closing(view, index, limit)
        if close is not None and close - index <= 6 and not any(
                texts[j] in (",", ".", "!", "?") for j in range(index + 1, close)):
            phrase.extend(range(index, close + 1))
            return _continue_phrase(view, phrase, close + 1, limit, genitive)
    nouns = 0
    while index < limit and (
        is_nominal(texts[index]) or (nouns and texts[index][:1].isdigit())
        or (texts[index] in _NAME_PARTICLES and texts[index] not in ("von", "zu", "de")
            and index + 1 < limit and texts[index + 1][:1].isupper())
        or (texts[index] == "de" and index + 1 < limit and texts[index + 1][:1].isupper())
    ):
        phrase.append(index)
        nouns += 1
        index += 1
    if not nouns:
        if len(phrase) >= 2 and texts[phrase[-1]][:1].isdigit() and "-" in texts[phrase[-1]] \
                and _low(texts[phrase[0]]) in DETERMINERS:
            return phrase  # a nominalised age: "der 81-jährige"
        return []
    return _continue_phrase(view, phrase, index, limit, genitive)


# A quoted name after article and attribute is the head: "die liberale „El Mundo“" (SpkAtt dev).
QUOTED_NAME_AFTER_ATTRIBUTE = True


# An extended attribute between article and noun: "die in New York City geborene Lopez", "der
# für die Region zuständige Koordinator", "die das Unglück überlebende Alice K." (SpkAtt dev).
EXTENDED_ATTRIBUTES = True
MAX_EXTENDED_ATTRIBUTE_TOKENS = 8
_ARTICLES = frozenset("der die das den dem des ein eine einen einem einer eines".split())


def _extended_attribute(view: TokenView, index: int, limit: int) -> int | None:
    """Where the attributive participle or adjective that closes an extended attribute opening
    at ``index`` (with a preposition, article or number) ends, if one does before a noun."""
    texts = view.texts
    low = _low(texts[index])
    if index == 0 or _low(texts[index - 1]) not in _ARTICLES \
            or index >= 2 and texts[index - 2] == ",":
        return None  # (", der den Jägern weitere Rechte einräumt": a relative clause)
    if not (low in PREPOSITIONS or low in _ARTICLES or texts[index][:1].isdigit()):
        return None
    for j in range(index + 1, min(limit - 1, index + MAX_EXTENDED_ATTRIBUTE_TOKENS)):
        word = texts[j]
        previous = texts[j - 1]
        if word[:1].islower() and _low(word) not in PREPOSITIONS | DETERMINERS \
                and word.endswith(("e", "en", "er", "es", "em")) and len(word) > 4 \
                and _low(word) not in NON_NOUN_STARTS \
                and (previous[:1].isupper() or previous[:1].isdigit()):
            after = texts[j + 1]
            if after[:1].isupper() and _low(after) not in DETERMINERS | PRONOUNS \
                    or quoted_name(view, j + 1, limit):
                return j + 1
            return None
        if not (word[:1].isupper() or word[:1].isdigit() or _low(word) in PREPOSITIONS
                or _low(word) in DETERMINERS or word == "-" or is_adjective(word)):
            return None
    return None


# A short quotation of capitalised words is a name: „BBC News“ berichtet, „Muslix64“ erwähnte,
# schrieb „Die Zeit“ (SpkAtt dev).
QUOTED_NAMES = True
MAX_QUOTED_NAME_TOKENS = 4


def quoted_name(view: TokenView, index: int, limit: int) -> bool:
    """Whether a short quotation of capitalised words (a name) opens at ``index``."""
    texts = view.texts
    if index + 2 >= limit or texts[index] not in ("„", '"', "»"):
        return False
    close = _closing(view, index, limit)
    if close is None or not 1 <= close - index - 1 <= MAX_QUOTED_NAME_TOKENS:
        return False
    inner = texts[index + 1 : close]
    return all(w[:1].isupper() or w[:1].isdigit() for w in inner) \
        and not any(_low(w) in PRONOUNS | NON_NOUN_STARTS for w in inner)


_TIME_NOUNS = frozenset(
    "montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april mai "
    "juni juli august september oktober november dezember".split())


def _continue_phrase(view: TokenView, phrase: list[int], index: int, limit: int,
                     genitive: bool) -> list[int]:
    texts = view.texts
    nouns = 1
    # Party or role in brackets: "Boris Pistorius (SPD)".
    if index + 2 < limit and texts[index] == "(" and texts[index + 2] == ")":
        phrase.extend((index, index + 1, index + 2))
        index += 3
    # Quoted outlet names after a head noun: der "Spiegel", die „Berliner Zeitung“.
    if index < limit and texts[index] in ("„", '"', "»") and nouns:
        close = _closing(view, index, limit)
        if close is not None and close - index <= 5:
            phrase.extend(range(index, close + 1))
            index = close + 1
    if genitive and index + 1 < limit and texts[index][:1].islower() \
            and texts[index].endswith("er") and is_adjective(texts[index]) \
            and texts[index + 1][:1].isupper() and _low(texts[index]) not in DETERMINERS:
        tail = noun_phrase(view, index, limit, genitive=False)
        if tail:
            phrase.extend(tail)
            index = phrase[-1] + 1
    # ("einer" too: "Kopf einer Gruppe von Inspektoren", SpkAtt dev.)
    if genitive and index < limit and (_low(texts[index]) in _GENITIVE_STARTS
                                       or _low(texts[index]) in _POSSESSIVE_GENITIVES
                                       and _genitive_head(texts[phrase[-1]])):
        tail = noun_phrase(view, index + 1 if texts[index] in ("von", "vom") else index, limit,
                           genitive=True)
        if not tail and texts[index] in ("von", "vom") and index + 2 < limit \
                and texts[index + 1] in ("„", '"', "»") and texts[index + 2][:1].isupper():
            # A quoted name: "Johanna Moser vom „Queer Beograd Kollektiv“".
            close = _closing(view, index + 1, limit)
            if close is not None and close - index <= 7:
                tail = list(range(index + 1, close + 1))
        if texts[index] in ("von", "vom"):
            if tail and _low(texts[tail[-1]]) in _TIME_NOUNS:
                tail = []  # "berichtet Tass von Donnerstag": a date, not where Tass is from
            tail = tail and [index] + tail
        # "der Zeitung" after a name is a dative addressee ("sagte Müller der Zeitung"); after a
        # source noun it is a genitive ("Angaben der Tagesschau", "Ansicht der Zeitung Haaretz").
        if tail and (not _is_addressee(view, tail) or _genitive_head(texts[phrase[-1]])):
            phrase.extend(tail)
            index = phrase[-1] + 1
    # Coordination: "Tass und Interfax", "die Nachrichtenagentur Tass und die Agentur Interfax".
    if index + 1 < limit and (texts[index] == "und"
                              or COORDINATE_SOWIE and texts[index] == "sowie"):
        tail = noun_phrase(view, index + 1, limit, genitive=genitive)
        if tail and _low(texts[tail[0]]) not in PRONOUNS and len(tail) <= 6:
            phrase.append(index)
            phrase.extend(tail)
    return phrase


# "sowie" joins speakers as "und" does: "Angela Merkel sowie Edmund Stoiber sprachen von …".
COORDINATE_SOWIE = True
_GENITIVE_STARTS = frozenset({"des", "der", "von", "vom", "eines", "einer"})
# Heads after which a "der/des …" phrase is a genitive, never the addressee (SpkAtt dev).
_GENITIVE_HEADS = (
    "angaben", "angabe", "ansicht", "auffassung", "meinung", "aussage", "aussagen", "bericht",
    "berichten", "berichte", "informationen", "einschätzung", "darstellung", "mitteilung",
    "erklärung", "meldung", "stellungnahme", "redaktion",
)  # not people: "sagte ein Regierungsvertreter der Nachrichtenagentur AFP" is a dative


# After a source noun these open a genitive too: "Angaben seines Sprechers", "einer Quelle".
_POSSESSIVE_GENITIVES = frozenset("einer seines ihres seiner ihrer".split())


# Documents and studies are no speakers told anything either: "einem Artikel der
# Nachrichtenagentur Reuters", "einer Umfrage der Zeitung" (SpkAtt dev).
DOCUMENT_GENITIVE_HEADS = True
_DOCUMENT_GENITIVE_HEADS = (
    "artikel", "studie", "umfrage", "analyse", "test", "untersuchung", "veröffentlichung",
    "website", "webseite", "homepage", "ausgabe", "sendung", "beitrag", "kommentar",
    "recherche", "recherchen", "schätzung", "schätzungen", "statistik", "prognose", "berechnungen",
)


def _genitive_head(word: str) -> bool:
    return word[:1].isupper() and (_low(word).endswith(_GENITIVE_HEADS) or DOCUMENT_GENITIVE_HEADS
                                   and _low(word).endswith(_DOCUMENT_GENITIVE_HEADS))


def _closing(view: TokenView, index: int, limit: int) -> int | None:
    opener = view.texts[index]
    closers = {"„": ("“", '"', "”"), '"': ('"',), "»": ("«",)}[opener]
    for other in range(index + 1, limit):
        if view.texts[other] in closers:
            return other
    return None


def _is_addressee(view: TokenView, phrase: Sequence[int], compounds: bool = False) -> bool:
    # Quotation marks around a name do not count: der „Berliner Zeitung“.
    words = [_low(view.texts[i]) for i in phrase if view.texts[i] not in '„“"»«']
    # Short heads ("welt", "bild", "ap") must be the whole word: "Weltgesundheitsorganisation";
    # with ``compounds`` (a dative after the verb) long ones may end a compound: "der
    # US-Zeitschrift" (after a noun, "Website der britischen Tageszeitung" is a genitive).
    return any(word in ADDRESSEE_HEADS or word.startswith(_LONG_ADDRESSEE_HEADS)
               or compounds and word.endswith(_COMPOUND_ADDRESSEE_HEADS) for word in words[:3]) \
        and words[0] in ("der", "dem", "den")


def addressee_phrase(view: TokenView, first: int, limit: int) -> list[int]:
    """A dative phrase naming who was told: "dem Spiegel", "der Nachrichtenagentur AFP"."""
    if first >= limit:
        return []
    low = _low(view.texts[first])
    if low == "gegenüber":
        tail = noun_phrase(view, first + 1, limit, genitive=False)
        return [first] + tail if tail else []
    if low in ("dem", "einem", "der", "den", "ihm", "ihr", "ihnen", "reportern", "journalisten"):
        if low in ("ihm", "ihr", "ihnen", "reportern", "journalisten"):
            return [first]
        tail = noun_phrase(view, first, limit, genitive=False)
        # "den" is dative only in the plural ("den Abgeordneten"); "den Rücktritt" is an object.
        if tail and (low in ("dem", "einem") or low == "den" and view.texts[tail[-1]].endswith("n")
                     or _is_addressee(view, tail, compounds=True)):
            return tail
    return []


# Endings of attributive adjectives, not of verbs: "ersten Angaben", "offiziellen chinesischen
# Angaben", "neuesten Studien", "einigen Teilnehmern" zufolge (SpkAtt dev).
_ATTRIBUTIVE_ENDINGS = ("ischen", "lichen", "sten", "igen", "ellen", "ierten")


def phrase_before(view: TokenView, last: int, clause_start: int) -> list[int]:
    """The noun phrase that ends right before token ``last`` (for "X zufolge").

    The longest such phrase whose first word is a determiner or a capitalised word: a
    lower-case first word could as well be a verb ("Sie entstammen Berichten zufolge").
    """
    best: list[int] = []
    for first in range(max(clause_start, last - 10), last):
        word = view.texts[first]
        # A lower-case adjective may open it where a clause starts: "behördlichen Angaben zufolge".
        opens_clause = first == clause_start or view.texts[first - 1] in (",", "(", "–")
        if not (word[:1].isupper() or _low(word) in DETERMINERS
                or opens_clause and is_adjective(word) and word.endswith(("en", "er", "e"))
                or is_adjective(word) and word.endswith(_ATTRIBUTIVE_ENDINGS)):
            continue
        if _low(word) in DETERMINERS and first + 1 < last and _low(view.texts[first + 1]) in (
                "seiner", "ihrer", "seinen", "ihren", "deren", "dessen", "unserer", "meiner"):
            continue  # "die ihrer Meinung nach …": the article belongs to another phrase
        phrase = noun_phrase(view, first, last)
        if phrase and phrase[-1] == last - 1 and phrase[0] == first:
            return phrase
    return best


# --------------------------------------------------------------------------- kinds


def speaker_kind(words: Sequence[str]) -> tuple[str, bool]:
    """(kind, anonymous) of a speaker phrase from its words."""
    lows = [w.lower().strip("„“\"»«") for w in words]
    joined = " ".join(lows)
    if not lows:
        return "anonymous", True
    if len(lows) == 1 and lows[0] in PRONOUNS:
        return "pronoun", False
    indefinite = lows[0] in ("ein", "eine", "einer", "eines", "einem", "mehrere", "einige")
    if indefinite or "nicht näher" in joined or "eigene" in joined or "ungenannt" in joined \
            or any(w in ("kreisen", "kreise", "insider", "quellen", "quelle") for w in lows):
        if any(w.startswith(ANONYMOUS_MARKERS) for w in lows) or "kreis" in joined:
            if not any(w in AGENCIES or w in OUTLETS for w in lows):
                return "anonymous", True
    names = [w for w in lows]
    if any(w in AGENCIES for w in names) or "nachrichtenagentur" in joined or "agentur" in joined:
        return "agency", False
    if any(w in OUTLETS for w in names) or any(w.endswith(OUTLET_WORDS) for w in names):
        return "outlet", False
    capitalised_names = [w for w, o in zip(lows, words) if o[:1].isupper()]
    heads = [w for w in capitalised_names if w not in DETERMINERS]
    if heads and heads[0].endswith(tuple(e for i in INSTITUTION_WORDS if len(i) > 4
                                         for e in (i, i + "s", i + "es"))) \
            and not heads[0].endswith(ROLE_WORDS):
        return "institution", False  # "dem Außenministerium" is no "Minister"
    if any(any(r in w for r in ROLE_WORDS) for w in heads):
        return "person", False
    # (Genitive heads too: "nach Angaben des Wetterdienstes", "des Koordinationsstabs".)
    if any(any(w.startswith(i) or w.endswith((i, i + "s", i + "es")) for i in INSTITUTION_WORDS)
           for w in heads):
        return "institution", False
    return "person", False


def represents(words: Sequence[str]) -> str | None:
    """The institution a spokesperson speaks for: "Kreml-Sprecher" -> "Kreml"."""
    for index, word in enumerate(words):
        low = word.lower()
        for suffix in ("-sprecher", "-sprecherin", "sprecher", "sprecherin"):
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                return word[: len(word) - len(suffix)].rstrip("-")
        if low in ("sprecher", "sprecherin") and index + 1 < len(words) \
                and words[index + 1].lower() in ("des", "der"):
            rest = [w for w in words[index + 2 :] if w[:1].isupper()]
            if rest:
                return " ".join(words[index + 2 :])
    return None


def role_nouns(words: Sequence[str]) -> tuple[str, ...]:
    out = []
    for word in words:
        low = word.lower()
        for role in ROLE_WORDS:
            if low.endswith(role) or low.startswith(role) or ("-" + role) in low:
                out.append(role)
    return tuple(out)


def name_part(view: TokenView, phrase: Sequence[int]) -> str | None:
    """The proper-name part of a phrase: the trailing capitalised words after role nouns.

    With an apposition ("Anna Weber, die Leiterin des Amtes", "der Direktor der Behörde, Bagus
    Puruhito") the name is in the part that opens without an article.
    """
    parts: list[list[int]] = [[]]
    for i in phrase:
        if view.texts[i] == "," and parts[-1]:
            parts.append([])
        elif view.texts[i] != ",":
            parts[-1].append(i)
    if len(parts) > 1:
        bare = [p for p in parts if p and _low(view.texts[p[0]]) not in DETERMINERS
                and view.texts[p[0]][:1].isupper()]
        for part in bare or parts:
            name = name_part(view, part)
            if name:
                return name
        return None
    words: list[str] = []
    depth = 0
    for i in phrase:  # leave out a bracketed party: "Boris Pistorius (SPD)"
        word = view.texts[i]
        depth += word == "("
        if depth == 0 and word not in '„“"»«':
            words.append(word)
        depth -= word == ")"
    tail: list[str] = []
    for word in reversed(words):
        low = word.lower()
        if word[:1].isupper() and low not in DETERMINERS and low not in GENERIC_HEADS and not any(
            r in low for r in ROLE_WORDS
        ) and not low.endswith(("ministerium",)):
            tail.append(word)
        elif tail:
            break
    if not tail:
        return None
    return " ".join(reversed(tail))
