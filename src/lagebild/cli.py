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
    typer.Option("--db", help="SQLite database file (created if missing), or a postgresql:// URL (needs the postgres extra).", envvar="LAGEBILD_DB"),
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
    workers: Annotated[int, typer.Option("--workers", "-w", help="Processes for the per-document pass (0 = all cores).")] = 0,
    engine: Annotated[str, typer.Option("--engine", help="Where the per-document pass runs: local (process pool of --workers) or ray (one actor per CPU of a Ray cluster; needs the scale extra).")] = "local",
    ray_address: Annotated[Optional[str], typer.Option("--ray-address", help="Ray cluster to join (auto, ray://head:10001); default: start a local Ray instance.")] = None,
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

    if engine not in ("local", "ray"):
        raise typer.BadParameter(f"{engine!r} is not an engine; use local or ray", param_hint="--engine")
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

                pipeline = Pipeline(store, workers=n_workers, max_bytes=max_bytes, progress=tick,
                                    engine=engine, ray_address=ray_address)
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
    format: Annotated[str, typer.Option("--format", "-f", help="json (the whole corpus, schema lagebild/1), md (a readable overview), timelinejs (one story, Knight Lab JSON; needs --story), csv (events; with -o also FILE-quotes.csv) or csv-quotes.")] = "json",
    story: Annotated[Optional[str], typer.Option("--story", help="Only this story (ids: `lagebild stories`); required for timelinejs.")] = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write to this file instead of stdout.")] = None,
) -> None:
    """Export the corpus and its picture as JSON, Markdown, TimelineJS or CSV."""
    from lagebild.export import csv as csv_export
    from lagebild.export import json as json_export
    from lagebild.export import markdown, timelinejs

    writers = {
        "json": json_export.write,
        "md": markdown.write,
        "timelinejs": lambda store, stream: timelinejs.write(store, stream, story or ""),
        "csv": lambda store, stream: csv_export.write_events(store, stream, story),
        "csv-quotes": lambda store, stream: csv_export.write_quotes(store, stream, story),
    }
    if format not in writers:
        raise typer.BadParameter(f"unknown format {format!r}; choose one of {', '.join(writers)}",
                                 param_hint="--format")
    if format == "timelinejs" and not story:
        raise typer.BadParameter("timelinejs exports one story: add --story ID (see `lagebild stories`)",
                                 param_hint="--story")
    try:
        with _open(db) as store:
            if output is None:
                writers[format](store, sys.stdout)
            else:
                with output.open("w", encoding="utf-8", newline="") as stream:
                    writers[format](store, stream)
                if format == "csv":
                    quotes_path = output.with_name(f"{output.stem}-quotes{output.suffix or '.csv'}")
                    with quotes_path.open("w", encoding="utf-8", newline="") as stream:
                        csv_export.write_quotes(store, stream, story)
    except LagebildError as exc:
        _fail(exc)


@app.command()
def brief(
    story_id: Annotated[Optional[str], typer.Argument(help="The story (ids: `lagebild stories`); without it, the story most sources follow.", show_default=False)] = None,
    db: DbOption = "lagebild.db",
    format: Annotated[str, typer.Option("--format", "-f", help="md (Markdown) or html.")] = "md",
    since: Annotated[Optional[str], typer.Option("--since", help="Lead with what is new since this time (ISO 8601, UTC, e.g. 2025-07-23T12:00).")] = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write to this file instead of stdout.")] = None,
) -> None:
    """A brief of one story: summary, timeline, who said what, disputed points, sources."""
    from lagebild.export import brief as brief_export

    if format not in {"md", "html"}:
        raise typer.BadParameter(f"unknown format {format!r}; choose md or html", param_hint="--format")
    try:
        with _open(db) as store:
            if story_id is None:
                from lagebild.corpus.stories import leading_story

                story_id = leading_story(store)
                if story_id is None:
                    raise LagebildError(f"{db} holds no stories yet; ingest articles first (`lagebild ingest PATH`)")
            text = brief_export.render(store, story_id, format, since)
    except LagebildError as exc:
        _fail(exc)
        return
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------- stories


@app.command("stories")
def stories_command(db: DbOption = "lagebild.db", as_json: JsonOption = False) -> None:
    """List stories, latest first (id, label, first/last seen, outlets, segments, independent sources, storyline)."""
    from lagebild.corpus.stories import list_stories

    try:
        with _open(db) as store:
            rows = list_stories(store)
    except LagebildError as exc:
        _fail(exc)
        return
    if as_json:
        _print_json([{"id": s.id, "label": s.label, "first_seen": s.first_seen, "last_seen": s.last_seen,
                      "outlets": list(s.outlets), "segments": len(s.segment_ids),
                      "documents": len(s.document_ids), "independent_sources": n, "parent": s.parent}
                     for s, n in rows])
        return
    table = Table("id", "label", "first seen", "last seen", "outlets", "segments", "sources", "storyline",
                  title=f"{len(rows)} stories")
    for s, n in rows:
        table.add_row(s.id, s.label, s.first_seen or "", s.last_seen or "", ", ".join(s.outlets),
                      str(len(s.segment_ids)), str(n), s.parent or "")
    out.print(table)


