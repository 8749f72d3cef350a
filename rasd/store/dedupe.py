"""Near-duplicate reports (one wire story, several outlets, lightly edited): MinHash + LSH.

datasketch supplies MinHash and the LSH index (a maintained, tested implementation of both).
Shingles are word 3-grams of the folded text, so spelling variants (أ/ا, ة/ه) and diacritics do
not hide a copy.
"""
from __future__ import annotations

import re

import numpy as np
from functools import cache

from datasketch import LeanMinHash, MinHash, MinHashLSH

from rasd.arabic.normalize import fold_str

NUM_PERM = 128
SCHEME = "affine32"  # fixed so stored signatures stay comparable across datasketch defaults
SHINGLE = 3
THRESHOLD = 0.7

_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(fold_str(text))
    if len(words) < SHINGLE:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}


@cache
def _permutations():
    """The permutation parameters of every signature: a pure function of NUM_PERM, SCHEME and
    datasketch's fixed seed, drawn once per process (drawing them took 0.65 ms per MinHash, a
    fifth of importing a report)."""
    perms = MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations
    for a in perms:
        a.setflags(write=False)
    return perms


def signature(text: str) -> bytes:
    """The MinHash of a text, as bytes to store beside the report."""
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=_permutations())
    m.update_batch(list(shingles(text)))
    return m.hashvalues.astype(np.uint64).tobytes()


def _minhash(sig: bytes) -> LeanMinHash:
    """A stored signature, frozen: LeanMinHash compares and indexes like MinHash without drawing
    permutations it will never use."""
    return LeanMinHash(seed=1, hashvalues=np.frombuffer(sig, dtype=np.uint64), scheme=SCHEME)


class NearDuplicates:
    """An LSH index of stored reports; ``add`` returns the earlier reports a new one copies."""

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._sigs: dict[int, MinHash] = {}

    def add(self, report_id: int, sig: bytes) -> list[tuple[int, float]]:
        m = _minhash(sig)
        found = []
        for other in self._lsh.query(m):
            sim = m.jaccard(self._sigs[other])
            if sim >= self.threshold:
                found.append((other, round(sim, 4)))
        self._lsh.insert(report_id, m)
        self._sigs[report_id] = m
        return sorted(found)
