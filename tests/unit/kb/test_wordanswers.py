"""rasd.kb.wordanswers: the per-word answers precomputed at install are asked before computing,
recorded with the number of articles each word was asked in, and used only when their
fingerprint (code, knowledge, installed data) is today's and no part was handed in."""
from __future__ import annotations

import shutil

from rasd.kb import wordanswers
from rasd.kb.resources import Resources
from rasd.kb.wordanswers import FILENAME, WordAnswers, fingerprint, load, save
from rasd.kb.yamlfile import KNOWLEDGE_DIR


def _data_dir(tmp_path):
    d = tmp_path / "data"
    d.mkdir()
    (d / "names.json").write_text("{}", encoding="utf-8")
    return d


def _planted(d, tables):
    save(d / FILENAME, fingerprint(d, KNOWLEDGE_DIR), tables)


def test_recording_keeps_the_answers_of_words_asked_in_enough_articles():
    rec = WordAnswers(record=True)
    double = rec.cached("t", lambda k: k + k, 8)
    for article in (["a", "b", "a"], ["a", "c"], ["c"]):
        rec.next_article()
        assert [double(k) for k in article] == [k + k for k in article]
    assert rec.tables["t"] == {"a": "aa", "b": "bb", "c": "cc"}
    assert rec.frequent(2) == {"t": {"a": "aa", "c": "cc"}}     # b: one article only


def test_a_resources_part_asks_the_installed_table_first(tmp_path):
    d = _data_dir(tmp_path)
    word = "وبريف"
    _planted(d, {"triggers.cue_starts": {word: frozenset({"planted"})}})
    r = Resources(d)
    assert r.triggers.cue_starts(word) == frozenset({"planted"})     # the table's answer, not computed
    assert r.triggers.cue_starts("لكن") == Resources(tmp_path / "none").triggers.cue_starts("لكن") != frozenset()


def test_a_stale_table_is_ignored(tmp_path):
    d = _data_dir(tmp_path)
    _planted(d, {"clitics.readings": {"x": ((0, "planted"),)}})
    assert load(d, KNOWLEDGE_DIR).tables
    (d / "names.json").write_text('{"a": 1}', encoding="utf-8")      # an installed input changed
    assert load(d, KNOWLEDGE_DIR).tables == {}
    assert wordanswers.stale(d, KNOWLEDGE_DIR)
    kdir = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, kdir)
    _planted(d, {"clitics.readings": {"x": ((0, "planted"),)}})
    assert not wordanswers.stale(d, KNOWLEDGE_DIR)
    (kdir / "clitics.yaml").write_text((kdir / "clitics.yaml").read_text(encoding="utf-8") + "\n# edited\n",
                                       encoding="utf-8")
    assert fingerprint(d, kdir) != fingerprint(d, KNOWLEDGE_DIR)


def test_an_unreadable_or_missing_table_is_no_table(tmp_path):
    d = _data_dir(tmp_path)
    assert load(d, KNOWLEDGE_DIR).tables == {}
    (d / FILENAME).write_bytes(b"not marshal")
    assert load(d, KNOWLEDGE_DIR).tables == {}


def test_no_table_once_a_part_is_handed_in(tmp_path):
    d = _data_dir(tmp_path)
    _planted(d, {"triggers.cue_starts": {"لكن": frozenset({"planted"})}})
    r = Resources(d).provide(given_names=frozenset({"سامر"}))
    assert r.word_answers.tables == {}
    assert r.triggers.cue_starts("لكن") != frozenset({"planted"})

