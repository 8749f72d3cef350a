"""Where the scripts find ../shared, and the held-out reports they must never sample.

Every script that reads ../shared (the gold corpora, the unlabelled news, the CAMeL files) asks
:func:`shared_or_exit` or :func:`data_or_exit`: one message when the folder is missing, instead of a
copy of it in each script (or a TypeError on ``None / "data"``). Scripts that sample the news leave
out the project's held-out reports (annotations/test and annotations/valid) with :func:`held_out_of` and
:func:`without_held_out`, the check install's readers and place_mining use (rasd.kb.heldout).

Import it from a script after putting the scripts folder on the path (scripts run as
``python scripts/x.py`` have it there already; a test loading a script by file does not)::

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _shared import shared_or_exit  # noqa: E402
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Callable, TypeVar

from rasd.kb.heldout import HeldOut, held_out
from rasd.settings import shared_dir

T = TypeVar("T")

MISSING = "no ../shared folder beside the checkout (set RASD_SHARED)"


def shared_or_exit() -> Path:
    """The ../shared folder (or $RASD_SHARED); exits the script with one line when there is none."""
    shared = shared_dir()
    if shared is None:
        raise SystemExit(MISSING)
    return shared


def data_or_exit(given: Path | None = None) -> Path:
    """The news data folder (news/, news2/, ner/): ``given`` (a ``--data`` option), else ../shared/data."""
    return Path(given) if given is not None else shared_or_exit() / "data"


def held_out_of(data: Path, skip: HeldOut | None = None) -> HeldOut:
    """``skip`` when given (a test's), else the held-out reports found under the data folder."""
    return skip if skip is not None else held_out(Path(data))


def without_held_out(items: Iterable[T], skip: HeldOut, text: Callable[[T], str | None]) -> Iterator[T]:
    """The items whose text (``text(item)``: an article's body, or title and body) is no held-out report."""
    return (item for item in items if (text(item) or "") not in skip)
