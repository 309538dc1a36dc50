"""The words that signal speech: German speech verbs, attribution phrases, Konjunktiv I.

Three lexicons, all written by hand (informed by reading German news, never generated from a
data set): :data:`SPEECH_VERBS` maps every inflected form of a verb of saying to its lemma and,
for particle verbs ("teilte ... mit"), the particle that must follow in the same clause;
:data:`SOURCE_NOUNS` are the nouns that make "nach ..." an attribution ("nach Angaben der
Polizei"); :func:`is_konjunktiv` recognises the verb forms of reported speech. Forms too ambiguous
on their own ("sagen", "teilen") keep only their particle readings ("teilen … mit") and, in
:data:`BEFORE_CLAUSE`, speak where a clause follows at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

_INSEPARABLE = ("be", "er", "ver", "ent", "zer", "emp", "ge", "miss", "wider", "über", "unter")


@dataclass(frozen=True, slots=True)
class VerbForm:
    lemma: str
    particle: str | None  # the separated particle a finite form needs later in its clause
    participle: bool = False
    finite: bool = True


def _weak(stem: str) -> tuple[list[str], list[str]]:
    """Finite forms and the participle of a weak verb from its stem ("sag", "bericht")."""
    e = "e" if stem.endswith(("t", "d")) or stem.endswith(("chn", "gn", "ffn")) else ""
    finite = [stem + e + "t", stem + "en", stem + e + "te", stem + e + "ten", stem + "e"]
    if stem.endswith("er") or stem.endswith("el"):
        finite.append(stem + "n")
    if stem.endswith("ier") or stem.startswith(_INSEPARABLE):
        participle = stem + e + "t"
    else:
        participle = "ge" + stem + e + "t"
    return finite, [participle]


# (lemma stem, particle) for weak verbs of saying and of attributed stance.
_WEAK: tuple[tuple[str, str], ...] = (
    ("sag", ""), ("erklär", ""), ("beton", ""), ("bericht", ""), ("meld", ""), ("warn", ""),
    ("forder", ""), ("verlang", ""), ("kritisier", ""), ("behaupt", ""), ("bekräftig", ""),
    ("versicher", ""), ("mein", ""), ("glaub", ""), ("hoff", ""), ("befürcht", ""),
    ("vermut", ""), ("schätz", ""), ("argumentier", ""), ("kommentier", ""), ("begründ", ""),
    ("bezeichn", ""), ("äußer", ""), ("zitier", ""), ("skandier", ""), ("appellier", ""),
    ("plädier", ""), ("beschuldig", ""), ("dementier", ""), ("verkünd", ""),
    ("mahn", ""), ("antwort", ""), ("erwider", ""), ("ergänz", ""), ("beklag", ""),
    ("bestätig", ""), ("erwart", ""), ("bezweifel", ""), ("schilder", ""), ("twitter", ""),
    ("erinner", ""), ("präzisier", ""), ("bilanzier", ""), ("resümier", ""),
    ("spekulier", ""), ("mutmaß", ""), ("prognostizier", ""), ("bemängel", ""), ("unterstell", ""),
    ("klag", ""), ("protestier", ""), ("jubel", ""), ("fürcht", ""), ("berat", ""),
    ("teil", "mit"), ("kündig", "an"), ("füg", "hinzu"), ("führ", "aus"), ("räum", "ein"),
    ("stell", "fest"), ("stell", "klar"), ("leg", "dar"), ("pranger", "an"), ("forder", "auf"),
    ("sag", "zu"), ("lehn", "ab"), ("deut", "an"), ("merk", "an"), ("kündig", "auf"),
    ("leg", "nahe"), ("stell", "dar"), ("stell", "heraus"), ("teil", "auf"), ("lass", "verlauten"), ("verlaut", ""),
    # Added from the long tail of missed cues on the SpkAtt dev split.
    ("erzähl", ""), ("erläuter", ""), ("erwähn", ""), ("vermeld", ""), ("beteuer", ""),
    ("entgegn", ""), ("rechtfertig", ""), ("sicher", "zu"), ("schränk", "ein"),
    ("signalisier", ""), ("verlautbar", ""), ("bedauer", ""), ("beanstand", ""),
    ("konstatier", ""), ("insistier", ""), ("würdig", ""), ("reg", "an"), ("stuf", "ein"),
    ("begrüß", ""), ("beschwer", ""), ("zweifel", ""), ("bekenn", ""), ("frag", ""),
    ("urteil", ""), ("besag", ""), ("dräng", ""),
)

# Strong and irregular verbs: lemma, particle, finite forms, participles.
_STRONG: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("sprechen", "", ("spricht", "sprechen", "sprach", "sprachen", "spreche"), ("gesprochen",)),
    ("schreiben", "", ("schreibt", "schreiben", "schrieb", "schrieben", "schreibe"), ("geschrieben",)),
    ("nennen", "", ("nennt", "nennen", "nannte", "nannten", "nenne"), ("genannt",)),
    ("geben", "an", ("gibt", "geben", "gab", "gaben", "gebe"), ("angegeben",)),
    ("geben", "bekannt", ("gibt", "geben", "gab", "gaben", "gebe"), ("bekanntgegeben",)),
    ("geben", "zu", ("gibt", "geben", "gab", "gaben", "gebe"), ("zugegeben",)),
    ("geben", "wieder", ("gibt", "geben", "gab", "gaben"), ("wiedergegeben",)),
    ("weisen", "hin", ("weist", "weisen", "wies", "wiesen", "weise"), ("hingewiesen",)),
    ("weisen", "zurück", ("weist", "weisen", "wies", "wiesen", "weise"), ("zurückgewiesen",)),
    ("verweisen", "", ("verweist", "verweisen", "verwies", "verwiesen", "verweise"), ()),
    ("rufen", "auf", ("ruft", "rufen", "rief", "riefen", "rufe"), ("aufgerufen",)),
    ("werfen", "vor", ("wirft", "werfen", "warf", "warfen", "werfe"), ("vorgeworfen",)),
    ("schlagen", "vor", ("schlägt", "schlagen", "schlug", "schlugen", "schlage"), ("vorgeschlagen",)),
    ("heben", "hervor", ("hebt", "heben", "hob", "hoben", "hebe"), ("hervorgehoben",)),
    ("streichen", "heraus", ("streicht", "streichen", "strich", "strichen"), ("herausgestrichen",)),
    ("gehen", "hervor", ("geht", "gehen", "ging", "gingen", "gehe"), ("hervorgegangen",)),
    ("beschließen", "", ("beschließt", "beschließen", "beschloss", "beschlossen"), ()),
    ("entscheiden", "", ("entscheidet", "entscheiden", "entschied", "entschieden"), ()),
    ("empfehlen", "", ("empfiehlt", "empfehlen", "empfahl", "empfahlen", "empfehle"), ("empfohlen",)),
    ("versprechen", "", ("verspricht", "versprechen", "versprach", "versprachen"), ("versprochen",)),
    ("bestreiten", "", ("bestreitet", "bestreiten", "bestritt", "bestritten", "bestreite"), ()),
    ("widersprechen", "", ("widerspricht", "widersprechen", "widersprach", "widersprachen"), ("widersprochen",)),
    ("unterstreichen", "", ("unterstreicht", "unterstreichen", "unterstrich", "unterstrichen"), ()),
    ("beschreiben", "", ("beschreibt", "beschreiben", "beschrieb", "beschrieben"), ()),
    ("schlagen", "vor", ("schlägt",), ()),
    ("gehen", "aus", ("geht", "gehen", "ging", "gingen", "gehe"), ("ausgegangen",)),
    ("drohen", "", ("droht", "drohen", "drohte", "drohten"), ("gedroht",)),
    ("lauten", "", ("lautet", "lauten", "lautete", "lauteten"), ("gelautet",)),
    ("denken", "", ("denkt", "dachte", "dachten"), ("gedacht",)),
    ("streiten", "ab", ("streitet", "streiten", "stritt", "stritten"), ("abgestritten",)),
    ("wenden", "ein", ("wendet", "wenden", "wandte", "wandten", "wendete"),
     ("eingewandt", "eingewendet")),
    ("bitten", "", ("bittet", "bat", "baten"), ("gebeten",)),
    ("raten", "", ("rät", "riet", "rieten"), ()),
    ("rufen", "aus", ("ruft", "rufen", "rief", "riefen"), ("ausgerufen",)),
    ("wissen", "", ("weiß", "wusste", "wussten"), ()),
)

# Verbs that speak only with a clause or quote as complement: alone they describe a stance
# ("er hofft auf Regen"), so they need ", dass", a comma clause or a colon to count.
CLAUSE_ONLY = frozenset(
    {"hoffen", "glauben", "meinen", "erwarten", "befürchten", "fürchten", "vermuten", "schätzen",
     "erinnern", "denken", "wissen", "drohen", "beraten", "lehnen", "verbieten", "entscheiden",
     "beschließen", "zusagen", "empfehlen", "versprechen", "melden", "klagen", "nennen",
     "vergleichen", "lauten", "beschreiben", "bezeichnen", "schreiben"}
)


def _build() -> dict[str, list[VerbForm]]:
    table: dict[str, list[VerbForm]] = {}

    def add(form: str, entry: VerbForm) -> None:
        table.setdefault(form.lower(), []).append(entry)

    for stem, particle in _WEAK:
        lemma = (particle + stem + "en") if particle else stem + "en"
        if stem.endswith(("er", "el")) and not stem.endswith("ier"):
            lemma = (particle or "") + stem + "n"
        finite, participles = _weak(stem)
        for form in finite:
            add(form, VerbForm(lemma, particle or None))
            if particle:  # fused in subordinate clauses: "..., wie sie mitteilte"
                add(particle + form, VerbForm(lemma, None))
        for form in participles:
            if particle:
                add(particle + form, VerbForm(lemma, None, participle=True, finite=False))
                add(particle + "zu" + stem + "en", VerbForm(lemma, None, finite=False))
            else:
                add(form, VerbForm(lemma, None, participle=True, finite=False))
    for lemma, particle, finite, participles in _STRONG:
        full = particle + lemma if particle else lemma
        for form in finite:
            add(form, VerbForm(full, particle or None))
            if particle:
                add(particle + form, VerbForm(full, None))
        for form in participles:
            add(form, VerbForm(full, None, participle=True, finite=False))
        if not participles and not particle:
            # Strong inseparable verbs have participle = a finite plural ("beschlossen").
            for form in finite[-1:]:
                add(form, VerbForm(full, None, participle=True, finite=True))
    # "heißt es" / "hieß es" (the source often follows as "in einer Erklärung").
    for form in ("heißt", "hieß", "geheißen"):
        add(form, VerbForm("heißen", None, participle=form.startswith("ge"), finite=True))
    return table


SPEECH_VERBS: dict[str, list[VerbForm]] = _build()
KEEP_PARTICLE_READINGS = True
# Forms too ambiguous to be cues on their own (also nouns or everyday verbs).
for _ambiguous in ("berat", "beraten", "wissen", "mein", "meinen", "gebe", "geben", "gehen",
                   "gehe", "heben", "hebe", "weise", "weisen", "rufe", "rufen", "sage", "schlage",
                   "meine", "teile", "teilen", "stelle", "stellen", "lege", "legen", "führe",
                   "führen", "sagen", "sprechen", "lassen", "lasse", "klage", "klagen", "hoffe",
                   "glaube", "ansage", "werfen", "zusagen", "schreiben", "nennen"):
    _readings = SPEECH_VERBS.pop(_ambiguous, None)
    # A separable verb's reading stays: its particle must close the clause ("Die Behörden
    # werfen ihr Untreue vor", "Die Vereine teilen mit, …"), which is specific enough.
    if KEEP_PARTICLE_READINGS and _readings and any(r.particle for r in _readings):
        SPEECH_VERBS[_ambiguous] = [r for r in _readings if r.particle]


# Plural forms left out above as too ambiguous, taken where a clause or colon follows at once
# ("Die Anwohner sagen, die Straße sei …", "Kritiker meinen: …").
BEFORE_CLAUSE: dict[str, VerbForm] = {
    "sagen": VerbForm("sagen", None), "meinen": VerbForm("meinen", None),
    "schreiben": VerbForm("schreiben", None), "sprechen": VerbForm("sprechen", None),
    "glauben": VerbForm("glauben", None), "warnen": VerbForm("warnen", None),
}


def speech_verb(word: str) -> list[VerbForm]:
    """The speech-verb readings of a word form (lower-cased lookup; nouns excluded by case)."""
    if not word or word[0].isupper() and word.lower() not in _SENTENCE_INITIAL_OK:
        return []
    return SPEECH_VERBS.get(word.lower(), [])


# Sentence-initial capitalised verbs do occur ("Sagte er ..."), rarely; allow the common ones.
_SENTENCE_INITIAL_OK = frozenset({"sagte", "erklärte", "betonte", "fügte"})

AUXILIARIES = frozenset(
    "hat haben hatte hatten habe hätte hätten ist sind war waren sei seien wird werden wurde wurden "
    "werde würde würden soll sollen solle sollte sollten will wollen wolle wollte wollten kann "
    "können könne konnte konnten könnte könnten muss müssen müsse musste mussten müsste "
    "ließ ließen lässt".split()
)

# Nouns after which "nach" (and "laut", "gemäß") mark a source: "nach Angaben der Polizei".
SOURCE_NOUNS = frozenset(
    "angaben angabe informationen information ansicht auffassung meinung aussage aussagen "
    "darstellung einschätzung einschätzungen schätzung schätzungen berichten bericht worten "
    "erkenntnissen erkenntnis mitteilung auskunft auskünften überzeugung vorstellung vorstellungen "
    "zählung zählungen berechnungen berechnung ermittlungen untersuchungen prognosen prognose "
    "umfrage umfragen studie recherchen medienberichten presseberichten polizeiangaben "
    "agenturberichten zeugenaussagen augenzeugenberichten ergebnissen daten zahlen "
    "verlautbarungen angaben, hochrechnungen beobachtern experten meinungen".split()
)

# Frequent Konjunktiv I forms and the Konjunktiv II forms reported speech falls back on.
KONJUNKTIV_I = frozenset(
    "sei seien seiest habe werde könne müsse solle wolle dürfe möge gebe wisse komme gehe stehe "
    "liege bleibe sehe gelte hätten wären würden habest".split()
)
KONJUNKTIV_II = frozenset(
    "wäre wären hätte hätten würde würden könnte könnten müsste müssten dürfte dürften "
    "sollte sollten bräuchte gäbe gäben ginge käme kämen stünde stünden läge lägen".split()
)
# Lower-case words ending in -e that are not verbs (so not Konjunktiv I, whatever the ending says).
_NOT_VERBS = frozenset(
    "die eine keine seine ihre meine deine unsere eure jene diese welche alle beide viele einige "
    "andere solche manche mehrere ohne gerne gern heute bitte ende mitte alte neue große kleine "
    "ganze erste zweite dritte letzte nächste obere untere hohe lange gute hohe weitere gesamte "
    "ebene gleiche deutsche russische ukrainische".split()
)


@lru_cache(maxsize=8192)
def is_konjunktiv_i(word: str, lemma: str = "") -> bool:
    """True for a verb form in Konjunktiv I 3rd person ("sei", "habe", "fordere", "gehe").

    Only unambiguous forms count: the plural equals the indicative ("haben") except "seien",
    so it is left out. The 3rd singular Konjunktiv I is the stem + "e"; we accept a word as such
    where its lemma (from the language layer, else simplemma) is the same stem + "(e)n".
    """
    lower = word.lower()
    if lower in KONJUNKTIV_I:
        return True
    if word[:1].isupper() or not lower.endswith("e") or len(lower) < 4 or lower in _NOT_VERBS:
        return False
    if not lemma:
        lemma = _lemma(lower)
    if lemma.endswith(("ern", "eln")) and lower in (lemma[:-1] + "e", lemma[:-3] + lemma[-2] + "e"):
        return True  # "fordere", "verhandle"
    return lemma.endswith("en") and lemma[:-1] == lower and lemma not in _NOT_VERBS


def _lemma(word: str) -> str:
    try:
        import simplemma
    except ImportError:  # pragma: no cover - simplemma is a dependency
        return word
    return simplemma.lemmatize(word, lang="de")


def is_konjunktiv(word: str, lemma: str = "") -> bool:
    """Konjunktiv I, or a Konjunktiv II form (the stand-in where Konjunktiv I equals indicative)."""
    return word.lower() in KONJUNKTIV_II or is_konjunktiv_i(word, lemma)


# Nouns of stance that speak with a finite verb and a clause: "X ist der Meinung, …",
# "X vertritt die Ansicht, dass …", "X hegt den Verdacht, …" (noun cues of SpkAtt).
STANCE_NOUNS = frozenset(
    "Meinung Ansicht Auffassung Überzeugung These Verdacht Prognose Hoffnung Befürchtung "
    "Einschätzung Position Standpunkt".split()
)
STANCE_VERBS: dict[str, str] = {
    **{form: "sein" for form in "ist sind war waren sei seien wäre wären".split()},
    **{form: "vertreten" for form in "vertritt vertreten vertrat vertraten".split()},
    **{form: "teilen" for form in "teilt teilen teilte teilten".split()},
    **{form: "hegen" for form in "hegt hegen hegte hegten".split()},
    **{form: "wagen" for form in "wagt wagte wagten".split()},
    **{form: "äußern" for form in "äußert äußerte äußerten".split()},
    **{form: "bekräftigen" for form in "bekräftigt bekräftigte bekräftigten".split()},
}
