"""Snapshot the JSON output of seed, dev and the first N SaudiNewsNet articles, or compare two.

    python scripts/snapshot_output.py write OUT.jsonl [--news 2000]
    python scripts/snapshot_output.py compare BEFORE.jsonl AFTER.jsonl

``compare`` ignores ``why`` keys that only the newer snapshot has (the renovation adds them) and
prints every other difference by document and JSON path. Reads ../shared at run time.
"""
from __future__ import annotations

import json
import sys
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import shared_or_exit  # noqa: E402


def _inputs(news: int):
    shared = shared_or_exit()
    for p in sorted((shared / "corpus" / "seed").glob("*.txt")):
        yield f"seed/{p.name}", p.read_text(encoding="utf-8"), {}
    for line in (shared / "corpus" / "dev" / "index.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        text = (shared / "corpus" / rec["text_file"]).read_text(encoding="utf-8")
        yield rec["doc_id"], text, {k: rec.get(k) for k in ("outlet", "url", "published")}
    from rasd.ingest.sources import read_source

    for i, raw in enumerate(islice((r for r in read_source(str(shared / "data" / "news"))
                                    if getattr(r, "text", None)), news)):
        yield f"news/{i}", raw.text, {"outlet": raw.outlet, "url": raw.url,
                                      "published": raw.published, "title": raw.title}


def write(out: Path, news: int) -> None:
    import rasd

    with out.open("w", encoding="utf-8") as fh:
        for key, text, source in _inputs(news):
            try:
                doc = rasd.extract(text, **source)
            except Exception as e:  # noqa: BLE001 - a snapshot records failures too
                doc = {"error": f"{type(e).__name__}: {e}"}
            fh.write(json.dumps({"key": key, "doc": doc}, ensure_ascii=False, sort_keys=True) + "\n")


def _diff(a, b, path: str, out: list[str]) -> None:
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a and (k == "why" or k.endswith("_why")):
                continue
            if k not in a or k not in b:
                out.append(f"{path}.{k}: {'missing before' if k not in a else 'missing after'}")
            else:
                _diff(a[k], b[k], f"{path}.{k}", out)
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            _diff(x, y, f"{path}[{i}]", out)
    elif a != b:
        out.append(f"{path}: {json.dumps(a, ensure_ascii=False)[:200]} -> {json.dumps(b, ensure_ascii=False)[:200]}")


def compare(before: Path, after: Path) -> int:
    def load(p):
        return {r["key"]: r["doc"] for r in map(json.loads, p.read_text(encoding="utf-8").splitlines())}

    a, b = load(before), load(after)
    out: list[str] = []
    for key in sorted(set(a) | set(b)):
        if key not in a or key not in b:
            out.append(f"{key}: only in {'after' if key not in a else 'before'}")
        else:
            _diff(a[key], b[key], key, out)
    for line in out:
        print(line)
    print(f"{len(a)} before, {len(b)} after, {len(out)} differences")
    return 1 if out else 0


if __name__ == "__main__":
    if sys.argv[1] == "write":
        n = int(sys.argv[sys.argv.index("--news") + 1]) if "--news" in sys.argv else 2000
        write(Path(sys.argv[2]), n)
    else:
        sys.exit(compare(Path(sys.argv[2]), Path(sys.argv[3])))
