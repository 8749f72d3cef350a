"""`rasd data install` on unchanged data refreshes the NER word table (rasd.ner.train.
refresh_word_table): a missing table is rebuilt from the news and then loads; a current one is
left alone.  Run on a copy of the installed data folder, so the real one is never touched."""
from __future__ import annotations

import shutil

from rasd.kb.gazetteer import load_gazetteer
from rasd.ner.tag import Tagger
from rasd.ner.train import MODEL, refresh_word_table
from rasd.ner.wordtable import FILENAME
from rasd.settings import data_dir


def test_a_missing_word_table_is_rebuilt_and_a_current_one_kept(shared, installed, tmp_path):
    base = tmp_path / "data"
    shutil.copytree(data_dir(), base)
    (base / FILENAME).unlink(missing_ok=True)
    gaz = load_gazetteer(base)
    built = refresh_word_table(base, shared / "data" / "news", gaz)
    assert built and (base / FILENAME).is_file()
    from rasd.ner.resources import lexicons

    tagger = Tagger(base / MODEL, lexicons(base, gaz, None), table=base / FILENAME)
    assert tagger.table_words > 10_000          # the rebuilt table loads (its fingerprint matches)
    stamp = (base / FILENAME).stat().st_mtime_ns
    assert refresh_word_table(base, shared / "data" / "news", gaz) == {}
    assert (base / FILENAME).stat().st_mtime_ns == stamp
