"""What an export holds by default, shared by every exporter's caller (CLI, API).

Only asserted events are events: planned, negated and conditional ones are left out unless
``include_unasserted`` is set (ACLED CSV then tags them ``modality=…``).  Each record left out,
and each exported record an exporter cannot place on a map, is counted in a :class:`Tally`, so
the caller can say what was written and what was not (nothing is dropped silently).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

ASSERTED = "asserted"


def has_coordinates(record: dict) -> bool:
    return any(p.get("lat") is not None and p.get("lon") is not None for p in record.get("places") or [])


@dataclass
class Tally:
    records: int = 0                 # records the exporter was given
    left_out: Counter = field(default_factory=Counter)   # modality → records not exported
    no_coordinates: int = 0          # exported records with no place that has coordinates
    no_date: int = 0                 # exported records with neither an event nor a publication date

    def lines(self, fmt: str) -> list[str]:
        out = []
        if self.no_coordinates:
            where = ("not drawn (a GeoJSON feature needs a point)" if fmt == "geojson"
                     else "written with empty coordinates")
            out.append(f"{self.no_coordinates} events have no coordinates: {where}")
        if self.no_date:
            what = "left out (an ACLED row needs a date)" if fmt == "acled-csv" else "written without a date"
            out.append(f"{self.no_date} events have no date and no publication date: {what}")
        for modality, n in sorted(self.left_out.items()):
            out.append(f"{n} {modality} events left out (--all-modalities includes them)")
        return out


def select(records: Iterable[dict], tally: Tally, include_unasserted: bool = False) -> Iterator[dict]:
    """The records to export, counting what is left out and what lacks coordinates or a date."""
    from rasd.export.acled_csv import event_date

    for record in records:
        modality = record.get("modality") or ASSERTED
        if modality != ASSERTED and not include_unasserted:
            tally.left_out[modality] += 1
            continue
        tally.records += 1
        if not has_coordinates(record):
            tally.no_coordinates += 1
        if not event_date(record)[0]:
            tally.no_date += 1
        yield record
