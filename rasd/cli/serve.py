"""CLI command group 'serve' (being written)."""


def register(app) -> None:
    pass
