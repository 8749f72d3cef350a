"""scripts/lexicon_fires.py matches a knowledge form as the knowledge files read it (proclitics,
a trailing *, phrases, needs_near) and shows its contexts in the original spelling."""
from __future__ import annotations

import gzip
import json
import zipfile

import pytest
from script_loader import load_script

from rasd.arabic.normalize import fold_str


@pytest.fixture(scope="module")
def lf():
    return load_script("lexicon_fires")


def hits(lf, form, text, **kw):
    return [m.group(0) for m in lf.form_regex(form, **kw).finditer(fold_str(text))]


def test_proclitics_and_article(lf):
    assert len(hits(lf, "غارة", "شنت الطائرات غارة ثم غارة أخرى وبغارة ثالثة")) == 3
    assert hits(lf, "القصف", "توقف للقصف ساعة") == ["للقصف"]          # ل + القصف
    assert hits(lf, "غارة", "غارات") == []                              # whole words only
    assert hits(lf, "غارة", "وبغارة", exact=True) == []


def test_star_and_phrase(lf):
    assert hits(lf, "أوقف*", "أوقفت الشرطة رجلا") == ["اوقفت"]
    assert hits(lf, "أوقفت* الشرطة", "وأوقفت الشرطة رجلا وأوقفت الحكومة المشروع") == ["واوقفت الشرطه"]
    # hamza and teh marbuta are folded as rasd folds them
    assert hits(lf, "مدينة سرت", "في مدينه سرت الليبية") == ["مدينه سرت"]


def test_near_window(lf):
    near = lf.near_regex(["للتنديد", "احتجاجا"])
    text = fold_str("احتشد الآلاف في الساحة للتنديد بالقرار. واحتشد الجمهور لمشاهدة العرض احتجاجا")
    ends = [m.end() for m in lf.form_regex("احتشد*").finditer(text)]
    assert len(ends) == 2
    # the purpose word is the 4th word after each match
    assert [lf.near_ok(text, e, near, 4) for e in ends] == [True, True]
    assert [lf.near_ok(text, e, near, 3) for e in ends] == [False, False]


def test_sentence_ends_the_window(lf):
    near = lf.near_regex(["سراح"])
    text = fold_str("تم إطلاق. سراح")
    m = lf.form_regex("إطلاق").search(text)
    assert not lf.near_ok(text, m.end(), near, 3)


def test_core_is_in_every_match(lf):
    for form in ("القصف", "أوقفت* الشرطة", "مخيم جنين", "عبوتين ناسفتين"):
        core = lf.core_of(form)
        assert core and all(core in h for h in hits(lf, form, form))


def test_kwic_keeps_original_spelling(lf):
    text = "قالت المصادر إنّ غارةً جويةً استهدفت البلدة"
    a = lf.Article("news", "ref", text, fold_str(text))
    m = lf.form_regex("غارة").search(a.key)
    line = lf.kwic(a, m.start(), m.end(), 10)
    assert "[غارةً]" in line


def test_reads_both_corpora_and_counts(lf, tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news2").mkdir()
    with zipfile.ZipFile(tmp_path / "news" / "2015-07-21.zip", "w") as z:
        z.writestr("2015-07-21.json", json.dumps([{"title": "خبر", "content": "اعتصم العمال واعتصموا"},
                                                 {"title": "آخر", "content": "لا شيء"}], ensure_ascii=False))
    with gzip.open(tmp_path / "news2" / "part-0000.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "a1", "title": "عنوان", "content": "اعتصام أمام الوزارة"}, ensure_ascii=False) + "\n")
    arts = lf.load(tmp_path, ["news", "news2"], None)
    assert [a.ref for a in arts] == ["shared:news/2015-07-21.zip#0", "shared:news/2015-07-21.zip#1",
                                     "shared:news2/part-0000.jsonl.gz#a1"]
    fires = [lf.Fires(f, lf.form_regex(f), lf.core_of(f)) for f in ("اعتصم*", "اعتصام")]
    lf.count(arts, fires, ["news", "news2"])
    assert fires[0].count == {"news": 2, "news2": 0} and fires[0].docs == {"news": 1, "news2": 0}
    assert fires[1].count == {"news": 0, "news2": 1}
