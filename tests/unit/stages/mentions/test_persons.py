"""rasd.stages.mentions.persons: given names, titles, lineages, surnames."""
from __future__ import annotations

from conftest import at

from rasd.stages.mentions import persons


def test_a_given_name_with_a_family_name(finder):
    f = finder("قال سامر العلي إن المعارك مستمرة.")
    i = at(f, "سامر")
    assert persons.person_at(f, i) == i + 2


def test_a_lineage_takes_every_name_after_its_joiner(finder):
    f = finder("وصل خالد بن سامر العلي إلى المدينة.")
    i = at(f, "خالد")
    assert persons.person_at(f, i) == at(f, "العلي") + 1


def test_a_conjunction_on_a_given_name_is_its_prefix(finder):
    f = finder("وصل وخالد العلي.")
    assert persons.given_prefix(f, at(f, "وخالد")) == 1 and persons.given_prefix(f, at(f, "العلي")) is None


def test_a_title_two_words_back_makes_a_name(finder):
    f = finder("قال وزير الدفاع نديم الحسن إن الهجوم فشل.")
    assert persons.titled(f, at(f, "نديم"))
    assert not persons.titled(f, at(f, "الهجوم"))


def test_a_surname_alone_later_is_the_same_person(finder):
    f = finder("قال سامر العلي إن المعارك مستمرة. وأضاف العلي أن القصف توقف.")
    i = at(f, "سامر")
    persons.add_person(f, i, persons.person_at(f, i))
    persons.surnames(f)
    assert [m.text for m in f.out] == ["سامر العلي", "العلي"] and f.out[1].surname_of == "سامر العلي"


def test_the_family_marker_takes_the_family_name_even_an_ordinary_word(finder):
    f = finder("استقبل خالد بن سامر آل ثاني الوفد.")
    assert persons.person_at(f, at(f, "خالد")) == at(f, "ثاني") + 1
    f = finder("وصل خالد بن سامر آل من دمشق.")      # a stop word is no family name
    assert persons.person_at(f, at(f, "خالد")) == at(f, "سامر") + 1
