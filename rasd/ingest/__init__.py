"""Reading reports from anything an analyst points at: files, folders, URLs, feeds, crawls, archives.

``read_source(SOURCE)`` yields :class:`RawReport` or :class:`Rejected` records;
:func:`rasd.ingest.prepare.prepare` turns a RawReport into a :class:`Report` ready to store, and
:func:`rasd.store.ingest.ingest` (in the store package) runs the whole batch.
"""
from rasd.ingest.records import RawReport, Rejected, Report

__all__ = ["RawReport", "Rejected", "Report"]
