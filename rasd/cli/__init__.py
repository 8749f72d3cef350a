"""The command line: a thin Typer layer over importable functions. Only this package prints."""
