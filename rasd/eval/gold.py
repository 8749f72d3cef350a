"""Load and validate gold files (spec/gold.md) and the reports and predictions they point to.

A gold file is JSON lines, one report per line.  Every malformed line raises :class:`GoldError`
naming ``file:line`` and the field at fault, so a typo in a hand-written key is caught when the
file is loaded rather than silently scoring as a miss.
"""
from __future__ import annotations

import gzip
import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from rasd.errors import GoldError, InputError

# The contract of spec/ontology.md; a gold type outside it could never be matched.
EVENT_TYPES = frozenset({
    "ARMED_CLASH", "TERRITORY_TAKEN", "AIRSTRIKE", "SHELLING", "BOMBING", "CHEMICAL_ATTACK",
    "ATTACK_ON_CIVILIANS", "ABDUCTION", "ARREST", "PROTEST", "RIOT", "MOBILIZATION", "DEFECTION",
    "ALLIANCE", "AGREEMENT", "MEETING", "PRISONER_RELEASE", "TERRITORY_HANDOVER", "CASUALTIES",
})
RELATION_TYPES = frozenset({"LEADER_OF", "MEMBER_OF", "PART_OF", "ALLIED_WITH", "HOSTILE_TO",
                            "LOCATED_IN"})
MODALITIES = frozenset({"asserted", "negated", "planned", "conditional"})

# gold section → entity type of the rasd.document/1 contract
SECTIONS = {"actors": "ACTOR", "persons": "PERSON", "places": "PLACE"}


@dataclass(frozen=True)
class GoldRecord:
    """One validated gold line; ``data`` is the JSON object as written."""

    data: dict
    path: Path
    line: int
    shared_text: str | None = None  # the text of a ``shared:`` reference, read when loaded

    @property
    def doc_id(self) -> str:
        return self.data["doc_id"]

    @property
    def corpus_dir(self) -> Path:
        """``text_file`` is relative to ``corpus/``, the gold file's grandparent."""
        return self.path.resolve().parent.parent

    def text(self) -> str:
        if self.shared_text is not None:
            return self.shared_text
        p = self.corpus_dir / self.data["text_file"]
        try:
            return p.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputError(f"{self.path}:{self.line}: report {p} of {self.doc_id} does not exist",
                             hint="text_file is relative to the corpus/ folder above the gold file.",
                             ) from None


SHARED_PREFIX = "shared:"


def shared_data_dir(start: Path) -> Path:
    """The shared data folder: ``$RASD_SHARED_DATA``, else the first ``shared/data`` found beside
    ``start`` or one of its parents (the checkout's ``../shared/data``)."""
    env = os.environ.get("RASD_SHARED_DATA")
    if env:
        return Path(env)
    for d in [start.resolve(), *start.resolve().parents]:
        cand = d / "shared" / "data"
        if cand.is_dir():
            return cand
    raise InputError(f"no shared data folder found above {start}",
                     hint="put the shared folder beside the checkout (../shared) or set RASD_SHARED_DATA.")


def shared_article(ref: str, gold_path: Path, line: int, shards: dict) -> dict:
    """The article a ``text_file`` reference points at, read at run time from ../shared/data.

    ``shared:news2/part-0003.jsonl.gz#<id>`` names an Al Mayadeen article by its ``id``;
    ``shared:news/2015-07-21.zip#<n>`` the n-th (0-based) article of that day's SaudiNewsNet list.
    The report text is the title, a blank line, then the content, as in corpus/dev; the result
    also carries ``published``, ``outlet`` and ``url`` where the source has them.
    """
    where = f"{gold_path}:{line}"
    path_part, sep, key = ref[len(SHARED_PREFIX):].partition("#")
    if not sep or not key:
        raise GoldError(f"{where}: text_file {ref!r} needs '#<article id or index>'")
    f = shared_data_dir(gold_path.parent) / path_part
    if str(f) not in shards:  # a gold file points into the same few shards many times
        shards[str(f)] = _shard(f, where)
    articles = shards[str(f)]
    if key not in articles:
        raise GoldError(f"{where}: article {key!r} is not in {f}")
    return articles[key]


