"""The installed word answers (rasd.kb.wordanswers) on and off, side by side in one process.

    .venv/bin/python bench/word_answers_ab.py [--limit 1000] [--skip 0] [--chunk 25] [--rounds 1]

Two pipelines over two Resources of the same data dir, one with the installed answers and one
without (``provide(word_answers=WordAnswers())``), each met by the same articles for the first
time: the articles go in chunks, each chunk through one pipeline then the other (the order
swapped every chunk), timed with ``time.process_time``. Interleaving keeps a loaded machine's
drift out of the comparison. Prints CPU ms per article for each and the ratio per block of
articles (the first blocks are where a worker meets most words for the first time), then the
load cost of the answers (file read + fingerprint) and the resident memory they add.
``--rounds N`` repeats the whole run over fresh Resources (median per block). Prints figures;
never passes or fails.
"""
from __future__ import annotations

import argparse
import statistics
import time
from itertools import islice

from benchlib import articles, rss_mb  # noqa: E402 - bench/ is on sys.path when a script runs


def run(pipe, batch) -> None:
    from rasd.errors import RasdError

    for a in batch:
        try:
            pipe.run(a.get("content") or "", outlet=a.get("source"), url=a.get("url"), title=a.get("title"))
        except RasdError:
            pass


def one_round(batch: list[dict], chunk: int, block: int) -> list[tuple[float, float, int]]:
    from rasd.kb.resources import Resources
    from rasd.kb.wordanswers import WordAnswers
    from rasd.pipeline import Pipeline
    from rasd.settings import data_dir

    with_ = Pipeline.build(Resources(data_dir()))
    without = Pipeline.build(Resources(data_dir()).provide(word_answers=WordAnswers()))
    if not with_.stages[0].resources.word_answers.tables:
        raise SystemExit("no installed word answers (or stale): run `rasd data install --from ../shared/data`")
    clock = time.process_time
    out = []
    t = {True: 0.0, False: 0.0}
    n = 0
    for k in range(0, len(batch), chunk):
        part = batch[k:k + chunk]
        for on in ((True, False) if (k // chunk) % 2 == 0 else (False, True)):
            t0 = clock()
            run(with_ if on else without, part)
            t[on] += clock() - t0
        n += len(part)
        if n >= block or k + chunk >= len(batch):   # a printed block: at least ``block`` articles
            out.append((t[True], t[False], n))
            t = {True: 0.0, False: 0.0}
            n = 0
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--skip", type=int, default=0)
    ap.add_argument("--chunk", type=int, default=25, help="articles per interleaved chunk")
    ap.add_argument("--block", type=int, default=250, help="articles per printed block")
    ap.add_argument("--rounds", type=int, default=1)
    args = ap.parse_args()
    from rasd.kb.wordanswers import load
    from rasd.kb.yamlfile import KNOWLEDGE_DIR
    from rasd.settings import data_dir, shared_dir

    rss0 = rss_mb()
    t0 = time.process_time()
    answers = load(data_dir(), KNOWLEDGE_DIR)
    print(f"answers: {sum(map(len, answers.tables.values())):,} in {len(answers.tables)} tables; "
          f"load + fingerprint {1000 * (time.process_time() - t0):.0f} ms CPU, +{rss_mb() - rss0:.1f} MB RSS")
    del answers
    batch = list(islice(articles(shared_dir() / "data" / "news"), args.skip, args.skip + args.limit))
    rounds = [one_round(batch, args.chunk, args.block) for _ in range(args.rounds)]
    print(f"{'articles':>12}  {'with ms':>8}  {'without ms':>10}  {'with/without':>12}")
    done = 0
    tot = [0.0, 0.0]
    for i in range(len(rounds[0])):
        n = rounds[0][i][2]
        w = statistics.median(r[i][0] for r in rounds)
        wo = statistics.median(r[i][1] for r in rounds)
        tot[0] += w
        tot[1] += wo
        print(f"{done + 1:>5}-{done + n:<6}  {1000 * w / n:8.2f}  {1000 * wo / n:10.2f}  {w / wo:12.3f}")
        done += n
    print(f"{'all':>12}  {1000 * tot[0] / done:8.2f}  {1000 * tot[1] / done:10.2f}  {tot[0] / tot[1]:12.3f}")


if __name__ == "__main__":
    main()
