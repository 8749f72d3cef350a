"""Group mentions into entities: one real-world actor, person, place or source per entity.

Knowledge-base mentions group by ``kb_id`` (rebrands and aliases are one entry, so جبهة النصرة
and هيئة تحرير الشام link together).  Short forms (الهيئة، التنظيم) link to the most recent
full mention of a matching actor and are dropped when the report never names one.  Unknown names
group by their folded form; a surname mention joins its full name; "المصادر" joins the last source.
"""
from __future__ import annotations

from rasd.arabic.normalize import fold_str, strip_article
from rasd.doc import Doc, Entity, Mention
from rasd.pipeline import Stage


def _group_key(m: Mention, cues: frozenset, keep: frozenset, cases: frozenset = frozenset()) -> str:
    if m.kb_id:
        return m.kb_id
    if m.type == "PLACE":
        reg = m.region
        if reg:
            return "region:" + ",".join(sorted(reg.get("base_ids") or [])) + ":" + str(reg.get("direction"))
        words = fold_str(m.text).split()
        if len(words) > 1 and not m.facility and words[0] in cues and words[0] not in keep:
            words = words[1:]   # مدينة الزبداني = الزبداني; but محافظة حلب and مخيم درعا stay apart
        return "place:" + strip_article(" ".join(words))
    name = m.surname_of or m.name or m.text
    words = [strip_article(w) for w in fold_str(name).split()]
    if m.type == "PERSON" and len(words) > 1 and words[0] in cases:
        words[0] = min(cases)   # أبي عبيدة = أبا عبيدة = أبو عبيدة: one kunya in its three cases
    return f"{m.type.lower()}:" + " ".join(words)


def _merge_partial_names(groups: dict[str, list[Mention]]) -> None:
    """An unknown person named by part of a longer name in the report (عبد الرحمن ⊂ رامي عبد الرحمن)
    is that person: the first other group (in report order) holding a longer name that starts or
    ends with one of its names, word for word.

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
            for i in range(1, len(words)):
                for part in (" ".join(words[:i]), " ".join(words[i:])):
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
                   if n != o and (o.endswith(" " + n) or o.startswith(n + " ")))
        for m in ms:
            m.why = f"part of the longer name '{hit[1]}' in the report"
        groups[other].extend(ms)
        groups[other].sort(key=lambda m: m.start)
        del groups[k]


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


class Link(Stage):
    name = "link"
    requires = ("mentions",)
    assigns = ("entities",)

    def __call__(self, doc: Doc) -> Doc:
        return link(doc, self.resources.kb)


def link(doc: Doc, kb) -> Doc:
    cues = kb.lexicon["_folded"]["place_cues"]
    keep = kb.lexicon["_folded"]["distinct_place_cues"]
    cases = kb.lexicon["_folded"].get("kunya_cases", frozenset())
    first_full: dict[str, int] = {}
    last_full: dict[str, int] = {}
    for m in doc.mentions:
        if m.kb_id and not m.short:
            first_full.setdefault(m.kb_id, m.start)
    groups: dict[str, list[Mention]] = {}
    last_source: str | None = None
    for m in doc.mentions:
        if m.kb_id and m.short:
            target = _resolve_short(m, {**first_full, **last_full})
            if target is None:
                continue
            m.kb_id = target
            m.confidence = 0.75
        key = _group_key(m, cues, keep, cases)
        if m.type == "SOURCE" and m.anaphor and last_source:
            key = last_source
            m.why = "a plural source word referring back to the last source named"
        if m.kb_id:
            last_full[m.kb_id] = m.start
        if m.type == "SOURCE":
            last_source = key
        groups.setdefault(key, []).append(m)

    _merge_partial_names(groups)
    entities = []
    for n, (key, ms) in enumerate(sorted(groups.items(), key=lambda kv: kv[1][0].start), 1):
        m0 = ms[0]
        eid = f"E{n}"
        for m in ms:
            m.entity = eid
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
