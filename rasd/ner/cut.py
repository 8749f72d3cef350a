"""A CRF span that cuts a compound name in two.

Read from a window, the CRF may end a person's span on a word that only joins a name to the next
one (أبو عبد | الله اليمني، الشيخ عبد | الله: عبد، بن، أبو): an Arabic name never ends on such a
word (rasd.stages.mentions.persons._lineage says the same of the pattern names), so the span is
no name as it stands; the pattern finder's reading of the words holds.
"""
from __future__ import annotations

from collections.abc import Callable


def ends_on_joiner(last: str, is_joiner: Callable[[str], bool]) -> bool:
    """The folded last word of a person span is a name joiner (even one the given-name list holds,
    as عبد opens many names there: it opens them, it does not end them)."""
    return is_joiner(last)


def closed_by_comma(gap: str) -> bool:
    """The text after a pattern person's last word is a comma: the name was read between commas
    (an apposition after its role, rasd.stages.mentions.persons._apposition), which the CRF's window
    does not weigh; the CRF may not cut it short.  So too a full stop or an opening bracket (… نمر.
    المقاومون، … عزوقة (19 عاماً)): the name ends there, set off as a whole, and a family name the
    pattern closed there (rasd.stages.mentions.persons._closing_family) is no verb run on into it."""
    return gap.strip() in ("،", ",", ".", "(")
