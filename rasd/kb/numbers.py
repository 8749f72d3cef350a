"""Reading numbers.yaml into the number lexicon of rasd.arabic.numbers (validated; errors name file
and line). ``rasd.arabic`` stays free of knowledge-file loading: it is given the lexicon."""
from __future__ import annotations

import re
from pathlib import Path

from rasd.arabic.matcher import PhraseMatcher
from rasd.arabic.normalize import fold_str, strip_article
from rasd.arabic.numbers import NumberLexicon, _Pattern
from rasd.errors import KnowledgeError
from rasd.kb.yamlfile import KNOWLEDGE_DIR, load, require, str_list

_FILE = KNOWLEDGE_DIR / "numbers.yaml"


def _line_of(needle: str, path: Path) -> int | str:
    """The first line of numbers.yaml holding ``needle`` (errors in plain lists name a line too)."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n
    return "?"


def _bad(needle: str, msg: str, path: Path) -> None:
    raise KnowledgeError(f"{path.name}:{_line_of(needle, path)}: {msg}")


def _key(word: str, path: Path = _FILE) -> str:
    toks = fold_str(word).split()
    if len(toks) != 1:
        _bad(word, f"'{word}' must be a single word", path)
    return toks[0]


def _pattern(phrase: str, path: Path = _FILE) -> _Pattern:
    parts: list[tuple[str, str | int]] = []
    for w in phrase.split():
        if w == "...":
            parts.append(("gap", 3))
        elif w.endswith("*"):
            parts.append(("p", fold_str(w[:-1])))
        else:
            parts.append(("w", strip_article(fold_str(w))))
    if not parts or parts[0][0] == "gap" or parts[-1][0] == "gap" or any(
            k != "gap" and not v for k, v in parts):
        _bad(phrase, f"'{phrase}' is not a valid pattern (words, word*, ... between words)", path)
    return _Pattern(tuple(parts))


def _index(patterns: tuple[_Pattern, ...]):
    """Patterns by their first word (exact) or first prefix, so a token tries only a few."""
    exact: dict[str, list[_Pattern]] = {}
    prefixed: list[tuple[str, _Pattern]] = []
    for p in patterns:
        kind, key = p.parts[0]
        if kind == "w":
            exact.setdefault(str(key), []).append(p)
        else:
            prefixed.append((str(key), p))
    return exact, prefixed


def _grammar(data: dict, path: Path) -> dict:
    g = data.get("grammar")
    require(isinstance(g, dict), path, data, "'grammar' must be a mapping")
    for name in ("and", "article", "accusative", "marbuta", "marbuta_bound"):
        require(isinstance(g.get(name), str) and g[name].strip(), path, g, f"grammar: '{name}' is missing")
    out = {k: fold_str(v) for k, v in g.items() if isinstance(v, str)}
    for name in ("conjunctions", "prepositions", "dual_endings"):
        out[name] = [fold_str(x) for x in str_list(path, g, name)]
    return out


def lexicon(path: Path | None = None) -> NumberLexicon:
    """Load and validate numbers.yaml (not cached); KnowledgeError names file and line."""
    path = path or _FILE
    data = load(path)
    require(isinstance(data, dict), path, {}, "the file must be a mapping")
    gr = _grammar(data, path)
    words: dict[str, list[tuple[str, int]]] = {}

    def add(form: str, cls: str, value: int) -> None:
        words.setdefault(_key(form, path), []).append((cls, value))

    for section, cls in (("units", "unit"), ("teen_only", "teen_only"), ("tens", "ten"),
                         ("hundreds", "hundred")):
        table = data.get(section)
        require(isinstance(table, dict), path, data, f"'{section}' must map values to word lists")
        for value, forms in table.items():
            if value == "__line__":
                continue
            require(isinstance(value, int) and value > 0, path, table,
                    f"'{section}': key {value!r} must be a positive integer")
            for form in str_list(path, {section: forms, "__line__": table["__line__"]}, section):
                add(form, cls, value)
    for form in str_list(path, data, "teen_suffix"):
        add(form, "teen_suffix", 10)
    for scale, forms in (data.get("scales") or {}).items():
        if scale == "__line__":
            continue
        require(isinstance(scale, int) and isinstance(forms, dict), path, data["scales"],
                f"scale {scale!r} must be an integer with one/two/plural lists")
        for n in ("one", "two", "plural"):
            for form in str_list(path, forms, n):
                add(form, "scale_" + n, scale)
    for form in str_list(path, data, "one_of"):
        add(form, "one_of", 1)

    vague: PhraseMatcher = PhraseMatcher()
    for entry in data.get("vague") or []:
        require(isinstance(entry, dict) and isinstance(entry.get("value"), int), path, entry,
                "a vague entry needs an integer 'value' and 'words'")
        for w in str_list(path, entry, "words"):
            vague.add(w, entry["value"])
    qualifiers: PhraseMatcher = PhraseMatcher()
    for kind in ("about", "at_least"):
        for w in str_list(path, data, kind):
            qualifiers.add(w, kind)
    after = PhraseMatcher((w, "at_least") for w in str_list(path, data, "at_least_after"))

    nouns: dict[str, tuple[str, bool]] = {}
    plurals: set[str] = set()
    for entry in data.get("counted_nouns") or []:
        require(isinstance(entry, dict) and isinstance(entry.get("singular"), str)
                and isinstance(entry.get("person"), bool), path, entry,
                "a counted noun needs 'singular', 'plural' and 'person: true|false'")
        sg = _key(entry["singular"], path)
        person = entry["person"]
        for p in str_list(path, entry, "plural"):
            nouns[_key(p, path)] = ("pl", person)
            plurals.add(_key(p, path))
        nouns.setdefault(sg, ("sg", person))
        nouns.setdefault(sg + gr["accusative"], ("sg", person))  # after 11..99: "12 مدنيا"
        bound = sg[:-1] + gr["marbuta_bound"] if sg.endswith(gr["marbuta"]) else sg
        for ending in gr["dual_endings"]:
            nouns.setdefault(bound + ending, ("du", person))
    # A nisba dual in -ين is spelled like the plural (مدنيين): the plural reading wins.
    for p in plurals:
        nouns[p] = (nouns[p][0] if nouns[p][0] != "du" else "pl", nouns[p][1])

    patterns = {name: tuple(_pattern(p, path) for p in str_list(path, data, name))
                for name in ("kill_before", "dead_after", "kill_after", "wound", "subset",
                             "break_words", "no_casualties", "unknown_casualties", "alive_after",
                             "thing_after", "death_notice", "dead_or_wounded")}
    return NumberLexicon({k: tuple(v) for k, v in words.items()}, nouns, vague, qualifiers, after,
                    frozenset(_key(w, path) for w in str_list(path, data, "one_of_not_before")),
                    {name: _index(pats) for name, pats in patterns.items()},
                    re.compile("^[{}]?[{}]?$".format("".join(gr["conjunctions"]),
                                                     "".join(gr["prepositions"]))),
                    "".join(gr["conjunctions"] + gr["prepositions"]), gr["and"], gr["article"])
