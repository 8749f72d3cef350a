"""Region phrases (ريف إدلب الجنوبي، شمال حلب, a named region): read by rasd.geo.regions, made a
PLACE mention here, or the base place itself when the phrase only points into a country or town."""
from __future__ import annotations

from rasd.arabic.normalize import fold_str
from rasd.stages.mentions.context import Finder
from rasd.stages.mentions.places import add_place, base_only


def region_hit(f: Finder, i: int):
    """(end token, reading) of a region phrase starting at token i, or None."""
    from rasd.geo.regions import match_region

    return match_region(f.toks, i, f.R.gaz, f.R.geo_cues, f.R.named_regions, f.reads[f.toks[i].key])


def add_region(f: Finder, i: int, hit) -> None:
    base = base_only(f, i, hit)
    if base:
        add_place(f, base)
        return
    j, info = hit
    more = info.pop("more", None)
    if more:
        _add_countrysides(f, i, j, info, more)
        return
    pre = info["prefix"] if "prefix" in info else f.prefix_of(i, pool=f.R.region_heads)
    s0 = i
    if f.is_(i - 1, "facility_cues") and f.joined(i - 1):
        s0, pre = i - 1, f.prefix_of(i - 1, "facility_cues")
    f.add(s0, j, pre, "PLACE", None, 0.85, region=info,
          key=fold_str(f.doc.text[f.toks[i].start:f.toks[j - 1].end]), place_ids=[])


def _add_countrysides(f: Finder, i: int, j: int, info: dict, more) -> None:
    """ريفي إدلب واللاذقية: the plural countryside word and its first name are one mention, each
    later name one more; every one is the countryside of its own name, and is named so with the
    singular word (ريف إدلب، ريف اللاذقية)."""
    one = f.R.geo_cues.rif_one
    first_end = more[0][0]
    pre = f.prefix_of(i, pool=f.R.region_heads)
    base = f.doc.text[f.toks[i + 1].start:f.toks[first_end - 1].end]
    f.add(i, first_end, pre, "PLACE", None, 0.85, region=info, place_ids=[],
          key=fold_str(f.doc.text[f.toks[i].start:f.toks[first_end - 1].end]), name=f"{one} {base}",
          why="a plural countryside word before several names: the countryside of the first")
    for a, b, ids, n in more:
        m = f.add(a, b, n, "PLACE", None, 0.85, place_ids=[],
                  region={**info, "base_ids": list(ids), "text_key": " ".join(t.key for t in f.toks[a:b])},
                  why="a name joined to a plural countryside word: the countryside of this name")
        m.name = f"{one} {m.text}"
        m.key = fold_str(m.name)
