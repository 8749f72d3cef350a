"""The SQLite store: reports, sources, entities, mentions, events (merged across reports)."""
from rasd.store.store import EventFilter, Store, parse_bbox

__all__ = ["EventFilter", "Store", "parse_bbox"]
