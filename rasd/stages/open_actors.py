"""Open-vocabulary actors: forces and groups the knowledge base does not list, from how the press
names them (runs after ``mentions``, before ``link``).

- **A state's forces or authorities**: a head word (قوات، الشرطة، الجيش، جهاز، السلطات …), any
  modifiers (الأمن، المسلحة، خفر السواحل …) and a nationality (الشرطة الإسرائيلية، قوات الأمن التركية،
  الجيش الباكستاني، قوات عراقية، السلطات الكويتية) is an ACTOR of the head's category; a generic head
  with a security word and no nationality (رجال الشرطة، قوات الأمن) is a state force too.
- **Unnamed groups**: armed men, settlers, resistance fighters, protesters (مسلحون، مستوطنون، مقاومون،
  متظاهرون) are ACTORs of their category; every form of one group links under one name. A
  nationality or an adjective of kind right after the group word is part of the mention (مستوطنون
  إسرائيليون، مسلحون متطرفون); after عناصر, which alone are anyone's members, an adjective of kind
  makes an unnamed armed group (العناصر الإرهابية، عناصر تكفيرية: ``kinds``).
- **Nationality adjectives as parties**: after an act of force (القصف الإسرائيلي، الغارات الجوية
  الأميركية، العدوان الأميركي البريطاني) the adjective names who did it; after a military facility or
  unit (القاعدة الأميركية، موقع إسرائيلي) whose it is. Either is an ACTOR mention of the country's forces
  (``national_forces``, linked by kb_id) marked ``party_of`` PARTY_OF_ATTACK or PARTY_OF_FACILITY, which the
  event roles read (rasd.stages.events.roles). After talks or a deal (المحادثات الأميركية الروسية،
  الاتفاق السعودي الإيراني) it names a party to them: the country's state (``party_of`` PARTY_OF_TALKS).

A new mention never overlaps another, except that it replaces a knowledge-base *short form* or a
pattern mention lying inside it: "الشرطة" alone may be read as one country's police, but
"الشرطة الإسرائيلية" names another. Word lists: ``knowledge/open_actors.yaml``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import compress
from pathlib import Path
from typing import Callable

from rasd.arabic.clitics import letters, readings, starts_with_and
from rasd.arabic.normalize import fold_str
from rasd.doc import PARTY_OF_ATTACK, PARTY_OF_FACILITY, PARTY_OF_TALKS, Doc, Mention
from rasd.kb.knowledge import context_key
from rasd.kb.parties import named_party
from rasd.kb.yamlfile import load
from rasd.pipeline import Stage
from rasd.stages.open_places import candidate_tokens, word_forms



@dataclass(frozen=True)
class Proclitics:
    """What a force word may carry in front (a conjunction, ب or ل, not the article), built once
    from the loading Resources' clitic letters (rasd.arabic.clitics)."""

    strings: frozenset[str]
    li: str
    article: str
    and_: str = ""   # the conjunction that joins list items (وY)

    @classmethod
    def current(cls) -> "Proclitics":
        L = letters()
        return cls(L.proclitic_strings((L.bi, L.li)), L.li, L.article, L.and_)

MAX_MODIFIERS = 3
# the actors whose named facilities an attack strikes (قواعد الاحتلال الأميركي، مواقع جيش الاحتلال); not a
# body's rules (قواعد هيئة …) or a government's websites
ARMED = frozenset({"state_force", "non_state_armed_group", "coalition"})


@dataclass(frozen=True)
class Forces:
    """The folded word lists of open_actors.yaml."""

    heads: dict[str, str]            # head word → category
    generic: frozenset[str]
    security: frozenset[str]
    modifiers: frozenset[str]
    nationalities: frozenset[str]    # every form made from the list
    crowds: dict[str, tuple[str, str]]   # word → (name, category)
    media: frozenset[str] = frozenset()
    # key → (proclitic length, head or crowd word, "head" | "crowd") or None; memoised per loaded
    # file, as every word of every report is asked for
    classify: Callable[[str], tuple | None] = field(default=lambda key: None, compare=False, repr=False)
    forms: frozenset[str] = frozenset()   # every token a head or crowd word can be: a first pass
    proclitics: Proclitics | None = field(default=None, compare=False, repr=False)
    attack_nouns: frozenset[str] = frozenset()
    attack_modifiers: frozenset[str] = frozenset()
    facilities: frozenset[str] = frozenset()
    adjectives: dict[str, str] = field(default_factory=dict)   # adjective form → force actor id
    source_words: frozenset[str] = frozenset()   # before a facility word: a website, not a base
    websites: frozenset[str] = frozenset()       # facility words that also name a website
    kinds: frozenset[str] = frozenset()          # every form of an adjective of kind (الإرهابية، متطرفون)
    kind_heads: dict[str, tuple[str, str]] = field(default_factory=dict)   # head → (name, category)
    head_modifiers: dict[str, frozenset[str]] = field(default_factory=dict)   # head → modifiers only it takes
    # counted or described victims (open_actors.yaml victims): people nouns, the indefinite plural and
    # accusative of every nationality (فلسطينيين، فلسطينيون، فلسطينيا), and the name and category they take
    people: frozenset[str] = frozenset()
    counted_nationals: frozenset[str] = frozenset()
    victims: tuple[str, str] | None = None
    victims_actor: str | None = None   # the actors.yaml id they link under
    talks_nouns: frozenset[str] = frozenset()       # talks and deals whose adjectives name their parties
    talks_modifiers: frozenset[str] = frozenset()
    talks_not_after: frozenset[str] = frozenset()   # before a talks noun: another sense (علم الاجتماع)
    army_heads: frozenset[str] = frozenset()        # heads of a country's forces as a whole (قوات، جنود)
    army_modifiers: frozenset[str] = frozenset()    # modifiers that keep them whole (المسلحة، العسكرية)
    made_nationalities: frozenset[str] = frozenset()   # the forms made from country names, not listed
    # nationalities that name no state (open_actors.yaml victims.stateless_nationals, with the article):
    # a nationality of a victim or a group, never of a state force
    stateless: frozenset[str] = frozenset()
    # a government body named by its place (open_actors.yaml place_prepositions, place_modifiers)
    place_prepositions: frozenset[str] = frozenset()
    place_modifiers: frozenset[str] = frozenset()
    place_buildings: frozenset[str] = frozenset()   # before the head: the body's building (قصر الرئاسة في عدن)
    nisba_rule: tuple[tuple[str, ...], str] | None = None   # (drop_endings, suffix) of country_nisbas
    # what may stand between two parties' adjectives besides a space (العدوان الأميركي - البريطاني)
    party_joiners: frozenset[str] = frozenset()
    # the population at large (victims.population, with and without the article): the civilians a
    # report names in passing unless an event takes them (rasd.stages.roster)
    population: frozenset[str] = frozenset()
    # the words an armed wing is named by before its party's name (الجناح العسكري لـ): wing_heads, each
    # as its folded tokens (rasd.stages.roster)
    wings: tuple[tuple[str, ...], ...] = ()
    # the knowledge-base actors that name a kind of armed group, no one group (kinds.generic_actors, as kb ids)
    generic_actors: frozenset[str] = frozenset()
    # the names of the crowds that are parties only in a report with an event (crowds.with_events_only)
    event_crowds: frozenset[str] = frozenset()
    # the names of the crowds that are parties only when an event takes them (crowds.party_only)
    party_crowds: frozenset[str] = frozenset()
    # civilians named only by a nationality and taken by no event are dropped (victims.nationals_in_passing),
    # unless a captive word (victims.captives, every form with the article) heads one mention
    nationals_in_passing: bool = False
    captives: frozenset[str] = frozenset()

    @cached_property
    def first_pass(self) -> frozenset[str]:
        """Every token a head or crowd word (``forms``), a party's adjective or a nationality can
        be: the stage picks them all by one pass over a report's keys (:meth:`_OpenActors.run`)."""
        return self.forms | frozenset(self.adjectives) | self.counted_nationals | self.nationalities


def nationality_forms(base: str) -> set[str]:
    """Every form of a nationality adjective (folded) a force phrase uses, from the masculine
    singular without the article: X, Xه, Xين, Xون, Xان, with and without the article."""
    L = letters()
    out = set()
    for form in (base, base + L.feminine_ending, *(base + e for e in L.plural_dual_endings)):
        out.update((form, L.article + form))
    return out


def adjective_forms(base: str) -> set[str]:
    """The forms of a nationality adjective qualifying a noun: those of :func:`nationality_forms`
    and the indefinite accusative (موقعا إسرائيليا)."""
    return nationality_forms(base) | {base + letters().accusative_ending}


def country_nisbas(rule: dict | None, world: Path | str = "world_places") -> set[str]:
    """The relative adjectives (nisba) of the world's one-word country names (world_places.yaml), as
    the masculine singular without the article, folded: the article of the name goes (الكاميرون →
    كاميرون), then one of ``drop_endings`` (كرواتيا → كروات), then ``suffix`` unless the name already ends
    in it (بوروندي): كاميروني، كرواتي، بوروندي. Forms in ``not`` are left out (a given name the press
    writes like one). The gazetteer leaves out a country whose bare name is an ordinary word (مالي)."""
    if not rule:
        return set()
    from rasd.kb.gazetteer import world_places

    made = _nisba_rule(rule)
    out = set()
    for place, names in world_places(world):
        if place.kind != "country":
            continue
        out |= {stem for stem in map(lambda n: nisba_of(n, made), names) if stem}
    return out


