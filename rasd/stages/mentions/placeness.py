"""Whether a gazetteer name stands in a place context: the predicate that both learns which Syrian
village names are mostly ordinary words (scripts/place_contexts.py, over the unlabelled news) and
decides, in the mention finder, that such a name is a place here (rasd.stages.mentions.places).

One definition serves both, so the statistic measures exactly the evidence the finder asks for.
A **strong** context is one of:

- a place type word right before the name (قرية، بلدة، منطقة، مخيم، مطار …);
- a list of places: the name follows or precedes another Syrian gazetteer name, joined by و, a
  comma or a dash; a name that only a comma or a dash joins to the name before it must itself go
  on as a list item (a comma, و or the sentence's end after it): "مجدل شمس، معرباً عن" starts a
  new clause, not a list;
- a container right after it, within ``CONTAINER_WINDOW`` words of its sentence: a countryside or
  direction word or a type word before a gazetteer name (بريف حلب، شمال حماة، بمحافظة إدلب), or
  a word that ties a place to its unit (التابعة، الواقعة، بالقرب: geo_cues.yaml admin_links).

A preposition alone (في، على، من) is **weak**: على إسقاط، في الربيع العربي read as places by it.

After a type word the finder is stricter than "strong" (`place_context`): only a settlement word
(قرية، بلدة، حي) makes a listed name the village, and only when the name stops there; محطة سان
ميشال، مستشفى العيون name something else. The statistic of scripts/place_contexts.py counts with
`place_context` too, so it measures the evidence the finder accepts, not a looser one.
"""
from __future__ import annotations

from rasd.arabic.clitics import letters, starts_with_and
from rasd.arabic.matcher import Hit
from rasd.arabic.script import CLAUSE_ENDS, LIST_GAPS
from rasd.kb.gazetteer import WORLD_SOURCE
from rasd.stages.mentions.context import Finder
from rasd.stages.mentions.index import REGION

CONTAINER_WINDOW = 3
_TYPE_LISTS = frozenset(("place_cues", "strong_place_cues", "facility_cues", "settlement_cues", "plural_place_cues"))
# minor kinds: the Syrian gazetteer's villages, quarters and subdistricts (a governorate, a district
# and every world-list entry are named without a cue; place_kinds.yaml)
MINOR_KINDS = frozenset(("locality", "neighbourhood", "subdistrict"))


def minor_only(f: Finder, h: Hit) -> bool:
    """Every namesake of the hit is a Syrian village, quarter or subdistrict."""
    gaz = f.R.gaz
    return all(gaz.get(p).kind in MINOR_KINDS and gaz.get(p).source != WORLD_SOURCE for p in h.payloads)


def name_key(f: Finder, h: Hit) -> str:
    """The index key of the name the hit matched (proclitics and articles off): the statistic's key."""
    text = " ".join(t.key for t in f.toks[h.i:h.j])[h.prefix:]
    return f.R.gaz.canon(text)


def type_word_before(f: Finder, i: int) -> bool:
    return i > 0 and f.joined(i - 1) and not f.lists[i - 1].isdisjoint(_TYPE_LISTS)


def preposition_before(f: Finder, i: int, h: Hit) -> bool:
    return (i > 0 and f.joined(i - 1) and "place_preps" in f.lists[i - 1]) or h.prefix > 0


def _syrian_at(f: Finder, k: int) -> Hit | None:
    h = f.place_at(k)
    return h if h is not None and any(f.R.gaz.get(p).source != WORLD_SOURCE for p in h.payloads) else None


def in_list(f: Finder, i: int, h: Hit) -> bool:
    """و، a comma or a dash between the name and another Syrian gazetteer name, either side."""
    j = h.j
    if j < f.n and (starts_with_and(f.toks[j].key) or f.gap(j - 1).strip() in LIST_GAPS) and _syrian_at(f, j):
        return True
    anded = starts_with_and(f.toks[i].key) and h.prefix > 0
    if i == 0 or not (anded or f.gap(i - 1).strip() in LIST_GAPS):
        return False
    if not anded and not item_ends(f, h.j):
        return False   # "X، معرباً عن": a comma after a place opens a clause unless the list goes on
    for k in range(max(0, i - 3), i):
        g = _syrian_at(f, k)
        if g is not None and g.j == i:
            return True
    return False


