"""Quote stage benchmark: SpkAtt-2023 Task 2 quality and the stage's speed next to the language layer.

    .venv/bin/python bench/bench_quotes.py [--split dev|test|all] [--predictions-out DIR]

Quality: :func:`lagebild.extract.quotes.spkatt.evaluate` on ../shared/data/spkatt2023-news/train
(split "test" = files with id % 5 == 0, held out while writing the rules). Speed: for the same
files as documents, milliseconds per document of ``lagebild.language.parse`` (where it loads)
and of ``extract_quotes``, measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from lagebild.extract.quotes import extract_quotes
from lagebild.extract.quotes.spkatt import detokenize, evaluate, split_files
from lagebild.model import Document, Parsed

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "spkatt2023-news" / "train"


def speed(files: list[Path]) -> dict[str, float | None]:
    documents = []
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        ordered = sorted(data["Sentences"], key=lambda s: int(s["SentenceId"]))
        text, _ = detokenize([s["Tokens"] for s in ordered])
        documents.append(Document(id=path.stem[:8], source=path.name, identity=path.name, text=text))
    parse = None
    try:
        from lagebild.language import parse as language_parse

        language_parse(documents[0], ())
        parse = language_parse
    except Exception as error:  # noqa: BLE001 - the language layer may be unfinished
        print(f"language layer unavailable ({type(error).__name__}); timing quotes alone",
              file=sys.stderr)
    parsed_all = []
    started = time.perf_counter()
    for document in documents:
        parsed_all.append(parse(document, ()) if parse else Parsed(document.id, "de"))
    language_ms = (time.perf_counter() - started) * 1000 / len(documents) if parse else None
    # Warm-up: the first call loads simplemma's dictionary (a one-off cost of the process,
    # paid by the language layer anyway where it runs), which is no per-document cost.
    extract_quotes(documents[0], parsed_all[0])
    started = time.perf_counter()
    for document, parsed in zip(documents, parsed_all):
        extract_quotes(document, parsed)
    quotes_ms = (time.perf_counter() - started) * 1000 / len(documents)
    return {"documents": len(documents), "language_ms_per_doc": language_ms,
            "quotes_ms_per_doc": round(quotes_ms, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("dev", "test", "all"))
    parser.add_argument("--predictions-out", default=None)
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"needs {DATA} (../shared is not part of a fresh clone)")
    result = evaluate(DATA, args.predictions_out, split=args.split)
    result.pop("roles", None)
    result["speed"] = speed(split_files(DATA, args.split))
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
