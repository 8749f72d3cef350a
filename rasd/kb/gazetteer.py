"""The installed gazetteer: Syrian localities (OCHA/Syrian Archive), admin units (OpenSyria) and
world places (rasd/knowledge/world_places.yaml).

``build_gazetteer`` turns the source files into one pickle (plain tuples, a version key) that
``load_gazetteer`` reads in well under 0.3 s; pickle rather than SQLite because the whole table
(about 7,000 places) is wanted in memory anyway.  Lookup keys are folded (rasd.arabic.normalize)
with the leading article removed.
"""
from __future__ import annotations

import json
import pickle
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rasd.arabic.normalize import fold_str, strip_article
from rasd.errors import DataMissingError
from rasd.kb.yamlfile import load, require, str_list
from rasd.settings import data_dir

VERSION = 1
FILENAME = "gazetteer.pkl"
KINDS = ("locality", "neighbourhood", "subdistrict", "district", "governorate", "country", "city", "region")
ADMIN_KINDS = ("subdistrict", "district", "governorate")


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name_ar: str
    name_en: str
    lat: float
    lon: float
    kind: str
    admin1: str | None = None        # governorate (Arabic)
    admin2: str | None = None        # district
    admin3: str | None = None        # subdistrict
    admin_ids: tuple[str, ...] = ()  # ids of the admin units above, governorate first
    population: int | None = None
    rank: int = 0                    # tie-breaker: 3 district seat, 2 subdistrict seat, 1 village
    source: str = ""
    country: str = "sy"


def canon_word(w: str) -> str:
    """One word of :func:`canon`: the first word of ``canon(key)`` is ``canon_word`` of the key's first word."""
    if not w.startswith("الال"):   # once: what remains of الالتزام starts with ال again (idempotent)
        w = strip_article(w)
    if w.endswith("يه") and len(w) > 3:   # كفرية = كفريا, سورية = سوريا (a common spelling swap)
        return w[:-1] + "ا"
    return w[:-1] if w.endswith("اء") else w


def canon(key: str) -> str:
    """The index key of a folded name: per word, the article removed (تل الخنزير = تل خنزير),
    final ية read as يا, a final hamza after alef dropped (الحمراء = الحمرا); spaces collapsed.

    A pure function of its string, uncached here: a :class:`Gazetteer` keeps a bounded cache of it
    (``gaz.canon``) for the lookups that repeat."""
    return " ".join(canon_word(w) for w in key.replace("_", " ").split())


class Gazetteer:
    def __init__(self, places: dict[str, Place], aliases: list[tuple[str, str]]):
        self._places = places
        self._aliases = aliases
        # canon() of the keys this gazetteer is asked for, cached by the instance (bounded)
        self.canon = lru_cache(maxsize=1 << 16)(canon)
        index: dict[str, list[str]] = defaultdict(list)
        bare: set[tuple[str, str]] = set()
        for alias, pid in aliases:
            folded = fold_str(alias)
            key = canon(folded)
            ids = index[key]
            if pid not in ids:
                ids.append(pid)
            if strip_article(folded) == folded and places[pid].source == WORLD_SOURCE:
                bare.add((key, pid))
        self._index = dict(index)
        # (index key, place id) of the world list's aliases written without the article: an entry
        # whose display name has it (المجر، الموصل) may still list a bare form (هنغاريا، موصل) that
        # texts write bare, and the mention finder asks :meth:`written_bare` as well as the display
        # name. The Syrian gazetteers' bare alternates (كيلو، بندر for villages named الشيخ الأقرع،
        # الشهامة) come from transliteration lists never checked on the news: they keep the old rule
        self._bare = frozenset(bare)
        # the words an index key can start with: a lookup whose first word is not one of them
        # finds nothing, so phrase scans ask :meth:`may_start` before joining and folding longer keys
        self._firsts = frozenset(k.split(" ", 1)[0] for k in self._index)

    def __len__(self) -> int:
        return len(self._places)

    def names(self):
        """(Arabic alias, place id) for every place and every alias."""
        return iter(self._aliases)

    def get(self, place_id: str) -> Place:
        return self._places[place_id]

    def lookup(self, key: str) -> list[Place]:
        """All namesakes for a folded key (with or without the article)."""
        return [self._places[i] for i in self._index.get(self.canon(key), ())]

    def written_bare(self, key: str, place_id: str) -> bool:
        """Whether the world list gives the place a bare alias under this folded key (هنغاريا for
        المجر, موصل for الموصل)."""
        return (self.canon(key), place_id) in self._bare

    def may_start(self, word: str, canon_of: str | None = None) -> bool:
        """Whether some name's key starts with the folded word ``word`` (no spaces): when not,
        ``lookup(f"{word} …")`` is empty whatever follows. ``canon_of``: ``canon_word(word)``,
        when the caller has it."""
        return (canon_word(word) if canon_of is None else canon_of) in self._firsts

    def places(self):
        return iter(self._places.values())


