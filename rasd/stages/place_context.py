"""Places read from their context, after geocoding (runs between ``geocode`` and ``corefer``).

- **Containers.** A place the gazetteer cannot place, whose phrase names a larger place it lies in
  (موقع السماقة في مزارع شبعا، حاجز X بريف حماة، القرية التابعة لمنطقة Y، مستوطنة X قرب Z), is
  placed at that container with a coarser ACLED geo-precision (2 when the container is a town,
  3 when it is an area) and a ``why`` that says so. Its ``kb_id`` stays empty: it is not the
  container, so corefer does not merge the two (eventcoref reads it as lying inside it:
  eventcoref.yaml ``at_container``).
- **Countries used as places.** A country or capital that the mentions stage typed as an actor
  (its government) is a PLACE where the sentence uses it as one: a dateline (``تركيا: مقتل …``, also
  after a colon inside a line), the object of a verb of happening (التي شهدتها تركيا، ضربت باكستان،
  تعرضت لها مصر), the genitive of a territory word (أنحاء إيران، بأمن الكويت؛ الحدود الشمالية مع
  لبنان), an item of a list of places that a list preposition governs (على نيويورك وواشنطن، في العراق
  وسوريا ولبنان), the country of the region or town right before it (سيناء مصر), or a capital's
  own name in apposition after the capital word (العاصمة أنقرة، بالعاصمة طهران: the city). A list that no
  such preposition opens stays a list of governments (قادة أميركا وكندا وفرنسا، بين الصين وتركيا).
  The mention moves; the state's other mentions stay with its actor, so a report that has the state
  act and names it as a place gets both entities, one ACTOR and one PLACE.
- **List items.** A name open_places took as a list item (between two places of one list: موقع جل
  العلام، الجرداح، حدب البستان، المالكية; after a plural type word: بلدات أعزاز، زمرينا، مارع) is
  placed between its two nearest located neighbours in the list
  when they lie close together (``LIST_NEAR_KM``), with ACLED precision 2 and a ``why`` naming them.
- **Outskirts.** A place named only by its edge or a part of it (الأطراف الغربية لمدينة سراقب، محيط
  بلدة X) keeps its coordinates with ACLED precision 2 ("near or part of").
- **Place anaphors.** A bare noun with the article (البلدة، القرية، البلدتين) refers to the place of
  that type named shortly before it (same or previous two sentences); a dual refers to the last
  two. corefer resolves المحافظة، المدينة and العاصمة the same way by gazetteer kind.

Word lists: ``knowledge/open_places.yaml`` (container_links, location_verbs, territory_words, border_links,
list_preps, anaphors).
"""
from __future__ import annotations

from bisect import bisect_left

from rasd.arabic.clitics import letters, readings, starts_with_and
from rasd.arabic.normalize import fold_str
from rasd.arabic.script import CLAUSE_ENDS
from rasd.doc import PARTY_OF_FACILITY, Doc, Entity, Mention
from rasd.geo.features import km
from rasd.pipeline import Stage
from rasd.stages.open_places import PlaceCues, candidate_tokens, reads, word_forms

TOWN_KINDS = {"locality", "city", "town", "village", "facility"}
MAX_LINK = 5          # words between a place and its container
ANAPHOR_REACH = 2     # sentences back an anaphor may reach
MAX_TERRITORY = 5     # words between a territory word and the country (الحدود الشمالية لفلسطين المحتلة مع)
MAX_ITEMS = 12        # items of a list of places
_AREA = {"country", "governorate", "district", "subdistrict", "region"}
WORLD_PREFIX = "world:"   # the kb ids of world_places.yaml
FAR_KM = 75.0         # a known place this far from the town the report puts it in is a namesake (a town that is
#                       also its province's name, الحديدة، أربيل, holds places 60+ km off: place27)
LIST_NEAR_KM = 25.0   # neighbours in a list this close place the unknown item between them
_BREAKS = frozenset(CLAUSE_ENDS + "!?\u061f\n")   # a gap holding one ends the phrase (؟ the Arabic question mark)
# the list items (Mention.list_item) placed between their neighbours: open_places' items between two
# places of one list and after a plural or dual type word
NEIGHBOURED = frozenset({"between", "after_cue"})