def load_forces(path: Path, actors=None, world: Path | str = "world_places") -> Forces:
    """The folded lists of open_actors.yaml at ``path``. ``actors``: the actor ids of actors.yaml
    (the knowledge base's ``actors`` table), against which the file's actor references are checked
    (victims.actor, national_forces' values): an id no actor has raises a KnowledgeError naming
    file and line, as a typo would otherwise link nothing, silently. ``world``: the world_places.yaml
    the nationalities of country_nisbas are made from (the Resources' knowledge dir's)."""
    d = load(path)
    if actors is not None:
        _check_actor_ids(path, d, actors)
    heads = {fold_str(w): h["category"] for h in d["heads"] for w in h["words"]}
    nat: set[str] = set()
    for w in d["nationalities"]:
        nat |= nationality_forms(fold_str(w))
    # the nationalities of every other state, made from its name (open_actors.yaml country_nisbas)
    made: set[str] = set()
    for base in country_nisbas(d.get("country_nisbas"), world) - {fold_str(w) for w in d["nationalities"]}:
        made |= nationality_forms(base)
    made -= nat
    nat |= made
    crowds = {fold_str(w): (c["name"], c["category"]) for c in d["crowds"] for w in c["words"]}
    kd = d["kinds"]
    kind_heads = {fold_str(w): (kd["name"], kd["category"]) for w in kd["heads"]}
    kinds: set[str] = set()
    for w in kd["adjectives"]:
        kinds |= nationality_forms(fold_str(w))
    pro = Proclitics.current()
    adjectives = {form: force for base, force in d["national_forces"].items() if base != "__line__"
                  for form in adjective_forms(fold_str(base))}

    # a bounded cache owned by the Forces this returns (the Resources' open_actors part)
    @lru_cache(maxsize=1 << 16)
    def classify(key: str) -> tuple | None:
        r = _reading(key, heads, pro)
        if r is not None:
            return (*r, "head")
        r = _reading(key, crowds, pro)
        if r is not None:
            return (*r, "crowd")
        r = _reading(key, kind_heads, pro)
        return None if r is None else (*r, "kind")

    L = letters()
    vd = d.get("victims")
    people = frozenset(fold_str(w) for w in vd["people"]) if vd else frozenset()
    stateless = [fold_str(w) for w in vd.get("stateless_nationals") or []] if vd else []
    broken = [fold_str(w) for w in vd.get("broken_nationals") or []] + stateless if vd else []
    # read after a group word only: never counted (خمسة يهود in a poll), never a state force
    group_only = [fold_str(w) for w in vd.get("group_only_nationals") or []] if vd else []
    stateless += group_only
    counted = frozenset([*(fold_str(w) + e for w in d["nationalities"]
                           for e in (*L.plural_dual_endings[:2], L.accusative_ending)), *broken]) if vd else frozenset()
    people |= {L.article + w for w in people}
    nat |= {form for w in broken + group_only for form in (w, L.article + w)}
    victims = (vd["name"], vd["category"]) if vd else None
    def words(key: str) -> frozenset[str]:
        """The folded words of one list of the file (an optional list absent: none)."""
        return frozenset(fold_str(w) for w in d.get(key) or ())

    return Forces(heads, words("generic_heads"),
                  words("security_words"),
                  words("modifiers"), frozenset(nat), crowds,
                  words("media_nouns"), classify,
                  word_forms({*heads, *crowds, *kind_heads}), pro,
                  words("attack_nouns"),
                  words("attack_modifiers"),
                  words("owned_facilities"), adjectives,
                  words("facility_not_after"),
                  words("website_words"), frozenset(kinds), kind_heads,
                  {fold_str(h): frozenset(fold_str(w) for w in ws)
                   for h, ws in (d.get("head_modifiers") or {}).items() if h != "__line__"},
                  people, counted, victims, vd.get("actor") if vd else None,
                  words("talks_nouns"),
                  words("talks_modifiers"),
                  words("talks_not_after"),
                  words("army_heads"),
                  words("army_modifiers"), frozenset(made),
                  frozenset(form for w in stateless for form in (w, L.article + w)),
                  words("place_prepositions"),
                  words("place_modifiers"),
                  words("place_buildings"),
                  _nisba_rule(d.get("country_nisbas")),
                  frozenset(str(w) for w in d.get("party_joiners") or ()),
                  frozenset(form for w in (vd.get("population") or [] if vd else [])
                            for form in (fold_str(w), L.article + fold_str(w))),
                  tuple(tuple(fold_str(w).split()) for w in d.get("wing_heads") or ()),
                  frozenset("actor:" + a for a in kd.get("generic_actors") or ()),
                  frozenset(c["name"] for c in d["crowds"] if c.get("with_events_only")),
                  frozenset(c["name"] for c in d["crowds"] if c.get("party_only")),
                  bool(vd and vd.get("nationals_in_passing")),
                  frozenset(form for w in (vd.get("captives") or [] if vd else [])
                            for form in (fold_str(w), L.article + fold_str(w))))


def _nisba_rule(rule: dict | None) -> tuple[tuple[str, ...], str, frozenset[str]] | None:
    if not rule:
        return None
    drop = tuple(sorted((fold_str(e) for e in rule["drop_endings"]), key=len, reverse=True))
    return drop, fold_str(rule["suffix"]), frozenset(fold_str(w) for w in rule.get("not") or ())


def nisba_of(name: str, rule: tuple[tuple[str, ...], str, frozenset[str]] | None) -> str | None:
    """The relative adjective (masculine, without the article, folded) of a one-word place name by
    the country_nisbas rule (العراق → عراقي، سوريا → سوري): the article as written goes (not the
    first letters of ألمانيا), then one of the drop endings, then the suffix unless the name ends in it.
    None for a longer name, a form shorter than four letters and a form of the rule's ``not``."""
    if rule is None or " " in name.strip():
        return None
    drop, suffix, skip = rule
    article = letters().article
    stem = fold_str(name[len(article):] if name.startswith(article) else name)
    if not stem.endswith(suffix):
        stem = next((stem[:-len(e)] for e in drop if stem.endswith(e) and len(stem) > len(e) + 1), stem)
        stem += "" if stem.endswith(suffix) else suffix   # تركية → تركي
    return stem if len(stem) > 3 and stem not in skip else None


def kb_name_index(kb) -> dict[str, str]:
    """Folded actor name or alias → kb id. Built once per Resources by the stage (Resources.keep: no
    module-level cache, review15b) and passed to the pass."""
    index: dict[str, str] = {}
    if kb is not None:
        for e in kb.actors.values():
            for n in e.names:
                index.setdefault(fold_str(n), e.kb_id)
    return index


