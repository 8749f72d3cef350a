"""rasd.stages.events.lexicon: how a word finds the triggers it may open (real knowledge files)."""
from __future__ import annotations

import copy

from rasd.arabic.clitics import letters
from rasd.kb.resources import Resources

RES = Resources("/nonexistent-rasd-data")


def test_the_first_letters_gate_leaves_every_trigger_candidate_in_place():
    """A reading whose first letters open no trigger (no two-letter first word, no longer one's
    first three letters) is skipped: the answers stay those of the full look-up, for every trigger
    form with and without proclitics, and for other words."""
    L = RES.triggers
    assert L._heads is not None
    ungated = copy.copy(L)
    ungated._heads = None
    with RES.scope():
        Lt = letters()
        firsts = {d.pattern[0].rstrip("*") for ds in L.exact.values() for d in ds}
        firsts |= {p + "ات" for table in L.prefix.values() for p in table}
        pre = ["", *Lt.conj, *Lt.preps, Lt.article, Lt.conj[0] + Lt.preps[0], Lt.lam_article]
        keys = [p + w for w in sorted(firsts) for p in pre] + ["كرمول", "زيتوني", "مدينه", "قال", "وقال"]
        found = 0
        for key in keys:
            got = L._candidates(key)
            assert got == ungated._candidates(key), key
            found += bool(got)
        assert found > len(firsts)   # the forms themselves are found, behind their proclitics too
