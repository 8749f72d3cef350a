"""rasd.stages.mentions.organisations: quoted names, numbered units, counts that are not units."""
from __future__ import annotations

from conftest import at

from rasd.stages.mentions import organisations


def test_a_quoted_name_runs_to_the_closing_quote(finder):
    f = finder('هاجمت حركة "فرسان الوادي الأخضر" المواقع.')
    i = at(f, "حركة")
    assert organisations.org_at(f, i) == at(f, "الأخضر") + 1


def test_a_unit_number_is_part_of_the_name_but_a_count_is_not(finder):
    f = finder("تقدمت الفرقة 30 نحو البلدة.")
    i = at(f, "الفرقة")
    assert organisations.org_at(f, i) == i + 2
    f = finder("خسرت الحركة 14 عنصرا في المعارك.")
    assert organisations.org_at(f, at(f, "الحركة")) is None


def test_the_quotes_stay_out_of_the_name(finder):
    f = finder('هاجمت حركة "فرسان الوادي الأخضر" المواقع.')
    i = at(f, "حركة")
    organisations.add_org(f, i, organisations.org_at(f, i))
    (m,) = f.out
    assert m.name == "حركة فرسان الوادي الأخضر" and m.category == "non_state_armed_group"
