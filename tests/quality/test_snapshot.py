"""A speed change leaves the output identical: the digest of every document of a fixed 1,000-article
news sample (scripts/snapshot.py) equals the committed tests/quality/snapshot.tsv.

Measured: about 17 s of CPU for the 1,000 articles, so the whole sample runs in every CI run.
When extraction changes on purpose, regenerate the file with
`.venv/bin/python scripts/snapshot.py --update` and commit it with the change.
"""
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent


def _snapshot_module():
    spec = importlib.util.spec_from_file_location("rasd_snapshot_script", ROOT / "scripts" / "snapshot.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_extraction_output_equals_the_committed_snapshot(shared, installed):
    snap = _snapshot_module()
    expected = snap.read_snapshot()
    assert 990 <= len(expected) <= 1000, "tests/quality/snapshot.tsv is not the 1,000-article snapshot " \
                                         "(less its held-out reports)"
    got = snap.digests(shared)
    diff = snap.differences(expected, got)
    assert not diff, (
        f"{len(diff)} of {len(got)} documents' extraction changed:\n  " + "\n  ".join(diff[:20])
        + ("\n  …" if len(diff) > 20 else "")
        + "\nIf the change is deliberate, regenerate the snapshot: "
          "`.venv/bin/python scripts/snapshot.py --update` (and commit tests/quality/snapshot.tsv).")


def test_the_sample_holds_no_held_out_report(shared):
    """The snapshot sample (which scripts/event_diff.py dumps for reading) leaves out the reports of
    annotations/test and annotations/valid (HELD_OUT_PARTS) that its strides would pick."""
    from rasd.kb.heldout import held_out

    snap = _snapshot_module()
    skip = held_out(shared / "data")
    if not len(skip):
        pytest.skip("no held-out report found under ../shared/data")
    assert not [r.origin for r in snap.sample(shared, skip=skip) if (getattr(r, "text", None) or "") in skip]


def test_differences_name_each_changed_document():
    snap = _snapshot_module()
    a = [("x.zip!x.json#0", "aaaa", 1, 2), ("x.zip!x.json#9", "bbbb", 0, 3)]
    b = [("x.zip!x.json#0", "aaaa", 1, 2), ("x.zip!x.json#9", "cccc", 1, 3)]
    assert snap.differences(a, a) == []
    assert snap.differences(a, b) == ["x.zip!x.json#9: events 0→1, entities 3→3, digest bbbb→cccc"]
    assert snap.differences(a, b[:1] + [("y", "cccc", 1, 3)])[0].startswith("the sample itself differs")
