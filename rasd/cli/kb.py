"""`rasd kb check`: validate every knowledge file (errors name file and line)."""
from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    kb = typer.Typer(help="The knowledge base: actors, persons, sources, triggers, cue words.", no_args_is_help=True)
    app.add_typer(kb, name="kb")

    @kb.command("check")
    def check() -> None:
        """Load and validate all knowledge files; print counts and warnings."""
        from rasd.arabic import dates, numbers
        from rasd.geo.regions import geo_cues, region_table
        from rasd.kb.knowledge import check as run_check
        from rasd.stages.events import lexicon

        lines = run_check()
        for loader in (lexicon, numbers.lexicon, dates.knowledge, geo_cues, region_table):
            loader.cache_clear()
            loader()
        lx = lexicon()
        n = sum(len(v) for v in lx.exact.values()) + sum(len(t) for d in lx.prefix.values() for t in d.values())
        typer.echo(lines[0] + f", {n} trigger forms")
        for w in lines[1:]:
            typer.echo(f"warning: {w}")
        typer.echo("knowledge ok")
