"""rasd.runtime: a batch worker loads everything, freezes it and collects the young less often."""
from __future__ import annotations

import gc

import pytest

from rasd.kb.resources import PARTS
from rasd.runtime import prepare_for_batch


@pytest.fixture
def restore_gc():
    from threadpoolctl import threadpool_info, threadpool_limits

    before = gc.get_threshold()
    blas = [p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"]
    yield
    gc.set_threshold(*before)
    gc.unfreeze()
    if blas:
        threadpool_limits(limits=max(blas), user_api="blas")


def test_a_batch_worker_uses_one_blas_thread(resources, restore_gc):
    import numpy  # noqa: F401 - the BLAS is numpy's; loading the tagger loads it
    from threadpoolctl import threadpool_info

    prepare_for_batch(resources)
    blas = [p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"]
    assert blas and set(blas) == {1}


def test_loads_every_part_freezes_and_raises_the_young_threshold(resources, restore_gc):
    previous = gc.get_threshold()
    assert prepare_for_batch(resources, gen0=12_345) == previous
    assert set(PARTS) <= set(resources._built)
    assert gc.get_threshold() == (12_345, previous[1], previous[2])
    assert gc.get_freeze_count() > 0


def test_importing_it_changes_nothing():
    import importlib

    import rasd.runtime

    before = (gc.get_threshold(), gc.get_freeze_count())
    importlib.reload(rasd.runtime)
    assert (gc.get_threshold(), gc.get_freeze_count()) == before
