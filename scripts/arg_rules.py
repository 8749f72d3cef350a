#!/usr/bin/env python3
"""How often each clause-level argument rule of issue 8 (branch args6) fires over the unlabelled news, and on what.

    .venv/bin/python scripts/arg_rules.py [--limit 1000] [--kwic 12] [--seed 8] [--more 0]

The sample is the snapshot's (scripts/snapshot.py: every 44th SaudiNewsNet article and every 27th
Al Mayadeen article, read and cleaned as `rasd ingest` does); ``--more N`` adds N Al Mayadeen
articles the snapshot does not read (every 4th from the 2nd on), where conflict reports are dense
enough to read 30-40 fires of a rare rule. Reports the annotation draws chose (train and
held-out test) are left out. Each rule is watched by wrapping the
method of the events reader that decides it, so the counts are what the pipeline does:

- ``quoted_item``: two places of a list joined by و where the second name is in quote marks
  (مواقع العاصي و"بركة ريشا"): the marks no longer hide the conjunction, the second place is a new
  event place;
- ``conjunct_noun``: a place after و + a settlement, site or edge noun (وقريتي X، وأطراف X، ومحيط بلدة X,
  وقواعد أميركية في محيط X: triggers.yaml place_conjuncts) starts a new event place rather than
  qualifying the one before;
- ``conjunct_phrase``: a place after و + a place preposition (في X، وفي حي Y) starts a new event place;
- ``finest_first`` (read from the events' why): a region-headed place chain placed at the settlement
  or site with its type word that qualifies it (في شمال شرقي سوريا، في محيط مخيم توينة);
- ``place_relative`` (read from the events' why): an event in a clause opened by حيث placed at the
  place right before it (في مدينة X، حيث اعتقل …: triggers.yaml place_relatives);
- ``from_direction`` (args8): fire "from the direction of" X (من اتجاه X، من جهة X) came from X; X is
  not where it landed (the place shown in [brackets]);
- ``item_phrase`` (args8): a place after a new list item with a place phrase of its own (ومقار X في Y،
  والثاني في Y، بالإضافة إلى … في Y) starts a new event place rather than qualifying the one before;
- ``protest_no_topic`` (args8): a protest with no doer in its clause no longer takes the agent of
  the report's previous event (triggers.yaml no_topic_types); the trigger and the actor it would
  have carried are shown;
- ``past_object`` (args8): an actor after a verb is not its VSO subject when a number, a preposition or
  (before a person) a noun stands between them (اعتقلت 10 فلسطينيين في حارة X، اعتقل الاحتلال الشابين X):
  the verb and the rejected actor are shown;
- ``type_item`` (args9, read from the events' why): a place after و + any place type word of the place
  finder (open_places.yaml: ومرتفعات X، ومعسكر X، ومستشفى X) starts a new event place (one event per
  place), where no place_conjuncts word opens the item;
- ``content_cut`` (args9): a complementizer after the trigger (…، مشيراً أنّ …، مؤكدة أنها …) ends the
  span the trigger's places are read from; counted when a place stood after it (shown in {braces}),
  the trigger in [brackets];
- ``act_destination`` (args9): a destination marker before the trigger (بالإضافة إلى استهداف قاعدة X،
  أدى إلى قصف بلدة X) governs the act, not the place after it: X is now the event's place (the
  trigger in [brackets], the place in {braces}).
- ``carry_ranked`` (carry10): an event that names no agent takes the agents of the nearest earlier
  event of the nearest type (Roles.carried_agents, roles.carried_choice), counted where that is not
  the latest event's agents (what was carried before); shown with both;
- ``clash_sides`` (carry10): a clash or capture that names no side of its own, given the other side of
  the earlier fighting its agent is carried from (shown: agent vs side);
- ``person_not_carried`` (carry10): an event that names no agent, where the agent carried from an
  earlier event would have been a person (Roles.carriable carries parties only); shown with what is
  carried instead.

It prints each rule's count and a reproducible random sample of contexts to read (the two places,
the first in [brackets], the second in {braces}). Nothing is copied from ../shared: the text is
read at run time.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from _shared import held_out_of, shared_or_exit, without_held_out  # noqa: E402
from sample_rules import kwic, report  # noqa: E402

from rasd.kb.heldout import HeldOut  # noqa: E402

RULES = ("quoted_item", "conjunct_noun", "conjunct_phrase", "finest_first", "place_relative", "from_direction",
         "item_phrase", "past_object", "protest_no_topic", "type_item",
         "content_cut", "act_destination", "carry_ranked", "clash_sides",
         "person_not_carried")
SIDES_WHY = "the other side of the report's earlier fighting"
WHY_RULES = {"finest_first": "the most specific place of its phrase", "place_relative": "a clause of place",
             "type_item": "opened by the place type word"}


def span_ctx(text: str, a: tuple[int, int], b: tuple[int, int], before: int = 45, after: int = 45,
             lo: int = 0) -> str:
    """Two spans in context (none before ``lo``): the first in [brackets], the second in {braces}."""
    return (text[max(lo, a[0] - before):a[0]] + "[" + text[a[0]:a[1]] + "]" + text[a[1]:b[0]] + "{"
            + text[b[0]:b[1]] + "}" + text[b[1]:b[1] + after]).replace("\n", " ")


def pair_ctx(text: str, a, b, w: int = 45) -> str:
    """The two mentions in context: the first in [brackets], the second in {braces}."""
    return span_ctx(text, (a.start, a.end), (b.start, b.end), w, w)


def options():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=1000, help="articles of the snapshot sample to read")
    ap.add_argument("--more", type=int, default=0, help="Al Mayadeen articles outside the snapshot sample to read")
    ap.add_argument("--kwic", type=int, default=12, help="contexts to print per rule")
    ap.add_argument("--seed", type=int, default=8)
    return ap.parse_args()


def annotated_titles(shared: Path) -> set[str]:
    """Titles of every report the annotation draws may have chosen (annotations/select.py, both sets,
    train and held-out test alike, the first 80 of each draw): their contexts are never printed here."""
    import importlib.util   # annotations/select.py shares its name with the standard select module

    spec = importlib.util.spec_from_file_location("annotation_draws", ROOT / "annotations" / "select.py")
    draws = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(draws)

    out: set[str] = set()
    for source in (draws.mayadeen_articles, draws.saudi_articles):
        out |= {row[4] for row in draws.draw(source(shared / "data"), 80, 8, 300, 2500)}
    return out


def from_why(doc: dict, fired: dict) -> None:
    """Events whose place was chosen by a rule the why names: the text from the trigger to the place."""
    text = doc.get("text", "")
    ents = {e["id"]: e for e in doc.get("entities", [])}
    for ev in doc.get("events", []):
        sides = [x for x, why in ((ev.get("why") or {}).get("targets") or {}).items() if SIDES_WHY in why]
        if sides and ev.get("trigger"):
            a, b = ev["evidence"][0]
            t = ev["trigger"]
            fired["clash_sides"].append(kwic(text, t["start"], t["end"], 70) + "  (" + ", ".join(
                ents[x].get("name_ar", x) for x in ev["agents"] if x in ents) + " vs " + ", ".join(
                ents[x].get("name_ar", x) for x in sides if x in ents) + ")")
        for pid, why in ((ev.get("why") or {}).get("places") or {}).items():
            for rule, mark in WHY_RULES.items():
                if mark not in why or not ev.get("trigger") or pid not in ents:
                    continue
                a, b = ev["evidence"][0]
                t = ev["trigger"]["start"]
                ms = [m for m in ents[pid]["mentions"] if a <= m["start"] < b]
                lo = min([t] + [m["start"] for m in ms])
                hi = max([ev["trigger"]["end"]] + [m["end"] for m in ms])
                ctx = text[max(a, lo - 30):lo] + "[" + text[lo:hi] + "]" + text[hi:min(b, hi + 30)]
                fired[rule].append(ctx.replace("\n", " ") + f"  → {ents[pid].get('name_ar')}")


def articles(shared: Path, limit: int, more: int, skip: HeldOut | None = None) -> Iterator:
    """The snapshot sample's first ``limit`` reports and ``more`` Al Mayadeen articles it does not
    hold (every 4th from the 2nd), leaving out annotated reports (by title) and the held-out reports
    (by text; ``skip``, default: those found under ../shared/data)."""
    from snapshot import _news2, sample

    titles = annotated_titles(shared)
    skip = held_out_of(shared / "data", skip)
    extra = islice(_news2(shared / "data" / "news2"), 1, 1 + 4 * more, 4) if more else ()
    for raw in without_held_out([*sample(shared, limit), *extra], skip, lambda r: getattr(r, "text", None)):
        if (getattr(raw, "title", None) or "").strip() not in titles:
            yield raw


def run_articles(limit: int, more: int, fired: dict) -> int:
    """Extract :func:`articles`; the number read."""
    from rasd import extract
    from rasd.ingest.run import Worker

    worker = Worker(extract, frozenset())
    k = 0
    for raw in articles(shared_or_exit(), limit, more):
        out = worker(raw)
        if isinstance(out, tuple) and out[1] is not None:
            from_why(out[1], fired)
        k += 1
    return k


def watch_args8(fired: dict) -> None:
    """Wrap the deciders of args8's rules (Places.from_direction, Places.item_phrase,
    Roles.past_object, Roles.carried_agents for protests and carry10's ranked carry) so that each decision is recorded with its
    context."""
    from rasd.stages.events.places import Places
    from rasd.stages.events.roles import Roles, carried_choice

    direction, item, past = Places.from_direction, Places.item_phrase, Roles.past_object

    def watched_direction(self, i, lo):
        out = direction(self, i, lo)
        if out:
            t = self.toks
            k = max(lo, i - 2)
            fired["from_direction"].append(kwic(self.doc.text, t[k].start, t[i].end, 60))
        return out

    def watched_item(self, words, prev, m):
        out = item(self, words, prev, m)
        if out:
            fired["item_phrase"].append(pair_ctx(self.doc.text, prev, m))
        return out

    def watched_past(self, t, m):
        out = past(self, t, m)
        if out:
            a = self.toks[t.i].start
            fired["past_object"].append(f"[{self.doc.text[a:self.toks[t.j - 1].end]}]"
                                        f"{self.doc.text[self.toks[t.j - 1].end:m.start]}{{{m.text}}}"
                                        f"{self.doc.text[m.end:m.end + 30]}".replace("\n", " ") + f"  ({m.type})")
        return out

    carried = Roles.carried_agents

    def watched_carried(self, c, agents):
        # what the carry took before carry10: the agents of the last sentence with an agent
        latest = [a for n, _, ag, _ in self.history if n == self.history[-1][0] for a in ag] if self.history else []
        out = carried(self, c, agents)
        t = self.toks
        if c.t.type in self.L.words["no_topic_types_raw"] and c.t.type != "CASUALTIES" and not agents \
                and not c.partner_type and latest:
            names = ", ".join(self.ents[a].name_ar for a in latest if a in self.ents)
            fired["protest_no_topic"].append(kwic(self.doc.text, t[c.t.i].start, t[c.t.j - 1].end, 70)
                                             + f"  (not carried: {names})")
        name = lambda ids: ", ".join(self.ents[a].name_ar for a in ids if a in self.ents)  # noqa: E731
        if not agents and not c.partner_type and c.t.type not in self.L.words["no_topic_types_raw"]:
            # what the carry would take if persons could be carried (carry10 carries none)
            anyone = carried_choice(c.t.type, self.history, self.L.mapping, self.sent_no,
                                    lambda a: a in self.ents and self.can_do_entity(c.t.type, self.ents[a]))
            from_history = not out[0] or c.why.get(out[0][0], "").startswith("carried over")
            if anyone is not None and from_history and any(self.ents[a].type == "PERSON" for a in anyone[0]) \
                    and set(anyone[0]) != set(out[0]):
                fired["person_not_carried"].append(kwic(self.doc.text, t[c.t.i].start, t[c.t.j - 1].end, 70)
                                                   + f"  (not carried: {name(anyone[0])}; carried: "
                                                   f"{name(out[0]) or 'none'})")
        if out[1] and c.why:
            fit = [a for a in latest if self.carriable(c.t.type)(a)]
            ctx = kwic(self.doc.text, t[c.t.i].start, t[c.t.j - 1].end, 70)
            if fit and set(out[0]) != set(fit):
                why = c.why.get(out[0][0], "").split("), ")[0].split("earlier ")[-1]
                fired["carry_ranked"].append(f"{ctx}  (carried: {name(out[0])} from {why}); the latest "
                                             f"event's: {name(fit)})")
        return out

    content = Places.content_at

    def watched_content(self, t, hi):
        out = content(self, t, hi)
        if out < hi:
            st = next(s2 for s2 in self.all_sentences if s2.lo <= t.i < s2.hi)
            cut = [m for m in st.mentions if m.type == "PLACE" and out <= m.tok[0] < hi]
            if cut:
                text, tk = self.doc.text, self.toks
                a, b = tk[t.i].start, tk[t.j - 1].end
                fired["content_cut"].append(span_ctx(text, (a, b), (cut[0].start, cut[0].end), 40, 30, st.start))
        return out

    Places.content_at = watched_content
    destination = Places.destination_before

    def watched_destination(self, t, i, lo):
        out = destination(self, t, i, lo)
        if not out and i >= t.j and self.near_before(i, "destination_markers", 2, lo) is not None:
            text, tk = self.doc.text, self.toks
            a, b = tk[t.i].start, tk[t.j - 1].end
            fired["act_destination"].append(span_ctx(text, (a, b), (tk[i].start, tk[i].end), 40, 30))
        return out

    Places.destination_before = watched_destination
    Roles.carried_agents = watched_carried
    Places.from_direction = watched_direction
    Places.item_phrase = watched_item
    Roles.past_object = watched_past


def main() -> None:
    args = options()

    from rasd.arabic.normalize import fold_str
    from rasd.stages.events.places import GAP_MARKS, Places

    fired: dict[str, list[str]] = defaultdict(list)
    coordinated = Places._coordinated
    conjunct = Places.conjunct_in
    seen: dict[str, object] = {}

    def watched_coordinated(self, prev, m):
        seen["pair"] = (prev, m)
        out = coordinated(self, prev, m)
        gap = self.doc.text[prev.end:m.start]
        raw = [w for w in fold_str(gap).split() if w.strip(GAP_MARKS)]
        stripped = [w.strip(GAP_MARKS) for w in raw]
        if out and raw and any(c in gap for c in "\"'«»“”") and raw[-1] != "و" and stripped[-1] == "و" \
                and not conjunct(self, stripped):
            fired["quoted_item"].append(pair_ctx(self.doc.text, prev, m))
        return out

    def watched_conjunct(self, words, prev=None, m=None):
        out = conjunct(self, words, prev, m)
        if out and "pair" in seen:
            fired["conjunct_noun"].append(pair_ctx(self.doc.text, *seen["pair"]))
        return out

    def watched_phrase(self, words):
        out = phrase(self, words)
        if out and "pair" in seen:
            fired["conjunct_phrase"].append(pair_ctx(self.doc.text, *seen["pair"]))
        return out

    phrase = Places.conjunct_phrase
    Places._coordinated = watched_coordinated
    Places.conjunct_in = watched_conjunct
    Places.conjunct_phrase = watched_phrase
    watch_args8(fired)
    n = run_articles(args.limit, args.more, fired)
    # a trigger's places are read once per event it makes: a pair is counted once
    report(n, {k: list(dict.fromkeys(v)) for k, v in fired.items()}, RULES, args.kwic, args.seed)


if __name__ == "__main__":
    main()
