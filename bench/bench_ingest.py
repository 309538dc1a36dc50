"""Ingest speed: milliseconds per document for JSON Lines (Wikinews) and for news-sized HTML pages.

The HTML pages are synthetic but shaped like German news pages (a large <head> with scripts and
JSON-LD, menus of links, the article, teaser lists, a footer: about 120 kB), because trafilatura's
cost grows with the page, not with the article.

    python bench/bench_ingest.py [--pages 200] [--jsonl bench/work/wikinews.jsonl]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from lagebild.ingest import read, read_bytes
from lagebild.model import RawDocument

ROOT = Path(__file__).resolve().parent.parent
SENTENCES = [
    "Der Stadtrat hat am Donnerstag nach langer Debatte über den Haushalt abgestimmt.",
    "Die Opposition kritisierte vor allem die geplanten Ausgaben für den Neubau der Schwimmhalle.",
    "„Wir müssen jetzt in die Zukunft investieren“, sagte die Bürgermeisterin nach der Sitzung.",
    "Nach Angaben der Verwaltung sollen die Arbeiten im Herbst beginnen und zwei Jahre dauern.",
    "Anwohner hatten in einer Petition mehr Sicherheit für Radfahrer an der Hauptstraße gefordert.",
]


def news_page(index: int) -> str:
    menu = "".join(f'<li><a href="/rubrik/{i}">Rubrik {i}</a></li>' for i in range(150))
    teasers = "".join(
        f'<article class="teaser"><a href="/t/{i}"><h3>Weitere Meldung Nummer {i}</h3>'
        f"<p>Kurzer Anreißer zu Meldung {i}.</p></a></article>"
        for i in range(40)
    )
    paragraphs = "".join(
        f"<p>{' '.join(SENTENCES[(index + j + k) % 5] for k in range(3))}</p>"
        + ("<h2>Wie es weitergeht</h2>" if j == 6 else "")
        for j in range(14)
    )
    script = "<script>" + "var tracking = {};" * 3000 + "</script>"
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": f"Stadtrat beschließt Haushalt {index}",
            "datePublished": "2025-03-14T09:30:00+01:00",
            "publisher": {"@type": "Organization", "name": "Beispielblatt"},
        }
    )
    return (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
        f"<title>Haushalt {index}</title>"
        f'<meta property="og:site_name" content="Beispielblatt">{script}'
        f'<script type="application/ld+json">{ld}</script>'
        f"<style>{'p{margin:0}' * 800}</style></head>"
        f"<body><header><nav><ul>{menu}</ul></nav></header><main><article>"
        f"<h1>Stadtrat beschließt Haushalt {index}</h1>{paragraphs}</article>"
        f"<aside><h2>Mehr zum Thema</h2>{teasers}</aside></main>"
        f"<footer><ul>{menu}</ul><p>© 2025 Beispielblatt</p></footer></body></html>"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--jsonl", type=Path, default=ROOT / "bench" / "work" / "wikinews.jsonl")
    args = parser.parse_args()

    pages = [news_page(i).encode() for i in range(args.pages)]
    list(read_bytes(pages[0], "warmup.html"))  # imports and first-call setup
    timings = []
    for i, page in enumerate(pages):
        start = time.perf_counter()
        [doc] = read_bytes(page, f"page{i}.html")
        timings.append(time.perf_counter() - start)
        assert isinstance(doc, RawDocument) and "Wie es weitergeht" in doc.text
        assert "Weitere Meldung" not in doc.text
    kb = statistics.mean(len(p) for p in pages) / 1024
    print(
        f"html: {len(pages)} pages of {kb:.0f} kB: mean {statistics.mean(timings) * 1000:.1f} ms, "
        f"median {statistics.median(timings) * 1000:.1f} ms, "
        f"max {max(timings) * 1000:.1f} ms per page"
    )

    if args.jsonl.exists():
        start = time.perf_counter()
        docs = [doc for doc in read([args.jsonl]) if isinstance(doc, RawDocument)]
        elapsed = time.perf_counter() - start
        print(
            f"jsonl: {len(docs)} Wikinews articles: {elapsed / len(docs) * 1000:.2f} ms per article"
        )
    else:
        print(f"jsonl: {args.jsonl} missing; run bench/make_wikinews_jsonl.py first")


if __name__ == "__main__":
    main()
