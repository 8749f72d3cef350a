"""The two things every source yields: a report to store, or a rejected input with its reason.

Nothing is dropped silently (design §8): every input a source meets becomes exactly one of
these, so ``read == stored + duplicates + quarantined`` holds for a whole batch.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

# Reason codes of rejected inputs (the quarantine table's ``reason`` column).
UNREADABLE = "unreadable"        # the file or URL could not be read at all
UNDECODABLE = "undecodable"      # bytes in no encoding we can detect
UNSUPPORTED = "unsupported"      # a file kind rasd does not read
BAD_RECORD = "bad_record"        # a JSON line or array item without text or html
EMPTY = "empty"                  # nothing left after boilerplate removal
NOT_ARABIC = "not_arabic"        # too few Arabic letters
TOO_LARGE = "too_large"          # larger than rasd reads as one report
EXTRACT_FAILED = "extract_failed"  # the pipeline raised on this report
STORE_FAILED = "store_failed"    # the report could not be written (a value the database refuses)
REFUSED = "refused"              # a URL rasd will not fetch (scheme, private address)
BAD_METADATA = "bad_metadata"    # a malformed publication date or other metadata

REASONS = (UNREADABLE, UNDECODABLE, UNSUPPORTED, BAD_RECORD, EMPTY, NOT_ARABIC, TOO_LARGE,
           EXTRACT_FAILED, STORE_FAILED, REFUSED, BAD_METADATA)


@dataclass(frozen=True, slots=True)
class RawReport:
    """One report as a source gives it: plain ``text`` or an ``html`` page (one of the two).

    ``origin`` says where it came from (a path, ``archive.zip!member``, ``file.jsonl#12``, a URL)
    and is what the quarantine lists if the report is rejected later.
    """

    origin: str
    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    doc_id: str | None = None          # the user's id for the report (an index, a JSON record)
    fallback_published: str | None = None   # a date to use when the page gives none (WARC, HTTP)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Rejected:
    origin: str
    reason: str
    message: str


@dataclass(frozen=True, slots=True)
class Report:
    """A report ready to store: cleaned ``text`` and its identity ``sha`` (sha256 of the text)."""

    origin: str
    sha: str
    text: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    doc_id: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(kw_only=True)
class Tally:
    """What became of a run's inputs, shared by an ingest, a batch shard and a whole batch:
    ``read == stored + duplicates + quarantined`` once the run is over."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    quarantined: int = 0
    reasons: Counter = field(default_factory=Counter)

    def add_tally(self, other: "Tally") -> None:
        """Count ``other``'s inputs in this tally too."""
        self.read += other.read
        self.stored += other.stored
        self.duplicates += other.duplicates
        self.quarantined += other.quarantined
        self.reasons.update(other.reasons)

    def tally_json(self) -> dict:
        return {"read": self.read, "stored": self.stored, "duplicates": self.duplicates,
                "quarantined": self.quarantined, "reasons": dict(sorted(self.reasons.items()))}
