"""scripts/_shared.py: one way for the scripts to find ../shared, and the news samplers of the
firing scripts (lexicon_fires, cue_firing, worth_firing, arg_rules, rule_fires) never reach a
held-out report (annotations/test), as install's readers and place_mining do not."""
from __future__ import annotations

import gzip
import json
import re
import zipfile
from pathlib import Path

import pytest
from script_loader import load_script

from rasd.kb.heldout import HeldOut, held_out

ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPTS = ROOT / "scripts"

HELD = "نص التقرير المحجوز للاختبار في صنعاء " * 20
OTHER = "نص مقال آخر عن غارة في حلب " * 20
THIRD = "نص مقال ثالث عن اشتباكات في درعا " * 20


def script(name: str):
    return load_script(name)


@pytest.fixture
def corpus(tmp_path):
    """A news folder (one zip) and a news2 folder (one shard), each with a held-out report between
    two others, and an annotations folder whose test part points at both held-out reports."""
    data = tmp_path / "data"
    (data / "news").mkdir(parents=True)
    (data / "news2").mkdir()
    arts = [{"title": "أ", "content": OTHER}, {"title": "ب", "content": HELD}, {"title": "ج", "content": THIRD}]
    with zipfile.ZipFile(data / "news" / "2015-07-20.zip", "w") as z:
        z.writestr("2015-07-20.json", json.dumps(arts, ensure_ascii=False))
    with gzip.open(data / "news2" / "part-000.jsonl.gz", "wt", encoding="utf-8") as f:
        for i, a in enumerate(arts):
            f.write(json.dumps({"id": f"n{i}", "url": f"https://x/news/{i}", **a}, ensure_ascii=False) + "\n")
    ann = tmp_path / "annotations"
    (ann / "test").mkdir(parents=True)
    (ann / "test" / "x.jsonl").write_text(
        "\n".join(json.dumps({"doc_id": d, "text_file": ref}) for d, ref in
                  (("t1", "shared:news/2015-07-20.zip#1"), ("t2", "shared:news2/part-000.jsonl.gz#n1"))) + "\n",
        encoding="utf-8")
    skip = held_out(data, ann)
    assert skip.articles == 2
    return data, skip


def bodies(texts) -> tuple[bool, bool]:
    """Whether the held-out body, and the other bodies, are among ``texts``."""
    texts = [t or "" for t in texts]
    return any(HELD in t for t in texts), any(OTHER in t for t in texts) and any(THIRD in t for t in texts)


def test_lexicon_fires_load(corpus):
    data, skip = corpus
    arts = script("lexicon_fires").load(data, ["news", "news2"], None, skip)
    assert bodies(a.text for a in arts) == (False, True)
    # the references still name each article's own place in its file
    assert {a.ref for a in arts} >= {"shared:news/2015-07-20.zip#2", "shared:news2/part-000.jsonl.gz#n2"}


@pytest.mark.parametrize("corpus_name", ["news", "news2"])
def test_cue_firing_and_worth_firing_sample(corpus, corpus_name):
    data, skip = corpus
    cf = script("cue_firing")
    arts = cf.sample(corpus_name, 10, 8, data, skip)
    assert bodies(a["content"] for a in arts) == (False, True)
    assert script("worth_firing").read_sample is cf.read_sample     # worth_firing and coref_merges read
    assert script("coref_merges").read_sample is cf.read_sample     # through cue_firing's draw

    class Echo:            # a pipeline that hands the text back, to see what read_sample ran
        def run(self, text):
            return text

    ran = [doc for _, _, doc in cf.read_sample(Echo(), [corpus_name], 10, 8, skip, data)]
    assert len(ran) == len(arts) and all(a["content"].strip() in t for a, t in zip(arts, ran))
    assert not bodies(ran)[0]                           # the held-out body never ran


def test_rule_fires_samples(corpus):
    data, skip = corpus
    rf = script("rule_fires")
    for arts in (rf.sample_news(data / "news", 10, skip), rf.sample_news2(data / "news2", 10, skip)):
        assert bodies(a["content"] for a in arts) == (False, True)


def test_arg_rules_articles(corpus, monkeypatch):
    data, skip = corpus
    ar = script("arg_rules")
    monkeypatch.setattr(ar, "annotated_titles", lambda shared: set())
    texts = [r.text for r in ar.articles(data.parent, None, 3, skip)]
    assert not any(HELD in t for t in texts) and any(OTHER in t for t in texts)
    # the sample's stride and the extra articles' would have taken it (every 4th from the 2nd)
    assert any(HELD in r.text for r in ar.articles(data.parent, None, 3, HeldOut()))


def test_the_samplers_find_the_held_out_reports_themselves_by_default(corpus, monkeypatch):
    """Without a ``skip`` the samplers read the held-out list under the data folder."""
    data, skip = corpus
    import rasd.kb.heldout as H
    monkeypatch.setattr(H.held_out, "__defaults__", (data.parent / "annotations",))
    assert bodies(a["content"] for a in script("cue_firing").sample("news", 10, 8, data)) == (False, True)
    assert bodies(a.text for a in script("lexicon_fires").load(data, ["news2"], None)) == (False, True)


def test_shared_or_exit_says_so_in_one_line(monkeypatch):
    sh = script("_shared")
    monkeypatch.setattr(sh, "shared_dir", lambda: None)
    with pytest.raises(SystemExit, match=r"^no \.\./shared folder"):
        sh.shared_or_exit()
    with pytest.raises(SystemExit):
        sh.data_or_exit()
    assert sh.data_or_exit(Path("/x/data")) == Path("/x/data")


def test_no_script_finds_shared_by_itself():
    """The exit and the ../shared path are written once, in _shared.py."""
    own = re.compile(r'shared_dir\(\)|"shared" / "data"|"shared" / "corpus"|Path\("\.\./shared|folder beside the checkout')
    culprits = [p.name for p in SCRIPTS.glob("*.py")
                if p.name != "_shared.py" and own.search(p.read_text(encoding="utf-8"))]
    assert culprits == []


def test_list_rules_sample_skips_the_held_out_reports(corpus):
    data, skip = corpus
    texts = script("list_rules").sample(data, 10, 1, skip)   # bodies read stripped, as `rasd eval` reads them
    assert not any(HELD.strip() in t for t in texts)
    assert sum(OTHER.strip() in t for t in texts) == 2 and sum(THIRD.strip() in t for t in texts) == 2
    assert len(texts) == 4    # two of each source, the held-out one of each left out
