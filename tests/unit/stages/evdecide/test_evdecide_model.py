"""The crfsuite-trained logistic regression: it learns, predicts probabilities, names its features."""
from __future__ import annotations

import pytest

from rasd.errors import DataMissingError
from rasd.stages.evdecide.model import Model, load, train


def _items():
    out = []
    for k in range(30):
        out.append((["bias", "cue<opinion", f"noise={k % 5}"], "NONE"))
        out.append((["bias", "places=1", f"noise={k % 5}"], "KEEP"))
        out.append((["bias", "places=1", "cls<air_cues", f"noise={k % 3}"], "TO_AIRSTRIKE"))
    return out


def test_training_learns_the_separating_features(tmp_path):
    m = train(_items(), tmp_path / "m.crfsuite")
    assert (tmp_path / "m.crfsuite").is_file() and set(m.labels) == {"NONE", "KEEP", "TO_AIRSTRIKE"}
    p = m.probs(["bias", "cue<opinion"])
    assert abs(sum(p.values()) - 1) < 1e-9 and max(p, key=p.get) == "NONE"
    assert max(m.probs(["bias", "places=1", "cls<air_cues"]).items(), key=lambda kv: kv[1])[0] == "TO_AIRSTRIKE"
    assert m.top_features(["bias", "cue<opinion", "places=1"], "NONE", 1) == ["cue<opinion"]
    assert load(tmp_path / "m.crfsuite").weights == m.weights


def test_unknown_features_give_the_prior():
    m = Model(("KEEP", "NONE"), {"bias": {"KEEP": 1.0}})
    assert m.probs(["never-seen"]) == {"KEEP": 0.5, "NONE": 0.5}
    assert m.probs(["bias"])["KEEP"] > 0.7


def test_a_missing_model_is_a_coded_error(tmp_path):
    with pytest.raises(DataMissingError):
        load(tmp_path / "none.crfsuite")
