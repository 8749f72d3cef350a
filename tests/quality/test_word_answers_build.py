"""`rasd data install` precomputes the per-word answers (rasd.kb.wordanswers.build): run here on
a few news articles over a copy of the installed data folder, so the real one is never touched."""
from __future__ import annotations

import shutil

import pytest

from rasd.kb import wordanswers
from rasd.kb.yamlfile import KNOWLEDGE_DIR
from rasd.settings import data_dir

BUILT_ON = 12    # articles the table is recorded on


@pytest.fixture(scope="module")
def built(shared, installed, tmp_path_factory):
    """A copy of the installed data folder with a word-answers table freshly built on a few news
    articles (a fresh table, whatever the state of the installed one)."""
    base = tmp_path_factory.mktemp("answers") / "data"
    shutil.copytree(data_dir(), base)
    (base / wordanswers.FILENAME).unlink(missing_ok=True)
    assert wordanswers.stale(base, KNOWLEDGE_DIR)
    counts = wordanswers.build(base, shared / "data" / "news", limit=BUILT_ON)
    return base, counts


def test_build_records_answers_that_load_until_an_input_changes(built, tmp_path):
    built_base, counts = built
    base = tmp_path / "data"
    shutil.copytree(built_base, base)
    assert counts["word answers"] > 100
    tables = wordanswers.load(base, KNOWLEDGE_DIR).tables
    assert {"mention_index.word", "ner_tagger.gate.word", "triggers.cue_starts", "triggers.openers"} <= set(tables)
    assert not wordanswers.stale(base, KNOWLEDGE_DIR)
    (base / "news_names.json").write_text((base / "news_names.json").read_text(encoding="utf-8") + " ",
                                          encoding="utf-8")
    assert wordanswers.stale(base, KNOWLEDGE_DIR) and wordanswers.load(base, KNOWLEDGE_DIR).tables == {}


def test_each_table_depends_on_the_code_that_answers_it_and_on_no_other(built, tmp_path):
    """Each table's fingerprint covers the modules and knowledge files its answers are worked out by
    (rasd.kb.answerdeps): a change there makes that table stale, a change elsewhere does not."""
    from rasd.kb.answerdeps import package_root

    base, counts = built
    deps = wordanswers.dependencies(base)
    every = set().union(*(d["code"] for d in deps.values()))
    assert counts["word answers modules"] == len(every)
    assert {"stages/mentions/index.py", "arabic/clitics.py", "kb/gazetteer.py"} <= set(deps["mention_index.word"]["code"])
    assert "ner/gate.py" in deps["ner_tagger.gate.word"]["code"]
    assert "stages/events/lexicon.py" in deps["triggers.cue_starts"]["code"]
    assert "stages/events/lexicon.py" not in deps["ner_tagger.gate.word"]["code"]
    assert {"triggers", "modality", "clitics"} <= set(deps["triggers.cue_starts"]["knowledge"])
    assert "triggers" not in deps["mention_index.word"]["knowledge"]
    assert not {"stages/worthiness/rules.py", "stages/eventcoref/rules.py", "stages/relations.py",
                "stages/geocode.py", "stages/events/roles.py"} & every
    assert not {"worthiness", "relations"} & set().union(*(d["knowledge"] for d in deps.values()))
    # the events lexicon reads eventcoref.yaml's back_references (a definite retelling noun, mend13):
    # the trigger tables depend on that file, the mention and NER tables do not
    assert {n for n, d in deps.items() if "eventcoref" in d["knowledge"]} == {n for n in deps if n.startswith("triggers.")}
    code = tmp_path / "rasd"
    shutil.copytree(package_root(), code, ignore=shutil.ignore_patterns("__pycache__"))
    kdir = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, kdir)

    def fps(**kw):
        return {name: wordanswers.fingerprint(base, kw.get("kdir", KNOWLEDGE_DIR), d, code) for name, d in deps.items()}

    fp = fps()
    assert fp == {name: wordanswers.fingerprint(base, KNOWLEDGE_DIR, d) for name, d in deps.items()}  # today's code
    for unrelated in ("stages/worthiness/rules.py", "stages/events/roles.py"):
        (code / unrelated).write_text((code / unrelated).read_text(encoding="utf-8") + "\n# edited\n",
                                      encoding="utf-8")
    assert fps() == fp
    for dep in sorted(every):
        before = (code / dep).read_bytes()
        (code / dep).write_bytes(before + b"\n# edited\n")
        now = fps()
        assert {n for n in deps if now[n] != fp[n]} == {n for n in deps if dep in deps[n]["code"]}, dep
        (code / dep).write_bytes(before)
    (kdir / "triggers.yaml").write_text((kdir / "triggers.yaml").read_text(encoding="utf-8") + "\n# edited\n",
                                        encoding="utf-8")
    now = fps(kdir=kdir)
    assert now["mention_index.word"] == fp["mention_index.word"] and now["triggers.cue_starts"] != fp["triggers.cue_starts"]
    (kdir / "eventcoref.yaml").write_text((kdir / "eventcoref.yaml").read_text(encoding="utf-8") + "\n# edited\n",
                                          encoding="utf-8")
    after = fps(kdir=kdir)
    assert after["mention_index.word"] == fp["mention_index.word"] and after["triggers.cue_starts"] != now["triggers.cue_starts"]


def test_the_output_is_the_same_with_and_without_the_answers(built, shared):
    """On news articles drawn twice as densely as those the table was recorded on: it answers most
    words of some and only some words of others."""
    from rasd.kb.resources import Resources
    from rasd.kb.wordanswers import WordAnswers
    from rasd.ner.clusters import news_texts
    from rasd.pipeline import Pipeline

    base, _ = built
    with_res = Resources(base)
    assert with_res.word_answers.tables, "the freshly built table did not load"
    with_ = Pipeline.build(with_res)
    without = Pipeline.build(Resources(base).provide(word_answers=WordAnswers()))
    texts = list(news_texts(shared / "data" / "news", 2 * BUILT_ON))
    assert len(texts) > BUILT_ON
    for text in texts:
        assert with_.run(text).to_json() == without.run(text).to_json()
