"""One document's mention Finder over the miniature gazetteer and a hand-made given-name list,
for the unit tests of each finder module (rasd.stages.mentions.*)."""
from __future__ import annotations

import geo_fake
import pytest
from hand_docs import doc_of

from rasd.kb.resources import Resources
from rasd.stages.mentions.context import Finder

RES = Resources("/nonexistent-rasd-data").provide(
    gazetteer=geo_fake.fake_gazetteer(), given_names=frozenset({"سامر", "خالد"}),
    common_words=frozenset({"جميلة", "كبيرة"}))


@pytest.fixture(scope="session")
def index():
    return RES.mention_index


@pytest.fixture
def finder(index):
    """finder(text) → (Finder, the index of the token whose text is ``word``)."""
    def make(text: str) -> Finder:
        return Finder(doc_of(text), index)

    return make


def at(f: Finder, word: str) -> int:
    """The token whose written text is ``word``."""
    return next(t.i for t in f.toks if f.doc.text[t.start:t.end] == word)
