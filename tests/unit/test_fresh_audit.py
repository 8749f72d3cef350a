"""scripts/fresh_audit.py draws fresh reports for an audit: none that an annotation part, dev or
seed holds, none that retells one (word 8-grams shared above 2 %), and prints rasd's output on each."""
from __future__ import annotations

import pytest
from script_loader import load_script


@pytest.fixture(scope="module")
def fa():
    return load_script("fresh_audit")


def test_eight_grams_are_word_windows(fa):
    words = " ".join(f"w{i}" for i in range(10))
    grams = fa._grams(words)
    assert len(grams) == 3 and "w0 w1 w2 w3 w4 w5 w6 w7" in grams
    assert fa._grams("too short a text") == set()


def test_the_annotated_seeds_are_refused(fa):
    with pytest.raises(SystemExit, match="another"):
        fa.main(["--set", "saudi", "--seed", "8"])


def test_a_sheet_numbers_the_sentences_and_lists_the_events(fa, installed):
    text = "غارة على حلب\n\nقتل ثلاثة مدنيين في غارة جوية على مدينة حلب أمس."
    out = fa.sheet(("syria", "ref#1", "2024-01-02", "title", text), 7)
    assert out.startswith("=== 07 ref#1 (syria, 2024-01-02)")
    assert "[s0]" in out and "[s1]" in out
    assert " AIRSTRIKE " in out and "places: " in out and "why: " in out
    assert "  PLACE حلب @" in out and "mentions: s0 'حلب'; s1 'مدينة حلب'" in out and "geo why: " in out


def test_fresh_reports_are_neither_annotated_nor_retellings(fa, shared):
    refs, grams = fa.annotated_texts(shared)
    assert len(refs) > 300 and len(grams) > 300
    drawn = fa.fresh(shared, "mayadeen", 4, 2599, 0)
    assert len(drawn) == 4
    for _th, ref, _published, _title, text in drawn:
        assert ref not in refs
        g = fa._grams(text)
        assert all(len(g & other) <= 0.02 * len(g) for other in grams)


def test_a_coref_sheet_shows_each_merge_and_each_refusal(fa, installed):
    # two raids on one town told in two sentences (one event, its merge shown) and a raid on another
    # town in a third (its own event: the refusal names the nearest candidate and why)
    text = ("غارة على حلب\n\nقتل ثلاثة مدنيين في غارة جوية على مدينة حلب أمس. وشنت الطائرات غارة على مدينة حلب."
            " وشنت الطائرات غارة أخرى على بلدة الأتارب.")
    out = fa.sheet(("syria", "ref#1", "2024-01-02", "title", text), 1, coref=True)
    assert "     merged: AIRSTRIKE 'غارة' s2: same type" in out
    assert "  REFUSED AIRSTRIKE 'غارة' s3 vs '" in out
    plain = fa.sheet(("syria", "ref#1", "2024-01-02", "title", text), 1)
    assert "merged:" not in plain and "REFUSED" not in plain
