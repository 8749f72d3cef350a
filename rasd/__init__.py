"""rasd (رصد): Arabic conflict reports in, structured geolocated event data out.

The library never prints and never configures logging; see ``rasd.cli`` for the command line.
"""
import logging

__version__ = "0.1.0"
SCHEMA = "rasd.document/1"

logging.getLogger(__name__).addHandler(logging.NullHandler())


def extract(text: str, **source):
    """Run the whole pipeline on one report text and return the ``rasd.document/1`` dict.

    ``source`` takes ``outlet``, ``url``, ``published`` (YYYY-MM-DD), ``title`` and ``doc_id``.
    """
    from rasd.pipeline import default_pipeline

    return default_pipeline().run(text, **source).to_json()
