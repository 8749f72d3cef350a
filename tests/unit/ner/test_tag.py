"""rasd.ner.tag: a tagger reads only the features its model holds, with the same tags and marginals;
shared by threads (the API's pool shares one pipeline) it tags as it does alone."""
from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor

import pycrfsuite

from rasd.ner.features import Lexicons, model_attributes, token_features
from rasd.ner.tag import Tagger

LEX = Lexicons(places={"دمشق": "city"}, given=frozenset({"سامر"}),
               lists={"person_titles": frozenset({"الوزير", "وزير"})}, clusters={"دمشق": ("3", "17")})
TRAIN = [
    (["قال", "الوزير", "سامر", "حداد", "في", "دمشق"], ["O", "O", "B-PERS", "I-PERS", "O", "B-LOC"]),
    (["وصل", "سامر", "إلى", "حلب", "أمس"], ["O", "B-PERS", "O", "B-LOC", "O"]),
    (["قصفت", "الطائرات", "دمشق", "صباح", "اليوم"], ["O", "O", "B-LOC", "O", "O"]),
]
NEW = [["وقال", "الوزير", "كرمول", "إن", "القصف", "طال", "وبدمشق"], ["زار", "سامر", "حلب"], ["؟"]]


def model(tmp_path):
    trainer = pycrfsuite.Trainer(verbose=False)
    for toks, tags in TRAIN:
        trainer.append(token_features(toks, LEX), tags)
    trainer.set_params({"c1": 0.1, "c2": 0.01, "max_iterations": 30})
    path = tmp_path / "m.crfsuite"
    trainer.train(str(path))
    return path


def test_the_model_holds_fewer_attributes_than_new_text_gives(tmp_path):
    t = Tagger(model(tmp_path), LEX)
    full = {x for toks in NEW for f in token_features(toks, LEX) for x in f}
    held = set(t._keep)
    assert held < {x for toks, _ in TRAIN for f in token_features(toks, LEX) for x in f}
    assert full - held      # unseen words and bigrams are left out
    assert all(set(f) <= held for toks in NEW for f in t.features(toks))


def test_filtered_features_tag_and_score_as_the_full_ones(tmp_path):
    path = model(tmp_path)
    t = Tagger(path, LEX)
    raw = pycrfsuite.Tagger()
    raw.open(str(path))
    assert model_attributes(raw) == t._keep
    for toks in NEW * 2:     # twice: the second time from the tagger's cache
        tags = raw.tag(token_features(toks, LEX))
        marg = [raw.marginal(y, i) for i, y in enumerate(tags)]
        assert t.tags(toks) == tags
        assert [t._tagger.marginal(y, i) for i, y in enumerate(tags)] == marg


def test_threads_sharing_one_tagger_get_the_spans_of_one_thread(installed, shared):
    from rasd.kb.resources import Resources
    from rasd.settings import data_dir

    tagger = Resources(data_dir()).ner_tagger.tagger
    words = " ".join(p.read_text(encoding="utf-8") for p in sorted((shared / "corpus" / "dev").glob("*.txt"))).split()
    # sentences of many lengths, so that one thread's marginals cannot fit another's sentence
    sentences = [words[i:i + n] for i, n in zip(range(0, 4000, 37), [3, 40, 7, 25, 12, 60, 2, 18] * 20)
                 if words[i:i + n]]
    alone = [tagger.spans(s) for s in sentences]
    assert any(alone)
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)          # switch threads as often as possible
    try:
        with ThreadPoolExecutor(6) as pool:
            got = list(pool.map(tagger.spans, sentences * 4))
    finally:
        sys.setswitchinterval(old)
    assert got == alone * 4