def _check_actor_ids(path: Path, d: dict, actors) -> None:
    """Every actor id open_actors.yaml names (victims.actor, each national_forces value) is an
    actor of actors.yaml; the first that is not names its file and line."""
    from rasd.errors import KnowledgeError
    from rasd.kb.loaders import line_of

    refs = [(("victims", "actor"), (d.get("victims") or {}).get("actor"))]
    refs += [(("national_forces", k), v) for k, v in (d.get("national_forces") or {}).items() if k != "__line__"]
    refs += [(("kinds", "generic_actors", n), v) for n, v in enumerate((d.get("kinds") or {}).get("generic_actors") or [])]
    for loc, ref in refs:
        if ref is not None and ref not in actors:
            raise KnowledgeError(f"{path.name}:{line_of(path, loc)}: {'.'.join(map(str, loc))}: unknown actor '{ref}'",
                                 hint="Name an actor id of actors.yaml.")


def _reading(key: str, words, pro: Proclitics) -> tuple[int, str] | None:
    """(proclitic length, word) when the token is one of ``words`` behind a conjunction or a
    preposition (the article stays part of the word)."""
    if key in words:
        return 0, key
    for n in range(1, min(3, len(key) - 1)):
        if key[:n] in pro.strings and key[n:] in words:
            return n, key[n:]
        if key[:n] in pro.strings and key[n:].startswith(pro.li) and key[:n].endswith(pro.li) \
                and pro.article + key[n + 1:] in words:
            return n + 1, pro.article + key[n + 1:]   # للشرطة = ل + الشرطة: the span starts at شرطة
    return None


