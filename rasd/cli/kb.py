"""`rasd kb check`: validate every knowledge file (errors name file and line)."""
from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    kb = typer.Typer(help="The knowledge base: actors, persons, sources, triggers, cue words.", no_args_is_help=True)
    app.add_typer(kb, name="kb")

    @kb.command("check")
    def check() -> None:
        """Load and validate all knowledge files; print counts and warnings."""
        from rasd.kb.knowledge import check as run_check
        from rasd.kb.resources import Resources

        lines = run_check()
        res = Resources()
        for part in ("triggers", "numbers", "dates", "geo_cues", "region_table"):
            getattr(res, part)
        lx = res.triggers
        n = sum(len(v) for v in lx.exact.values()) + sum(len(t) for d in lx.prefix.values() for t in d.values())
        typer.echo(lines[0] + f", {n} trigger forms")
        for w in lines[1:]:
            typer.echo(f"warning: {w}")
        typer.echo("knowledge ok")
