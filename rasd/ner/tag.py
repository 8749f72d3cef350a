"""Tag token lists with the installed CRF: spans (start, end, class, confidence) over tokens."""
from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rasd.errors import DataMissingError
from rasd.ner.corpus import spans
from rasd.ner.features import Lexicons, model_attributes, token_features


@dataclass(frozen=True)
class Span:
    start: int          # token index
    end: int            # one past the last token
    cls: str            # PERS LOC ORG
    confidence: float   # the lowest marginal probability of the span's labels


class Tagger:
    """A loaded CRF and its lexicons.

    crfsuite's tagger holds the sentence it tagged last (``marginal`` reads it), and the feature
    cache is shared, so one call runs at a time: a lock of this tagger's own serialises them
    (the API extracts from a thread pool sharing one pipeline; unguarded, a thread's ``marginal``
    read another thread's sentence: "The position, 25 is out of range of 12")."""

    def __init__(self, model: Path, lex: Lexicons):
        import pycrfsuite

        if not model.is_file():
            raise DataMissingError(f"no NER model at {model}")
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model))
        self.lex = lex
        self._keep = model_attributes(self._tagger)   # the features the model holds
        self._cache: dict = {}    # token → its feature strings (bounded; see features.CACHE_SIZE)
        self._lock = threading.Lock()

    def features(self, tokens: Sequence[str]) -> list[list[str]]:
        """The item lists the CRF reads for ``tokens``: only features its model holds."""
        return token_features(tokens, self.lex, cache=self._cache, keep=self._keep)

    def tags(self, tokens: Sequence[str]) -> list[str]:
        if not tokens:
            return []
        with self._lock:
            return self._tagger.tag(self.features(tokens))

    def spans(self, tokens: Sequence[str]) -> list[Span]:
        if not tokens:
            return []
        with self._lock:
            tags = self._tagger.tag(self.features(tokens))
            return [Span(s, e, cls, min(self._tagger.marginal(tags[k], k) for k in range(s, e)))
                    for s, e, cls in sorted(spans(tags))]
