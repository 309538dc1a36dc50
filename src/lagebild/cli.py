"""The ``lagebild`` command: a thin shell over the library, one library call per command.

Exit codes: 0 success; 1 when some inputs were rejected (the rest is stored) or a library error
occurred (the message says what to do); 2 for usage errors.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from lagebild.errors import LagebildError

app = typer.Typer(
    help="Lagebild: a structured, source-attributed picture of developing news stories.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Evaluate a stage against a public data set.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

# Options shared by every command, declared once.
DbOption = Annotated[
    str,
    typer.Option("--db", help="SQLite database file (created if missing).", envvar="LAGEBILD_DB"),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of a table.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")]


def _open(db: str):
    from lagebild.store import open_store

    return open_store(db)


def _fail(exc: LagebildError) -> None:
    err.print(f"[bold red]error:[/] {exc}")
    raise typer.Exit(1)


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")


# --------------------------------------------------------------------------- ingest


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files and folders (recursive) to ingest.", show_default=False)],
    db: DbOption = "lagebild.db",
    workers: Annotated[int, typer.Option("--workers", "-w", help="Processes for the per-document pass (0 = all cores).")] = 1,
    max_bytes: Annotated[Optional[int], typer.Option("--max-bytes", help="Refuse files larger than this (default 20 MB, or LAGEBILD_MAX_BYTES).")] = None,
    quiet: QuietOption = False,
    as_json: JsonOption = False,
) -> None:
    """Read news from files and folders (text, HTML, RSS/Atom, WARC, JSON Lines) into the store.

    Inputs already stored with the same content are skipped; a changed version of a stored
    document becomes a new revision. Rejected inputs are reported on stderr with their reason
    and listed by `lagebild docs --rejected`; the rest of the batch is stored.
    """
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from lagebild.pipeline import Pipeline, default_workers

    n_workers = default_workers() if workers == 0 else workers
    try:
        with _open(db) as store:
            show = not quiet and not as_json and err.is_terminal
            with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                          console=err, disable=not show, transient=True) as progress:
                task = progress.add_task("ingesting", total=None)
                counts = {"read": 0, "stored": 0, "rejected": 0}

                def tick(event: str, amount: int) -> None:
                    counts[event] += amount
                    progress.update(task, description=(
                        f"read {counts['read']} · stored {counts['stored']} · "
                        f"rejected {counts['rejected']}"))

                pipeline = Pipeline(store, workers=n_workers, max_bytes=max_bytes, progress=tick)
                report = pipeline.ingest(paths)
    except LagebildError as exc:
        _fail(exc)
        return
    for rejection in report.rejected:
        where = f" line {rejection.line}" if rejection.line is not None else ""
        err.print(f"[yellow]rejected[/] {rejection.source}{where}: {rejection.reason}", highlight=False)
    if as_json:
        _print_json({
            "added": report.added, "revised": report.revised, "unchanged": report.unchanged,
            "rejected": [{"source": r.source, "line": r.line, "reason": r.reason} for r in report.rejected],
            "seconds": round(report.seconds, 3),
        })
    elif not quiet:
        out.print(
            f"{len(report.added)} added, {len(report.revised)} revised, "
            f"{len(report.unchanged)} unchanged, {len(report.rejected)} rejected "
            f"in {report.seconds:.1f} s → {db}", highlight=False)
    raise typer.Exit(0 if report.ok else 1)


# --------------------------------------------------------------------------- documents


@app.command()
def docs(
    db: DbOption = "lagebild.db",
    rejected: Annotated[bool, typer.Option("--rejected", help="List rejected inputs with their reasons instead.")] = False,
    as_json: JsonOption = False,
) -> None:
    """List stored documents (id, outlet, published, title, segment count)."""
    try:
        with _open(db) as store:
            if rejected:
                rows = [{"source": r.source, "line": r.line, "reason": r.reason} for r in store.rejections()]
                if as_json:
                    _print_json(rows)
                    return
                table = Table("source", "line", "reason", title=f"{len(rows)} rejected inputs")
                for row in rows:
                    table.add_row(row["source"], "" if row["line"] is None else str(row["line"]), row["reason"])
                out.print(table)
                return
            counts: dict[str, int] = {}
            for segment in store.records("segments"):
                counts[segment.document_id] = counts.get(segment.document_id, 0) + 1
            documents = store.documents()
    except LagebildError as exc:
        _fail(exc)
        return
    if as_json:
        _print_json([{"id": d.id, "outlet": d.outlet, "published": d.published, "updated": d.updated,
                      "title": d.title, "segments": counts.get(d.id, 0), "source": d.source,
                      "revision": d.revision} for d in documents])
        return
    table = Table("id", "outlet", "published", "title", "segments", title=f"{len(documents)} documents")
    for d in documents:
        date = d.published or (f"(updated {d.updated})" if d.updated else "")
        table.add_row(d.id, d.outlet or "", date, d.title or "", str(counts.get(d.id, 0)))
    out.print(table)


@app.command()
def export(
    db: DbOption = "lagebild.db",
    format: Annotated[str, typer.Option("--format", "-f", help="json (the whole corpus, schema lagebild/1) or md (a readable brief).")] = "json",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write to this file instead of stdout.")] = None,
) -> None:
    """Export the corpus and its picture as JSON or Markdown."""
    from lagebild.export import json as json_export
    from lagebild.export import markdown

    writers = {"json": json_export.write, "md": markdown.write}
    if format not in writers:
        raise typer.BadParameter(f"unknown format {format!r}; choose one of {', '.join(writers)}",
                                 param_hint="--format")
    try:
        with _open(db) as store:
            if output is None:
                writers[format](store, sys.stdout)
            else:
                with output.open("w", encoding="utf-8") as stream:
                    writers[format](store, stream)
    except LagebildError as exc:
        _fail(exc)


# --------------------------------------------------------------------------- eval
# (stage engineers add `lagebild eval ...` commands below)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
