"""Who the report's parties are, once its events are known (runs after the events are decided,
before relations).

- **The population named in passing is no party.** Reports name the population of a place or a
  war at large: its residents, citizens, displaced and refugees (السكان، الأهالي، المواطنين، النازحين،
  اللاجئين) as background (the return of the displaced, a ministry's appeal to citizens, the
  suffering of the residents). Such a word makes a mention of the civilians actor (actors.yaml
  ``civilians``), a party of the report only when an act is done to them or by them. So a civilians
  entity that no event takes as an agent, a target or a partner, and whose every mention is one of
  these population nouns (open_actors.yaml ``victims.population``), is dropped, with a warning
  giving its reason. Civilians named otherwise (a count, مدنيين, a described victim such as رضيع
  فلسطيني) stay. The gold of the annotated parts keeps civilians as actors only as an event's
  participants (annotations/train: 123 of 128).
- **Nationals counted in passing are no party.** Civilians named only by a count of their nationality
  (سبعة كويتيين، 23 سعودياً), or by that and population nouns, and taken by no event are the report's tally of a people (the defendants' nationalities in a
  trial, the workers of a plant, the foreigners whose papers were put right): dropped with a warning
  (open_actors.yaml ``victims.nationals_in_passing``). Only a count: a people noun with a nationality
  (صحفي تركي، الرضيع الفلسطيني) is a described victim, the way the press names the one an act struck,
  and stays; so do captives (``victims.captives``: رهائن، مختطفين), the party of an exchange or a
  kidnapping rasd may not read (Round 36: civ36).
- **A kind of group is no party either.** A group named only by its kind (مجموعة إرهابية، العناصر
  الإرهابية: open_actors.yaml ``kinds``) and the knowledge-base actors that name a kind of group
  (``kinds.generic_actors``: الجماعات المسلحة، التنظيمات المتطرفة، الجهاديين) are dropped when no event
  takes them: such talk of a kind of enemy (محاربة الجماعات الإرهابية) names no party (annotations/train:
  21 such entities named by no event, 1 of them a gold actor).
- **An armed wing's name names its party.** "كتائب القسام، الجناح العسكري لحركة حماس" names Hamas as
  well as its wing: where a knowledge-base actor's mention is a wing phrase (open_actors.yaml
  ``wing_heads`` + ل + a name of the actor's ``part_of`` parent), the parent's name inside it is a
  mention of the parent, added to the parent's entity or making one. It is added after the events,
  so the apposition never becomes an event's argument.
"""
from __future__ import annotations

from bisect import insort

from rasd.arabic.clitics import readings, reads_as
from rasd.arabic.normalize import fold_str
from rasd.doc import Doc, Entity, Mention
from rasd.pipeline import Stage


def dropped(doc: Doc, actor: str, population: frozenset[str], generic: frozenset[str] = frozenset(),
            kind: tuple[str, frozenset[str]] | None = None, event_crowds: frozenset[str] = frozenset(),
            party_crowds: frozenset[str] = frozenset(),
            nationals: tuple[frozenset[str], frozenset[str], frozenset[str]] | None = None) -> list[str]:
    """Drop the entities no event names that are (a) of ``actor`` (a kb id: the civilians) and named
    only by ``population`` words (folded), (b) of one of the ``generic`` kb ids (kinds of groups), or
    (c) the open group named by its kind, ``kind`` = (its name, its head words folded), every mention
    opening with a head word (مجموعة إرهابية، العناصر الإرهابية); and (d) the open crowds named in
    ``event_crowds`` in a report with no event at all, and (e) those named in ``party_crowds`` wherever no
    event takes them; and (f) when ``nationals`` = (nationality forms, captive words) is given, the
    entities of ``actor`` each of whose mentions is a population word or ends in a nationality form
    (civilians named by their nationality), none holding a captive word (``nationals[1]``) or a people
    noun (``nationals[2]``): counted nationals only; return the warnings saying which and why."""
    named = {p for ev in doc.events for p in (*ev.agents, *ev.targets, *ev.partners)}
    keys = doc.keys
    out, keep = [], []
    for e in doc.entities:
        why = None
        if e.type == "ACTOR" and e.id not in named and e.mentions:
            if not doc.events and e.kb_id is None and e.name_ar in event_crowds:
                why = "a crowd that is a party only in a report of some event (open_actors.yaml crowds: with_events_only)"
            elif e.kb_id is None and e.name_ar in party_crowds:
                why = "a crowd named as readily in talk of a kind of enemy as in an act (open_actors.yaml crowds: party_only)"
            elif e.kb_id == actor and all(fold_str(m.text) in population for m in e.mentions):
                why = "the population named in passing (open_actors.yaml victims.population)"
            elif nationals and e.kb_id == actor and all(
                    fold_str(m.text) in population or (m.tok[1] > m.tok[0] and keys[m.tok[1] - 1] in nationals[0]
                                                     and not any(reads_as(nationals[1], keys[k])
                                                                 or reads_as(nationals[2], keys[k])
                                                                 for k in range(*m.tok)))
                    for m in e.mentions):
                why = ("civilians counted only by their nationality, no described victim nor captives "
                       "(open_actors.yaml victims.nationals_in_passing)")
            elif e.kb_id in generic:
                why = "a kind of group, no one group (open_actors.yaml kinds.generic_actors)"
            elif kind and e.kb_id is None and e.name_ar == kind[0] and all(
                    m.tok[1] > m.tok[0] and reads_as(kind[1], keys[m.tok[0]]) for m in e.mentions):
                why = "a group named by its kind only (open_actors.yaml kinds)"
        if why:
            shown = ", ".join(sorted({m.text for m in e.mentions}))
            out.append(f"roster: dropped {e.id} {e.name_ar} ('{shown}'): {why}, and no event's party")
        else:
            keep.append(e)
    gone = {e.id for e in doc.entities} - {e.id for e in keep}
    doc.entities = keep
    if gone:   # their mentions go with them (a --trace keeps no mention of a dropped entity)
        doc.mentions = [m for m in doc.mentions if m.entity not in gone]
    return out


