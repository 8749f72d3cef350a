"""Quality gate for the gazetteer and the geocoder on the shared seed and dev gold (design §11).

The mention finder is not used: tests/quality/geo_harness.py builds PLACE entities from the gold
aliases found in each text, so these figures measure candidates + ranking alone.  Floors are
pinned with the gold files' SHA-256; a floor moves down only deliberately.
"""
import hashlib

import pytest

from rasd.arabic.normalize import fold_str
from rasd.arabic.tokens import tokenize
from rasd.settings import shared_dir

SHARED = shared_dir()
pytestmark = pytest.mark.skipif(SHARED is None, reason="../shared (gold corpus and source data) is not present")

GOLD_SHA = {"seed": "ad272e713ac431ac09f93544d0935d122b139b5870ffd82bc295b409e227c455",
            "dev": "29e3e56bab4ad4fb7308c265cb42bef1a55c59b4057c3717537a2e5a3b79e7c4"}
FLOORS = {"seed": {"coverage": 0.90, "geocode": 0.93}, "dev": {"coverage": 0.90, "geocode": 0.92}}


@pytest.fixture(scope="module")
def gaz(tmp_path_factory):
    import os

    from rasd.kb import gazetteer, install
    old = os.environ.get("RASD_DATA_DIR")
    os.environ["RASD_DATA_DIR"] = str(tmp_path_factory.mktemp("rasd-data"))
    gazetteer.load_gazetteer.cache_clear()
    install.install(SHARED / "data")
    yield gazetteer.load_gazetteer()
    gazetteer.load_gazetteer.cache_clear()
    if old is None:
        del os.environ["RASD_DATA_DIR"]
    else:
        os.environ["RASD_DATA_DIR"] = old


def _records(split):
    from geo_harness import gold_records
    path = SHARED / "corpus" / split / "gold.jsonl"
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if GOLD_SHA[split] != digest:
        pytest.fail(f"{path} changed (sha256 {digest}); re-measure and re-pin the floors deliberately")
    return gold_records(SHARED, split)


def _coverage(gaz, records):
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
                hit = match_region(tokenize(a), 0, gaz)
                if hit:
                    pts += [(gaz.get(i).lat, gaz.get(i).lon) for i in hit[1]["base_ids"]]
            ok += any(km(p, (pl["lat"], pl["lon"])) <= tol for p in pts)
    return ok / total


@pytest.mark.parametrize("split", ["seed", "dev"])
def test_gazetteer_coverage(gaz, split):
    cov = _coverage(gaz, _records(split))
    print(f"\n{split}: gazetteer coverage {cov:.3f}")
    assert cov >= FLOORS[split]["coverage"]


@pytest.mark.parametrize("split", ["seed", "dev"])
def test_geocode_accuracy_on_gold_mentions(gaz, split):
    from geo_harness import build_doc, score

    from rasd.stages import geocode
    docs = []
    for r in _records(split):
        text = (SHARED / "corpus" / r["text_file"]).read_text(encoding="utf-8")
        doc = build_doc(text, r["places"], gaz)
        geocode.run(doc)
        docs.append(doc)
    ok, total, misses = score(docs)
    print(f"\n{split}: geocoded {ok}/{total} = {ok / total:.3f} within tolerance\n  " + "\n  ".join(misses))
    assert ok / total >= FLOORS[split]["geocode"]

