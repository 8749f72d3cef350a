"""scripts/why_fires.py: which ACTOR mentions it counts as fires of a decision (by the start of
their why), over a fake pipeline, so the figures in docs/lexicon-checks.md count what they say."""
from __future__ import annotations

from script_loader import load_script

from rasd.doc import Doc, Entity, Mention
from rasd.errors import RasdError


class FakePipe:
    """Each article's content becomes a doc with one ACTOR mention per why listed in ``whys``."""

    def __init__(self, whys: dict[str, list[str | None]]):
        self.whys = whys

    def run(self, content, title=None, published=None, doc_id=None):
        if content == "refused":
            raise RasdError("refused")
        doc = Doc(content)
        ms = [Mention(0, 3, content[:3], "ACTOR", None, why=w) for w in self.whys[content]]
        ms.append(Mention(0, 3, content[:3], "PLACE", None, why="loyal to nobody"))   # not an ACTOR
        doc.entities = [Entity("E1", "ACTOR", "x", None, "actor:x", ms)]
        return doc


def test_fires_are_the_actor_mentions_whose_why_starts_with_the_prefix():
    wf = load_script("why_fires")
    pipe = FakePipe({"aaaa": ["loyal to houthis: …", None, "short form of x"], "bbbb": ["loyal to x"],
                     "cccc": ["an unnamed group"]})
    arts = [("r1", "", "aaaa", None), ("r2", "", "bbbb", None), ("r3", "", "refused", None),
            ("r4", "", "cccc", None)]
    got = [(ref, m.why) for ref, m, e, text in wf.fires(pipe, arts, "loyal to ")]
    assert got == [("r1", "loyal to houthis: …"), ("r2", "loyal to x")]
