"""Region phrases: ريف X [direction], الريف الشمالي لـX, شرق X, بادية X, named sub-regions.

:func:`match_region` is pure given the gazetteer: the mention finder calls it at each token
position.  The words come from rasd/knowledge/geo_cues.yaml, the region → admin-unit convention
from rasd/knowledge/regions.yaml; both are validated on load and errors name file and line.
"""
from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from rasd.arabic.normalize import fold_str, strip_article
from rasd.arabic.clitics import letters, readings as stems
from rasd.arabic.tokens import Token
from rasd.kb.gazetteer import canon
from rasd.kb.yamlfile import KNOWLEDGE_DIR, load, require, str_list

DIRECTIONS = ("north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west")
_PLACE_ID = re.compile(r"^(admin:SY\d+|ocha:C\d+|sa:\d+|world:[a-z0-9-]+)$")
MAX_NAME_TOKENS = 4


@dataclass(frozen=True)
class GeoCues:
    adjective: dict[str, str]        # folded adjective → direction code (الشمالي → north)
    before: dict[str, str]           # folded noun/adverb → code (شرق → east)
    order: tuple[str, ...]
    rif: frozenset[str]
    badia: frozenset[str]
    anaphors: frozenset[str]        # without the article: stems() readings are compared
    gov_anaphors: frozenset[str]    # folded, as a whole mention key
    conj: frozenset[str]
    cues: dict[str, dict]            # folded cue word → {"prefer": [...], "large": bool, "facility": bool}
    admin_links: frozenset[str]
    window: int
    heads: frozenset[str] = frozenset()  # rif ∪ badia ∪ before: the words a non-named phrase opens with
    # place kinds (place_kinds.yaml): what a ريف/بادية phrase may be based on (region_base), what
    # a direction word may point into (direction_base), what may be named as context (context)
    base_kinds: frozenset[str] = frozenset()
    direction_kinds: frozenset[str] = frozenset()
    context_kinds: frozenset[str] = frozenset()
    # a plural or dual countryside word (ريفي، أرياف) names the countryside of each name joined by و
    # after it; ``rif_one`` is the singular that names one of them (ريف)
    rif_plural: frozenset[str] = frozenset()
    rif_one: str = ""
    # the word of a capital named by its state's adjective, whose own name may follow (العاصمة)
    capital_words: frozenset[str] = frozenset()


def _folded(path, item, key) -> frozenset[str]:
    return frozenset(fold_str(x) for x in str_list(path, item, key))


def geo_cues(path: Path | None = None, kinds: dict[str, frozenset[str]] | None = None) -> GeoCues:
    """Read and validate geo_cues.yaml (not cached: Resources keeps it), with the place kinds of
    ``kinds`` (Resources.place_kinds; default: place_kinds.yaml beside ``path``)."""
    path = path or KNOWLEDGE_DIR / "geo_cues.yaml"
    kinds = kinds if kinds is not None else place_kinds(path.parent / "place_kinds.yaml")
    d = load(path)
    require(isinstance(d, dict), path, {}, "geo_cues.yaml must be a mapping")
    adjective, before = {}, {}
    for item in d.get("directions") or []:
        require(isinstance(item, dict) and item.get("code") in DIRECTIONS, path, item if isinstance(item, dict)
                else d, f"direction code must be one of {DIRECTIONS}")
        adjective |= {w: item["code"] for w in _folded(path, item, "adjective")}
        before |= {w: item["code"] for w in _folded(path, item, "before")}
    cues = {}
    for item in d.get("cues") or []:
        require(isinstance(item, dict), path, d, "each cue must be a mapping")
        spec = {"prefer": str_list(path, item, "prefer"), "large": bool(item.get("large")),
                "facility": bool(item.get("facility"))}
        cues |= {w: spec for w in _folded(path, item, "words")}
    rif, rif_plural = _folded(path, d, "rif"), _folded(path, d, "rif_plural")
    require(rif_plural <= rif, path, d, "every rif_plural word must also be a rif word")
    require(not rif_plural or (isinstance(d.get("rif_one"), str) and d["rif_one"].strip()
                               and fold_str(d["rif_one"].strip()) in rif), path, d,
            "rif_one (the singular countryside word) must be one of the rif words when rif_plural is set")
    window = d.get("context_window", 8)
    require(isinstance(window, int) and window > 0, path, d, "context_window must be a positive integer")
    return GeoCues(adjective, before, tuple(str_list(path, d, "compound_order")), rif,
                   _folded(path, d, "badia"), frozenset(strip_article(w) for w in _folded(path, d, "anaphors")),
                   frozenset(strip_article(w) for w in _folded(path, d, "governorate_anaphors")),
                   _folded(path, d, "and"), cues, _folded(path, d, "admin_links"), window,
                   rif | _folded(path, d, "badia") | frozenset(before),
                   kinds["region_base"], kinds["direction_base"], kinds["context"],
                   rif_plural, str(d.get("rif_one") or "").strip(),
                   frozenset(strip_article(w) for w in _folded(path, d, "capital_words")))


