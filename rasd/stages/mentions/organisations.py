"""Unknown organisations and the fighters loyal to a side: a head word with a quoted name
(حركة "نور الدين زنكي"), a unit number (الفرقة 30), or a bare head with a name (لواء X);
المسلحين الموالين لها (fighters loyal to the side just named)."""
from __future__ import annotations

from rasd.arabic.clitics import has_article, is_definite, letters, starts_with_and, with_article, without_article
from rasd.arabic.normalize import fold_str
from rasd.doc import Mention
from rasd.stages.mentions.context import QUOTES, Finder
from rasd.stages.mentions.places import place_hit


def _quoted(f: Finder, i: int) -> int | None:
    """حركة "نور الدين زنكي": the name runs to the closing quote within five words."""
    if f.kb_start(i + 1):
        return None
    j = i + 1
    while j < len(f.toks) and j - i <= 5:
        if f.is_(j, "name_stops") or f.toks[j].key.isdigit() and j > i + 1:
            return None
        if any(c in QUOTES for c in f.gap(j)):
            return j + 1
        if not f.joined(j):
            return None
        j += 1
    return None


def _numbered(f: Finder, i: int) -> int | None:
    """الفرقة 30، الفرقة 16 مشاة; not الحركة 14 عنصرا (a count, not a unit number).  A second number
    joined by the conjunction is a second unit of the same kind, named with it (اللواءين 46 و47)."""
    toks, j = f.toks, i + 2
    if j < len(toks) and f.joined(i + 1) and toks[j].key.endswith(letters().accusative_ending) \
            and not f.is_(j, "unit_suffixes"):
        return None
    if j < len(toks) and f.joined(i + 1) and f.is_(j, "unit_suffixes"):
        j += 1
    if j < len(toks) and f.joined(j - 1) and _second_number(toks[j].key):
        j += 1
    return j


def _second_number(key: str) -> bool:
    """A number with the conjunction in front (و47): the second of two unit numbers."""
    conj = letters().conj
    return len(key) > 1 and key[:1] in conj and key[1:].isdigit()


def _bare(f: Finder, i: int) -> int | None:
    """لواء X: a head without the article and a name after it, not an ordinary noun phrase."""
    toks, L = f.toks, letters()
    if not f.is_(i, "org_heads_bare") or not f.name_like(i + 1) \
            or toks[i].key.startswith((L.article, L.and_ + L.article)):
        return None
    if definite_behind_preposition(f, i):
        f.refuse(i, i + 2, "org", "the head word carries the article behind a preposition: a definite noun "
                                  "heads no group's name")
        return None
    if f.kb_start(i):
        return None   # جبهة النصرة النفير العام: a name the knowledge base knows is not run on by article words
    nxt = toks[i + 1].key
    if without_article(nxt) in f.R.common or nxt in f.R.common or f.nisba_of_common(nxt):
        return None   # حركة الشاحنات، فرقة إسعافية: an ordinary noun phrase, not a group's name
    if f.is_(i + 1, "flow_nouns"):
        f.refuse(i, i + 2, "org", "a noun of flow or traffic after the head (lexicon flow_nouns): the "
                                  "traffic of something, not a group's name")
        return None   # حركة الملاحة، حركة نزوح
    if place_hit(f, i + 1) or f.is_(i + 1, "nationalities"):
        return None
    j = i + 2
    while j < len(toks) and j - i <= 3 and f.joined(j - 1) and has_article(toks[j].key) \
            and f.name_like(j) and not f.is_(j, "org_heads"):
        j += 1
    return j


def definite_behind_preposition(f: Finder, i: int) -> bool:
    """The head word carries the article behind a preposition (للحركة، بالحركة، وللواء): a definite
    noun heads no construct, so the word after it is no group's name but a name of its own (المتحدث
    باسم العمليات للحركة عبد العزيز X: a person), as the article as written already says (الحركة X)."""
    key = f.toks[i].key
    return any(n and is_definite(key[:n]) for n, _ in f.reads[key])


def front(f: Finder, i: int, end: int) -> bool:
    """جبهة X (tokens i..end-1) where the sentence places something in it (في جبهة الجفينة، بجبهة مجزر،
    على جبهة حندرات) or locates it (جبهة البلق جنوب غربي المحافظة): a front, an axis of the fighting
    named after a place, not an organisation (lexicon ``front_heads``; counted on the news with
    scripts/front_rules.py: docs/lexicon-checks.md, branch actors7)."""
    if not f.is_(i, "front_heads"):
        return False
    pre = f.toks[i].key[:f.prefix_of(i, "front_heads")]
    return f.is_(i - 1, "place_preps") or letters().bi in pre or f.is_(end, "place_preps")


def _named_end(f: Finder, i: int) -> int | None:
    """End token of a head word with a name after it (quoted, a number or a bare name)."""
    if not f.is_(i, "org_heads") or i + 1 >= len(f.toks):
        return None
    gap = f.gap(i)
    if any(c in QUOTES for c in gap):
        # a quote right after the head closes it (the head itself quoted, as some outlets quote the
        # army of a side they do not recognise): no name opens there (branch actor22)
        return None if gap[:1] in QUOTES else _quoted(f, i)
    if not f.joined(i):
        return None
    if f.toks[i + 1].key.isdigit():
        return _numbered(f, i)
    return _bare(f, i)


def org_at(f: Finder, i: int) -> int | None:
    """End token of an unknown organisation whose head word is token i."""
    end = _named_end(f, i)
    return None if end is None or front(f, i, end) else end


