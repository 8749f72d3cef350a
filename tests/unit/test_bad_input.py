"""Bad input through `rasd extract` (the issue's "Done when"): a clear error line or a valid empty document.

Every case either exits 2 with ``error R###: …`` (and at most a hint line) on stderr and no
traceback, or exits 0 with a rasd.document/1 object that has no entities and no events.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import zlib

import pytest

ERROR_LINE = re.compile(r"^error R\d{3}: \S.*$")
REPORT = "قصفت طائرات حربية أطراف مدينة إدلب صباح اليوم وأصيب عدد من المدنيين."


def assert_clear_error(result) -> None:
    assert result.code == 2, (result.code, result.err)
    assert "Traceback" not in result.err + result.out
    lines = result.err.rstrip("\n").split("\n")
    assert len(lines) == 1 and ERROR_LINE.match(lines[0]), result.err   # one line (design §7)
    assert result.out == ""


def assert_empty_document(result) -> dict:
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    doc = json.loads(result.out)
    assert doc["schema"] == "rasd.document/1"
    assert doc["entities"] == [] and doc["events"] == [] and doc["relations"] == []
    return doc


def assert_error_or_empty(result) -> None:
    if result.code == 0:
        assert_empty_document(result)
    else:
        assert_clear_error(result)


@pytest.fixture
def write(tmp_path):
    def w(name: str, data: bytes):
        p = tmp_path / name
        p.write_bytes(data)
        return p
    return w


def test_empty_file(rasd_cli, write, installed):
    doc = assert_empty_document(rasd_cli("extract", write("empty.txt", b"")))
    assert doc["text"] == "" and doc["sentences"] == []


def test_blank_standard_input(rasd_cli, installed):
    assert assert_empty_document(rasd_cli("extract", "-", stdin=b" \n\t\n"))["text"] == ""


def test_binary_file(rasd_cli, write, installed):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    assert_clear_error(rasd_cli("extract", write("picture.png", png)))


def test_binary_file_without_nul_bytes(rasd_cli, write, installed):
    packed = zlib.compress(REPORT.encode("utf-8") * 40)
    assert b"\x00" not in packed
    assert_error_or_empty(rasd_cli("extract", write("report.z", packed)))


def test_twenty_megabytes(rasd_cli, write, installed):
    big = (REPORT + "\n").encode("utf-8")
    result = rasd_cli("extract", write("big.txt", big * (20_000_000 // len(big) + 1)))
    assert_clear_error(result)
    assert "rasd ingest" in result.err          # the hint says what to do instead


def test_no_arabic(rasd_cli, write, installed):
    result = rasd_cli("extract", write("note.txt", b"Shelling was reported, but this note is in English.\n"))
    assert_empty_document(result)
    assert "Arabic" in result.err


def test_invalid_utf8(rasd_cli, write, installed):
    """Mostly UTF-8 with a few broken bytes is still UTF-8: the readable Arabic is kept as written
    and each broken byte becomes U+FFFD (rasd.ingest.encoding.decode)."""
    head, tail = "قصف مدفعي", "على أطراف مدينة إدلب"
    result = rasd_cli("extract", write("broken.txt", head.encode() + b"\xff\xfe\xc3(" + tail.encode()))
    assert result.code == 0, result.err
    assert json.loads(result.out)["text"] == head + "\ufffd" * 3 + "(" + tail


@pytest.mark.parametrize("what", ["missing", "directory"])
def test_missing_file_or_directory(rasd_cli, tmp_path, what, installed):
    target = tmp_path / "nothing.txt" if what == "missing" else tmp_path
    assert_clear_error(rasd_cli("extract", target))


def test_installed_command_prints_no_traceback(write):
    """The real entry point, in its own process, for a binary file."""
    path = write("data.bin", b"\x00\x01\x02" * 100)
    proc = subprocess.run([sys.executable, "-m", "rasd.cli.main", "extract", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert ERROR_LINE.match(proc.stderr.splitlines()[0]), proc.stderr
