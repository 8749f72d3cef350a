"""rasd.ner.lone: when an unsure one-word CRF span is still a name."""
from rasd.arabic.normalize import fold_str
from rasd.ner.lone import SURE_PLACE, bare_rare, sure_place

ARTICLE = fold_str("ال")
COMMON = {fold_str(w) for w in ("فيروس", "بنك", "مدينة")}


def common(key: str) -> bool:
    return key in COMMON


def test_a_bare_rare_word_may_be_a_name():
    assert bare_rare(fold_str("نوكيا"), ARTICLE, common)


def test_an_article_word_or_an_ordinary_word_is_not():
    assert not bare_rare(fold_str("البنك"), ARTICLE, common)
    assert not bare_rare(fold_str("فيروس"), ARTICLE, common)


def test_a_sure_place_needs_no_cluster_but_is_no_ordinary_word():
    assert sure_place(fold_str("مدريد"), SURE_PLACE, ARTICLE, common)
    assert not sure_place(fold_str("مدريد"), SURE_PLACE - 0.01, ARTICLE, common)
    assert not sure_place(fold_str("المدينة"), 0.99, ARTICLE, common)
