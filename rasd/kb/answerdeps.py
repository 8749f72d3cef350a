"""What the precomputed word answers (rasd.kb.wordanswers) depend on: the package's modules whose
code runs while the answering parts are built and while the answers are worked out, and the
knowledge files those parts read.  Found at install by watching the code run, so that the table's
fingerprint covers those files only: a change to, say, the worthiness rules or the argument
code leaves the table in use, while a change to anything an answer is computed by makes it stale.

How (:class:`Tracer`): while on, a profile hook (:func:`sys.setprofile`, this thread only, the
previous hook put back) notes the module file of every Python function of the package that is
called.  The Resources part getter is watched too: the files that run while part ``X`` is being
built are ``X``'s, an access to part ``Y`` from inside ``X``'s build is an edge ``X → Y``, and a
knowledge file asked for (``Resources.knowledge``, ``rasd.kb.yamlfile.load``) is the part's.  The
answers' own work (every cache miss the recorder sees for the first time) is traced under the
table's name, and an answer worked out inside another table's is an edge between the two.
:meth:`Tracer.dependencies` then takes, for one table, its part, every part and table reachable
from the two, their files and knowledge files, and every module a chosen file
imports a constant or a function from (a constant is read, never called, so the hook cannot see
it; a function may sit behind a cache filled before the trace: found in the file's import
statements, :func:`_import_sources`).

Why a profile hook and not a static import graph: the package's modules import one another
widely (a stage module imports the pipeline, which imports every stage), so the import closure of
the answering modules is most of the package (87 of 166 modules); the calls that really run are
far fewer.  Limits: code that changes an answering part's state from outside its build (none
today) would not be seen; the installed data files are all covered, whatever reads them (they
change only at install, which rebuilds the table anyway).
"""
from __future__ import annotations

import ast
import importlib
import inspect
import sys
import threading
from collections.abc import Callable, Iterable
from inspect import CO_OPTIMIZED
from pathlib import Path

OUTSIDE = "(outside)"     # code that runs outside any part's build (stage constructors)
# always covered: the table's own machinery
ALWAYS = ("kb/wordanswers.py", "kb/answerdeps.py", "caches.py", "kb/resources.py")


def package_root() -> Path:
    import rasd

    return Path(rasd.__file__).parent


class Tracer:
    """Notes which package files run and which parts and knowledge files are asked for, per part
    being built (see the module docstring).  ``run(label, fn, *args)`` traces one call."""

    def __init__(self, root: Path | None = None):
        from rasd.kb import yamlfile
        from rasd.kb.resources import Resources

        self.root = str(root or package_root()) + "/"
        self.files: dict[str, set[str]] = {}       # label → package files whose code ran
        self.edges: dict[str, set[str]] = {}       # label → the parts and tables it asked
        self.knowledge: dict[str, set[str]] = {}   # label → knowledge files (stems) it asked for
        self._stack: list[str] = []
        self._owner = threading.get_ident()       # the hook is per thread: only this thread is traced
        self.blind = False                         # a call ran untraced: no table may trust its list
        self._frames: list = []                    # the part getters' frames, innermost last
        self._getter = Resources.kb.fget.__code__  # one code object serves every part (resources._part)
        self._knowledge_of = Resources.knowledge.__code__
        self._yaml_load = yamlfile.load.__code__

    def run(self, label: str, fn: Callable, *args):
        """``fn(*args)`` with the hook on and its work noted under ``label``; inside a trace already
        running, under ``label`` too, with an edge to it from the label running (an answer worked
        out inside another table's answer, or while a part is built)."""
        if threading.get_ident() != self._owner or (not self._stack and sys.getprofile() is not None):
            # another thread (its calls would escape this thread's hook), or another profiler on
            # (cProfile's hook is no Python function to put back): run untraced, and every table
            # then covers every module (``dependencies`` gives None)
            self.blind = True
            return fn(*args)
        if self._stack:
            self.edges.setdefault(self._stack[-1], set()).add(label)
            self._stack.append(label)
            try:
                return fn(*args)
            finally:
                self._stack.pop()
        previous = sys.getprofile()
        self._stack.append(label)
        sys.setprofile(self._hook)
        try:
            return fn(*args)
        finally:
            sys.setprofile(previous)
            self._stack.clear()
            self._frames.clear()

    def _hook(self, frame, event, arg) -> None:
        if event == "call":
            path = frame.f_globals.get("__file__")
            if not path or not path.startswith(self.root) or not frame.f_code.co_flags & CO_OPTIMIZED:
                return   # a module's or class's body (no function): it runs at the first import, whoever imports
            label = self._stack[-1]
            self.files.setdefault(label, set()).add(path)
            code = frame.f_code
            if code is self._getter:
                name = frame.f_locals.get("name")
                self.edges.setdefault(label, set()).add(name)
                self._stack.append(name)
                self._frames.append(frame)
            elif code is self._knowledge_of:
                self.knowledge.setdefault(label, set()).add(str(frame.f_locals.get("name")))
            elif code is self._yaml_load:
                self.knowledge.setdefault(label, set()).add(Path(str(frame.f_locals.get("name_or_path"))).stem)
        elif event == "return" and self._frames and frame is self._frames[-1]:
            self._frames.pop()
            self._stack.pop()

    def dependencies(self, labels: Iterable[str]) -> dict[str, list[str]] | None:
        """The code files (relative to the package, posix) and knowledge files (stems) that what
        was traced under ``labels`` (parts, tables) depends on, with everything they reach; None
        (every module and knowledge file) when a call ran untraced (:attr:`blind`)."""
        from rasd.kb.loaders import files_of

        if self.blind:
            return None

        reach, todo = set(), list(labels)
        while todo:
            p = todo.pop()
            if p not in reach:
                reach.add(p)
                todo.extend(self.edges.get(p, ()))
        root = Path(self.root.rstrip("/"))
        files = {root / f for f in ALWAYS}
        stems: set[str] = set()
        for p in reach:
            files.update(map(Path, self.files.get(p, ())))
            stems.update(self.knowledge.get(p, ()))
            stems.update(files_of(p))
        return {"code": sorted(p.relative_to(root).as_posix() for p in _with_import_sources(files, root)),
                "knowledge": sorted(stems)}


