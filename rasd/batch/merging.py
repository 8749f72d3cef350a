"""The cross-report merge as a distributed step, giving exactly the groups the SQLite store makes.

The store merges one event at a time, in the order reports arrive: an event joins the first
merged event (by creation) that is not already joined by its own report and has a member for
which :func:`rasd.store.merge.same_event` holds.  Only events that can be the same event
affect each other, so the merge splits without changing its result:

1. buckets: events of one type whose dates chain within ``merge.DAYS`` of each other (an
   unknown date, or a date that is not a day, is its own bucket): one task each;
2. inside a bucket, place cells: events sharing a place kb_id, or with places in the same or
   adjacent grid cells (cells wider than ``merge.PLACE_KM``), on dates within the window,
   are joined into components (union-find);
3. inside a component, the store's own rule, in arrival order (``seq``, then event order).

The rules themselves are :mod:`rasd.store.merge`'s functions, not rewritten here.
"""
from __future__ import annotations

import hashlib
import json
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rasd.store import merge

CELL_DEG = 0.25   # 0.25° of longitude is over 10 km up to 66° of latitude


@dataclass(frozen=True)
class Bucket:
    type: str
    dates: tuple[str | None, ...]

    @property
    def name(self) -> str:
        raw = json.dumps([self.type, self.dates[0], self.dates[-1], len(self.dates)])
        return hashlib.sha256(raw.encode()).hexdigest()[:20]


def buckets(pairs: Iterable[tuple[str, str | None]]) -> list[Bucket]:
    """Split distinct (type, date) pairs into buckets: chains of days within the merge window."""
    by_type: dict[str, set] = defaultdict(set)
    for type_, date_ in pairs:
        by_type[type_].add(date_)
    out = []
    for type_ in sorted(by_type):
        dates = by_type[type_]
        days = sorted(d for d in dates if d is not None and merge._day(d) is not None)
        others = sorted(d for d in dates if d is not None and merge._day(d) is None)
        chain: list[str] = []
        for d in days:
            if chain and not merge.same_date(chain[-1], d):
                out.append(Bucket(type_, tuple(chain)))
                chain = []
            chain.append(d)
        if chain:
            out.append(Bucket(type_, tuple(chain)))
        out += [Bucket(type_, (d,)) for d in others]
        if None in dates:
            out.append(Bucket(type_, (None,)))
    return out


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL_DEG), math.floor(lon / CELL_DEG)


def components(keys: list[merge.EventKey]) -> list[int]:
    """A component id per key: keys that may be the same event (place and date) share one."""
    uf = _UnionFind(len(keys))
    by_place: dict[object, list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        for kb_id, lat, lon in k.places:
            if kb_id is not None:
                by_place[("kb", kb_id)].append(i)
            if lat is not None and lon is not None:
                by_place[("cell", _cell(lat, lon))].append(i)

    def join_in_date_order(members: Iterable[int]) -> None:
        ordered = sorted(set(members), key=lambda i: (keys[i].date is None, keys[i].date or "", i))
        for a, b in zip(ordered, ordered[1:]):
            if merge.same_date(keys[a].date, keys[b].date):
                uf.union(a, b)

    for place, members in by_place.items():
        if place[0] == "kb":
            join_in_date_order(members)
            continue
        y, x = place[1]
        for dy, dx in ((0, 0), (0, 1), (1, -1), (1, 0), (1, 1)):   # each adjacent pair of cells once
            other = by_place.get(("cell", (y + dy, x + dx)))
            if other:
                join_in_date_order(members + other if (dy, dx) != (0, 0) else members)
    return [uf.find(i) for i in range(len(keys))]


def assign(reports: list[str], keys: list[merge.EventKey]) -> list[int]:
    """The merged group of each event, given in arrival order with its report: the store's rule
    (:meth:`rasd.store.Store._match`) applied within each component.  Groups are numbered by
    creation, as the store's merged ids are."""
    comp = components(keys)
    groups_of: dict[int, list[int]] = defaultdict(list)   # component → its groups, in creation order
    members: list[list[int]] = []                          # group → its events
    taken: dict[str, set[int]] = defaultdict(set)          # report → groups it already joined
    out = []
    for i, (report, key) in enumerate(zip(reports, keys)):
        found = None
        if key.places:
            for g in groups_of[comp[i]]:
                if g not in taken[report] and any(merge.same_event(key, keys[m]) for m in members[g]):
                    found = g
                    break
        if found is None:
            found = len(members)
            members.append([])
            groups_of[comp[i]].append(found)
        members[found].append(i)
        taken[report].add(found)
        out.append(found)
    return out
