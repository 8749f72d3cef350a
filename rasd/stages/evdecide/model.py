"""A multinomial logistic regression over feature strings, trained with crfsuite.

Why crfsuite and not scikit-learn: python-crfsuite is already pinned (the NER model is trained
with it), it takes sparse string features as they are, and a linear-chain CRF over sequences of
one item *is* a multinomial logistic regression (no transition contributes; L-BFGS with an L2
penalty ``c2``). Adding scikit-learn (and its joblib/threadpoolctl) for the same model would
add a dependency and nothing else. After training, the weights are read once through
``Tagger.info()`` into a plain table, so prediction is a softmax over summed weights: pure,
thread-safe, no native tagger state kept.
"""
from __future__ import annotations

import math
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rasd.errors import DataMissingError

C2 = 1.0
MAX_ITERATIONS = 300


@dataclass(frozen=True)
class Model:
    labels: tuple[str, ...]
    weights: dict[str, dict[str, float]]    # feature → label → weight

    def probs(self, feats: Sequence[str]) -> dict[str, float]:
        score = dict.fromkeys(self.labels, 0.0)
        for f in feats:
            for lab, w in self.weights.get(f, {}).items():
                score[lab] += w
        top = max(score.values())
        ex = {k: math.exp(v - top) for k, v in score.items()}
        z = sum(ex.values())
        return {k: v / z for k, v in ex.items()}

    def top_features(self, feats: Sequence[str], lab: str, n: int = 3) -> list[str]:
        """The features of ``feats`` that push hardest towards ``lab`` (for a why)."""
        ws = sorted(((self.weights.get(f, {}).get(lab, 0.0), f) for f in set(feats) if f != "bias"),
                    reverse=True)
        return [f for w, f in ws[:n] if w > 0]


def train(items: Sequence[tuple[Sequence[str], str]], path: Path, c2: float = C2) -> Model:
    """Train on (features, label) pairs and write crfsuite's model file to ``path``."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, lab in items:
        trainer.append([list(feats)], [lab])
    trainer.select("lbfgs", "crf1d")
    trainer.set_params({"c1": 0.0, "c2": c2, "max_iterations": MAX_ITERATIONS,
                        "feature.possible_states": False})
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))
    return load(path)


def train_in_memory(items: Sequence[tuple[Sequence[str], str]], c2: float = C2) -> Model:
    """Train without keeping a file (cross-validation folds)."""
    with tempfile.TemporaryDirectory() as d:
        return train(items, Path(d) / "m.crfsuite", c2)


def load(path: Path) -> Model:
    import pycrfsuite

    if not path.is_file():
        raise DataMissingError(f"no event decision model at {path}",
                               hint="Run `rasd data install --from ../shared/data` to train it.")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    try:
        info = tagger.info()
        labels = tuple(tagger.labels())
    finally:
        tagger.close()
    weights: dict[str, dict[str, float]] = {}
    for (attr, lab), w in info.state_features.items():
        weights.setdefault(attr, {})[lab] = w
    return Model(labels, weights)
