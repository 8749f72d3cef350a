"""rasd's whole pipeline, a spaCy EntityRuler over the same gazetteer names, and a normalise +
Aho-Corasick floor, side by side in one run on the same articles (first 2,000 SaudiNewsNet).

    .venv/bin/pip install -e ".[bench]"      # spaCy and pyahocorasick (bench-only extras)
    .venv/bin/python bench/side_by_side.py [--limit 2000] [--memory-articles 2000]

One process, one core, CPU time (time.process_time) after each contender has loaded and warmed
up on 50 articles.  Prints CPU milliseconds per article, articles per CPU-second, and the
ratios rasd/spaCy and rasd/floor.  Then a fresh process (a worker) extracts --memory-articles
articles (streamed, the first N of the archive) and prints its resident memory after loading
and every few thousand articles.  Prints figures; never passes or fails.

The anchor: ``spacy.blank("ar")`` with one EntityRuler of every distinct Arabic gazetteer name
(the installed gazetteer's names and aliases), run with ``nlp.pipe`` (spaCy's fastest path).
The floor: :func:`rasd.arabic.normalize.fold_str` on the text, then one pyahocorasick automaton
of the folded names, keeping matches at word boundaries: the least any gazetteer scan costs.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from itertools import islice
from pathlib import Path
from benchlib import articles, rss_mb  # noqa: E402 - bench/ is on sys.path when a script runs

WARM_UP = 50




def run_rasd(pipe, batch: list[dict]) -> int:
    from rasd.errors import RasdError

    events = 0
    for a in batch:
        try:
            doc = pipe.run(a.get("content") or "", outlet=a.get("source"), url=a.get("url"), title=a.get("title"),
                           published=(a.get("date_extracted") or "")[:10] or None)
        except RasdError:
            continue
        events += len(doc.events)
    return events


def gazetteer_names() -> list[str]:
    from rasd.kb.gazetteer import load_gazetteer

    return sorted({name for name, _ in load_gazetteer().names() if name.strip()})


def build_spacy(names: list[str]):
    import spacy

    nlp = spacy.blank("ar")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "GPE", "pattern": n} for n in names])
    return nlp


def run_spacy(nlp, texts: list[str]) -> int:
    return sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=64))


def build_floor(names: list[str]):
    import ahocorasick

    from rasd.arabic.normalize import fold_str

    auto = ahocorasick.Automaton()
    for n in names:
        key = fold_str(n)
        if key:
            auto.add_word(key, len(key))
    auto.make_automaton()
    return auto


def run_floor(auto, texts: list[str]) -> int:
    from rasd.arabic.normalize import fold_str

    hits = 0
    for text in texts:
        key = fold_str(text)
        size = len(key)
        for end, length in auto.iter(key):
            start = end - length + 1
            if (start == 0 or not key[start - 1].isalnum()) and (end + 1 == size or not key[end + 1].isalnum()):
                hits += 1
    return hits


def cpu(fn, *args) -> tuple[float, object]:
    t0 = time.process_time()
    out = fn(*args)
    return time.process_time() - t0, out


def memory_worker(n: int, news: Path) -> None:
    """A worker's resident memory: after loading, then while extracting the first n articles."""
    from rasd.pipeline import default_pipeline

    pipe = default_pipeline()
    run_rasd(pipe, list(islice(articles(news), 5)))
    print(f"worker RSS after loading        {rss_mb():7.0f} MB", flush=True)
    step = max(1000, n // 6)
    done = 0
    it = articles(news)
    while done < n:
        chunk = list(islice(it, min(step, n - done)))
        if not chunk:
            break
        run_rasd(pipe, chunk)
        done += len(chunk)
        print(f"worker RSS after {done:6,} articles {rss_mb():7.0f} MB", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=2000, help="articles (default 2000)")
    ap.add_argument("--memory-articles", type=int, default=2000,
                    help="articles the memory worker extracts (the issue's bound: 30000); 0 skips it")
    ap.add_argument("--memory-worker", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args()
    from rasd.settings import shared_dir

    shared = shared_dir()
    if shared is None:
        raise SystemExit("no ../shared folder beside the checkout (set RASD_SHARED)")
    news = shared / "data" / "news"
    if args.memory_worker:
        memory_worker(args.memory_worker, news)
        return

    batch = list(islice(articles(news), args.limit))
    texts = [a.get("content") or "" for a in batch]
    n = len(batch)
    chars = sum(map(len, texts))

    from rasd.pipeline import default_pipeline

    t_load_rasd, pipe = cpu(default_pipeline)
    t_warm, _ = cpu(run_rasd, pipe, batch[:WARM_UP])
    names = gazetteer_names()
    t_load_spacy, nlp = cpu(build_spacy, names)
    run_spacy(nlp, texts[:WARM_UP])
    t_load_floor, auto = cpu(build_floor, names)
    run_floor(auto, texts[:WARM_UP])

    t_rasd, events = cpu(run_rasd, pipe, batch)
    t_spacy, ents = cpu(run_spacy, nlp, texts)
    t_floor, hits = cpu(run_floor, auto, texts)

    print(f"articles          {n:,} (first of SaudiNewsNet), {chars:,} characters; "
          f"{len(names):,} distinct gazetteer names")
    print(f"{'':18}{'CPU s':>8}{'ms/article':>12}{'articles/CPU-s':>16}   found")
    for label, t, found in (("rasd (whole)", t_rasd, f"{events:,} events"),
                            ("spaCy EntityRuler", t_spacy, f"{ents:,} places"),
                            ("fold+Aho-Corasick", t_floor, f"{hits:,} name hits")):
        print(f"{label:18}{t:8.2f}{1000 * t / n:12.2f}{n / t:16.0f}   {found}")
    print(f"rasd/spaCy        ×{t_rasd / t_spacy:.2f}")
    print(f"rasd/floor        ×{t_rasd / t_floor:.1f}")
    print(f"loading (CPU s)   rasd {t_load_rasd + t_warm:.2f} (pipeline built, warmed on {WARM_UP}), "
          f"spaCy {t_load_spacy:.2f}, floor {t_load_floor:.2f}")
    print(f"this process      RSS {rss_mb():.0f} MB (all three loaded)")
    if args.memory_articles:
        subprocess.run([sys.executable, __file__, "--memory-worker", str(args.memory_articles)], check=False)


if __name__ == "__main__":
    main()
