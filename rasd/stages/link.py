"""Group mentions into entities: one real-world actor, person, place or source per entity.

Knowledge-base mentions group by ``kb_id`` (rebrands and aliases are one entry, so جبهة النصرة
and هيئة تحرير الشام link together).  Short forms (الهيئة، التنظيم) link to the most recent
full mention of a matching actor and are dropped when the report never names one.  Unknown names
group by their folded form; a surname mention joins its full name; "المصادر" joins the last source.

Some names mean different actors in different reports (actors.yaml ``in_context``): الحرس الجمهوري
is Syria's guard in a report about Syria and Yemen's in one about Yemen; الجيش الوطني is the
Turkish-backed Syrian National Army, Yemen's government army or Haftar's army by the report's
country. Such a mention takes the reading whose country (and period) fits the report, before
anything is grouped: the report's country is the one its country, city and province names point to
(:func:`report_country`), its day the publication date. No fitting reading: the actor that holds the
name as an ordinary alias, else the short-form readings, else the mention stays unlinked.
Fighters "loyal to" a side their phrase does not name (المسلحين الموالين لها) are Syria's militias only
in a report about Syria; elsewhere they stay a description (:func:`_loyalists_elsewhere`).
"""
from __future__ import annotations

import re
from itertools import compress, repeat
from typing import Callable

from rasd.arabic.clitics import letters, reads_as
from rasd.arabic.normalize import fold_str, strip_article
from rasd.doc import PARTY_OF_TALKS, Doc, Entity, Mention
from rasd.kb.knowledge import ContextName, context_key
from rasd.kb.parties import named_party
from rasd.pipeline import Stage

# gazetteer kinds that tell which country a report is about (a village name alone does not: most
# have namesakes abroad)
TELLING = frozenset({"country", "city", "governorate", "district", "region"})
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _group_key(m: Mention, cues: frozenset, keep: frozenset, cases: frozenset = frozenset(),
               titles: frozenset = frozenset(), apart: frozenset[int] = frozenset(),
               folded: dict[int, list[str]] | None = None) -> str:
    """The key a mention groups by; ``folded`` holds the folded words of the place mentions by ``id()``
    (:func:`place_words`), a mention not in it is folded here."""
    if m.kb_id:
        return m.kb_id
    if m.type == "PLACE":
        reg = m.region
        if reg:
            return "region:" + ",".join(sorted(reg.get("base_ids") or [])) + ":" + str(reg.get("direction"))
        words = folded.get(id(m)) if folded is not None else None
        if words is None:
            words = fold_str(m.text).split()
        if len(words) > 1 and not m.facility and words[0] in cues and words[0] not in keep and id(m) not in apart:
            words = words[1:]   # مدينة الزبداني = الزبداني; but محافظة حلب, مطار بغداد (and مخيم جنين) stay apart
        if len(words) > 2 and m.facility and words[1] in titles:
            words = words[:1] + words[2:]   # مسجد الإمام الصادق = مسجد الصادق: a site named after a person
        return "place:" + strip_article(" ".join(words))
    name = m.surname_of or m.name or m.text
    words = [strip_article(w) for w in fold_str(name).split()]
    if m.type == "PERSON" and len(words) > 1 and words[0] in cases:
        words[0] = min(cases)   # أبي عبيدة = أبا عبيدة = أبو عبيدة: one kunya in its three cases
    return f"{m.type.lower()}:" + " ".join(words)


