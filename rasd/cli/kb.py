"""`rasd kb check`: validate every knowledge file (errors name file and line)."""
from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    kb = typer.Typer(help="The knowledge base: actors, persons, sources, triggers, cue words.", no_args_is_help=True)
    app.add_typer(kb, name="kb")

    @kb.command("check")
    def check() -> None:
        """Load and validate all knowledge files; print counts and warnings."""
        from rasd.kb import loaders
        from rasd.kb.knowledge import load_kb
        from rasd.kb.resources import Resources

        for line in loaders.check():
            typer.echo(line)
        kb = load_kb()
        lx = Resources("/nonexistent-rasd-data").triggers
        n = sum(len(v) for v in lx.exact.values()) + sum(len(t) for d in lx.prefix.values() for t in d.values())
        typer.echo(f"{len(kb.actors)} actors, {len(kb.persons)} persons, {len(kb.sources)} sources, "
                   f"{n} trigger forms")
        for w in kb.warnings:
            typer.echo(f"warning: {w}")
        typer.echo("knowledge ok")
