"""Pipeline assembly (design §2): stages are components over a Resources; out of order fails at
build time naming both stages; requirements and assignments are checked at run; a pipeline
pickles as paths and config and rebuilds in another process."""
from __future__ import annotations

import multiprocessing
import pickle
import re

import pytest

from rasd.doc import Doc
from rasd.errors import PipelineError
from rasd.kb.resources import Resources
from rasd.pipeline import Pipeline, Stage, check_order, run_stage
from rasd.registry import STAGES

RES = Resources("/nonexistent-rasd-data")


def stage(name: str, requires=(), assigns=(), does=None) -> Stage:
    """A one-off component that appends its name to doc.warnings and then runs ``does``."""
    def call(self, doc: Doc) -> Doc:
        doc.warnings.append(name)
        return does(doc) if does else doc
    cls = type(f"S_{name}", (Stage,), {"name": name, "requires": tuple(requires), "assigns": tuple(assigns),
                                      "__call__": call})
    return cls(RES)


def test_out_of_order_names_both_stages():
    with pytest.raises(PipelineError) as e:
        Pipeline([stage("tagger", ("sentences",)), stage("splitter", (), ("sentences",))])
    assert "'tagger'" in e.value.message and "'splitter'" in e.value.message
    assert e.value.code == PipelineError.code and e.value.hint


def test_registered_stages_out_of_order():
    order = ("clean", "sentences", "mentions", "link", "geocode", "events", "corefer")
    with pytest.raises(PipelineError, match="'events'.*'corefer'|'events' needs 'entities\\[PLACE\\].geo'"):
        Pipeline([STAGES[n](RES) for n in ("clean", "sentences", "mentions", "link", "events", "geocode")])
    Pipeline([STAGES[n](RES) for n in order])    # events needs geocode, not corefer: this order is allowed


def test_unmet_requirement_names_the_stage():
    with pytest.raises(PipelineError, match="'b' needs 'text', which no stage assigns"):
        Pipeline([stage("a", (), ("sentences",)), stage("b", ("text",))])


def test_paths_must_be_doc_attributes():
    with pytest.raises(PipelineError, match="'tokenz' is not a Doc attribute path"):
        check_order([stage("a", (), ("tokenz",))])


def test_dropping_a_provider_breaks_the_default_order():
    order = [cls(RES) for cls in STAGES.values()]
    for st in order:
        for need in st.requires:
            if need in ("raw", "source"):
                continue
            without = [s for s in order if need not in s.assigns]
            with pytest.raises(PipelineError, match=f"needs '{re.escape(need)}'"):
                Pipeline(without)


def test_run_checks_what_a_stage_assigns():
    forgetful = stage("forgetful", (), ("sentences",), does=lambda d: setattr(d, "sentences", None) or d)
    with pytest.raises(PipelineError, match="'forgetful' did not assign 'sentences'"):
        Pipeline([forgetful]).run("نص")


def test_run_checks_typed_paths():
    from rasd.doc import Entity
    place = Entity("E1", "PLACE", "حلب", None, None, [])

    def add(d):
        d.entities = [place]
        return d
    with pytest.raises(PipelineError, match="did not assign 'entities\\[PLACE\\].geo'.*E1 has no geo"):
        Pipeline([stage("g", (), ("entities[PLACE].geo",), does=add)]).run("نص")


def test_run_checks_requirements_of_a_lone_stage():
    doc = Doc("نص")
    doc.sentences = None
    with pytest.raises(PipelineError, match="'b' needs 'sentences'"):
        run_stage(stage("b", ("sentences",)), doc)


def test_a_stage_must_return_a_doc():
    with pytest.raises(PipelineError, match="returned NoneType"):
        Pipeline([stage("lost", does=lambda d: None)]).run("نص")


def test_run_applies_stages_in_order_and_records_them(tmp_path):
    pipe = Pipeline([stage("a", (), ("text",)), stage("b", ("text",))])
    doc = pipe.run("نص", trace=tmp_path / "trace", published="2024-05-01", outlet="o")
    assert doc.stages == ["a", "b"] and doc.warnings == ["a", "b"]
    assert doc.source["published"] == "2024-05-01" and doc.source["outlet"] == "o"
    assert sorted(p.name for p in (tmp_path / "trace").iterdir()) == ["01-a.json", "02-b.json"]


def test_a_trace_or_explain_asks_the_stages_for_their_trace_only_notes(tmp_path):
    seen = []
    pipe = Pipeline([stage("a", (), ("text",), does=lambda d: seen.append(d.explain) or d)])
    pipe.run("نص")
    pipe.run("نص", explain=True)
    doc = pipe.run("نص", trace=tmp_path / "trace")
    assert seen == [False, True, True]
    assert Doc.from_json(doc.to_json(trace=True)).explain and not Doc.from_json(doc.to_json()).explain


