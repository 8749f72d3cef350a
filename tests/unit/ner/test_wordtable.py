"""rasd.ner.wordtable: the precomputed vectors of frequent words are the ones the feature functions
give, a tagger reading them tags exactly as one computing them, and a stale, missing or broken table
is ignored (the words are computed), never read."""
from __future__ import annotations

import json
import zipfile
from dataclasses import replace

import numpy as np
import pytest

from rasd.arabic.clitics import letters
from rasd.ner import wordtable
from rasd.ner.features import OFFSETS, word_features
from rasd.ner.tag import Tagger
from toy_crf import LEX, train_model

WINDOWS = [["وقال", "الوزير", "كرمول", "إن", "القصف", "طال", "وبدمشق"], ["زار", "سامر", "حلب"],
           ["قال", "الوزير", "سامر", "حداد", "في", "الجيش", "السوري", "إن", "دمشق", "آمنة"], ["سامر", "."]]
WORDS = ["قال", "الوزير", "سامر", "دمشق", "وبدمشق", "في", "حداد", "الجيش", "."]


def train(tmp_path, name="m.crfsuite", iterations=40):
    return train_model(tmp_path / name, iterations)


@pytest.fixture
def model(tmp_path):
    return train(tmp_path)


def write_table(model, lex=LEX, words=WORDS):
    t = Tagger(model, lex)
    keys, V = t.vectors_of(words)
    path = model.parent / wordtable.FILENAME
    wordtable.save(path, list(words), keys, V, t.fingerprint())
    return path


def same_spans(a, b):
    assert [[(s.start, s.end, s.cls, s.confidence) for s in w] for w in a] == \
        [[(s.start, s.end, s.cls, s.confidence) for s in w] for w in b]


def test_table_vectors_are_the_feature_functions_sums(model):
    t = Tagger(model, LEX)
    keys, V = t.vectors_of(WORDS)
    m = t.model
    for w, key, v in zip(WORDS, keys, V):
        full = word_features(w, LEX)         # the feature strings, nothing dropped
        assert key == full[0]
        for g, feats in enumerate(full[1:]):
            assert np.allclose(v[g], m.vector([f for f in feats if f in m.attrs]), rtol=0, atol=1e-12)
    assert len(OFFSETS) + 1 == V.shape[1]


def test_a_tagger_reading_the_table_tags_as_one_computing(model):
    path = write_table(model)
    fast, slow = Tagger(model, LEX, table=path), Tagger(model, LEX)
    assert fast.table_words == len(WORDS) and slow.table_words == 0
    E1, s1 = fast.scores(WINDOWS)
    E2, s2 = slow.scores(WINDOWS)
    assert s1 == s2 and np.array_equal(E1, E2)           # bit for bit
    same_spans(fast.spans_many(WINDOWS), slow.spans_many(WINDOWS))
    assert any(fast.spans_many(WINDOWS))                  # the windows have spans to compare
    # a table word's cached row is its computed vector
    row = fast._cache["دمشق"][1]
    assert np.array_equal(fast._table[row], slow.vectors_of(["دمشق"])[1][0])


def check_ignored(model, lex, path, **kw):
    t = Tagger(model, lex, table=path, **kw)
    assert t.table_words == 0
    same_spans(t.spans_many(WINDOWS), Tagger(model, lex).spans_many(WINDOWS))


def test_a_table_of_other_lexicons_is_ignored(model):
    path = write_table(model)
    lex = replace(LEX, places={**LEX.places, "حداد": "city"})
    check_ignored(model, lex, path)
    # and the ignored table was not wrong to ignore: the word's vectors differ under the new lexicons
    assert not np.array_equal(Tagger(model, lex).vectors_of(["حداد"])[1], Tagger(model, LEX).vectors_of(["حداد"])[1])


def test_a_table_of_another_model_is_ignored(model, tmp_path):
    path = write_table(model)
    other = train(tmp_path, "other.crfsuite", iterations=5)
    check_ignored(other, LEX, path)