def _merge_partial_names(groups: dict[str, list[Mention]]) -> None:
    """An unknown person named by part of a longer name in the report (عبد الرحمن ⊂ رامي عبد الرحمن)
    is that person: the first other group (in report order) holding a longer name that starts or
    ends with one of its names, word for word, or of three words or more whose first and last words
    are its name (سليمان الأسد ⊂ سليمان هلال الأسد: the father's name left out).

    Each longer name's word prefixes and suffixes are indexed once, so a group finds its partner
    by lookups rather than against every other group (linear in the number of name words, where
    the pairwise comparison grew with the square of the persons in a long report).
    """
    persons = {k: ms for k, ms in groups.items() if k.startswith(("person:", "actor:", "place:"))
               and ms[0].type == "PERSON"}
    full = {k: list(dict.fromkeys(" ".join(fold_str(m.text).split()) for m in ms)) for k, ms in persons.items()}
    rank = {k: r for r, k in enumerate(full)}
    within: dict[str, list[str]] = {}   # a name's proper word prefix or suffix → groups with that name, in order
    for other, names in full.items():
        for o in names:
            words = o.split(" ")
            parts = [p for i in range(1, len(words)) for p in (" ".join(words[:i]), " ".join(words[i:]))]
            if len(words) >= 3:
                parts.append(_given_and_family(words))
            for part in parts:
                keys = within.setdefault(part, [])
                if not keys or keys[-1] != other:
                    keys.append(other)
    for k, ms in list(persons.items()):
        if ms[0].kb_id:
            continue
        mine = full[k]
        others = [o for n in mine for o in within.get(n, ()) if o != k and o in groups]
        if not others:
            continue
        other = min(others, key=rank.__getitem__)
        # the longest longer name first, so the why does not depend on the order names came in
        hit = next((n, o) for n in sorted(mine) for o in sorted(full[other], key=lambda o: (-len(o), o))
                   if n != o and (o.endswith(" " + n) or o.startswith(n + " ")
                                  or (o.count(" ") >= 2 and _given_and_family(o.split(" ")) == n)))
        for m in ms:
            m.why = f"part of the longer name '{hit[1]}' in the report"
        groups[other].extend(ms)
        groups[other].sort(key=lambda m: m.start)
        del groups[k]


def _given_and_family(words: list[str]) -> str:
    """سليمان هلال الأسد → سليمان الأسد: a report names a person again by the given and the family name,
    leaving out the father's (and grandfather's) name between them."""
    return words[0] + " " + words[-1]


def _one_party(groups: dict[str, list[Mention]], kb, armies: frozenset[str], keys: list[str]) -> None:
    """A state and its own army (one of ``armies``: the force a nationality adjective names,
    open_actors.yaml national_forces, whose ``part_of`` names the state, of its country) are one
    party in a report written in the frame of lexicon.yaml ``one_party_frames`` (the occupation, the
    aggression, the enemy, the entity: one of its words, ``keys`` the report's folded words): such a
    report names the state and its army alike (the occupation's government, army and soldiers;
    Washington's aggression and its forces), and event data codes a state acting by force as its
    military. The state's mentions join the army's group (keeping their own kb_id), each with a why."""
    frames = kb.lexicon["_folded"].get("one_party_frames")
    if not frames:
        return
    pairs = []
    for key in groups:
        force = kb.get(key) if key.startswith("actor:") else None
        if force is None or force.id not in armies or force.category != "state_force":
            continue
        for state_id in force.part_of:
            state = kb.get(f"actor:{state_id}")
            if f"actor:{state_id}" in groups and state is not None and state.category == "government" \
                    and state.country == force.country:
                pairs.append((key, f"actor:{state_id}"))
    if not pairs:
        return
    # a word reads as a frame only if it ends with one (or with one without its article): every reading
    # is the word's end (rasd.arabic.clitics), so one C-level endswith per word leaves the few to read
    art = letters().article
    ends = tuple(frames | {w[len(art):] for w in frames if w.startswith(art)})
    framed = next((k for k in compress(keys, map(str.endswith, keys, repeat(ends))) if reads_as(frames, k)), None)
    if framed is None:
        return
    for key, skey in pairs:
        if key not in groups or skey not in groups:
            continue
        for m in groups[skey]:
            m.why = (f"{m.why}; " if m.why else "") + (
                f"one party with {key}: the report is written in one frame ('{framed}'), "
                f"so {skey} and its army are not told apart")
        groups[key] = sorted(groups[key] + groups[skey], key=lambda m: m.start)
        del groups[skey]


# the mention type of a knowledge-base entry by its id's prefix (actor:saa, person:assad)
_KB_TYPES = {"actor": "ACTOR", "person": "PERSON", "source": "SOURCE"}


