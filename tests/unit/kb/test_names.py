"""rasd.kb.names: given names mined from the news (invented articles in a news folder the test
writes; the leak check on the real corpora is tests/quality/test_news_camel_leak.py)."""
from __future__ import annotations

import gzip
import json
import zipfile
from collections import Counter

from rasd.arabic.normalize import fold_str
from rasd.kb import names

COMMON = {fold_str(w) for w in ("عام", "قال")}


def _cues(**kw) -> names.NameCues:
    return names.NameCues.from_knowledge(COMMON, **kw)


def _cued(text: str, **kw) -> set[str]:
    return names.cued_words(fold_str(text), _cues(**kw))[0]


def test_the_word_after_a_definite_title_and_its_phrase_is_cued():
    assert _cued("قال الرئيس الأوكراني فولوديمير زيلينسكي إن") == {fold_str("فولوديمير")}
    assert _cued("استشهد الطفل كريم سامي في القصف") == {fold_str("كريم")}     # a role noun of name_cues
    assert _cued("والوزير يوآف غالانت") == {fold_str("يوآف")}                 # a conjunction on the cue


def test_an_indefinite_title_heads_a_construct_not_a_name():
    assert _cued("قال رئيس مجلس النواب إن") == set()


def test_a_word_not_followed_by_a_name_part_is_not_cued():
    assert _cued("قال الرئيس أوباما. ثم") == set()          # punctuation after it
    assert _cued("وصل الرئيس يوم الأحد") == set()             # a stop word
    assert _cued("قال الشيخ سامر عام ٢٠١٥") == set()        # an ordinary word after it


def test_a_title_that_begins_a_place_name_cues_nothing():
    assert _cued("قتل في الشيخ زويد سيناء", places=["الشيخ زويد"]) == set()
    assert _cued("قتل في الشيخ زويد سيناء") == {fold_str("زويد")}


def test_a_patronymic_chain_shows_the_given_name_before_its_lineage_word():
    f = fold_str
    assert _cued("وصل محمد بن سلمان إلى") == {f("محمد")}
    assert _cued("التقى إيتمار بن غفير") == {f("إيتمار")}           # not غفير: بن heads family names
    assert _cued("سعود بن فيصل بن عبد") == {f("سعود"), f("فيصل")}   # each name before a بن
    assert _cued("قال أسامة بن لادن إن") == {f("أسامة")}          # not the word after بن


def test_a_lineage_word_outside_a_name_shows_nothing():
    assert _cued("مركزات بن وشاي") == set()           # coffee and tea: a conjunction after بن
    assert _cued("قال إن بن سلمان") == set()           # a stop word before بن
    assert _cued("محمد بن. ثم") == set()               # nothing bare after بن
    assert _cued("وصل محمد ابن سلمان") == set()         # ابن is also the noun "son"


def test_the_words_after_a_place_word_are_counted():
    assert names.cued_words(fold_str("قصفوا موقع بركة ريشا ومسجد عمر"), _cues())[2] == {
        fold_str("بركة"), fold_str("عمر")}


def test_a_word_more_often_after_a_place_word_than_after_a_cue_is_no_name():
    f = fold_str
    cued, df = Counter({f("بركة"): 5, f("عمر"): 9}), Counter({f("بركة"): 40, f("عمر"): 40})
    placed = Counter({f("بركة"): 12, f("عمر"): 3})
    assert names.pick_news_names(cued, df, _cues(), placed=placed) == {f("عمر"): 9}
    assert names.pick_news_names(cued, df, _cues()) == {f("بركة"): 5, f("عمر"): 9}


def test_picking_keeps_names_and_drops_ordinary_words_and_clitic_forms():
    cues = _cues()
    f = fold_str
    cued = Counter({f("يوآف"): 5, f("جديد"): 5, f("بالديوان"): 5, f("نادر"): 2, f("وسيتحرك"): 5})
    df = Counter({f("يوآف"): 20, f("جديد"): 20, f("الجديد"): 40, f("بالديوان"): 10, f("الديوان"): 30,
                  f("نادر"): 2, f("وسيتحرك"): 10, f("سيتحرك"): 10})
    assert names.pick_news_names(cued, df, cues) == {f("يوآف"): 5}
    assert names.pick_news_names(cued, df, cues, known=frozenset({f("يوآف")})) == {}
    df[f("يوآف")] = 200                                       # cued in 5 of 200 documents: too rarely
    assert names.pick_news_names(cued, df, cues) == {}


