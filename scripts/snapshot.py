"""The extraction snapshot: a per-document digest of `rasd extract`'s output on a fixed news sample.

    .venv/bin/python scripts/snapshot.py --update      # rewrite tests/quality/snapshot.tsv (deliberately)
    .venv/bin/python scripts/snapshot.py               # compare, print what changed (exit 1 if anything)

tests/quality/test_snapshot.py compares the same digest: a speed change must leave every
document's JSON identical; a deliberate extraction change regenerates the file with --update,
and the diff of snapshot.tsv in the commit shows how many documents it changed.

The sample: every 44th SaudiNewsNet article (../shared/data/news, 700) and every 27th Al Mayadeen
article (../shared/data/news2, 300), each read as `rasd ingest` reads it, prepared (cleaned) and
extracted as ingest extracts it, less the held-out reports among them (annotations/test and
annotations/valid, HELD_OUT_PARTS: rasd.kb.heldout), which scripts/event_diff.py would otherwise dump
for reading.  The file holds origins and hashes only, no text.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "tests" / "quality" / "snapshot.tsv"
STRIDES = (("news", 44, 700), ("news2", 27, 300))
HEADER = ("# origin\tsha256(JSON)[:16]\tevents\tentities\tcoarse sha256[:12]   "
          "(scripts/snapshot.py --update rewrites this file)")
FINGERPRINT_TAG = "# fingerprint\t"
# The installed files learned by floating-point optimisation: two CPUs whose BLAS kernels differ
# (OpenBLAS picks them by processor) learn them to different last bits, and a probability near a
# threshold or a rounded confidence can then come out differently.
LEARNED = ("ner.crfsuite", "ner_clusters.json", "ner_likely.json", "ner_words.npz", "event_decision.crfsuite")
# On a machine whose fingerprint differs, this share of documents may differ in their coarse digest.
FOREIGN_TOLERANCE = 0.03


def _news2(folder: Path) -> Iterator:
    from rasd.ingest import jsonl

    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rb") as fh:
            yield from jsonl.read(path.name, fh.read())


def sample(shared: Path, limit: int | None = None, skip=None) -> list:
    """The fixed sample of raw reports (RawReport or Rejected), in a fixed order, without the held-out
    reports (``skip``, a rasd.kb.heldout.HeldOut; default: those found under ../shared/data)."""
    from rasd.ingest.sources import read_source
    from rasd.kb.heldout import held_out

    skip = held_out(shared / "data") if skip is None else skip
    out = []
    for name, stride, count in STRIDES:
        folder = shared / "data" / name
        items = read_source(str(folder)) if name == "news" else _news2(folder)
        out += [r for r in islice(islice(items, 0, None, stride), count) if (getattr(r, "text", None) or "") not in skip]
    return out[:limit] if limit else out


def short_origin(origin: str) -> str:
    """The origin without the checkout's path: ``2015-07-21.zip!2015-07-21.json#12``."""
    return origin.rsplit("/", 1)[-1]


