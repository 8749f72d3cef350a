"""The news rasd.kb.names mines (../shared/data/news, news2) holds no copy of ANERcorp's CAMeL test
half (moved from tests/unit/kb/test_names.py: it reads the shared corpora)."""
from __future__ import annotations

from collections import Counter

from rasd.arabic.normalize import fold_str
from rasd.kb import names


def test_real_news_holds_no_camel_test_sentence(shared):
    """The news the miner reads is no copy of ANERcorp's CAMeL test half: no test sentence of twelve
    words or more has half its runs of eight words in one article of a sample (every 16th article;
    a set phrase such as كتائب عز الدين القسام الجناح العسكري … may recur, a sentence may not)."""
    from collections import defaultdict

    from rasd.arabic.tokens import WORD
    from rasd.ner.corpus import training_sentences

    split = training_sentences(shared / "data" / "ner").split
    owner: dict[tuple, set[int]] = defaultdict(set)
    need = {}
    for sid, s in enumerate(split.test_rebuilt):
        w = [fold_str(t) for t, _ in s if WORD.fullmatch(fold_str(t))]
        if len(w) >= 12:
            grams = {tuple(w[k:k + 8]) for k in range(len(w) - 7)}
            need[sid] = len(grams) / 2
            for g in grams:
                owner[g].add(sid)
    assert len(need) > 500
    leaked, n = [], 0
    for text in names.miner_texts(shared / "data", every=16):
        n += 1
        w = WORD.findall(fold_str(text))
        hits: Counter = Counter()
        for g in {tuple(w[k:k + 8]) for k in range(len(w) - 7)} & owner.keys():
            hits.update(owner[g])
        leaked += [sid for sid, c in hits.items() if c >= need[sid]]
    assert n > 2000
    assert not leaked, [" ".join(t for t, _ in split.test_rebuilt[sid]) for sid in leaked[:3]]
