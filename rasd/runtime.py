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

# the young generation's threshold while extracting: the collector counts tracked objects made less
# those freed, so a collection comes after that many objects a document keeps (its tokens, mentions,
# and the words the per-word caches take in); 100,000 rather than speed12's 20,000 makes a third of
# the collector's work go (callgrind, bench/instructions.py 120: gc_collect_main 101 → 68 M
# instructions, −0.28 M an article; round 34) for more memory held between collections (resident
# after 1,500 articles of bench/profile_stages.py --memory: 255 MB at 20,000, 274 MB at 100,000)
GEN0_THRESHOLD = 100_000


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
