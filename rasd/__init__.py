"""rasd (رصد): Arabic conflict reports in, structured geolocated event data out.

The library never prints and never configures logging; see ``rasd.cli`` for the command line.
"""
import logging

__version__ = "0.1.0"
SCHEMA = "rasd.document/1"

logging.getLogger(__name__).addHandler(logging.NullHandler())

SOURCE_FIELDS = ("outlet", "url", "published", "title", "doc_id")


def check_input(text, source: dict) -> dict:
    """The boundary of :func:`extract`: wrong types, lone surrogates and malformed dates raise
    :class:`rasd.errors.InputError` here, so nothing else escapes from deeper down."""
    from rasd.errors import InputError
    from rasd.ingest.meta import check_published

    if not isinstance(text, str):
        raise InputError(f"the report text must be a string, not {type(text).__name__}")
    unknown = sorted(set(source) - set(SOURCE_FIELDS))
    if unknown:
        raise InputError(f"unknown source field(s) {', '.join(map(repr, unknown))}",
                         hint=f"Give only {', '.join(SOURCE_FIELDS)}.")
    for name, value in (("text", text), *source.items()):
        if value is not None and not isinstance(value, str):
            raise InputError(f"{name} must be a string, not {type(value).__name__}")
        if value and not _encodable(value):
            raise InputError(f"{name} holds a lone surrogate (broken UTF-16), which is not text",
                             hint="Decode the input properly (or replace the broken characters).")
    return {**source, "published": check_published(source.get("published"))}


def _encodable(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def extract(text: str, **source):
    """Run the whole pipeline on one report text and return the ``rasd.document/1`` dict.

    ``source`` takes ``outlet``, ``url``, ``published`` (YYYY-MM-DD), ``title`` and ``doc_id``.
    Raises only :class:`rasd.errors.RasdError` (InputError for a bad text or source field).
    """
    from rasd.pipeline import default_pipeline

    source = check_input(text, source)
    return default_pipeline().run(text, **source).to_json()
