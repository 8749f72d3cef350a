"""A clause describing a place (round 32, place32): the places named in it, two joined by a bare و among
them (الواقعة بين محافظتي X وY), say where the place before is, and are no event place of their own
(rasd/stages/events/places.py, triggers.yaml place_describers) — on hand-built Docs with the real
knowledge files."""
from __future__ import annotations

from test_event_places import places_of, read


def test_the_two_ends_of_a_lying_between_clause_only_describe_the_place():
    evs = read("قصفت قوات النظام منطقة كرش الواقعة بين محافظتي لحج وتعز.", ["كرش", "لحج", "تعز"])
    assert places_of(evs) == [["E2"]]
    why = evs[0].extra["why"]["places"]["E2"]
    assert "place_describers" in why


def test_two_neighbours_of_a_bordering_clause_only_describe_the_place():
    evs = read("قصفت قوات النظام قرية الزيارة المحاذية لبلدتي كفرزيتا واللطامنة.", ["الزيارة", "كفرزيتا", "اللطامنة"])
    assert places_of(evs) == [["E2"]]


def test_without_a_describing_word_a_bare_and_still_adds_a_place():
    evs = read("قصفت قوات النظام بلدتي كفرزيتا واللطامنة.", ["كفرزيتا", "اللطامنة"])
    assert places_of(evs) == [["E2"], ["E3"]]


def test_a_new_item_with_its_type_word_after_a_description_is_still_a_place():
    # وقرية Y: a type word opens a new item of the list, not a second neighbour
    evs = read("قصفت قوات النظام بلدة كفرنبودة الواقعة في ريف حماة وقرية الهبيط.", ["كفرنبودة", "ريف حماة", "الهبيط"])
    assert ["E4"] in places_of(evs)


def test_a_comma_after_the_description_opens_a_new_place():
    evs = read("قصفت قوات النظام منطقة كرش الواقعة في لحج، وتعز.", ["كرش", "لحج", "تعز"])
    assert ["E4"] in places_of(evs)


def test_a_describing_word_after_another_noun_describes_that_noun_not_the_place():
    # والطريق الواصل بين X وY: the road lies between them, the clause describes no place before it
    evs = read("قصفت قوات النظام بلدة كفرنبل، والطريق الواصل بين حيش والهبيط.", ["كفرنبل", "حيش", "الهبيط"])
    assert ["E4"] in places_of(evs)
