"""End to end over ../shared with the real pipeline: the seed twice under two outlets, a news subset.

These pass once rasd.extract works; they skip when ../shared is absent.
"""
import sqlite3
from itertools import islice

import pytest

from rasd.settings import shared_dir

SHARED = shared_dir()
pytestmark = pytest.mark.skipif(SHARED is None, reason="needs ../shared (set RASD_SHARED): reads the seed and news")


def test_seed_twice_under_two_outlets_gives_each_event_two_sources(tmp_path):
    import json
    from rasd.ingest.run import ingest
    from rasd.store import Store

    [seed] = sorted((SHARED / "corpus" / "seed").glob("*.txt"))
    text = seed.read_text(encoding="utf-8")
    src = tmp_path / "seed.jsonl"
    src.write_text("".join(json.dumps({"text": text, "outlet": o}, ensure_ascii=False) + "\n"
                           for o in ("outlet-a", "outlet-b")), encoding="utf-8")
    with Store(tmp_path / "db") as store:
        s = ingest([str(src)], store)
        assert (s.stored, s.duplicates) == (1, 1)
        doc = store.document(1)
        rows = store.event_rows()
    assert doc["events"], "the pipeline found no event in the seed report"
    assert len(rows) == len(doc["events"]) and all(r["sources"] == 2 for r in rows)


def test_news_subset_killed_and_restarted_equals_one_run(tmp_path):
    import json
    from rasd.ingest.run import ingest
    from rasd.ingest.sources import read_source
    from rasd.store import Store

    src = tmp_path / "news.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for raw in islice(read_source(str(SHARED / "data" / "news")), 60):
            fh.write(json.dumps({"text": raw.text, "outlet": raw.outlet, "url": raw.url,
                                 "published": raw.published}, ensure_ascii=False) + "\n")

    class Killed(Exception):
        pass

    def kill(summary):
        if summary.read >= 20:
            raise Killed

    with Store(tmp_path / "one.db") as store:
        whole = ingest([str(src)], store, workers=2, batch=10)
    assert whole.read == 60 == whole.stored + whole.duplicates + whole.quarantined
    assert whole.stored > 0, f"nothing stored: {dict(whole.reasons)}"
    with Store(tmp_path / "two.db") as store:
        with pytest.raises(Killed):
            ingest([str(src)], store, workers=2, batch=10, progress=kill)
        ingest([str(src)], store, workers=2, batch=10)

    def dump(db):
        c = sqlite3.connect(db)
        return [c.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
                for t in ("reports", "sources", "events", "merged_events", "near_duplicates")]
    assert dump(tmp_path / "one.db") == dump(tmp_path / "two.db")