def _a(kind: str) -> str:
    """The mention type with its indefinite article, for a why ("an ACTOR", "a PERSON")."""
    return f"{'an' if kind[:1] in 'AEIOU' else 'a'} {kind}"


def _resolve_short(m: Mention, full_seen: dict[str, int]) -> str | None:
    """The kb_id a short form refers to: the candidate named most recently before it, else anywhere
    (sets ``m.why``)."""
    cands = [m.kb_id, *m.alts]
    before = [(full_seen[c], c) for c in cands if c in full_seen and full_seen[c] <= m.start]
    if before:
        m.why = f"short form of {max(before)[1]}, named before it" + (
            f" (of its {len(cands)} readings, the one named most recently)" if len(cands) > 1 else "")
        return max(before)[1]
    anywhere = [c for c in cands if c in full_seen]
    if anywhere:
        m.why = f"short form of {anywhere[0]}, named later in the report"
    return anywhere[0] if anywhere else None


def _loyalists_elsewhere(m: Mention, kb, country: Callable[[], str | None] | None) -> None:
    """Fighters "loyal to" a side their phrase does not name (المسلحين الموالين لها، القوات الموالية
    للرئيس: the finder's ``loyalist_actor`` reading, marked nominal) are that actor's only in a report
    about its country; in a report about another one (Yemen's loyalists of 2015) they stay a
    description of no one's in particular, not another war's militias."""
    if not (m.type == "ACTOR" and m.pattern and m.nominal and m.kb_id
            and m.kb_id.partition(":")[2] in kb.lexicon.get("loyalist_actor", ())):
        return
    entry = kb.get(m.kb_id)
    here = country() if country and entry is not None and entry.country else None
    if here is not None and here != entry.country.upper():
        m.why = (f"loyalists of a side the phrase does not name, in a report about {here}: "
                 f"not {m.kb_id}, the reading of reports about {entry.country.upper()}")
        m.kb_id, m.category = None, entry.category


def country_votes(mentions: list[Mention], place) -> dict[str, int]:
    """Per country (ISO-2, capitals), the PLACE mentions whose namesakes (``place(id)`` → a gazetteer
    Place) all lie in it, at least one of them a country, city or province."""
    votes: dict[str, int] = {}
    for m in mentions:
        if m.type != "PLACE":
            continue
        ids = m.place_ids or ((m.region or {}).get("base_ids") or [])
        places = [p for p in (place(i) for i in ids) if p is not None]
        countries = {p.country for p in places}
        if len(countries) == 1 and any(p.kind in TELLING for p in places):
            c = countries.pop().upper()
            votes[c] = votes.get(c, 0) + 1
    return votes


def report_country(votes: dict[str, int]) -> str | None:
    """The country named most often, when no other is named as often; None otherwise."""
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def tied_countries(votes: dict[str, int]) -> tuple[str, ...]:
    """The countries named most often when more than one is named as often (a report about Iraq and
    Syria alike: :func:`report_country` gives none), in name order; () otherwise."""
    if not votes:
        return ()
    top = max(votes.values())
    best = tuple(sorted(c for c, v in votes.items() if v == top))
    return best if len(best) > 1 else ()