def _news(root, saudi: list[str], mayadeen: list[str]) -> None:
    (root / "news").mkdir(parents=True)
    with zipfile.ZipFile(root / "news" / "day.zip", "w") as z:
        z.writestr("day.json", json.dumps([{"content": t} for t in saudi], ensure_ascii=False))
    (root / "news2").mkdir()
    with gzip.open(root / "news2" / "part-0000.jsonl.gz", "wt", encoding="utf-8") as fh:
        for n, t in enumerate(mayadeen):
            fh.write(json.dumps({"id": n, "content": t}, ensure_ascii=False) + "\n")


def test_build_reads_both_corpora_and_never_the_ner_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("RASD_DATA_DIR", str(tmp_path))
    _news(tmp_path, ["قال الأمير مشاري بن سعود إن"] * 2, ["أعلن الوزير مشاري الخالد أن", "وصل مشاري"])
    (tmp_path / "ner").mkdir()   # a name only the NER corpora hold is not the miner's to read
    (tmp_path / "ner" / "ANERCorp.txt").write_text("قال O\nالرئيس O\nكرمول B-PERS\nالعلي I-PERS\n",
                                                   encoding="utf-8")
    counts = names.build_news_names(tmp_path, tmp_path / names.NEWS_FILE, COMMON, every=1)
    assert counts == {"news articles read for names": 4, "given names from the news": 1,
                      "cued ordinary-word given names from the news": 0}
    assert names.news_names() == frozenset({fold_str("مشاري")})


def test_without_news_the_list_is_empty(tmp_path, monkeypatch):
    monkeypatch.setenv("RASD_DATA_DIR", str(tmp_path))
    names.build_news_names(tmp_path, tmp_path / names.NEWS_FILE, COMMON)
    assert names.news_names() == frozenset()
    assert names.news_names(tmp_path / "absent") == frozenset()


def test_a_missing_list_is_empty_and_a_corrupt_one_an_error(tmp_path):
    import pytest

    from rasd.errors import DataMissingError

    assert names.news_names(tmp_path) == frozenset()
    (tmp_path / names.NEWS_FILE).write_text("{not json", encoding="utf-8")
    with pytest.raises(DataMissingError, match="unreadable"):
        names.news_names(tmp_path)
    (tmp_path / names.NEWS_FILE).write_text('{"version": 1}', encoding="utf-8")
    with pytest.raises(DataMissingError):
        names.news_names(tmp_path)


