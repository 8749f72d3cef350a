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
    one_blas_thread()
    previous = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(gen0, previous[1], previous[2])
    return previous


def one_blas_thread() -> None:
    """Let numpy's BLAS (a threaded OpenBLAS) use one thread in this process. The CRF's marginals
    multiply small matrices, which one thread does as well, and OpenBLAS's threads kept native
    memory that grew about 3 MB per 1,000 articles in a worker (docs/scale.md: with one thread the
    worker's malloc'd memory stays flat; the output is the same).  Process-wide by nature, like
    the collector settings; threadpoolctl (the library scikit-learn uses for this) rather than
    ``OPENBLAS_NUM_THREADS``, which must be set before numpy loads."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
