"""The one clause segmentation of a document (rasd.stages.clauses) on composed sentences: the clause
marks as offsets into the text, the clause-break words and phrases as the tokens they start at, and the
cuts read once and kept on the Doc for the events and worthiness stages alike."""
from __future__ import annotations

import pytest

from rasd.doc import Doc
from rasd.kb.resources import Resources
from rasd.stages.clauses import ClauseCuts, clause_cuts


@pytest.fixture(scope="module")
def res():
    return Resources("/nonexistent-rasd-data")


def _doc(text: str) -> Doc:
    doc = Doc(text)
    doc.sentences = [(0, len(text))]
    return doc


def _tok(doc: Doc, word: str) -> int:
    return next(t.i for t in doc.tokens if doc.text[t.start:t.end] == word)


def test_the_marks_are_offsets_into_the_text_and_the_last_before_a_point_is_found(res):
    text = "قال المتحدث: سنواصل الضغط، وقد شنت القوات هجوما على المدينة."
    doc = _doc(text)
    cuts = clause_cuts(doc, res)
    assert [text[m] for m in cuts.marks] == [":", "،", "."]
    at = text.index("هجوما")
    assert cuts.mark_before(0, at) == text.index("،")
    assert cuts.mark_before(0, text.index("الضغط")) == text.index(":")
    assert cuts.mark_before(text.index("سنواصل"), text.index("الضغط")) == -1


def test_a_clause_break_word_and_a_phrase_of_two_words_are_cuts(res):
    text = "قصفت الطائرات البلدة بينما تقدمت القوات في حين انسحب المسلحون"
    doc = _doc(text)
    cuts = clause_cuts(doc, res)
    while_, in_, when = _tok(doc, "بينما"), _tok(doc, "في"), _tok(doc, "حين")
    assert cuts.break_at(while_, len(doc.tokens)) == 1
    assert cuts.break_at(in_, len(doc.tokens)) == 2
    toks = doc.tokens
    assert [text[toks[k].start:toks[k + n - 1].end] for k, n in cuts.words.items()] == ["بينما", "في حين"]
    assert cuts.breaks_between(0, len(doc.tokens)) == [while_, in_]
    # a phrase that runs past the end it must end by is no cut there; a word at or past the end is none
    assert cuts.break_at(in_, when) == 0
    assert cuts.break_at(while_, while_) == 0
    assert cuts.break_at(when, len(doc.tokens)) == 0


def test_the_cuts_are_read_once_and_kept_on_the_doc(res):
    doc = _doc("قصفت الطائرات البلدة، بينما تقدمت القوات")
    assert doc.clause_cuts is None
    cuts = clause_cuts(doc, res)
    assert isinstance(cuts, ClauseCuts) and doc.clause_cuts is cuts and clause_cuts(doc, res) is cuts


def test_the_cuts_are_read_again_for_other_resources_and_keep_no_lexicon(res):
    import copy

    doc = _doc("قصفت الطائرات البلدة، بينما تقدمت القوات")
    cuts = clause_cuts(doc, res)
    other = Resources("/nonexistent-rasd-data")
    assert other.triggers is not res.triggers
    again = clause_cuts(doc, other)
    assert again is not cuts and doc.clause_cuts is again and again == cuts
    assert clause_cuts(doc, other) is again
    # the Doc's cuts hold no reference to the lexicon or the cues (a copy of the Doc copies neither)
    held = [v for v in vars(again).values()] if hasattr(again, "__dict__") else []
    assert not any(v is other.triggers or v is other.worthiness_cues for v in held)
    assert copy.deepcopy(doc).clause_cuts == again


def test_the_events_reader_reads_the_docs_cuts(res):
    from rasd.stages.events.reader import Reader

    doc = _doc("قصفت الطائرات البلدة بينما تقدمت القوات")
    reader = Reader(doc, res)
    assert reader.cuts is doc.clause_cuts is clause_cuts(doc, res)
    k = _tok(doc, "بينما")
    assert reader.clause_break(k, len(doc.tokens)) == reader.cue_at(k, "clause_breaks") == 1