@app.command("story")
def story_command(
    story_id: Annotated[str, typer.Argument(help="Story id, as `lagebild stories` lists it.", show_default=False)],
    db: DbOption = "lagebild.db",
    as_json: JsonOption = False,
) -> None:
    """Show one story: its segments by date and outlet, copies and rewrites folded under their original."""
    from lagebild.corpus.stories import story_entries

    try:
        with _open(db) as store:
            entries = story_entries(store, story_id)
    except LagebildError as exc:
        _fail(exc)
        return
    if as_json:
        from lagebild.model import to_json

        _print_json(to_json(entries))
        return
    table = Table("date", "outlet", "headline", "segment", title=story_id)
    for e in entries:
        table.add_row(e.date or "", e.outlet or "", e.headline, e.segment_id)
        for c in e.copies:
            table.add_row(c.date or "", c.outlet or "", f"  └ {c.kind}: {c.headline}", c.segment_id)
    out.print(table)


# --------------------------------------------------------------------------- serve and watch


@app.command()
def serve(
    db: DbOption = "lagebild.db",
    host: Annotated[str, typer.Option("--host", help="Address to bind; beyond 127.0.0.1 writes need LAGEBILD_TOKEN.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8000,
    workers: Annotated[Optional[int], typer.Option("--workers", min=1, help="Server processes (default: one per CPU core); pages render on the CPU, so one process uses one core.")] = None,
) -> None:
    """Serve the picture: web pages for people, a JSON API (/api, OpenAPI at /api/openapi.json)."""
    import os

    workers = workers or os.cpu_count() or 1
    try:
        import uvicorn

        from lagebild.api import create_app

        if workers == 1:
            application = create_app(db, bind=host)
        else:  # each worker builds its app from the environment (lagebild.api.app.app_from_env)
            from lagebild.store import open_store

            open_store(db).close()  # fail here, once (bad path, newer schema), and migrate once
    except ImportError:
        _fail(LagebildError("serving needs the optional extra [server]: pip install 'lagebild[server]'"))
        return
    except LagebildError as exc:
        _fail(exc)
        return
    err.print(f"serving {db} on http://{host}:{port}/ with {workers} process{'es' if workers > 1 else ''} "
              "(Ctrl-C stops)", highlight=False)
    if workers == 1:
        uvicorn.run(application, host=host, port=port, log_level="warning")
    else:
        from lagebild.api.app import serve_workers

        try:
            serve_workers(str(db), host=host, port=port, workers=workers)
        except LagebildError as exc:
            _fail(exc)


@app.command()
def watch(
    sources: Annotated[list[str], typer.Argument(help="Folders, files and RSS/Atom feed URLs (http/https) to follow.", show_default=False)],
    db: DbOption = "lagebild.db",
    interval: Annotated[float, typer.Option("--interval", help="Seconds between polling rounds.", min=1.0)] = 60.0,
    rounds: Annotated[Optional[int], typer.Option("--rounds", help="Stop after this many rounds (default: run until Ctrl-C).")] = None,
    quiet: QuietOption = False,
) -> None:
    """Follow folders and feeds: every --interval seconds, new articles go through the pipeline."""
    from lagebild import watch as watching

    def report(r) -> None:
        for source, reason in r.errors:
            err.print(f"[yellow]skipped[/] {source}: {reason}", highlight=False)
        if not quiet and (r.ingest.added or r.ingest.revised or r.ingest.rejected):
            out.print(f"{len(r.ingest.added)} added, {len(r.ingest.revised)} revised, "
                      f"{len(r.ingest.rejected)} rejected", highlight=False)

    try:
        with _open(db) as store:
            watching.watch(store, sources, interval=interval, rounds=rounds, on_round=report)
    except KeyboardInterrupt:
        return
    except LagebildError as exc:
        _fail(exc)


# --------------------------------------------------------------------------- eval
# (stage engineers add `lagebild eval ...` commands below)


@app.command()
def entities(
    db: DbOption = "lagebild.db",
    type: Annotated[Optional[str], typer.Option("--type", "-t", help="Only entities of this type: PER, ORG, LOC or OTH.")] = None,
    as_json: JsonOption = False,
) -> None:
    """List the entities found across documents, with aliases, roles and mention counts."""
    from lagebild.model import to_json

    try:
        with _open(db) as store:
            found = [e for e in store.corpus("entities") if type is None or e.type == type.upper()]
    except LagebildError as exc:
        _fail(exc)
        return
    found.sort(key=lambda e: (-len(e.mentions), e.name))
    if as_json:
        _print_json([to_json(e) for e in found])
        return
    table = Table("id", "type", "name", "aliases", "roles", "mentions", title=f"{len(found)} entities")
    for e in found:
        table.add_row(e.id, e.type, e.name, ", ".join(a for a in e.aliases if a != e.name),
                      ", ".join(e.roles), str(len(e.mentions)))
    out.print(table)


@app.command()
def times(
    db: DbOption = "lagebild.db",
    doc: Annotated[Optional[str], typer.Option("--doc", help="Only the time expressions of this document id.")] = None,
    as_json: JsonOption = False,
) -> None:
    """List time expressions with their normalised values and the date they were resolved against."""
    from lagebild.model import to_json

    try:
        with _open(db) as store:
            if doc is not None:
                store.document(doc)  # a clear error for an unknown id
            found = store.records("times", doc)
    except LagebildError as exc:
        _fail(exc)
        return
    if as_json:
        _print_json([to_json(t) for t in found])
        return
    table = Table("document", "text", "type", "value", "anchor", title=f"{len(found)} time expressions")
    for t in found:
        anchor = f"{t.anchor.value} ({t.anchor.source})" if t.anchor else ""
        table.add_row(t.document_id, t.text, t.type, t.value, anchor)
    out.print(table)


@app.command()
def quotes(
    db: DbOption = "lagebild.db",
    speaker: Annotated[Optional[str], typer.Option("--speaker", "-s", help="Only quotes whose speaker name contains this (case-insensitive).")] = None,
    as_json: JsonOption = False,
) -> None:
    """List who said what: quotes and reported speech with speaker, cue and source chain."""
    from lagebild.model import to_json

    try:
        with _open(db) as store:
            found = store.records("quotes")
            names = {e.id: e.name for e in store.corpus("entities")}
    except LagebildError as exc:
        _fail(exc)
        return

    def speaker_name(q) -> str:
        if q.speaker is None:
            return ""
        if q.speaker.entity_id and q.speaker.entity_id in names:
            return names[q.speaker.entity_id]
        return q.speaker.refers_to or q.speaker.text

    if speaker:
        needle = speaker.casefold()
        found = [q for q in found if q.speaker is not None and (
            needle in speaker_name(q).casefold() or needle in q.speaker.text.casefold())]
    if as_json:
        _print_json([to_json(q) for q in found])
        return
    table = Table("document", "speaker", "kind", "cue", "via", "message", title=f"{len(found)} quotes")
    for q in found:
        who = speaker_name(q) + (" (anonymous)" if q.speaker and q.speaker.anonymous else "")
        table.add_row(q.document_id, who, q.kind, q.cue or "", " ← ".join(q.via), q.text)
    out.print(table)


@eval_app.command("germeval")
def eval_germeval(
    file: Annotated[Path, typer.Argument(help="A GermEval 2014 file: index, token, outer, inner label per line.")],
    predictions_out: Annotated[Optional[Path], typer.Option("--predictions-out", help="Write index<TAB>token<TAB>label lines here.")] = None,
) -> None:
    """Tag a GermEval 2014 NER file and print strict span F1 (fine and coarse)."""
    from lagebild.language.evaluate import germeval_command

    if not file.is_file():
        raise typer.BadParameter(f"{file} is not a readable file", param_hint="FILE")
    germeval_command(file, predictions_out)


@eval_app.command("spkatt")
def eval_spkatt(
    directory: Annotated[Path, typer.Argument(help="A folder of SpkAtt-2023 Task 2 JSON files.")],
    predictions_out: Annotated[Optional[Path], typer.Option("--predictions-out", help="Write one prediction JSON per input file into this folder.")] = None,
    split: Annotated[str, typer.Option("--split", help="all, test (file id % 5 == 0, held out) or dev (the rest).")] = "all",
) -> None:
    """Predict speech events on SpkAtt-2023 files and print cue, role and joint F1."""
    from lagebild.extract.quotes.spkatt import spkatt_command

    if not directory.is_dir():
        raise typer.BadParameter(f"{directory} is not a folder", param_hint="DIR")
    if split not in ("all", "test", "dev"):
        raise typer.BadParameter("choose all, test or dev", param_hint="--split")
    spkatt_command(directory, predictions_out, split)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
