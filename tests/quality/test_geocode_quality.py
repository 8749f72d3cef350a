"""Quality gate for the gazetteer and the geocoder on the shared seed and dev gold (design §11).

The mention finder is not used: tests/quality/geo_harness.py builds PLACE entities from the gold
aliases found in each text, so these figures measure candidates + ranking alone.  Floors are
pinned with the gold files' SHA-256; a floor moves down only deliberately.
"""
import hashlib

import pytest

from rasd.arabic.normalize import fold_str
from rasd.arabic.tokens import tokenize
GOLD_SHA = {"seed": "ad272e713ac431ac09f93544d0935d122b139b5870ffd82bc295b409e227c455",
            "dev": "29e3e56bab4ad4fb7308c265cb42bef1a55c59b4057c3717537a2e5a3b79e7c4"}
FLOORS = {"seed": {"coverage": 0.90, "geocode": 0.93}, "dev": {"coverage": 0.90, "geocode": 0.92}}


@pytest.fixture(scope="module")
def res(shared, tmp_path_factory):
    """A Resources over a data dir freshly installed from ../shared/data (the `shared` fixture
    skips without it on a developer's machine and fails under CI)."""
    from rasd.kb import install
    from rasd.kb.resources import Resources

    out = tmp_path_factory.mktemp("rasd-data")
    mp = pytest.MonkeyPatch()
    mp.setenv("RASD_DATA_DIR", str(out))
    try:
        install.install(shared / "data")
    finally:
        mp.undo()
    return Resources(out)


@pytest.fixture(scope="module")
def gaz(res):
    return res.gazetteer


def _records(shared, split):
    from geo_harness import gold_records
    path = shared / "corpus" / split / "gold.jsonl"
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if GOLD_SHA[split] != digest:
        pytest.fail(f"{path} changed (sha256 {digest}); re-measure and re-pin the floors deliberately")
    return gold_records(shared, split)


def _coverage(gaz, cues, named, records):
    from rasd.geo.features import km
    from rasd.geo.regions import match_region
    ok = total = 0
    for r in records:
        for pl in r["places"]:
            if pl.get("lat") is None:
                continue
            total += 1
            tol = pl.get("tolerance_km") or 5
            pts = []
            for a in pl["aliases"]:
                pts += [(p.lat, p.lon) for p in gaz.lookup(fold_str(a))]
                hit = match_region(tokenize(a), 0, gaz, cues, named)
                if hit:
                    pts += [(gaz.get(i).lat, gaz.get(i).lon) for i in hit[1]["base_ids"]]
            ok += any(km(p, (pl["lat"], pl["lon"])) <= tol for p in pts)
    return ok / total


@pytest.mark.parametrize("split", ["seed", "dev"])
def test_gazetteer_coverage(res, shared, split):
    cov = _coverage(res.gazetteer, res.geo_cues, res.region_table.named, _records(shared, split))
    print(f"\n{split}: gazetteer coverage {cov:.3f}")
    assert cov >= FLOORS[split]["coverage"]


@pytest.mark.parametrize("split", ["seed", "dev"])
def test_geocode_accuracy_on_gold_mentions(res, shared, split):
    from geo_harness import build_doc, score

    from rasd.stages.geocode import Geocode
    geocode = Geocode(res)
    docs = []
    for r in _records(shared, split):
        text = (shared / "corpus" / r["text_file"]).read_text(encoding="utf-8")
        doc = build_doc(text, r["places"], res)
        geocode(doc)
        docs.append(doc)
    ok, total, misses = score(docs)
    print(f"\n{split}: geocoded {ok}/{total} = {ok / total:.3f} within tolerance\n  " + "\n  ".join(misses))
    assert ok / total >= FLOORS[split]["geocode"]

