"""The main loop: at each word that may start a mention, every finder proposes an end token; the
longest candidate wins, ties go by rank (knowledge base first); then lists and surnames."""
from __future__ import annotations

from itertools import compress
from operator import itemgetter, or_

from rasd.doc import Doc, Mention
from rasd.stages.mentions import known, organisations, persons, places, regions, sources
from rasd.stages.mentions.context import Finder
from rasd.stages.mentions.index import KB, LOYAL, ORG, PERSON, PLACE, REGION, SOURCE, MentionIndex
from rasd.stages.mentions.lists import coordinate


def _place_rank(f: Finder, i: int) -> int:
    cued = f.is_(i - 1, "place_preps") or f.is_(i - 1, "place_cues") or f.coordinated_place(i)
    return 2 if cued else 4


def candidates(f: Finder, i: int, flags: int, after_cue: bool) -> list[tuple[int, int, str, object]]:
    """(end token, rank, finder, its hit) of every finder that matches at token i."""
    out = []
    kh = f.kb_hit(i) if flags & KB else None
    if kh and (known.indefinite_short(f, kh) or known.context_misread(f, kh)):
        # حزب كاديما: not الحزب of the knowledge base; قوات جيش الفتح: not قوات الجيش
        f.refuse(i, kh.j, "kb", "a short form without the article opening another name, or read inside "
                                "a longer name: not the knowledge base's entry")
        kh = None
    if kh and known.family_named(f, kh):
        f.refuse(i, kh.j, "kb", "a family name after the family marker: the family, not the "
                                "person of the knowledge base")
        kh = None
    if kh:
        out.append((kh.j, 0 if any(not p[2] for p in kh.payloads) else 6, "kb", kh))
    rh = regions.region_hit(f, i) if flags & REGION else None
    if rh and not rh[1]["anaphor"] and places.heads_longer_name(f, i, rh[0]):
        f.refuse(i, rh[0], "region", "the region phrase ends on the first word of a longer name")
        rh = None   # غرب منطقة تل | زعرب: the phrase ends on the head of a longer name
    # (a countryside ending on its type word, الريف الغربي لمدينة | حماة, is followed by its town)
    if rh:
        out.append((rh[0], 1, "region", rh))
    ph = places.place_hit(f, i) if flags & PLACE else None
    if ph and kh and (places.outlet_told(f, i, ph, kh) or places.outlet_not_region(f, i, ph, kh)):
        f.refuse(i, ph.j, "place", "the name of a news outlet the knowledge base knows, not its place")
        ph = None
    if ph and places.names_a_thing(f, i, ph):
        f.refuse(i, ph.j, "place", "the place's name after a word of a named thing (a charter, an agreement, "
                                   "a conference): the thing, not the place")
        ph = None   # ميثاق روما، اتفاق الرياض: a charter or an agreement named after the city
    if ph and places.in_slogan(f, i, ph):
        f.refuse(i, ph.j, "place", "a place in a slogan after its head word (lexicon.yaml slogan_heads, "
                                   "slogan_places): the cause, not a place")
        ph = None
    if ph and places.club_not_place(f, i, ph):
        if kh and kh.j == ph.j and all(p[2] for p in kh.payloads):
            out = [c for c in out if c[2] != "kb"]   # باريس سان جرمان: nor the capital standing for France
        f.refuse(i, ph.j, "place", "a sports club named after its city")
        ph = None   # ريال مدريد، لاعب برشلونة: the club, not the city
    if rh and ph and places.named_region(f, ph, rh[0]):
        f.refuse(i, rh[0], "region", "the gazetteer names the whole phrase as a region of its own")
        out.pop()   # جنوب لبنان is a region of its own in the gazetteer, not "the south of Lebanon"
    if ph:
        ph = places.reach(f, ph)   # its end once, for the ranking here and for add_place
        out.append((ph.end, _place_rank(f, i), "place", ph))
    end = persons.person_at(f, i) if flags & PERSON or after_cue else None
    if end:
        out.append((end, 3, "person", None))
    end = organisations.org_at(f, i) if flags & ORG else None
    if end:
        out.append((end, 5, "org", None))
    end = organisations.front_at(f, i) if flags & ORG and not end else None
    if end:
        out.append((end, 5, "front", None))
    end = organisations.loyalists_at(f, i) if flags & LOYAL else None
    if end:
        out.append((end, 4, "loyal", None))
    end = sources.source_at(f, i) if flags & SOURCE else None
    if end:
        out.append((end, 5, "source", None))
    if after_cue:
        cue = places.unknown_place_at(f, i)
        if cue:
            out.append((cue, 7, "uplace", None))
        if places.kunya_after_place_word(f, i):
            if any(c[2] == "person" for c in out):
                f.refuse(i, next(c[0] for c in out if c[2] == "person"), "person",
                         "a kunya after a word of a settlement names the place, not a person")
            out = [c for c in out if c[2] != "person"]   # بلدة أبو حمام، قرى أم صفا: a place, not a man
    return out


_ADD = {
    "kb": lambda f, i, end, hit: known.add_known(f, hit),
    "region": lambda f, i, end, hit: regions.add_region(f, i, hit),
    "place": lambda f, i, end, hit: places.add_place(f, hit),
    "person": lambda f, i, end, hit: persons.add_person(f, i, end),
    "org": lambda f, i, end, hit: organisations.add_org(f, i, end),
    "front": lambda f, i, end, hit: organisations.add_front(f, i, end),
    "loyal": lambda f, i, end, hit: organisations.add_loyalists(f, i, end),
    "source": lambda f, i, end, hit: sources.add_source(f, i, end),
    "uplace": lambda f, i, end, hit: places.add_unknown_place(f, i, end),
}


def step(f: Finder, i: int, flags: int, after_cue: bool) -> int:
    """Add the winning mention at token i; the token to go on from."""
    cands = candidates(f, i, flags, after_cue)
    if not cands:
        return i + 1
    end, _, what, hit = max(cands, key=lambda c: (c[0], -c[1]))
    _ADD[what](f, i, end, hit)
    return end


def find(doc: Doc, index: MentionIndex) -> list[Mention]:
    """Every mention of ``doc``, in text order."""
    f = Finder(doc, index)
    flags = list(map(itemgetter(0), f.words))            # what may start at each token
    after_cue = [False, *map(itemgetter(1), f.words)]    # the word before makes it worth a look
    i = 0
    # only the tokens where something may start (most words of a report are skipped at C speed)
    for k in compress(range(f.n), map(or_, flags, after_cue)):
        if k >= i:
            i = step(f, k, flags[k], after_cue[k])
    coordinate(f)
    persons.appositions(f)
    persons.surnames(f)
    f.out.sort(key=lambda m: m.start)
    return f.out
