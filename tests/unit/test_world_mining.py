"""scripts/world_mining.py counts, once per article, the names written after a type word that no
place knows, alone, with the type word, or as the start of a longer known name."""
from __future__ import annotations

from script_loader import load_script

from rasd.arabic.normalize import fold_str
from rasd.kb.gazetteer import canon

KNOWN = {canon(fold_str(n)) for n in ["حلب", "قاعدة العند", "عيتا الشعب"]}


def knows(key):
    return canon(key) in KNOWN


def test_unknown_names_after_a_type_word_ranked_by_articles():
    wm = load_script("world_mining")
    texts = [("news", "قصفت الطائرات مدينة سوروج ثم مدينة سوروج مرة أخرى وبلدة حلب"),
             ("news", "هجوم على قاعدة العند قرب مدينة سوروج"),
             ("news2", "اشتباكات في بلدة عيتا الشعب ومدينة التي قصفت")]
    rows = {k: (df, word, written) for df, k, _cnt, word, written in wm.mine(texts, knows, min_df=1)}
    assert rows[fold_str("سوروج")] == (2, "مدينة", "سوروج")        # once per article, not per match
    assert fold_str("حلب") not in rows                              # known alone
    assert fold_str("العند") not in rows                            # known with its type word
    assert fold_str("عيتا") not in rows                             # the start of a known longer name
    assert fold_str("التي") not in rows                             # no name
    assert wm.mine(texts, knows, min_df=3) == []
