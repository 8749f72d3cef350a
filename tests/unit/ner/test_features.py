"""rasd.ner.features and rasd.ner.gate: pure functions over hand-made lexicons and invented sentences."""
from __future__ import annotations

from rasd.arabic.normalize import fold_str
from rasd.ner.features import Lexicons, shape, token_features
from rasd.ner.gate import Gate

LEX = Lexicons(places={"دمشق": "city", "سوريا": "country"}, place_first=frozenset({"دير"}),
               kb={"داعش": "actor"}, given=frozenset({"سامر"}),
               lists={"person_titles": frozenset({"الوزير", "وزير"}), "place_preps": frozenset({"في"})},
               clusters={"دمشق": ("3", "17"), "قال": ("5", "40")})


def feats(tokens: list[str]) -> list[set[str]]:
    return [set(f) for f in token_features(tokens, LEX)]


def test_clitics_are_read_off_the_stem():
    f = feats(["وبدمشق"])[0]
    assert {"w=وبدمشق", "st=دمشق", "pre=وب", "gaz=city", "c=3", "cc=17"} <= f


def test_the_article_is_a_feature_not_part_of_the_stem():
    f = feats(["والوزير"])[0]
    assert "st=وزير" in f and "article" in f and "list=person_titles" in f


def test_context_window_and_neighbour_lexicons():
    f = feats(["قال", "الوزير", "سامر", "حداد", "في", "دمشق"])
    assert {"-1:list=person_titles", "-2:w=قال", "1:w=حداد", "given", "2:w=في"} <= f[2]
    assert "-1:list=place_preps" in f[5] and "1:edge" in f[5]
    assert "bi-=الوزير|سامر" in f[2]


def test_unknown_words_have_no_lexicon_features():
    f = feats(["كرمول"])[0]
    assert "c=none" in f
    assert not {x for x in f if x.startswith(("gaz", "kb", "given", "list"))}


def test_shape():
    assert [shape(t) for t in ("2015", "F16", "Reuters", "،", "دمشق")] == \
        ["digit", "hasdigit", "latin", "punct", "arabic"]


GATE = Gate.of({"triggers": [{"forms": ["قصف*", "اشتباكات"]}]},
               {"person_titles": frozenset({fold_str("القائد")})},
               known={"قال", "ان", "الوضع", "هادي", "في", "المدينه", "قصفت", "الطايرات", "منزل", "سامر", "القايد"})
NAMES = frozenset({"سامر"})


def keys(s: str) -> list[str]:
    return [fold_str(w) for w in s.split()]


def test_gate_reasons():
    assert GATE.reason(keys("وقال كرمول إن الوضع هادئ"), NAMES) == "unknown word"
    assert GATE.reason(keys("وقصفت الطائرات منزل سامر"), NAMES) == "trigger"
    assert GATE.reason(keys("وقال القائد سامر إن الوضع هادئ"), NAMES) == "role"


def test_gate_seeds_are_the_unknown_words_and_the_given_names():
    ks = keys("وقال كرمول إن الوضع هادئ وسامر")
    assert GATE.read(ks, NAMES) == ("unknown word", [1, 5])
    ks = keys("وقصفت الطائرات منزل سامر")
    assert GATE.read(ks, NAMES) == ("trigger", [3])
    assert GATE.read(keys("وقصفت الطائرات المدينة"), NAMES) == (None, [])


def test_gate_passes_over_sentences_with_nothing_to_find():
    assert GATE.reason(keys("وقصفت الطائرات المدينة"), NAMES) is None       # a trigger, but no name
    assert GATE.reason(keys("وقال إن الوضع هادئ في المدينة"), NAMES) is None
    assert GATE.reason(keys("وقال القائد إن الوضع هادئ"), NAMES) is None   # a title, no name


def test_word_features_with_keep_give_keep_s_values_in_order():
    from rasd.ner.features import word_features
    full = word_features("سامر", LEX)
    keep = {"bias": 0, "w=سامر": 7, "-1:w=سامر": 3, "c=none": 9}
    key, own, m2, m1, p1, p2 = word_features("سامر", LEX, keep=keep)
    assert key == full[0] == "سامر"
    assert own == [keep[x] for x in full[1] if x in keep] == [0, 7, 9]
    assert m1 == [3] and m2 == p1 == p2 == []