class _OpenActors:
    def __init__(self, doc: Doc, f: Forces, titles: frozenset[str], common: frozenset[str] = frozenset(),
                 kb=None, number_words: frozenset[str] = frozenset(), name_index: dict[str, str] | None = None):
        self.doc, self.f, self.titles, self.common, self.kb = doc, f, titles, common, kb
        self.name_index = name_index
        self.number_words = number_words
        self.pro = f.proclitics or Proclitics.current()
        self.toks = doc.tokens
        self.owner: dict[int, Mention] = {}
        for m in doc.mentions:
            for k in range(*m.tok):
                self.owner[k] = m
        self.added: list[Mention] = []
        self.dropped: set[int] = set()
        # worked out once a report (its mentions do not change while this pass reads them), not once
        # a phrase: the party each country's adjective names, the kb ids the report names
        self.named: dict[str, str | None] = {}
        self._named_ids: frozenset[str] | None = None
        # folded once per mention, not per owned token and replaceable() call; the mentions added
        # here carry no kb_id, so none of them is contextual
        names = kb.context_names if kb is not None else ()
        self.in_context = {id(m) for m in doc.mentions
                           if m.kb_id is not None and names and context_key(m.text) in names}

    def named_ids(self) -> frozenset[str]:
        if self._named_ids is None:
            self._named_ids = frozenset(o.kb_id for o in self.doc.mentions if o.kb_id)
        return self._named_ids

    def joined(self, i: int) -> bool:
        t = self.toks
        return i + 1 < len(t) and self.doc.text[t[i].end:t[i + 1].start].strip() == ""

    def contextual(self, m: Mention) -> bool:
        """A name whose actor depends on the report (actors.yaml in_context: قوات الأمن، الشرطة): a
        longer phrase naming the state (قوات الأمن الباكستانية) replaces it, as it replaces a short form,
        and so does the same phrase read as a force (رجال الشرطة): link still reads it by the report's
        country, and keeps it, no one's in particular, where no reading fits."""
        return id(m) in self.in_context

    def replaceable(self, m: Mention, a: int, b: int) -> bool:
        return a <= m.tok[0] and m.tok[1] <= b and m.type == "ACTOR" and (
            (m.short or m.pattern) and m.tok != (a, b) or self.contextual(m))

    def free(self, a: int, b: int) -> bool:
        hit = {id(self.owner[k]): self.owner[k] for k in range(a, b) if k in self.owner}
        return all(self.replaceable(m, a, b) for m in hit.values())

    def add(self, a: int, b: int, pre: int, category: str, name: str | None, why: str) -> None:
        if not self.free(a, b):
            return
        for k in range(a, b):
            if k in self.owner:
                self.dropped.add(id(self.owner[k]))
        t = self.toks
        start = self.doc.folded.orig(t[a].kstart + pre) if pre else t[a].start
        end = t[b - 1].end
        m = Mention(start, end, self.doc.text[start:end], "ACTOR", None, 0.65, tok=(a, b), pattern=True,
                    category=category, name=name, why=why, nominal=True)
        self.added.append(m)
        for k in range(a, b):
            self.owner[k] = m

    def force_at(self, i: int, r: tuple) -> None:
        pre, head, _ = r
        if i > 0 and self.joined(i - 1) and _reading(self.toks[i - 1].key, self.titles, self.pro):
            return   # وزير الدفاع الأميركي: part of a person's title
        j, mods = i + 1, []
        # a modifier of one head only (حكومة تصريف الأعمال: open_actors.yaml head_modifiers) is no
        # modifier of another (مجلس الأعمال السعودي is a business council, not a government body)
        own = self.f.head_modifiers.get(head, frozenset())
        while j < len(self.toks) and self.joined(j - 1) and len(mods) < MAX_MODIFIERS \
                and (self.toks[j].key in self.f.modifiers or self.toks[j].key in own):
            mods.append(self.toks[j].key)
            j += 1
        nationality = j < len(self.toks) and self.joined(j - 1) and self.toks[j].key in self.f.nationalities
        if nationality and self.toks[j].key in self.f.stateless:
            return   # جنود أجانب، قوات الأكراد: a nationality that names no state makes no state's force
        if nationality:
            if self.person_at(j + 1):
                return   # الجندي الأميركي ترافيس كينغ: a person's description, not a force (groups15)
            n = len(self.added)
            made = self.toks[j].key in self.f.made_nationalities
            self.add(i, j + 1, pre, self.f.heads[head], None,
                     f"a {self.f.heads[head].replace('_', ' ')} named by its head word and " + (
                         "a nationality made from its country's name (open_actors.yaml country_nisbas)"
                         if made else "nationality"))
            if len(self.added) > n:
                self.national(self.added[-1], self.toks[j].key)
        elif head in self.f.generic and mods and mods[0] in self.f.security:
            self.add(i, i + 2, pre, "state_force", None, "a state force named by a security word")
        elif head in self.f.kind_heads and not mods:
            self.crowd_at(i, (pre, head, "kind"))   # عناصر إرهابية: a force head that is also a kind head
        elif self.f.heads[head] == "government":
            self.body_of_place(i, j, pre, head, bool(mods))

    def body_of_place(self, i: int, j: int, pre: int, head: str, modified: bool) -> None:
        """A government head (and modifiers ending at ``j``) followed by a place: as the place's
        genitive right after an indefinite, unmodified head (حكومة العراق، مجلس محافظة الأنبار), or
        after a preposition or ل (السلطات المحلية في نيجيريا، الحكومة المحلية لمحافظة الأنبار). The
        actor's mention is the head's words; its name runs over the place, which stays a PLACE
        mention (open_actors.yaml place_prepositions; branch bodies16)."""
        t, text = self.toks, self.doc.text
        if i > 0 and self.joined(i - 1) and _reading(t[i - 1].key, self.f.place_buildings, self.pro):
            return   # قصر الرئاسة في عدن، مقر وزارة الأمن في تل أبيب: a building and where it stands (review15b)
        while j < len(t) and self.joined(j - 1) and t[j].key in self.f.place_modifiers:
            j, modified = j + 1, True
        if j >= len(t) or not self.joined(j - 1):
            return
        k, how = j, "genitive"
        if t[j].key in self.f.place_prepositions:
            k, how = j + 1, "preposition"
            if k >= len(t) or not self.joined(j):
                return
        place = self.owner.get(k)
        if place is None or place.type != "PLACE" or place.tok[0] != k or place.facility:
            return
        lead = text[t[k].start:place.start]
        if how == "genitive" and lead == self.pro.li:
            how = "preposition"   # لمحافظة الأنبار: ل before the place
        elif lead:
            return
        if how == "genitive" and (modified or head.startswith(self.pro.article)):
            return   # a construct takes no article and no adjective between head and genitive
        start = self.doc.folded.orig(t[i].kstart + pre) if pre else t[i].start
        n = len(self.added)
        self.add(i, j, pre, "government", text[start:place.end],
                 f"a government body named by the place it governs (its {how}; open_actors.yaml "
                 "place_prepositions)")
        if len(self.added) > n:
            m = self.added[-1]
            m.why += f": {place.text}"
            local = any(t[x].key in self.f.place_modifiers for x in range(i, j))
            kb_id = None if local else self.state_body(i, j, pre, place)
            # the same body the report also names by the country's adjective (الحكومة العراقية):
            # one actor; named only by its place, it stays a description of its own, by that name
            if kb_id is not None and kb_id in self.named_ids():
                m.kb_id, m.pattern = kb_id, False
                m.category = self.kb.get(kb_id).category or m.category   # a ministry of defence: its forces
                m.why += ", the body the report also names by the country's adjective"

    def state_body(self, i: int, j: int, pre: int, place: Mention) -> str | None:
        """The knowledge-base actor a country's body is named by with the country's adjective
        (حكومة العراق = الحكومة العراقية، وزارة الدفاع في سوريا = وزارة الدفاع السورية), None when the
        place makes no adjective or the knowledge base lists no such phrase."""
        if self.kb is None:
            return None
        base = nisba_of(place.name or place.text, self.f.nisba_rule)
        if base is None:
            return None
        t, L = self.toks, letters()
        words = [t[i].key[pre:]] + [t[x].key for x in range(i + 1, j)]
        heads = {words[0], words[0] if words[0].startswith(L.article) else L.article + words[0]}
        if self.name_index is None:
            self.name_index = kb_name_index(self.kb)
        index = self.name_index
        for head in sorted(heads):
            for adj in (base + L.feminine_ending, base):
                kb_id = index.get(" ".join([head, *words[1:], L.article + adj]))
                if kb_id is not None and self.kb.get(kb_id).category in ("government", "state_force"):
                    return kb_id
        return None

    def national(self, m: Mention, nationality: str) -> None:
        """A phrase of a country's forces as a whole (open_actors.yaml army_heads and army_modifiers:
        قوة إسرائيلية، مدفعية إسرائيلية، قوات عسكرية تركية) of a country whose forces national_forces
        names is that country's party: the force the report names by name, else the country's force,
        as its nationality adjective after an act of force is (branch groups15). A service (الأجهزة
        الأمنية العراقية، قوة درك تركية), a government phrase, and a country national_forces does not
        name stay a description of their own."""
        keys = [t.key for t in self.toks[m.tok[0]:m.tok[1] - 1]]
        head = _reading(keys[0], self.f.army_heads, self.pro)
        if head is None or not all(k in self.f.army_modifiers for k in keys[1:]):
            return   # الأجهزة الأمنية العراقية، القوات الجوية العراقية: a service of its own, not the army
        force = self.f.adjectives.get(nationality)
        party = self.country_party(force) if force and m.category == "state_force" else None
        if party is not None:
            m.kb_id, m.pattern = party[0], False
            m.why += f": {party[1]}"

    def crowd_at(self, i: int, r: tuple) -> None:
        if i > 0 and self.joined(i - 1) and _reading(self.toks[i - 1].key, self.f.media, self.pro):
            return   # تنسيقيات المسلحين: their media, not the group in action
        j = i + 1   # مستوطنون إسرائيليون، مقاومين فلسطينيين، مسلحون متطرفون: the adjective belongs to the mention
        nxt = self.toks[j].key if j < len(self.toks) and self.joined(i) else None
        said = "nationality" if nxt in self.f.nationalities else "kind" if nxt in self.f.kinds else None
        if r[2] == "kind":   # العناصر الإرهابية: the head makes a group only with its kind
            name, cat = self.f.kind_heads[r[1]]
            if said == "kind":
                self.add(i, j + 1, r[0], cat, name, f"an unnamed armed group named by its kind ({name})")
            return
        name, cat = self.f.crowds[r[1]]
        if said and self.free(i, j + 1):
            self.add(i, j + 1, r[0], cat, name, f"an unnamed group of {name} with its {said}")
        else:
            self.add(i, j, r[0], cat, name, f"an unnamed group of {name}")

    def number(self, i: int) -> int | None:
        """The proclitic length when token ``i`` is a count: digits or a number word (numbers.yaml),
        behind a conjunction or a preposition (وأربعة); None otherwise."""
        if i < 0 or not self.joined(i):
            return None
        key = self.toks[i].key
        if key.isdigit():
            return 0
        r = _reading(key, self.number_words, self.pro)
        return None if r is None else r[0]

    def add_victims(self, a: int, b: int, pre: int, why: str) -> None:
        n = len(self.added)
        name, cat = self.f.victims
        self.add(a, b, pre, cat, name, why)
        if len(self.added) > n and self.f.victims_actor:
            self.added[-1].kb_id = "actor:" + self.f.victims_actor

    def person_at(self, k: int) -> bool:
        """Token ``k`` starts, right after the previous one, a PERSON mention."""
        o = self.owner.get(k)
        return k < len(self.toks) and self.joined(k - 1) and o is not None and o.type == "PERSON" \
            and o.tok[0] == k

    def victims(self, picked: list[int] | None = None) -> None:
        """Counted or described victims (open_actors.yaml victims): a number and a nationality's
        plural (أربعة فلسطينيين), or a people noun with a nationality adjective right after it
        (رضيع فلسطيني، ثلاثة أطفال فلسطينيين), is a mention of civilians; neither word alone is."""
        if self.f.victims is None:
            return
        toks = self.toks
        # the cheap set look-ups first: a count's nationality is never behind a proclitic, and a
        # people noun needs a nationality right after it (most tokens fail both at once), so only
        # the tokens that are a counted nationality or stand before a nationality are visited,
        # picked by two C-level passes over the document's keys, in token order (an added mention
        # changes the owners the later tokens see); ``picked``: the tokens of Forces.first_pass, when
        # the caller has them (a subset of them then, at Python speed)
        keys = self.doc.keys
        counted, nationalities = self.f.counted_nationals, self.f.nationalities
        if picked is None:
            at = range(len(keys))
            visit = {*compress(at, map(counted.__contains__, keys)),
                     *(i - 1 for i in compress(at, map(nationalities.__contains__, keys)) if i)}
        else:
            visit = {*(i for i in picked if keys[i] in counted),
                     *(i - 1 for i in picked if i and keys[i] in nationalities)}
        for i in sorted(visit):
            t = toks[i]
            if i in self.owner and not self.owner[i].pattern and not self.owner[i].short:
                continue
            if t.key in self.f.counted_nationals:
                n = self.number(i - 1)
                if n is not None:
                    self.add_victims(i - 1, i + 1, n, "civilians counted by their nationality")
                    continue
            if i + 1 >= len(toks) or toks[i + 1].key not in self.f.nationalities:
                continue
            r = _reading(t.key, self.f.people, self.pro)
            if r is None or not self.joined(i):
                continue
            art = self.pro.article
            if r[1].startswith(art) != toks[i + 1].key.startswith(art):
                continue   # the adjective agrees with its noun in definiteness
            if self.person_at(i + 2):
                continue   # الصحافي الأميركي توماس فريدمان: a person's description, not a group
            a, n = i, (self.number(i - 1) if r[0] == 0 else None)
            while n is not None:   # 6 آلاف أسير فلسطيني: the count's words and digits belong to it
                a, pre = a - 1, n
                n = self.number(a - 1) if pre == 0 and a - i > -2 else None
            self.add_victims(a, i + 2, r[0] if a == i else pre,
                             "civilians named by a people noun and their nationality")

    def noun(self, key: str, words: frozenset[str]) -> bool:
        """One of ``words``, behind a conjunction or a preposition, or in the indefinite accusative
        (هجوما، موقعا; a word in ة takes no alef: إليها is no آلية)."""
        L = letters()
        acc, stem = L.accusative_ending, key[:-len(L.accusative_ending)]
        return bool(_reading(key, words, self.pro) or key.endswith(acc) and not stem.endswith(L.feminine_ending)
                    and _reading(stem, words, self.pro))

    def said(self, k: int) -> bool:
        """The word before token ``k`` is a speech or attribution word (وذكرت، بحسب): what follows is a source."""
        return k > 0 and _reading(self.toks[k - 1].key, self.f.source_words, self.pro) is not None

    def named_facility(self, i: int) -> int | None:
        """The facility word of a named facility right before the adjective at ``i`` (قاعدة كونيكو
        الأميركية، قاعدة "حرير" الأميركية): a place mention that starts with a facility word or follows
        one; quotes may stand between."""
        t = self.toks
        if i == 0 or self.doc.text[t[i - 1].end:t[i].start].strip(' "«»\'') != "":
            return None
        m = self.owner.get(i - 1)
        if m is None or m.type != "PLACE":
            return None
        quoted = self.doc.text[t[i - 1].end:t[i].start].strip() != "" or (
            m.tok[0] > 0 and self.doc.text[t[m.tok[0] - 1].end:m.start].strip() != "")
        for k in (m.tok[0], m.tok[0] - 1):
            if 0 <= k and self.noun(t[k].key, self.f.facilities) and not (
                    self.said(k)) and not (
                    quoted and self.noun(t[k].key, self.f.websites)):
                return k
        return None

    def between(self, k: int) -> str:
        """What stands between token ``k`` and the next, spaces stripped."""
        t = self.toks
        return self.doc.text[t[k].end:t[k + 1].start].strip() if k + 1 < len(t) else ""

    def noun_of(self, i: int, conj: bool = False) -> tuple[str, int] | None:
        """(``party_of`` kind: PARTY_OF_ATTACK | PARTY_OF_FACILITY | PARTY_OF_TALKS, noun token) when the adjective at ``i`` qualifies an act of
        force, a facility, or talks or a deal: the noun right before it, or before up to two modifiers
        of its kind (attack_modifiers, talks_modifiers), or before an adjective that qualifies one
        (العدوان الأميركي البريطاني، الاتفاق السعودي الإيراني), also across a dash (open_actors.yaml
        party_joiners: العدوان الأميركي - البريطاني) or, with ``conj`` (the adjective carries the
        conjunction), right after it only (الغارات الأميركية والبريطانية)."""
        k, mods = i - 1, 0
        prev = self.added[-1] if self.added else None
        if k >= 0 and prev is not None and prev.party_of and prev.tok == (k, k + 1) and (
                conj or self.between(k) in self.f.party_joiners):
            return prev.party_of, k   # العدوان الأميركي - البريطاني، الغارات الأميركية والبريطانية
        if conj:
            return None   # وبريطانية after anything but a party's adjective joins something else
        named = self.named_facility(i)
        if named is not None:
            return PARTY_OF_FACILITY, named
        while k >= 0 and self.joined(k):
            key = self.toks[k].key
            prev = self.added[-1] if self.added else None
            if prev is not None and prev.party_of and prev.tok == (k, k + 1):
                return prev.party_of, k
            if self.noun(key, self.f.attack_nouns):
                return PARTY_OF_ATTACK, k
            if self.noun(key, self.f.facilities):
                said = self.said(k) or self.noun(key, self.f.websites)
                return None if said else (PARTY_OF_FACILITY, k)   # وذكر الموقع الإسرائيلي: a website, not a base
            if self.noun(key, self.f.talks_nouns):
                other = k > 0 and _reading(self.toks[k - 1].key, self.f.talks_not_after, self.pro) is not None
                return None if other else (PARTY_OF_TALKS, k)   # عالم الاجتماع الفرنسي: sociology, no meeting
            if key not in self.f.attack_modifiers and key not in self.f.talks_modifiers or mods == 2:
                return None
            k, mods = k - 1, mods + 1
        return None

    def country_state(self, force: str) -> tuple[str, str] | None:
        """(kb id, why) of the state a nationality adjective of talks or a deal names (المحادثات
        الأميركية الروسية: the United States and Russia, not their armies): the state its force is
        part of (actors.yaml part_of)."""
        entry = self.kb.get("actor:" + force) if self.kb is not None else None
        state = self.kb.get("actor:" + entry.part_of[0]) if entry is not None and entry.part_of else None
        return (state.kb_id, "the country's state") if state is not None else None

    def country_party(self, force: str) -> tuple[str, str] | None:
        """(kb id, why) of the party a nationality adjective names: the country's force or government
        the report already names by name (the most named; a force before a government: الاحتلال
        الإسرائيلي … القصف الإسرائيلي), else the country's force (open_actors.yaml national_forces)."""
        entry = self.kb.get("actor:" + force) if self.kb is not None else None
        if entry is None:
            return None
        if entry.country and entry.country not in self.named:   # the report's mentions stand still in this pass
            self.named[entry.country] = named_party(self.doc.mentions, self.kb, entry.country)
        best = self.named[entry.country] if entry.country else None
        if best is not None:
            return best, "the country's party the report names"
        return entry.kb_id, "the country's force"

    def adjective_at(self, i: int, conj: bool = False) -> None:
        if i in self.owner:
            return
        found = self.noun_of(i, conj)
        pre = len(self.pro.and_) if conj else 0
        force = self.f.adjectives[self.toks[i].key[pre:]]
        party = None if not found else self.country_state(force) if found[0] == PARTY_OF_TALKS else self.country_party(force)
        if party is None:
            return
        kind, k = found
        noun = self.doc.text[self.toks[k].start:self.toks[k].end]
        self.add(i, i + 1, pre, "government" if kind == PARTY_OF_TALKS else "state_force", None,
                 f"a nationality adjective after '{noun}' " + (
                     "names who did the act (open_actors.yaml attack_nouns)" if kind == PARTY_OF_ATTACK else
                     "names a party to the talks (open_actors.yaml talks_nouns)" if kind == PARTY_OF_TALKS else
                     "names whose facility it is (open_actors.yaml owned_facilities)") + f": {party[1]}")
        m = self.added[-1]
        if m.tok == (i, i + 1):
            # linked by its kb id like a name; not a pattern mention (a loyalist phrase, rasd.stages.relations)
            m.kb_id, m.party_of, m.nominal, m.pattern = party[0], kind, False, False

    def owners(self) -> None:
        """An actor named right after a military facility owns it (قاعدة الاحتلال الأميركي، مواقع جيش
        الاحتلال، ثكنة الجيش): ``party_of`` "facility"."""
        for m in self.doc.mentions + self.added:
            k = m.tok[0] - 1
            if m.type != "ACTOR" or m.party_of or k < 0 or not self.joined(k) or self.category(m) not in ARMED \
                    or starts_with_and(self.toks[m.tok[0]].key):
                continue   # تنظيمي القاعدة وداعش: an owner is never joined by 'and'
            if self.noun(self.toks[k].key, self.f.facilities) and not (
                    self.said(k)):
                m.party_of = PARTY_OF_FACILITY

    def category(self, m: Mention) -> str | None:
        e = self.kb.get(m.kb_id) if self.kb is not None and m.kb_id else None
        return e.category if e is not None else m.category

    def run(self) -> list[Mention]:
        classify, owner, toks = self.f.classify, self.owner, self.toks
        keys = self.doc.keys   # the tokens run looks at, picked by one C-level pass over the keys
        forms, adjectives, conj = self.f.forms, self.f.adjectives, self.pro.and_
        picked = candidate_tokens(self.doc, self.f.first_pass)
        for i in picked:
            if keys[i] not in forms:
                continue   # an adjective or a nationality only
            r = classify(keys[i])
            if r is None:
                continue
            o = owner.get(i)
            if o is not None and not o.short and not o.pattern and not self.contextual(o):
                continue
            if r[2] == "head":
                self.force_at(i, r)
            elif i not in owner:
                self.crowd_at(i, r)
        self.victims(picked)
        for i in [i for i in picked if keys[i] in adjectives]:
            self.adjective_at(i)
            # a second party joined by the conjunction (الأميركية والبريطانية)
            if i + 1 < len(keys) and keys[i + 1][:len(conj)] == conj and keys[i + 1][len(conj):] in adjectives:
                self.adjective_at(i + 1, conj=True)
        self.owners()
        kept = [m for m in self.doc.mentions if id(m) not in self.dropped]
        for m in kept:
            if m.kb_id and m.type == "ACTOR" and not m.short and self.described(m):
                m.nominal = True
        for m in kept:
            self.own_adjective(m)
        return sorted(kept + self.added, key=lambda m: m.start)

    def own_adjective(self, m: Mention) -> None:
        """الموساد الإسرائيلي، حرس الثورة الإيراني، كيان الاحتلال الإسرائيلي: a knowledge-base actor's
        name (no short form) followed, white space between, by the nationality adjective of the actor's
        own country (an adjective of ``national_forces`` whose force is of that country) takes the
        adjective into its mention, as the press writes the name with it; a word another mention holds
        is left to it."""
        j = m.tok[1]
        if m.type != "ACTOR" or not m.kb_id or m.short or self.kb is None or j >= len(self.toks) \
                or not self.joined(j - 1) or j in self.owner:
            return
        entry, force = self.kb.get(m.kb_id), self.kb.get("actor:" + self.f.adjectives.get(self.toks[j].key, ""))
        if entry is None or force is None or not entry.country or entry.country != force.country:
            return
        t = self.toks[j]
        m.end, m.tok = t.end, (m.tok[0], j + 1)
        m.text = self.doc.text[m.start:m.end]
        m.why = (m.why + "; " if m.why else "") + (
            f"'{self.doc.text[t.start:t.end]}' after the name is its own country's adjective: part of the mention")
        self.owner[j] = m

    def described(self, m: Mention) -> bool:
        """A knowledge-base actor named by a description rather than a name: ordinary words closed
        by a nationality (الجيش الأميركي، الحكومة العراقية، الخارجية الأمريكية، الطيران الإسرائيلي):
        an ordinary head word, force modifiers (القوات المسلحة العراقية), the nationality.
        The press, and the NER corpora (ANERcorp tags such phrases O), read them as descriptions;
        a phrase holding a name is a name (حزب الله اللبناني), as is one without a nationality
        (مجلس الأمن).  ``common``: the words the NER corpora use mostly outside names."""
        keys = [t.key for t in self.toks[m.tok[0]:m.tok[1]]]
        if len(keys) < 2 or keys[-1] not in self.f.nationalities:
            return False

        def ordinary(key: str) -> bool:
            forms = {key, *(st for _, st in readings(key))}
            return any(f in self.common or f in self.f.heads or f in self.f.modifiers
                       or self.pro.article + f in self.common or self.pro.article + f in self.f.heads
                       for f in forms)
        return ordinary(keys[0]) and all(k in self.f.modifiers for k in keys[1:-1])


class OpenActors(Stage):
    """Adds ACTOR mentions for forces and groups the knowledge base lacks (module docstring)."""

    name = "open_actors"
    requires = ("mentions",)
    assigns = ("mentions",)

    def __call__(self, doc: Doc) -> Doc:
        if doc.text:
            titles = self.resources.kb.lexicon["_folded"]["person_titles"]
            doc.mentions = _OpenActors(doc, self.resources.open_actors, titles, self.resources.common_words,
                                       self.resources.kb, frozenset(self.resources.numbers.words),
                                       self.resources.keep("open-actors-name-index",
                                                           lambda: kb_name_index(self.resources.kb))).run()
        return doc

