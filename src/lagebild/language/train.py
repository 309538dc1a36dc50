"""Train the shipped German NER model (``make train-ner``): seeded and reproducible.

Training data, all with licences that allow shipping the model:

* GermEval 2014 ``dev.txt`` (CC BY 4.0, Benikova et al. 2014), outer labels incl. deriv/part;
  ``test.txt`` is never read here (it is the evaluation set);
* ``data/ner_train_de.txt``: news sentences written and annotated for this project, and
  templates filled from the gazetteer (names in many contexts stand in for gazetteer features);
* optionally (``--europeana``; off: it lowered held-out F1) Europeana Newspapers German (CC0): historical OCR text labelled PER/LOC/ORG only.
  Its unlabelled capitalised words and ``-isch`` adjectives are marked *missing* rather than
  ``O``, since that corpus does not annotate OTH or deriv/part.

europarl-ner-de is never used here (no licence to ship a model trained on it).

Run: ``python -m lagebild.language.train --out src/lagebild/language/models/de_ner``.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path

SEED = 20140
GERMEVAL_DEV = Path("../shared/data/germeval2014/dev.txt")
EUROPEANA = Path("../shared/data/europeana-ner-de")
DEFAULT_OUT = Path(__file__).parent / "models" / "de_ner"

# Model size: tuned for speed (>= 20k tokens/s on one core) at little cost in F1 on a
# held-out slice of GermEval dev.
EMBED_WIDTH = 96
EMBED_ROWS = [5000, 2000, 3000, 2000, 200]  # NORM, PREFIX, SUFFIX, SHAPE, gazetteer feature
ENCODER_DEPTH = 4
HIDDEN_WIDTH = 64
EPOCHS = 12  # held-out GermEval dev F1 flat after ~12 epochs (52.3 at 12, 52.6 at 15)
DROPOUT = 0.2
TEMPLATE_FILLS = 30  # sentences generated per template
OWN_REPEAT = 3  # the hand-annotated sentences are few: show each several times per epoch
EUROPEANA_MAX = 2500  # pseudo-sentences from Europeana (OCR noise: kept a minority)

FIRST_NAMES = """Anna Maria Julia Olena Natalija Swetlana Katarina Sophie Laura Sarah Ines Petra
Thomas Michael Andreas Stefan Jan Lukas Felix Jonas Olaf Dmitri Sergej Oleksandr Andrij Mychajlo
Jurij Igor Pawlo Taras Wiktor Jewgeni Alexej Mehmet Ahmet Ali Hassan John James Robert Emily
Pierre Jean Luca Marco Piotr Tomasz Jakub Lars Nils Henrik""".split()
SURNAMES = """Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Hoffmann Schulz Koch
Richter Klein Wolf Neumann Schwarz Braun Zimmermann Krüger Hartmann Lange Werner Krause
Kowalenko Schewtschenko Bondarenko Tkatschenko Kravtschuk Melnyk Iwanow Smirnow Petrow
Wolkow Sokolow Kusnezow Popow Lebedew Morosow Nowak Kowalski Wiśniewski Yılmaz Demir Kaya
Smith Johnson Miller Davis Dupont Martin Rossi Bianchi Andersson Johansson Nielsen""".split()
AGENCIES = "dpa AFP Reuters AP Tass Interfax Ukrinform Anadolu Xinhua epd KNA".split() + [
    "RIA Nowosti"
]
PARTIES = "SPD CDU CSU FDP AfD Grünen Linke BSW".split()

_MARKUP = re.compile(r"\[([^\]|]+)\|([A-Za-z]+)\]")
_SLOT = re.compile(r"\{(PER|LOC|ORG|CITY|AGENCY|PARTY|SURNAME)\}")
_ADJECTIVE = re.compile(r"^[A-ZÄÖÜa-zäöü]+isch(e|en|er|es|em)?$")


def _own_sentences(rng: random.Random) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Hand-annotated sentences and filled templates as (text, char spans with labels)."""
    from importlib import resources

    from lagebild.language import gazetteer

    entries = [e for e in gazetteer.entries() if not e.ambiguous]
    fillers = {
        "PER": [e.name for e in entries if e.type == "PER" and " " in e.name],
        "LOC": [e.name for e in entries if e.type == "LOC" and e.source == "cldr"],
        "CITY": [e.name for e in entries if e.type == "LOC" and e.source == "curated"],
        "ORG": [e.name for e in entries if e.type == "ORG"],
        "AGENCY": AGENCIES,
        "PARTY": PARTIES,
    }
    slot_type = {"CITY": "LOC", "AGENCY": "ORG", "PARTY": "ORG", "SURNAME": "PER"}
    text = resources.files("lagebild.language").joinpath("data/ner_train_de.txt").read_text(
        encoding="utf-8"
    )
    result = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if _SLOT.search(line):
            for _ in range(TEMPLATE_FILLS):
                result.append(_fill(line, fillers, slot_type, rng))
            continue
        for _ in range(OWN_REPEAT):
            result.append(_unmark(line))
    return result


