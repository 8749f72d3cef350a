"""actors.yaml ``in_context``: names that mean an actor only in reports about some countries (and
period), validated on load with file:line errors."""
from __future__ import annotations

import re
import shutil

import pytest

from rasd.errors import KnowledgeError
from rasd.kb import loaders
from rasd.kb.knowledge import Sense, context_key, load_kb
from rasd.kb.yamlfile import KNOWLEDGE_DIR

ENTRY = """
- id: test_guard_b
  name_en: A test guard of country B
  name_ar: حرس الاختبار البائي
  category: state_force
  country: YE
  in_context:
{rules}
"""


def kdir_with(tmp_path, rules: str):
    """A copy of the knowledge dir whose actors.yaml ends with one entry with ``rules``; the
    entry's first line number."""
    kdir = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, kdir)
    actors = kdir / "actors.yaml"
    text = actors.read_text(encoding="utf-8").rstrip("\n") + "\n"
    actors.write_text(text + ENTRY.format(rules=rules), encoding="utf-8")
    return kdir, text.count("\n") + 2


def test_a_rule_gives_the_name_its_senses_and_the_actors_that_hold_it_elsewhere(tmp_path):
    kdir, line = kdir_with(tmp_path, "    - names: [حرس الاختبار]\n      countries: [YE]\n"
                                     "      from: 2015\n      until: 2016-06")
    kb = load_kb(kdir)
    name = kb.context_names[context_key("حرس الاختبار")]
    (s,) = name.senses
    assert s == Sense("actor:test_guard_b", frozenset({"YE"}), "2015-01-01", "2016-06-30", f"actors.yaml:{line + 6}",
                     "state_force")
    assert name.plain == () and name.short == ()
    # the rule's name is not an alias: it holds nowhere by itself
    assert "حرس الاختبار" not in kb.actors["test_guard_b"].names


def test_a_definite_rule_keeps_the_first_words_of_its_names_as_written(tmp_path):
    kdir, _ = kdir_with(tmp_path, "    - names: [الحرس الاختباري, قوات الحرس الاختباري]\n      countries: [YE]\n"
                                  "      definite: true\n    - names: [حرس الاختبار]\n      countries: [YE]")
    kb = load_kb(kdir)
    definite = kb.context_names[context_key("الحرس الاختباري")]
    assert definite.heads == {"الحرس"} and definite.tails == {("الاختباري",)}
    assert kb.context_names[context_key("قوات الحرس الاختباري")].heads == {"قوات"}
    # a rule that does not say definite reads its first word with or without the article
    assert kb.context_names[context_key("حرس الاختبار")].heads == frozenset()


def test_a_sense_applies_in_its_countries_and_period_only():
    s = Sense("actor:x", frozenset({"YE"}), "2015-01-01", "2016-12-31", "actors.yaml:1")
    assert s.applies("YE", "2015-03-26") and not s.applies("SY", "2015-03-26")
    assert not s.applies("YE", "2017-01-01") and not s.applies("YE", None) and not s.applies(None, "2015-03-26")
    assert Sense("actor:x", frozenset({"YE"}), None, None, "actors.yaml:1").applies("YE", None)
    anywhere = Sense("actor:x", frozenset(), "2023-01-01", None, "actors.yaml:1")
    assert anywhere.applies(None, "2024-02-01") and anywhere.applies("PS", "2023-01-01")
    assert not anywhere.applies("YE", "2022-12-31")


# bad rules both the registry's shape check and the loader meet, each with the message both give
SHARED_BAD_RULES = [
    ("    - names: [حرس الاختبار]\n      countries: [YE]\n      from: '2016-02-30'", "a real year, month or day"),
    ("    - names: [حرس الاختبار]\n      countries: [YE]\n      from: 2016\n      until: 2015", "is after"),
    ("    - names: [حرس الاختبار]\n      countries: [ye]", "ISO-2 codes in capitals"),
]


@pytest.mark.parametrize("rules, message", [
    *SHARED_BAD_RULES,
    ("    - names: [حرس الاختبار]\n      countries: [YE]\n      from: last year", "must be a year"),
    ("    - names: [حرس الاختبار]\n      countries: [YE]\n      country: YE", "unknown key"),
    ("    - names: [حرس الاختبار]\n      countries: [YE]\n      definite: perhaps", "definite"),
    ("    - names: [حرس الاختبار البائي]\n      countries: [YE]", "already an alias"),
    ("    - names: []\n      countries: [YE]", "at least one name"),
    ("    - names: [حرس الاختبار]", "the countries, a period"),
    # typed dates: a month or a day that does not exist is refused, not compared as a string
    ("    - names: [حرس الاختبار]\n      countries: [YE]\n      until: 2016-13", "a real year, month or day"),
])
def test_a_bad_rule_fails_with_file_and_line(tmp_path, rules, message):
    kdir, line = kdir_with(tmp_path, rules)
    with pytest.raises(KnowledgeError, match=message) as err:
        load_kb(kdir)
    assert f"actors.yaml:{line + 6}" in str(err.value) or f"actors.yaml:{line}" in str(err.value)


