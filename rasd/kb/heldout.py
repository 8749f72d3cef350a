"""The project's held-out reports, kept out of everything learned or counted from the news.

annotations/test and annotations/valid (the held-out parts, :data:`HELD_OUT_PARTS`) point at
articles of ../shared/data (``text_file: "shared:news/…zip#n"`` or
``"shared:news2/…jsonl.gz#id"``). What `rasd data install` learns from the unlabelled news (given
names, word clusters) and the scripts that write generated knowledge files
skip those articles, so no held-out text reaches a name list, a count or a model (the rule for the
CAMeL test half, applied to the project's own test part).

An article is recognised by its text, not by its position, because the readers differ in how they
number articles (a zip member's list index, a shard's line, an id): the key is the first
:data:`KEY_CHARS` characters of the article body with white space collapsed, looked up at the start
of the text and at every line start (a report read by `rasd ingest` puts a title before the body).
"""
from __future__ import annotations

import json
from pathlib import Path

from rasd.errors import RasdError

REPO_ANNOTATIONS = Path(__file__).resolve().parents[2] / "annotations"
# The annotation parts that are held out: scored, never read for misses, never trained or tuned on.
# test/ gives the final figures; valid/ is the part changes are chosen on without touching test/.
HELD_OUT_PARTS = ("test", "valid")
# The news readers (`rasd data install`: names, word clusters, word answers; the scripts that sample
# the news for rule checks) leave out the articles of both parts.
KEY_CHARS = 120
SHARED_PREFIX = "shared:"


def key(text: str) -> str:
    """The look-up key of a text that starts with an article body."""
    return " ".join(text[:KEY_CHARS * 3].split())[:KEY_CHARS]


class HeldOut:
    """A set of held-out article bodies; ``text in held_out`` says whether a text carries one."""

    def __init__(self, keys=(), articles: int = 0):
        self.keys = frozenset(k for k in keys if k)
        self.articles = articles     # held-out articles found (each gives one or two keys)

    def __len__(self) -> int:
        return len(self.keys)

    def __contains__(self, text: object) -> bool:
        if not self.keys or not isinstance(text, str):
            return False
        if key(text) in self.keys:
            return True
        start = text.find("\n")
        while start != -1:
            if key(text[start + 1:start + 1 + KEY_CHARS * 3]) in self.keys:
                return True
            start = text.find("\n", start + 1)
        return False


def held_out_files(annotations: Path = REPO_ANNOTATIONS, parts: tuple[str, ...] = HELD_OUT_PARTS) -> list[Path]:
    """The gold files of the held-out ``parts`` (annotations/test, then annotations/valid)."""
    return [f for part in parts if (annotations / part).is_dir()
            for f in sorted((annotations / part).glob("*.jsonl"))]


def held_out_refs(annotations: Path = REPO_ANNOTATIONS, parts: tuple[str, ...] | None = None) -> list[str]:
    """The shared references (``news/2015-07-22.zip#69``) of the held-out ``parts`` (default:
    :data:`HELD_OUT_PARTS`), in file order."""
    refs: list[str] = []
    for f in held_out_files(annotations, HELD_OUT_PARTS if parts is None else parts):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                ref = json.loads(line).get("text_file") or ""
                if ref.startswith(SHARED_PREFIX):
                    refs.append(ref[len(SHARED_PREFIX):])
    return refs


def held_out(data_root: Path, annotations: Path = REPO_ANNOTATIONS, *,
             parts: tuple[str, ...] | None = None) -> HeldOut:
    """The held-out article bodies found under ``data_root`` (the shared data folder: news/, news2/).
    A reference into a shard that is not there is skipped: nothing of it can be read either."""
    from rasd.eval.gold import _shard

    shards: dict[str, dict] = {}
    keys = []
    found = 0
    for ref in held_out_refs(annotations, parts):
        path, _, art = ref.partition("#")
        p = Path(data_root) / path
        if not p.is_file():
            continue
        if path not in shards:
            try:
                shards[path] = _shard(p, str(p))
            except RasdError:
                continue
        a = shards[path].get(art)
        if a:
            found += 1
            text = a["text"]
            keys.append(key(text))               # title and body, or the body alone
            if "\n\n" in text:
                keys.append(key(text.split("\n\n", 1)[1]))   # the body after its title
    return HeldOut(keys, found)
