"""The scripts under scripts/ are files, not a package: a test loads one by its path. One loader for
all script tests: it puts scripts/ on the path (the scripts import one another: _shared, sample_rules,
cue_firing), keeps the module under its own name in sys.modules (a script imported by another is then
the same module) and returns the loaded one when it is already there."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def load_script(name: str):
    """scripts/<name>.py as a module."""
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))
    path = SCRIPTS / f"{name}.py"
    known = sys.modules.get(name)
    if known is not None and getattr(known, "__file__", "") == str(path):
        return known
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod
