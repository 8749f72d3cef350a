"""The knowledge base: actors, persons, sources and the cue lexicon, validated on load.

Run ``python -m rasd.kb.knowledge`` (or ``rasd kb check``) to validate every file; errors name
file and line.  :class:`rasd.kb.resources.Resources` keeps what is loaded.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from rasd.arabic.matcher import phrase_key
from rasd.arabic.normalize import fold_str
from rasd.errors import KnowledgeError
from rasd.kb.shapes import InContext, first_problem
from rasd.kb.yamlfile import KNOWLEDGE_DIR, load, require, str_list, where

ACTOR_CATEGORIES = {"state_force", "non_state_armed_group", "coalition", "government", "political",
                    "international", "civilians", "other"}
SOURCE_CATEGORIES = {"monitor", "news_agency", "outlet", "network"}
ROLES = {"leader", "member", "official", "spokesperson", "commander"}
_ID = re.compile(r"^[a-z0-9_]+$")


@dataclass(frozen=True)
class Sense:
    """One reading of a name whose meaning depends on the report (actors.yaml ``in_context``): the
    name means actor ``kb_id`` in a report about one of ``countries`` (empty: any country) published
    in [``since``, ``until``] (ISO days; None: open). ``category`` is the actor's; ``where`` is the
    file:line of the rule, for the ``why``."""
    kb_id: str
    countries: frozenset[str]
    since: str | None
    until: str | None
    where: str
    category: str | None = None

    def applies(self, country: str | None, day: str | None) -> bool:
        """Whether a report about ``country`` published on ``day`` (ISO, or None) reads the name so."""
        if self.countries and (country is None or country not in self.countries):
            return False
        if self.since is None and self.until is None:
            return True
        if not day:
            return False
        return (self.since is None or day >= self.since) and (self.until is None or day <= self.until)

    def overlaps(self, other: "Sense") -> bool:
        """Whether a report could fit both readings (shared or open countries, overlapping periods)."""
        places = not self.countries or not other.countries or bool(self.countries & other.countries)
        return places and not ((self.until or "9999") < (other.since or "0000")
                               or (other.until or "9999") < (self.since or "0000"))


@dataclass(frozen=True)
class ContextName:
    """A name some actor claims only in context: its ``senses`` (in file order), and the actors that
    hold it as an ordinary alias (``plain``) or short form (``short``): the readings outside them."""
    senses: tuple[Sense, ...]
    plain: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    # the words after the first as written (folded), for each way the name is listed: a generic name
    # matches only so (قوات الجيش, not قوات جيش الفتح), though the matcher is blind to the article
    tails: frozenset[tuple[str, ...]] = frozenset()
    # the first word as written (folded) by the ``definite`` rules that list the name: when there are
    # any, it matches only with the article as written (الاحتلال, not the احتلال of قوة احتلال)
    heads: frozenset[str] = frozenset()


CONTEXT_KEYS = 1 << 12   # mention texts whose context_key is kept (a report names the same actors again)


@lru_cache(maxsize=CONTEXT_KEYS)
def context_key(name: str) -> str:
    """The key a context name is looked up by: the matcher's (folded words without their article,
    so the mention left after a clitic لل, حرس الجمهوري, finds الحرس الجمهوري). A pure function of
    the string (the packaged folding table), kept for the last CONTEXT_KEYS texts: the link and
    open-actor stages ask it of every actor mention."""
    return " ".join(phrase_key(name))


def _senses(path, item) -> list[tuple[list[str], frozenset[str], str | None, str | None, str, bool]]:
    """An entry's ``in_context`` rules, checked by their shape (:class:`rasd.kb.shapes.InContext`,
    the one validation of a rule) with the rule's file:line: (names, countries, since, until,
    file:line, definite) each, the period's bounds as ISO days."""
    rules = item.get("in_context") or []
    require(isinstance(rules, list) and all(isinstance(r, dict) for r in rules), path, item,
            "'in_context' must be a list of mappings with names and countries")
    out = []
    for r in rules:
        try:
            rule = InContext.model_validate({k: v for k, v in r.items() if k != "__line__"})
        except ValidationError as e:
            loc, msg = first_problem(e)
            field_ = ".".join(str(x) for x in loc)
            raise KnowledgeError(f"{where(path, r)}: in_context: {field_ + ': ' if field_ else ''}{msg}",
                                 hint="See the in_context note at the top of actors.yaml.") from None
        out.append((list(rule.names), frozenset(rule.countries or ()),
                    rule.since and rule.since.isoformat(), rule.until and rule.until.isoformat(), where(path, r),
                    rule.definite))
    return out


@dataclass(frozen=True)
class KbEntry:
    kind: str                # actor | person | source
    id: str
    name_ar: str
    name_en: str
    category: str | None
    aliases: tuple[str, ...]
    short: tuple[str, ...] = ()
    country: str | None = None
    part_of: tuple[str, ...] = ()
    allies: tuple[str, ...] = ()
    affiliations: tuple[dict, ...] = ()
    rebrands: tuple[dict, ...] = ()
    wikidata: str | None = None
    # in_context rules: (names, countries, since, until, file:line, definite); the names are not aliases
    contexts: tuple[tuple, ...] = ()

    @property
    def kb_id(self) -> str:
        return f"{self.kind}:{self.id}"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name_ar, *self.aliases, *(r["name_ar"] for r in self.rebrands if r.get("name_ar")))


@dataclass
class KnowledgeBase:
    actors: dict[str, KbEntry] = field(default_factory=dict)
    persons: dict[str, KbEntry] = field(default_factory=dict)
    sources: dict[str, KbEntry] = field(default_factory=dict)
    lexicon: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # context_key(name) → the readings of a name whose meaning depends on the report (in_context)
    context_names: dict[str, ContextName] = field(default_factory=dict)

    def get(self, kb_id: str) -> KbEntry | None:
        kind, _, key = kb_id.partition(":")
        return {"actor": self.actors, "person": self.persons, "source": self.sources}.get(kind, {}).get(key)

    def words(self, name: str) -> frozenset[str]:
        """A word list of the lexicon, folded (clitic-free stems are looked up against it)."""
        return self.lexicon["_folded"][name]


def name_variants(name: str) -> set[str]:
    """Spelling variants of compound names that folding cannot see: عبد الله / عبدالله, أبو X / ابوX."""
    out = {name}
    parts = name.split()
    for i, p in enumerate(parts[:-1]):
        if fold_str(p) == "عبد":
            out.add(" ".join(parts[:i] + [p + parts[i + 1]] + parts[i + 2:]))
    for i, p in enumerate(parts):
        f = fold_str(p)
        if f.startswith("عبد") and len(f) > 5 and f[3:5] == "ال":
            out.add(" ".join(parts[:i] + [p[:3], p[3:]] + parts[i + 1:]))
    return out


