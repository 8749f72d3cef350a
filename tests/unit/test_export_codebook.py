"""The exporters' codebook (rasd/knowledge/acled.yaml): lookups and load-time checks."""
from __future__ import annotations

import pytest

from rasd.errors import KnowledgeError
from rasd.export.codebook import PATH, codebook, load


def test_country_words_in_actor_names_ignore_spelling_variants():
    cb = codebook()
    assert cb.country_in("الجيشُ التركيّ") == "TUR"            # diacritics
    assert cb.country_in("القوات الأمريكية") == "USA"           # hamza, teh marbuta, article
    assert cb.country_in("Military Forces of Russia (2000-)") == "RUS"
    assert cb.country_in("الحزب الإسلامي التركستاني") is None   # a word that merely starts alike
    assert cb.country_in(None) is None


def test_governorates_give_country_and_acled_spelling():
    cb = codebook()
    assert cb.admin1_of("حماه") == ("SYR", "Hama")
    assert cb.admin1_of("إدلب") == cb.admin1_of("ادلب") == ("SYR", "Idleb")
    assert cb.admin1_of("الانبار") == ("IRQ", "Anbar")
    assert cb.admin1_of("مكان لا يعرفه أحد") is None


def test_inter_codes_and_source_scale():
    cb = codebook()
    assert cb.inter("state_force", "SYR", "SYR") == 1
    assert cb.inter("state_force", "TUR", "SYR") == 8              # foreign state force
    assert cb.inter("non_state_armed_group", "TUR", "SYR") == 2    # foreign origin does not make a rebel 8
    assert cb.inter(None, None, "SYR") == 8
    assert cb.source_scale("SANA", "SYR") == "National"
    assert cb.source_scale("okaz", "SYR") == "Regional"
    assert cb.source_scale("okaz", None) == "Other"
    assert cb.source_scale("reuters", "IRQ") == "International"
    assert cb.source_scale("an outlet nobody listed", "SYR") == "Other"


def _broken(tmp_path, old: str, new: str):
    text = PATH.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "acled.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text[:text.index(old)].count("\n") + 1
    return path, line


def test_malformed_entry_names_file_and_line(tmp_path):
    path, line = _broken(tmp_path, "  SYR: {name: Syria, iso: 760,", "  SYR: {name: Syria, iso: seven,")
    with pytest.raises(KnowledgeError, match=rf"acled\.yaml:{line}: country 'SYR'"):
        load(path)


def test_missing_verb_and_yaml_syntax_errors_are_reported(tmp_path):
    path, _ = _broken(tmp_path, "  MEETING: {with: held talks with, alone: held talks}\n", "")
    with pytest.raises(KnowledgeError, match="no entry for MEETING"):
        load(path)
    path, line = _broken(tmp_path, '"Rioters ({country})"', "Rioters ({country})")
    with pytest.raises(KnowledgeError, match=rf"acled\.yaml:{line}:"):
        load(path)
    with pytest.raises(KnowledgeError, match="cannot read"):
        load(tmp_path / "absent.yaml")
