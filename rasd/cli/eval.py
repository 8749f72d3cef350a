"""`rasd eval`: score the pipeline (or saved predictions) against a gold file (spec/gold.md)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

HELP = """Score rasd against gold files of spec/gold.md, one part or several side by side.

Each report (text_file, relative to the corpus/ folder above GOLD) is run through the pipeline with its doc_id, published date and outlet (from the record, or an index.jsonl beside GOLD), or read from --pred. Prints P/R/F1 per entity type, events, type-only events and relations; geocoding, role and modality accuracy; counts per event type; and a 95 % interval of the ACTOR, PERSON, PLACE and EVENT F1 (a bootstrap over the reports, fixed seed): how far the score could move on another draw of reports like these.

`rasd eval ner` instead scores named entities on ANERcorp's CAMeL test split: per-class P/R/F1 and micro-F1 over PERS/LOC/ORG for the CRF alone and for rasd's entities (PERSON → PERS, PLACE → LOC, ACTOR → ORG, an actor named by a country or capital → LOC), on the test file as given and rebuilt from the tail of ANERCorp.txt.

Where spec/gold.md is silent, the scorer decides:
- entities: maximum one-to-one matching per type; event and relation arguments match gold entities by name (same type), independently of that matching;
- events: greedy one-to-one in document order; a gold event with NO participants satisfies the participant condition; a negated system event never matches an asserted gold event (also for type-only);
- role accuracy: as the spec words it, the gold agents are among the system's agents (so a gold event without agents is correct); the strict role accuracy beside it also requires the system to give no agent then;
- geocoding: a recognised place without system coordinates counts as wrong.
"""


def register(app: typer.Typer) -> None:
    app.command("eval", help=HELP)(eval_command)


def eval_command(
    gold: Annotated[list[Path], typer.Argument(
        help="Gold JSON-lines files or folders (e.g. ../shared/corpus/dev/gold.jsonl, annotations/ for "
             "its train/ and test/ parts side by side), or `ner` for the CAMeL-test NER scores.")],
    pred: Annotated[Optional[Path], typer.Option("--pred", help="Score these rasd.document/1 JSON lines "
                                                 "(matched by doc_id) instead of running the pipeline.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object instead of tables.")] = False,
    explain: Annotated[bool, typer.Option("--explain", help="List every miss per document: entities, "
                                          "events with their evidence, geocoding errors, relations. "
                                          "Refused on a held-out part (a folder named test).")] = False,
    doc: Annotated[Optional[list[str]], typer.Option("--doc", help="Only this doc_id (repeatable).")] = None,
    ner_data: Annotated[Optional[Path], typer.Option("--ner-data", help="With `ner`: the folder holding "
                                                     "ANERCorp.txt and its CAMeL test file (default: the "
                                                     "installed data's source).")] = None,
) -> None:
    if len(gold) == 1 and str(gold[0]) == "ner" and not gold[0].exists():
        return _eval_ner(ner_data, as_json)
    from rich.console import Console
    from rich.text import Text

    from rasd.errors import InputError
    from rasd.eval.report import explain as explain_doc
    from rasd.eval.report import side_by_side, summary_tables
    from rasd.eval.run import evaluate_part, parts_of

    parts = parts_of(gold)
    if explain and any(p.held_out for p in parts):
        raise InputError("--explain lists the misses of a held-out (test or valid) part",
                         hint="A test or valid part is scored, never read for misses: drop --explain, "
                              "or explain a train/dev part only.")
    results = [(p, evaluate_part(p, pred, doc)) for p in parts]
    if as_json:
        out = [{"part": p.name, "held_out": p.held_out, **r.to_json(explain)} for p, r in results]
        typer.echo(json.dumps(out[0] if len(out) == 1 else out, ensure_ascii=False, indent=1))
        return
    console = Console()
    for p, result in results:
        if explain:
            for score in result.scores:
                console.print(explain_doc(score))
            console.print()
        console.print(summary_tables(result.summary, p.name, result.gold_sha256))
        for w in result.warnings:
            console.print(Text.assemble(("warning: ", "yellow"), w))
    if len(results) > 1:
        console.print(side_by_side([(p.name + (" (held out)" if p.held_out else ""), r.summary)
                                    for p, r in results]))


def _eval_ner(ner_data: Optional[Path], as_json: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    from rasd.ner.camel import evaluate, source_dir

    result = evaluate(ner_data or source_dir())
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    console = Console()
    for system, title in (("crf", "(a) the CRF alone"), ("rasd", "(b) rasd's entities (whole pipeline)")):
        for split, tables in result[system].items():
            t = Table(title=f"{title}, CAMeL test {split} ({result['sentences']} sentences, "
                            f"{result['tokens']:,} tokens)")
            for col in ("class", "P", "R", "F1", "gold", "predicted"):
                t.add_column(col, justify="left" if col == "class" else "right")
            for cls, v in tables.items():
                t.add_row(cls, f"{v['p']:.3f}", f"{v['r']:.3f}", f"{v['f1']:.3f}", str(v["gold"]), str(v["pred"]))
            console.print(t)
    console.print(f"{result['first_token_differs']} of the given test sentences begin with another word "
                  "than the tail of ANERCorp.txt (\"rebuilt\" uses the tail's words).")
