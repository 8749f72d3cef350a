"""The look-up indexes of the events stage (issue 11: the stage at half its cost, output identical)
give the answers of the plain look-ups they replace, on words of the real knowledge files with
proclitics and on composed sentences: trigger openers per document, the modality and weapon cue
indexes, the casualty-root patterns, and the bounded caches that hold them."""
from __future__ import annotations

import pytest

from rasd.arabic.clitics import in_cue_set, matches_form, reads_as
from rasd.arabic.normalize import fold_str
from rasd.arabic.tokens import tokenize
from rasd.kb.resources import Resources
from rasd.stages.events import lexicon as lexicon_module
from rasd.stages.events.lexicon import modality_sets
from rasd.stages.events.triggers import find_triggers, openers

RES = Resources("/nonexistent-rasd-data")
L = RES.triggers
PROCLITICS = ("", "و", "ف", "ب", "ل", "وب", "ال", "وال", "بال", "لل")
TEXT = ("قالت قوات الاحتلالاستهدفت موقعا للجيش، وقصفت الطائرات الحربية بلدة في ريف حلب بصواريخ "
        "موجهة، فيما لم تنفذ القوات هجوما على المدينة بعد أن وقعت اشتباكات عنيفة بين الطرفين "
        "أسفرت عن مقتل 12 عنصرا وإصابة آخرين.")
VOCAB = frozenset({"المقاومه", "الاحتلال", "استهدفت", "موقعا", "للجيش"})


def sample(words, n: int = 25) -> list[str]:
    """Up to n words of a list (sorted, so the sample is fixed), each with every proclitic."""
    base = sorted(w for w in words if " " not in w)[:n]
    return [p + w for w in base for p in PROCLITICS]


def text_keys() -> list[str]:
    return [t.key for t in tokenize(TEXT)]


def trigger_words() -> list[str]:
    firsts = [*L.exact, *(p for table in L.prefix.values() for p in table)]
    return sample(firsts, 40) + text_keys() + ["", "ا", "مدينه"]


def test_openers_of_a_document_are_each_words_openers_and_only_the_words_that_open_one():
    keys = trigger_words()
    for vocab in (VOCAB, frozenset()):
        want = {i: openers(k, L, vocab) for i, k in enumerate(keys) if openers(k, L, vocab)[1]}
        assert want   # the sample holds trigger words
        assert L.openers_of(keys, vocab) == want
        assert L.openers_of(keys, vocab) == want   # again, from the cache


def test_the_openers_cache_is_bounded_and_its_answers_do_not_change(monkeypatch):
    keys = trigger_words()
    want = L.openers_of(keys, VOCAB)
    monkeypatch.setattr(lexicon_module, "OPENERS_CACHE_SIZE", 5)
    same = frozenset(set(VOCAB))   # an equal vocabulary, another object: a cache of its own, filled anew
    assert L.openers_of(keys, same) == want
    assert L._openers[0] is same and len(L._openers[1]) <= 5
    assert L.openers_of(keys, frozenset()) != want   # a glued trigger needs the vocabulary
    assert L._openers[0] == frozenset()


@pytest.mark.parametrize("covered", [set(), {1}, {3, 4, 5}, set(range(0, 40, 3))])
def test_triggers_from_the_documents_openers_are_the_triggers_of_the_plain_scan(covered):
    toks = tokenize(TEXT)
    keys = [t.key for t in toks]
    opens = L.openers_of(keys, VOCAB)
    for lo, hi in ((0, len(toks)), (2, 17), (9, len(toks) - 3)):
        plain = find_triggers(toks, lo, hi, covered, L, VOCAB)
        starts = [i for i in opens if lo <= i < hi]
        fast = find_triggers(toks, lo, hi, covered, L, VOCAB, opens, starts)
        assert [(t.d, t.i, t.j, t.prefix, t.glue) for t in fast] == [(t.d, t.i, t.j, t.prefix, t.glue) for t in plain]
    assert find_triggers(toks, 0, len(toks), set(), L, VOCAB)   # the text has triggers


def test_a_trigger_pattern_word_fits_a_word_as_matches_form_says():
    forms = sorted({p for table in (L.exact, *L.prefix.values()) for ds in table.values() for d in ds
                    for p in d.pattern[1:]})
    assert forms
    words = sample({f.rstrip("*") for f in forms}, 30) + text_keys()
    for f in forms[:60]:
        for w in words:
            assert L.fits(f, w) == matches_form(f, w)


def test_the_modality_index_says_what_in_cue_set_says_for_every_modality_list():
    sets = modality_sets(L.modality)
    assert {"modality.denial", "modality.that", "modality.negated.before", "modality.planned.stop_at"} <= set(sets)
    assert not set(sets) & set(L.words)   # no triggers.yaml list shares a name with them
    words = [w for ws in sets.values() for w in sample(ws, 8)] + text_keys()
    for name, ws in sets.items():
        for w in words:
            assert (name in L.modality_lists.lookup(w)) == in_cue_set(ws, w), (name, w)


