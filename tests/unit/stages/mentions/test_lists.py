"""rasd.stages.mentions.lists: after a plural type word every "وName" is a place."""
from __future__ import annotations

from conftest import at

from rasd.stages.mentions import lists, places


def test_a_plural_type_word_makes_each_coordinated_name_a_place(finder):
    f = finder("قصفت الطائرات قرى المشيرفة والزعتر والحمرا.")
    places.add_place(f, places.place_hit(f, at(f, "المشيرفة")))
    lists.coordinate(f)
    assert [m.text for m in f.out] == ["المشيرفة", "الزعتر", "الحمرا"]
    assert all(m.type == "PLACE" for m in f.out) and f.out[1].place_ids == []
    assert [m.list_item for m in f.out] == [None, "coordinated", "coordinated"]


def test_a_singular_type_word_does_not_make_a_list(finder):
    f = finder("قصفت الطائرات قرية المشيرفة والزعتر.")
    places.add_place(f, places.place_hit(f, at(f, "المشيرفة")))
    lists.coordinate(f)
    assert [m.name or m.text for m in f.out] == ["المشيرفة"]


def test_the_plural_type_word_is_the_cue_of_every_item_known_or_not(finder):
    """قرى X وY وZ: each item is a village, the ones the gazetteer knows as the new ones (the geocoder
    reads the cue: a village type word keeps a village namesake against a city abroad)."""
    from rasd.arabic.normalize import fold_str

    f = finder("قصفت الطائرات وقرى المشيرفة وأبو دالي والزعتر.")
    places.add_place(f, places.place_hit(f, at(f, "المشيرفة")))
    places.add_place(f, places.place_hit(f, at(f, "وأبو")))
    lists.coordinate(f)
    assert [m.name or m.text for m in f.out] == ["المشيرفة", "أبو دالي", "الزعتر"]
    assert [m.cue for m in f.out] == [fold_str("قرى")] * 3
