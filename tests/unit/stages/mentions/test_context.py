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


def test_owned_word_reads_as_the_plain_scan_over_every_pronoun():
    """owned_word keeps, per Letters, the pronouns that extend the third person's and their
    shortest length: its verdict is the scan over every attached pronoun, on composed words of
    every length (a stem of 0–5 letters and one or two pronouns or the ت before one)."""
    from itertools import product

    from rasd.arabic.clitics import letters

    L = letters()
    h = min(L.attached_pronouns, key=len)

    def scan(key: str) -> bool:
        return any(p.startswith(h) and key.endswith(p) and len(key) - len(p) >= 3 and (
            len(p) > 1 or key[:-len(p)].endswith(L.feminine_before_pronoun)) for p in L.attached_pronouns)

    ends = ("", *L.attached_pronouns, L.feminine_before_pronoun)
    words = ["كتاب"[:n] + a + b for n in range(5) for a, b in product(ends, repeat=2)]
    assert any(map(scan, words)) and not all(map(scan, words))
    assert [owned_word(w) for w in words] == [scan(w) for w in words]
