"""The event's places: heads of the place chains after (or before) its trigger."""
from __future__ import annotations

from rasd.arabic.clitics import letters, starts_with_and
from rasd.arabic.normalize import fold_str
from rasd.arabic.script import COMMAS
from rasd.doc import Mention
from rasd.errors import DataMissingError
from rasd.kb.gazetteer import Place
from rasd.stages.events.clauses import Sent
from rasd.stages.events.lexicon import PLACE_FALLBACK_TYPES
from rasd.stages.cuematch import in_list

FIRE_TYPES = {"SHELLING", "AIRSTRIKE"}   # projectiles: the event is where they land
COARSE = 3                                  # ACLED geo precision of a region, governorate or country
BROAD_FEATURES = {"country", "governorate", "district", "subdistrict"}   # areas that hold many settlements
ADMIN_PREFIX, WORLD_PREFIX = "admin:", "world:"   # gazetteer ids: admin units; world list (a country is its ISO code)
MAX_ITEM_WORDS = 3                          # words of a list item between its opening word and its place
TARGET_PREP_GAP = 4                         # words from fire's target preposition to the place it fell (على إحدى المزارع بقرية X)
RELATIVE_GAP = 2                            # words between a relative and the capture it opens (التي تمكنت من السيطرة)
GAP_MARKS = "،,-–()\"'«»“”"                # punctuation and quote marks between two places
QUOTES = "\"«»“”"                           # quote marks: what stands across one is another voice's
from rasd.stages.events.triggers import Trig


