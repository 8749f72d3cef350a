"""An actor's mention spans its whole noun phrase: the finders stop at the name, but Arabic
reporting names a party by a phrase whose modifiers follow the name and say which party it is.

- epithets that agree with the name (جماعة بوكو حرام المتطرفة، ميليشيات الحوثي المتمردة، تنظيم داعش
  الإرهابي، مسلحين إسلاميين): lexicon ``actor_epithets``; a definite name takes definite epithets
  and an indefinite one indefinite epithets (agreement in definiteness); and in gender and number
  (:func:`agrees`): after a construct (عمليات داعش الإرهابية، هجوم داعش الإرهابي) an epithet may
  qualify the noun before the name, so an epithet that agrees with that noun and with no word of the
  name is the noun's;
- who leads it (التحالف بقيادة السعودية، الائتلاف الدولي الذي تقوده واشنطن): ``leader_markers``, or a
  relative pronoun (``leader_relatives``) and a verb of leading (``leader_verbs``), then the next name;
- whom it is loyal to (القوات الموالية للرئيس عبد ربه منصور هادي): ``phrase_loyal_words``, a lam word,
  titles, then the next name;
- the person a title at its end names (قوات الرئيس السابق علي عبد الله صالح): ``phrase_titles``
  before the person's mention;
- the head of a construct before it (ميليشيات الحوثيين، فلول الحوثيين، عناصر التنظيم):
  ``phrase_heads``, a noun without the article right before a definite name.

A government (a state or city acting) keeps its name: an epithet after it belongs to the noun before
it (هجوم موسكو الإرهابي). It runs last, after events and relations have read the mentions, so it changes spans and nothing
else; each widened mention says so in its ``why``.
"""
from __future__ import annotations

from rasd.arabic.clitics import has_article, letters, readings, starts_with_and
from rasd.arabic.script import TEH_MARBUTA
from rasd.doc import Doc, Mention
from rasd.pipeline import Stage

CLOSE = set("»\"”'")      # a closing quote may stand between the name and its epithet
MAX_NAME = 6             # words of the name a leader or loyalty phrase ends in


def noun_form(surface: str, key: str) -> str | None:
    """What an adjective agreeing with this noun ends in, where its form shows it: "f" after a noun
    in ة (الجماعة) or a sound feminine plural, which non-human takes a feminine singular adjective
    (الميليشيات المتمردة، عمليات … الإرهابية); "mpl" after a sound masculine plural (المسلحين
    الإرهابيين); None where the form does not show it (التنظيم، الفصائل: a masculine singular or a
    broken plural; a name: داعش). ``surface``: the word as written (ة folded is ه, as a pronoun is)."""
    L = letters()
    if surface.endswith(TEH_MARBUTA) or key.endswith(L.feminine_plural) and len(key) > len(L.feminine_plural) + 2:
        return "f"
    if any(key.endswith(e) for e in L.plural_dual_endings[:2]) and len(key) > 4:   # ين، ون
        return "mpl"
    return None


def adjective_form(surface: str, key: str) -> str:
    """An adjective's gender and number from its ending: "f" (ة), "mpl" (ين، ون) or "m"."""
    if surface.endswith(TEH_MARBUTA):
        return "f"
    return "mpl" if any(key.endswith(e) for e in letters().plural_dual_endings[:2]) else "m"


def agrees(noun: str | None, adjective: str) -> bool | None:
    """Whether an adjective of this form agrees with a noun of that :func:`noun_form` (None: the
    noun's form does not say)."""
    return None if noun is None else noun == adjective


def _open_quote(t: str) -> bool:
    """The phrase opens a quote it does not close."""
    return t.count("«") > t.count("»") or t.count("“") > t.count("”") or t.count('"') % 2 == 1


_LEADS = "who leads it"   # what a phrase runs on over when it names the party's leader (its why)

