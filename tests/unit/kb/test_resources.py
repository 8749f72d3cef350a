"""Resources: each part built once per instance, nothing shared between instances, pickled as
its paths, hand-made parts provided for tests."""
from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest
import yaml

from rasd.arabic.normalize import fold_str
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


def _knowledge_with(tmp_path, name: str, edit) -> Path:
    """A copy of the packaged knowledge dir with ``name``.yaml changed by ``edit(data)``."""
    from rasd.kb.yamlfile import KNOWLEDGE_DIR

    out = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, out)
    path = out / f"{name}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return out


def _without_bi(data: dict) -> None:
    data["prepositions"] = [p for p in data["prepositions"] if p != data["bi"]]


def test_two_resources_over_two_knowledge_dirs_keep_their_own_clitic_letters(tmp_path):
    """One process, two Resources: one with the packaged clitics.yaml, one whose prepositions lack
    ب. Each reads words with its own letters, whichever was used last, and neither leaks into the
    other or into the packaged default outside any scope."""
    from rasd.arabic.clitics import PACKAGED, current, readings

    plain = Resources("/nonexistent-a")
    edited = Resources("/nonexistent-b", _knowledge_with(tmp_path, "clitics", _without_bi))
    word = fold_str("بريف")

    def stems(res: Resources) -> list[str]:
        with res.scope():
            return [s for _, s in readings(word)]

    for _ in range(2):   # interleaved, so a cache filled by one is asked by the other next
        assert "ريف" in stems(plain)
        assert "ريف" not in stems(edited)
    assert plain.clitics is not edited.clitics
    assert plain.clitics.readings.cache_info().currsize >= 1   # each owns its cache
    assert current() is PACKAGED and "ريف" in [s for _, s in readings(word)]
    # parts built over the letters: the trigger lexicon's cue index reads with its own Resources'
    assert plain.triggers is not edited.triggers


def test_a_stage_runs_with_its_own_resources_letters(tmp_path):
    """The pipeline enters a stage's Resources scope: a stage of the edited Resources reads بريف
    without a preposition, while the same stage of the packaged one strips it."""
    from rasd.arabic.clitics import readings
    from rasd.doc import Doc
    from rasd.pipeline import Stage, run_stage

    seen: dict[str, list] = {}

    class Probe(Stage):
        name = "probe"
        assigns = ("text",)

        def __call__(self, doc: Doc) -> Doc:
            seen[self.config["tag"]] = [s for _, s in readings(fold_str(doc.text))]
            return doc

        @classmethod
        def defaults(cls):
            return {"tag": ""}

    edited = Resources("/nonexistent-b", _knowledge_with(tmp_path, "clitics", _without_bi))
    run_stage(Probe(Resources("/nonexistent-a"), tag="plain"), Doc("بريف"))
    run_stage(Probe(edited, tag="edited"), Doc("بريف"))
    assert "ريف" in seen["plain"] and "ريف" not in seen["edited"]


def test_keep_builds_once_per_key_and_is_bounded():
    from rasd.kb.resources import KEPT

    r = Resources("/nonexistent-a")
    calls = []
    first = r.keep("a", lambda: calls.append(1) or object())
    assert r.keep("a", lambda: calls.append(1) or object()) is first and calls == [1]
    for i in range(KEPT + 3):
        r.keep(i, object)
    assert len(r._kept) == KEPT and "a" not in r._kept