def _with_import_sources(files: set[Path], root: Path) -> set[Path]:
    """``files`` and, again and again, every package module one of them imports a name from
    (:func:`_import_sources`)."""
    out, todo = set(), list(files)
    always = {root / f for f in ALWAYS}
    while todo:
        f = todo.pop()
        if f in out or not f.is_file():
            continue
        out.add(f)
        if f != root / "kb" / "resources.py":   # its imports are the parts' builders: the part graph's
            # the table's own machinery: only what it imports at module level (its functions'
            # imports are install's readers, which no answer runs)
            todo.extend(_import_sources(f, root, top_only=f in always))
    return out


def _import_sources(path: Path, root: Path, top_only: bool = False) -> set[Path]:
    """The package modules ``path`` imports a constant, a whole module or a function from, at any
    level of the file.  A constant is read, never called, so the hook cannot see it; a function may
    run only behind a cache filled before the trace (its answer then comes back without its code
    running), so its module is taken too.  A class is not followed: its methods run when called."""
    rel = path.relative_to(root).with_suffix("")
    package = [root.name, *rel.parts][:-1]   # a module's package; an __init__'s own package
    out: set[Path | None] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in (tree.body if top_only else ast.walk(tree)):
        if isinstance(node, ast.Import):
            out.update(_file_of(a.name, root) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package[:len(package) - (node.level - 1)]
                base = ".".join([*up, *([node.module] if node.module else [])])
            if base != root.name and not base.startswith(root.name + "."):
                continue
            try:
                module = importlib.import_module(base)
            except ImportError:
                continue
            for a in node.names:
                obj = getattr(module, a.name, None)
                if inspect.ismodule(obj):
                    out.add(_file_of(obj.__name__, root))
                elif inspect.isfunction(obj):
                    code = Path(inspect.unwrap(obj).__code__.co_filename)
                    out.add(code if code.is_relative_to(root) else None)
                elif not inspect.isclass(obj):
                    out.add(_file_of(base, root))
    return {p for p in out if p is not None and p != path}


def _file_of(module: str, root: Path) -> Path | None:
    if module != root.name and not module.startswith(root.name + "."):
        return None
    rel = Path(*module.split(".")[1:])
    for p in (root / rel / "__init__.py", (root / rel).with_suffix(".py")):
        if p.is_file():
            return p
    return None
