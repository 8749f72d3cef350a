"""PhraseMatcher: longest whole-word matches, proclitics on the first token, ال optional there."""
from __future__ import annotations

from rasd.arabic.matcher import PhraseMatcher, phrase_key
from rasd.arabic.normalize import fold_str
from rasd.arabic.tokens import tokenize

PHRASES = [("الجيش السوري", "army"), ("ريف حلب", "aleppo-countryside"),
           ("ريف حلب الشمالي", "north-aleppo-countryside"), ("حلب", "aleppo"), ("جيش", "an-army"),
           ("الجيش الحر", "fsa")]


def matches(text: str, clitics: bool = True) -> list[tuple[str, int, tuple]]:
    m = PhraseMatcher(PHRASES)
    toks = tokenize(text)
    return [(text[toks[h.i].start:toks[h.j - 1].end], h.prefix, h.payloads) for h in m.find_all(toks, clitics)]


def test_longest_match_wins():
    assert matches("قصف في ريف حلب الشمالي") == [("ريف حلب الشمالي", 0, ("north-aleppo-countryside",))]
    assert matches("قصف في ريف حلب أمس") == [("ريف حلب", 0, ("aleppo-countryside",))]


def test_proclitics_on_first_token():
    assert matches("وبريف حلب الشمالي") == [("وبريف حلب الشمالي", 2, ("north-aleppo-countryside",))]
    assert matches("للجيشِ السوري") == [("للجيشِ السوري", 2, ("army",))]
    assert matches("وقصفت قوات الجيش الحرّ") == [("الجيش الحرّ", 2, ("fsa",))]


def test_clitics_off_reads_only_the_article():
    assert matches("وبريف حلب", clitics=False) == [("حلب", 0, ("aleppo",))]
    assert [(span, load) for span, _, load in matches("الجيش السوري", clitics=False)] == [("الجيش السوري", ("army",))]


def test_article_optional_on_every_word():
    # reports write names both ways inside a phrase too (تل الخنزير / تل خنزير)
    assert matches("قصف جيش السوري") == [("جيش السوري", 0, ("army",))]
    assert matches("قصف الجيش سوري") == [("الجيش سوري", 2, ("army",))]


def test_no_match_inside_a_word():
    assert matches("محلبية حلبي والحلبيون") == []
    assert matches("الجيش السوريين") == [("الجيش", 2, ("an-army",))]


def test_lookup_by_phrase():
    m = PhraseMatcher(PHRASES)
    assert "الجيش السوري" in m and "جيش السوري" in m and "الجيش اللبناني" not in m
    assert m.get("ريف حلب") == ["aleppo-countryside"]
    assert phrase_key("الجيشُ السوري") == ("جيش", "سوري")
    assert phrase_key("؟!") == ()


def test_same_phrase_keeps_every_payload_once():
    m = PhraseMatcher([("حلب", "city"), ("حلب", "governorate"), ("حَلَب", "city")])
    assert m.get("حلب") == ["city", "governorate"]


def test_starts_are_the_readings_that_open_a_phrase_and_match_from_walks_them():
    m = PhraseMatcher(PHRASES)
    assert [p for p, _ in m.starts(fold_str("وبريف"))] == [2]        # و+ب stripped: ريف opens a phrase
    assert [p for p, _ in m.starts(fold_str("للجيش"))] == [2]
    assert m.starts(fold_str("محلبية")) == () and m.starts(fold_str("وبريف"), clitics=False) == ()
    toks = tokenize("قصف وبريف حلب الشمالي وللجيش السوري والجيش")
    for i in range(len(toks)):
        for clitics in (True, False):
            assert m.match_from(toks, i, m.starts(toks[i].key, clitics)) == m.match_at(toks, i, clitics)
    assert m.match_from(toks, 1, m.starts(toks[1].key)).j == 4 and m.match_from(toks, 1, ()) is None