def digest_one(worker, raw) -> tuple[str, str, int, int, str]:
    """(origin, digest, events, entities, coarse digest) of one article; a rejected one has no
    coarse digest ("", as read_snapshot gives for it), so that every row has the five fields."""
    from rasd.ingest.records import Rejected

    out = worker(raw)
    if isinstance(out, Rejected):
        return short_origin(raw.origin), f"rejected:{out.reason}", 0, 0, ""
    _, doc, _ = out
    blob = json.dumps(doc, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return (short_origin(raw.origin), hashlib.sha256(blob).hexdigest()[:16], len(doc.get("events", [])),
            len(doc.get("entities", [])), coarse_digest(doc))


_DECIMAL = re.compile(r"\d+\.\d+")


def _coarse(value):
    if isinstance(value, float):
        return round(value, 1)
    if isinstance(value, str):
        return _DECIMAL.sub("#", value)
    if isinstance(value, dict):
        return {k: _coarse(v) for k, v in value.items() if k != "confidence"}
    if isinstance(value, list):
        return [_coarse(v) for v in value]
    return value


def coarse_digest(doc: dict) -> str:
    """The digest of ``doc`` with its probabilities left out (confidences, decimals in the why
    strings, coordinates to 0.1°): what another machine's floating point cannot move unless a
    decision crosses its threshold."""
    blob = json.dumps(_coarse(doc), ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()[:12]


def fingerprint(data_dir: Path | None = None) -> str:
    """The hash of the installed learned files (LEARNED) and of a small probe of this machine's
    matrix arithmetic (the CRF's forward pass multiplies such matrices)."""
    import numpy as np

    from rasd.settings import data_dir as default_data_dir

    base = Path(data_dir) if data_dir is not None else default_data_dir()
    h = hashlib.sha256()
    for name in LEARNED:
        path = base / name
        h.update(name.encode() + (path.read_bytes() if path.is_file() else b"-"))
    rng = np.random.default_rng(3)
    a, m = rng.random((9, 9)), rng.random((9, 9))
    for _ in range(40):
        a = (a @ m) / 7.0
    h.update(a.tobytes())
    return h.hexdigest()[:16]


def digests(shared: Path, limit: int | None = None) -> list[tuple[str, str, int, int, str]]:
    from rasd import extract
    from rasd.ingest.run import Worker

    worker = Worker(extract, frozenset())
    return [digest_one(worker, raw) for raw in sample(shared, limit)]


def read_snapshot(path: Path = SNAPSHOT) -> list[tuple]:
    """(origin, digest, events, entities, coarse digest) per document; a file written before the
    coarse column gives "" there."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            origin, digest, events, entities, *coarse = line.split("\t")
            rows.append((origin, digest, int(events), int(entities), coarse[0] if coarse else ""))
    return rows


def read_fingerprint(path: Path = SNAPSHOT) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(FINGERPRINT_TAG):
            return line[len(FINGERPRINT_TAG):].strip()
    return ""


def write_snapshot(rows: list[tuple], path: Path = SNAPSHOT, fp: str = "") -> None:
    head = HEADER + "\n" + (FINGERPRINT_TAG + fp + "\n" if fp else "")
    path.write_text(head + "".join("\t".join(map(str, r)) + "\n" for r in rows), encoding="utf-8")


def differences(expected: list, got: list, coarse: bool = False) -> list[str]:
    """Human lines for every document whose digest differs (events and entities counts shown);
    ``coarse``: compare the coarse digests only (another machine's learned files)."""
    lines = []
    if [r[0] for r in expected] != [r[0] for r in got]:
        lines.append("the sample itself differs (other articles): the shared data or the sample changed")
    for e, g in zip(expected, got):
        if (e[4] != g[4]) if coarse else (e[:4] != g[:4]):
            lines.append(f"{e[0]}: events {e[2]}→{g[2]}, entities {e[3]}→{g[3]}, digest {e[1]}→{g[1]}")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--update", action="store_true", help="rewrite the snapshot (a deliberate extraction change)")
    args = ap.parse_args()
    from _shared import shared_or_exit

    shared = shared_or_exit()
    got = digests(shared)
    if args.update:
        write_snapshot(got, fp=fingerprint())
        print(f"wrote {SNAPSHOT.relative_to(ROOT)}: {len(got)} documents")
        return
    expected = read_snapshot()
    foreign = read_fingerprint() != fingerprint()
    diff = differences(expected, got, coarse=foreign)
    for line in diff:
        print(line)
    if foreign:
        print(f"the installed learned files or this machine's arithmetic differ from the snapshot's "
              f"(fingerprint {read_fingerprint() or 'none'} → {fingerprint()}): coarse digests compared, "
              f"{FOREIGN_TOLERANCE:.0%} of documents may differ")
    print(f"{len(diff)} of {len(got)} documents differ from {SNAPSHOT.relative_to(ROOT)}")
    sys.exit(1 if len(diff) > (FOREIGN_TOLERANCE * len(got) if foreign else 0) else 0)


if __name__ == "__main__":
    main()