def _unmark(line: str) -> tuple[str, list[tuple[int, int, str]]]:
    out, spans, position = [], [], 0
    for match in _MARKUP.finditer(line):
        out.append(line[position : match.start()])
        start = sum(len(part) for part in out)
        out.append(match.group(1))
        spans.append((start, start + len(match.group(1)), match.group(2)))
        position = match.end()
    out.append(line[position:])
    return "".join(out), spans


def _fill(line, fillers, slot_type, rng):
    out, spans, position = [], [], 0
    for match in _SLOT.finditer(line):
        out.append(line[position : match.start()])
        slot = match.group(1)
        if slot == "PER" and rng.random() < 0.5:
            value = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
        elif slot == "SURNAME":
            value = rng.choice(SURNAMES + [p.split()[-1] for p in fillers["PER"]])
        else:
            value = rng.choice(fillers[slot])
        start = sum(len(part) for part in out)
        out.append(value)
        spans.append((start, start + len(value), slot_type.get(slot, slot)))
        position = match.end()
    out.append(line[position:])
    return "".join(out), spans


def _europeana(rng: random.Random) -> list[tuple[list[str], list[str]]]:
    """Pseudo-sentences (cut at full stops) with BIO labels; '-' marks a missing label."""
    fixes = {"B-PEr": "B-PER", "I-PEr": "I-PER", "B_PER": "B-PER", "B_LOC": "B-LOC",
             "I_ORG": "I-ORG", "B.PER": "B-PER", "B-ORg": "B-ORG"}
    sentences = []
    for path in sorted(EUROPEANA.glob("*.bio")):
        words: list[str] = []
        labels: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split(" ")
            if len(parts) != 2 or not parts[0]:
                continue
            word, label = parts
            label = fixes.get(label, label)
            if label not in {"O"} and label[2:] not in {"PER", "LOC", "ORG"}:
                label = "O"
            if label == "O" and len(words) > 0 and (
                word[:1].isupper() or _ADJECTIVE.match(word)
            ):
                label = "-"  # not annotated in this corpus: OTH, deriv and part are unknown
            words.append(word)
            labels.append(label)
            if word in {".", "!", "?"} and len(words) >= 6 or len(words) >= 60:
                if any(lab.startswith("B-") for lab in labels):
                    sentences.append((words, labels))
                words, labels = [], []
    rng.shuffle(sentences)
    return sentences[:EUROPEANA_MAX]


def make_doc(vocab, words, spaces=None):
    """A spaCy Doc whose LEMMA slot holds the gazetteer features (see features.py)."""
    from spacy.tokens import Doc

    from lagebild.language.features import token_features

    words = list(words)
    return Doc(vocab, words=words, spaces=spaces, lemmas=token_features(words))


def _doc_example(nlp, words, labels, spaces=None):
    from spacy.training import Example, iob_to_biluo

    doc = make_doc(nlp.vocab, words, spaces)
    # iob_to_biluo cannot see '-'; convert runs between missing tokens separately
    tags: list[str] = []
    run: list[str] = []
    for label in list(labels) + ["-"]:
        if label == "-":
            tags.extend(iob_to_biluo(run) if run else [])
            run = []
            tags.append("-")
        else:
            run.append(label)
    return Example.from_dict(doc, {"entities": tags[: len(words)]})


