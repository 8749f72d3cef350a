"""`rasd data install` without --from (issue 9): URLs pinned to commits, every download checked
against the verified copy's SHA-256, end to end against a local HTTP server serving ../shared."""
from __future__ import annotations

import http.server
import re
import threading
import time
from functools import partial

import pytest

from rasd.kb import install as inst
from rasd.kb.install import GITHUB_RAW, MANIFEST, DownloadError, download, sha256, source_url

PINS = {
    "Open-Syria/data-geography": "bebd183c9f59",
    "mnemonicorg/syrianarchive-api": "12816da8700f",
    "HassanAzzam/Arabic-NER": "b7aeb8e6e700",
    "TeletronicsDotAe/nlp-entityextraction": "ec9e6b3565e2",
    "bvanaken/visbert": "8c0f4a8b8eb8",
}


def test_every_url_is_pinned_to_the_commit_the_shared_copy_came_from():
    for src in MANIFEST:
        assert src.url and src.url.startswith(GITHUB_RAW), src.path
        owner, repo, commit, *_ = src.url.removeprefix(GITHUB_RAW).split("/")
        assert re.fullmatch(r"[0-9a-f]{12,40}", commit), src.url
        assert commit.startswith(PINS[f"{owner}/{repo}"]), src.url
        assert src.member is None   # a raw file, not a zip whose member has another checksum


@pytest.fixture
def mirror(tmp_path, shared):
    """raw.githubusercontent.com laid out under tmp: owner/repo/commit/path → the shared file."""
    root = tmp_path / "mirror"
    for src in MANIFEST:
        target = root / src.url.removeprefix(GITHUB_RAW)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(shared / "data" / src.path)

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def do_GET(self):
            if self.path.startswith("/slow/"):
                time.sleep(3)
                self.path = self.path[len("/slow"):]
            super().do_GET()

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield root, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_download_checksum_ok(mirror, tmp_path):
    _, base = mirror
    src = next(s for s in MANIFEST if s.path.endswith("governorates.json"))
    got = download(src, tmp_path / "dl", mirror=base)
    assert sha256(got) == src.sha256


def test_download_checksum_bad(mirror, tmp_path):
    root, base = mirror
    src = next(s for s in MANIFEST if s.path.endswith("governorates.json"))
    target = root / src.url.removeprefix(GITHUB_RAW)
    target.unlink()
    target.write_bytes(b'{"changed": true}')
    with pytest.raises(DownloadError) as e:
        download(src, tmp_path / "dl", mirror=base)
    assert "SHA-256" in e.value.message and not (tmp_path / "dl" / src.path).exists()


def test_download_404(mirror, tmp_path):
    root, base = mirror
    src = next(s for s in MANIFEST if s.path.endswith("districts.json"))
    (root / src.url.removeprefix(GITHUB_RAW)).unlink()
    with pytest.raises(DownloadError) as e:
        download(src, tmp_path / "dl", mirror=base)
    assert "404" in e.value.message


def test_download_timeout(mirror, tmp_path):
    _, base = mirror
    src = next(s for s in MANIFEST if s.path.endswith("governorates.json"))
    start = time.monotonic()
    with pytest.raises(DownloadError) as e:
        download(src, tmp_path / "dl", mirror=base + "/slow", timeout=0.5)
    assert "Timeout" in e.value.message and time.monotonic() - start < 3


def test_install_end_to_end_from_the_mirror(mirror, tmp_path, monkeypatch):
    _, base = mirror
    monkeypatch.setenv("RASD_DATA_DIR", str(tmp_path / "data"))
    steps = []
    record = inst.install(None, mirror=base, progress=steps.append)
    assert record["from"] == "download"
    assert set(record["inputs"]) == {s.path for s in MANIFEST} | {inst.KNOWLEDGE_INPUT, inst.FROZEN_INPUT, inst.MINER_INPUT}
    assert record["counts"] and (tmp_path / "data" / "gazetteer.pkl").is_file()
    assert len(steps) == inst.steps(None)
    assert source_url(MANIFEST[0], base).startswith(base + "/mnemonicorg/")


def test_an_edited_knowledge_file_changes_the_install_inputs(tmp_path):
    """world_places.yaml is built into the gazetteer: editing it must make install rebuild."""
    (tmp_path / "world_places.yaml").write_text("- {id: a}\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not knowledge", encoding="utf-8")
    before = inst.knowledge_digest(tmp_path)
    (tmp_path / "notes.txt").write_text("changed", encoding="utf-8")
    assert inst.knowledge_digest(tmp_path) == before
    (tmp_path / "world_places.yaml").write_text("- {id: b}\n", encoding="utf-8")
    assert inst.knowledge_digest(tmp_path) != before


def test_a_changed_miner_threshold_changes_the_install_inputs(monkeypatch):
    """The cued tier is mined with thresholds of rasd.kb.names: changing one must make install rebuild."""
    from rasd.kb import names

    before = inst.miner_digest()
    assert inst.miner_digest() == before
    monkeypatch.setattr(names, "CUED_MIN_CUE_SHARE", names.CUED_MIN_CUE_SHARE * 2)
    assert inst.miner_digest() != before
