"""How often the counted/described victims of open_actors.yaml (``victims``) fire on unlabelled news.

    python scripts/victim_fires.py [--news 500] [--news2 500] [--show 25]

Runs the pipeline through ``open_actors`` on an evenly spaced sample of SaudiNewsNet and Al Mayadeen
articles (held-out reports left out, as scripts/rule_fires.py) and prints the count per 1,000
articles and a reproducible random sample of the mentions with their context. Reads ../shared at
run time; prints figures, asserts nothing.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import data_or_exit  # noqa: E402
from rule_fires import news_texts  # noqa: E402

from rasd.pipeline import Pipeline  # noqa: E402

STAGES = ["clean", "sentences", "mentions", "open_actors"]
WHYS = ("civilians counted by their nationality", "civilians named by a people noun and their nationality",
        "an unnamed armed group named by its kind (مسلحون)", "an unnamed group of مسلحون",
        "an unnamed group of مسلحون with its nationality", "an unnamed group of مسلحون with its kind",
        "an unnamed group of مستوطنون with its nationality")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--news", type=int, default=500)
    ap.add_argument("--news2", type=int, default=500)
    ap.add_argument("--show", type=int, default=25)
    ap.add_argument("--why", default=None, help="only the mentions whose why starts so")
    ap.add_argument("--has", default=None, help="only the mentions holding one of these words (comma list)")
    ap.add_argument("--not-first", default=None, help="leave out mentions whose first word is one of these (comma list)")
    args = ap.parse_args()
    data = data_or_exit()
    pipe = Pipeline.build(names=STAGES)
    hits, n = [], 0
    for corpus, text in news_texts(data, args.news, args.news2):
        n += 1
        doc = pipe.run(text)
        for m in doc.mentions:
            skip = set((args.not_first or "").split(","))
            if m.why in WHYS and (args.why is None or m.why.startswith(args.why)) \
                    and m.text.split()[0] not in skip \
                    and (args.has is None or any(w in m.text for w in args.has.split(","))):
                hits.append((corpus, m.why, doc.text[max(0, m.start - 50):m.start].replace("\n", " "),
                             m.text, doc.text[m.end:m.end + 40].replace("\n", " ")))
    print(f"{len(hits)} mentions in {n} articles: {1000 * len(hits) / max(n, 1):.1f} per 1,000")
    for why in WHYS:
        print(f"  {sum(h[1] == why for h in hits)}  {why}")
    for corpus, why, left, m, right in random.Random(14).sample(hits, min(args.show, len(hits))):
        print(f"{corpus}: …{left}[[{m}]]{right}…")


if __name__ == "__main__":
    main()
