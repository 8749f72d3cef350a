"""The NER gate's per-word cache asks the precomputed answers (rasd.kb.wordanswers) first, and
records every ask while install records."""
from rasd.kb.wordanswers import WordAnswers
from rasd.ner.gate import Gate


def _gate() -> Gate:
    return Gate.of({"triggers": [{"forms": ["قصف"]}]}, {}, ["دمشق"])


def test_the_gate_asks_the_table_before_working_a_word_out():
    g = _gate()
    computed = g._word("زززز")
    planted = (not computed[0], computed[1], computed[2])
    g.use_answers(WordAnswers({"gate.word": {"زززز": planted}}), "gate")
    assert g.word("زززز") == planted
    assert g.read(["زززز"])[0] == ("unknown word" if planted[0] else None)
    assert g.word("دمشق") == _gate().word("دمشق")


def test_recording_counts_every_article_a_word_is_asked_in():
    g = _gate()
    rec = WordAnswers(record=True)
    g.use_answers(rec, "gate")
    for _ in range(2):
        rec.next_article()
        g.read(["زززز", "دمشق", "زززز"])
    assert rec.frequent(2)["gate.word"] == {"زززز": _gate().word("زززز"), "دمشق": _gate().word("دمشق")}
