"""Charts of a story as PNG and SVG: its timeline, and its coverage by outlet over time.

Needs the optional extra ``[charts]`` (matplotlib); without it a :class:`MissingExtra` error
carries the pip command. Rendering uses the non-interactive Agg backend, so it runs headless.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from lagebild.errors import MissingExtra

FORMATS = ("png", "svg")
LABEL_CHARS = 60


def _pyplot():
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise MissingExtra("charts", "charts") from exc
    return plt


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]) if len(value) >= 10 else date.fromisoformat(value[:7] + "-01")
    except ValueError:
        return None


def timeline_chart(store, story_id: str, path: str | Path) -> list[Path]:
    """The story's dated timeline entries on a time axis; writes ``path`` as .png and .svg."""
    plt = _pyplot()
    story = store.corpus_record("stories", story_id)
    points = [(d, e) for e in story.timeline if (d := _day(e.date))]
    fig, ax = plt.subplots(figsize=(10, max(3, 0.45 * len(points) + 1)))
    for row, (d, entry) in enumerate(points):
        colour = "tab:red" if entry.event_id else "tab:blue"
        ax.plot([d], [row], "o", color=colour)
        text = entry.text if len(entry.text) <= LABEL_CHARS else entry.text[:LABEL_CHARS] + " …"
        ax.annotate(text, (d, row), xytext=(6, -3), textcoords="offset points", fontsize=8)
    ax.set_yticks([])
    ax.invert_yaxis()
    ax.set_title(story.label[:90])
    fig.autofmt_xdate()
    fig.tight_layout()
    return _save(plt, fig, path)


def coverage_chart(store, story_id: str, path: str | Path) -> list[Path]:
    """Reports per day and outlet (stacked bars); writes ``path`` as .png and .svg."""
    plt = _pyplot()
    story = store.corpus_record("stories", story_id)
    counts: Counter = Counter()
    for doc_id in story.document_ids:
        doc = store.document(doc_id)
        d = _day(doc.published or doc.updated)
        if d:
            counts[(d, doc.outlet or (", ".join(doc.agency) if doc.agency else "unbekannt"))] += 1
    days = sorted({d for d, _ in counts})
    outlets = sorted({o for _, o in counts})
    fig, ax = plt.subplots(figsize=(8, 4))
    bottom = [0] * len(days)
    for outlet in outlets:
        values = [counts[(d, outlet)] for d in days]
        ax.bar([d.isoformat() for d in days], values, bottom=bottom, label=outlet)
        bottom = [b + v for b, v in zip(bottom, values)]
    ax.set_ylabel("Berichte")
    ax.set_title(f"Berichterstattung: {story.label[:70]}")
    if outlets:
        ax.legend(fontsize=7, loc="upper left")
    fig.autofmt_xdate()
    fig.tight_layout()
    return _save(plt, fig, path)


def _save(plt, fig, path: str | Path) -> list[Path]:
    base = Path(path)
    base = base.with_suffix("") if base.suffix.lower().lstrip(".") in FORMATS else base
    written = []
    for fmt in FORMATS:
        target = base.with_suffix(f".{fmt}")
        fig.savefig(target, format=fmt, dpi=120)
        written.append(target)
    plt.close(fig)
    return written
