"""Build a JSON Lines corpus from the Wikinews articles of the GermEval/KONVENS 2023 speaker
attribution data (``../shared/data/spkatt2023-news/train/*.json``), for speed and quality runs.

Each input file is ``"<id> - <title> (<YYYY-MM-DD>).json"`` and holds the article as tokenised
sentences; the text is rebuilt with :func:`lagebild.ingest.detok.detokenize`. One record per
article: ``{id, title, text, published, outlet: "Wikinews", language: "de"}``.

The data is licensed CC BY-NC-SA 4.0 and is never committed: the default output lies under the
git-ignored ``bench/work/``.

    python bench/make_wikinews_jsonl.py [OUTPUT] [--data DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from lagebild.ingest.detok import detokenize

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "spkatt2023-news" / "train"
DEFAULT_OUTPUT = ROOT / "bench" / "work" / "wikinews.jsonl"
_NAME = re.compile(r"\A(?P<id>\d+) - (?P<title>.*) \((?P<date>\d{4}-\d{2}-\d{2})\)\Z")


def article_record(path: Path) -> dict[str, str]:
    """One Wikinews article file as a Lagebild JSON Lines record."""
    data = json.loads(path.read_text(encoding="utf-8"))
    name = data.get("DocumentName") or path.stem
    match = _NAME.match(name) or _NAME.match(path.stem)
    if match is None:
        raise ValueError(f"{path.name}: expected '<id> - <title> (<YYYY-MM-DD>).json'")
    sentences = [sentence["Tokens"] for sentence in data["Sentences"]]
    return {
        "id": match["id"],
        "title": match["title"],
        "text": detokenize(sentences).text,
        "published": match["date"],
        "outlet": "Wikinews",
        "language": "de",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "output",
        nargs="?",
        type=Path,
        default=DEFAULT_OUTPUT,
        help=f"where to write the JSON Lines file (default {DEFAULT_OUTPUT})",
    )
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="folder of the task's train/*.json files"
    )
    args = parser.parse_args(argv)
    files = sorted(args.data.glob("*.json"))
    if not files:
        print(f"no *.json files in {args.data}; is ../shared/data present?", file=sys.stderr)
        return 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as out:
        for path in files:
            out.write(json.dumps(article_record(path), ensure_ascii=False) + "\n")
    print(f"wrote {len(files)} articles to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
