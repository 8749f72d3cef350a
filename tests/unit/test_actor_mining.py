"""scripts/actor_mining.py: head words read through clitics, document frequency (not mention counts)
ranks the rows, and the head spans it proposes stop at punctuation and at a knowledge-base actor."""
from __future__ import annotations

from collections import defaultdict

import geo_fake
import pytest
from script_loader import load_script

from rasd.arabic.normalize import fold_str
from rasd.kb.resources import Resources


@pytest.fixture(scope="module")
def am():
    return load_script("actor_mining")


def test_heads_come_from_the_knowledge_files_and_read_through_clitics(am):
    hs = am.heads()
    assert fold_str("كتائب") in hs and fold_str("قوات") in hs   # lexicon.yaml org_heads, open_actors heads
    assert am._bare(fold_str("وللكتائب"), hs) == fold_str("كتائب")
    assert am._bare(fold_str("بالقوات"), hs) == fold_str("قوات")
    assert am._bare(fold_str("كتاب"), hs) is None


def test_rows_rank_by_documents_not_by_mentions(am):
    t = am.Tally()
    t.add_doc("news", {"a": ("a", "")})
    t.add_doc("news", {"a": ("a", ""), "b": ("b", "")})
    t.add_doc("news2", {"b": ("b", "")})
    t.add_doc("news2", {"b": ("b", "")})
    assert t.ranked() == [("b", 3), ("a", 2)]
    assert dict(t.docs["b"]) == {"news": 1, "news2": 2}


class _Pipe:
    """Stands in for the pipeline: a Doc whose only entity is the knowledge-base actor given."""

    def __init__(self, kb_text: str | None):
        self.kb_text = kb_text
        self.published = []
        self.kb_id, self.place = "actor:x", None

    def run(self, text, **source):
        from hand_docs import doc_of, entity, mention
        self.published.append(source.get("published"))
        doc = doc_of(text)
        if self.kb_text:
            entity(doc, "E1", "ACTOR", self.kb_text, kb_id=self.kb_id)
        if self.place:   # a governorate of Syria: the report's country
            doc.mentions = sorted(doc.mentions + [mention(doc, self.place, "PLACE", place_ids=["admin:SY07"])],
                                  key=lambda m: m.start)
        return doc


RES = Resources("/nonexistent-rasd-data").provide(gazetteer=geo_fake.fake_gazetteer())


def _mined(am, text, kb_text=None, published="2015-07-21", kb_id="actor:x", place=None):
    tallies, totals = defaultdict(am.Tally), __import__("collections").Counter()
    pipe = _Pipe(kb_text)
    pipe.kb_id, pipe.place = kb_id, place
    am.mine(pipe, "news", [("shared:news/x.zip#0", "", text, published)], am.heads(), tallies, totals, RES)
    assert pipe.published == [published]   # each article runs with its date (context-dependent actors)
    return tallies, totals


def test_head_spans_stop_at_punctuation_and_skip_known_actors(am):
    tallies, totals = _mined(am, "أعلنت كتائب الفجر الجديد، وقوات النظام السوري الهجوم.", kb_text="قوات النظام السوري")
    keys = set(tallies["heads"].docs)
    assert fold_str("كتائب الفجر الجديد") in keys
    assert not any(k.startswith(fold_str("كتائب الفجر الجديد وقوات")) for k in keys)   # the comma ends it
    assert not any(k.startswith(fold_str("قوات")) for k in keys)   # a knowledge-base actor covers it
    assert totals["news:linked"] == 1 and totals["news:actor_mentions"] == 1
    assert list(tallies["linked"].docs) == ["actor:x"]


def test_a_linked_actor_of_another_country_than_the_reports_is_listed_for_reading(am):
    # Yemen's Houthis in a report about Syria (Idlib): listed; Syria's army there: not
    tallies, _ = _mined(am, "قصف الحوثيون مدينة إدلب.", kb_text="الحوثيون", kb_id="actor:houthis", place="إدلب")
    assert list(tallies["other_country"].docs) == [f"actor:houthis | {fold_str('الحوثيون')} | SY"]
    tallies, _ = _mined(am, "قصف الجيش السوري مدينة إدلب.", kb_text="الجيش السوري", kb_id="actor:saa", place="إدلب")
    assert list(tallies["other_country"].docs) == []
