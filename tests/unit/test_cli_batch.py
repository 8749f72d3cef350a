"""`rasd batch` and `rasd store import` fail with one coded line, before starting any cluster."""
import pytest

pytest.importorskip("distributed", reason="needs the batch extra (pip install 'rasd[batch]')")


def test_batch_names_a_missing_input(rasd_cli, tmp_path):
    r = rasd_cli("batch", tmp_path / "nope.jsonl", "--out", tmp_path / "ds")
    assert r.code == 2 and r.err.startswith("error R100: no such file or folder") and "Traceback" not in r.err


def test_store_import_refuses_a_folder_that_is_not_a_dataset(rasd_cli, tmp_path):
    r = rasd_cli("store", "import", tmp_path, "--db", tmp_path / "db")
    assert r.code == 2 and "is not a rasd batch dataset" in r.err and "hint" in r.err
