"""The codes exporters write (ACLED, PLOVER), loaded from ``rasd/knowledge/acled.yaml``.

The file is checked when first used; a malformed entry raises :class:`KnowledgeError` naming
the file and line (design §4).  Lookups of Arabic names go through ``gold_key`` so spelling
variants (hamza, teh marbuta, diacritics) and the article ال match.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from rasd.arabic.normalize import gold_key, strip_article
from rasd.errors import KnowledgeError

PATH = Path(__file__).resolve().parent.parent / "knowledge" / "acled.yaml"

RASD_TYPES = ("ARMED_CLASH", "TERRITORY_TAKEN", "AIRSTRIKE", "SHELLING", "BOMBING", "CHEMICAL_ATTACK",
              "ATTACK_ON_CIVILIANS", "ABDUCTION", "ARREST", "PROTEST", "RIOT", "MOBILIZATION",
              "DEFECTION", "ALLIANCE", "AGREEMENT", "MEETING", "PRISONER_RELEASE",
              "TERRITORY_HANDOVER", "CASUALTIES")
CATEGORIES = ("state_force", "non_state_armed_group", "coalition", "government", "political",
              "international", "civilians", "other")
_WORD = re.compile(r"\w+")


class _Map(dict):
    """A YAML mapping that remembers the line of each key (1-based)."""

    lines: dict
    line: int


class _Loader(yaml.SafeLoader):
    pass


def _construct_map(loader: _Loader, node: yaml.MappingNode) -> _Map:
    m = _Map(loader.construct_mapping(node, deep=True))
    m.line = node.start_mark.line + 1
    m.lines = {k.value: k.start_mark.line + 1 for k, _ in node.value}
    return m


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)


def _fail(where: _Map, key: str | None, msg: str, path: Path) -> KnowledgeError:
    line = where.lines.get(key, where.line) if key is not None else where.line
    return KnowledgeError(f"{path}:{line}: {msg}")


def _words(s: str) -> tuple[str, ...]:
    """The words of a name, folded, without the article (a pure function; a Codebook caches it)."""
    return tuple(strip_article(w) for w in _WORD.findall(gold_key(s)))


def _key(s: str) -> str:
    return " ".join(_words(s))


@dataclass(frozen=True)
class Codebook:
    raw: dict
    names: dict[tuple[str, ...], str]           # words of a country name or adjective → ISO3
    admin1: dict[str, tuple[str, str]]          # key of an Arabic/English governorate → (ISO3, en)
    outlets: dict[str, dict]                    # key of an outlet name or alias → entry

    def __post_init__(self) -> None:
        # the words of a name, cached by this codebook (bounded; names recur over an export)
        object.__setattr__(self, "_words", lru_cache(maxsize=1 << 16)(_words))

    def _key(self, s: str) -> str:
        return " ".join(self._words(s))

    # --- countries -------------------------------------------------------------------------
    def country(self, iso3: str | None) -> dict:
        return self.raw["countries"].get(iso3 or "", {})

    def country_in(self, name: str | None) -> str | None:
        """ISO3 of the first country word or phrase found in a name (``الجيش التركي`` → TUR)."""
        words = self._words(name or "")
        for i in range(len(words)):
            for n in range(min(3, len(words) - i), 0, -1):
                iso3 = self.names.get(words[i:i + n])
                if iso3:
                    return iso3
        return None

    def iso3(self, value: str | None) -> str | None:
        """An ISO3 code given as a code or a country name, else None."""
        if not value:
            return None
        if value.upper() in self.raw["countries"]:
            return value.upper()
        return self.names.get(self._words(value))

    def admin1_of(self, name: str | None) -> tuple[str, str] | None:
        return self.admin1.get(self._key(name)) if name else None

    # --- ACLED -----------------------------------------------------------------------------
    def inter(self, category: str | None, actor_country: str | None, event_country: str | None) -> int:
        codes = self.raw["inter"]
        if (category in codes["foreign_categories"] and actor_country and event_country
                and actor_country != event_country):
            return codes["foreign"]
        return codes["categories"].get(category or "other", codes["categories"]["other"])

    def event_type(self, acled_event_type: str | None) -> dict:
        return self.raw["event_types"].get(acled_event_type or "", {})

    def disorder_type(self, event_type: str | None, sub_event_type: str | None) -> str:
        return (self.raw["sub_event_disorder"].get(sub_event_type or "")
                or self.event_type(event_type).get("disorder_type", ""))

    def source_scale(self, outlet: str | None, event_country: str | None) -> str:
        entry = self.outlets.get(self._key(outlet or ""))
        if entry is None:
            return "Other"
        if "scale" in entry:
            return entry["scale"]
        if not event_country:
            return "Other"
        if entry["country"] == event_country:
            return "National"
        same_region = self.country(entry["country"]).get("region") == self.country(event_country).get("region")
        return "Regional" if same_region else "International"


def _check(raw, path: Path) -> None:
    if not isinstance(raw, _Map):
        raise KnowledgeError(f"{path}:1: expected a mapping at the top level")
    for section in ("countries", "admin1", "inter", "event_types", "sub_event_disorder",
                    "time_precision", "outlets", "verbs", "modality_notes", "plover"):
        if section not in raw:
            raise _fail(raw, None, f"missing section {section!r}", path)
    countries = raw["countries"]
    for iso3, c in countries.items():
        if not (isinstance(c, _Map) and isinstance(c.get("name"), str) and isinstance(c.get("iso"), int)
                and isinstance(c.get("region"), str) and isinstance(c.get("names"), list)):
            raise _fail(countries, iso3, f"country {iso3!r} needs name, iso (number), region and names", path)
    for iso3 in raw["admin1"]:
        if iso3 not in countries:
            raise _fail(raw["admin1"], iso3, f"admin1 of unknown country {iso3!r}", path)
        for unit in raw["admin1"][iso3]:
            if not (isinstance(unit, _Map) and isinstance(unit.get("en"), str) and unit.get("ar")):
                raise _fail(raw["admin1"], iso3, f"an admin1 unit of {iso3} needs en and ar", path)
    inter = raw["inter"]
    for cat in CATEGORIES:
        if not isinstance(inter["categories"].get(cat), int):
            raise _fail(inter["categories"], None, f"inter code missing for category {cat!r}", path)
    for o in raw["outlets"]:
        if not isinstance(o, _Map) or not isinstance(o.get("name"), str):
            raise KnowledgeError(f"{path}:{getattr(o, 'line', '?')}: an outlet needs a name")
        if ("scale" in o) == ("country" in o) or ("country" in o and o["country"] not in countries):
            raise _fail(o, "name", f"outlet {o['name']!r} needs either a scale or a known country", path)
    verbs = raw["verbs"]
    missing = [t for t in RASD_TYPES if t not in verbs]
    if missing:
        raise _fail(verbs, None, f"verbs: no entry for {', '.join(missing)}", path)
    for t, v in verbs.items():
        if not (isinstance(v, _Map) and isinstance(v.get("with"), str) and isinstance(v.get("alone"), str)):
            raise _fail(verbs, t, f"verbs of {t} need 'with' and 'alone'", path)
    for part in ("modes", "contexts"):
        missing = [t for t in RASD_TYPES if t not in raw["plover"][part]]
        if missing:
            raise _fail(raw["plover"][part], None, f"plover {part}: no entry for {', '.join(missing)}", path)


def load(path: Path = PATH) -> Codebook:
    """Read and check a codebook file (``rasd kb check`` can call this on an edited copy)."""
    try:
        with open(path, encoding="utf-8") as f:
            raw = yaml.load(f, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except OSError as e:
        raise KnowledgeError(f"{path}: cannot read ({e.strerror})") from e
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise KnowledgeError(f"{path}:{mark.line + 1 if mark else '?'}: {getattr(e, 'problem', e)}") from e
    _check(raw, path)
    names = {_words(n): iso3 for iso3, c in raw["countries"].items() for n in c["names"]}
    admin1 = {_key(n): (iso3, unit["en"]) for iso3, units in raw["admin1"].items()
              for unit in units for n in [unit["en"], *unit["ar"]]}
    outlets = {_key(n): o for o in raw["outlets"] for n in [o["name"], *o.get("aliases", [])]}
    return Codebook(raw, names, admin1, outlets)


def codebook() -> Codebook:
    """The codebook of the current data dir's Resources (its ``codebook`` part, built once there)."""
    from rasd.kb.resources import default_resources

    return default_resources().codebook
