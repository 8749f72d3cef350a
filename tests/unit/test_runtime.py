"""rasd.runtime: a batch worker loads everything, freezes it and collects the young less often."""
from __future__ import annotations

import gc

import pytest

from rasd.kb.resources import PARTS
from rasd.runtime import prepare_for_batch


@pytest.fixture
def restore_gc():
    before = gc.get_threshold()
    yield
    gc.set_threshold(*before)
    gc.unfreeze()


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
