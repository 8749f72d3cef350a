"""Reading dates.yaml into the date knowledge of rasd.arabic.dates: month names, date words and the
compiled date pattern (validated; errors name file and line)."""
from __future__ import annotations

import re
from pathlib import Path

from rasd.arabic.dates import DateKnowledge, _alt, _key
from rasd.arabic.numbers import NumberLexicon
from rasd.errors import KnowledgeError
from rasd.kb.yamlfile import KNOWLEDGE_DIR, load, require, str_list

_DEFAULT_FILE = KNOWLEDGE_DIR / "dates.yaml"


def _table(data: dict, section: str, key_name: str, value_name: str | None = None, path: Path = _DEFAULT_FILE):
    """Entries of a list of mappings {key_name: …, words: […]} as folded word → entry."""
    out = {}
    entries = data.get(section)
    require(isinstance(entries, list), path, data, f"'{section}' must be a list")
    for e in entries:
        require(isinstance(e, dict) and key_name in e, path, e, f"'{section}' entries need '{key_name}'")
        for w in str_list(path, e, "words"):
            out[_key(w)] = e
    return out


def _numbered(data: dict, section: str, path: Path = _DEFAULT_FILE) -> dict[str, int]:
    table = data.get(section)
    require(isinstance(table, dict), path, data, f"'{section}' must map numbers to word lists")
    out = {}
    for n, words in table.items():
        if n == "__line__":
            continue
        require(isinstance(n, int), path, table, f"'{section}': {n!r} must be a number")
        for w in str_list(path, {"w": words, "__line__": table["__line__"]}, "w"):
            out[_key(w)] = n
    return out


def knowledge(path: Path | None = None, numbers: NumberLexicon | None = None) -> DateKnowledge:
    """Load dates.yaml and compile the date regex (not cached); KnowledgeError names file and line.
    ``numbers`` is the number lexicon (read from numbers.yaml beside ``path`` when not given)."""
    from rasd.kb.numbers import lexicon

    path = path or _DEFAULT_FILE
    numbers = numbers or lexicon(path.with_name("numbers.yaml"))
    data = load(path)
    require(isinstance(data, dict), path, {}, "the file must be a mapping")
    months = {}
    for w, e in _table(data, "months", "month", path=path).items():
        require(e.get("calendar") in ("gregorian", "hijri") and e["month"] in range(1, 13), path, e,
                "a month needs 'month: 1..12' and 'calendar: gregorian|hijri'")
        months[w] = (e["calendar"], e["month"], bool(e.get("strict")))
    rel = {w: e["offset"] for w, e in _table(data, "relative_days", "offset", path=path).items()}
    periods = {}
    for w, e in _table(data, "relative_periods", "unit", path=path).items():
        require(e["unit"] in ("week", "month", "year") and isinstance(e.get("offset"), int), path, e,
                "a period needs 'unit: week|month|year' and an integer 'offset'")
        periods[w] = (e["unit"], e["offset"])
    units = {}
    for e in data.get("units") or []:
        require(isinstance(e, dict) and e.get("unit") in ("day", "week", "month", "year"), path, e,
                "a unit needs 'unit: day|week|month|year'")
        for form in ("singular", "dual", "plural"):
            for w in str_list(path, e, form):
                units[_key(w)] = (e["unit"], form)
    vague = data.get("vague_count")
    if not isinstance(vague, int) or vague < 1:
        raise KnowledgeError(f"{path.name}: 'vague_count' must be a positive integer")
    ordinals, weekdays = _numbered(data, "ordinals", path), _numbered(data, "weekdays", path)
    words = {name: [_key(w) for w in str_list(path, data, name)]
             for name in ("month_word", "year_words", "hijri_era", "gregorian_era", "day_word",
                          "past_words", "future_words", "day_parts", "ago_words", "since_words",
                          "of_words", "equals_words")}
    return DateKnowledge(_compile(months, ordinals, weekdays, rel, periods, units, words, numbers.proclitics), months,
                      ordinals, weekdays, rel, periods, units, frozenset(words["hijri_era"]),
                      frozenset(words["past_words"]), frozenset(words["since_words"]), vague, numbers)


