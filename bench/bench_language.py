"""Speed of the language layer (tokens, sentences, lemmas, entities) on Wikinews text.

Texts are rebuilt from the tokens of ../shared/data/spkatt2023-news/train/*.json (joined with
spaces, sentences separated by a space, paragraphs not known). The baseline in the same run is
simplemma's own tokeniser plus lemmas, so the ratio holds across machines.

Run: .venv/bin/python bench/bench_language.py [--limit 200]
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "spkatt2023-news" / "train"


def texts(limit: int) -> list[str]:
    result = []
    for path in sorted(DATA.glob("*.json"))[:limit]:
        data = json.loads(path.read_text(encoding="utf-8"))
        sentences = data.get("Sentences") or data.get("sentences") or []
        parts = []
        for sentence in sentences:
            tokens = sentence.get("Tokens") or sentence.get("tokens") or []
            parts.append(" ".join(t if isinstance(t, str) else t.get("Text", "") for t in tokens))
        result.append(" ".join(parts))
    return [t for t in result if t.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=200)
    args = parser.parse_args()
    if not DATA.exists():
        raise SystemExit(f"{DATA} not found: the Wikinews data live in ../shared/data")
    corpus = texts(args.limit)

    import simplemma

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    from lagebild.language import ner, parse
    from lagebild.model import Document

    started = time.perf_counter()
    ner.model()
    load = time.perf_counter() - started
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    docs = [Document(f"d{i}", "b", str(i), t, language="de") for i, t in enumerate(corpus)]
    parse(docs[0])  # warm caches

    started = time.perf_counter()
    tokens = sum(len(simplemma.simple_tokenizer(t)) for t in corpus)
    for t in corpus:
        for w in simplemma.simple_tokenizer(t):
            simplemma.lemmatize(w, lang="de")
    baseline = time.perf_counter() - started

    for with_entities in (False, True):
        started = time.perf_counter()
        count = sum(len(parse(d, with_entities=with_entities).tokens) for d in docs)
        elapsed = time.perf_counter() - started
        label = "full layer (with NER)" if with_entities else "tokens+sentences+lemmas"
        print(
            f"{label:26s} {count / elapsed:9.0f} tokens/s  {1000 * elapsed / len(docs):6.1f} ms/article"
            f"  ratio to baseline {(count / elapsed) / (tokens / baseline):.2f}"
        )
    print(f"{'baseline simplemma':26s} {tokens / baseline:9.0f} tokens/s")
    print(f"articles {len(docs)}, tokens {count}, mean {count / len(docs):.0f} tokens/article")
    print(f"model load {load:.2f} s, resident memory +{(rss_after - rss_before) / 1024:.0f} MB "
          f"(peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