def test_the_break_spellings_hold_every_word_the_cue_look_up_reads_as_a_clause_break(res):
    from rasd.arabic.normalize import fold_str
    from rasd.stages.clauses import BREAKS, break_spellings

    L = res.triggers
    spelt = break_spellings(L)
    # each break word as written, with و or ف before it, and with the article where it has one;
    # and words that are no break (a noun, a verb), which the spellings need not hold
    words = sorted(L.words[BREAKS] | {ph[0] for ph in L.phrases.get(BREAKS, ())})
    asked = {w for b in words for w in (b, "و" + b, "ف" + b, "وال" + b, "ال" + b)}
    asked |= {fold_str(w) for w in ("القصف", "وقصفت", "المدينة", "فيها", "بعدما", "والتي")}
    with res.scope():
        for w in asked:
            if BREAKS in L.cue_starts.lookup(w):
                assert w in spelt, w
    # with the stage's spellings or without, the cuts are the same
    text = "قصفت الطائرات المدينة بينما تقدمت القوات، في حين انسحب المسلحون والتي كانت هناك."
    a, b = _doc(text), _doc(text)
    assert clause_cuts(a, res).words == clause_cuts(b, res, spelt).words and a.clause_cuts.words


def test_after_or_before_a_time_of_day_is_a_time_phrase_not_a_cut(res):
    # round 30 (saudi30): بعد ظهر أمس، إلى ما بعد منتصف الليل, قبل منتصف الليل tell when, not what came before
    text = "استمرت الاشتباكات إلى ما بعد منتصف الليل بين القوات والمسلحين قبل ظهر اليوم في المدينة"
    doc = _doc(text)
    cuts = clause_cuts(doc, res)
    assert cuts.break_at(_tok(doc, "بعد"), len(doc.tokens)) == 0
    assert cuts.break_at(_tok(doc, "قبل"), len(doc.tokens)) == 0


def test_control_after_an_act_and_a_verb_after_another_break_word_still_cut(res):
    text = "اعتقلت القوات شابا بعد اقتحام منزله كما ظهر ارتباطهم بالحادثة"
    doc = _doc(text)
    cuts = clause_cuts(doc, res)
    assert cuts.break_at(_tok(doc, "بعد"), len(doc.tokens)) == 1
    assert cuts.break_at(_tok(doc, "كما"), len(doc.tokens)) == 1    # كما ظهر: "appeared", a verb



def test_a_relative_before_a_verb_of_leading_after_an_actor_is_an_aside_not_a_cut(res):
    # round 31 (rel31): التحالف العربي الذي تقوده السعودية names who leads the actor; the act's clause goes on
    from hand_docs import doc_of, entity

    text = "قصفت طائرات التحالف العربي الذي تقوده السعودية مواقع المسلحين في المدينة التي يسيطرون عليها"
    doc = doc_of(text)
    entity(doc, "E1", "ACTOR", "طائرات التحالف", category="coalition")
    entity(doc, "E2", "ACTOR", "السعودية", category="government")
    cuts = clause_cuts(doc, res)
    assert cuts.break_at(_tok(doc, "الذي"), len(doc.tokens)) == 0
    # control: a relative before another verb still opens a clause
    assert cuts.break_at(_tok(doc, "التي"), len(doc.tokens)) == 1


def test_control_a_relative_before_a_verb_of_leading_after_no_actor_still_cuts(res):
    # الضربات التي تقودها …: the clause is the strikes' own, its leader their doer (no aside on an actor)
    doc = _doc("وقالت الصحيفة إن الضربات الجوية التي تقودها الدولة لم تمنع الهجمات")
    assert clause_cuts(doc, res).break_at(_tok(doc, "التي"), len(doc.tokens)) == 1
