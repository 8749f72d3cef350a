"""Find ACTOR, PERSON, PLACE and SOURCE mentions.

Known names come from the knowledge base and the gazetteer (clitic-aware whole-word matching,
:mod:`rasd.arabic.matcher`); unknown ones from cue patterns whose words live in
``knowledge/lexicon.yaml``: titles and kunyas before persons, heads before organisations,
type words before places, and source phrases. At each token the longest candidate wins; ties go
to the knowledge base. One module per job:

- :mod:`.index` — the matchers and word classes (a Resources part);
- :mod:`.context` — one document's state and the token predicates;
- :mod:`.known` (knowledge-base names), :mod:`.places`, :mod:`.regions`, :mod:`.persons`,
  :mod:`.organisations` (and loyalists), :mod:`.sources` — the finders;
- :mod:`.lists` — coordination (قرى X وY); :mod:`.finder` — the main loop.
"""
from __future__ import annotations

from rasd.doc import Doc
from rasd.pipeline import Stage
from rasd.stages.mentions.finder import find
from rasd.stages.mentions.index import MentionIndex, build_index

__all__ = ["Mentions", "MentionIndex", "build_index"]


class Mentions(Stage):
    name = "mentions"
    requires = ("text", "sentences")
    assigns = ("mentions",)

    def __call__(self, doc: Doc) -> Doc:
        if doc.text:
            doc.mentions = find(doc, self.resources.mention_index)
        return doc
