"""Resources: each part built once per instance, nothing shared between instances, pickled as
its paths, hand-made parts provided for tests."""
from __future__ import annotations

import pickle

import pytest

from rasd.errors import DataMissingError, PipelineError
from rasd.kb.resources import PARTS, Resources, default_resources


def test_a_part_is_built_once_per_instance_and_not_shared():
    a, b = Resources("/nonexistent-a"), Resources("/nonexistent-b")
    assert a.numbers is a.numbers
    assert a.numbers is not b.numbers


def test_installed_data_is_read_from_the_instance_s_data_dir(tmp_path):
    with pytest.raises(DataMissingError, match=str(tmp_path)):
        Resources(tmp_path).gazetteer


def test_pickles_as_its_paths_and_rebuilds():
    r = Resources("/nonexistent-rasd-data")
    _ = r.triggers
    blob = pickle.dumps(r)
    assert len(blob) < 300
    back = pickle.loads(blob)
    assert (back.data_dir, back.knowledge_dir, back._built) == (r.data_dir, r.knowledge_dir, {})
    assert back.triggers.mapping.keys() == r.triggers.mapping.keys()


def test_provide_replaces_a_part_and_rejects_unknown_ones():
    r = Resources("/nonexistent-rasd-data").provide(given_names=frozenset({"سامر"}))
    assert r.given_names == {"سامر"}
    with pytest.raises(PipelineError, match="no part 'gazeteer'"):
        r.provide(gazeteer=None)


def test_parts_are_listed():
    assert {"kb", "gazetteer", "triggers", "numbers", "dates", "mention_index"} <= set(PARTS)


def test_default_resources_follow_the_data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("RASD_DATA_DIR", str(tmp_path / "one"))
    one = default_resources()
    assert default_resources() is one and one.data_dir == tmp_path / "one"
    monkeypatch.setenv("RASD_DATA_DIR", str(tmp_path / "two"))
    assert default_resources() is not one and default_resources().data_dir == tmp_path / "two"