def gazetteer_path(base: Path | None = None) -> Path:
    return (base or data_dir()) / FILENAME


def load_gazetteer(base: Path | None = None) -> Gazetteer:
    """Read the gazetteer installed in ``base`` (default: the data dir); not cached —
    :class:`rasd.kb.resources.Resources` keeps the one it reads."""
    p = gazetteer_path(base)
    try:
        with open(p, "rb") as f:
            data = pickle.load(f)
    except FileNotFoundError:
        raise DataMissingError(f"no gazetteer at {p}") from None
    except (pickle.UnpicklingError, EOFError, ValueError) as e:
        raise DataMissingError(f"the gazetteer at {p} is unreadable ({e})") from None
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise DataMissingError(f"the gazetteer at {p} was built by another rasd version")
    places = {t[0]: Place(*t) for t in data["places"]}
    return Gazetteer(places, data["aliases"])


# --- building ---------------------------------------------------------------------------------

def name_variants(name: str, qualifiers: frozenset[str], prefixes: frozenset[str],
                  admin_keys: frozenset[str] = frozenset(), seat: str = "") -> set[str]:
    """A gazetteer name and the shorter forms texts use: alternates split on '-', '_' or '/',
    without a type prefix (مركز، حي، قرية) and without a trailing qualifier (شرقي، تحتاني).
    An alternate that is an admin unit's name (جب الخفي_منبج) only disambiguates; it is dropped."""
    out = set()
    parts = [p.strip() for p in re.split(r"\s*[-_/]\s*", name) if p.strip()]
    if len(parts) > 1:
        parts = [p for p in parts if _key(p, seat) not in admin_keys]
    for p in {name.strip(), *parts}:
        p = " ".join(p.split())
        out.add(p)
        words = p.split()
        if len(words) > 1 and fold_str(words[0]) in prefixes:
            out.add(" ".join(words[1:]))
        if len(words) > 1 and fold_str(words[-1]) in qualifiers:
            out.add(" ".join(words[:-1]))
    return {v for v in out if len(canon(fold_str(v))) >= 2}


def _admin_units(os_dir: Path, forms: dict[str, str], seat: str):
    """OpenSyria governorates, districts, subdistricts → (places, aliases)."""
    places: dict[str, Place] = {}
    aliases: list[tuple[str, str]] = []
    by_os: dict[str, Place] = {}
    for fname, kind in (("governorates", "governorate"), ("districts", "district"),
                        ("subdistricts", "subdistrict")):
        word = forms[kind]
        for u in json.loads((os_dir / f"{fname}.json").read_text(encoding="utf-8")):
            pid = "admin:" + u["externalIds"]["ochaPcode"]
            gov = by_os.get(u.get("governorateId", ""))
            dis = by_os.get(u.get("districtId", ""))
            chain = [x for x in (gov, dis) if x is not None]
            pop = (u.get("population") or {}).get("value")
            p = Place(pid, u["name"]["ar"], u["name"]["en"], round(u["centroid"]["latitude"], 5),
                      round(u["centroid"]["longitude"], 5), kind,
                      admin1=gov.name_ar if gov else (u["name"]["ar"] if kind == "governorate" else None),
                      admin2=dis.name_ar if dis else (u["name"]["ar"] if kind == "district" else None),
                      admin3=u["name"]["ar"] if kind == "subdistrict" else None,
                      admin_ids=tuple(x.id for x in chain), population=pop,
                      rank={"governorate": 6, "district": 5, "subdistrict": 4}[kind], source="opensyria")
            places[pid] = p
            by_os[u["id"]] = p
            names = {u["name"]["ar"], *(a["value"] for a in u.get("aliases", []) if a["language"] == "ar")}
            bare = u["name"]["ar"].removeprefix(seat + " ").strip()
            names |= {bare, f"{word} {bare}"}
            aliases += [(n, pid) for n in sorted(names)]
    return places, aliases


