"""rasd.stages.mentions.context: the token predicates a finder reads (round 21: name parts)."""
from __future__ import annotations

from conftest import at

from rasd.stages.mentions.context import owned_word, plural_nisba


def test_a_plural_adjective_or_a_noun_with_a_pronoun_is_no_name_part(finder):
    """الأوروبيين، الشخصيين: a plural relative adjective; طائفته، أصغرهم: a noun with an attached
    pronoun (round 21); names ending in ه or نا alone stay names."""
    f = finder("وقال حراس سامر الشخصيين إن سامر وطائفته العلوية غادروا.")
    assert not f.name_like(at(f, "الشخصيين"))
    assert not f.name_like(at(f, "وطائفته"), first=True)
    assert plural_nisba("الاوروبيين") and plural_nisba("سوريون") and not plural_nisba("ليون")
    assert owned_word("طائفته") and owned_word("اصغرهم") and owned_word("لشبيحته")
    assert not any(owned_word(w) for w in ("طه", "عبده", "وجيه", "رنا", "مها", "ابراهيم"))
