"""A toy CRF for the rasd.ner tests: a few invented sentences, their lexicons, and a model trained
on them in a fraction of a second (test_tag, test_wordtable)."""
from __future__ import annotations

from pathlib import Path

import pycrfsuite

from rasd.ner.features import Lexicons, token_features

LEX = Lexicons(places={"دمشق": "city"}, given=frozenset({"سامر"}),
               lists={"person_titles": frozenset({"الوزير", "وزير"})}, clusters={"دمشق": ("3", "17")})
TRAIN = [
    (["قال", "الوزير", "سامر", "حداد", "في", "دمشق"], ["O", "O", "B-PERS", "I-PERS", "O", "B-LOC"]),
    (["وصل", "سامر", "إلى", "حلب", "أمس"], ["O", "B-PERS", "O", "B-LOC", "O"]),
    (["قصفت", "الطائرات", "دمشق", "صباح", "اليوم"], ["O", "O", "B-LOC", "O", "O"]),
    (["زار", "وزير", "الخارجية", "سامر", "حداد", "مدينة", "حلب"], ["O", "O", "O", "B-PERS", "I-PERS", "O", "B-LOC"]),
    (["قال", "مصدر", "في", "الجيش", "السوري"], ["O", "O", "O", "B-ORG", "I-ORG"]),
]


def train_model(path: Path, iterations: int = 40) -> Path:
    """The toy model trained on TRAIN with LEX's features, written to ``path``."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for toks, tags in TRAIN:
        trainer.append(token_features(toks, LEX), tags)
    trainer.set_params({"c1": 0.05, "c2": 0.01, "max_iterations": iterations, "feature.possible_transitions": True})
    trainer.train(str(path))
    return path
