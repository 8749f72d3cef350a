"""Doc.to_json / Doc.from_json round-trips, with and without the trace section."""
from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.doc import Doc, Mention


def _round(doc_json: dict) -> dict:
    return json.loads(json.dumps(doc_json, ensure_ascii=False))


def test_pipeline_output_round_trips(installed):
    from rasd.pipeline import default_pipeline

    doc = default_pipeline().run("قصفت قوات النظام بلدة كفرنبل في ريف إدلب الجنوبي، وقال المرصد إن "
                                 "ثلاثة مدنيين قتلوا. وأضافت المصادر أن الطيران الروسي شارك.",
                                 published="2020-03-10", outlet="test")
    full = doc.to_json(trace=True)
    back = Doc.from_json(_round(full))
    assert back.to_json(trace=True) == full
    assert back.to_json() == doc.to_json()
    assert back.stages == doc.stages and back.raw == doc.raw
    # the entities' mentions are the document's mentions again, not copies
    assert all(any(m is d for d in back.mentions) for e in back.entities for m in e.mentions
               if not m.anaphor)
    plain = Doc.from_json(_round(doc.to_json()))
    assert plain.to_json() == doc.to_json() and plain.mentions == []


@settings(max_examples=50)
@given(st.lists(st.tuples(st.integers(0, 20), st.integers(1, 5), st.sampled_from(["PLACE", "ACTOR"]),
                          st.booleans(), st.none() | st.text(max_size=5)), max_size=5))
def test_mentions_round_trip(specs):
    text = "ابجد هوز حطي كلمن سعفص قرشت ثخذ ضظغ"
    ms = [Mention(s, s + n, text[s:s + n], t, short=short, why=why, tok=(s, s + 1), alts=["actor:x"])
          for s, n, t, short, why in specs]
    assert [Mention.from_json(_round(m.to_json())) for m in ms] == ms


def test_token_columns_are_the_tokens_fields_whichever_is_asked_first():
    from rasd.doc import Doc

    text = "قُتل ٣ مدنيين بريفِ «حلب» الشمالي."
    for first in ("tokens", "keys", "token_starts", "token_ends"):
        doc = Doc(text)
        getattr(doc, first)
        toks = doc.tokens
        assert doc.keys == [t.key for t in toks]
        assert doc.token_starts == [t.start for t in toks]
        assert doc.token_ends == [t.end for t in toks]
        assert [text[a:b] for a, b in zip(doc.token_starts, doc.token_ends)] == \
            ["قُتل", "٣", "مدنيين", "بريفِ", "حلب", "الشمالي"]


def test_the_reading_table_reads_each_asked_form_once_with_the_current_letters():
    from dataclasses import replace

    from rasd.arabic import clitics
    from rasd.doc import Doc

    doc = Doc("قصفت الطائرات وبريف حلب وللمعارضة مواقع بريف حلب.")
    assert [doc.readings[k] for k in doc.keys] == [clitics.readings(k) for k in doc.keys]
    assert doc.readings[doc.keys[3]] is doc.readings[doc.keys[7]]     # حلب twice: one reading
    L = clitics.letters()
    no_bi = clitics.Clitics(replace(L, preps=tuple(p for p in L.preps if p != L.bi)))
    other = Doc("مواقع بريف حلب")
    with clitics.using(no_bi):    # the Clitics current when the table is first asked for
        assert "ريف" not in [s for _, s in other.readings[other.keys[1]]]