class _Phrases:
    def __init__(self, doc: Doc, words: dict[str, frozenset], act_nouns: frozenset[str] = frozenset(),
                 group_nouns: frozenset[str] = frozenset()):
        self.doc, self.toks, self.w = doc, doc.tokens, words
        self.act_nouns = act_nouns   # nouns of an act of force (open_actors.yaml attack_nouns): هجوم، قصف
        # nouns that head a group's own name (lexicon org_heads, phrase_heads; open_actors kinds heads):
        # an epithet agreeing with one (منظمة داعش الإرهابية، عصابات داعش الإرهابية) is the group's
        self.group_nouns = group_nouns
        L = letters()
        # the lam with an attached pronoun (لها، له، لهم): a loyalty phrase to a pronoun names no one
        self.lam_pronouns = frozenset(L.li + p for p in L.attached_pronouns)
        self.starts: dict[int, Mention] = {}
        self.led: list[Mention] = []   # mentions widened over who leads them (drop_lone_leaders reads them)
        for e in doc.entities:
            for m in e.mentions:
                if e.type in ("ACTOR", "PERSON", "PLACE"):
                    self.starts.setdefault(m.tok[0], m)

    def joined(self, j: int) -> bool:
        """Token j and j+1 stand in one phrase: nothing but spaces and closing quotes between."""
        if j + 1 >= len(self.toks):
            return False
        gap = self.doc.text[self.toks[j].end:self.toks[j + 1].start]
        return all(c.isspace() or c in CLOSE for c in gap)

    def is_(self, j: int, name: str) -> bool:
        return 0 <= j < len(self.toks) and self.toks[j].key in self.w[name]

    def name_end(self, j: int) -> int | None:
        """End token of the name starting at token j (a mention there), after titles."""
        k = j
        while k < len(self.toks) and k - j < MAX_NAME and k not in self.starts:
            if not (self.is_(k, "person_titles") or self.is_(k, "title_modifiers")
                    or self.is_(k, "nationalities")) or not self.joined(k):
                return None
            k += 1
        m = self.starts.get(k)
        return None if m is None else m.tok[1]

    def surface(self, k: int) -> str:
        return self.doc.text[self.toks[k].start:self.toks[k].end]

    def noun_before(self, first: int) -> str | None:
        """The form (:func:`noun_form`) of the noun a name at token ``first`` may stand in construct
        after: the word right before it, without the article (a construct's head has none), a noun
        by its form (ة، ات: no verb ends so) or a noun of an act of force (هجوم، قصف, maybe behind a
        proclitic: لهجوم); None when there is none or its form does not say."""
        k = first - 1
        if k < 0 or not self.joined(k) or has_article(self.toks[k].key):
            return None
        key = self.toks[k].key
        stems = [st for _, st in readings(key)]
        if any(st in self.group_nouns for st in stems):
            return None   # the group's own head noun (جماعة الحوثي المسلحة): its epithet is the group's
        form = noun_form(self.surface(k), key)
        if form is None and any(st in self.act_nouns for st in stems):
            return "m"
        return form

    def epithet_of_name(self, j: int, first: int, end: int, before: str | None) -> bool:
        """The epithet at token j qualifies the name over tokens first..end, by gender and number: it
        agrees with a word of the name whose form says so (… المعارضة المسلحة), or it does not agree
        with the noun the name stands in construct after (``before``: عمليات داعش الإرهابية، هجوم داعش
        الإرهابي are the acts' epithets)."""
        adj = adjective_form(self.surface(j), self.toks[j].key)
        # a name's head that disagrees decides nothing: the epithet may agree with a later word of the
        # name (سلطات الاحتلال الصهيوني), and a collective in ة takes a plural one (الشيعة المحليين)
        if any(agrees(noun_form(self.surface(k), self.toks[k].key), adj) for k in range(first, end)):
            return True
        if any(st in self.group_nouns for k in range(first, end) for _, st in readings(self.toks[k].key)):
            return True   # the name holds its own head noun (ميليشيا الدعم السريع): the epithet is the group's
        return not agrees(before, adj)

    def right(self, m: Mention, definite: bool, first: int | None = None) -> tuple[int, str]:
        """End token of the phrase after the mention's name, and what widened it (``first``: the
        phrase's first token, a construct head before the mention when there is one)."""
        j, why = m.tok[1], []
        first = m.tok[0] if first is None else first
        before = self.noun_before(first) if first == m.tok[0] else None
        while j < len(self.toks) and self.joined(j - 1):
            key = self.toks[j].key
            if key in self.w["actor_epithets"] and has_article(key) == definite and not starts_with_and(key) \
                    and not m.loyalist and j not in self.starts and self.epithet_of_name(j, first, m.tok[1], before):
                # القوات الموالية لهادي المتمردين: after the lam phrase, the object; هاجم الجيش المتمردين: a
                # word where another mention starts is that mention (the verb's object), no epithet
                j, why = j + 1, [*why, "an epithet"]
                continue
            end = None
            if self.is_(j, "leader_markers") and self.joined(j):
                end = self.name_end(j + 1)
                what = _LEADS
            elif self.is_(j, "leader_relatives") and self.is_(j + 1, "leader_verbs") and self.joined(j) \
                    and self.joined(j + 1):
                end = self.name_end(j + 2)
                what = _LEADS
            elif self.is_(j, "phrase_loyal_words") and self.joined(j) and j + 1 < len(self.toks) \
                    and self.toks[j + 1].key.startswith(letters().li) \
                    and self.toks[j + 1].key not in self.lam_pronouns:   # الموالية لها: to no one named
                end = self.loyal_end(j + 1)
                what = "whom it is loyal to"
            elif j in self.starts and self.starts[j].type == "PERSON" \
                    and self.is_(j - 1, "phrase_titles"):
                end, what = self.starts[j].tok[1], "the person its title names"
            if end is None:
                break
            return end, ", ".join([*why, what])
        return j, ", ".join(why)

    def loyal_end(self, k: int) -> int | None:
        """للرئيس [اليمني] عبد ربه منصور هادي، لحكومة هادي، للشرعية: the lam word and the name after it."""
        if k in self.starts:
            return self.starts[k].tok[1]
        if self.joined(k) and (end := self.name_end(k + 1)) is not None:
            return end
        return k + 1

    def widen(self, m: Mention) -> None:
        toks = self.toks
        if not 0 <= m.tok[0] < m.tok[1] <= len(toks) or not toks[m.tok[0]].start <= m.start < toks[m.tok[0]].end:
            return   # a mention without its token span (a hand-built or merged one): nothing to read after it
        first = toks[m.tok[0]].key
        definite = has_article(first) or m.kb_id is not None and not m.nominal
        start, head = m.tok[0], False
        i = start - 1
        if i >= 0 and self.is_(i, "phrase_heads") and self.joined(i) and has_article(first):
            start, head = i, True
        end, why = self.right(m, definite, start)
        # a loyalist phrase the finder ended on a lam with a pronoun (الميليشيات الموالية لها) is whole:
        # the mention after it is the verb's object, not the name its loyalty gives
        if m.loyalist and end == m.tok[1] and toks[end - 1].key not in self.lam_pronouns \
                and (named := self.name_end(end)) is not None:
            end, why = named, "the name its loyalty phrase gives"   # الموالية للرئيس [الشرعي] عبد ربه منصور هادي
        if end == m.tok[1] and not head:
            return
        if head:
            why = ", ".join(x for x in ("the head of its construct", why) if x)
        s, e = (toks[start].start if head else m.start), toks[end - 1].end   # a proclitic stays out
        if self.doc.text[e:e + 1] in CLOSE and _open_quote(self.doc.text[s:e]):
            e += 1   # تنظيم «داعش»: the phrase closes the quote it opened
        m.start, m.end, m.tok = s, e, (start, end)
        m.text = self.doc.text[s:e]
        m.why = "; ".join(x for x in (m.why, f"the phrase runs on over {why}") if x)
        if _LEADS in why:
            self.led.append(m)

    def run(self) -> None:
        for ent in self.doc.entities:
            # a state or city is named by its name: an epithet after it belongs to the noun before it
            # (هجوم موسكو الإرهابي), and بقيادة after it to its ruler (المملكة بقيادة الملك)
            if ent.type == "ACTOR" and ent.category != "government":
                for m in ent.mentions:
                    self.widen(m)
        self.drop_lone_leaders()

    def drop_lone_leaders(self) -> None:
        """A state named only as the leader inside another party's phrase (التحالف الذي تقوده
        السعودية، التحالف العربي بقيادة المملكة العربية السعودية) is part of that party's name, not a
        party the report names on its own: its actor entity goes when that is its only mention and no
        event or relation reads it; the phrase's ``why`` says so."""
        used = {x for ev in self.doc.events for x in (*ev.agents, *ev.targets, *ev.partners, *ev.places)}
        used |= {x for r in self.doc.relations for x in (r.head, r.tail)}
        widened = self.led
        keep = []
        for e in self.doc.entities:
            inside = e.type == "ACTOR" and e.category == "government" and e.id not in used and len(e.mentions) == 1 \
                and next((w for w in widened if w.start <= e.mentions[0].start and e.mentions[0].end <= w.end), None)
            if inside:
                inside.why = f"{inside.why}; {e.name_ar} named only as its leader here: no actor of its own"
                continue
            keep.append(e)
        self.doc.entities = keep


class Phrases(Stage):
    name = "phrases"
    requires = ("entities", "relations")
    assigns = ("entities",)

    def __call__(self, doc: Doc) -> Doc:
        if doc.entities:
            words = self.resources.kb.lexicon["_folded"]
            forces = self.resources.open_actors
            groups = words["org_heads"] | words["phrase_heads"] | frozenset(forces.kind_heads)
            _Phrases(doc, words, forces.attack_nouns, groups).run()
        return doc