def ends_item(gap: str, next_key: str | None) -> bool:
    """A list item of places ends where ``gap`` (the marks between the item's last word and the next
    word, spaces stripped) stands before the word ``next_key`` (None: the text ends): a comma, a dash
    or a clause end (a full stop, a colon, ؛) follows, or the next word starts with و. The one test
    of both place finders: the gazetteer finder's lists (``item_ends``: "مجدل شمس، معرباً عن" opens a
    clause, not a list) and the open finder's glued "، وX" items (rasd.stages.open_places, which
    also takes an item that a container word right after it places)."""
    if next_key is None:
        return True
    if gap:
        return gap in LIST_GAPS or gap[0] in CLAUSE_ENDS
    return starts_with_and(next_key)


def item_ends(f: Finder, j: int) -> bool:
    """A list item ends at token j (`ends_item`)."""
    return ends_item(f.gap(j - 1).strip(), f.toks[j].key if j < f.n else None)


def region_head(f: Finder, k: int) -> bool:
    """Token k is a countryside or direction word (ريف، شمال، جنوبي): the head of a region phrase,
    by one of its readings. The one test of the place finders (container_after here, the club
    rule of rasd.stages.mentions.places)."""
    if not f.words[k][0] & REGION:
        return False   # no reading opens a region phrase (region_heads is within the index's region_gate)
    heads = f.R.region_heads
    return any(st in heads for _, st in f.reads[f.toks[k].key])


def _head(f: Finder, k: int) -> bool:
    """A place type word or the head of a region phrase (region_head)."""
    return "place_cues" in f.lists[k] or region_head(f, k)


def container_after(f: Finder, h: Hit) -> bool:
    """A countryside, direction or type word before a gazetteer name, or a unit-tying word, within
    CONTAINER_WINDOW words after the name and before the sentence ends."""
    links = f.R.geo_cues.admin_links
    k = h.j
    while k < min(f.n, h.j + CONTAINER_WINDOW):
        if "." in f.gap(k - 1):
            return False
        key = f.toks[k].key
        if key in links and len(key) > 2:   # التابعة، الواقعة، بالقرب (not في، ب)
            return True
        if _head(f, k) and k + 1 < f.n and f.joined(k) and f.place_at(k + 1) is not None:
            return True
        k += 1
    return False


def strong_context(f: Finder, i: int, h: Hit) -> bool:
    return type_word_before(f, i) or in_list(f, i, h) or container_after(f, h)


def settled(f: Finder, i: int, j: int) -> bool:
    """A settlement word stands right before the name at tokens i..j-1 and the name stops there:
    after it an everyday word is a place unless the name goes on (مستشفى الملك عبدالله، حي سان سيفرين)."""
    if not (i > 0 and f.is_(i - 1, "settlement_cues") and f.joined(i - 1)):
        return False
    continued = j < f.n and f.joined(j - 1) and f.name_like(j) \
        and not f.is_(j, "place_preps") and not starts_with_and(f.toks[j].key)
    return not continued


def place_context(f: Finder, i: int, h: Hit) -> bool:
    """The context in which the finder takes a village name that is mostly an ordinary word for the
    village: after a type word, only a settlement word with no proclitic on the name and the name
    stopping there (جامعة لجيل، محطة سان ميشال name something else); with no type word, a list of
    places or a container after it (see the module doc)."""
    if type_word_before(f, i):
        proclitic = f.toks[i].key[:h.prefix].removesuffix(letters().article)   # جامعة لجيل، مطار كابل
        return not proclitic and settled(f, i, h.j)
    return in_list(f, i, h) or container_after(f, h)