def _shard(p: Path, where: str) -> dict[str, dict]:
    """Articles of one shared shard by id (news2) or list index (news)."""
    if not p.is_file():
        raise GoldError(f"{where}: {p} does not exist",)
    out: dict[str, dict] = {}
    if p.name.endswith(".jsonl.gz"):
        with gzip.open(p, "rt", encoding="utf-8") as fh:
            for row in fh:
                if row.strip():
                    o = json.loads(row)
                    out[o["id"]] = _article(o, o.get("published"), o.get("source"))
    elif p.suffix == ".zip":
        with zipfile.ZipFile(p) as z:
            for name in z.namelist():
                for i, o in enumerate(json.loads(z.read(name))):
                    date = (o.get("date_extracted") or "")[:10] or None
                    out[str(i)] = _article(o, date, o.get("source"))
    else:
        raise GoldError(f"{where}: {p.name}: a shared reference points into a news zip or a "
                        ".jsonl.gz shard")
    return out


def _article(o: dict, published, outlet) -> dict:
    title, content = (o.get("title") or "").strip(), (o.get("content") or "").strip()
    return {"text": f"{title}\n\n{content}" if title else content, "published": published,
            "outlet": outlet, "url": o.get("url")}


def _fail(path: Path, line: int, msg: str) -> GoldError:
    return GoldError(f"{path}:{line}: {msg}")


def _check_str_list(rec: dict, name: str, where: str, fail) -> list:
    v = rec.get(name)
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise fail(f"{where}: '{name}' must be a list of strings")
    return v


def validate_record(rec: object, path: Path, line: int) -> None:
    """Raise GoldError unless ``rec`` follows spec/gold.md (keys resolve, types are known)."""
    def fail(msg: str) -> GoldError:
        return _fail(path, line, msg)

    if not isinstance(rec, dict):
        raise fail("a gold line must be a JSON object")
    for k in ("doc_id", "text_file"):
        if not isinstance(rec.get(k), str) or not rec[k]:
            raise fail(f"'{k}' must be a non-empty string")
    for k in (*SECTIONS, "events", "relations"):
        if not isinstance(rec.get(k), list):
            raise fail(f"'{k}' must be a list")
    types: dict[str, str] = {}
    for section, etype in SECTIONS.items():
        for i, ent in enumerate(rec[section]):
            where = f"{section}[{i}]"
            if not isinstance(ent, dict) or not isinstance(ent.get("key"), str):
                raise fail(f"{where}: needs a string 'key'")
            if ent["key"] in types:
                raise fail(f"{where}: key '{ent['key']}' is used twice")
            types[ent["key"]] = etype
            if not _check_str_list(ent, "aliases", where, fail):
                raise fail(f"{where}: 'aliases' is empty")
            if etype == "PLACE":
                _check_place(ent, where, fail)
    for i, ev in enumerate(rec["events"]):
        where = f"events[{i}]"
        if not isinstance(ev, dict):
            raise fail(f"{where}: must be an object")
        if ev.get("type") not in EVENT_TYPES:
            raise fail(f"{where}: unknown event type {ev.get('type')!r}")
        if ev.get("modality") not in MODALITIES:
            raise fail(f"{where}: modality must be one of {sorted(MODALITIES)}")
        if not isinstance(ev.get("evidence"), str) or not ev["evidence"].strip():
            raise fail(f"{where}: 'evidence' must be the quoted sentence")
        for role in ("agents", "targets", "partners", "places"):
            want = ("PLACE",) if role == "places" else ("ACTOR", "PERSON")
            for key in _check_str_list(ev, role, where, fail):
                if types.get(key) not in want:
                    raise fail(f"{where}: {role} key '{key}' is not a declared "
                               + ("place" if role == "places" else "actor or person"))
    for i, rel in enumerate(rec["relations"]):
        where = f"relations[{i}]"
        if not isinstance(rel, dict) or rel.get("type") not in RELATION_TYPES:
            raise fail(f"{where}: type must be one of {sorted(RELATION_TYPES)}")
        for end in ("head", "tail"):
            if rel.get(end) not in types:
                raise fail(f"{where}: {end} '{rel.get(end)}' is not a declared entity key")