def test_the_name_stoplist_is_read_folded_and_a_missing_list_is_an_error(tmp_path):
    """rasd.kb.names.name_stoplist, which the NER stage's rank words read too: the words folded;
    a geo_cues.yaml without the list raises KnowledgeError naming the file (not: no rank words)."""
    import pytest

    from rasd.errors import KnowledgeError
    from rasd.stages.ner import _rank_words

    class Res:
        def __init__(self, path):
            self.path = path

        def knowledge(self, name):
            return self.path / f"{name}.yaml"

    good = tmp_path / "good"
    good.mkdir()
    (good / "geo_cues.yaml").write_text("name_stoplist: [الرئيس, العميد]\n", encoding="utf-8")
    assert _rank_words(Res(good)) == {fold_str("الرئيس"), fold_str("العميد")}
    assert names.name_stoplist({"name_stoplist": ["الرئيس"]}) == {fold_str("الرئيس")}
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "geo_cues.yaml").write_text("name_stoplist_: [الرئيس]\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="geo_cues.yaml"):
        _rank_words(Res(bad))
    (bad / "geo_cues.yaml").write_text("name_stoplist: [الرئيس, 3]\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="geo_cues.yaml"):
        _rank_words(Res(bad))


def test_the_cued_tier_keeps_cued_ordinary_words_and_drops_forms_titles_and_accusatives():
    """pick_cued_words: a word cued often enough but rejected as a given name alone (an ordinary
    word, or too rarely cued) joins the tier; a known name, a bare title, an accusative in alif of a
    word written more often without it, and a word too rarely cued even for the tier do not."""
    f = fold_str
    cues = _cues()
    cued = Counter({f("ثابت"): 8, f("دكتور"): 9, f("خلفا"): 10, f("يوآف"): 5, f("نادر"): 4, f("جديد"): 6})
    df = Counter({f("ثابت"): 229, f("الثابت"): 187, f("دكتور"): 20, f("خلفا"): 200, f("خلف"): 900,
                  f("يوآف"): 20, f("نادر"): 20, f("جديد"): 6000})
    assert names.pick_cued_words(cued, df, cues, known=frozenset({f("يوآف")})) == {f("ثابت"): 8, f("نادر"): 4}
    assert f("ثابت") not in names.pick_news_names(cued, df, cues)    # no given name alone


def test_build_writes_the_cued_tier_beside_the_news_names(tmp_path, monkeypatch):
    monkeypatch.setenv("RASD_DATA_DIR", str(tmp_path))
    names.build_news_names(tmp_path, tmp_path / names.NEWS_FILE, COMMON)
    assert (tmp_path / names.CUED_FILE).is_file() and names.cued_names() == frozenset()
    assert names.cued_names(tmp_path / "absent") == frozenset()


# module-level constants of names.py that are no miner setting: the names of the files written, and a letter
_NOT_SETTINGS = {"FILENAME", "NEWS_FILE", "CUED_FILE", "ALIF"}


def test_miner_settings_hold_every_uppercase_setting_of_the_module():
    """A threshold or corpus choice added to names.py and left out of miner_settings() would not
    rebuild the name lists when changed (rasd.kb.install hashes the dict)."""
    import json

    settings = names.miner_settings()
    consts = {k: v for k, v in vars(names).items() if k.isupper() and not k.startswith("_") and k not in _NOT_SETTINGS}
    assert consts, "names.py has no settings?"
    for k, v in consts.items():
        want = {f: sorted(t) for f, t in v.items()} if isinstance(v, dict) else sorted(v) \
            if isinstance(v, frozenset) else v
        assert settings.get(k.lower()) == want, k
    json.dumps(settings, sort_keys=True)     # hashable as install hashes it


def test_a_word_with_the_article_that_opens_one_word_person_spans_is_no_given_name(tmp_path, monkeypatch):
    """الكرمول alone as a person, again and again (a family name or a people read alone), is no given
    name; البرند (a foreign name whose first letters are the article's) opens longer spans and stays,
    as does a bare given name read alone (round 22)."""
    monkeypatch.setenv("RASD_DATA_DIR", str(tmp_path / "data"))
    ner = tmp_path / "ner"
    ner.mkdir()
    (ner / "ANERCorp.txt").write_text(
        "قال O\nالكرمول B-PERS\n. O\nوقال O\nالكرمول B-PERS\nإن O\n. O\nالبرند B-PERS\nزيتون I-PERS\n. O\n"
        "البرند B-PERS\nزيتون I-PERS\n. O\nسامر B-PERS\n. O\nسامر B-PERS\n. O\n"
        "وأكد O\nكرمول B-PERS\n. O\n", encoding="utf-8")
    (ner / "ANERCorp_CamelLab_test.txt").write_text("كرمول B-PERS\n. O\n", encoding="utf-8")
    names.build_names(ner, tmp_path / "data" / names.FILENAME)
    assert names.given_names() == {fold_str("البرند"), "سامر"}
    stored = json.loads((tmp_path / "data" / names.FILENAME).read_text(encoding="utf-8"))
    assert fold_str("الكرمول") in stored["names"] and stored["family_alone"] == [fold_str("الكرمول")]   # the CRF's
    person, _, _, _, alone = names.count_given_names(ner)
    assert alone[fold_str("الكرمول")] == 2 and person[fold_str("الكرمول")] == 2 and alone[fold_str("البرند")] == 0
