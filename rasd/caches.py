"""Bounded per-word caches of the stages: a word's answer depends on the word (and the resources
the cache belongs to) only, so a plain dict keeps it; a full dict drops its older half.

A plain dict rather than ``functools.lru_cache``: a document's words are looked up in one
C-level ``map(cache.get, keys)``, about a quarter of the cost of as many ``lru_cache`` hits."""
from __future__ import annotations

from collections.abc import Callable
from itertools import islice


def keep(cache: dict, key, value, size: int) -> None:
    """Put ``value`` in a cache of at most ``size`` entries; a full cache first drops its older
    half (dicts keep insertion order; pop, not del: two threads sharing a pipeline may drop the
    same key)."""
    if len(cache) >= size:
        for k in list(islice(cache, len(cache) // 2 or 1)):
            cache.pop(k, None)
    cache[key] = value


def answers(cache: dict, keys: list, compute: Callable, size: int) -> list:
    """``compute(key)`` for every key, in order: the cached ones in one C-level pass, the others
    worked out once each and kept (:func:`keep`)."""
    found = list(map(cache.get, keys))
    i = -1
    for _ in range(found.count(None)):   # the words not in the cache (list.index: no loop here)
        i = found.index(None, i + 1)
        got = cache.get(keys[i])
        if got is None:
            got = compute(keys[i])
            keep(cache, keys[i], got, size)
        found[i] = got
    return found



def tabled(compute: Callable, table: dict | None) -> Callable:
    """``compute`` asking ``table`` first (precomputed answers, rasd.kb.wordanswers): a cache's
    miss path, so a cache hit costs what it did.  No table: ``compute`` itself."""
    if table is None:
        return compute
    get = table.get

    def asking(key):
        got = get(key)
        return compute(key) if got is None else got
    return asking
