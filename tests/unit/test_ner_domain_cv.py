"""scripts/ner_domain_cv.py: its folds group by report and spread each set over every fold, and its
fold data folder is the installed one with the fold's model (the installed caches left out)."""
from __future__ import annotations

from script_loader import load_script


def test_folds_keep_reports_whole_and_spread_each_set():
    cv = load_script("ner_domain_cv")
    ids = [f"saudi-{i:03d}" for i in range(30)] + [f"mayadeen-{i:03d}" for i in range(91)]
    fold = cv.folds_of(ids, 4)
    assert set(fold) == set(ids) and set(fold.values()) == {0, 1, 2, 3}
    for prefix in ("saudi", "mayadeen"):
        sizes = [sum(1 for d, f in fold.items() if d.startswith(prefix) and f == k) for k in range(4)]
        assert max(sizes) - min(sizes) <= 1, (prefix, sizes)
    assert cv.folds_of(list(reversed(ids)), 4) == fold      # the input order does not matter


def test_fold_data_folder_swaps_the_model_and_drops_its_caches(tmp_path):
    cv = load_script("ner_domain_cv")
    base = tmp_path / "base"
    base.mkdir()
    for name, text in (("ner.crfsuite", "old"), ("ner_words.npz", "cache"), ("names.json", "{}"),
                       ("ner_clusters.json", "old clusters")):
        (base / name).write_text(text)
    model = tmp_path / "fold.crfsuite"
    model.write_text("new")
    clusters = tmp_path / "ner_clusters.json"
    clusters.write_text("new clusters")
    d = cv.fold_data_dir(base, model, tmp_path / "fold", clusters)
    assert (d / "ner.crfsuite").read_text() == "new" and (d / "names.json").read_text() == "{}"
    assert (d / "ner_clusters.json").read_text() == "new clusters"
    assert not (d / "ner_words.npz").exists()