def front_at(f: Finder, i: int) -> int | None:
    """End token of a front named after a place whose front word is token i (see :func:`front`)."""
    if not f.is_(i, "front_heads"):
        return None
    end = _named_end(f, i)
    return end if end is not None and not f.toks[i + 1].key.isdigit() and front(f, i, end) else None


def add_front(f: Finder, i: int, end: int) -> None:
    """The front as a PLACE named by the words after the front word (no gazetteer entry: they
    are the axes and villages the gazetteer lacks; a known place after it is found as that place)."""
    pre = f.prefix_of(i, "front_heads")
    s, e = f.toks[i + 1].start, f.toks[end - 1].end
    name = "".join(c for c in f.doc.text[s:e] if c not in QUOTES).strip()
    f.add(i, end, pre, "PLACE", None, 0.6, key=fold_str(name), place_ids=[], cue=f.toks[i].key[pre:],
          pattern=True, name=name, why="a front named after a place: a place word before it or a direction after it")


def loyalists_at(f: Finder, i: int) -> int | None:
    """المسلحين [القرويين] الموالين لها: fighters loyal to the side just named (the regime)."""
    toks, lam = f.toks, letters().li
    for k in (i + 1, i + 2):
        if k + 1 < len(toks) and f.is_(k, "loyal_words") and f.joined(k) and toks[k + 1].key.startswith(lam) \
                and all(f.joined(x) for x in range(i, k)):
            return k + 2
    return None


def strip_quotes(m: Mention) -> None:
    """Keep an organisation's mention name free of the quotes around its name."""
    t = m.text
    if any(c in QUOTES for c in t):
        parts = [p.strip() for p in t.replace("«", '"').replace("»", '"').replace("“", '"')
                 .replace("”", '"').split('"')]
        m.name = " ".join(p for p in parts if p)


def add_org(f: Finder, i: int, end: int) -> None:
    civil = f.is_(i, "org_heads_civil")
    # الكتيبة 8104، اللواء 769، الفرقة 17: a unit named by its number is a state's army's (armies number
    # their units; an armed group names its own), typed by lexicon numbered_unit_category
    numbered = not civil and f.toks[i + 1].key.isdigit() and not any(c in QUOTES for c in f.gap(i))
    category = next(iter(f.w["numbered_unit_category"])) if numbered else "other" if civil else "non_state_armed_group"
    m = f.add(i, end, f.prefix_of(i, "org_heads"), "ACTOR", None, 0.65, pattern=True, category=category)
    if numbered:
        m.why = (f"a unit named by its number after the head word '{f.toks[i].key}': a state's army's "
                 f"(lexicon numbered_unit_category: {category})")
    s, e = f.toks[i + 1].start, f.toks[end - 1].end
    quoted = "".join(c for c in f.doc.text[s:e] if c not in QUOTES).strip()
    if any(c in QUOTES for c in f.gap(i)) and not quoted.replace(" ", "").isdigit():
        # منظمة "بي كا كا": the head word describes; the quoted words are the name, the one the report
        # and others use alone (بي كا كا), so the mention is named by them (branch actor22); a quoted
        # number (الكتيبة "50") is no name without its head
        m.name = quoted
        m.why = f"an organisation named in quotes after the head word '{f.toks[i].key}': named by the quoted words"
    else:
        strip_quotes(m)


LOYAL_TO = "loyal_to_"


LOYAL_WINDOW = 7   # the lam word and up to six words after it: a title, a state's adjective and a
                  # four-part name (لحكومة الرئيس عبد ربه منصور هادي، للرئيس السابق علي عبد الله صالح)


def loyal_hit(f: Finder, k: int) -> tuple[str, int] | None:
    """Whose loyalists, and the word that names them: (actor, token) for the actor whose
    ``loyal_to_<id>`` list of lexicon.yaml holds the lam word at token k (without ل / لل) or one of
    the words joined after it (:data:`LOYAL_WINDOW` in all), before a conjunction (a preposition is
    no stop: folded, على is the name علي) (للرئيس اليمني عبد ربه منصور هادي →
    yemen_government_forces); None when none does (لها، للحكومة)."""
    lists = [(key[len(LOYAL_TO):], words) for key, words in f.w.items() if key.startswith(LOYAL_TO)]
    toks, lam = f.toks, letters().li
    for x in range(k, min(k + LOYAL_WINDOW, len(toks))):
        key = toks[x].key
        if x > k and (not f.joined(x - 1) or starts_with_and(key)):
            break
        forms = {key}
        if x == k:
            bare = key[len(lam):]
            forms = {bare, with_article(bare[len(lam):]) if bare.startswith(lam) else bare}
        forms |= {without_article(w) for w in forms}
        for actor, words in lists:
            if forms & words:
                return actor, x
    return None


def add_loyalists(f: Finder, i: int, end: int) -> None:
    """The loyalists as an ACTOR of the side their lam phrase names; a phrase that names no known
    side (لها، للرئيس، للحكومة) takes ``loyalist_actor`` and is marked ``nominal`` (a description):
    the link stage keeps that reading only in a report about its country (rasd.stages.link)."""
    hit = loyal_hit(f, end - 1)
    actor = hit[0] if hit else next(iter(f.w["loyalist_actor"]))
    m = f.add(i, end, f.prefix_of(i, "loyal_heads"), "ACTOR", f"actor:{actor}", 0.7, pattern=True,
              nominal=hit is None, loyalist=True)
    if hit:
        t = f.toks[hit[1]]
        m.why = f"loyal to {actor}: '{f.doc.text[t.start:t.end]}', word {hit[1] - end + 2} of the phrase after the loyalty word"