def _key(s: str, seat: str) -> str:
    return canon(fold_str(s)).removeprefix(seat + " ").strip()


def build_gazetteer(geo_dir: Path, out: Path) -> dict:
    """Build the gazetteer pickle from ``geo_dir`` (syrianarchive_locations.json, open-syria/).

    Returns counts for the CLI summary.
    """
    path = "geo_cues.yaml"
    cues = load("geo_cues")
    quals = frozenset(fold_str(x) for x in str_list(path, cues, "name_qualifiers"))
    prefixes = frozenset(fold_str(x) for x in str_list(path, cues, "name_prefixes"))
    forms = cues.get("admin_forms") or {}
    require(all(isinstance(forms.get(k), str) for k in ADMIN_KINDS), path, cues,
            f"admin_forms must name the word for each of {ADMIN_KINDS}")
    seat = cues.get("seat_prefix")
    require(isinstance(seat, str) and bool(seat.strip()), path, cues, "seat_prefix must be a word")
    city_words = str_list(path, cues, "city_words")
    seat_key = fold_str(seat)
    places, aliases = _admin_units(geo_dir / "open-syria", forms, seat)
    admin = list(places.values())
    districts = defaultdict(list)
    subs = defaultdict(list)
    for p in admin:
        if p.kind == "district":
            districts[_key(p.name_ar, seat_key)].append(p)
        elif p.kind == "subdistrict":
            subs[_key(p.name_ar, seat_key)].append(p)
    gov_of = {p.id: p for p in admin if p.kind == "governorate"}
    admin_keys = frozenset(_key(p.name_ar, seat_key) for p in admin)
    by_pcode = {p.id.removeprefix("admin:"): p for p in admin}
    unlinked = skipped = 0
    seen_codes: set[str] = set()
    rows = json.loads((geo_dir / "syrianarchive_locations.json").read_text(encoding="utf-8"))
    for r in rows:
        try:
            lat, lon = round(float(r["lat"]), 5), round(float(r["lon"]), 5)
        except (TypeError, ValueError):
            skipped += 1  # a row without coordinates cannot geocode anything
            continue
        chain = r["search_name_ar"].split(" --- ")[0]
        code = (r.get("closest_geonames_post_code") or "").strip()
        if r.get("sa_loc_only") == "TRUE":
            parent, _, name = (r.get("old_sa_name") or chain).partition(":")
            name = name.strip() or parent.strip()
            unit = by_pcode.get(code)
            while unit is None and len(code) > 4:
                code = code[:-2]
                unit = by_pcode.get(code)
            sub = unit if unit and unit.kind == "subdistrict" else None
            dis = unit if unit and unit.kind == "district" else (places[unit.admin_ids[-1]] if sub else None)
            kind = "neighbourhood" if any(w in chain.split(":")[0] for w in city_words) else "locality"
            rank = 0
        else:
            parts = [p.strip() for p in chain.split(" - ")]
            name = parts[0]
            dis_cands = districts.get(_key(parts[-1], seat_key), [])
            dis = dis_cands[0] if dis_cands else None
            sub_cands = subs.get(_key(parts[-2], seat_key), []) if len(parts) >= 3 else []
            sub = next((s for s in sub_cands if dis and s.admin_ids[-1] == dis.id), None) or \
                (sub_cands[0] if len(sub_cands) == 1 else None)
            if dis is None and sub is not None:
                dis = places[sub.admin_ids[-1]]
            kind = "locality"
            k = _key(name, seat_key)
            seats = {_key(u.name_ar, seat_key) for u in (dis, gov_of.get(dis.admin_ids[0]) if dis else None) if u}
            rank = 3 if k in seats else 2 if sub and k == _key(sub.name_ar, seat_key) else 1
        if dis is None:
            unlinked += 1
        gov = gov_of.get(dis.admin_ids[0]) if dis else (unit if r.get("sa_loc_only") == "TRUE" and unit
                                                          and unit.kind == "governorate" else None)
        pid = f"ocha:{code}" if code.startswith("C") and code not in seen_codes else f"sa:{r['id']}"
        seen_codes.add(code)
        en = r["search_name_en"].split(" --- ")[0].split(" - ")[0].split(":")[-1].strip()
        p = Place(pid, name, en, lat, lon, kind,
                  admin1=gov.name_ar if gov else None, admin2=dis.name_ar if dis else None,
                  admin3=sub.name_ar if sub else None,
                  admin_ids=tuple(x.id for x in (gov, dis, sub) if x is not None),
                  rank=rank, source="syrianarchive")
        places[pid] = p
        aliases += [(v, pid) for v in sorted(name_variants(name, quals, prefixes, admin_keys, seat_key))]
    n_world = _add_world(places, aliases)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with open(tmp, "wb") as f:
        pickle.dump({"version": VERSION,
                     "places": [tuple(getattr(p, k) for k in Place.__slots__) for p in places.values()],
                     "aliases": aliases}, f, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(out)
    return {"places": len(places), "aliases": len(aliases), "admin units": len(admin),
            "world places": n_world, "localities without district": unlinked,
            "rows without coordinates": skipped}


NO_COUNTRY = "zz"   # world_places.yaml's prefix for a place in no one country (a continent, a sea)
WORLD_SOURCE = "rasd-world"   # Place.source of a world_places.yaml entry


def world_places(source: str | Path = "world_places") -> list[tuple[Place, list[str]]]:
    """world_places.yaml (the package's, or the file ``source``), validated: each entry's Place and its
    Arabic aliases."""
    path = Path(source).name if Path(source).suffix else "world_places.yaml"
    data = load(source)
    require(isinstance(data, list), path, {}, "the file must be a YAML list of places")
    out = []
    ids = set()
    for item in data:
        require(isinstance(item, dict), path, {}, "each entry must be a mapping")
        pid = item.get("id")
        require(isinstance(pid, str) and re.fullmatch(r"[a-z]{2}(-[a-z0-9-]+)?", pid) is not None, path, item,
                f"bad id {pid!r} (want 'iq' or 'iq-baghdad')")
        require(pid not in ids, path, item, f"duplicate id {pid!r}")
        ids.add(pid)
        require(item.get("kind") in KINDS, path, item, f"kind {item.get('kind')!r} is not one of {KINDS}")
        for k in ("lat", "lon"):
            require(isinstance(item.get(k), (int, float)), path, item, f"'{k}' must be a number")
        require(-90 <= item["lat"] <= 90 and -180 <= item["lon"] <= 180, path, item, "coordinates out of range")
        require(isinstance(item.get("en"), str), path, item, "'en' (English name) is required")
        ar = str_list(path, item, "ar")
        require(bool(ar), path, item, "'ar' must list at least one Arabic name")
        pop = item.get("population")
        require(pop is None or (isinstance(pop, int) and pop > 0), path, item, "'population' must be a positive integer")
        country = pid.split("-")[0]
        rank = {"country": 6, "region": 5, "city": 3}.get(item["kind"], 1) + int(item.get("capital", False))
        out.append((Place(f"world:{pid}", ar[0], item["en"], float(item["lat"]), float(item["lon"]),
                          item["kind"], admin1=item.get("admin1"),
                          admin_ids=() if item["kind"] == "country" or country == NO_COUNTRY else (f"world:{country}",),
                          population=pop, rank=rank, source=WORLD_SOURCE, country=country), ar))
    return out


def _add_world(places: dict[str, Place], aliases: list[tuple[str, str]]) -> int:
    wp = world_places()
    for p, ar in wp:
        places[p.id] = p
        aliases += [(a, p.id) for a in ar]
    return len(wp)
