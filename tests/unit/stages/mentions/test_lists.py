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


def test_a_singular_type_word_does_not_make_a_list(finder):
    f = finder("قصفت الطائرات قرية المشيرفة والزعتر.")
    places.add_place(f, places.place_hit(f, at(f, "المشيرفة")))
    lists.coordinate(f)
    assert [m.name or m.text for m in f.out] == ["المشيرفة"]