def _text_example(nlp, text, spans):
    from spacy.tokens import Doc
    from spacy.training import Example

    from lagebild.language import de
    from lagebild.language.tokenize import token_spans

    offsets = token_spans(text, de.RULES)
    words = [text[a:b] for a, b in offsets]
    spaces = [i + 1 < len(offsets) and offsets[i + 1][0] > b for i, (a, b) in enumerate(offsets)]
    labels = ["O"] * len(words)
    for start, end, label in spans:
        inside = [i for i, (a, b) in enumerate(offsets) if a < end and b > start]
        for k, i in enumerate(inside):
            labels[i] = ("B-" if k == 0 else "I-") + label
    return _doc_example(nlp, words, labels, spaces)


def build_nlp():
    import spacy

    nlp = spacy.blank("de")
    model = {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "extra_state_tokens": False,
        "hidden_width": HIDDEN_WIDTH,
        "maxout_pieces": 2,
        "use_upper": True,
        "tok2vec": {
            "@architectures": "spacy.Tok2Vec.v2",
            "embed": {
                "@architectures": "spacy.MultiHashEmbed.v2",
                "width": EMBED_WIDTH,
                "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE", "LEMMA"],
                "rows": EMBED_ROWS,
                "include_static_vectors": False,
            },
            "encode": {
                "@architectures": "spacy.MaxoutWindowEncoder.v2",
                "width": EMBED_WIDTH,
                "depth": ENCODER_DEPTH,
                "window_size": 1,
                "maxout_pieces": 3,
            },
        },
    }
    nlp.add_pipe("ner", config={"model": model})
    return nlp


def train(out: Path, holdout: int = 0, europeana: bool = False, epochs: int = EPOCHS) -> None:
    import spacy
    from spacy.util import minibatch

    from lagebild.language.evaluate import read_germeval, score

    random.seed(SEED)
    spacy.util.fix_random_seed(SEED)
    rng = random.Random(SEED)
    nlp = build_nlp()

    dev = read_germeval(GERMEVAL_DEV)
    held = dev[len(dev) - holdout :] if holdout else []
    train_part = dev[: len(dev) - holdout] if holdout else dev
    examples = [_doc_example(nlp, s.tokens, s.labels) for s in train_part]
    own = [_text_example(nlp, text, spans) for text, spans in _own_sentences(rng)]
    extra = []
    if europeana and EUROPEANA.exists():
        extra = [_doc_example(nlp, w, lab) for w, lab in _europeana(rng)]
    print(f"germeval {len(examples)}  own {len(own)}  europeana {len(extra)}  held {len(held)}")
    examples = examples + own + extra

    ner = nlp.get_pipe("ner")
    optimizer = nlp.initialize(lambda: examples)
    del ner
    for epoch in range(epochs):
        started = time.perf_counter()
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=16):
            nlp.update(batch, drop=DROPOUT, sgd=optimizer, losses=losses)
        line = f"epoch {epoch + 1:2d} loss {losses.get('ner', 0):9.1f} {time.perf_counter() - started:5.1f}s"
        if held and (epoch % 3 == 2 or epoch == epochs - 1):
            predicted = []
            for sentence in held:
                doc = nlp.get_pipe("ner")(make_doc(nlp.vocab, sentence.tokens))
                labels = ["O"] * len(doc)
                for ent in doc.ents:
                    for i in range(ent.start, ent.end):
                        labels[i] = ("B-" if i == ent.start else "I-") + ent.label_
                predicted.append(labels)
            result = score([s.labels for s in held], predicted)
            line += f"  held fine {result['fine']['f1']:.1f} coarse {result['coarse']['f1']:.1f}"
        print(line, flush=True)
    out.mkdir(parents=True, exist_ok=True)
    nlp.meta["name"] = "de_ner"
    nlp.meta["version"] = "1.0.0"
    nlp.meta["license"] = "CC BY 4.0 (trained on GermEval 2014 dev); Europeana CC0; own data MIT"
    nlp.meta["description"] = "Lagebild German NER: GermEval 2014 outer labels incl. deriv/part"
    nlp.to_disk(out)
    print(f"saved to {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--holdout", type=int, default=0, help="last N dev sentences held out")
    parser.add_argument(
        "--europeana", action="store_true", help="add Europeana (lowered held-out F1: 44.8 vs 50.5)"
    )
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    args = parser.parse_args()
    train(args.out, args.holdout, args.europeana, args.epochs)


if __name__ == "__main__":
    main()
