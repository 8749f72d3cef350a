"""Settings for a process that extracts many documents (an ingest worker, a Dask worker, a bench).

Not applied on import: the batch runner calls :func:`prepare_for_batch` once, after building its
pipeline. Loading leaves a few hundred thousand long-lived objects (knowledge base, gazetteer,
phrase indexes); without this every full collection walks them all again, and a document's
thousands of short-lived tokens trigger a young collection every 700 allocations. Freezing the
loaded objects (``gc.freeze``, Python ≥ 3.7) moves them out of the collector's reach, and a higher
young-generation threshold makes collections rarer; memory still comes back, as reference
counting frees almost everything a document makes.
"""
from __future__ import annotations

import gc

from rasd.kb.resources import PARTS, Resources

GEN0_THRESHOLD = 20_000


def load_all(resources: Resources) -> None:
    """Build every lazily built part of ``resources`` now (they are otherwise built on first use)."""
    for name in PARTS:
        getattr(resources, name)


def prepare_for_batch(resources: Resources, gen0: int = GEN0_THRESHOLD) -> tuple[int, int, int]:
    """Load every part of ``resources``, freeze what is loaded and raise the young-generation
    threshold to ``gen0``. Process-wide by nature (the garbage collector is); returns the previous
    thresholds so that a caller can put them back with ``gc.set_threshold(*previous)``."""
    load_all(resources)
    previous = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(gen0, previous[1], previous[2])
    return previous
