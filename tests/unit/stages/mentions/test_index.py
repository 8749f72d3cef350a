"""rasd.stages.mentions.index: which finders may start at a word (token classes)."""
from __future__ import annotations

from rasd.arabic.normalize import fold_str
from rasd.stages.mentions.index import KB, ORG, PERSON, PLACE


def test_token_classes(index):
    flags, _ = index.token_class(fold_str("وسامر"))
    assert flags & PERSON
    flags, _ = index.token_class(fold_str("والمشيرفة"))
    assert flags & PLACE
    flags, _ = index.token_class(fold_str("حركة"))
    assert flags & ORG and not flags & PLACE
    flags, _ = index.token_class(fold_str("قوات"))
    assert flags & KB


def test_a_type_word_makes_the_next_word_worth_a_look(index):
    assert index.token_class(fold_str("قرية"))[1]
    assert not index.token_class(fold_str("المعارك"))[1]


def test_place_kinds_come_from_knowledge(index):
    assert {"governorate", "city"} <= index.major_kinds and "locality" not in index.major_kinds
    assert index.region_base_kinds == {"governorate", "region"}


def test_the_geo_kind_sets_are_read_from_place_kinds_yaml():
    """rasd.geo holds no kind sets of its own: its cues carry place_kinds.yaml's, per Resources."""
    from conftest import RES

    from rasd.kb.gazetteer import KINDS

    kinds = RES.place_kinds
    cues = RES.geo_cues
    assert (cues.base_kinds, cues.direction_kinds, cues.context_kinds) == \
        (kinds["region_base"], kinds["direction_base"], kinds["context"])
    assert all(k <= set(KINDS) for k in kinds.values())



def test_a_word_is_read_once_into_its_class_and_its_lists(index):
    """MentionIndex.word: the class and the lexicon lists of a word, from one bounded cache."""
    for w in ("وسامر", "قرية", "بالقرية", "المعارك", "حركة", "كرمول"):
        key = fold_str(w)
        flags, after_cue, lists = index.word(key)
        assert (flags, after_cue) == index.token_class(key) == index._classify(key)
        assert lists == index.lists_of(key)
        assert index.word(key) is index.word(key)
    assert index.words_of([fold_str(w) for w in ("قرية", "كرمول")]) == [index.word(fold_str("قرية")),
                                                                       index.word(fold_str("كرمول"))]


def test_a_new_words_lists_come_from_the_forms_of_its_class(index):
    """MentionIndex._classified reads a word's lexicon lists from the forms its class was read from:
    the list index's own answer, behind proclitics and the article too."""
    for w in ("وسامر", "قرية", "بالقرية", "وللقرى", "المعارك", "وبحركة", "كرمول"):
        key = fold_str(w)
        assert index._classified(key)[2] == index.lists_of(key)


def test_the_word_cache_is_bounded_and_forgets_without_changing_answers(index):
    import dataclasses

    small = dataclasses.replace(index)   # a fresh index over the same parts, with an empty cache
    small.cache_size = 4
    keys = [fold_str(w) for w in ("وسامر", "قرية", "بالقرية", "المعارك", "حركة", "كرمول", "قوات", "والمشيرفة")]
    for _ in range(2):
        assert small.words_of(keys) == [index.word(k) for k in keys]
        assert len(small._cache) <= 4


def test_the_finder_reads_each_token_once(finder):
    f = finder("في قرية المشيرفة قتل سامر")
    assert f.words == [f.R.word(t.key) for t in f.toks]
    assert all(f.is_(i, lst) == (lst in f.R.lists_of(t.key)) for i, t in enumerate(f.toks)
               for lst in ("place_cues", "person_titles", "name_stops"))


def _full(index, key):
    """The class and lists of a word worked out in full, without the pre-check."""
    return (*index._classify(key), index.lists_of(key))


def test_the_pre_check_hides_no_word_of_any_class_or_list(index):
    """MentionIndex._may_matter answers False only for a word in no class and no list: every word a
    class or list looks for, behind every proclitic string (و، ب، وب، ال، لل …), reads the same
    through word() as worked out in full; so do ordinary words and near misses."""
    from rasd.arabic.clitics import letters

    L = letters()
    prefixes = sorted(L.proclitic_strings()) + [p + L.article for p in L.proclitic_strings()] \
        + list(L.lam_article_strings()) + [fold_str("ت")]   # and a letter that is no proclitic (a given name's key[1:])
    a = L.article
    # the forms themselves, and those written with the article seen without it (a list's الX in وX)
    stems = sorted(index._starts)[::7] + sorted(w[len(a):] for w in index._starts if w.startswith(a))[::3] \
        + [fold_str(w) for w in ("المعارك", "كرمول", "يجاورها", "متاثر", "سامر")]
    seen_nothing = seen_something = 0
    for st in stems:
        for p in prefixes:
            key = p + st
            full = _full(index, key)
            assert index._word(key) == full, key
            if index._may_matter(key):
                seen_something += 1
            else:
                assert full == (0, False, frozenset()), key
                seen_nothing += 1
    assert seen_nothing and seen_something   # both paths were taken


def test_a_document_s_words_read_the_same_with_and_without_the_pre_check(finder):
    f = finder("وقال الشيخ سامر إن قوات النظام قصفت بلدة والمشيرفة وبالقرية المجاورة للمعارك")
    assert f.words == [_full(f.R, t.key) for t in f.toks]


def test_the_class_gate_keeps_every_phrase_match(finder):
    """Finder.kb_hit / place_at walk the phrase tries only at words of the KB / PLACE class: at every
    token they answer what the matchers answer, proclitics (وبمعرة، للجيش) and phrase ends included."""
    f = finder("وقصفت قوات النظام وبمعرة النعمان ومعرة والمشيرفة، ثم للجيش السوري في ريف حلب الشمالي وأبو دالي.")
    kb = [f.kb_hit(i) for i in range(len(f.toks))]
    places = [f.place_at(i) for i in range(len(f.toks))]
    assert kb == [f.R.names.match_at(f.toks, i) for i in range(len(f.toks))]
    assert places == [f.R.places.match_at(f.toks, i) for i in range(len(f.toks))]
    multi = [h for h in places if h and h.j - h.i == 2]
    assert any(kb) and multi and any(h.prefix for h in multi)   # a two-word name behind proclitics was found
    assert any(h is None and w[0] & PLACE for h, w in zip(places, f.words))   # a first word whose phrase did not go on


def test_a_known_kunya_name_is_matched_in_the_kunya_s_other_cases():
    """بحسب الناطق باسمها أبي عبيدة: a person the knowledge names أبو X is matched as أبي X and أبا X
    too (lexicon kunya_cases); a name without a kunya is left as it is (round 19)."""
    from rasd.stages.mentions.index import _kunya_cases
    cases = ("أبو", "أبي", "أبا")
    assert set(_kunya_cases("أبو سامر", cases)) == {"أبو سامر", "أبي سامر", "أبا سامر"}
    assert _kunya_cases("سامر العلي", cases) == ["سامر العلي"]
    assert _kunya_cases("أبو", cases) == ["أبو"]