def test_a_table_of_other_clitic_letters_is_ignored(model):
    path = write_table(model)
    mine = letters()
    assert Tagger(model, LEX, table=path, letters=mine).table_words == len(WORDS)
    check_ignored(model, LEX, path, letters=replace(mine, preps=mine.preps[:-1]))


def test_a_missing_broken_or_misshapen_table_is_ignored(model, tmp_path):
    check_ignored(model, LEX, tmp_path / "none.npz")
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"not a table")
    check_ignored(model, LEX, broken)
    t = Tagger(model, LEX)
    keys, V = t.vectors_of(WORDS)
    bad = tmp_path / "bad.npz"
    wordtable.save(bad, WORDS, keys, V[:, :3], t.fingerprint())      # right fingerprint, wrong shape
    check_ignored(model, LEX, bad)
    wordtable.save(bad, WORDS, keys[:-1], V, t.fingerprint())        # a key short
    check_ignored(model, LEX, bad)


def test_frequent_words_are_tokens_as_the_pipeline_reads_them():
    words = wordtable.frequent_words(["قال الوزير: قال سامر، وقال", "قال"], n=3)
    assert words[0] == "قال" and len(words) == 3
    assert "الوزير" in words or "سامر" in words or "وقال" in words


def test_build_writes_a_table_the_stage_s_tagger_reads(model, tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    with zipfile.ZipFile(news / "a.zip", "w") as z:
        z.writestr("d.json", json.dumps([{"content": " ".join(w)} for w in WINDOWS * 3], ensure_ascii=False))
    counts = wordtable.build(model.parent, news, lambda table=False: Tagger(model, LEX))
    assert counts["NER word table words"] > 5
    t = Tagger(model, LEX, table=model.parent / wordtable.FILENAME)
    assert t.table_words == counts["NER word table words"]
    same_spans(t.spans_many(WINDOWS), Tagger(model, LEX).spans_many(WINDOWS))


def test_letters_are_part_of_the_fingerprint(model):
    t = Tagger(model, LEX)
    mine = letters()
    assert t.fingerprint() == Tagger(model, LEX, letters=mine).fingerprint()
    assert t.fingerprint() != Tagger(model, LEX, letters=replace(mine, conj=mine.conj[:-1])).fingerprint()


@pytest.mark.parametrize("change", [
    {"places": {**LEX.places, "حلب": "city"}}, {"places": {"دمشق": "village"}},
    {"place_first": frozenset({"تل"})}, {"kb": {"الجيش": "actor"}}, {"kb_first": frozenset({"جيش"})},
    {"given": LEX.given | {"حداد"}}, {"lists": {"person_titles": frozenset({"الوزير"})}},
    {"lists": {**LEX.lists, "kunya": frozenset({"أبو"})}},
    {"clusters": {"دمشق": ("3", "18")}}, {"clusters": {"دمشق": ("3", "17"), "حلب": ("3", "17")}},
    {"clusters": {"دمشق": ("317", "")}},
], ids=lambda c: next(iter(c)))
def test_any_changed_lexicon_entry_makes_the_table_stale(model, change):
    path = write_table(model)
    assert Tagger(model, LEX, table=path).table_words == len(WORDS)
    check_ignored(model, replace(LEX, **change), path)


def test_the_fingerprint_does_not_depend_on_the_order_sets_were_read_in(model):
    # places and kb are built through sets (their order changes with the string hash seed): sorted
    a = replace(LEX, places={"دمشق": "city", "حلب": "city"}, given=frozenset(["سامر", "حداد", "كرمول"]))
    b = replace(LEX, places={"حلب": "city", "دمشق": "city"}, given=frozenset(["كرمول", "حداد", "سامر"]))
    assert Tagger(model, a).fingerprint() == Tagger(model, b).fingerprint()


def test_a_changed_feature_module_makes_the_table_stale(model, monkeypatch, tmp_path):
    path = write_table(model)
    edited = tmp_path / "features.py"      # the feature code's source, one byte added
    from rasd.ner import features
    edited.write_bytes(open(features.__file__, "rb").read() + b"\n")
    monkeypatch.setattr(features, "__file__", str(edited))
    check_ignored(model, LEX, path)
