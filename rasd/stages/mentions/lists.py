"""Coordination: after a plural or dual type word (قرى X وY، بلدتي X وY) every "وName" is a place,
known or not; after a person, "و X Y" is a person too (المحيسني ومصلح العلياني)."""
from __future__ import annotations

from rasd.arabic.clitics import has_article, starts_with_and
from rasd.arabic.normalize import fold_str
from rasd.doc import Mention
from rasd.stages.mentions.context import Finder


def _next_person(f: Finder, m: Mention, found: set[int]) -> None:
    """X و Y Z: a second person after a person, unless Y is an ordinary word with an attached
    pronoun (الأسد وطائفته العلوية، ولشبيحته البربرية: his sect, his thugs; Finder.name_like)."""
    toks, j = f.toks, m.tok[1]
    if j + 1 < len(toks) and j not in found and j + 1 not in found \
            and starts_with_and(toks[j].key) and f.joined(j - 1) and f.joined(j) \
            and f.name_like(j, first=True) and not f.is_(j, "kunya") \
            and toks[j].key[1:] not in f.R.common and has_article(toks[j + 1].key) \
            and f.name_like(j + 1):
        f.add(j, j + 2, 1, "PERSON", None, 0.6, pattern=True)
        found.add(j)


def _list_item_end(f: Finder, j: int) -> int:
    """End of an unknown list item starting at token j (وName plus up to two article words)."""
    toks, k = f.toks, j + 1
    while k < len(toks) and k - j < 3 and f.joined(k - 1) and has_article(toks[k].key) \
            and f.name_like(k) and not f.place_at(k):
        k += 1
    return k


def _not_an_item(f: Finder, j: int, room: int) -> bool:
    stem = f.toks[j].key[1:]
    return (stem in f.R.common and room > 0) or not f.name_like(j, first=True) or f.is_(j, "place_cues") \
        or f.is_(j, "plural_place_cues") or len(stem) < 3


def _place_list(f: Finder, m: Mention, found: set[int], listed: set[int]) -> None:
    toks, (i, j) = f.toks, m.tok
    if not (i in listed or f.is_(i - 1, "plural_place_cues") or f.is_(i - 1, "dual_place_cues")):
        return
    room = 1 if f.is_(i - 1, "dual_place_cues") else 20
    cue = m.cue or _list_cue(f, i)
    m.cue = cue   # قرى X وY: the plural type word names every item, the first as the others
    while room > 0 and j < len(toks) and starts_with_and(toks[j].key) and f.joined(j - 1):
        room -= 1
        if j in found:
            nxt = next((x for x in f.out if x.tok[0] == j and x.type == "PLACE"), None)
            if nxt is None:
                break
            listed.add(j)
            nxt.cue = nxt.cue or cue
            j = nxt.tok[1]
            continue
        if _not_an_item(f, j, room):
            break
        stem, k = toks[j].key[1:], _list_item_end(f, j)
        f.add(j, k, 1, "PLACE", None, 0.6, key=" ".join([stem] + [t.key for t in toks[j + 1:k]]),
              place_ids=list(f.R.places.get(stem)), cue=cue, list_item="coordinated")
        found.add(j)
        listed.add(j)
        j = k


def _list_cue(f: Finder, i: int) -> str | None:
    """The plural or dual type word before token i without its proclitics (وقرى → قرى), folded."""
    for lst in ("plural_place_cues", "dual_place_cues"):
        if f.is_(i - 1, lst):
            return fold_str(f.toks[i - 1].key[f.prefix_of(i - 1, lst):])
    return None


def coordinate(f: Finder) -> None:
    """Extend the mentions found by the lists they head, in text order."""
    found = {m.tok[0] for m in f.out}
    listed: set[int] = set()
    for m in sorted(f.out, key=lambda m: m.start):
        if m.type == "PERSON":
            _next_person(f, m, found)
        if m.type == "PLACE":
            _place_list(f, m, found, listed)