def place_kinds(path: Path) -> dict[str, frozenset[str]]:
    """The named sets of place kinds of a place_kinds.yaml (what Resources.place_kinds holds)."""
    return {k: frozenset(v) for k, v in load(path).items() if k != "__line__"}


class NamedRegions(dict):
    """Folded, canonical name of a named region → place id (None: not geocoded), and
    ``first_words``: the words those names start with (match_region returns at once for others)."""

    def __init__(self, items=()):
        super().__init__(items)
        self.first_words = frozenset(k.split(" ", 1)[0] for k in self)


@dataclass(frozen=True)
class RegionTable:
    governorates: dict[str, dict[str, str]]   # governorate id → direction|default|badia → place id
    named: dict[str, str | None]              # folded name → place id (None: not geocoded)


def region_table(path: Path | None = None) -> RegionTable:
    """Read and validate regions.yaml (not cached: Resources keeps it)."""
    path = path or KNOWLEDGE_DIR / "regions.yaml"
    d = load(path)
    require(isinstance(d, dict), path, {}, "regions.yaml must be a mapping")
    govs = {}
    for gid, table in (d.get("governorates") or {}).items():
        if gid == "__line__":
            continue
        require(isinstance(table, dict) and "default" in table, path, d, f"{gid}: needs a 'default' entry")
        for k, v in table.items():
            if k == "__line__":
                continue
            require(k in DIRECTIONS or k in ("default", "badia"), path, table, f"{gid}: unknown direction {k!r}")
            require(isinstance(v, str) and bool(_PLACE_ID.match(v)), path, table, f"{gid}.{k}: bad place id {v!r}")
        govs[gid] = {k: v for k, v in table.items() if k != "__line__"}
    named = {}
    for item in d.get("named") or []:
        require(isinstance(item, dict), path, d, "each named region must be a mapping")
        pid = item.get("place")
        require(pid is None or (isinstance(pid, str) and bool(_PLACE_ID.match(pid))), path, item,
                f"bad place id {pid!r}")
        for n in str_list(path, item, "names"):
            named[canon(fold_str(n))] = pid
    return RegionTable(govs, NamedRegions(named))


def compound(codes: list[str], order: tuple[str, ...]) -> str:
    """north + east → north-east, whichever order the text gives them."""
    return "-".join(sorted(dict.fromkeys(codes), key=order.index))


def _readings(tok: Token) -> list[str]:
    return [s for _, s in stems(tok.key)]


def _directions(tokens: list[Token], j: int, table: dict[str, str], cues: GeoCues) -> tuple[int, str | None]:
    """Up to two consecutive direction words from j; returns (next index, compound code)."""
    codes = []
    while j < len(tokens) and len(codes) < 2:
        hit = table.get(tokens[j].key)
        if hit is None or hit in codes:
            break
        codes.append(hit)
        j += 1
    return j, (compound(codes, cues.order) if codes else None)


def _name(tokens: list[Token], j: int, gaz, kinds: Collection[str] | None = None, strip: bool = False):
    """The longest gazetteer name starting at token j; returns (next index, ids, key) or None.

    ``strip`` allows proclitics on the first word (لحلب)."""
    firsts = [f for f in (_readings(tokens[j]) if strip else [tokens[j].key]) if gaz.may_start(f)]
    if not firsts:
        return None
    for n in range(min(MAX_NAME_TOKENS, len(tokens) - j), 0, -1):
        rest = " ".join(t.key for t in tokens[j + 1:j + n])
        for first in firsts:
            key = f"{first} {rest}".strip()
            places = [p for p in gaz.lookup(key) if kinds is None or p.kind in kinds]
            if places:
                return j + n, [p.id for p in places], key
    return None




