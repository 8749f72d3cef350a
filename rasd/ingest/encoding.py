"""Bytes → text for Arabic sources: UTF-8 first, then the declared charset, then detection.

Detection uses charset-normalizer (a maintained detector, the one requests/httpx rely on) rather
than a hand-written guesser.  Arabic news sites of the 2000s–2010s often serve Windows-1256; a
detector may call such bytes another single-byte code page, so a decoding that yields few Arabic
letters is retried as Windows-1256 and the one with more Arabic wins.
"""
from __future__ import annotations

import codecs
import re

import charset_normalizer

from rasd.errors import InputError

_PRINTABLE = frozenset(range(0x20, 0x7f)) | {0x09, 0x0a, 0x0d}
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def arabic_share(text: str) -> float:
    """Share of Arabic letters among all letters (0.0 when there are no letters)."""
    letters = arabic = 0
    for c in text:
        if c.isalpha():
            letters += 1
            if "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f":
                arabic += 1
    return arabic / letters if letters else 0.0


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or XML declaration names in the first 4 KB, if Python knows it."""
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None


def utf16_order(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when ``data`` looks like BOM-less UTF-16, else None.

    Arabic in UTF-16 has a high byte of 0x06 (letters) or 0x00 (spaces, digits, Latin
    punctuation) in nearly every code unit, on the odd bytes (little-endian) or the even ones,
    while the low bytes are rarely zero."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = data[:4096]
    if len(sample) < 8:
        return None
    sample = sample[:len(sample) // 2 * 2]
    for order, high, low in (("utf-16-le", sample[1::2], sample[0::2]),
                             ("utf-16-be", sample[0::2], sample[1::2])):
        if sum(b in (0x00, 0x06) for b in high) < 0.9 * len(high) or low.count(0) > 0.1 * len(low):
            continue
        latin = [lo for hi, lo in zip(high, low) if hi == 0]
        if sum(lo in _PRINTABLE for lo in latin) >= 0.9 * len(latin):   # not binary that has NULs
            return order
    return None


def decode(data: bytes) -> str:
    """Decode ``data``; raise :class:`InputError` when no encoding fits."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    order = utf16_order(data)
    if order is not None:
        try:
            return data.decode(order).lstrip("\ufeff")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # UTF-8 with a few broken bytes (a truncated download, a bad copy) is still UTF-8: keep the
    # text and mark the broken bytes with U+FFFD rather than read it all as another code page
    lenient = data.decode("utf-8", errors="replace")
    if lenient.count("\ufffd") <= max(3, len(lenient) // 200) and arabic_share(lenient) > 0.3:
        return lenient
    tried: list[str] = []
    declared = declared_charset(data)
    if declared and declared != "utf-8":
        try:
            tried.append(data.decode(declared))
        except UnicodeDecodeError:
            pass
    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        tried.append(str(best))
    try:
        tried.append(data.decode("cp1256"))
    except UnicodeDecodeError:
        pass
    if not tried:
        raise InputError("the bytes are in no encoding rasd can detect")
    return max(tried, key=arabic_share)