def country_place(p, text: str, why: str) -> Entity:
    """A new PLACE entity (no id yet) for gazetteer country or capital ``p``, named ``text`` in the report."""
    return Entity("", "PLACE", p.name_ar or text, p.name_en, p.id, [], confidence=0.8,
                  geo={"lat": p.lat, "lon": p.lon, "precision": 3 if p.kind == "country" else 1,
                       "feature": p.kind, "admin1": p.admin1, "admin2": p.admin2, "admin3": p.admin3,
                       "why": f"{p.kind} {p.name_en}: {why}"})


def place_mention(m: Mention, place_ids, why: str) -> Mention:
    """The PLACE mention of an actor mention ``m`` whose words name a place of the gazetteer."""
    return Mention(m.start, m.end, m.text, "PLACE", None, 0.8, tok=m.tok, key=fold_str(m.text),
                   place_ids=list(place_ids), why=why)


def _located(e: Entity) -> bool:
    return e.type == "PLACE" and bool(e.geo) and e.geo.get("lat") is not None


class _Context:
    def __init__(self, doc: Doc, cues: PlaceCues, res):
        self.doc, self.c, self.res = doc, cues, res
        self.L = cues.letters or letters()   # the clitic letters of the loading Resources
        self.toks = doc.tokens
        self.at: dict[int, tuple[Mention, Entity]] = {}
        self.ends: dict[int, tuple[Mention, Entity]] = {}
        for e in doc.entities:
            for m in e.mentions:
                self.at.setdefault(m.tok[0], (m, e))
                self.ends.setdefault(m.tok[1] - 1, (m, e))
        self.taken = {k for e in doc.entities for m in e.mentions for k in range(*m.tok)}

    def gap(self, i: int) -> str:
        t = self.toks
        return self.doc.text[t[i].end:t[i + 1].start].strip() if i + 1 < len(t) else "."

    # ---- containers ------------------------------------------------------------------------
    def container_of(self, m: Mention, e: Entity) -> tuple[Entity, str] | None:
        """The located place the phrase after ``m`` names as its container, with the words between."""
        last = self.toks[m.tok[1] - 1].key
        # الريف الغربي لمدينة | حماة: a phrase that ends on its own link or type word
        k, linked, words = m.tok[1], reads(last, self.c.links) or reads(last, self.c.settlement), []
        while k < len(self.toks) and k - m.tok[1] <= MAX_LINK:
            if not _BREAKS.isdisjoint(self.gap(k - 1)):
                return None
            hit = self.at.get(k)
            if hit is not None and hit[1] is not e and hit[0].party_of == PARTY_OF_FACILITY and hit[1].type == "ACTOR":
                k = hit[0].tok[1]   # موقع السماقة الإسرائيلي، في مزارع شبعا: the owner's adjective, as any adjective
                words.append(hit[0].text)
                continue
            if hit is not None and hit[1] is not e:
                y = hit[1]
                # لمدينة حماة: the container's own mention opens on a link or type word
                linked = linked or (hit[0].name is not None and (reads(self.toks[k].key, self.c.links)
                                                                 or reads(self.toks[k].key, self.c.settlement))) \
                    or self.glued_link(k, hit[0])
                if linked and _located(y):
                    return y, " ".join(words)
                if y.type == "PLACE" and not _located(y):
                    k = hit[0].tok[1]   # an unplaced place between: keep looking past it
                    words.append(hit[0].text)
                    continue
                return None
            key = self.toks[k].key
            if reads(key, self.c.edges) and words:
                # عند المدخل الشرقي لمدينة عدن: an edge word after a link, and its adjective, lead on to
                # the container (the edge itself is no place: place_context's outskirts say so)
                words.append(self.doc.text[self.toks[k].start:self.toks[k].end])
                k += 1
                continue
            if len(key) == 1:          # لـ written apart
                k += 1
                continue
            if reads(key, self.c.links):
                linked = True
            elif not (key in self.c.enders or (key.startswith(self.L.article) and key.endswith(self.L.nisba_suffixes))):
                return None
            words.append(self.doc.text[self.toks[k].start:self.toks[k].end])
            k += 1
        return None

    def glued_link(self, k: int, m: Mention) -> bool:
        """ناحية بني سعد بمحافظة ديالى: the container's mention starts after a linking proclitic glued
        to its token (ب, a container link; not the conjunction و, which coordinates two places)."""
        tok = self.toks[k]
        if m.start <= tok.start or m.start > tok.end:
            return False
        pre = fold_str(self.doc.text[tok.start:m.start])
        return pre in self.c.links and not starts_with_and(pre)

    def containers(self) -> None:
        for e in self.doc.entities:
            if e.type != "PLACE" or _located(e) or not e.mentions:
                continue
            for m in e.mentions:
                found = self.container_of(m, e)
                if found is None:
                    continue
                y, words = found
                g = y.geo
                prec = 3 if (g.get("precision") or 1) >= 3 or g.get("feature") in _AREA or m.region else 2
                e.geo = {"lat": g["lat"], "lon": g["lon"], "precision": prec, "feature": "container",
                         "admin1": g.get("admin1"), "admin2": g.get("admin2"), "admin3": g.get("admin3"),
                         "why": f"{(e.geo or {}).get('why') or 'not in the gazetteer'}; placed at its container "
                                f"'{y.mentions[0].text}' ('{m.text} {words} …'), ACLED precision {prec}"}
                break

    def far_namesakes(self) -> None:
        """موقع الرمثا في تلال كفرشوبا: a place the gazetteer placed at a point (precision 1) whose phrase
        puts it inside a town the report names (an ``inside_links`` word right after it), farther
        than ``FAR_KM`` from that town, is a namesake of the report's place: it is placed at the
        container with ACLED precision 2 and a why that says so, and loses the namesake's id."""
        for e in self.doc.entities:
            if e.type != "PLACE" or not _located(e) or e.geo.get("precision") != 1 or e.geo.get("feature") == "container":
                continue
            if e.geo.get("feature") == "locality" and (e.kb_id or "").startswith(WORLD_PREFIX):
                continue   # a named site of the world list (قاعدة عين الأسد) has no namesake: the report errs, not the gazetteer
            for m in e.mentions:
                k = m.tok[1]
                if k >= len(self.toks) or self.toks[k].key not in self.c.inside_links:
                    continue
                found = self.container_of(m, e)
                if found is None:
                    continue
                y, words = found
                g = y.geo
                if len(words.split()) > 1:
                    continue   # the container right after the link (في تلال كفرشوبا), nothing between
                if g.get("feature") not in TOWN_KINDS or (g.get("precision") or 1) > 2:
                    continue
                d = km((e.geo["lat"], e.geo["lon"]), (g["lat"], g["lon"]))
                if d <= FAR_KM:
                    continue
                e.geo = {"lat": g["lat"], "lon": g["lon"], "precision": 2, "feature": "container",
                         "admin1": g.get("admin1"), "admin2": g.get("admin2"), "admin3": g.get("admin3"),
                         "why": f"the gazetteer's {e.name_ar} lies {d:.0f} km from '{y.mentions[0].text}', the place the "
                                f"report puts it in ('{m.text} {words} …'): a namesake; placed at its container, ACLED precision 2"}
                e.kb_id = None
                break

    # ---- list items ------------------------------------------------------------------------------
    def neighbour(self, m: Mention, step: int, fixed: set[int]) -> Entity | None:
        """The located place (one of ``fixed``, the ids of the entities located before list items are
        placed) whose mention stands nearest to ``m`` in its list, before it (step -1) or after it
        (step 1), past other items, within ``MAX_ITEMS`` words and no clause end."""
        k = m.tok[0] - 1 if step < 0 else m.tok[1]
        while 0 <= k < len(self.toks) and abs(k - m.tok[0]) <= MAX_ITEMS:
            if not _BREAKS.isdisjoint(self.gap(k if step < 0 else k - 1)):
                return None
            hit = (self.ends if step < 0 else self.at).get(k)
            if hit is not None and hit[1].type == "PLACE":
                if id(hit[1]) in fixed:
                    return hit[1]
                k = (hit[0].tok[0] - 1) if step < 0 else hit[0].tok[1]
                continue
            k += step
        return None

    def list_items(self) -> None:
        """An unknown name that open_places took as an item of a list (``Mention.list_item`` in
        ``NEIGHBOURED``: between two places of it, after a plural or dual type word) is placed between
        its neighbours in the list, the nearest located places before and after it, when they lie
        within ``LIST_NEAR_KM`` of each other (villages listed together are neighbours: the midpoint,
        ACLED precision 2); farther apart, the list says nothing of where it lies, and it stays unplaced."""
        fixed = {id(e) for e in self.doc.entities if _located(e)}
        for e in self.doc.entities:
            if e.type != "PLACE" or _located(e) or not e.mentions:
                continue
            for m in e.mentions:
                if m.list_item not in NEIGHBOURED:
                    continue
                a, b = self.neighbour(m, -1, fixed), self.neighbour(m, 1, fixed)
                if a is None or b is None or a is b:
                    continue
                pa, pb = (a.geo["lat"], a.geo["lon"]), (b.geo["lat"], b.geo["lon"])
                d = km(pa, pb)
                if d > LIST_NEAR_KM:
                    continue
                same = {k: a.geo.get(k) if a.geo.get(k) == b.geo.get(k) else None for k in ("admin1", "admin2", "admin3")}
                e.geo = {"lat": round((pa[0] + pb[0]) / 2, 5), "lon": round((pa[1] + pb[1]) / 2, 5), "precision": 2,
                         "feature": "list", **same,
                         "why": f"{(e.geo or {}).get('why') or 'not in the gazetteer'}; an item of a list of places, "
                                f"placed between its neighbours in the list '{a.mentions[0].text}' and "
                                f"'{b.mentions[0].text}' ({d:.0f} km apart), ACLED precision 2"}
                break

    # ---- outskirts ------------------------------------------------------------------------------
    def edge_phrase(self, m: Mention) -> str | None:
        """The words before ``m`` when they name its edge or a part of it (الأطراف الغربية لمدينة X)."""
        k = m.tok[0] - 1
        while k >= 0 and m.tok[0] - k <= 3 and not any(ch in ".،,:؛\n" for ch in self.gap(k)):
            key = self.toks[k].key
            if reads(key, self.c.edges):
                return self.doc.text[self.toks[k].start:m.end]
            if not (reads(key, self.c.settlement) or key in self.c.enders):
                return None
            k -= 1
        return None

    def outskirts(self) -> None:
        """A located place the report names only by its edge (أطراف، محيط، مشارف …) is coded to it
        with ACLED precision 2, "near or part of"."""
        for e in self.doc.entities:
            if not _located(e) or (e.geo.get("precision") or 1) >= 2:
                continue
            named = [m for m in e.mentions if not m.anaphor]
            phrases = [self.edge_phrase(m) for m in named]
            if named and all(phrases):
                e.geo["precision"] = 2
                e.geo["why"] += f"; the report names only its edge ('{phrases[0]}'): ACLED precision 2"

    # ---- countries as places -----------------------------------------------------------------
    def used_as_place(self, m: Mention) -> str | None:
        """Why an actor mention of a country or capital is said of the place, or None."""
        i = m.tok[0]
        before = self.doc.text[self.toks[i - 1].end:m.start] if i else "\n"
        if ("\n" in before or before.strip().endswith(":")) and self.gap(m.tok[1] - 1).startswith(":"):
            return "a dateline: the place the report is filed about"
        why = self.territory_of(m) or self.listed_place(m) or self.apposed(m) or self.titled(m)
        if why:
            return why
        for back in (1, 2):
            k = i - back
            if k < 0 or any(ch in ".،,:؛\n" for ch in self.gap(k)):
                break
            if reads(self.toks[k].key, self.c.location_verbs):
                return f"where '{self.doc.text[self.toks[k].start:self.toks[k].end]}' happened"
            if not (len(self.toks[k].key) <= 3 and self.toks[k].key.startswith(self.L.li)):
                break   # only لها / له may stand between the verb and the place
        return None

    def place_ending_at(self, k: int) -> Mention | None:
        """The PLACE mention whose last token is token k."""
        hit = self.ends.get(k)
        return hit[0] if hit is not None and hit[1].type == "PLACE" else None

    def territory_of(self, m: Mention) -> str | None:
        """أمن الكويت، أراضي سوريا: right after a territory word; الحدود الشمالية مع لبنان: after one, then
        adjectives or a place, then a border link."""
        k, linked = m.tok[0] - 1, False
        while k >= 0 and m.tok[0] - k <= MAX_TERRITORY and not any(ch in ".،,:؛\n" for ch in self.gap(k)):
            key = self.toks[k].key
            if reads(key, self.c.territory):
                if k < m.tok[0] - 1 and not linked:
                    return None
                return f"the territory of the country ('{self.doc.text[self.toks[k].start:m.end]}')"
            inner = self.place_ending_at(k)
            if inner is not None:      # لفلسطين المحتلة between the border word and مع
                k = inner.tok[0] - 1
                continue
            if key in self.c.border_links:
                linked = True
            elif not (key.startswith(self.L.article) and key.endswith(self.L.nisba_suffixes)):
                return None
            k -= 1
        return None

    def governed(self, pm: Mention) -> bool:
        """Place mention ``pm`` is governed by a preposition that governs a whole list (``list_preps``:
        في، على، إلى …; written apart or as the proclitic ب left out of its span)."""
        s = pm.tok[0]
        if s > 0 and not self.gap(s - 1).strip() and reads(self.toks[s - 1].key, self.c.list_preps):
            return True
        return self.L.bi in fold_str(self.doc.text[self.toks[s].start:pm.start])

    def joiner(self, m: Mention) -> str | None:
        """How ``m`` is joined to the item before it in a list: "and" (the conjunction و written on it),
        "comma-and" (a comma, then و), else None: a comma alone often ends a clause (في النيجر، فرنسا ترفض)."""
        j = m.tok[0]
        if j == 0 or not starts_with_and(fold_str(self.doc.text[self.toks[j].start:m.start])):
            return None
        gap = self.gap(j - 1).strip()
        return "and" if not gap else "comma-and" if gap in ("،", ",") else None

    def listed_place(self, m: Mention) -> str | None:
        """على نيويورك وواشنطن، في العراق وسوريا: an item of a list of places whose first item a place
        preposition governs; the preposition governs every item. After a comma (في اليمن، وطهران كان
        دورها) only inside a list of three or more (في العراق، وسوريا، ولبنان)."""
        item, first = m, True
        for _ in range(MAX_ITEMS):
            how = self.joiner(item)
            prev = self.place_ending_at(item.tok[0] - 1) if how else None
            if prev is None or (first and how == "comma-and" and self.joiner(prev) is None):
                return None
            if self.governed(prev):
                return f"an item of a list of places after a preposition ('{self.doc.text[prev.start:m.end]}')"
            item, first = prev, False
        return None

    def apposed(self, m: Mention) -> str | None:
        """سيناء مصر: right after a place below a country or capital, the country it lies in."""
        i = m.tok[0]
        prev = self.place_ending_at(i - 1) if i > 0 and not self.gap(i - 1).strip() else None
        if prev is None or self.joiner(m):
            return None
        e = self.ends[i - 1][1]
        if not e.geo or e.geo.get("feature") in ("country", "city", None):
            return None
        return f"the country of the place before it ('{self.doc.text[prev.start:m.end]}')"

    def titled(self, m: Mention) -> str | None:
        """العاصمة أنقرة، بالعاصمة طهران: right after the capital word with the article (geo_cues
        ``capital_words``, behind proclitics), a capital's own name in apposition names the city."""
        i = m.tok[0]
        words = self.res.geo_cues.capital_words
        if i == 0 or not words or self.gap(i - 1):
            return None
        a = self.L.article
        if not any(st.startswith(a) and st[len(a):] in words for _, st in readings(self.toks[i - 1].key)):
            return None
        return f"the capital named after its title ('{self.doc.text[self.toks[i - 1].start:m.end]}')"

    def country_places(self) -> bool:
        """Move actor mentions of countries used as places to PLACE entities; True when any moved."""
        idx = self.res.mention_index
        gaz = self.res.gazetteer
        new: list[Entity] = []
        by_place = {e.kb_id: e for e in self.doc.entities if e.type == "PLACE" and e.kb_id}
        moved = False
        for e in list(self.doc.entities):
            if e.type != "ACTOR" or not e.kb_id:
                continue
            for m in list(e.mentions):
                h = idx.places.match_at(self.toks, m.tok[0])
                if h is None or h.j != m.tok[1]:
                    continue
                places = [gaz.get(p) for p in h.payloads]
                major = [p for p in places if p.kind in ("country", "city")]
                if not major:
                    continue
                why = self.used_as_place(m)
                if why is None:
                    continue
                p = major[0]
                if why.startswith("the capital named after its title"):   # العاصمة تونس: the city
                    p = next((q for q in major if q.kind == "city"), p)
                e.mentions.remove(m)
                pm = place_mention(m, h.payloads, f"{e.name_ar} as a place: {why}")
                target = by_place.get(p.id)
                if target is None:
                    target = country_place(p, m.text, "named where the sentence uses it as a place")
                    by_place[p.id] = target
                    new.append(target)
                target.mentions.append(pm)
                target.mentions.sort(key=lambda x: x.start)
                pm.entity = target.id or None   # a new entity gets its id when numbered below
                moved = True
        if not new and not any(not e.mentions for e in self.doc.entities):
            return moved
        ents = [e for e in self.doc.entities if e.mentions] + new
        ents.sort(key=lambda e: min(m.start for m in e.mentions))
        self._renumber(ents)
        return True

    def _renumber(self, ents: list[Entity]) -> None:
        old = {id(e): e.id for e in ents}
        taken = {e.id for e in ents if e.id}
        n = len(self.doc.entities) + 1
        for e in ents:
            if not e.id:
                while f"E{n}" in taken:
                    n += 1
                e.id = f"E{n}"
                taken.add(e.id)
            for m in e.mentions:
                m.entity = e.id
            e.mentions.sort(key=lambda m: m.start)
        del old
        self.doc.entities = ents

    # ---- anaphors -------------------------------------------------------------------------
    def anaphor_forms(self) -> frozenset[str]:
        """Every token an anaphor word can be behind proclitics and the article (a subset of the
        cues' ``forms``, the ones :meth:`anaphors` reads): kept by the Resources whose cues these are."""
        c, res = self.c, self.res
        if res is not None and c is res.open_places:
            return res.keep("place_context.anaphor_forms", lambda: word_forms(frozenset(c.anaphors)))
        return word_forms(frozenset(c.anaphors))

    def anaphors(self) -> None:
        doc = self.doc
        places = sorted(((m, e) for e in doc.entities if e.type == "PLACE" for m in e.mentions
                         if not m.anaphor), key=lambda x: x[0].start)
        if not places:
            return
        forms = self.anaphor_forms()
        if forms.isdisjoint(doc.keys):
            return   # no word of the report can be an anaphor (most reports): one C-level pass
        starts = [m.start for m, _ in places]
        readings = self.c.readings
        for i in candidate_tokens(doc, forms):
            t = self.toks[i]
            hit = readings(t.key).get("anaphor")
            if hit is None or t.i in self.taken:
                continue
            word, kinds = hit
            sent = doc.sentence_of(t.start)
            lo = doc.sentences[max(0, sent - ANAPHOR_REACH)][0] if doc.sentences else 0
            # the places named from ANAPHOR_REACH sentences back up to it: a slice of the sorted list
            cands = [(m, e) for m, e in places[bisect_left(starts, lo):bisect_left(starts, t.start)]
                     if self.fits(m, e, kinds)]
            want = 2 if "bi" in kinds else 1
            chosen: list[Entity] = []
            for m, e in reversed(cands):
                if e not in chosen:
                    chosen.append(e)
                if len(chosen) == want:
                    break
            if len(chosen) < want:
                continue
            for e in chosen:
                e.mentions.append(Mention(t.start, t.end, doc.text[t.start:t.end], "PLACE", e.kb_id, 0.55, e.id,
                                          tok=(t.i, t.i + 1), anaphor=True,
                                          why=f"'{word}' refers back to '{e.mentions[0].text}', the last "
                                              f"{'two places' if want == 2 else 'place'} of its kind named before it"))
                e.mentions.sort(key=lambda m: m.start)
            self.taken.add(t.i)

    def fits(self, m: Mention, e: Entity, kinds: frozenset[str]) -> bool:
        if e.geo and e.geo.get("feature") == "country":
            return False
        if "any" in kinds:
            return True
        first = m.text.split()[0] if m.text.split() else ""
        return (m.cue is not None and fold_str(m.cue) in kinds) or reads(fold_str(first), kinds)


class PlaceContext(Stage):
    """Containers, countries used as places, outskirts and place anaphors (module docstring); each can be
    turned off by its setting."""

    name = "place_context"
    requires = ("entities", "entities[PLACE].geo")
    assigns = ("entities",)

    @classmethod
    def defaults(cls) -> dict:
        return {"containers": True, "countries": True, "anaphors": True, "outskirts": True, "lists": True}

    def __call__(self, doc: Doc) -> Doc:
        if not doc.entities:
            return doc
        ctx = _Context(doc, self.resources.open_places, self.resources)
        if self.config["countries"] and ctx.country_places():
            ctx = _Context(doc, self.resources.open_places, self.resources)
        if self.config["containers"]:
            ctx.containers()
            ctx.far_namesakes()
        if self.config["lists"]:
            ctx.list_items()
        if self.config["outskirts"]:
            ctx.outskirts()
        if self.config["anaphors"]:
            ctx.anaphors()
        return doc
