"""rasd.ner.seeds: the words of news-vocabulary clusters rich in names are CRF seeds."""
from rasd.ner.features import Lexicons
from rasd.ner.seeds import name_cluster_words


def lex(clusters: dict[str, str], **kw) -> Lexicons:
    return Lexicons(clusters={w: ("0", c) for w, c in clusters.items()}, **kw)


def test_a_cluster_of_known_names_brings_its_unknown_members():
    words = {"مصر": "a", "سوريا": "a", "العراق": "a", "برشلونه": "a", "ارسنال": "a",
             "قال": "b", "اكد": "b", "اضاف": "b", "اوضح": "b"}
    got = name_cluster_words(lex(words, places={"مصر": "country", "سوريا": "country", "العراق": "country"}))
    assert got == {"مصر", "سوريا", "العراق", "برشلونه", "ارسنال"}


def test_given_names_and_kb_names_count_and_villages_do_not():
    words = {"محمد": "a", "خالد": "a", "حماس": "a", "فلان": "a", "قريه1": "b", "قريه2": "b", "قريه3": "b",
             "بيت": "b"}
    got = name_cluster_words(lex(words, given=frozenset({"محمد", "خالد"}), kb={"حماس": "actor"},
                                 places={"قريه1": "village", "قريه2": "village", "قريه3": "village"}))
    assert got == {"محمد", "خالد", "حماس", "فلان"}


def test_a_large_cluster_with_few_names_is_not_a_name_cluster():
    words = {f"w{n}": "a" for n in range(40)} | {"مصر": "a", "سوريا": "a", "العراق": "a"}
    got = name_cluster_words(lex(words, places={"مصر": "country", "سوريا": "country", "العراق": "country"}))
    assert got == frozenset()
