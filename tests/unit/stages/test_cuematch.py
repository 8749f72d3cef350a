"""rasd.stages.cuematch.cue_length reads a phrase of several words over the document's key list
itself (round 22: no function made per word); it answers as phrase_at does over the same words."""
from __future__ import annotations

from types import SimpleNamespace

from rasd.stages.cuematch import cue_length, phrase_at


class _Lookup:
    def __init__(self, table: dict[str, frozenset]):
        self.table = table

    def lookup(self, key: str) -> frozenset:
        return self.table.get(key, frozenset())


def _lexicon() -> SimpleNamespace:
    # a list "breaks" with a one-word cue (بينما) and phrases (في حين، غير ان، غير وقت الذي: made up)
    phrases = {"breaks": (("غير", "وقت", "الذي"), ("في", "حين"), ("غير", "ان"))}
    starts = {w: frozenset({"breaks"}) for w in ("في", "وغير", "غير", "بينما")}
    return SimpleNamespace(phrases=phrases, cue_starts=_Lookup(starts),
                           lists_of=_Lookup({"بينما": frozenset({"breaks"})}))


def _reference(L, keys: list[str], k: int, name: str, end: int) -> int:
    key = keys[k] if 0 <= k < len(keys) else ""
    if name not in L.cue_starts.lookup(key):
        return 0
    n = phrase_at(L.phrases.get(name, ()), lambda i: keys[i] if 0 <= i < len(keys) else "", k, end)
    return n or int(k < end and name in L.lists_of.lookup(key))


def test_a_cue_phrase_is_read_over_the_key_list():
    L = _lexicon()
    keys = "قال انه في حين وغير الوقت الذي غير الامر بينما غير ان في".split()
    assert cue_length(L, keys, 2, "breaks", len(keys)) == 2            # في حين
    assert cue_length(L, keys, 4, "breaks", len(keys)) == 3            # وغير الوقت الذي: the first word behind و, a later one with the article
    assert cue_length(L, keys, 4, "breaks", 6) == 0                    # the phrase runs past the end given
    assert cue_length(L, keys, 7, "breaks", len(keys)) == 0            # غير الامر: no phrase, no one-word cue
    assert cue_length(L, keys, 9, "breaks", len(keys)) == 1            # بينما: a one-word cue
    assert cue_length(L, keys, 10, "breaks", len(keys)) == 2           # غير ان
    assert cue_length(L, keys, 12, "breaks", len(keys) + 3) == 0       # في at the last word: nothing after it
    assert cue_length(L, keys, 0, "other", len(keys)) == 0
    for k in range(-1, len(keys) + 1):
        for end in range(0, len(keys) + 2):
            assert cue_length(L, keys, k, "breaks", end) == _reference(L, keys, k, "breaks", end), (k, end)