def read_in_context(m: Mention, name: ContextName, country: str | None, day: str | None,
                    other: Callable[[str], str | None] | None = None, ties: tuple[str, ...] = ()) -> bool:
    """Give ``m`` (a name whose meaning depends on the report) the reading that fits a report about
    ``country`` published on ``day``; sets kb_id, short, alts and why. False when no reading fits and
    the name stands for no actor here: a name the knowledge base found is then dropped (like a short
    form no full name resolves), one the open-vocabulary stage found stays as it was. ``other(kb_id)``:
    the state a nationality adjective right after ``m`` names when it is not that actor's (سلطات
    الاحتلال البريطاني in a report about Palestine is Britain's, not Israel's), else None; the name
    then has no reading of the report's and no other (a short form would resolve it to the same actor).
    ``ties``: with no one country (``country`` None), the countries the report names most, as often as
    each other: when the name has one and the same reading in a report about any of them (قوات التحالف in
    a report about Iraq and Syria alike is the US-led coalition in both), the report reads it so."""
    about = f"a report about {country or 'no one country'}" + (f" of {day}" if day else " with no date")
    sense = next((s for s in name.senses if s.applies(country, day)), None)
    if sense is None and country is None and ties:
        each = [next((s for s in name.senses if s.applies(c, day)), None) for c in ties]
        if each[0] is not None and all(s is not None and s.kb_id == each[0].kb_id for s in each):
            sense = each[0]
            about = f"a report about {' and '.join(ties)} alike, where it reads the same" + (
                f", of {day}" if day else ", with no date")
    state = other(sense.kb_id) if sense is not None and other is not None else None
    if state is not None:
        if m.kb_id is None:
            return True     # an open-vocabulary phrase: no one's in particular, as it was
        m.why = f"'{m.text}' dropped in {about}: the nationality adjective after it names {state}, not {sense.kb_id}'s"
        return False
    if sense is not None:
        m.kb_id, m.short, m.alts = sense.kb_id, False, []
        # the rule named by its actor, not its file:line, so an edit elsewhere in the file changes no output
        m.why = f"'{m.text}' means {sense.kb_id} in {about} (its in_context rule in actors.yaml)"
        return True
    if m.kb_id is None:
        return True         # an open-vocabulary phrase (قوات الأمن): no one's in particular
    elsewhere = ", ".join(f"{s.kb_id} in {'/'.join(sorted(s.countries)) or 'any country'}"
                          + (f" ({s.since or '…'} to {s.until or '…'})" if s.since or s.until else "")
                          for s in name.senses)
    if name.plain:
        m.kb_id, m.short, m.alts = name.plain[0], False, list(name.plain[1:])
        m.why = f"'{m.text}' read as {name.plain[0]} in {about} (it means {elsewhere} only there)"
        return True
    if name.short:
        m.kb_id, m.short, m.alts = name.short[0], True, list(name.short[1:])
        m.why = f"'{m.text}' read as a short form of {name.short[0]} in {about} (it means {elsewhere} only there)"
        return True
    m.why = f"'{m.text}' dropped in {about}: it means {elsewhere} only there"
    return False


def resolve_context_names(doc: Doc, kb, place, country: Callable[[], str | None] | None = None,
                          adjectives: dict[str, str] | None = None,
                          tied: Callable[[], tuple[str, ...]] | None = None) -> set[int]:
    """Read every ACTOR mention named by an in_context name by the report's country and day
    (``place``: gazetteer id → Place or None; asked only when the report has such a mention;
    ``adjectives``: nationality adjective form → the actor id of that state's forces, open_actors.yaml
    national_forces, whose country is the state a following adjective names; with them, the nationality
    adjectives of a country whose names took another reading follow it, :func:`follow_adjectives`).
    ``tied``: with ``country``, the countries the report names most alike when it has no one country
    (:func:`tied_countries`). The ids (``id()``) of the mentions that stand for no actor here, for
    :func:`link` to leave out."""
    names = kb.context_names
    if not names:
        return set()
    # a loyalist phrase that names its side (القوات الموالية لحكومة الرئيس … هادي) is read by that name,
    # not by the report (the finder marks it ``loyalist``): only its unnamed-side reading (marked
    # nominal) is open to context
    hits = [(m, names[k]) for m in doc.mentions
            if m.type == "ACTOR" and (m.kb_id or m.nominal) and not (m.loyalist and not m.nominal)
            and (k := context_key(m.text)) in names]
    if not hits:
        return set()
    if country is None:
        votes = country_votes(doc.mentions, place)
        country, ties = report_country(votes), tied_countries(votes)
    else:
        country = country()
        ties = tied() if country is None and tied is not None else ()
    published = (doc.source or {}).get("published") or ""
    day = published[:10] if _ISO_DAY.match(published) else None
    toks = doc.tokens

    def other_state(m: Mention) -> Callable[[str], str | None] | None:
        j = m.tok[1]
        if not adjectives or not 0 < j < len(toks) or doc.text[toks[j - 1].end:toks[j].start].strip():
            return None
        force = kb.actors.get(adjectives.get(toks[j].key, ""))
        if force is None or force.country is None:
            return None

        def other(kb_id: str) -> str | None:
            own = kb.get(kb_id)
            return force.country if own is not None and own.country not in (None, force.country) else None
        return other
    before = [(m, m.kb_id) for m, _ in hits]
    skip = {id(m) for m, name in hits if not read_in_context(m, name, country, day, other_state(m), ties)}
    if adjectives:   # the countries whose names took another reading than the one open_actors counted
        moved = {e.country for m, old in before if old and (m.kb_id != old or id(m) in skip)
                 and (e := kb.get(old)) is not None and e.country}
        if moved:
            follow_adjectives(doc, kb, moved, skip, adjectives)
    return skip