def test_a_yaml_date_that_does_not_exist_fails_with_its_line(tmp_path):
    kdir, line = kdir_with(tmp_path, "    - names: [حرس الاختبار]\n      countries: [YE]\n      from: 2016-02-30")
    with pytest.raises(KnowledgeError, match=rf"actors.yaml:{line + 8}: .*'2016-02-30' is not a real date"):
        load_kb(kdir)


def test_a_month_ends_on_its_last_day_and_a_yaml_date_is_read_as_a_day(tmp_path):
    kdir, _ = kdir_with(tmp_path, "    - names: [حرس الاختبار]\n      from: 2015-03-26\n      until: 2024-02")
    (s,) = load_kb(kdir).context_names[context_key("حرس الاختبار")].senses
    assert (s.since, s.until, s.countries) == ("2015-03-26", "2024-02-29", frozenset())


@pytest.mark.parametrize("rules, message", SHARED_BAD_RULES)
def test_the_registry_shape_check_and_the_loader_give_one_message(tmp_path, rules, message):
    """One validation: ``rasd kb check``'s shape check (loaders.validate) and the loader say the same."""
    kdir, _ = kdir_with(tmp_path, rules)
    with pytest.raises(KnowledgeError, match=message) as shape:
        loaders.validate(kdir / "actors.yaml", loaders.KNOWLEDGE["actors"].shape)
    with pytest.raises(KnowledgeError, match=message) as loader:
        load_kb(kdir)
    assert shape.value.message.split(": ")[-1] == loader.value.message.split(": ")[-1]


def test_two_readings_of_one_name_in_one_country_and_period_are_refused(tmp_path):
    kdir, _ = kdir_with(tmp_path, "    - names: [الحرس الجمهوري]\n      countries: [SY]")
    actors = kdir / "actors.yaml"
    actors.write_text(actors.read_text(encoding="utf-8") + ENTRY.replace("test_guard_b", "test_guard_c").format(
        rules="    - names: [الحرس الجمهوري]\n      countries: [SY, YE]\n      from: 2015"), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="overlapping set of countries and period") as err:
        load_kb(kdir)
    # the later rule's file:line, and the earlier reading's
    assert re.search(r"actors.yaml:\d+: in_context name .* also means actor:\w+ \(actors.yaml:\d+\)",
                     str(err.value))


def test_the_shape_check_names_the_line_of_a_rule_of_the_wrong_shape(tmp_path):
    kdir, line = kdir_with(tmp_path, "    - names: حرس الاختبار\n      countries: [YE]")
    with pytest.raises(KnowledgeError, match=rf"actors.yaml:{line + 6}"):
        loaders.validate(kdir / "actors.yaml", loaders.KNOWLEDGE["actors"].shape)


def test_the_lebanese_islamic_groups_armed_wing_is_known_with_its_party():
    # round 29 (person29): قوات الفجر, named with its party (الجناح العسكري للجماعة الإسلامية في لبنان);
    # the party is named with its country, as الجماعة الإسلامية alone names other countries' groups too
    kb = load_kb()
    wing, party = kb.get("actor:fajr_forces"), kb.get("actor:jamaa_islamiya_lb")
    assert wing.category == party.category == "non_state_armed_group" and wing.country == party.country == "LB"
    assert "actor:jamaa_islamiya_lb" in {p if p.startswith("actor:") else "actor:" + p for p in wing.part_of}


def test_the_martyrdom_forms_of_the_harm_words_are_words_of_martyrdom():
    """triggers.yaml keeps three lists that share words: harm_words (a toll's harm), casualty_roots (a
    sentence that reports dead) and martyr_words (the side that announces its martyrs). A martyrdom
    form added to the first two and not to the third would make its announcer the toll's agent."""
    from rasd.kb.yamlfile import load as load_yaml

    triggers = load_yaml(KNOWLEDGE_DIR / "triggers.yaml")
    martyr = set(triggers["martyr_words"])
    stems = ("شهيد", "شهداء", "استشهد", "ارتق")
    shared = {w for key in ("harm_words", "casualty_roots") for w in triggers[key] if w.startswith(stems)}
    assert shared and shared <= martyr, sorted(shared - martyr)


def test_the_shipped_border_guard_named_bare_is_the_saudi_one_in_a_saudi_report():
    """حرس الحدود alone in a report about Saudi Arabia (Round 34: actor34); elsewhere it is no one's."""
    kb = load_kb(KNOWLEDGE_DIR)
    name = kb.context_names[context_key("حرس الحدود")]
    assert [s.kb_id for s in name.senses if s.applies("SA", "2015-08-02")] == ["actor:saudi_security_forces"]
    assert not any(s.applies("IL", "2023-10-07") for s in name.senses)


def test_the_numbered_unit_category_must_be_one_actor_category(tmp_path):
    kdir = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, kdir)
    lex = kdir / "lexicon.yaml"
    lex.write_text(lex.read_text(encoding="utf-8").replace("numbered_unit_category: [state_force]",
                                                          "numbered_unit_category: [army]"), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="numbered_unit_category"):
        load_kb(kdir)
