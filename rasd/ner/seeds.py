"""Which known words the CRF is also spent around: words of the news vocabulary's name clusters.

The gate (:mod:`rasd.ner.gate`) spends the CRF around words no lexicon knows and around given
names.  A transliterated or foreign name that the news vocabulary has met (برشلونة، ارسنال، بكين،
مانشستر) is "known" and no given name, so a name standing far from any unknown word is never read.
The word clusters learned from the news (:mod:`rasd.ner.clusters`) group such words with the
names the lexicons do know: a fine cluster of which at least ``NAME_CLUSTER_SHARE`` of the words
are given names, countries, cities, provinces or one-word knowledge-base names is a cluster of
names, and in a sentence the gate tags anyway its words seed windows too.  They do not make a
sentence worth tagging: read as given names (a trigger or role word and one of them), they tagged
28 % more tokens of the news for +.001 on the validation slice; as extra seeds only, 8.6 % more.
Chosen on the validation slice of ANERcorp's train half (scripts/ner_validation.py), never on its
test half.
"""
from __future__ import annotations

from collections import Counter

NAME_CLUSTER_SHARE = 0.2
NAME_CLUSTER_MIN = 3     # named words a cluster needs, whatever its share


def name_cluster_words(lex) -> frozenset[str]:
    """The words of the name clusters of ``lex`` (a :class:`rasd.ner.features.Lexicons`)."""
    size: Counter = Counter()
    named: Counter = Counter()
    for w, (_, fine) in lex.clusters.items():
        size[fine] += 1
        if w in lex.given or w in lex.kb or lex.places.get(w) in ("country", "city", "admin"):
            named[fine] += 1
    rich = {c for c, n in named.items() if n >= NAME_CLUSTER_MIN and n >= NAME_CLUSTER_SHARE * size[c]}
    return frozenset(w for w, (_, fine) in lex.clusters.items() if fine in rich)
