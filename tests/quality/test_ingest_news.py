"""End to end over ../shared with the real pipeline: the seed twice under two outlets, a news subset.

They need ../shared and the installed data: the `shared` and `installed` fixtures skip without
them on a developer's machine and fail under CI (design §12).
"""
import sqlite3
from itertools import islice

import pytest


@pytest.fixture(autouse=True)
def _needs(installed):
    return installed


def _dump(db) -> list:
    """Every stored row, for comparing two databases."""
    c = sqlite3.connect(db)
    return [c.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
            for t in ("reports", "sources", "events", "merged_events", "near_duplicates")]


def test_seed_twice_under_two_outlets_gives_each_event_two_sources(tmp_path, shared):
    import json

    from rasd.ingest.run import ingest
    from rasd.store import Store

    [seed] = sorted((shared / "corpus" / "seed").glob("*.txt"))
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


def test_news_subset_killed_and_restarted_equals_one_run(tmp_path, shared):
    import json

    from rasd.ingest.run import ingest
    from rasd.ingest.sources import read_source
    from rasd.store import Store

    src = tmp_path / "news.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for raw in islice(read_source(str(shared / "data" / "news")), 60):
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

    assert _dump(tmp_path / "one.db") == _dump(tmp_path / "two.db")


def test_ingest_killed_with_sigkill_and_rerun_equals_one_run(tmp_path, shared):
    """A real crash: `rasd ingest` is killed (SIGKILL) mid-run, run again, and ends with the same
    database as an uninterrupted run."""
    import json
    import os
    import signal
    import subprocess
    import sys
    import time

    from rasd.ingest.sources import read_source

    src = tmp_path / "news.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for raw in islice(read_source(str(shared / "data" / "news")), 400):
            fh.write(json.dumps({"text": raw.text, "outlet": raw.outlet, "url": raw.url,
                                 "published": raw.published}, ensure_ascii=False) + "\n")
    cmd = [sys.executable, "-m", "rasd.cli.main", "ingest", str(src), "--workers", "1", "--batch", "20"]
    env = dict(os.environ)
    subprocess.run(cmd + ["--db", str(tmp_path / "one.db")], check=True, capture_output=True, env=env, timeout=600)

    killed = tmp_path / "two.db"
    proc = subprocess.Popen(cmd + ["--db", str(killed)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.time() + 300
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            c = sqlite3.connect(f"file:{killed}?mode=ro", uri=True, timeout=1)
            stored = c.execute("SELECT count(*) FROM reports").fetchone()[0]
            c.close()
        except sqlite3.Error:
            continue
        if stored >= 40:
            break
    assert proc.poll() is None, "the ingest finished before it could be killed; give it more input"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < stored < 400
    subprocess.run(cmd + ["--db", str(killed)], check=True, capture_output=True, env=env, timeout=600)

    assert _dump(tmp_path / "one.db") == _dump(killed)
