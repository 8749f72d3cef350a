"""rasd.ner.corpus: the CAMeL split, tag mapping, and that the test half never reaches training
data or the given-name list (hand-made miniature corpora, and the real ones under ../shared)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasd.arabic.normalize import fold_str
from rasd.kb.names import build_names
from rasd.ner.corpus import (
    AQMAR,
    CAMEL_TEST,
    NEWSFANE,
    HeldOutGuard,
    camel_split,
    coarse,
    spans,
    training_sentences,
)

# Invented sentences.  The tail (the test half) names a person, كرمول, found nowhere else.
TRAIN = [("قال", "O"), ("الوزير", "O"), ("سامر", "B-PERS"), ("حداد", "I-PERS"), ("في", "O"),
         ("دمشق", "B-LOC"), (".", "O"),
         ("وزار", "O"), ("سامر", "B-PERS"), ("مدينة", "O"), ("حمص", "B-LOC"), ("أمس", "O"), (".", "O")]
TEST = [[("وأعلن", "O"), ("المتحدث", "O"), ("كرمول", "B-PERS"), ("زيتوني", "I-PERS"), ("أن", "O"),
         ("الاجتماع", "O"), ("سيعقد", "O"), ("في", "O"), ("بيروت", "B-LOC"), (".", "O")],
        [("والتقى", "O"), ("كرمول", "B-PERS"), ("وفدا", "O"), ("من", "O"), ("منظمة", "B-ORG"),
         ("الصحة", "I-ORG"), ("العالمية", "I-ORG"), (".", "O")]]


def _write(path: Path, sents: list[list[tuple[str, str]]], sep: str = " ", blank: bool = True) -> None:
    lines = []
    for s in sents:
        lines += [f"{t}{sep}{g}" for t, g in s]
        if blank:
            lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def ner_dir(tmp_path: Path) -> Path:
    d = tmp_path / "ner"
    d.mkdir()
    # ANERCorp.txt: no blank lines; the test half is its tail
    _write(d / "ANERCorp.txt", [TRAIN + [tt for s in TEST for tt in s]], blank=False)
    # the distributed test file: another first word in each sentence
    given = [[("برند", "B-PERS"), *TEST[0][1:]], [("مرتفع", "O"), *TEST[1][1:]]]
    _write(d / CAMEL_TEST, given)
    # NewsFANE re-annotates the test half with its own tokenisation (و split, alef folded) and adds one
    copy = [("و", "O"), ("اعلن", "O"), ("المتحدث", "O"), ("كرمول", "B-Politician"), ("زيتوني", "I-Politician"),
            ("ان", "O"), ("الاجتماع", "O"), ("سيعقد", "O"), ("في", "O"), ("بيروت", "B-Population-Center"), (".", "O")]
    novel = [("استقبل", "O"), ("نادر", "B-Politician"), ("عواد", "I-Politician"), ("وفد", "O"),
             ("جامعة", "B-Educational"), ("حلب", "I-Educational"), (".", "O")]
    _write(d / NEWSFANE, [copy, novel], sep="\t")
    _write(d / AQMAR, [[("ولد", "O"), ("نادر", "B-PER"), ("في", "O"), ("إدلب", "B-LOC"), (".", "O")]])
    return d


def test_split_finds_the_tail_despite_the_changed_first_words(ner_dir):
    split = camel_split(ner_dir)
    assert [t for t, _ in split.train[0]][:3] == ["قال", "الوزير", "سامر"]
    assert len(split.train) == 2 and len(split.test) == 2
    assert split.first_token_differs == 2
    assert split.test_rebuilt[0][0] == ("وأعلن", "O") and split.test[0][0] == ("برند", "B-PERS")


def test_no_test_sentence_reaches_training_data(ner_dir):
    data = training_sentences(ner_dir)
    words = {fold_str(t) for _, s in data.sentences for t, _ in s}
    assert "كرمول" not in words and "زيتوني" not in words
    assert "نادر" in words and "سامر" in words          # the rest is read
    assert data.dropped[NEWSFANE] == 1
    assert all(not data.guard.seen(t for t, _ in s) for _, s in data.sentences)


def test_given_names_never_count_the_test_half(ner_dir, tmp_path):
    out = tmp_path / "names.json"
    build_names(ner_dir, out)
    names = set(json.loads(out.read_text(encoding="utf-8"))["names"])
    assert "سامر" in names            # twice in the train half
    assert "نادر" in names            # NewsFANE and AQMAR, once each
    assert "كرمول" not in names       # twice in the test half and once in its NewsFANE copy


def test_guard_sees_copies_whatever_the_tokenisation():
    g = HeldOutGuard.of_sentences(TEST)
    assert g.seen(["و", "اعلن", "المتحدث", "كرمول", "زيتوني", "ان", "الاجتماع"])
    assert g.seen(["والتقى", "كرمول"])                          # a short sentence inside the test text
    assert not g.seen(["قال", "الوزير", "سامر", "حداد", "في", "دمشق", "إن", "الوضع", "هادئ"])


def test_coarse_tags_and_spans():
    assert coarse("B-Politician", NEWSFANE) == "B-PERS"
    assert coarse("I-Population-Center", NEWSFANE) == "I-LOC"
    assert coarse("B-Book", NEWSFANE) == "O"
    assert coarse("B-PER", AQMAR) == "B-PERS"
    assert coarse("B-MIS1", AQMAR) == "O"
    assert coarse("B-MISC", "ANERCorp.txt") == "O"
    assert spans(["B-PERS", "I-PERS", "O", "B-LOC", "I-ORG"]) == {(0, 2, "PERS"), (3, 4, "LOC"), (4, 5, "ORG")}


def test_without_the_test_file_anercorp_and_its_copies_are_left_out(ner_dir):
    (ner_dir / CAMEL_TEST).unlink()
    data = training_sentences(ner_dir)
    assert {name for name, _ in data.sentences} == {AQMAR}
    assert data.skipped


# ---- the real corpora -------------------------------------------------------------------------

def _letters(tokens) -> str:
    return "".join(c for c in fold_str("".join(tokens)) if c.isalnum())


def test_real_corpora_hold_no_camel_test_sentence(shared):
    """Independent of the guard's windows: no test sentence (without its first word, which the
    given file changed) is contained in the training text, for the CRF or for counting names."""
    ner = shared / "data" / "ner"
    for keep in (False, True):
        data = training_sentences(ner, keep_repeats=keep)
        text = "\n".join(_letters(t for t, _ in s) for _, s in data.sentences)
        leaked = [" ".join(t for t, _ in s) for s in data.split.test_rebuilt
                  if len(s) > 6 and (k := _letters(t for t, _ in s[1:])) and len(k) >= 25 and k in text]
        assert not leaked, leaked[:3]
        assert len(data.sentences) > 4000


def test_real_given_names_hold_no_name_seen_only_in_the_test_half(shared, tmp_path):
    ner = shared / "data" / "ner"
    data = training_sentences(ner, keep_repeats=True)
    seen = {fold_str(t) for _, s in data.sentences for t, _ in s}
    test_only = {fold_str(t) for s in data.split.test_rebuilt for t, g in s if g == "B-PERS"} - seen
    assert len(test_only) > 50       # the test half has names of its own to leak
    out = tmp_path / "names.json"
    build_names(ner, out)
    names = set(json.loads(out.read_text(encoding="utf-8"))["names"])
    assert not names & test_only, sorted(names & test_only)[:10]
