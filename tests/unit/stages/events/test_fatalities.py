"""Death tolls on hand-written sentences (rasd/stages/events/fatalities.py, over the number reader)."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.kb.numbers import lexicon
from rasd.stages.events.fatalities import read_toll

LEX = lexicon()
ARABIC = st.text(alphabet=st.sampled_from(list("قتلمدنيوعشرينخمسةأحدآلافغارتنحو0123456789٣٥ ،.-/ـً")),
                 max_size=60)


@pytest.mark.parametrize("text,value,kind,span", [
    ("أدى القصف إلى مقتل 12 مدنيا في 7 تموز", 12, "exact", "12"),
    ("قتل 15 آخرون في الاشتباكات", 15, "exact", "15"),
    ("سقوط 12 قتيلا و30 جريحا", 12, "exact", "12"),
    ("قتل مدني وجرح عشرة آخرين", 1, "exact", "مدني"),
    ("ارتفع عدد القتلى إلى 20", 20, "exact", "20"),
    ("مقتل 12 من قوات النظام و9 من المعارضة", 21, "exact", "12 من قوات النظام و9"),
    ("لقي 5 أشخاص حتفهم", 5, "exact", "5"),
    ("أسفر عن مقتل طفلين", 2, "exact", "طفلين"),
    ("مقتل 5 بينهم 3 أطفال", 5, "exact", "5"),
    ("أودى بحياة ما لا يقل عن 8 أشخاص", 8, "at_least", "ما لا يقل عن 8"),
    ("استشهد نحو عشرين شخصا", 20, "about", "نحو عشرين"),
    ("مقتل مدني في قصف على 3 قرى", 1, "exact", "مدني"),
    ("سقط القصف دون وقوع إصابات", 0, "exact", "دون وقوع إصابات"),
    ("اقتصرت أضرارها على الخسائر المادية", 0, "exact", "اقتصرت أضرارها على الخسائر المادية"),
    ("لم يصب أحد بأذى", 0, "exact", "لم يصب أحد"),
])
def test_fatalities(text, value, kind, span):
    got = read_toll("xx " + text, LEX, 100)
    assert (got.value, got.kind) == (value, kind)
    assert ("xx " + text)[got.start - 100:got.end - 100] == span


@pytest.mark.parametrize("text", [
    "دون معلومات عن خسائر بشرية", "سقوط قتلى وجرحى", "شن الطيران 5 غارات", "جرح 30 شخصا",
    "دون معلومات عن وقوع إصابات", "وصل 40 مقاتلا إلى البلدة"])
def test_no_fatalities(text):
    assert read_toll(text, LEX, 0) is None



@settings(max_examples=300, deadline=None)
@given(ARABIC)
def test_tolls_never_raise_and_spans_inside(text):
    f = read_toll(text, LEX, 7)
    if f is not None:
        assert 7 <= f.start < f.end <= len(text) + 7 and f.value >= 0


@settings(deadline=None)
@given(st.text(max_size=80))
def test_tolls_any_text(text):
    read_toll(text, LEX, 0)


def test_a_toll_followed_by_and_wounding_others_is_still_a_toll():
    # "killed three soldiers and wounded others": the wounding opens a new clause
    assert read_toll("أدى الهجوم إلى مقتل ثلاثة جنود وإصابة آخرين", LEX).value == 3


# ---- counts whose counted noun (تمييز) counts no dead; definite death nouns (toll13) ----

@pytest.mark.parametrize("text,value", [
    ("قتل خمسة أشخاص ونزح 400 ألف نازح", 5),           # displaced are alive: not joined to the toll
    ("مقتل 20 معتقلا تحت التعذيب", 20),                 # a killing word governs the count
    ("أعلنت الحركة أن 50 أسيرا قتلوا في القصف", 50),     # a killing word after it governs it
    ("مقتل طفل عمره 18 شهرا", 1),                       # an age is no toll
    ("قتل 3 عناصر وهدم 50 منزلا", 3),
    ("أدى القصف إلى سقوط شهيد في خان يونس", 1),         # indefinite: one dead
    ("أعلنت الهيئة استشهاد الأسير خالد في السجن", 1),     # definite, governed by a killing word
    ("زفت المقاومة الشهيد علي حسن من بلدة عيناتا", 1),   # definite, in a death notice
])
def test_counted_noun_and_definite(text, value):
    got = read_toll(text, LEX)
    assert got is not None and got.value == value


@pytest.mark.parametrize("text,wrong", [
    ("قتل شخص ثم نزح 400 ألف نازح من المدينة", 400000),     # the scan back would reach قتل
    ("قتلت القوات فتى يبلغ من العمر 18 عاما", 18),
    ("اعتقلت القوات 200 معتقل ضمن حملة قتل", 200),
    ("أعلنت كتائب الشهيد عز الدين القسام قصف موقع عسكري", 1),   # a name, not a death
    ("اختير رئيسا للمكتب السياسي خلفا للشهيد إسماعيل", 1),
])
def test_no_toll_from_counts_of_the_living_or_titles(text, wrong):
    got = read_toll(text, LEX)
    assert got is None or got.value != wrong, got


@pytest.mark.parametrize("text,value", [
    ("فجروا عبوة في قوة للاحتلال وأوقعوا أفرادها بين قتيل وجريح", None),   # dead and wounded, shares unknown
    ("خسرت الكتيبة ربع قواتها بين قتيل ومصاب إذ قتل 88 جنديا", 88),      # a count elsewhere is still read
])
def test_dead_or_wounded_counts_no_one(text, value):
    got = read_toll(text, LEX)
    assert (got.value if got else None) == value


ROOTS = st.lists(st.text(alphabet=st.sampled_from(list("قتلشهدا")), max_size=4), max_size=5)


@settings(max_examples=300, deadline=None)
@given(ROOTS, st.text(alphabet=st.sampled_from(list("قتلشهدا ي،")), max_size=40), st.data())
def test_the_roots_found_once_for_the_key_answer_as_the_alternation_searched_in_each_slice(words, key, data):
    """holds_root over root_sites of the whole key is the lexicon's alternation searched in key[a:b]:
    overlapping occurrences (قتقتل), a root cut by the slice's ends, an empty root (found anywhere)."""
    from rasd.stages.events.fatalities import holds_root, root_sites
    from rasd.stages.events.lexicon import alternation
    a = data.draw(st.integers(0, len(key)))
    b = data.draw(st.integers(a, len(key)))
    pattern = alternation(words)
    assert holds_root(root_sites(key, words), a, b) == bool(pattern and pattern.search(key[a:b]))


def test_a_root_inside_a_sentence_is_found_and_one_cut_by_its_end_is_not():
    from rasd.stages.events.fatalities import holds_root, root_sites
    key = "قصف البلدة ومقتل شخص"
    sites = root_sites(key, ["مقتل", "قتلى"])
    at = key.index("مقتل")
    assert holds_root(sites, 0, len(key)) and holds_root(sites, at, at + 4)
    assert not holds_root(sites, 0, at + 3) and not holds_root(sites, at + 1, len(key))