MAX_COUNTRYSIDES = 4   # names after one plural countryside word (أرياف حلب وإدلب وحماة واللاذقية)


def _more_countrysides(tokens: list[Token], j: int, gaz, cues: GeoCues) -> list[tuple[int, int, list[str], int]]:
    """After ريفي X / أرياف X: the names joined to X by و, each a base a countryside may be of:
    [(first token, end token, place ids, length of the conjunction before the name)], in order; a
    name not in the gazetteer ends the list."""
    out = []
    while j < len(tokens) and len(out) < MAX_COUNTRYSIDES - 1:
        key = tokens[j].key
        n = next((len(c) for c in cues.conj if key.startswith(c)), 0)
        if not n or not gaz.may_start(key[n:]):
            break
        hit = None
        for k in range(min(MAX_NAME_TOKENS, len(tokens) - j), 0, -1):
            name = " ".join([key[n:], *(t.key for t in tokens[j + 1:j + k])])
            places = [p.id for p in gaz.lookup(name) if p.kind in cues.base_kinds]
            if places:
                hit = (j, j + k, places, n)
                break
        if hit is None:
            break
        out.append(hit)
        j = hit[1]
    return out


def capital_name(tokens: list[Token], hit, gaz, cues: GeoCues):
    """The capital's own name in apposition right after a gazetteer name ``hit`` (next index, ids,
    key) that opens on a capital word (العاصمة السورية | دمشق): (next index, ids, key) of that name, or None."""
    end, _, key = hit
    first = key.split(" ", 1)[0]
    if not cues.capital_words or strip_article(first) not in cues.capital_words or end >= len(tokens):
        return None
    return _name(tokens, end, gaz, cues.context_kinds)


def capital_name_end(tokens: list[Token], hit, gaz, cues: GeoCues) -> int:
    """The end of ``hit`` taken on over the capital's own name after it (:func:`capital_name`)."""
    after = capital_name(tokens, hit, gaz, cues)
    return after[0] if after else hit[0]


def _skip_type_word(tokens: list[Token], j: int, cues: GeoCues) -> int:
    """Skip مدينة / محافظة / بلدة between ريف and the name."""
    return j + 1 if j < len(tokens) - 1 and tokens[j].key in cues.cues else j


def _base_name(tokens: list[Token], j: int, gaz, cues: GeoCues, kinds):
    """The name a countryside or a direction is of, at token ``j`` (:func:`_name` of ``kinds``): a
    capital word is itself the name (ريف العاصمة السورية، جنوبي العاصمة السورية), else a type word
    before the name is skipped (ريف مدينة حلب); None when no name is there."""
    if j >= len(tokens):
        return None
    if strip_article(tokens[j].key) in cues.capital_words:
        hit = _name(tokens, j, gaz, kinds)
        if hit:
            return hit
    return _name(tokens, _skip_type_word(tokens, j, cues), gaz, kinds)


