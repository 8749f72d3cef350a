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


import pytest  # noqa: E402

from rasd.errors import KnowledgeError  # noqa: E402


@pytest.mark.parametrize("old,new,key", [
    ("person_object_types: [ARREST", "person_object_types: [ARRESTS", "person_object_types"),
    ("no_topic_types: [CASUALTIES", "no_topic_types: [CASUALTY", "no_topic_types"),
    ("weapon_cues:\n  SHELLING:", "weapon_cues:\n  SHELLINGS:", "weapon_cues"),
])
def test_a_type_list_naming_no_ontology_type_is_an_error_with_its_file(tmp_path, old, new, key):
    """The type lists of triggers.yaml are checked against the ontology, not only for their shape:
    a misspelt type would otherwise switch a rule off without a word."""
    import shutil

    from rasd.kb.yamlfile import KNOWLEDGE_DIR
    kdir = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, kdir)
    p = kdir / "triggers.yaml"
    text = p.read_text(encoding="utf-8")
    assert old in text
    p.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=rf"triggers.yaml:\d+: {key} names an unknown event type"):
        Resources("/nonexistent-rasd-data", kdir).triggers
