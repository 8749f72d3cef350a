"""The NER gate, unknown words ending in an attached pronoun (no window), and unknown words carrying the article: one after a definite word agrees with it (an
adjective, a definite chain) and opens no CRF window; one after a word without the article (a
family name, the genitive of a construct) seeds as any unknown word; a definite unknown word beside
an uncovered given name opens the sentence, the windows around the name."""
from dataclasses import replace

from rasd.ner.gate import Gate, definite

KNOWN = ["العنوان", "روايه", "قال", "في", "كمال"]


def _gate() -> Gate:
    return Gate.of({"triggers": [{"forms": ["قصف"]}]}, {}, KNOWN)


def test_definite_reads_the_article_behind_proclitics():
    assert definite("الزززز") and definite("والزززز") and definite("بالزززز")
    assert not definite("زززز") and not definite("وزززز")


def test_a_definite_unknown_word_after_a_definite_word_opens_no_window():
    g = _gate()
    assert g.read(["قال", "العنوان", "الزززز", "في"]) == (None, [])


def test_a_definite_unknown_word_after_an_indefinite_word_seeds_a_window():
    g = _gate()
    assert g.read(["قال", "روايه", "الزززز", "في"]) == ("unknown word", [2])
    # the first uncovered word of a sentence has no word before it to agree with
    assert g.read(["الزززز", "في"]) == ("unknown word", [0])


def test_beside_a_given_name_the_sentence_is_tagged_around_the_name():
    g = _gate()
    names = frozenset({"كمال"})
    assert g.read(["قال", "كمال", "العنوان", "الزززز"], names) == ("unknown word", [1])
    assert g.read(["قال", "كمال", "العنوان", "في"], names) == (None, [1])


def test_an_indefinite_unknown_word_seeds_as_before_and_the_old_gate_is_kept_behind_a_switch():
    g = _gate()
    assert g.read(["قال", "العنوان", "زززز"]) == ("unknown word", [2])
    old = replace(g, definite_seeds=True)
    assert old.read(["قال", "العنوان", "الزززز", "في"]) == ("unknown word", [2])


def test_an_unknown_word_ending_in_an_attached_pronoun_opens_no_window():
    from rasd.ner.gate import suffixed

    g = _gate()
    assert suffixed("زززززها") and suffixed("زززهم") and not suffixed("زهم")
    assert g.read(["قال", "زززززها", "في"]) == (None, [])
    assert g.read(["قال", "زززززها", "زززز"]) == ("unknown word", [2])
    assert replace(g, pronoun_suffixed=False).read(["قال", "زززززها"]) == ("unknown word", [1])


def test_a_definite_unknown_word_after_a_role_word_seeds_a_window():
    # review14: a title or role word before an unknown family name with the article (الشيخ الهلباوي)
    # is no definite word the name agrees with
    from rasd.ner.gate import ROLE_LISTS

    g = Gate.of({"triggers": [{"forms": ["قصف"]}]}, {ROLE_LISTS[0]: frozenset({"الشيخ"})}, KNOWN + ["الشيخ"])
    reason, seeds = g.read(["قال", "الشيخ", "الزززز", "في"])
    assert 2 in seeds