def follow_adjectives(doc: Doc, kb, countries: set[str], skip: set[int], adjectives: dict[str, str]) -> None:
    """A nationality adjective (``party_of``, one word of ``adjectives``: القصف الإسرائيلي) of one of
    ``countries`` names the party of its country the report names (rasd.kb.parties.named_party),
    counted again now that the report's in_context names are read: open_actors counted them before
    their reading (الاحتلال الإسرائيلي as Israel, which a report about Palestine reads as its army)."""
    kept = [m for m in doc.mentions if id(m) not in skip]
    toks = doc.tokens
    party = {c: named_party(kept, kb, c) for c in countries}
    for m in kept:
        # a party to talks is the state itself, whatever force the report names (open_actors)
        adjective = m.party_of not in (None, PARTY_OF_TALKS) and m.tok[1] == m.tok[0] + 1 and toks[m.tok[0]].key in adjectives
        e = kb.get(m.kb_id) if adjective and m.kb_id else None
        if e is None or e.country not in countries:
            continue
        best = party[e.country]
        if best is not None and best != m.kb_id:
            m.why = (f"{m.why}; " if m.why else "") + (
                f"nationality adjective re-read after the report's in_context names: {m.kb_id} → {best}, "
                f"the party of {e.country} the report names")
            m.kb_id = best


class Link(Stage):
    name = "link"
    requires = ("mentions",)
    assigns = ("entities",)

    def __call__(self, doc: Doc) -> Doc:
        res = self.resources

        def place(pid: str):
            try:
                return res.gazetteer.get(pid)
            except KeyError:
                return None
        memo: list[dict[str, int]] = []

        def votes() -> dict[str, int]:   # worked out once, and only when a name needs them
            if not memo:
                memo.append(country_votes(doc.mentions, place))
            return memo[0]

        def country() -> str | None:
            return report_country(votes())

        def tied() -> tuple[str, ...]:
            return tied_countries(votes())
        adjectives = res.open_actors.adjectives
        skip = resolve_context_names(doc, res.kb, place, country, adjectives, tied)
        folded = place_words(doc.mentions)   # each place mention folded once, for sites_apart and the keys
        return link(doc, res.kb, skip, country, frozenset(adjectives.values()),
                    sites_apart(doc.mentions, res.kb.lexicon["_folded"]["site_cues"],
                                res.kb.lexicon["_conditions"].get("site_cues", {}),
                                lambda key: [p.id for p in res.gazetteer.lookup(key)], folded),
                    folded)


def place_words(mentions: list[Mention]) -> dict[int, list[str]]:
    """The folded words of each place mention, by its ``id()``."""
    return {id(m): fold_str(m.text).split() for m in mentions if m.type == "PLACE"}