def _check_place(ent: dict, where: str, fail) -> None:
    lat, lon = ent.get("lat"), ent.get("lon")
    if (lat is None) != (lon is None):
        raise fail(f"{where}: give both lat and lon, or neither")
    for v in (lat, lon, ent.get("tolerance_km")):
        if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))):
            raise fail(f"{where}: lat, lon and tolerance_km must be numbers or null")
    if lat is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise fail(f"{where}: coordinates out of range")
    tol = ent.get("tolerance_km")
    if tol is not None and tol <= 0:
        raise fail(f"{where}: tolerance_km must be positive")


def _json_lines(path: Path, error):
    """Yield (line number, object) for each non-blank line; ``error`` builds the exception."""
    try:
        lines = Path(path).read_text(encoding="utf-8").split("\n")  # not splitlines: U+2028 may sit in a string
    except FileNotFoundError:
        raise error(f"{path} does not exist") from None
    except (OSError, UnicodeDecodeError) as e:
        raise error(f"{path} cannot be read as UTF-8 text ({e})") from None
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            yield n, json.loads(raw)
        except json.JSONDecodeError as e:
            raise error(f"{path}:{n}: not valid JSON ({e.msg}, column {e.colno})") from None


def load_gold(path: str | Path) -> list[GoldRecord]:
    """Validated records of a gold file, with publication metadata filled in from a sibling
    ``index.jsonl`` (as in corpus/dev) where the record itself leaves it out."""
    path = Path(path)
    records, seen, shards = [], {}, {}
    for n, obj in _json_lines(path, GoldError):
        validate_record(obj, path, n)
        if obj["doc_id"] in seen:
            raise _fail(path, n, f"doc_id '{obj['doc_id']}' already on line {seen[obj['doc_id']]}")
        seen[obj["doc_id"]] = n
        text = None
        if obj["text_file"].startswith(SHARED_PREFIX):
            art = shared_article(obj["text_file"], path, n, shards)
            obj, text = _with_meta(obj, art), art["text"]
        records.append(GoldRecord(obj, path, n, text))
    index = path.parent / "index.jsonl"
    if index.is_file():
        meta = {o.get("doc_id"): o for _, o in _json_lines(index, GoldError) if isinstance(o, dict)}
        records = [GoldRecord(_with_meta(r.data, meta.get(r.doc_id, {})), r.path, r.line, r.shared_text)
                   for r in records]
    return records


def _with_meta(data: dict, meta: dict) -> dict:
    """``data`` with outlet/url/published taken from the index where the gold leaves them null."""
    return data | {k: meta[k] for k in ("outlet", "url", "published")
                   if data.get(k) is None and meta.get(k) is not None}


def load_predictions(path: str | Path) -> dict[str, dict]:
    """rasd.document/1 objects of a JSON-lines file, by doc_id."""
    path = Path(path)

    def error(msg: str) -> InputError:
        return InputError(msg, hint="--pred takes the JSON lines of `rasd extract --jsonl`.")

    docs: dict[str, dict] = {}
    for n, obj in _json_lines(path, error):
        if not isinstance(obj, dict) or not isinstance(obj.get("doc_id"), str):
            raise error(f"{path}:{n}: not a rasd.document/1 object (no doc_id)")
        for k in ("entities", "events", "relations"):
            if not isinstance(obj.get(k, []), list):
                raise error(f"{path}:{n}: '{k}' must be a list")
        docs[obj["doc_id"]] = obj
    return docs
