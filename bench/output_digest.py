"""A digest of the whole pipeline's output JSON per article, to compare two code versions.

    .venv/bin/python bench/output_digest.py OUT.tsv [--limit 1000] [--skip 0]

Runs the default pipeline over the first ``--limit`` SaudiNewsNet articles after ``--skip`` (the
held-out reports of annotations/test and annotations/valid (HELD_OUT_PARTS) left out, rasd.kb.heldout) and writes, per article, its index
and the SHA-256 of ``Doc.to_json(trace=True)`` (every stage's output, mentions with all their fields,
the events with their whys) as canonical JSON.  Run it with the code before and after a speed change
(``PYTHONPATH=OTHER_CHECKOUT``) and ``cmp`` the two files: a speed change leaves them equal.  A wider
sample than scripts/snapshot.py's and the traced JSON, not the exported one.  Prints the number of
articles and the CPU seconds; never passes or fails.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import time
from itertools import islice
from pathlib import Path

from rasd.kb.heldout import held_out
from rasd.pipeline import default_pipeline
from rasd.settings import shared_dir
from benchlib import articles  # noqa: E402 - bench/ is on sys.path when a script runs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--skip", type=int, default=0)
    a = ap.parse_args()
    shared = shared_dir()
    hold = held_out(shared / "data")
    pipe = default_pipeline()
    n, t0 = 0, time.process_time()
    with a.out.open("w", encoding="utf-8") as fh:
        for k, art in enumerate(islice(articles(shared / "data" / "news"), a.skip, a.skip + a.limit), a.skip):
            text = art.get("content") or ""
            if text in hold:
                continue
            doc = pipe.run(text)
            blob = json.dumps(doc.to_json(trace=True), ensure_ascii=False, sort_keys=True)
            fh.write(f"{k}\t{hashlib.sha256(blob.encode('utf-8')).hexdigest()[:16]}\n")
            n += 1
    print(f"articles {n}; CPU {time.process_time() - t0:.1f} s; digests in {a.out}")


if __name__ == "__main__":
    main()