def match_region(tokens: list[Token], i: int, gaz, cues: GeoCues, named: dict[str, str | None],
                 reads: tuple[tuple[int, str], ...] | None = None) -> tuple[int, dict] | None:
    """A region phrase starting at token ``i``: (index one past its last token, info) or None.

    info = {"base_ids": [...], "direction": "north"|…|None, "rif": bool, "text_key": str,
            "anaphor": bool, "named": bool, "badia": bool}
    ``cues`` and ``named`` (RegionTable.named) come from the Resources; ``reads``: token i's
    readings when the caller has them (``Doc.readings``), else they are asked for.
    """
    if i >= len(tokens):
        return None
    readings = stems(tokens[i].key) if reads is None else reads
    # Return at once unless the word (under some proclitic reading) can open a named region or a
    # ريف / بادية / direction phrase: most tokens open neither.
    firsts = named.first_words if isinstance(named, NamedRegions) else {k.split(" ", 1)[0] for k in named}
    opens_named = [(pre, f) for pre, f in readings if gaz.canon(f) in firsts]   # one word: canon_word
    first = [f for _, f in readings]
    if not opens_named and cues.heads.isdisjoint(first):
        return None

    def info(end: int, base_ids, direction, **kw) -> tuple[int, dict]:
        d = {"base_ids": list(base_ids), "direction": direction, "rif": False, "anaphor": False,
             "named": False, "badia": False,
             "text_key": " ".join(t.key for t in tokens[i:end])}
        d.update(kw)
        return end, d

    # Named sub-regions (سهل الغاب, القلمون الشرقي): longest phrase first.
    for n in range(min(MAX_NAME_TOKENS, len(tokens) - i), 0, -1):
        rest = " ".join(t.key for t in tokens[i + 1:i + n])
        for pre, f in opens_named:
            key = gaz.canon(f"{f} {rest}".strip())
            if key in named:
                pid = named[key]
                return info(i + n, [pid] if pid else [], None, named=True, prefix=pre)

    if any(f in cues.rif for f in first):
        j = i + 1
        if j < len(tokens) and tokens[j].key in cues.adjective:      # الريف الشمالي لحلب
            j, direction = _directions(tokens, j, cues.adjective, cues)
            if j < len(tokens):
                ends = letters().article_ends()
                # للمحافظة refers back; لمحافظة حمص is followed by its name (read below); لمدينة حماة
                # ends the phrase, and the town after it is the countryside's (place_context)
                if any(s in cues.anaphors and (tokens[j].key[:n].endswith(ends) or s not in cues.gov_anaphors)
                       for n, s in stems(tokens[j].key)):
                    return info(j + 1, [], direction, rif=True, anaphor=True)
                hit = _name(tokens, _skip_type_word(tokens, j, cues), gaz, cues.base_kinds, strip=True)
                if hit:
                    return info(capital_name_end(tokens, hit, gaz, cues), hit[1], direction, rif=True)
            # "الريف الجنوبي" alone: the countryside of the governorate last named
            return info(j, [], direction, rif=True, anaphor=True)
        hit = _base_name(tokens, j, gaz, cues, cues.base_kinds)   # ريف حلب، ريف مدينة حلب، ريف العاصمة السورية
        # "ريف دمشق" is itself a governorate's name: the whole phrase is the base.
        whole = _name(tokens, i, gaz, ("governorate",), strip=True)
        if whole and (hit is None or whole[0] >= hit[0]):
            hit = whole
        if hit is None:
            return None
        hit = (capital_name_end(tokens, hit, gaz, cues), *hit[1:])
        end, direction = _directions(tokens, hit[0], cues.adjective, cues)
        # Duals: ريفي حلب الشرقي والشمالي (الشرقي) — a second direction after و.
        if direction and end < len(tokens) and tokens[end].key[:1] in cues.conj:
            second = tokens[end].key[1:]
            if second in cues.adjective:
                end2, _ = _directions(tokens, end + 1, cues.adjective, cues)
                return info(end2, hit[1], direction, rif=True,
                            also=compound([cues.adjective[second]] + [cues.adjective[t.key] for t in
                                                                       tokens[end + 1:end2]], cues.order))
        if direction is None and cues.rif_plural.intersection(first):
            more = _more_countrysides(tokens, end, gaz, cues)
            if more:   # ريفي إدلب واللاذقية: the countryside of each name
                n, d = info(end, hit[1], None, rif=True, more=more)
                return more[-1][1], d
        return info(end, hit[1], direction, rif=True)

    if any(f in cues.badia for f in first):      # بادية حمص (البادية السورية is a named region)
        hit = _name(tokens, i + 1, gaz, cues.base_kinds) if i + 1 < len(tokens) else None
        return info(hit[0], hit[1], None, badia=True) if hit else None

    hits = [cues.before[f] for f in first if f in cues.before]
    if hits:                                     # شرق حماة, شمال غرب إدلب
        codes, j = [hits[0]], i + 1
        if j < len(tokens) and cues.before.get(tokens[j].key, codes[0]) != codes[0]:
            codes.append(cues.before[tokens[j].key])
            j += 1
        hit = _base_name(tokens, j, gaz, cues, cues.direction_kinds)   # جنوبي حلب، جنوبي العاصمة السورية
        if hit and any(gaz.get(pid).kind != "locality" or gaz.get(pid).rank >= 2 for pid in hit[1]):
            return info(capital_name_end(tokens, hit, gaz, cues), hit[1], compound(codes, cues.order))
    return None
