"""rasd's entities against the CRF on a validation slice of ANERcorp's CAMeL *train* half.

The installed CRF and given-name list have seen the whole train half, so their output there is
flattered.  ``build`` makes a validation data folder: a copy of an installed one (gazetteer,
clusters, place words) whose given-name list, CRF and likely-name word model (and, with ``--acceptor``,
the learned span acceptor) are rebuilt from the NER corpora less the last
``--hold`` sentences of the train half and their copies in NewsFANE/AQMAR (the CAMeL test half stays
out as always: rasd.ner.corpus.training_sentences).  ``score`` runs, with RASD_DATA_DIR set to that
folder, the CRF alone and rasd's whole pipeline on the held-out sentences and prints per-class
P/R/F1; ``--explain FILE`` writes every sentence where rasd and the gold differ, with the CRF's
spans and each rasd mention's reason, and prints the misses counted by kind.  The CAMeL test half
is never read here.

Each miss of a span the CRF alone had is put down to the component that lost it, from the NER
stage's trace (``notes.ner_spans``): "untagged (gate or window)", "held: a knowledge-base name /
a gazetteer place / a pattern mention", "rejected: <the acceptance rule>", "dropped: low
confidence" ….  ``score --likely T`` and ``--accept T`` set the thresholds of the learned seeds
(rasd.ner.likely) and of the learned acceptor (rasd.ner.acceptor; above 1: the hand rules).

    .venv/bin/python scripts/ner_validation.py build /tmp/rasd-val --from .rasd-data
    RASD_DATA_DIR=/tmp/rasd-val .venv/bin/python scripts/ner_validation.py score --explain /tmp/val.txt
"""
from __future__ import annotations

import argparse
import json
import shutil
from collections import Counter
from pathlib import Path

HOLD = 800
COPIED = ("gazetteer.pkl", "place_words.json", "ner_clusters.json", "NOTICE", "installed.json")


def build(out: Path, src: Path, ner_dir: Path, hold: int, acceptor: bool = False) -> None:
    from rasd.kb.gazetteer import load_gazetteer
    from rasd.kb.names import FILENAME, build_names, common_words
    from rasd.ner.acceptor import build as build_acceptor
    from rasd.ner.likely import FILENAME as LIKELY_FILE
    from rasd.ner.likely import build as build_likely
    from rasd.stages.ner import stage_for
    from rasd.ner.corpus import training_sentences
    from rasd.ner.resources import lexicons
    from rasd.ner.train import CRF_CORPORA, MODEL, train

    out.mkdir(parents=True, exist_ok=True)
    for f in COPIED:
        shutil.copy2(src / f, out / f)
    print(build_names(ner_dir, out / FILENAME, validation=hold))
    names = json.loads((out / FILENAME).read_text(encoding="utf-8"))
    data = training_sentences(ner_dir, CRF_CORPORA, validation=hold)
    gaz = load_gazetteer(out)
    lex = lexicons(out, gaz)
    print(train(data, lex, out / MODEL, name_counts=names["counts"], min_count=names["min_count"]))
    print(build_likely([s for _, s in data.sentences], lex, common_words(out), out / LIKELY_FILE))
    if acceptor:
        print(build_acceptor(data, lex, out, train, stage_for, names))
    print(f"held out {len(data.held_out)} sentences; dropped as copies: {data.dropped}")


def _line(name: str, t: dict) -> str:
    return name + "  " + "  ".join(f"{c} {t[c]['p']:.3f}/{t[c]['r']:.3f}/{t[c]['f1']:.3f}"
                                   for c in ("PERS", "LOC", "ORG", "micro"))