def sites_apart(mentions: list[Mention], cues: frozenset[str], conditions: dict[str, str],
                lookup: Callable[[str], list[str]], folded: dict[int, list[str]] | None = None) -> frozenset[int]:
    """The ``id()`` of each place mention opening on one of ``cues`` (lexicon.yaml ``site_cues``,
    folded) that stays a place apart from the town it is named after (مطار بغداد is not بغداد). A
    word whose condition (``conditions``: folded word → condition) is ``known_apart`` (مخيم) keeps
    it apart only when the gazetteer knows the place apart: the mention's entries (``place_ids``)
    share none with the namesakes of the bare name after the word (``lookup``: folded name → place
    ids; مخيم جنين, not مخيم البريج whose entry is البريج's); such a mention says so in its ``why``.
    ``folded``: the place mentions' folded words (:func:`place_words`, worked out here when not given)."""
    out = set()
    if folded is None:
        folded = place_words(mentions)
    for m in mentions:
        words = folded.get(id(m), ()) if m.type == "PLACE" else ()
        if len(words) < 2 or words[0] not in cues:
            continue
        if words[0] not in conditions:
            out.add(id(m))
            continue
        bare = lookup(" ".join(words[1:])) if m.place_ids else ()
        if bare and not set(m.place_ids) & set(bare):
            out.add(id(m))
            m.why = (m.why + "; " if m.why else "") + \
                f"the gazetteer has '{m.text}' as an entry of its own, apart from '{' '.join(words[1:])}'"
    return frozenset(out)


def _bare_names_whole(mentions: list[Mention], apart: frozenset[int], conditions: dict[str, str]) -> dict[str, Mention]:
    """Group key of a bare name → the first mention of the whole phrase it stands for in this report:
    a place kept apart (``apart``) by a site word whose condition is ``named_bare`` (قطاع غزة) makes
    the bare name (غزة) a mention of the whole place; the name with a type word of its own (مدينة
    غزة) keeps its own group. The press calls the Gaza Strip غزة, and the gold does the same."""
    out = {}
    for m in mentions:
        if id(m) not in apart or m.type != "PLACE":
            continue
        words = fold_str(m.text).split()
        if len(words) > 1 and conditions.get(words[0]) == "named_bare":
            out.setdefault("place:" + strip_article(" ".join(words[1:])), m)
    return out


_OPEN_QUOTES = "\"«“„"
_CLOSE_QUOTES = "\"»”"


def _quoted_nickname(text: str, before: Mention, m: Mention, kunya: frozenset[str]) -> bool:
    """Person mention ``m``, unknown to the knowledge base, stands in quotes right after the person
    mention ``before`` (white space or a comma between): Arabic reports give a fighter's nom de guerre
    so, after his full name (الشهيد X Y Z "أبو علي"، X Y Z، "أبو زينب"، الشهيد المجاهد X Y Z "زين
    العابدين"): the same person, when the quoted name opens on a kunya (lexicon kunya: أبو، أم) or the
    name before it is a name of three words or more, as death notices give it.  After a two-word name
    another quoted name is as often a title (a show's, a book's: X Y «Z W») as a nickname."""
    words = fold_str(m.text).split()
    if m.kb_id is not None or before.end > m.start or not words or (
            words[0] not in kunya and len(before.text.split()) < 3):
        return False
    gap = text[before.end:m.start]
    opening = gap.rstrip()
    if not opening or opening[-1] not in _OPEN_QUOTES or opening[:-1].strip() not in ("", "،", ","):
        return False
    after = text[m.end:m.end + 1]
    return after != "" and after in _CLOSE_QUOTES


