"""Where the `ner` stage's time goes: CPU ms per article of the stage and of its parts.

    .venv/bin/python bench/ner_parts.py [--limit 400]

One process, one core, the default pipeline over the first ``--limit`` SaudiNewsNet articles after
a warm-up on 20 (as bench/profile_stages.py runs them, so most words reach the tagger for the
first time).  Each part is timed with ``time.process_time`` around its own calls (the gate's
reading of a sentence, building the windows, the features of new words, the label scores, Viterbi,
marginals, the combination with the knowledge base's mentions, then the stage's later passes:
doubtful pattern persons, cued given names, run-on cuts, the one-name propagation, names opened);
the indented parts nest inside "tagging (all)" (every CRF call: ``spans_outside``, which
``spans_many`` calls), and "the stage loop itself" is the stage's time outside every top-level part.  Also prints how many windows, tokens, new words and spans the CRF saw.  Timers
add about a microsecond per call.  Prints figures; never passes or fails.
"""
from __future__ import annotations

import argparse
import time
from collections import defaultdict
from itertools import islice

import rasd.ner.tag as tag
import rasd.stages.ner as stage
from rasd.doc import Doc
from rasd.ner.gate import Gate
from rasd.pipeline import default_pipeline, run_stage
from rasd.settings import shared_dir
from benchlib import articles  # noqa: E402 - bench/ is on sys.path when a script runs

WARM_UP = 20


def timed(owner, name: str, label: str, spent: dict, counts: dict) -> None:
    """Replace ``owner.name`` by a wrapper adding its CPU seconds to ``spent[label]``."""
    f = getattr(owner, name)

    def wrapper(*a, **k):
        t0 = time.process_time()
        try:
            return f(*a, **k)
        finally:
            spent[label] += time.process_time() - t0
            counts[label] += 1

    setattr(owner, name, wrapper)


def table_load(tagger, res) -> None:
    """Print what the precomputed word table costs: CPU to load a tagger with and without it, the
    fingerprint's share, and the memory of the word table and cache."""
    from rasd.ner.wordtable import FILENAME

    path = res.data_dir / FILENAME
    t0 = time.process_time()
    bare = tag.Tagger(tagger._model_path, tagger.lex, letters=res.clitics.letters)
    t1 = time.process_time()
    full = tag.Tagger(tagger._model_path, tagger.lex, table=path, letters=res.clitics.letters)
    t2 = time.process_time()
    full.fingerprint()
    t3 = time.process_time()
    mb = (full._table.nbytes - bare._table.nbytes) / 2 ** 20
    print(f"word table: {full.table_words:,} words; tagger load {1000 * (t1 - t0):.0f} ms without, "
          f"{1000 * (t2 - t1):.0f} ms with it (fingerprint {1000 * (t3 - t2):.0f} ms); vectors {mb:.1f} MB")
    del bare, full


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=400, help="articles timed (default 400)")
    ap.add_argument("--no-table", action="store_true",
                    help="start the tagger without the precomputed word table (ner_words.npz), as before it")
    args = ap.parse_args()
    shared = shared_dir()
    if shared is None:
        raise SystemExit("no ../shared folder beside the checkout (set RASD_SHARED)")
    spent: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    parts = ((Gate, "read", "gate (reason and seeds)"), (stage, "_window", "windows built"),
             (tag.Tagger, "spans_outside", "tagging (all)"),
             (tag.Tagger, "scores", "  label scores (with new words)"),
             (tag, "word_features", "    features of new words"),
             (tag.Tagger, "_vectors", "    their weight vectors"),
             (tag.Tagger, "_add", "    into the word table"),
             (tag, "viterbi", "  Viterbi"), (tag, "marginals", "  marginals"),
             (stage.NerStage, "_tag", "combination with KB mentions"),
             (stage, "_windows", "window ranges merged"), (stage, "_tokens", "window lists as tokens"),
             (stage.NerStage, "_doubtful_persons", "doubtful pattern persons"),
             (stage.NerStage, "_cued_tier", "cued given names"), (stage.NerStage, "_cut_run_ons", "run-on names cut"),
             (stage.NerStage, "_propagate", "one-name propagation"), (stage.NerStage, "_open_names", "names opened"))
    # the parts called from the stage's own loop (no nesting among them): the rest is the loop itself
    top = ("gate (reason and seeds)", "windows built", "tagging (all)", "combination with KB mentions",
           "window ranges merged", "window lists as tokens", "doubtful pattern persons",
           "cued given names", "run-on names cut", "one-name propagation",
           "names opened")
    for owner, name, label in parts:
        timed(owner, name, label, spent, counts)
    seen: dict[str, int] = defaultdict(int)
    many = tag.Tagger.spans_outside

    def spans_outside(self, windows, want=()):
        out = many(self, windows, want)
        seen["windows"] += len(windows)
        seen["tokens"] += sum(map(len, windows))
        seen["spans"] += sum(map(len, out[0]))
        return out

    tag.Tagger.spans_outside = spans_outside
    pipe = default_pipeline()
    res = next(st for st in pipe.stages if st.name == "ner").resources
    tagger = res.ner_tagger.tagger
    table_load(tagger, res)
    if args.no_table:
        fresh = tag.Tagger(tagger._model_path, tagger.lex, letters=res.clitics.letters)
        tagger._cache, tagger._table, tagger._rows = fresh._cache, fresh._table, fresh._rows
    batch = list(islice(articles(shared / "data" / "news"), WARM_UP + args.limit))

    def run(docs: list[dict]) -> float:
        ner = 0.0
        for a in docs:
            doc = Doc(a.get("content") or "")
            for st in pipe.stages:
                t0 = time.process_time()
                doc = run_stage(st, doc)
                if st.name == "ner":
                    ner += time.process_time() - t0
        return ner

    run(batch[:WARM_UP])
    spent.clear()
    counts.clear()
    seen.clear()
    n = len(batch) - WARM_UP
    total = run(batch[WARM_UP:])
    print(f"articles {n:,}; ner stage {1000 * total / n:.2f} ms per article (CPU)")
    for _, _, label in parts:
        print(f"  {label:<34} {1000 * spent[label] / n:6.2f} ms")
    rest = total - sum(spent[label] for label in top)
    print(f"  {'the stage loop itself (the rest)':<34} {1000 * rest / n:6.2f} ms")
    print(f"windows {seen['windows']:,}, tokens {seen['tokens']:,}, new words {counts['    features of new words']:,}, "
          f"spans {seen['spans']:,}")


if __name__ == "__main__":
    main()
