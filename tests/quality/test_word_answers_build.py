"""`rasd data install` precomputes the per-word answers (rasd.kb.wordanswers.build): run here on
a few news articles over a copy of the installed data folder, so the real one is never touched."""
from __future__ import annotations

import shutil

from rasd.kb import wordanswers
from rasd.kb.yamlfile import KNOWLEDGE_DIR
from rasd.settings import data_dir


def test_build_records_answers_that_load_until_an_input_changes(shared, installed, tmp_path):
    base = tmp_path / "data"
    shutil.copytree(data_dir(), base)
    (base / wordanswers.FILENAME).unlink(missing_ok=True)
    assert wordanswers.stale(base, KNOWLEDGE_DIR)
    counts = wordanswers.build(base, shared / "data" / "news", limit=12)
    assert counts["word answers"] > 100
    tables = wordanswers.load(base, KNOWLEDGE_DIR).tables
    assert {"mention_index.word", "ner_tagger.gate.word", "triggers.cue_starts"} <= set(tables)
    assert not wordanswers.stale(base, KNOWLEDGE_DIR)
    (base / "news_names.json").write_text((base / "news_names.json").read_text(encoding="utf-8") + " ",
                                          encoding="utf-8")
    assert wordanswers.stale(base, KNOWLEDGE_DIR) and wordanswers.load(base, KNOWLEDGE_DIR).tables == {}
