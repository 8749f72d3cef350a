"""How often each worthiness rule and each event-coreference rule fires on unlabelled news, and on what.

    python scripts/rule_fires.py [--news 150] [--news2 150] [--show 4]

Runs the pipeline through ``eventcoref`` on an evenly spaced sample of SaudiNewsNet
(../shared/data/news) and Al Mayadeen (../shared/data/news2) articles, then prints, per rule,
the number of events it dropped (worthiness) or folded into another (eventcoref) and a few
contexts, so a cue list is checked on reports nobody tuned on before it is kept. Reads ../shared
at run time; prints figures, asserts nothing.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import zipfile
from collections import Counter, defaultdict
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import data_or_exit, held_out_of, without_held_out  # noqa: E402

from rasd.kb.heldout import HeldOut  # noqa: E402
from rasd.pipeline import Pipeline  # noqa: E402

STAGES = ["clean", "sentences", "mentions", "link", "geocode", "corefer", "events", "worthiness", "eventcoref"]


def sample_news(folder: Path, n: int, skip: HeldOut | None = None) -> list[dict]:
    """``n`` SaudiNewsNet articles spread evenly, the held-out reports (``skip``, default: those found
    under the data folder) left out."""
    arts = []
    for path in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                arts += json.loads(z.read(name).decode("utf-8"))
    arts = list(without_held_out(arts, held_out_of(folder.parent, skip), lambda a: a.get("content")))
    step = max(len(arts) // max(n, 1), 1)
    return arts[::step][:n]


def sample_news2(folder: Path, n: int, skip: HeldOut | None = None) -> list[dict]:
    """``n`` Al Mayadeen news articles spread evenly, the held-out reports left out (as sample_news)."""
    arts = []
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            arts += [json.loads(line) for line in f]
    arts = list(without_held_out(arts, held_out_of(folder.parent, skip), lambda a: a.get("content")))
    arts = [a for a in arts if "/news/" in (a.get("url") or "")] or arts
    step = max(len(arts) // max(n, 1), 1)
    return arts[::step][:n]


def news_texts(data: Path, news: int, news2: int):
    """(corpus, title + body) of ``news`` SaudiNewsNet and ``news2`` Al Mayadeen sample articles, the
    empty ones left out: what the firing scripts run the pipeline on."""
    for corpus, arts in (("news", sample_news(data / "news", news)),
                         ("news2", sample_news2(data / "news2", news2))):
        for art in arts:
            text = f"{art.get('title') or ''}\n\n{art.get('content') or ''}".strip()
            if text:
                yield corpus, text


def rule_of(reason: str) -> str:
    """The rule behind a reason: the yaml line it cites, else its wording with cues and counts blanked."""
    m = re.search(r"\((worthiness|eventcoref)\.yaml:\d+\)", reason)
    if m:
        return m.group(0)
    return re.sub(r"\d+", "N", re.sub(r"'[^']*'", "'…'", reason))[:90]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--news", type=int, default=150)
    ap.add_argument("--news2", type=int, default=150)
    ap.add_argument("--show", type=int, default=4)
    args = ap.parse_args()
    data = data_or_exit()
    pipe = Pipeline.build(names=STAGES)
    fires: dict[str, Counter] = defaultdict(Counter)
    shown: dict[tuple[str, str], list[str]] = defaultdict(list)
    events = Counter()
    for corpus, text in news_texts(data, args.news, args.news2):
        doc = pipe.run(text)
        events[corpus] += len(doc.events)
        for w in doc.warnings:
            if w.startswith("worthiness: "):
                m = re.match(r"worthiness: no event from (\w+) '(.*?)' at (\d+): (.*)", w)
                if not m:
                    continue
                rule = "worthiness: " + rule_of(m.group(4))
                fires[rule][corpus] += 1
                at = int(m.group(3))
                shown[(rule, corpus)].append(f"[{m.group(1)}] …{doc.text[max(0, at - 60):at + 60]}…".replace("\n", " "))
        for e in doc.events:
            for told in e.extra.get("why", {}).get("merged", []):
                if "type" not in told:
                    continue      # a merge of the events stage
                rule = "eventcoref: " + rule_of(told["why"])
                fires[rule][corpus] += 1
                a, b = told["evidence"]
                shown[(rule, corpus)].append(f"[{told['type']}→{e.type}] {doc.text[a:b][:120]}".replace("\n", " "))
    print(f"events kept: news {events['news']}, news2 {events['news2']} "
          f"({args.news} + {args.news2} articles)")
    for rule in sorted(fires, key=lambda r: -sum(fires[r].values())):
        c = fires[rule]
        print(f"\n{sum(c.values()):4d}  {rule}   (news {c['news']}, news2 {c['news2']})")
        for corpus in ("news", "news2"):
            for line in shown[(rule, corpus)][:args.show]:
                print(f"      {corpus}: {line}")


if __name__ == "__main__":
    main()
