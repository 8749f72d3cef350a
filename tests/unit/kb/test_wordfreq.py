"""Everyday words among village names, counted over a news folder the test writes."""
import json
import zipfile

from rasd.kb import wordfreq
from rasd.kb.gazetteer import Gazetteer, Place


def _gaz() -> Gazetteer:
    places = {"ocha:T1": Place("ocha:T1", "الملك", "Al-Malik", 35.0, 37.0, "locality"),
              "ocha:T2": Place("ocha:T2", "كفرنبودة", "Kafr Nabuda", 35.4, 36.5, "locality"),
              "admin:T3": Place("admin:T3", "حماة", "Hama", 35.1, 36.7, "governorate")}
    return Gazetteer(places, [("الملك", "ocha:T1"), ("كفرنبودة", "ocha:T2"), ("حماة", "admin:T3")])


def test_a_village_name_in_many_articles_is_an_everyday_word(tmp_path, monkeypatch):
    monkeypatch.setenv("RASD_DATA_DIR", str(tmp_path))
    news = tmp_path / "news"
    news.mkdir()
    articles = [{"content": f"استقبل الملك الوفد رقم {n}"} for n in range(300)]
    articles += [{"content": "قصفت قوات النظام قرية كفرنبودة"}, {"content": "اجتماع في حماة"}]
    with zipfile.ZipFile(news / "day.zip", "w") as z:
        z.writestr("day.json", json.dumps(articles, ensure_ascii=False))
    counts = wordfreq.build(news, _gaz(), tmp_path / wordfreq.FILENAME)
    assert counts["news articles read"] == 302
    assert wordfreq.everyday_place_words() == frozenset({"ملك"})   # not the village, not the governorate


def test_without_news_the_list_is_empty(tmp_path, monkeypatch):
    monkeypatch.setenv("RASD_DATA_DIR", str(tmp_path))
    wordfreq.build(tmp_path / "absent", _gaz(), tmp_path / wordfreq.FILENAME)
    assert wordfreq.everyday_place_words() == frozenset()
