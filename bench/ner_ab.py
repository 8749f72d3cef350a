"""The ner stage's code against another version of it, in one process, in alternation: CPU ms per
article, cold (a fresh tagger with its word table and a fresh gate) and warm (the same documents
again), and whether both gave the same mentions.

    .venv/bin/python bench/ner_ab.py --base DIR [--limit 400] [--rounds 4]

``DIR`` holds another checkout's tree (``git archive REV | tar -x -C DIR``); its
``rasd/stages/ner.py`` and ``rasd/ner/gate.py`` are loaded beside this checkout's and given the
same tagger model, lexicons and gate words.  The rest of the pipeline runs once, up to the ner
stage, on the first ``--limit`` SaudiNewsNet articles after a 20-article warm-up.  Variants
alternate within each round (each going first by turns), so a shared and noisy machine disturbs
both alike; compare the minima.  Prints figures; never passes or fails.
"""
from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import sys
import time
from pathlib import Path

import rasd.ner.gate as gate_new
import rasd.stages.ner as ner_new
from rasd.ner.gate import Gate
from rasd.ner.tag import Tagger
from rasd.ner.wordtable import FILENAME
from rasd.pipeline import default_pipeline
from rasd.settings import shared_dir
from benchlib import docs_before  # noqa: E402 - bench/ is on sys.path when a script runs

WARM_UP = 20


def load_module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module          # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", type=Path, required=True, help="the other version's tree")
    ap.add_argument("--limit", type=int, default=400, help="articles (default 400)")
    ap.add_argument("--rounds", type=int, default=4, help="rounds of both variants (default 4)")
    args = ap.parse_args()
    shared = shared_dir()
    if shared is None:
        raise SystemExit("no ../shared folder beside the checkout (set RASD_SHARED)")
    ner_base = load_module("ner_base", args.base / "rasd" / "stages" / "ner.py")
    gate_base = load_module("gate_base", args.base / "rasd" / "ner" / "gate.py")
    pipe = default_pipeline()
    res = pipe.stages[0].resources
    loaded = res.ner_tagger
    docs = [(d, list(d.mentions)) for d in docs_before(pipe, "ner", shared / "data" / "news", WARM_UP, WARM_UP + args.limit)]
    words = {f.name: getattr(loaded.gate, f.name) for f in dataclasses.fields(Gate)}
    t = loaded.tagger

    def make(stage_module, gate_module):
        tagger = Tagger(t._model_path, t.lex, table=res.data_dir / FILENAME, letters=t._letters)
        stage = stage_module.NerStage(tagger, gate_module.Gate(**words), loaded.min_confidence,
                                      loaded.override_confidence, lists=loaded.lists, common=loaded.common,
                                      words={n: getattr(loaded, a) for a, n in stage_module.RULE_WORDS.items()})
        stage.org_words = loaded.org_words
        return stage

    def one_pass(stage) -> float:
        t0 = time.process_time()
        for doc, mentions in docs:
            doc.mentions = list(mentions)
            stage(doc)
        return 1000 * (time.process_time() - t0) / max(1, len(docs))

    spent: dict[str, tuple[list[float], list[float]]] = {"base": ([], []), "this": ([], [])}
    out = {}
    variants = [("base", ner_base, gate_base), ("this", ner_new, gate_new)]
    for r in range(args.rounds):
        for name, sm, gm in (variants if r % 2 == 0 else variants[::-1]):    # each goes first by turns
            stage = make(sm, gm)
            spent[name][0].append(one_pass(stage))
            spent[name][1].append(one_pass(stage))
            out[name] = [[(m.start, m.end, m.type, m.confidence, m.why) for m in d.mentions] for d, _ in docs]
    print(f"articles {len(docs)}; ner stage CPU ms per article, {args.rounds} rounds")
    for name, (cold, warm) in spent.items():
        print(f"  {name:<5} cold min {min(cold):.2f} ({' '.join(f'{x:.2f}' for x in cold)})   "
              f"warm min {min(warm):.2f} ({' '.join(f'{x:.2f}' for x in warm)})")
    print(f"same mentions and reasons: {out['base'] == out['this']}")


if __name__ == "__main__":
    main()
