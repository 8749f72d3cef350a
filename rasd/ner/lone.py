"""When the CRF's one-word span is a name although the CRF is not very sure of it.

A one-word span is the CRF's weakest proposal: a lone word out of a short window leans on little
context, so :class:`rasd.stages.ner.NerStage` asks more of it (``LONE_CONFIDENCE``) than of a
longer span.  Two facts of the NER corpora let it ask less (counted on the validation slice of
ANERcorp's train half, scripts/ner_validation.py, never on the test half):

* a bare word (no article, no ordinary word of the NER corpora, under any proclitic reading) that
  the CRF reads as a place or an organisation at all is one far more often than not: transliterated names (نوكيا،
  سيتروين، فابريغاس، نيقوسيا، ارسنال) are bare and rare, while the lone spans the CRF proposes
  wrongly are article words and everyday nouns (البنك، الحلف، الأكراد، اليورو، فيروس).  A lone
  person keeps the stricter test: an inflected noun (أميره "its emir") is bare and rare too;
* a place the CRF is sure of (``SURE_PLACE``) needs no word cluster rich in places to back it
  (مدريد، كاليفورنيا، اسكتلندا، طنجة): the cluster test is for the CRF's doubtful places.

Pure functions over folded keys: the stage passes its own word tests in.
"""
from __future__ import annotations

from collections.abc import Callable

SURE_PLACE = 0.85   # a lone place this sure is a place without a place-rich cluster behind it


def bare_rare(key: str, article: str, common: Callable[[str], bool]) -> bool:
    """The folded word carries no article and is no ordinary word of the NER corpora (``common``
    tests the word and its readings behind a proclitic)."""
    return not key.startswith(article) and not common(key)


def sure_place(key: str, conf: float, article: str, common: Callable[[str], bool]) -> bool:
    """A lone place span the CRF is sure of, on a word that is no ordinary word."""
    return conf >= SURE_PLACE and not common(key) and not common(key[len(article):] if key.startswith(article) else key)

