"""`rasd extract FILE|-`: one report in, one rasd.document/1 object out (or a readable table);
`rasd rerun STAGE TRACE.json`: one stage again on a document kept by `extract --trace`."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from rasd.errors import InputError


def read_report(path: str) -> tuple[str, dict]:
    """Text of a file or stdin ('-'): encoding detected, HTML stripped of boilerplate."""
    from rasd.ingest.encoding import decode

    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"no such file: {path}")
        if p.is_dir():
            raise InputError(f"{path} is a directory", hint="Use `rasd ingest DIR` for a folder of reports.")
        data = p.read_bytes()
    if b"\x00" in data[:8192]:
        raise InputError(f"{path} looks like a binary file (it contains NUL bytes), not a report")
    text = decode(data)
    meta: dict = {}
    head = text[:2000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        from rasd.ingest.html import to_text

        text, title, published = to_text(text)
        meta = {k: v for k, v in (("title", title), ("published", published)) if v}
    return text, meta


def register(app: typer.Typer) -> None:
    @app.command()
    def extract(
        files: list[str] = typer.Argument(..., help="Report files (text or HTML), or '-' for standard input."),
        published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD (resolves أمس، يوم الخميس …)."),
        outlet: Optional[str] = typer.Option(None, help="The outlet that published the report."),
        url: Optional[str] = typer.Option(None, help="The report's URL."),
        title: Optional[str] = typer.Option(None, help="The report's title."),
        fmt: str = typer.Option("json", "--format", help="json (rasd.document/1) or table."),
        jsonl: bool = typer.Option(False, "--jsonl", help="One compact JSON object per line (without it, several files give one JSON array)."),
        trace: Optional[Path] = typer.Option(None, help="Keep the document after each stage in this folder."),
    ) -> None:
        """Extract actors, persons, places, events and relations from Arabic reports."""
        import datetime as dt

        from rasd.pipeline import default_pipeline

        if published:
            try:
                dt.date.fromisoformat(published)
            except ValueError:
                raise InputError(f"--published {published!r} is not a date", hint="Write it as YYYY-MM-DD.") from None
        if fmt not in ("json", "table"):
            raise InputError(f"unknown --format {fmt!r}", hint="Use json or table.")
        # every file is read before any output, so a missing one fails without a partial array
        reports = [(f, *read_report(f)) for f in files]
        pipe = default_pipeline()
        # several files as JSON without --jsonl: one JSON array, streamed a document at a time
        array = fmt == "json" and not jsonl and len(files) > 1
        for i, (f, text, meta) in enumerate(reports):
            src = {"published": published or meta.get("published"), "outlet": outlet, "url": url,
                   "title": title or meta.get("title")}
            doc = pipe.run(text, trace=trace, **src)
            for w in doc.warnings:
                typer.echo(f"warning: {f}: {w}", err=True)
            if array:
                sys.stdout.write(("[\n" if i == 0 else ",\n") + _indent(doc.to_json()))
            else:
                _print(doc.to_json(), fmt, compact=jsonl)
        if array:
            sys.stdout.write("\n]\n")

    @app.command()
    def rerun(
        stage: str = typer.Argument(..., help="The stage to run again (clean, sentences, mentions, open_places, "
                                              "open_actors, ner, link, geocode, place_context, corefer, events, "
                                              "worthiness, eventcoref, evdecide, roster, relations, phrases)."),
        trace_file: Path = typer.Argument(..., help="A document kept by `rasd extract --trace DIR` "
                                                    "(NN-stage.json), taken after the stages STAGE needs."),
        fmt: str = typer.Option("json", "--format", help="json (rasd.document/1) or table."),
        trace: Optional[Path] = typer.Option(None, help="Keep the document after the stage in this folder."),
    ) -> None:
        """Run one stage again on a traced document and print the result (to try a change to a stage
        or a knowledge file without running the stages before it)."""
        from rasd.doc import Doc
        from rasd.pipeline import default_pipeline, write_trace

        if fmt not in ("json", "table"):
            raise InputError(f"unknown --format {fmt!r}", hint="Use json or table.")
        if not trace_file.is_file():
            raise InputError(f"no such file: {trace_file}")
        try:
            data = json.loads(trace_file.read_text(encoding="utf-8"))
            doc = Doc.from_json(data)
        except (ValueError, KeyError, TypeError) as e:
            raise InputError(f"{trace_file} is not a rasd document ({type(e).__name__}: {e})",
                             hint="Give a file written by `rasd extract --trace DIR`.") from None
        if "trace" not in data:
            typer.echo(f"warning: {trace_file} has no trace section: mentions are known by their spans only",
                       err=True)
        doc = default_pipeline().rerun(stage, doc)
        if trace is not None:
            write_trace(doc, trace)
        _print(doc.to_json(), fmt, compact=False)


def _indent(out: dict) -> str:
    """One document as an indented item of the JSON array (two spaces deeper than the brackets)."""
    return "\n".join("  " + line for line in json.dumps(out, ensure_ascii=False, indent=2).splitlines())


def _print(out: dict, fmt: str, compact: bool) -> None:
    if fmt == "table":
        from rasd.cli.tables import print_document

        print_document(out)
    elif compact:
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