def test_trigger_prefixes_of_any_length_match_as_startswith():
    gate = Gate.of({"triggers": [{"forms": ["ق*", "اشتب*"]}]}, {}, known={"قال"})
    assert gate.word("قصف")[1] and gate.word("واشتباكات")[1] and gate.word("اشتباك")[1]
    assert not gate.word("هجوم")[1] and not gate.word("اش")[1]


def test_a_vocab_leaves_out_only_features_keep_would_drop():
    from rasd.ner.features import word_features
    keep = {"bias": 0, "w=سامر": 1, "-1:w=سامر": 2, "st=الوزير": 3, "1:st=وزير": 4, "sh=arabic": 5, "c=none": 6}
    for tok in ("سامر", "والوزير", "كرمول"):
        full = word_features(tok, LEX, keep=keep)
        assert word_features(tok, LEX, keep=keep, vocab=frozenset({"سامر", "وزير"})) == full
    assert word_features("سامر", LEX, keep=keep, vocab=frozenset())[1] == [0, 5, 6]     # no word or stem asked


def reference_word(gate: Gate, key: str) -> tuple[bool, bool, bool]:
    """Gate.word by its definition: a reading, or the reading with the article, is known / a role
    word; a reading is a trigger word or starts with a trigger prefix."""
    from rasd.arabic.clitics import readings
    rs = (key, *(st for _, st in readings(key)))
    known = any(r in gate.known or "ال" + r in gate.known for r in rs)
    trigger = any(r in gate.trigger_words or r.startswith(gate.trigger_prefixes) for r in rs)
    role = any(r in gate.role_words or "ال" + r in gate.role_words for r in rs)
    return (len(key) >= 3 and not known and any("\u0621" <= c <= "\u064a" for c in key), trigger, role)


def test_gate_answers_are_their_definition():
    gate = Gate.of({"triggers": [{"forms": ["قصف*", "اشتباكات", "ق*", "اغتيال"]}]},
                   {"person_titles": frozenset({fold_str("القائد"), "وزير"})},
                   known={"قال", "المدينه", "سامر", "الطايرات"})
    words = keys("وقال المدينة مدينة وبالمدينة طائرات القائد قائد والوزير وزير وقصفت قصف اشتباك "
                 "الاشتباكات اغتيال واغتيال كرمول ق قا Reuters 2015 ، سامر")
    for w in words:
        assert gate.word(w) == reference_word(gate, w), w
    assert gate.word(fold_str("وبالمدينة"))[0] is False         # known behind clitics and the article
    assert gate.word("وزير")[2] and gate.word(fold_str("القائد"))[2] and gate.word(fold_str("قائد"))[2]


def test_a_word_on_several_lists_has_each_answer():
    gate = Gate.of({"triggers": [{"forms": ["وزير", "قصف*"]}]}, {"person_titles": frozenset({"وزير", "القصفي"})},
                   known={"وزير", "الوزير"})
    for w in ("وزير", "والوزير", "قصفي", "وقصفي", "القصفي"):
        assert gate.word(w) == reference_word(gate, w), w
    assert gate.word("والوزير") == (False, True, True) and gate.word("قصفي") == (True, True, True)


def test_gate_read_answers_each_word_by_its_definition():
    triggers = {"triggers": [{"forms": ["قصف*", "اشتباكات", "ق*"]}]}
    roles = {"person_titles": frozenset({fold_str("القائد")})}
    words = keys("وقال المدينة وبالمدينة القائد وقائد وقصفت اشتباك كرمول ق قا Reuters 2015 سامر")
    for w in words:
        gate = Gate.of(triggers, roles, known={"قال", "المدينه"})   # a fresh gate: nothing remembered
        unknown, trigger, role = reference_word(gate, w)
        reason, seeds = gate.read([w], NAMES)
        named = w in NAMES or w[1:] in NAMES
        assert seeds == ([0] if unknown or named else []), w
        assert reason == ("unknown word" if unknown else "trigger" if named and trigger
                          else "role" if named and role else None), w
        assert gate.unknown(w) == unknown, w


def test_gate_read_keeps_answers_per_name_set():
    ks = keys("وقصفت الطائرات منزل سامر")
    assert GATE.read(ks, NAMES) == ("trigger", [3])
    assert GATE.read(ks, frozenset()) == (None, [])             # another name set: not the cached answer
    assert GATE.read(ks, NAMES) == ("trigger", [3])
    assert GATE.read(keys("قال وسامر"), NAMES) == (None, [1])   # a name behind a one-letter proclitic
