"""The generic words of an opposition name Syria's opposition only in a report about Syria
(actors.yaml in_context of ``opposition``, actor14). Needs the installed data."""
import pytest

import rasd


@pytest.fixture(autouse=True)
def _data(installed):
    return installed


def kb_ids(text: str) -> set:
    return {e["kb_id"] for e in rasd.extract(text, published="2015-08-01")["entities"]}


def test_the_opposition_of_a_report_about_syria_is_syrias():
    assert "actor:opposition" in kb_ids("اشتبكت المعارضة مع قوات النظام في ريف إدلب شمال سوريا وفي مدينة حلب.")


def test_the_opposition_of_a_report_about_another_country_is_not_syrias():
    assert "actor:opposition" not in kb_ids("انسحبت المعارضة من جلسة البرلمان في أنقرة بتركيا وتظاهر الثوار في اسطنبول.")


def test_a_named_syrian_opposition_is_syrias_anywhere():
    assert "actor:opposition" in kb_ids("قصفت قوات المعارضة السورية مواقع قرب أنقرة بتركيا.")