class Places:
    """Place chains of a trigger's clause."""

    def places(self, st: Sent, t: Trig, lo: int, hi: int) -> list[list[Mention]]:
        """Place chains: each chain's head is an event place; the rest qualify it.

        Places after a destination marker (باتجاه X) and their qualifiers are not the event's,
        nor are places inside a purpose clause (لصد تقدم الجيش في X).
        """
        hi = self.content_at(t, self.purpose_at(t, hi))
        pm = [m for m in st.mentions if m.type == "PLACE" and lo <= m.tok[0] < hi]
        after = [m for m in pm if m.tok[0] >= t.j]
        # تعرضت قرى X وY لقصف: with nothing after the trigger, the places before it
        pool = after or self.content_places([m for m in pm if m.tok[1] <= t.i], lo, t.i)
        t.place_rule = "named after the trigger in its clause" if after else "named before the trigger (none after it)"
        where = not pool and in_list(self.L, "place_relatives", self.key(lo))
        if not pool and (where or self.relative_clause(lo) and t.type in PLACE_FALLBACK_TYPES):
            prior = [m for m in st.mentions if m.type == "PLACE" and m.tok[1] <= lo]
            if len(prior) >= 2 and (prior[-1].region or {}).get("direction") \
                    and prior[-1].tok[0] - prior[-2].tok[1] <= 1:
                prior = prior[:-1]   # قرية الرهجان شرق حماة التي …: the village, not its qualifier
            if where and prior and prior[-1].tok[1] != lo:
                prior = []   # وذلك عن طريق الهلال الأحمر، حيث …: the clause of place follows no place
            pool = prior[-1:]
            t.fallback_place = bool(pool)
            t.place_rule = (f"the place a clause of place refers to ({self.key(lo)} …: triggers.yaml place_relatives)"
                            if where else f"the place a relative clause refers to ({self.L.relative_example} …)")
        if not after and t.d.needs_place:
            # بعد تحريرها: the capture's object is the pronoun, the place it refers back to (the places
            # before the trigger are read as its own only where it carries none)
            ref = self.pronoun_place(st, t)
            if ref is not None:
                t.fallback_place = True
                t.place_rule = ("the place the object pronoun of the capture word refers to, named last before it "
                                f"({'in its sentence' if ref.tok[1] <= t.i and ref.tok[0] >= st.lo else 'in the sentence before'}; "
                                "triggers.yaml place_pronoun_forms)")
                # the place referred to is the object itself, whatever framed it where it was named
                # (وصل إلى مدينة عدن … منذ تحريرها: a destination there, the place taken here)
                return [[ref]]
        chains: list[list[Mention]] = []
        prev: Mention | None = None
        skipping = origin = describing = False
        # fire aimed somewhere (في اتجاه X): X is its place, and where it came from (من Y) is not
        fire = t.type in FIRE_TYPES and (any(self.aimed_at(m.tok[0], lo) for m in pool)
                                         or self.aimed_past_origin(pool, lo))
        for m in pool:
            i = m.tok[0]
            dual = prev is not None and self.dual_anaphor(prev, m)
            listed = dual or prev is not None and self._coordinated(prev, m)
            coord = listed or prev is not None and bool(self.L.mapping[t.type].get("violent")
                                                         and self.item_phrase(self.gap_words(prev, m), prev, m))
            if listed and not dual and describing and self.bare_and(prev, m):
                # كرش الواقعة بين محافظتي لحج وتعز: the second neighbour is still the description
                listed = coord = False
                t.place_why[id(m)] = (f"'{m.text}' is joined by a bare 'and' inside a clause that describes the place "
                                      f"before it (triggers.yaml place_describers): it says where that place is, "
                                      f"no place of the act of its own")
            if dual:
                t.place_why[id(m)] = (f"the second of the two places the dual anaphor '{m.text}' refers back to "
                                      f"(open_places.yaml anaphors): one event per place (ontology.md)")
            elif coord and not listed:
                t.place_why[id(m)] = ("a new list item with a place phrase of its own (triggers.yaml item_openers, "
                                      "place_prepositions)")
            elif listed:
                words = self.gap_words(prev, m)
                # the type word decided only where _coordinated reached conjunct_in and it held
                k = self.type_opener(words) if words and words[-1] != letters().and_ \
                    and self.conjunct_in(words, prev, m) else None
                if k is not None:
                    t.place_why[id(m)] = (f"a new list item opened by the place type word '{words[k]}' joined by "
                                          f"'and' (open_places.yaml type words; ontology.md: one event per place)")
            if fire and self.aimed_at(i, lo):
                skipping = False   # fire lands where it is aimed: the destination is the event's place
                chains.append([m])
                t.place_why[id(m)] = "where the fire was aimed (triggers.yaml fire_destination_markers)"
                prev = m
                continue
            if t.type in FIRE_TYPES and not coord and (fire and self.origin_at(i, lo) or self.from_direction(i, lo)):
                skipping, prev, origin = True, m, True
                continue   # انطلقت من لبنان، من اتجاه الجولان: where the fire came from
            if self.destination_before(t, i, lo) and not (coord and not skipping):
                skipping, prev, origin = True, m, False
                continue
            if skipping:
                gap = fold_str(self.doc.text[prev.end:m.start]).split()
                # after an origin, a new phrase (a comma, then في X) names where the fire landed
                # (عدوانا جويا من اتجاه الجولان، مستهدفا نقاطا في ريف درعا)
                landed = origin and self.phrase_end(gap) is not None and any(c in self.doc.text[prev.end:m.start]
                                                                             for c in COMMAS)
                # من لبنان باتجاه هدفين عسكريين، الأول في محيط موقع X: the first place after the
                # direction word that follows the origin is where the fire was aimed
                aimed = origin and self.aimed_between(prev, m, lo)
                if not (gap and gap[0] in self.L.words["place_prepositions"] or landed or aimed):
                    prev = m
                    continue   # a qualifier of the destination (مطار أبو الظهور شرق إدلب)
                skipping = False
                chains.append([m])
                m_rule = ("where the fire landed, in a phrase of its own after where it came from" if landed
                          else "where the fire was aimed, the first place after the word of direction or "
                               "target that follows where it came from (triggers.yaml fire_destination_markers, "
                               "fire_target_prepositions)" if aimed
                          else "after a destination, introduced by a place preposition")
                t.place_why[id(m)] = m_rule
            elif prev is not None and not coord:
                # a describing participle right after the place before (كرش الواقعة بين …) opens a clause
                # about it; one after another noun (وخط الغاز الواصل بين X وY) describes that noun, not a place
                gap = self.gap_words(prev, m)
                describing = describing or bool(gap) and in_list(self.L, "place_describers", gap[0])
                chains[-1].append(m)
            else:
                describing = False
                chains.append([m])
            prev = m
        return [self.finest_first(t, ch) for ch in chains]

    def bare_and(self, prev: Mention, m: Mention) -> bool:
        """m is joined to prev by a bare و and nothing else (لحج وتعز; لحج و تعز): no type word, no
        preposition, no comma opens an item of its own."""
        L = letters()
        words = self.gap_words(prev, m)
        if any(c in self.doc.text[prev.end:m.start] for c in COMMAS):
            return False
        if words:
            return words == [L.and_]
        k = self.key(m.tok[0])
        return starts_with_and(k) and not k.startswith(L.and_ + L.bi)

    def pronoun_place(self, st: Sent, t: Trig) -> Mention | None:
        """The place the object pronoun a capture word carries refers to (تحريرها، استعادها: triggers.yaml
        place_pronoun_forms; a capture's object is always a place): the place named last before the
        trigger in its sentence, else the last place of the sentence before (عادت الحياة إلى مدينة عدن …
        بعد تحريرها). A last place that only says where the one before it is gives way to it (بلدة X في ريف
        Y: X). None when the trigger carries no such pronoun, when a word of captivity stands in the sentence
        or the one before (a captive freed: triggers.yaml captive_words), when a relative before it opens its
        clause and no place ends right at the relative (the pronoun is the relative's antecedent), or with
        no place."""
        if not in_list(self.L, "place_pronoun_forms", self.key(t.j - 1)):
            return None
        k = self.sent_no - 1
        prev = self.all_sentences[k] if 0 <= k < len(self.all_sentences) else None
        if any(in_list(self.L, "captive_words", self.key(w)) for w in range(prev.lo if prev else st.lo, st.hi)):
            return None   # تحرير المواطن بعد اختطافه: a captive freed, not a place taken
        before = [m for m in st.mentions if m.type == "PLACE" and m.tok[1] <= t.i]
        rel = next((k for k in range(t.i - 1, max(st.lo, t.i - RELATIVE_GAP - 1) - 1, -1)
                    if in_list(self.L, "relatives", self.key(k))), None)
        if rel is not None:   # المدن التي سيطرت عليها: the pronoun is the relative's antecedent
            return next((m for m in before if m.tok[1] == rel), None)
        if not before:
            before = [m for m in prev.mentions if m.type == "PLACE"] if prev is not None else []
        if not before:
            return None
        i = len(before) - 1
        # في بلدة التمانعة في ريف إدلب: the last place only says where the one before it is
        while i > 0 and len(self.gap_words(before[i - 1], before[i])) <= 2 and not self._coordinated(
                before[i - 1], before[i]) and (self.broad(before[i]) or self.within(before[i - 1], before[i])):
            i -= 1
        return before[i]

    def inherited_places(self, st: Sent, t: Trig, lo: int, agents: list[str]) -> list[list[Mention]]:
        """The place of the act an act of force goes on from, when its own clause names none: the latest
        event built from an earlier clause of the same sentence that has a place and the same doers
        (this act's agents among its agents; or none named and a verb, whose dropped subject is the
        subject of the verb before it). اقتحم المسلحون منزلاً بالعاصمة صنعاء واختطفوا نجليه: the
        abduction is in Sanaa; هاجم الجيش مواقع جنوبي لبنان، وأغار بطائراته على المواقع: so is the raid.

        Only for acts of force (violent types) and acts done to persons (person_object_types): on the
        unlabelled news the place of a talk, a deal or an alliance taken from the clause before was a
        topic of the sentence, not where they were held (10 of 20 right over all types; for these, 16
        of 21 on 3,000 articles: docs/lexicon-checks.md, recall12). Not for a second trigger of a type the sentence has already
        told: that is the act named again (merge_repeats joins it), and a place given to it would keep
        it apart. [] when no such act precedes."""
        if not (self.L.mapping[t.type].get("violent") or t.type in self.L.words["person_object_types_raw"]):
            return []
        if any(e.type == t.type for e in self.told_here):
            return []
        if not agents and t.d.pos != "verb":
            return []   # a noun with no doer named does not go on with the doers of the verb before it
        start = self.toks[t.i].start
        for e in reversed(self.told_here):
            if not e.places or e.trigger is None or e.trigger[0] >= start or not set(agents) <= set(e.agents):
                continue
            head = next((m for m in st.mentions if m.entity == e.places[0] and m.tok[1] <= lo), None)
            if head is None:
                continue
            t.place_rule = (f"inherited from the act its clause goes on from ('{self.doc.text[e.trigger[0]:e.trigger[1]]}', "
                            f"by the same doers): its own clause names no place")
            t.fallback_place = True   # not a place of its own: a strike told as part of a fight still folds into it
            return [[head]]
        return []

    def scene_places(self, st: Sent, t: Trig, hi: int) -> list[list[Mention]]:
        """The place of the clause right after an act's own, when a scene word opens it (triggers.yaml
        scene_breaks: اعتقلت قوات الاحتلال الشاب X بعد اقتحام منزله في بلدة Y؛ قتل جنديان في انفجار عبوة،
        وذلك أثناء تمشيط الجيش مناطق مدينة Z): a report tells an act, then what it came after or during,
        and names the place once, in that second clause. The first place of that clause (up to the next
        clause-break word or clause mark) whose own phrase is no destination; none when a span of time
        or a number or a frame follows the scene word (بعد يومين من الهجوم على X، وذلك في إطار …:
        triggers.yaml scene_stops), nor across a quote mark (a quoted voice); only for acts of force and
        acts done to persons (as :meth:`inherited_places`), and not for a second trigger of a type the
        sentence has told already (the act named again). [] otherwise."""
        if not (self.L.mapping[t.type].get("violent") or t.type in self.L.words["person_object_types_raw"]):
            return []
        if hi >= st.hi or not in_list(self.L, "scene_breaks", self.key(hi)) or not self.clause_break(hi, st.hi):
            return []
        if any(e.type == t.type for e in self.told_here):
            return []
        begin = hi + self.clause_break(hi, st.hi)
        if any(in_list(self.L, "scene_stops", self.key(k)) or self.key(k).isdigit()
               for k in range(begin, min(begin + 2, st.hi))):
            return []   # بعد يومين من الهجوم، وذلك في إطار …: a span of time or a frame, no scene
        end = next((k for k in self.cuts.breaks_between(begin, st.hi) if self.clause_break(k, st.hi)), st.hi)
        after = self.toks[hi].end
        for m in st.mentions:
            if m.type != "PLACE" or not begin <= m.tok[0] < end or self.destination_before(t, m.tok[0], begin):
                continue
            if self.cuts.mark_before(after, m.start) >= 0 \
                    or any(q in QUOTES for q in self.doc.text[self.toks[t.j - 1].end:m.start]):
                return []   # a clause mark first: the scene clause has ended; a quote: another voice
            t.place_rule = (f"named in the clause after its own, opened by '{self.span_text(hi, begin)}' "
                            f"(triggers.yaml scene_breaks): the scene of the act, whose own clause names no place")
            t.fallback_place = True
            return [[m]]
        return []

    def content_at(self, t: Trig, hi: int) -> int:
        """First token of reported content that follows the trigger in its clause (…، مشيراً أنّ
        صفارات الإنذار دوّت في X، مؤكدة أنها …: a complementizer of triggers.yaml speech_complements),
        else hi. What a complement clause says happened elsewhere is another predication: its places
        are not where the act before it took place (the mirror of content_places, which keeps the
        places after such a word for a trigger inside the content)."""
        opens, keys = self.L.cue_starts.lookup, self.keys   # the gate of cue_at, without its frame
        for k in range(t.j, hi):
            if "speech_complements" in opens(keys[k]) and self.cue_at(k, "speech_complements", hi):
                return k
        return hi

    def destination_before(self, t: Trig, i: int, lo: int) -> bool:
        """A destination marker (triggers.yaml destination_markers) stands at most two words before the
        place at token ``i``, between the trigger and the place when the place follows the trigger: one
        before the trigger governs the act itself (بالإضافة إلى استهداف قاعدة X، أدى إلى قصف بلدة X: X
        is where the act was), not its place."""
        return self.near_before(i, "destination_markers", 2, t.j if i >= t.j else lo) is not None

    def aimed_at(self, i: int, lo: int) -> bool:
        """The place at token ``i`` follows a word of direction (باتجاه، نحو: triggers.yaml
        fire_destination_markers) that is not itself after an origin word: fire aimed there."""
        k = self.near_before(i, "fire_destination_markers", 2, lo)
        return k is not None and not self.origin_before(k, lo)

    def aimed_past_origin(self, pool: list[Mention], lo: int) -> bool:
        """Fire told from an origin place towards a target named farther on: a place right after an
        origin word (من لبنان) and, before the next place of the clause, a word of direction or the
        preposition of fire's target (:meth:`aimed_between`), with the aimed-at object between it and
        that place (صاروخ من لبنان في اتجاه موقع للجيش في الجليل الأعلى;
        صواريخ من لبنان باتجاه هدفين عسكريين، الأول في محيط موقع X). :meth:`aimed_at` reads the
        direction word only two words before the place; here the object stands between them, and the
        origin, read as the event's place, left a country only (an event dropped as unlocated)."""
        return any(self.origin_at(a.tok[0], lo) and self.aimed_between(a, b, lo) for a, b in zip(pool, pool[1:]))

    def origin_at(self, i: int, lo: int) -> bool:
        """The place at token ``i`` comes right after an origin word (triggers.yaml fire_origin_markers:
        من لبنان) that no word of nearness opens (origin_proximity: بالقرب من X، على بعد 3 كم من X is
        a distance point, not where the fire came from)."""
        k = self.near_before(i, "fire_origin_markers", 1, lo)
        return k is not None and not (k - 1 >= lo and in_list(self.L, "origin_proximity", self.key(k - 1)))

    def aimed_between(self, a: Mention, b: Mention, lo: int) -> bool:
        """Between the places ``a`` and ``b`` stands a word of direction (triggers.yaml
        fire_destination_markers) not itself after an origin word (من اتجاه X is where fire came from),
        or, at most ``TARGET_PREP_GAP`` words before ``b`` with no comma after it, the preposition of
        fire's target (fire_target_prepositions: من لبنان على مستوطنة X، من الأراضي اليمنية على منزلهم
        بنجران)."""
        k = self.near_before(b.tok[0], "fire_destination_markers", b.tok[0] - a.tok[1], max(lo, a.tok[1]))
        if k is not None and not self.origin_before(k, lo):
            return True
        k = self.near_before(b.tok[0], "fire_target_prepositions", min(TARGET_PREP_GAP, b.tok[0] - a.tok[1]),
                             max(lo, a.tok[1]))
        return k is not None and not any(c in self.doc.text[self.toks[k].end:b.start] for c in COMMAS)

    def from_direction(self, i: int, lo: int) -> bool:
        """The place at token ``i`` follows a word of direction that comes after an origin word (من
        اتجاه الجولان، من جهة لبنان: fire_origin_markers + fire_destination_markers): "from the direction
        of" X, where the fire came from, not where it landed."""
        k = self.near_before(i, "fire_destination_markers", 2, lo)
        return k is not None and self.origin_before(k, lo)

    def origin_before(self, k: int, lo: int) -> bool:
        return k - 1 >= lo and in_list(self.L, "fire_origin_markers", self.key(k - 1))

    def finest_first(self, t: Trig, chain: list[Mention]) -> list[Mention]:
        """A chain headed by a broad area (see broad) whose qualifiers name a settlement or site the
        gazetteer knows, with its type word (في شمال شرقي سوريا، في محيط مخيم توينة; وفي ريف دمشق شن …
        غارات على مدينة الزبداني): the event is at the most specific place (ACLED codes the finest
        location given), the area only qualifies it. The first such place is taken, so a distance
        point after it stays a qualifier (مخيم توينة الواقع 12 كلم غربي مدينة الحسكة). A bare name is
        not enough: on annotations/train the bare-name form also took towns that only say whose a
        region is (في عدن after حي التواهي), and split events from their repeats at the region; an
        open-vocabulary name is not enough either (منطقة مترامية، قمة جبلية on the unlabelled news)."""
        if len(chain) < 2 or not self.broad(chain[0]):
            return chain
        fine = next((m for m in chain[1:]
                     if self.precision(m) < COARSE and (m.cue or m.facility) and self.known(m)), None)
        if fine is None:
            return chain
        t.place_why[id(fine)] = (f"the most specific place of its phrase (a settlement or site within "
                                 f"'{chain[0].text}', the region it names first)")
        return [fine] + [m for m in chain if m is not fine]

    def broad(self, m: Mention) -> bool:
        """A country, an administrative unit (governorate, district, subdistrict), the countryside of
        one (ريف دمشق), a compass part of one (شمال شرقي سوريا) or a named region (سهل الغاب، جبل
        التركمان): an area that holds many settlements. A compass side of a settlement (شرق مخيم
        المغازي) or a named front axis (محور نتساريم) is narrower than the city a qualifier may name."""
        e = self.ents.get(m.entity)
        if e is None or self.precision(m) < COARSE:
            return False
        if (e.geo or {}).get("feature") in BROAD_FEATURES:
            return True
        r = m.region or {}
        bases = r.get("base_ids") or []
        return bool(r.get("rif") or r.get("named") or r.get("direction") and bases and all(
            b.startswith(ADMIN_PREFIX) or b.startswith(WORLD_PREFIX) and "-" not in b for b in bases))

    def known(self, m: Mention) -> bool:
        """The mention's place is a gazetteer entry (an open-vocabulary name after a type word, which
        may be a common noun read as a name, is not)."""
        e = self.ents.get(m.entity)
        return e is not None and e.kb_id is not None

    def precision(self, m: Mention) -> int:
        """ACLED geo precision of the mention's place (1 the place itself, 2 near or part of it, 3 a
        region); 0 when it is not geocoded."""
        e = self.ents.get(m.entity)
        return int(((e.geo or {}).get("precision") or 0) if e is not None else 0)

    def content_places(self, before: list[Mention], lo: int, i: int) -> list[Mention]:
        """The places before a trigger that the reported content names: after the last word that
        opens it (أن، إن … triggers.yaml speech_complements), when any place follows that word;
        the places before it (قال مدير مكتب رويترز في العراق إن …) are the report's frame."""
        k = next((k for k in range(i - 1, lo - 1, -1) if self.cue_at(k, "speech_complements", i)), None)
        if k is None:
            return before
        inside = [m for m in before if m.tok[0] > k]
        return inside or before

    @staticmethod
    def dual_anaphor(prev: Mention, m: Mention) -> bool:
        """``prev`` and ``m`` are the two places one dual anaphor word refers back to (قصفت القوات
        القريتين، استهدفت البلدتين: the place_context stage gives the word a mention of each): two places,
        so two events (ontology.md: one event per place), not a place and its qualifier."""
        return prev.anaphor and m.anaphor and prev.tok == m.tok and prev.entity != m.entity

    def _coordinated(self, prev: Mention, m: Mention) -> bool:
        """m starts a new place rather than qualifying prev: joined by و or a comma list."""
        i, L = m.tok[0], letters()
        gap = self.doc.text[prev.end:m.start]
        k = self.key(i)
        words = self.gap_words(prev, m)
        if words:
            return words == [L.and_] or words[-1] in (L.and_,) or self.conjunct_in(words, prev, m) \
                or self.conjunct_phrase(words)
        if m.region and (m.region.get("direction") and not m.region.get("rif")):
            return False
        if starts_with_and(k) and not k.startswith(L.and_ + L.bi):
            return True
        return any(c in gap for c in COMMAS) and not k.startswith(L.bi)

    def gap_words(self, prev: Mention, m: Mention) -> list[str]:
        """The folded words between two mentions; quote marks round a name (مواقع العاصي و"بركة
        ريشا") and punctuation are no words of the gap."""
        gap = self.doc.text[prev.end:m.start]
        return [w.strip(GAP_MARKS) for w in fold_str(gap).split() if w.strip(GAP_MARKS)]

    def conjunct_in(self, words: list[str], prev: Mention | None = None, m: Mention | None = None) -> bool:
        """The gap holds a list item's opening word (conjunct_noun) followed by at most
        MAX_ITEM_WORDS of the item's own words, none of them a destination marker (… والمحيط الهندي
        لانتهاك قرار حظر الدخول إلى موانئ X: X is a destination, not a list item).

        Any place type word the place finder knows (open_places.yaml: a facility, settlement, natural
        feature, plural or dual type word) joined by و also opens an item (غارات طالت أطراف كفركلا
        ومرتفعات شبعا، استهدف مبنى X ومستشفى Y، سقطت على قاعدة X ومعسكر Y): the coordinated type word
        names a second place of the same kind of list, so the place after it is a new event place
        (ontology.md: one event per place), whatever the type word, not only those place_conjuncts
        lists. For those other type words the item must not be the area that holds the place before
        (في بلدة X وناحية Y that holds it: Y only says where X is), nor a region, governorate or
        country: a type word before such a name makes a name of its own the finder does not hold
        (منطقة الحامضية وجزيرة الأنبار: the Jazira of Anbar, not the governorate)."""
        k = next((k for k in range(len(words) - 1, -1, -1) if self.conjunct_noun(words[k])), None)
        if k is None:
            k = self.type_opener(words)
            if k is None or prev is None or m is None or self.precision(m) >= COARSE or self.within(prev, m):
                return False
        rest = words[k + 1:]
        return len(rest) <= MAX_ITEM_WORDS and not any(in_list(self.L, "destination_markers", w) for w in rest)

    def type_opener(self, words: list[str]) -> int | None:
        """The index of the last gap word that is و + a place type word (type_word_item), when no
        place_conjuncts word opens the item; else None."""
        if any(self.conjunct_noun(w) for w in words):
            return None
        return next((k for k in range(len(words) - 1, -1, -1) if self.type_word_item(words[k])), None)

    def type_word_item(self, w: str) -> bool:
        """w is و + a place type word of the place finder (open_places.yaml facility_cues,
        settlement_cues, feature_cues, plural_cues, dual_cues) without the article (a construct that
        names its place next: ومرتفعات شبعا، ومعسكر الطلائع), and no other proclitic before it."""
        L = letters()
        if not (starts_with_and(w) and len(w) > 2) or w[1:].startswith(L.article):
            return False
        # the finder's reading tells the proclitics: و alone (وبلدة), not و + ب "and in" (وبقرية)
        return any(n == len(L.and_) for n, _ in self.res.open_places.readings(w).values())

    def conjunct_noun(self, w: str) -> bool:
        """A gap word that opens the next item of a list of places: و + a settlement, site or edge noun
        (وقريتي، وأطراف، ومحيط: triggers.yaml place_conjuncts), last in the gap or followed by the
        item's own words (قاعدة التنف الأميركية وقواعد أميركية في محيط مخيم الركبان)."""
        L = letters()
        # و + ب is "and in" (وبقرية X) unless the ب is the word's own first letter (وبلدة، وبلدتي X)
        own_b = w[1:2] == L.bi and w[1:] in self.L.words["place_conjuncts"]
        if not (starts_with_and(w) and len(w) > 2 and (w[1:2] != L.bi or own_b)
                and in_list(self.L, "place_conjuncts", w)):
            return False
        # the edge of a place is a noun of a construct (ومحيط بلدة X); with the article it is another
        # word (والمحيط الهندي: the ocean)
        return not (w[1:].startswith(L.article) and in_list(self.L, "edge_conjuncts", w))

    def conjunct_phrase(self, words: list[str]) -> bool:
        """A gap that is و + a place preposition, with at most an edge or site noun after it (في X،
        وفي حي Y; في X وفي محيط Y; triggers.yaml place_prepositions, place_conjuncts): a second place
        phrase joined to the first, a new event place."""
        first, rest = words[0], words[1:]
        return (starts_with_and(first) and first[1:] in self.L.words["place_prepositions"] and len(rest) <= 1
                and all(in_list(self.L, "place_conjuncts", w) for w in rest))

    def item_phrase(self, words: list[str], prev: Mention, m: Mention) -> bool:
        """The gap opens a new item of a list of objects with a place phrase of its own: a word joined
        by و (ومقار، والثاني، و 3 تجمعات) or a word that adds an item (بالإضافة إلى: triggers.yaml
        item_openers), and, last, a place preposition with at most an edge noun after it (قصف مقر
        للموساد في أربيل، ومقار الحزب التركستاني في سوريا; … في محيط ثكنة X، والثاني في جنوب موقع Y).
        Read for acts of force only (triggers whose type is violent): struck objects listed with their
        places; in the snapshot's talks and protests the joined phrase was mostly another act (تظاهر
        آلاف في باكستان … وتمزيق نسخة أخرى في هولندا), not a place of the event.
        The place after it is the next item's, a new event place (ontology.md: one event per place),
        unless it holds the place before (في بلدة X ومحيطها في ريف Y: Y only says where X is), a word
        narrows the place before down (وخصوصا في X: triggers.yaml place_specifiers), it refers
        back to a place named before (ثكنة X وفرع المرور داخل المدينة: the city that holds both), or a
        destination marker stands in the gap (وتقدمت نحو …)."""
        L = letters()
        p = self.phrase_end(words)
        if m.anaphor or p is None:
            return False
        before = words[:p]
        if any(in_list(self.L, "place_specifiers", w) for w in before):
            return False   # وخصوصا في X: a part of the place before
        opener = [k for k, w in enumerate(before) if in_list(self.L, "item_openers", w)]
        # the item's opening word, then at most MAX_ITEM_WORDS + 1 of its own words before the preposition
        starts = [k + 1 for k in opener] + [k for k, w in enumerate(before)
                                            if w == L.and_ or starts_with_and(w) and len(w) > 2 and w[1:2] != L.bi]
        if not starts or p - max(starts) - 1 > MAX_ITEM_WORDS + 1 or any(in_list(self.L, "destination_markers", w) and k - 1 not in opener
                             for k, w in enumerate(before)):
            return False
        return not self.within(prev, m)

    def phrase_end(self, words: list[str]) -> int | None:
        """Where the gap's closing place phrase opens: a place preposition (triggers.yaml
        place_prepositions) among its last two words, at most a site or edge noun after it (في X،
        في محيط X: place_conjuncts); None when the gap does not end so. Not its first word."""
        preps = self.L.words["place_prepositions"]
        p = next((k for k in range(len(words) - 1, max(0, len(words) - 3), -1) if words[k] in preps), None)
        if p is None or not all(in_list(self.L, "place_conjuncts", w) for w in words[p + 1:]):
            return None
        return p

    def within(self, a: Mention, b: Mention) -> bool:
        """a's place lies within b's, as far as the gazetteer tells: b is one of a's administrative units,
        the country a lies in, or a region (ريف X، شمال X) of one of them. An open-vocabulary b holds
        nothing; an open-vocabulary a lies within any broad b."""
        pb = self.gazetteer_place(b)
        if pb is None:
            return False
        pa = self.gazetteer_place(a)
        if pa is None:
            return self.broad(b)
        units = {pa.id, *pa.admin_ids}
        bases = set((b.region or {}).get("base_ids") or [])
        return pb.id in units or bool(bases & units) or (pb.kind == "country" and pa.country == pb.country) \
            or pb.name_ar in (pa.admin1, pa.admin2, pa.admin3)

    def gazetteer_place(self, m: Mention) -> Place | None:
        """The gazetteer entry of the mention's place, or None: open vocabulary, an id the gazetteer
        does not hold, or no gazetteer installed (hand-built documents in unit tests)."""
        e = self.ents.get(m.entity)
        if e is None or e.kb_id is None:
            return None
        try:
            return self.res.gazetteer.get(e.kb_id)
        except (KeyError, DataMissingError):
            return None

    def place_why(self, t: Trig, chain: list[Mention]) -> str:
        head = chain[0]
        out = t.place_why.get(id(head), t.place_rule) + f": '{head.text}'"
        if len(chain) > 1:
            out += "; " + ", ".join(f"'{m.text}'" for m in chain[1:]) + " only qualif" + \
                   ("ies" if len(chain) == 2 else "y") + " it"
            out += "".join(f" ({t.place_why[id(m)]})" for m in chain[1:]
                           if id(m) in t.place_why and "place_describers" in t.place_why[id(m)])
        return out
