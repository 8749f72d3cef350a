"""The CRF tagger shared by threads (the API's pool shares one pipeline) tags as it does alone."""
import sys
from concurrent.futures import ThreadPoolExecutor


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