def _entries(kdir: Path, name: str, kind: str, categories: set[str] | None) -> dict[str, KbEntry]:
    path = kdir / f"{name}.yaml"
    data = load(path) or []
    if not isinstance(data, list):
        raise KnowledgeError(f"{path.name}:1: the file must be a YAML list of entries")
    out: dict[str, KbEntry] = {}
    for item in data:
        require(isinstance(item, dict), path, {}, "each entry must be a mapping")
        eid = item.get("id")
        require(isinstance(eid, str) and bool(_ID.match(eid)), path, item, f"bad or missing id {eid!r}")
        require(eid not in out, path, item, f"duplicate id '{eid}'")
        for k in ("name_ar", "name_en"):
            require(isinstance(item.get(k), str) and item[k].strip() != "", path, item, f"'{k}' is required")
        cat = item.get("category")
        if categories is not None:
            require(cat in categories, path, item, f"category {cat!r} is not one of {sorted(categories)}")
        rebrands = item.get("rebrands") or []
        require(isinstance(rebrands, list) and all(isinstance(r, dict) and r.get("name_ar") for r in rebrands),
                path, item, "'rebrands' must be a list of mappings with name_ar")
        affs = item.get("affiliations") or []
        require(isinstance(affs, list) and all(isinstance(a, dict) and a.get("actor") for a in affs),
                path, item, "'affiliations' must be a list of mappings with actor")
        for a in affs:
            require(a.get("role", "member") in ROLES, path, a, f"role {a.get('role')!r} is not one of {sorted(ROLES)}")
        wd = item.get("wikidata")
        require(wd is None or (isinstance(wd, str) and re.fullmatch(r"Q\d+", wd) is not None), path, item,
                f"wikidata {wd!r} must look like Q123")
        aliases = set()
        for a in [item["name_ar"], *str_list(path, item, "aliases")]:
            aliases |= name_variants(a)
        out[eid] = KbEntry(
            kind=kind, id=eid, name_ar=item["name_ar"].strip(), name_en=item["name_en"].strip(), category=cat,
            aliases=tuple(sorted(aliases - {item["name_ar"].strip()})),
            short=tuple(str_list(path, item, "short")), country=item.get("country"),
            part_of=tuple(str_list(path, item, "part_of")), allies=tuple(str_list(path, item, "allies")),
            affiliations=tuple({k: v for k, v in a.items() if k != "__line__"} | {"__where__": where(path, a)}
                               for a in affs),
            rebrands=tuple({k: v for k, v in r.items() if k != "__line__"} for r in rebrands),
            wikidata=wd, contexts=tuple(_senses(path, item)))
    return out


def _context_names(kb: KnowledgeBase) -> dict[str, ContextName]:
    """Every in_context name with its senses and the actors that hold it unconditionally."""
    senses: dict[str, list[Sense]] = {}
    for e in kb.actors.values():
        for names, countries, since, until, at, _ in e.contexts:
            for n in names:
                key = context_key(n)
                if any(key == context_key(a) for a in e.names):
                    raise KnowledgeError(f"{at}: in_context name '{n}' is already an alias of '{e.id}'",
                                         hint="An alias holds everywhere; list the name under one of them only.")
                new = Sense(e.kb_id, countries, since, until, at, e.category)
                for s in senses.get(key, []):
                    if s.kb_id != e.kb_id and s.overlaps(new):
                        raise KnowledgeError(
                            f"{at}: in_context name '{n}' also means {s.kb_id} ({s.where}) in an overlapping "
                            "set of countries and period",
                            hint="Give the two readings different countries or periods that do not overlap.")
                senses.setdefault(key, []).append(new)
    plain: dict[str, list[str]] = {}
    short: dict[str, list[str]] = {}
    tails: dict[str, set[tuple[str, ...]]] = {}
    heads: dict[str, set[str]] = {}
    for e in kb.actors.values():
        for table, names, definite in ((plain, e.names, False), (short, e.short, False),
                                       *((None, r[0], r[5]) for r in e.contexts)):
            for n in names:
                key = context_key(n)
                if key not in senses:
                    continue
                words = fold_str(n).split()
                tails.setdefault(key, set()).add(tuple(words[1:]))
                if definite:
                    heads.setdefault(key, set()).add(words[0])
                if table is not None and e.kb_id not in table.setdefault(key, []):
                    table[key].append(e.kb_id)
    return {k: ContextName(tuple(v), tuple(plain.get(k, ())), tuple(short.get(k, ())),
                           frozenset(tails[k]), frozenset(heads.get(k, ())))
            for k, v in senses.items()}


def _lexicon(kdir: Path) -> dict:
    path = kdir / "lexicon.yaml"
    data = load(path)
    require(isinstance(data, dict), path, {}, "lexicon.yaml must be a mapping of word lists")
    folded, conditions = {}, {}
    for k, v in data.items():
        if k == "__line__":
            continue
        require(isinstance(v, list) and all(isinstance(x, str) or _conditioned(x) for x in v), path, data,
                f"'{k}' must be a list of strings (a word with its condition written `word: condition`)")
        words = [x if isinstance(x, str) else _conditioned(x)[0] for x in v]
        folded[k] = frozenset(fold_str(x) for x in words)
        if len(words) != sum(isinstance(x, str) for x in v):
            conditions[k] = {fold_str(w): c for w, c in map(_conditioned, v) if c is not None}
    data["_folded"] = folded
    data["_conditions"] = conditions   # list → folded word → its condition (the shape says which lists may)
    return data


