"""Pipeline assembly (design §2): out of order fails at build time naming both stages."""
from __future__ import annotations

import pytest

from rasd.doc import Doc
from rasd.errors import PipelineError
from rasd.pipeline import Pipeline, Stage
from rasd.registry import STAGES


def mark(name: str):
    def run(doc: Doc) -> Doc:
        doc.warnings.append(name)
        return doc
    return run


def test_out_of_order_names_both_stages():
    with pytest.raises(PipelineError) as e:
        Pipeline([Stage("tagger", mark("t"), ("tokens",), ()), Stage("splitter", mark("s"), (), ("tokens",))])
    assert "'tagger'" in e.value.message and "'splitter'" in e.value.message
    assert e.value.code == PipelineError.code and e.value.hint


def test_registered_stages_out_of_order():
    with pytest.raises(PipelineError, match="'events'.*'corefer'"):
        Pipeline([STAGES[n] for n in ("clean", "sentences", "mentions", "link", "geocode", "events", "corefer")])


def test_unmet_requirement_names_the_stage():
    with pytest.raises(PipelineError, match="'b' needs 'x', which no stage assigns"):
        Pipeline([Stage("a", mark("a"), (), ("y",)), Stage("b", mark("b"), ("x",), ())])


def test_dropping_a_provider_breaks_the_default_order():
    order = list(STAGES.values())
    for st in order:
        for need in st.requires:
            without = [s for s in order if need not in s.assigns]
            first = next(s for s in without if need in s.requires)   # ner and link both read mentions
            with pytest.raises(PipelineError, match=f"'{first.name}' needs '{need}'"):
                Pipeline(without)


def test_run_applies_stages_in_order_and_records_them(tmp_path):
    pipe = Pipeline([Stage("a", mark("a"), (), ("x",)), Stage("b", mark("b"), ("x",), ())])
    doc = pipe.run("نص", trace=tmp_path / "trace", published="2024-05-01", outlet="o")
    assert doc.stages == ["a", "b"] and doc.warnings == ["a", "b"]
    assert doc.source["published"] == "2024-05-01" and doc.source["outlet"] == "o"
    assert sorted(p.name for p in (tmp_path / "trace").iterdir()) == ["01-a.json", "02-b.json"]