def test_the_weapon_indexes_say_what_reads_as_says():
    words = [w for ws in L.weapon.values() for w in sample(ws, 10)] + text_keys()
    words += [p + ph[0] for phs in L.weapon_phrases.values() for ph in phs for p in PROCLITICS]
    assert any(L.weapon_phrases.values())
    for typ, ws in L.weapon.items():
        firsts = frozenset(ph[0] for ph in L.weapon_phrases[typ])
        for w in words:
            assert (typ in L.weapon_lists.lookup(w)) == reads_as(ws, w), (typ, w)
            assert (typ in L.weapon_starts.lookup(w)) == reads_as(firsts, w), (typ, w)


def test_the_casualty_root_patterns_find_a_root_where_a_substring_test_does():
    texts = [fold_str(TEXT), fold_str("وصل الوفد إلى المدينة صباح اليوم."), ""]
    for name in ("casualty_roots", "no_casualty_roots"):
        roots = L.words[name]
        assert roots
        texts += [f"قبل {r} بعد" for r in sorted(roots)[:5]] + [r[1:] for r in sorted(roots)[:5]]
        for t in texts:
            assert bool(L.root_patterns[name] and L.root_patterns[name].search(t)) == any(r in t for r in roots)


def test_a_words_candidates_numbered_give_back_the_same_triggers():
    # the precomputed answers hold a word's candidates as (proclitic length, trigger number) pairs
    for key in trigger_words():
        want = L._candidates(key)
        got = L._coded(key)
        assert all(isinstance(n, int) and isinstance(k, int) for n, k in got)
        assert tuple((n, L.defs[k]) for n, k in got) == want
        assert L.candidates_of(key) == want
    assert len(set(map(id, L.defs))) == len(L.defs)   # every trigger once


def test_the_candidates_table_is_asked_before_computing():
    from rasd.kb.wordanswers import WordAnswers

    lex = Resources("/nonexistent-rasd-data").triggers
    word = fold_str("وقصفت")
    assert lex.candidates_of("مدينه") == ()
    lex.use_answers(WordAnswers({"triggers.candidates": {"مدينه": lex._coded(word)}}))
    assert lex.candidates_of("مدينه") == lex._candidates(word) != ()   # the table's answer, not computed
    assert lex.candidates_of(word) == lex._candidates(word)            # a word not in it: computed
    assert lex.openers_of(["مدينه"], VOCAB) == {0: (0, lex._candidates(word))}


def _recorded_twice(lex, keys):
    """A recording WordAnswers that has watched ``lex`` read ``keys``'s openers in two articles."""
    from rasd.kb.wordanswers import WordAnswers

    rec = WordAnswers(record=True)
    lex.use_answers(rec)
    for _ in range(2):
        rec.next_article()
        lex.openers_of(keys, VOCAB)
    return rec


def test_recording_keeps_no_openers_so_every_word_is_counted():
    lex = Resources("/nonexistent-rasd-data").triggers
    keys = text_keys()
    rec = _recorded_twice(lex, keys)
    assert lex._openers[1] == {}
    assert set(rec.frequent(2)["triggers.candidates"]) == set(keys)


def test_the_openers_table_answers_only_with_the_vocabulary_it_was_worked_out_with():
    from rasd.kb.wordanswers import WordAnswers

    res = Resources("/nonexistent-rasd-data")
    lex = res.triggers
    assert lex.answers_vocab is res.news_vocab   # the vocabulary the events stage reads with
    word = fold_str("وقصفت")
    coded = (0, lex._coded(word))
    lex.answers_vocab = VOCAB
    lex.use_answers(WordAnswers({"triggers.openers": {"مدينه": coded}}))
    assert lex.openers_of(["مدينه", word], VOCAB) == {0: (0, lex._candidates(word)), 1: openers(word, lex, VOCAB)}
    # another vocabulary (even an equal one, another object): the table is not asked, the word is worked out
    assert lex.openers_of(["مدينه", word], frozenset(set(VOCAB))) == {1: openers(word, lex, VOCAB)}


def test_recording_with_the_answers_vocabulary_fills_the_openers_table_with_each_words_openers():
    from rasd.kb.wordanswers import WordAnswers

    lex = Resources("/nonexistent-rasd-data").triggers
    lex.answers_vocab = VOCAB
    keys = text_keys()
    rec = _recorded_twice(lex, keys)
    table = rec.frequent(2)["triggers.openers"]
    assert set(table) == set(keys)
    glued = 0
    for key in keys:
        glue, got = table[key]
        assert (glue, tuple((n, lex.defs[k]) for n, k in got)) == openers(key, lex, VOCAB)
        glued += glue > 0
    assert glued   # الاحتلالاستهدفت: a trigger glued to the word before it
    # and the table read back answers as the words are worked out
    lex2 = Resources("/nonexistent-rasd-data").triggers
    lex2.answers_vocab = VOCAB
    lex2.use_answers(WordAnswers(rec.frequent(2)))
    assert lex2.openers_of(keys, VOCAB) == L.openers_of(keys, VOCAB)