def _compile(months, ordinals, weekdays, rel, periods, units, w, proclitics: str) -> re.Pattern:
    month, wd, day_word = _alt(months), _alt(weekdays), _alt(w["day_word"])
    era = _alt(w["hijri_era"] + w["gregorian_era"])
    of = rf"(?:\s+(?:{_alt(w['of_words'])}))?"
    proclitics = re.escape(proclitics)
    year = (rf"{of}\s*(?:(?:{_alt(w['year_words'])})\s+)?(?P<{{y}}>\d{{{{4}}}})"
            rf"(?:\s*(?P<{{e}}>{era})(?!\w))?")
    parts = rf"(?:(?:{_alt(w['day_parts'])})\s+)"
    month2 = rf"(?:\s*[/(\-]\s*(?:{month})\s*\)?)?"
    # a day or month without a year, then a year relative to the published date (24 شباط العام الماضي)
    ryear = _alt([p for p, (unit, _) in periods.items() if unit == "year"])
    absolute = (
        rf"(?P<since>(?:{_alt(w['since_words'])})\s+)?"
        rf"(?:{parts}?(?:(?:{day_word})\s+)?(?:{wd})\s+(?:(?:{_alt(w['equals_words'])})\s+)?)?"
        rf"(?:(?P<nd>\d{{1,2}})\s*(?P<sep>[/.\-])\s*(?P<nm>\d{{1,2}})\s*(?P=sep)\s*(?P<ny>\d{{4}})"
        rf"|(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})"
        rf"|(?P<day>\d{{1,2}}|{_alt(ordinals)}){of}\s+(?:(?:{_alt(w['month_word'])})\s+)?"
        rf"(?P<month>{month}){month2}(?:{year.format(y='year', e='era')}|{of}\s+(?P<ryear>{ryear}))?"
        rf"|(?P<mword>(?:{_alt(w['month_word'])})\s+)?(?P<month_a>{month}){month2}"
        rf"(?:{year.format(y='year_a', e='era_a')}|{of}\s+(?P<ryear_a>{ryear}))?"
        rf"|(?:{_alt(w['year_words'])})\s+(?P<year_y>\d{{4}})(?:\s*(?P<era_y>{era})(?!\w))?)")
    relative = (
        rf"{parts}?(?P<rday>{_alt(rel)})"
        rf"|(?P<part>{parts})?(?:(?:{day_word})\s+)?(?P<wd>{wd})"
        rf"(?:\s+(?P<wdmod>{_alt(w['past_words'] + w['future_words'])}))?"
        rf"|(?P<period>{_alt(periods)})"
        rf"|(?P<ago>{_alt(w['ago_words'] + w['since_words'])})\s+(?P<amount>(?:\S+\s+){{0,3}}?)"
        rf"(?P<unit>{_alt(units)})")
    # every date opens (after its proclitics) on a digit or on the first word of one of these lists:
    # a look-ahead over them, factored by letters (_prefix_tree), lets the search leave a word that
    # opens none of them after a few letter tests instead of trying every branch of the pattern
    # (the same matches; about a tenth of the search's work on news sentences)
    firsts = [*w["since_words"], *w["day_parts"], *w["day_word"], *weekdays, *ordinals, *w["month_word"],
              *months, *w["year_words"], *rel, *periods, *w["ago_words"]]
    heads = {f.split()[0] if f.split() else "" for f in firsts}
    opens = "" if not heads or "" in heads else rf"(?=[{proclitics}]{{0,2}}(?:\d|{_prefix_tree(heads)}))"
    return re.compile(rf"(?<!\w){opens}[{proclitics}]{{0,2}}(?P<core>{absolute}|{relative})(?!\w)")


def _prefix_tree(words) -> str:
    """A regex matching at a position where one of ``words`` (non-empty) starts, as a tree of their
    letters (اب|ابريل|امس → ا(?:ب|مس)): a word that another one starts with is enough alone."""
    tree: dict = {}
    for word in sorted(words, key=len):
        node = tree
        for c in word:
            if node.get("") is True:
                break   # a shorter word already matches here
            node = node.setdefault(c, {})
        else:
            node.clear()
            node[""] = True

    def emit(node: dict) -> str:
        if node.get("") is True:
            return ""
        alts = [re.escape(c) + emit(sub) for c, sub in sorted(node.items())]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(tree)


# ---- reading ----------------------------------------------------------------------------------
