"""Where rasd keeps installed data and its default database."""
import os
from pathlib import Path

import platformdirs


def data_dir() -> Path:
    """Installed data (gazetteer, name lists). ``RASD_DATA_DIR`` overrides the user data dir."""
    env = os.environ.get("RASD_DATA_DIR")
    return Path(env) if env else Path(platformdirs.user_data_dir("rasd"))


def default_db() -> Path:
    env = os.environ.get("RASD_DB")
    return Path(env) if env else data_dir() / "rasd.db"


def shared_dir() -> Path | None:
    """The ``../shared`` folder beside the checkout, if present (tests, benchmarks)."""
    env = os.environ.get("RASD_SHARED")
    cands = [Path(env)] if env else []
    here = Path(__file__).resolve().parent.parent
    cands += [here.parent / "shared", Path.cwd().parent / "shared"]
    for c in cands:
        if (c / "spec").is_dir():
            return c
    return None
