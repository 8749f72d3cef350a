"""Merge entities that turned out to be one place, and resolve place anaphors.

After geocoding, two PLACE entities coded to the same gazetteer entry are one place told two
ways (ريف حماة الشرقي / شرق حماة, إدلب / محافظة إدلب): their mentions are joined under the first.
A bare anaphor (المحافظة) becomes a mention of the last place of its kind named before it.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate, compress
from pathlib import Path

from rasd.arabic.clitics import letters
from rasd.arabic.normalize import fold_str, strip_article
from rasd.doc import Doc, Mention
from rasd.kb.yamlfile import load, require
from rasd.pipeline import Stage


def load_anaphors(path: Path) -> dict[str, set[str]]:
    """Folded anaphor (without article) → the place kinds it may stand for."""
    data = load(path)
    require(isinstance(data, dict), path, {}, "the file must map anaphors to lists of place kinds")
    return {strip_article(fold_str(k)): set(v) for k, v in data.items() if k != "__line__"}


def _kind(e, gaz) -> str | None:
    if not e.kb_id:
        return None
    try:
        return gaz.get(e.kb_id).kind
    except KeyError:
        return None


class Corefer(Stage):
    name = "corefer"
    requires = ("entities", "entities[PLACE].geo")
    assigns = ("entities",)

    def __call__(self, doc: Doc) -> Doc:
        return corefer(doc, self.resources)


def corefer(doc: Doc, res) -> Doc:
    places = [e for e in doc.entities if e.type == "PLACE"]
    keep: dict[str, object] = {}
    for e in places:
        if any(m.facility for m in e.mentions):
            continue   # a camp, an airport or a hill coded to its town is not the town
        if e.kb_id and any(m.region for m in e.mentions) and _kind_of(res.gazetteer, e.kb_id) == "country":
            continue   # شرقي سوريا, coded to Syria, is a part of it, not Syria
        if e.kb_id and e.kb_id in keep:
            first = keep[e.kb_id]
            for m in e.mentions:
                m.why = f"geocoded to the same gazetteer entry ({e.kb_id}) as '{first.mentions[0].text}'"
            first.mentions = sorted(first.mentions + e.mentions, key=lambda m: m.start)
            for m in e.mentions:
                m.entity = first.id
            first.confidence = max(first.confidence, e.confidence)
            e.mentions = []
        elif e.kb_id:
            keep[e.kb_id] = e
    gc = res.geo_cues
    _directions_into_base(doc, res.kb.words("place_cues"), res.gazetteer, frozenset(gc.before) | frozenset(gc.adjective))
    _unknown_namesakes(doc)
    doc.entities = [e for e in doc.entities if e.mentions]
    _resolve_anaphors(doc, res.geo_anaphors, res.gazetteer)
    return doc


def _unknown_namesakes(doc: Doc) -> None:
    """Two places no gazetteer knows that the report names by one name (منطقتي العرج والجبّانة … منطقة
    العرج) are one place: their mentions join the first entity, which takes the other's point when it has
    none. Only for places without a gazetteer entry (known ones are joined by their entry above), not
    for a region phrase (شرق X, handled by :func:`_directions_into_base`), and a site (a camp, an
    airport) is never joined to what is not one."""
    first: dict[tuple[str, bool], object] = {}
    for e in doc.entities:
        if e.type != "PLACE" or e.kb_id or not e.mentions or any(m.region for m in e.mentions):
            continue
        key = (strip_article(fold_str(e.name_ar)), any(m.facility for m in e.mentions))
        base = first.setdefault(key, e)
        if base is e:
            continue
        for m in e.mentions:
            m.why = f"no gazetteer entry, named as '{base.name_ar}' is named before ('{base.mentions[0].text}'): one place"
            m.entity = base.id
        base.mentions = sorted(base.mentions + e.mentions, key=lambda m: m.start)
        if not (base.geo or {}).get("lat") and (e.geo or {}).get("lat"):
            base.geo = e.geo
        base.confidence = max(base.confidence, e.confidence)
        e.mentions = []


def _kind_of(gaz, pid: str) -> str | None:
    try:
        return gaz.get(pid).kind
    except KeyError:
        return None


def _base_words(m, cues: frozenset[str], directions: frozenset[str] = frozenset()) -> list[str]:
    """The folded words of the place a direction phrase is measured from: past its one or two
    direction words (شمال شرق نيجيريا، جنوب شرقي باكستان) and a type word (شمال مدينة حلب)."""
    words = fold_str(m.text).split()
    n = len(str(m.region.get("direction") or "").split("-"))
    while n < len(words) - 1 and n < 2 and words[n] in directions:
        n += 1
    words = words[n:]
    if len(words) > 1 and words[0] in cues:
        words = words[1:]
    return words


def _directions_into_base(doc: Doc, cues: frozenset[str], gaz, directions: frozenset[str] = frozenset()) -> None:
    """شرق إدلب in a report that names إدلب is said of إدلب: one entity (a qualifier, not a region).

    A direction before a named place qualifies that place: the report names the place and where in
    it things happen (بمحافظة شبوة شرقي اليمن، بولاية بورنو شمال شرق نيجيريا). So the direction
    phrase joins the place's entity when the report names the place elsewhere (not a country: شرقي
    سوريا beside سوريا is a region of the country), and when the report names the place nowhere else
    its entity is named by the place (its mentions keep the whole phrase, its point the
    part of the place the direction points to). A direction of a region (شرق أفريقيا، جنوب شرق آسيا،
    غرب دارفور) is itself the name of a region or a state, and keeps it (``gaz``: the gazetteer that
    tells a base's kind; required, or that guard would be skipped)."""
    by_name: dict[str, object] = {}
    for e in doc.entities:
        if e.type == "PLACE" and e.mentions and not any(m.region for m in e.mentions):
            for m in e.mentions:
                words = fold_str(m.text).split()
                if len(words) > 1 and words[0] in cues:     # محافظة إدلب is named إدلب too
                    words = words[1:]
                by_name.setdefault(strip_article(" ".join(words)), e)
            # للعاصمة دمشق spans عاصمة دمشق: the entity's own name names it too
            by_name.setdefault(strip_article(fold_str(e.name_ar)), e)
    for e in doc.entities:
        regs = [m.region for m in e.mentions]
        if not e.mentions or not all(r and r.get("direction") and not r.get("rif") and not r.get("named")
                                     and not r.get("anaphor") for r in regs):
            continue
        words = _base_words(e.mentions[0], cues, directions)
        if not words:
            continue
        base = by_name.get(strip_article(" ".join(words)))
        if base is not None and (base is e or (base.geo or {}).get("feature") == "country"):
            continue   # شرقي سوريا is a region of the country, not the country
        if base is None:
            bases = [p for m in e.mentions for p in m.region.get("base_ids") or []]
            if not bases or any(_kind_of(gaz, p) in ("region", "continent", None) for p in bases):
                continue
            first = e.mentions[0].text.split()[-len(words):]
            e.name_ar = " ".join(first)
            for m in e.mentions:
                m.why = (m.why + "; " if m.why else "") + f"'{m.text}' is a part of the place it names: " \
                        f"the entity is named by that place ({e.name_ar}), its point stays the part's"
            continue
        for m in e.mentions:
            m.why = f"a direction qualifying '{base.mentions[0].text}', named in the report: the same place"
        base.mentions = sorted(base.mentions + e.mentions, key=lambda m: m.start)
        for m in e.mentions:
            m.entity = base.id
        e.mentions = []


def _anaphor_words(table: dict[str, set[str]], article: str) -> frozenset[str]:
    """Every folded word the anaphor loop of :func:`_resolve_anaphors` takes up: it starts with the
    article and, the article stripped (strip_article), is an anaphor of ``table`` with some kind.
    Such a word is the anaphor after the article or, when strip_article leaves it whole, the
    anaphor itself (the clitics file's article is the one strip_article strips), so these few are
    all (a handful of table entries, worked out per document rather than kept anywhere)."""
    out = set()
    for w, kinds in table.items():
        if kinds:
            out.update(key for key in (article + w, w) if key.startswith(article) and strip_article(key) == w)
    return frozenset(out)


def _inside(opens: list[int], reach: list[int], pos: int) -> bool:
    """Whether character ``pos`` lies inside a mention: ``opens`` are the sorted mention starts and
    ``reach[n]`` the furthest end of the mentions up to the n-th."""
    n = bisect_right(opens, pos)
    return n > 0 and reach[n - 1] > pos


def _resolve_anaphors(doc: Doc, table: dict[str, set[str]], gaz) -> None:
    """Each anaphor token becomes a mention of the last located place of a kind it may stand for,
    named before it. Per kind, the mention starts are kept sorted and searched by bisection, and
    each entity's mentions are sorted once at the end: O(n log n) in the document's length."""
    taken = {(m.start, m.end) for e in doc.entities for m in e.mentions}
    spans = sorted(taken)
    opens, reach = [a for a, _ in spans], list(accumulate((b for _, b in spans), max))
    named_at = {m.start for e in doc.entities if e.type == "PLACE" for m in e.mentions}
    located = sorted(((m.start, e) for e in doc.entities if e.type == "PLACE" and e.geo and e.geo.get("lat")
                      for m in e.mentions), key=lambda x: x[0])
    by_kind: dict[str | None, tuple[list[int], list[int]]] = {}   # kind → (sorted starts, their places in located)
    for pos, (s, e) in enumerate(located):
        starts, where = by_kind.setdefault(_kind(e, gaz), ([], []))
        starts.append(s)
        where.append(pos)
    added: dict[str, list[Mention]] = {}
    owner = {}
    toks = doc.tokens
    anaphoric = _anaphor_words(table, letters().article)
    # the tokens that are an anaphor, found in one C-level pass over the document's keys
    for k in compress(range(len(toks)), map(anaphoric.__contains__, doc.keys)):
        t = toks[k]
        kinds = table[strip_article(t.key)]
        if (t.start, t.end) in taken or _inside(opens, reach, t.start):
            continue   # the word is a mention or the title in one's span (العاصمة صنعاء)
        if t.i + 1 < len(doc.tokens) and doc.tokens[t.i + 1].start in named_at:
            continue   # a title of the name after it (العاصمة بغداد، المدينة X), not an anaphor
        last = -1   # the last located mention of one of the kinds before t (its place in located)
        for kind in kinds:
            if kind in by_kind:
                starts, where = by_kind[kind]
                n = bisect_left(starts, t.start)
                if n:
                    last = max(last, where[n - 1])
        if last >= 0:
            e = located[last][1]
            m = Mention(t.start, t.end, doc.text[t.start:t.end], "PLACE", e.kb_id, 0.6, e.id,
                        tok=(t.i, t.i + 1), anaphor=True,
                        why=f"refers to the last {_kind(e, gaz)} named before it: '{e.mentions[0].text}'")
            added.setdefault(e.id, []).append(m)
            owner[e.id] = e
    for eid, ms in added.items():
        e = owner[eid]
        e.mentions = sorted(e.mentions + ms, key=lambda x: x.start)