def _name_at(keys: list[str], j: int, names: list[list[str]], article: str) -> tuple[int, int] | None:
    """(proclitic length of token ``j``, token count) of the longest of ``names`` (folded token lists)
    written from token ``j`` on, the first word carrying a preposition (لحركة حماس، للجهاد الإسلامي)."""
    if j >= len(keys):
        return None
    firsts = [(pre, st) for pre, st in readings(keys[j]) if pre]
    best = None
    for name in names:
        if keys[j + 1:j + len(name)] != name[1:] or (best and len(name) <= best[1]):
            continue
        for pre, st in firsts:
            if st == name[0] or article + st == name[0]:
                best = (pre, len(name))
                break
    return best


def wing_parents(doc: Doc, kb, wings: list[list[str]], article: str) -> int:
    """Add a mention of the parent an armed wing's mention names (module docstring); return how many."""
    if kb is None or not wings:
        return 0
    keys, toks = doc.keys, doc.tokens
    by_kb = {e.kb_id: e for e in doc.entities if e.type == "ACTOR" and e.kb_id}
    n_ids = [int(e.id[1:]) for e in doc.entities if e.id[1:].isdigit()]
    next_id = max(n_ids, default=0) + 1
    added = 0
    for e in list(doc.entities):
        entry = kb.get(e.kb_id) if e.type == "ACTOR" and e.kb_id else None
        if entry is None or not entry.part_of:
            continue
        for m in list(e.mentions):
            a, b = m.tok
            wing = next((w for w in wings if tuple(keys[a:a + len(w)]) == w), None)
            if wing is None or a + len(wing) >= b:
                continue
            for pid in entry.part_of:
                parent = kb.get("actor:" + pid)
                if parent is None:
                    continue
                names = [fold_str(n).split() for n in (parent.name_ar, *parent.aliases)]
                j = a + len(wing)
                found = _name_at(keys[:b], j, names, article)
                if found is None:
                    continue
                pre, n = found
                start = doc.folded.orig(toks[j].kstart + pre)
                end = toks[j + n - 1].end
                why = (f"the party named in its armed wing's name '{m.text}' "
                       f"(open_actors.yaml wing_heads; actors.yaml part_of)")
                ent = by_kb.get(parent.kb_id)
                if ent is None:
                    ent = Entity(f"E{next_id}", "ACTOR", parent.name_ar, parent.name_en, parent.kb_id, [],
                                 category=parent.category)
                    next_id += 1
                    doc.entities.append(ent)
                    by_kb[parent.kb_id] = ent
                pm = Mention(start, end, doc.text[start:end], "ACTOR", parent.kb_id, m.confidence,
                             entity=ent.id, tok=(j, j + n), why=why)
                ent.mentions.append(pm)
                ent.mentions.sort(key=lambda x: x.start)
                insort(doc.mentions, pm, key=lambda x: x.start)
                added += 1
                break
    return added


class Roster(Stage):
    """Drops the civilians named only as a population and the kinds of groups that no event takes,
    each with a warning, and adds the party an armed wing's name names (module docstring)."""

    name = "roster"
    requires = ("entities", "events")
    assigns = ("entities", "mentions", "warnings")   # it drops and adds mentions, each drop with a warning

    def __call__(self, doc: Doc) -> Doc:
        forces = self.resources.open_actors
        if doc.entities:
            name = next(iter(forces.kind_heads.values()), (None,))[0]
            kind = (name, frozenset(forces.kind_heads)) if name else None
            doc.warnings.extend(dropped(doc, "actor:" + (forces.victims_actor or ""), forces.population,
                                        forces.generic_actors, kind, forces.event_crowds,
                                        forces.party_crowds,
                                        (forces.nationalities | forces.counted_nationals, forces.captives, forces.people)
                                        if forces.nationals_in_passing else None))
        if doc.entities and forces.wings:
            wing_parents(doc, self.resources.kb, forces.wings, forces.proclitics.article)
        return doc
