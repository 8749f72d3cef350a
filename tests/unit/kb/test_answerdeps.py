"""rasd.kb.answerdeps: the files the word answers depend on are found by watching the code run
(functions called, parts asked for, knowledge files read, constants imported), and the table's
fingerprint covers those files only."""
from __future__ import annotations

import importlib
import shutil
import sys

from rasd.kb.answerdeps import OUTSIDE, Tracer, package_root
from rasd.kb.resources import Resources
from rasd.kb.wordanswers import fingerprint
from rasd.kb.yamlfile import KNOWLEDGE_DIR


def _package(tmp_path, monkeypatch):
    """A tiny package: ``a.f`` calls ``b.g`` and reads ``c.LIMIT``; ``e.k``, imported by ``a``,
    is called only behind a cache filled before the trace; ``d`` is unrelated."""
    root = tmp_path / "toypkg"
    root.mkdir()
    (root / "__init__.py").write_text("")
    (root / "a.py").write_text("from functools import lru_cache\n\nfrom toypkg.c import LIMIT\nfrom toypkg.e import k\n\n"
                               "kc = lru_cache(None)(k)\n\n\ndef f(x):\n"
                               "    from toypkg.b import g\n    return min(g(x), LIMIT) + kc(x)\n")
    (root / "e.py").write_text("def k(x):\n    return 0\n")
    (root / "f.py").write_text("def only(x):\n    return x\n")
    (root / "b.py").write_text("def g(x):\n    return x * 2\n")
    (root / "c.py").write_text("LIMIT = 10\n")
    (root / "d.py").write_text("from toypkg.a import f\n\n\ndef h(x):\n    return f(x) + 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    for m in [m for m in sys.modules if m.startswith("toypkg")]:
        monkeypatch.delitem(sys.modules, m)
    return root


def test_the_functions_called_and_the_constants_read_are_dependencies(tmp_path, monkeypatch):
    root = _package(tmp_path, monkeypatch)
    a = importlib.import_module("toypkg.a")
    importlib.import_module("toypkg.d")
    assert a.f(3) == 6      # fills kc's cache: traced, k's code does not run
    t = Tracer(root)
    assert t.run("table", a.f, 3) == 6
    assert {p.rsplit("/", 1)[-1] for p in t.files["table"]} == {"a.py", "b.py"}
    code = t.dependencies(["table"])["code"]
    assert {"a.py", "b.py", "c.py", "e.py"} <= set(code)   # c: a constant, never called; e: behind the cache
    assert "d.py" not in code                           # imports a, but a never runs d's code


def test_an_answer_worked_out_inside_another_brings_its_dependencies(tmp_path, monkeypatch):
    root = _package(tmp_path, monkeypatch)
    f = importlib.import_module("toypkg.f")
    d = importlib.import_module("toypkg.d")
    t = Tracer(root)
    assert t.run("outer", lambda x: t.run("inner", d.h, x) + f.only(x), 1) == 4
    assert {p.rsplit("/", 1)[-1] for p in t.files["outer"]} == {"f.py"}    # d's, a's, b's: the inner's
    assert {"a.py", "b.py", "d.py", "f.py"} <= set(t.dependencies(["outer"])["code"])
    assert "f.py" not in t.dependencies(["inner"])["code"]


def test_a_part_brings_the_parts_it_asks_for_and_their_knowledge_files(tmp_path):
    res = Resources(tmp_path / "none")
    t = Tracer()
    t.run(OUTSIDE, lambda: (res.open_places, res.triggers))
    deps = t.dependencies(["triggers"])
    assert {"triggers", "modality", "clitics"} <= set(deps["knowledge"])    # triggers asks for the clitics
    assert "open_places" not in deps["knowledge"]                           # built too, not asked by triggers
    assert {"stages/events/lexicon.py", "arabic/clitics.py"} <= set(deps["code"])
    assert "stages/open_places.py" not in deps["code"]
    assert "open_places" in t.dependencies(["open_places"])["knowledge"]


def test_the_fingerprint_changes_with_a_dependency_only(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "names.json").write_text("{}", encoding="utf-8")
    code, kdir = tmp_path / "rasd", tmp_path / "knowledge"
    shutil.copytree(package_root(), code, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(KNOWLEDGE_DIR, kdir)
    deps = {"code": ["arabic/clitics.py", "caches.py"], "knowledge": ["clitics"]}
    fp = fingerprint(data, kdir, deps, code)

    def edit(path):
        path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")

    edit(code / "stages" / "worthiness" / "rules.py")
    edit(kdir / "worthiness.yaml")
    assert fingerprint(data, kdir, deps, code) == fp       # no dependency changed
    assert fingerprint(data, kdir, None, code) != fp       # (every file: it would have)
    edit(code / "arabic" / "clitics.py")
    fp2 = fingerprint(data, kdir, deps, code)
    assert fp2 != fp
    edit(kdir / "clitics.yaml")
    assert fingerprint(data, kdir, deps, code) != fp2


def test_the_previous_hook_is_put_back_after_a_call_and_after_an_exception(tmp_path, monkeypatch):
    root = _package(tmp_path, monkeypatch)
    a = importlib.import_module("toypkg.a")
    t = Tracer(root)
    assert sys.getprofile() is None
    assert t.run("table", a.f, 3) == 6
    assert sys.getprofile() is None

    def boom(x):
        a.f(x)
        raise LookupError("inside the traced call")

    try:
        t.run("other", boom, 3)
    except LookupError as e:
        assert "inside the traced call" in str(e)
    else:
        raise AssertionError("the traced call's exception was lost")
    assert sys.getprofile() is None
    assert not t.blind and {p.rsplit("/", 1)[-1] for p in t.files["other"]} == {"a.py", "b.py"}


def test_under_another_profiler_the_call_runs_untraced_and_every_table_covers_everything(tmp_path, monkeypatch):
    import cProfile

    root = _package(tmp_path, monkeypatch)
    a = importlib.import_module("toypkg.a")
    t = Tracer(root)
    prof = cProfile.Profile()
    prof.enable()
    try:
        assert t.run("table", a.f, 3) == 6
        assert sys.getprofile() is not None      # cProfile's hook still on
    finally:
        prof.disable()
    assert t.blind and "table" not in t.files
    assert t.dependencies(["table"]) is None     # fingerprint() then covers every module


def test_a_call_from_another_thread_runs_untraced(tmp_path, monkeypatch):
    import threading

    root = _package(tmp_path, monkeypatch)
    a = importlib.import_module("toypkg.a")
    t = Tracer(root)
    got = []
    th = threading.Thread(target=lambda: got.append(t.run("table", a.f, 3)))
    th.start()
    th.join()
    assert got == [6] and t.blind and t.dependencies(["table"]) is None
