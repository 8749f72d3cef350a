"""rasd.kb.parties: the party of a country a report names by name."""
from __future__ import annotations

from types import SimpleNamespace as NS

from rasd.kb.parties import named_party

KB = {k: NS(kb_id=k, country=c, category=cat) for k, c, cat in (
    ("actor:idf", "il", "state_force"), ("actor:israel", "il", "government"), ("actor:saa", "sy", "state_force"))}


def ment(kb_id, party_of=None, type_="ACTOR"):
    return NS(kb_id=kb_id, party_of=party_of, type=type_)


def test_a_force_named_once_comes_before_a_government_named_more():
    ms = [ment("actor:israel"), ment("actor:israel"), ment("actor:idf"), ment("actor:saa")]
    assert named_party(ms, KB, "il") == "actor:idf"
    assert named_party(ms[:2], KB, "il") == "actor:israel"


def test_a_nationality_adjective_or_another_country_names_no_party():
    assert named_party([ment("actor:idf", party_of="il"), ment("actor:saa")], KB, "il") is None
    assert named_party([ment("actor:idf", type_="SOURCE")], KB, "il") is None