def score(ner_dir: Path, hold: int, explain: Path | None, limit: int | None) -> None:
    from rasd import check_input
    from rasd.kb.resources import default_resources
    from rasd.ner.camel import CHUNK, _join, gold_spans, lead_words, predicted, state_names
    from rasd.ner.corpus import training_sentences
    from rasd.ner.evaluate import Counts
    from rasd.pipeline import default_pipeline

    held = training_sentences(ner_dir, (), validation=hold).held_out[:limit]
    res = default_resources()
    tagger = res.ner_tagger.tagger
    is_state = state_names(res.gazetteer)
    lead = lead_words(res)

    windows: list[tuple[int, int]] = []   # the CRF's windows in the last text run
    verdicts: list[dict] = []             # what the stage made of each span the CRF proposed there

    def extract(text: str) -> dict:
        check_input(text, {})
        d = default_pipeline().run(text).to_json(trace=True)
        notes = d["trace"]["notes"]
        windows[:] = [tuple(w) for t in notes.get("ner", []) for w in t["windows"]]
        verdicts[:] = notes.get("ner_spans", [])
        return d

    crf, rasd = Counts(), Counts()
    kinds: Counter = Counter()
    lines: list[str] = []
    for k in range(0, len(held), CHUNK):
        chunk = held[k:k + CHUNK]
        preds = predicted(chunk, extract, is_state, lead)
        _, offsets, sent_of = _join(chunk)
        for si, (s, pm) in enumerate(zip(chunk, preds)):
            base = sent_of.index(si)

            def tagged(x: tuple) -> str:
                a, b = offsets[base + x[0]][0], offsets[base + x[1] - 1][1]
                if not any(wa <= a and b <= wb for wa, wb in windows):
                    return "untagged (gate or window)"
                same = [v for v in verdicts if v["span"] == [a, b]]
                if same:
                    v = same[0]
                    return v["verdict"] + ("" if v["cls"] == x[2] else f" (as {v['cls']})")
                over = [v for v in verdicts if v["span"][0] < b and v["span"][1] > a]
                if over:
                    return "window read another extent: " + over[0]["verdict"]
                return "window read no span"
            toks = [t for t, _ in s]
            g = gold_spans(s)
            c = {(x.start, x.end, x.cls) for x in tagger.spans(toks)}
            p = set(pm)
            crf.add(g, c)
            rasd.add(g, p)
            if g == p:
                continue
            lines.append(" ".join(f"{n}:{t}" for n, t in enumerate(toks)))
            for x in sorted(g - p):
                kind = _miss_kind(x, p, c) + ("; " + tagged(x) if x in c else "")
                kinds["FN " + kind] += 1
                lines.append(f"  FN {x[2]} {' '.join(toks[x[0]:x[1]])}  [{kind}]")
            for x in sorted(p - g):
                kind = _fp_kind(x, g, c)
                m = pm[x]
                src = m.get("kb_id") or ("ner" if (m.get("why") or "").startswith("statistical") else
                                         "pattern" if m.get("pattern") else "kb/gaz")
                kinds[f"FP {kind} ({src})"] += 1
                lines.append(f"  FP {x[2]} {' '.join(toks[x[0]:x[1]])}  [{kind}; {src}; {m['type']}; "
                             f"{(m.get('why') or '')[:90]}]")
            lines.append("  CRF: " + "; ".join(f"{x[2]} {' '.join(toks[x[0]:x[1]])}" for x in sorted(c)))
    print(f"{len(held)} held-out sentences")
    print(_line("CRF ", crf.table()))
    print(_line("rasd", rasd.table()))
    for kind, n in kinds.most_common():
        print(f"{n:5d}  {kind}")
    if explain:
        explain.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _miss_kind(x: tuple, pred: set, crf: set) -> str:
    """Why a gold span is not among rasd's: what rasd has over its tokens, and whether the CRF had it."""
    over = [p for p in pred if p[0] < x[1] and p[1] > x[0]]
    crf_has = "CRF had it" if x in crf else "CRF missed"
    if not over:
        return f"nothing; {crf_has}"
    if any(p[:2] == x[:2] for p in over):
        return f"retyped; {crf_has}"
    return f"other extent; {crf_has}"


def _fp_kind(x: tuple, gold: set, crf: set) -> str:
    over = [g for g in gold if g[0] < x[1] and g[1] > x[0]]
    crf_has = "CRF too" if x in crf else "not CRF"
    if not over:
        return f"no gold name; {crf_has}"
    if any(g[:2] == x[:2] for g in over):
        return f"wrong type; {crf_has}"
    return f"wrong extent; {crf_has}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("out", type=Path)
    b.add_argument("--from", dest="src", type=Path, default=Path(".rasd-data"))
    b.add_argument("--acceptor", action="store_true", help="also cross-fit the span acceptor (rasd.ner.acceptor), "
                   "which install does not fit: it did not beat the hand rules here")
    s = sub.add_parser("score")
    s.add_argument("--explain", type=Path)
    s.add_argument("--limit", type=int)
    s.add_argument("--likely", type=float, help="the learned seeds' threshold (rasd.ner.likely.THRESHOLD)")
    s.add_argument("--accept", type=float, help="the learned acceptor's threshold (rasd.ner.acceptor.THRESHOLD); "
                   "above 1: the hand rules decide")
    for p in (b, s):
        p.add_argument("--ner", type=Path, default=Path("../shared/data/ner"))
        p.add_argument("--hold", type=int, default=HOLD)
    a = ap.parse_args()
    if a.cmd == "build":
        build(a.out, a.src, a.ner, a.hold, a.acceptor)
    else:
        if a.likely is not None:
            from rasd.ner import likely
            likely.THRESHOLD = a.likely
        if a.accept is not None:
            from rasd.ner import acceptor
            if a.accept > 1:
                acceptor.VERSION = -1      # no acceptor loads: the hand rules decide
            acceptor.THRESHOLD = a.accept
        score(a.ner, a.hold, a.explain, a.limit)


if __name__ == "__main__":
    main()
