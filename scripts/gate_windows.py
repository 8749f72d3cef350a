"""Each CRF window the NER stage tags on unlabelled news, with the gate's reason, cheap features of
its seed words, and whether it added a mention (issue 11 item 1 / issue 8 item 1: spend the CRF
where it pays).

    .venv/bin/python scripts/gate_windows.py --saudi 1000 --mayadeen 500 --out /tmp/windows.jsonl

The first ``--saudi`` SaudiNewsNet articles (archive order) and the first ``--mayadeen`` Al Mayadeen
articles (held-out reports left out) are run through the stages before ner, then the ner stage,
logging one JSON line per window (reason, words, unknown words, mentions added); the totals are printed.
The log holds article words: write it outside the repository.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import zipfile
from pathlib import Path

from rasd.errors import RasdError
from rasd.kb.heldout import held_out
from rasd.kb.resources import default_resources
from rasd.pipeline import Pipeline, run_stage
from rasd.registry import STAGES

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import data_or_exit  # noqa: E402


def articles(root: Path, saudi: int, mayadeen: int, skip):
    n = 0
    for p in sorted((root / "news").glob("*.zip")):
        with zipfile.ZipFile(p) as z:
            for member in sorted(z.namelist()):
                if member.endswith(".json"):
                    for a in json.loads(z.read(member)):
                        if n >= saudi:
                            break
                        if (a.get("content") or "") in skip:
                            continue
                        n += 1
                        yield "saudi", a
    n = 0
    for p in sorted((root / "news2").glob("*.jsonl.gz")):
        with gzip.open(p, "rt", encoding="utf-8") as f:
            for line in f:
                if n >= mayadeen:
                    return
                a = json.loads(line)
                if (a.get("content") or "") in skip:
                    continue
                n += 1
                yield "mayadeen", a


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--saudi", type=int, default=1000)
    ap.add_argument("--mayadeen", type=int, default=500)
    ap.add_argument("--out", type=Path, default=Path("/tmp/gate_windows.jsonl"))
    a = ap.parse_args()
    res = default_resources()
    names = list(STAGES)
    before = Pipeline.build(res, names=names[:names.index("ner")])
    docs = []
    for corpus, art in articles(data_or_exit(), a.saudi, a.mayadeen, held_out(data_or_exit())):
        text = ((art.get("title") or "") + "\n\n" + (art.get("content") or "")).strip()
        if not text:
            continue
        try:
            docs.append((corpus, before.run(text)))
        except RasdError:
            continue
    ner = STAGES["ner"](res)
    stage = res.ner_tagger
    gate = stage.gate
    rows = []
    orig_tag = stage._tag
    state = {}

    def tag(doc, sent, owner, reason, added, dropped, spans=None, verdicts=None):
        n0, d0 = len(added), len(dropped)
        orig_tag(doc, sent, owner, reason, added, dropped, spans, verdicts)
        state["hit"][sent[0].start if sent else -1] = (len(added) - n0, len(dropped) - d0, [m.text for m in added[n0:]])
    stage._tag = tag
    out = a.out.open("w")
    total = {"docs": 0, "windows": 0, "kept": 0}
    for corpus, doc in docs:
        state["hit"] = {}
        state["jobs"] = None
        doc.notes.pop("ner", None)
        doc = run_stage(ner, doc)
        total["docs"] += 1
        keys = doc.keys
        for t in doc.notes.get("ner", []):
            for s, e in t["windows"]:
                # window words
                ws = [k for k, st in enumerate(doc.token_starts) if st >= s and doc.token_ends[k] <= e]
                got = state["hit"].get(s, (0, 0, []))
                unk = [keys[k] for k in ws if gate.unknown(keys[k])]
                rows.append(1)
                total["windows"] += 1
                total["kept"] += got[0] > 0
                out.write(json.dumps({"corpus": corpus, "why": t["why"], "n": len(ws), "unknown": unk,
                                      "words": [keys[k] for k in ws], "added": got[0], "dropped": got[1],
                                      "texts": got[2]}, ensure_ascii=False) + "\n")
    print(total)


if __name__ == "__main__":
    main()
