"""Score a gold file against the pipeline's output or against saved predictions."""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rasd.errors import GoldError, PipelineError, RasdError
from rasd.eval.gold import load_gold, load_predictions
from rasd.eval.score import DocScore, Summary, aggregate, score_document


@dataclass
class Evaluation:
    gold_path: Path
    gold_sha256: str
    scores: list[DocScore]
    summary: Summary
    warnings: list[str]

    def to_json(self, explain: bool = False) -> dict:
        d = {"gold": str(self.gold_path), "gold_sha256": self.gold_sha256, **self.summary.to_json(),
             "warnings": self.warnings}
        if explain:
            d["explain"] = [{"doc_id": s.doc_id, **s.misses} for s in self.scores]
        return d


def sha256_file(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def evaluate(gold_path: str | Path, pred_path: str | Path | None = None,
             doc_ids: Sequence[str] | None = None,
             extract: Callable[..., dict] | None = None) -> Evaluation:
    """Score every gold record (or those in ``doc_ids``).

    Without ``pred_path`` each report is run through ``extract`` (default :func:`rasd.extract`)
    with the record's doc_id, published and outlet.  A gold record with no prediction is scored
    against an empty document and named in ``warnings``: nothing is dropped silently.
    """
    gold_path = Path(gold_path)
    records = load_gold(gold_path)
    if doc_ids:
        unknown = sorted(set(doc_ids) - {r.doc_id for r in records})
        if unknown:
            raise GoldError(f"{gold_path} has no record for {', '.join(unknown)}",
                            hint="--doc takes a doc_id of the gold file.")
        records = [r for r in records if r.doc_id in doc_ids]
    preds = load_predictions(pred_path) if pred_path is not None else None
    if extract is None:
        from rasd import extract
    warnings, scores = [], []
    for rec in records:
        if preds is not None:
            doc = preds.get(rec.doc_id)
            if doc is None:
                warnings.append(f"{rec.doc_id}: no prediction in {pred_path}; scored as an empty document")
                doc = {"doc_id": rec.doc_id}
        else:
            doc = _run(extract, rec.text(), rec.data)
        scores.append(score_document(rec.data, doc))
    return Evaluation(gold_path, sha256_file(gold_path), scores, aggregate(scores), warnings)


def _run(extract: Callable[..., dict], text: str, gold: dict) -> dict:
    try:
        return extract(text, doc_id=gold["doc_id"], published=gold.get("published"),
                       outlet=gold.get("outlet"), url=gold.get("url"))
    except RasdError:
        raise
    except Exception as e:  # noqa: BLE001 - name the report; the cause stays chained for --debug
        raise PipelineError(f"extraction failed on {gold['doc_id']}: {type(e).__name__}: {e}",
                            hint="Rerun with --debug for the traceback, or score saved output "
                                 "with --pred.") from e


@dataclass
class Part:
    """A named part of an annotated set (``train``, ``test`` …) and its gold files."""

    name: str
    files: list[Path]

    @property
    def held_out(self) -> bool:
        """A part in a folder named ``test`` or ``valid`` is held out: scored, never read for misses."""
        from rasd.kb.heldout import HELD_OUT_PARTS

        return any(p.parent.name in HELD_OUT_PARTS for p in self.files)


SIDECARS = ("index.jsonl",)   # publication metadata beside reports (rasd ingest reads it), not gold


def gold_files(folder: Path) -> list[Path]:
    """A folder's gold files: its ``.jsonl`` files but the metadata sidecar ``index.jsonl``
    (corpus/dev keeps one beside its texts and its gold.jsonl)."""
    return [f for f in sorted(folder.glob("*.jsonl")) if f.name not in SIDECARS]


def parts_of(paths: Sequence[str | Path]) -> list[Part]:
    """The parts that ``rasd eval`` arguments name: a gold file is a part of its own; a folder of
    gold files is one part; a folder of such folders (annotations/ with train/ and test/) gives
    one part per subfolder, in name order."""
    out: list[Part] = []
    for raw in paths:
        p = Path(raw)
        if p.is_file():
            out.append(Part(str(p), [p]))
            continue
        if not p.is_dir():
            raise GoldError(f"{p} does not exist", hint="Give a gold .jsonl file or a folder of them.")
        files = gold_files(p)
        if files:
            out.append(Part(str(p), files))
            continue
        subs = [Part(str(d), gold_files(d)) for d in sorted(p.iterdir()) if d.is_dir()]
        subs = [s for s in subs if s.files]
        if not subs:
            raise GoldError(f"{p} holds no gold .jsonl files",
                            hint="Give a gold file, a folder of them, or a folder of such folders.")
        out += subs
    return out


def evaluate_part(part: Part, pred_path: str | Path | None = None,
                  doc_ids: Sequence[str] | None = None,
                  extract: Callable[..., dict] | None = None) -> Evaluation:
    """One Evaluation over every file of ``part``: documents pooled, counts micro-averaged; the
    sha256 is over the files' bytes in order, so a floor pinned on it notices any edit."""
    if len(part.files) == 1:
        return evaluate(part.files[0], pred_path, doc_ids, extract)
    evs = []
    for f in part.files:
        ids = None
        if doc_ids:
            have = {r.doc_id for r in load_gold(f)}
            ids = [d for d in doc_ids if d in have]
            if not ids:
                continue
        evs.append(evaluate(f, pred_path, ids, extract))
    if doc_ids:
        found = {s.doc_id for e in evs for s in e.scores}
        unknown = sorted(set(doc_ids) - found)
        if unknown:
            raise GoldError(f"{part.name} has no record for {', '.join(unknown)}",
                            hint="--doc takes a doc_id of the gold files.")
    h = hashlib.sha256()
    for f in part.files:
        h.update(Path(f).read_bytes())
    scores = [s for e in evs for s in e.scores]
    return Evaluation(Path(part.name), h.hexdigest(), scores, aggregate(scores),
                      [w for e in evs for w in e.warnings])