def test_stage_settings_are_checked_and_kept():
    from rasd.stages.geocode import Geocode

    assert Geocode(RES, rounds=1).config == {"rounds": 1, "same_place_km": 10.0}
    with pytest.raises(PipelineError, match="no setting \\['round'\\]"):
        Geocode(RES, round=1)
    with pytest.raises(PipelineError, match="no stage called 'geocoder'"):
        Pipeline.build(RES, config={"geocoder": {}})


def test_pipeline_pickles_as_paths_and_config():
    pipe = Pipeline.build(RES, config={"geocode": {"rounds": 2}})
    _ = RES.numbers                       # a built part is not pickled
    blob = pickle.dumps(pipe)
    assert len(blob) < 2000
    back = pickle.loads(blob)
    assert back.names == pipe.names and back.stage("geocode").config["rounds"] == 2
    assert back.stages[0].resources is back.stages[-1].resources     # one Resources per pipeline
    assert back.stages[0].resources.data_dir == RES.data_dir and back.stages[0].resources._built == {}


def _names_in_worker(pipe: Pipeline) -> list[str]:
    return pipe.names + [type(pipe.stages[0].resources.numbers).__name__]


def test_pipeline_rebuilds_in_a_spawned_worker():
    pipe = Pipeline.build(RES)
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        got = pool.apply(_names_in_worker, (pipe,))
    assert got == [*pipe.names, "NumberLexicon"]


def test_extract_in_a_spawned_worker_equals_in_process(installed):
    import rasd
    from rasd.kb.resources import default_resources

    text = "قصفت قوات النظام بلدة كفرنبل في ريف إدلب الجنوبي، وقال المرصد السوري إن ثلاثة مدنيين قتلوا."
    pipe = Pipeline.build(default_resources())
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        got = pool.apply(_extract, (pipe, text))
    assert got == rasd.extract(text, published="2020-03-10")


def _extract(pipe: Pipeline, text: str) -> dict:
    return pipe.run(text, published="2020-03-10").to_json()


def test_threads_sharing_one_pipeline_give_the_outputs_of_one_thread(installed, shared):
    """The API extracts from a thread pool without a lock: a cold Resources (parts built lazily,
    caches empty) shared by 6 threads must give each report the output a lone thread gives it."""
    from concurrent.futures import ThreadPoolExecutor

    from rasd.settings import data_dir

    texts = [p.read_text(encoding="utf-8") for p in sorted((shared / "corpus" / "dev").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((shared / "corpus" / "seed").glob("*.txt"))]
    assert len(texts) >= 10
    alone = Pipeline.build(Resources(data_dir()))
    expected = [alone.run(t, published="2015-08-01").to_json() for t in texts]
    shared_pipe = Pipeline.build(Resources(data_dir()))
    with ThreadPoolExecutor(6) as pool:
        got = list(pool.map(lambda t: shared_pipe.run(t, published="2015-08-01").to_json(), texts * 2))
    assert got == expected * 2


def test_resources_build_a_part_once_when_threads_ask_together(monkeypatch):
    import time
    from concurrent.futures import ThreadPoolExecutor

    import rasd.kb.ontology as ontology

    calls = []
    real = ontology.load_ontology

    def slow(path):
        calls.append(path)
        time.sleep(0.05)   # a window in which other threads ask for the same part
        return real(path)

    monkeypatch.setattr(ontology, "load_ontology", slow)
    res = Resources("/nonexistent-rasd-data")
    with ThreadPoolExecutor(8) as pool:
        parts = list(pool.map(lambda _: res.ontology, range(16)))
    assert len(calls) == 1 and all(p is parts[0] for p in parts)


def test_two_pipelines_over_two_knowledge_dirs_in_one_process_do_not_leak(installed, tmp_path):
    """The whole pipeline over the installed data with the packaged knowledge, and again with a
    clitics.yaml whose prepositions lack ب, in one process and interleaved: ب+ريف reads as ريف
    (a region phrase) only in the first, and the first's output is the same before and after the
    second has run."""
    import shutil

    import yaml

    from rasd.kb.yamlfile import KNOWLEDGE_DIR
    from rasd.settings import data_dir

    knowledge = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, knowledge)
    path = knowledge / "clitics.yaml"
    letters = yaml.safe_load(path.read_text(encoding="utf-8"))
    letters["prepositions"] = [p for p in letters["prepositions"] if p != letters["bi"]]
    path.write_text(yaml.safe_dump(letters, allow_unicode=True), encoding="utf-8")

    text = "قصفت الطائرات بلدات بريف حلب الشمالي صباح اليوم."
    plain = Pipeline.build(Resources(data_dir()))
    edited = Pipeline.build(Resources(data_dir(), knowledge))

    def regions(pipe: Pipeline) -> list[str]:
        return [m.text for m in pipe.run(text).mentions if m.region]

    before = plain.run(text).to_json()
    assert regions(plain) == ["ريف حلب الشمالي"]
    assert regions(edited) == []
    assert plain.run(text).to_json() == before
