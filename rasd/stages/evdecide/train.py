"""Training data and training of the event decision model (run by ``rasd data install``).

Training reads the gold of ../shared/corpus/seed, ../shared/corpus/dev and the project's
annotations/train part, whatever those files hold when install runs. A gold file in a folder
named ``test`` is refused (:func:`training_files` raises), so the held-out part never reaches
the model; tests/unit/stages/evdecide/test_evdecide_train.py checks that no test doc_id or text
is among the training documents.

Each report goes through the pipeline up to the stage before this one (event coreference: the
rule system's events, one per real-world event, before this decision); each proposal with a trigger gives one example (:mod:`.features`,
:mod:`.labels`).
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rasd.doc import Doc
from rasd.errors import GoldError
from rasd.eval.gold import GoldRecord, load_gold
from rasd.stages.evdecide import META_FILE, MODEL_FILE
from rasd.stages.evdecide.features import VERSION, DocView, Lexicons, features
from rasd.stages.evdecide.labels import label, sentence_gold_types
from rasd.arabic.normalize import gold_key

REPO_ANNOTATIONS = Path(__file__).resolve().parents[3] / "annotations"


@dataclass
class Example:
    doc_id: str
    n: int                  # the event's index in the proposed document
    feats: list[str]
    label: str


def training_files(corpus_root: Path | None, annotations: Path | None = REPO_ANNOTATIONS) -> list[Path]:
    """The gold files training reads: corpus/seed, corpus/dev (when ``corpus_root`` is given and
    holds them) and every gold file of ``annotations``/train. Never a file in a held-out
    (``test`` or ``valid``) folder."""
    from rasd.kb.heldout import HELD_OUT_PARTS

    files: list[Path] = []
    if corpus_root is not None:
        files += [p for p in (corpus_root / "seed" / "gold.jsonl", corpus_root / "dev" / "gold.jsonl") if p.is_file()]
    if annotations is not None and (annotations / "train").is_dir():
        files += sorted((annotations / "train").glob("*.jsonl"))
    for f in files:
        if f.resolve().parent.name in HELD_OUT_PARTS:
            raise GoldError(f"{f} is in a held-out folder ({f.resolve().parent.name}): held-out gold never "
                            "reaches training")
    return files


def pipeline_before_decision(resources, after: str | None = None):
    """The registered stages before this decision (or up to ``after``): the proposals it decides on."""
    from rasd.pipeline import Pipeline
    from rasd.registry import STAGES

    names = [n for n in STAGES if n != "evdecide"]
    end = names.index(after) + 1 if after else list(STAGES).index("evdecide")
    return Pipeline.build(resources, names[:end])


def propose(pipe, rec: GoldRecord) -> Doc:
    d = rec.data
    return pipe.run(rec.text(), doc_id=rec.doc_id, published=d.get("published"), outlet=d.get("outlet"),
                    url=d.get("url"))


def told_in(doc: Doc, ev) -> set[int]:
    """The sentences an event is told in: its trigger's and its evidence's (a merged event has several)."""
    out = {doc.sentence_of(a) for a, _ in ev.evidence}
    if ev.trigger is not None:
        out.add(doc.sentence_of(ev.trigger[0]))
    return out


def examples(doc: Doc, gold: dict, lex: Lexicons) -> list[Example]:
    """One example per proposed event with a trigger: its features and its label, read from the
    gold events told in the sentences of the event (:mod:`.labels`)."""
    view = DocView(doc)
    out = []
    sent_keys: dict[int, str] = {}
    told = [told_in(doc, e) for e in doc.events]
    for n, ev in enumerate(doc.events):
        if ev.trigger is None:
            continue
        types: list[str] = []
        for s in sorted(told[n]):
            if s not in sent_keys:
                a, b = doc.sentences[s]
                sent_keys[s] = gold_key(doc.text[a:b])
            types += sentence_gold_types(gold["events"], sent_keys[s])
        others = {e.type for k, e in enumerate(doc.events) if k != n and told[k] & told[n]}
        out.append(Example(doc.doc_id, n, features(view, n, lex), label(ev.type, others, types)))
    return out


def digest(files: list[Path]) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def build(out: Path, corpus_root: Path | None, annotations: Path | None = REPO_ANNOTATIONS,
          knowledge: str = "") -> dict:
    """Train the model into ``out`` from the training gold; returns counts for the install record.
    Nothing to train on (no corpus, no annotations): no model, and the stage stays a no-op."""
    from rasd.kb.resources import Resources
    from rasd.stages.evdecide.model import train

    files = training_files(corpus_root, annotations)
    if not files:
        return {"event decision examples": 0}
    resources = Resources(out)
    pipe = pipeline_before_decision(resources)
    lex = Lexicons.of(resources.worthiness_cues, resources.triggers)
    exs: list[Example] = []
    doc_ids = []
    with resources.scope():
        for f in files:
            for rec in load_gold(f):
                doc_ids.append(rec.doc_id)
                exs += examples(propose(pipe, rec), rec.data, lex)
    train([(e.feats, e.label) for e in exs], out / MODEL_FILE)
    meta = {"files": [str(f) for f in files], "digest": digest(files), "knowledge": knowledge, "features": VERSION,
            "doc_ids": doc_ids, "labels": dict(Counter(e.label for e in exs))}
    (out / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return {"event decision examples": len(exs), "event decision reports": len(doc_ids)}


def stale(out: Path, corpus_root: Path | None, annotations: Path | None = REPO_ANNOTATIONS,
          knowledge: str = "") -> bool:
    """The model is missing or was trained from other gold, knowledge or features than there are now."""
    try:
        meta = json.loads((out / META_FILE).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return True
    files = training_files(corpus_root, annotations)
    return (not (out / MODEL_FILE).is_file() and bool(files)) or meta.get("digest") != digest(files) \
        or meta.get("knowledge") != knowledge or meta.get("features") != VERSION