def link(doc: Doc, kb, skip: set[int] = frozenset(), country: Callable[[], str | None] | None = None,
         armies: frozenset[str] = frozenset(), apart: frozenset[int] = frozenset(),
         folded: dict[int, list[str]] | None = None) -> Doc:
    """Group ``doc.mentions`` into entities, leaving out those whose ``id()`` is in ``skip``; the
    report's country (``country()``, asked only when needed) decides loyalists of an unnamed side
    (:func:`_loyalists_elsewhere`); a state and its army (one of ``armies``, actor ids) named by one
    frame are one entity (:func:`_one_party`); a place named after a town stays apart from it when
    its ``id()`` is in ``apart`` (:func:`sites_apart`); ``folded`` the place mentions' folded words
    (:func:`place_words`), so each is folded once."""
    cues = kb.lexicon["_folded"]["place_cues"]
    keep = kb.lexicon["_folded"]["distinct_place_cues"]
    cases = kb.lexicon["_folded"].get("kunya_cases", frozenset())
    titles = kb.lexicon["_folded"]["site_name_titles"]
    first_full: dict[str, int] = {}
    last_full: dict[str, int] = {}
    mentions = [m for m in doc.mentions if id(m) not in skip] if skip else doc.mentions
    for m in mentions:
        _loyalists_elsewhere(m, kb, country)
        if m.kb_id and not m.short:
            first_full.setdefault(m.kb_id, m.start)
    groups: dict[str, list[Mention]] = {}
    last_source: str | None = None
    last_person: tuple[Mention, str] | None = None
    kunya = kb.lexicon["_folded"].get("kunya", frozenset())
    wholes = _bare_names_whole(mentions, apart, kb.lexicon["_conditions"].get("site_cues", {}))
    for m in mentions:
        if m.kb_id and m.short:
            target = _resolve_short(m, {**first_full, **last_full})
            if target is None:
                continue
            m.kb_id = target
            m.confidence = 0.75
            kind = _KB_TYPES.get(target.partition(":")[0])
            if kind and kind != m.type:   # صواريخ الأسد: the short form of a person's name read as his forces
                m.why = f"{m.why}; so {_a(kind)} mention, not {_a(m.type)}"
                m.type = kind
        key = _group_key(m, cues, keep, cases, titles, apart, folded)
        if key in wholes and m.type == "PLACE" and not m.kb_id and not m.region and not m.facility \
                and strip_article(" ".join(fold_str(m.text).split())) == key[len("place:"):]:
            whole = wholes[key]
            key = _group_key(whole, cues, keep, cases, titles, apart, folded)
            m.place_ids = list(whole.place_ids)   # located as the whole place, not as its namesakes
            m.why = (m.why + "; " if m.why else "") + \
                f"the bare name of '{whole.text}', which the report names in full: that place"
        if m.type == "SOURCE" and m.anaphor and last_source:
            key = last_source
            m.why = "a plural source word referring back to the last source named"
        if m.type == "PERSON" and last_person is not None and _quoted_nickname(doc.text, last_person[0], m, kunya):
            key = last_person[1]
            m.why = (m.why + "; " if m.why else "") + \
                f"a name in quotes right after '{last_person[0].text}': his nom de guerre, the same person"
        if m.kb_id:
            last_full[m.kb_id] = m.start
        if m.type == "SOURCE":
            last_source = key
        if m.type == "PERSON":
            last_person = (m, key)
        groups.setdefault(key, []).append(m)

    _merge_partial_names(groups)
    _one_party(groups, kb, armies, doc.keys)
    entities = []
    for n, (key, ms) in enumerate(sorted(groups.items(), key=lambda kv: kv[1][0].start), 1):
        m0 = ms[0]
        eid = f"E{n}"
        for m in ms:
            m.entity = eid
        # a known actor's entity is built from the entry its group is keyed by: a state merged into
        # its army's group (_one_party) keeps its own kb_id on its mentions, but the entity is the
        # army's (state_force) even when the state is named first
        m0 = next((m for m in ms if m.kb_id == key), m0) if key.startswith("actor:") else m0
        entry = kb.get(m0.kb_id) if m0.kb_id else None
        if entry:
            name_ar, name_en, cat = entry.name_ar, entry.name_en, entry.category
        else:
            name_ar = max((m.name or m.text for m in ms if not m.surname_of),
                          key=len, default=m0.text)
            name_en, cat = None, m0.category
        if m0.type == "PERSON" or m0.type == "PLACE":
            cat = None
        if m0.type == "SOURCE" and entry is None:
            cat = "other"
        conf = max(m.confidence for m in ms)
        entities.append(Entity(eid, m0.type, name_ar, name_en, m0.kb_id, ms, category=cat, confidence=conf))
    doc.entities = entities
    return doc
