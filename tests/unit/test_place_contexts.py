"""scripts/place_contexts.py: which Syrian village names ordinary_places.yaml lists. A name is an
ordinary word when it rarely stands in a strong place context, or when it is in more than
WORD_SHARE of the sampled articles whatever its contexts (the rule that replaced the install-time
everyday-word list of the old rasd.kb.wordfreq)."""
from __future__ import annotations

import pytest
from script_loader import load_script


@pytest.fixture(scope="module")
def pc():
    return load_script("place_contexts")


def _counts(pc, articles: int, rows: dict):
    c = pc.Counts()
    c.articles = articles
    for k, (df, n, strong) in rows.items():
        c.df[k], c.n[k], c.strong[k] = df, n, strong
    return c


def test_a_name_rarely_in_a_strong_context_is_an_ordinary_word(pc):
    c = _counts(pc, 100_000, {"rare-strong": (pc.MIN_N, 100, 9), "placey": (pc.MIN_N, 100, 10)})
    assert c.ordinary() == ["rare-strong"]      # 9 % strong is under MAX_SHARE, 10 % is not


def test_a_name_in_many_articles_is_an_everyday_word_whatever_its_contexts(pc):
    articles = 10_000
    share = int(pc.WORD_SHARE * articles)
    c = _counts(pc, articles, {"frequent": (share + 1, 400, 200), "at-the-share": (share, 400, 200)})
    assert c.ordinary() == ["frequent"]         # half its occurrences strong, still an everyday word


def test_too_few_articles_say_nothing(pc):
    c = _counts(pc, 100, {"seldom": (pc.MIN_N - 1, 50, 0)})
    assert c.ordinary() == []