def _conditioned(item) -> tuple[str, str | None] | None:
    """A lexicon list's item as (word, condition): a plain word has none, a one-key mapping
    ``{word: condition}`` (``مخيم: known_apart``; the loader's ``__line__`` aside) has its value;
    anything else is None (not an item)."""
    if isinstance(item, str):
        return item, None
    pairs = [(w, c) for w, c in item.items() if w != "__line__"] if isinstance(item, dict) else []
    return pairs[0] if len(pairs) == 1 and all(isinstance(x, str) for x in pairs[0]) else None


def load_kb(kdir: Path | None = None) -> KnowledgeBase:
    """Read and validate actors, persons, sources and lexicon from ``kdir`` (not cached)."""
    kdir = kdir or KNOWLEDGE_DIR
    kb = KnowledgeBase(actors=_entries(kdir, "actors", "actor", ACTOR_CATEGORIES),
                       persons=_entries(kdir, "persons", "person", None),
                       sources=_entries(kdir, "sources", "source", SOURCE_CATEGORIES),
                       lexicon=_lexicon(kdir))
    for e in kb.actors.values():
        for ref in (*e.part_of, *e.allies):
            if ref not in kb.actors:
                raise KnowledgeError(f"actors.yaml: actor '{e.id}' refers to unknown actor '{ref}'")
    for p in kb.persons.values():
        for a in p.affiliations:
            if a["actor"] not in kb.actors and a["actor"] not in kb.sources:
                raise KnowledgeError(f"persons.yaml:{a['__where__'].split(':')[-1]}: person '{p.id}' "
                                     f"is affiliated to unknown actor '{a['actor']}'")
    for ref in kb.lexicon.get("loyalist_actor", []):
        if ref not in kb.actors:
            raise KnowledgeError(f"lexicon.yaml: loyalist_actor names unknown actor '{ref}'")
    numbered = kb.lexicon.get("numbered_unit_category", [])
    if len(numbered) != 1 or numbered[0] not in ACTOR_CATEGORIES:
        raise KnowledgeError(f"lexicon.yaml: numbered_unit_category must hold one actor category, not {numbered!r}",
                             hint=f"One of {', '.join(sorted(ACTOR_CATEGORIES))}.")
    for key in kb.lexicon["_folded"]:
        if key.startswith("loyal_to_") and key[len("loyal_to_"):] not in kb.actors:
            raise KnowledgeError(f"lexicon.yaml: {key} names unknown actor '{key[len('loyal_to_'):]}'",
                                 hint="Name a list loyal_to_<id> after an actor id of actors.yaml.")
    kb.context_names = _context_names(kb)
    seen: dict[str, str] = {}
    for table in (kb.actors, kb.persons, kb.sources):
        for e in table.values():
            for n in e.names:
                k = fold_str(n)
                if k in seen and seen[k] != e.kb_id:
                    kb.warnings.append(f"alias '{n}' is shared by {seen[k]} and {e.kb_id}")
                seen.setdefault(k, e.kb_id)
    return kb


def check() -> list[str]:
    """Validate all knowledge files; returns warnings, raises KnowledgeError on the first error."""
    kb = load_kb()
    return [f"{len(kb.actors)} actors, {len(kb.persons)} persons, {len(kb.sources)} sources"] + kb.warnings


if __name__ == "__main__":  # pragma: no cover - a developer's shortcut for `rasd kb check`
    import sys
    try:
        for line in check():
            sys.stdout.write(line + "\n")
    except KnowledgeError as e:
        sys.stderr.write(str(e) + "\n")
        sys.exit(1)
