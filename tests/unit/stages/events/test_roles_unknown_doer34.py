"""An unknown doer (triggers.yaml unknown_agent) clears what would be carried to an act, but where the
unknown word is the doer's own name read as the agent (برصاص مجهولين: the knowledge base's unidentified
armed group) that actor stays the agent (Round 34: doers34).

Needs the installed data for the stages before the events stage.
"""
import pytest

from rasd.pipeline import default_pipeline


@pytest.fixture(autouse=True)
def _data(installed):
    yield


def run(text: str):
    return default_pipeline().run(text, published="2019-05-02")


def names(doc, ids):
    ents = {e.id: e for e in doc.entities}
    return [ents[i].name_ar for i in ids]


def test_shot_by_unknown_men_keeps_the_unidentified_group_as_agent():
    doc = run("وقتل فتى برصاص مجهولين في مدينة درعا أمس.")
    ev = next(e for e in doc.events if e.type == "ATTACK_ON_CIVILIANS")
    assert names(doc, ev.agents) == ["مسلحون مجهولون"]
    assert "unknown_agent" in ev.extra["why"]["agents"][ev.agents[0]]


def test_a_shell_of_unknown_origin_still_gets_no_agent():
    doc = run("وقصفت قوات النظام بلدة داعل. وسقطت قذيفة هاون مجهولة المصدر على حي الميدان في مدينة دمشق.")
    ev = next(e for e in doc.events if e.type == "SHELLING" and any(
        en.name_ar.endswith("الميدان") for en in doc.entities if en.id in e.places))
    assert ev.agents == []
