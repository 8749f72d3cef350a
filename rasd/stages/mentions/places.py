"""Places: gazetteer names accepted by their context, names after a strong type word that no gazetteer
knows (تلة X), and the place a direction phrase names when its base is a country or a town."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from rasd.arabic.clitics import has_article, letters, starts_with_and, without_article
from rasd.arabic.matcher import Hit
from rasd.arabic.normalize import fold_str
from rasd.geo.regions import capital_name
from rasd.kb.gazetteer import WORLD_SOURCE
from rasd.stages.mentions.context import Finder
from rasd.stages.mentions.placeness import item_ends, minor_only, name_key, place_context, region_head, settled

_TYPE_WORDS = frozenset(("facility_cues", "strong_place_cues", "place_cues"))
# lists of the word before a gazetteer name that make it a place (a type word, a preposition)
_CUES_BEFORE = frozenset(("place_cues", "place_preps", "plural_place_cues"))
_NO_LISTS: frozenset = frozenset()
# lists of a word that is no one-word place without a strong type word before it
_NOT_WEAK = frozenset(("place_anaphors", "person_titles", "org_heads"))


def _multiword(f: Finder, i: int, h: Hit, cued: bool) -> Hit | None:
    """A gazetteer name of two or more words: a kunya-like name needs a cue; منطقة X needs X a name."""
    if f.is_(i, "kunya"):
        return h if cued else None
    if f.is_(i, "person_titles") and f.toks[i + 1].key in f.R.given and not cued:
        return None   # الشيخ أحمد، الشيخ محمد: a title and a given name name a man, not the village
    if f.is_(i, "place_cues") and h.j - h.i == 2:
        # منطقة X / محافظة X: the name after the type word must be a name, not على or الموهبة
        k = f.toks[i + 1].key
        if (k in f.R.common or f.is_(i + 1, "name_stops") or without_article(k) in f.R.common) \
                and not _listed_with_type_word(f, h):
            return None
    return h


def _listed_with_type_word(f: Finder, h: Hit) -> bool:
    """The world list names the place with its type word (محافظة ينبع، مستشفى الشفاء، مدينة العمارة):
    its authors list a name that is also an ordinary word only so (world_places.yaml), so the whole
    phrase is that place even though its second word alone is an ordinary word."""
    return any(f.R.gaz.get(p).source == WORLD_SOURCE for p in h.payloads)


def _everyday(f: Finder, i: int, h: Hit) -> bool:
    """A one-word name that is a common word of the NER corpora (جديدة; فرقة read as ف + رقة), unless
    a settlement word stands before it and it is not the start of a longer name (مستشفى الملك عبدالله).
    Village names the news uses mostly as ordinary words (الملك، المدينة) are ordinary_places.yaml's
    (`_ordinary_here`)."""
    t = f.toks[i]
    everyday = t.key[h.prefix:] in f.R.common or (h.prefix and t.key in f.R.common)
    if not everyday:
        return False
    return not settled(f, i, i + 1)


def _misread_article(f: Finder, i: int, h: Hit, places: list, strong: bool) -> bool:
    """The article was read off or onto a name: "السورية" is an adjective, not سورية; "ورقة" is
    و + ورقة (paper), not الرقة: a name written with the article is read with it."""
    L = letters()
    key = f.toks[i].key
    pre, word = key[:h.prefix], key[h.prefix:]
    if strong:
        return False
    article_read = pre.endswith(L.article) and not pre.endswith(L.lam_article)
    named_with = [fold_str(p.name_ar).startswith(L.article) for p in places]
    if article_read and not any(named_with):
        return True
    if has_article(word) or pre.endswith(L.article) or not all(named_with):
        return False
    # every namesake's name has the article: a bare word is a misreading unless the world list gives
    # that place a bare alias (المجر / هنغاريا: "في هنغاريا" is Hungary; الموصل / موصل)
    return not any(f.R.gaz.written_bare(word, p.id) for p in places)


def _agreeing_adjective(f: Finder, i: int, h: Hit, cued: bool) -> bool:
    """فرقة سورية، جنسيات سورية: an adjective agreeing with its noun."""
    L = letters()
    word, prev = f.toks[i].key[h.prefix:], f.key(i - 1)
    return word.endswith(L.nisba_suffixes[0]) and prev.endswith((L.feminine_ending, L.feminine_plural)) \
        and not has_article(prev) and not cued


def _one_word_evidence(f: Finder, i: int, h: Hit, strong: bool, prep: bool, coord: bool) -> list | None:
    """The namesakes of a one-word gazetteer name when it has the evidence a one-word name needs
    (many are also ordinary words: جروح، جديدة، السورية): a type word or a preposition before it,
    coordination, or being a major kind; and it is no type word, stop word or (without a strong
    cue) anaphor, title or organisation head itself. None when it lacks it."""
    lists = f.lists[i]
    if not lists.isdisjoint(_TYPE_WORDS):
        return None   # تل، تلة، منطقة: the type word of the name that follows
    if "name_stops" in lists:
        return None   # المحافظة على: a preposition is never a place, whatever stands before it
    if not strong and not lists.isdisjoint(_NOT_WEAK):
        return None
    places = [f.R.gaz.get(p) for p in h.payloads]
    if not (strong or prep or coord) and {p.kind for p in places}.isdisjoint(f.R.major_kinds):
        return None   # no evidence: the (pure) checks of _one_word cannot change that
    return places


def _one_word(f: Finder, i: int, h: Hit, strong: bool, prep: bool, places: list) -> Hit | None:
    """A one-word gazetteer name with the evidence of :func:`_one_word_evidence` (``places``: its
    namesakes): not an everyday word, an agreeing adjective or a misread article."""
    if (_everyday(f, i, h) and not (prep and _world_regions(places))) or _agreeing_adjective(f, i, h, strong or prep) \
            or _misread_article(f, i, h, places, strong):
        return None
    return h


def _world_regions(places: list) -> bool:
    """Every namesake is a region of the world list: an everyday word that names one (الجليل "venerable",
    Galilee) is that region right after a place preposition (في الجليل، إلى الجليل), where the
    adjective never stands (it follows the noun it praises: الصحابي الجليل). place28."""
    return bool(places) and all(p.source == WORLD_SOURCE and p.kind == "region" for p in places)


def place_hit(f: Finder, i: int) -> Hit | None:
    """A gazetteer name at token i, accepted when the context makes it a place."""
    h = f.place_at(i)
    if not h:
        return None
    strong = prep = False
    before = f.lists[i - 1] if i > 0 else _NO_LISTS
    if not before.isdisjoint(_CUES_BEFORE) and f.joined(i - 1):   # the gap is looked at only when it matters
        strong = "place_cues" in before
        prep = "place_preps" in before or "plural_place_cues" in before
    coord = f.coordinated_place(i) and (starts_with_and(f.toks[i].key) or item_ends(f, h.j))
    places = None
    if h.j - h.i < 2:
        # a one-word name without the evidence it needs is refused whatever else holds: every test
        # here is a pure function of the document, so the dearer ones below (its context) are skipped
        places = _one_word_evidence(f, i, h, strong, prep, coord)
        if places is None:
            return None
    if not coord and _ordinary_here(f, i, h):
        return None
    if strong and generic_with_adjective(f, i, h):
        return None
    if heads_longer_name(f, h.i, h.j):
        return None
    if places is None:
        return _multiword(f, i, h, strong or prep or coord)
    return _one_word(f, i, h, strong, prep, places)


def heads_longer_name(f: Finder, i: int, j: int) -> bool:
    """منطقة تل | زعرب، قرية خربة | خوي: a gazetteer name (tokens i..j-1, alone or at the end of a region
    phrase) that ends on a word heading many place names (a type word such as تل, or lexicon
    ``place_name_heads``: خربة، عين) with a name word right after it is only the head of a longer
    name the gazetteer lacks, not the place it names alone (the district of al-Tall, a village
    called Khirbe)."""
    last = j - 1
    if not (f.is_(last, "place_name_heads") or (j - i >= 2 and not f.lists[last].isdisjoint(_TYPE_WORDS))):
        return False
    if has_article(f.toks[last].key):
        return False   # رأس العين: a word with the article ends a name, it heads none
    if not (f.joined(last) and f.name_like(j, first=True)) or f.is_(j, "place_cues") or f.is_(j, "place_preps"):
        return False
    key, L = f.toks[j].key, letters()
    if starts_with_and(key):
        return False   # … وأريافها: the next word opens another phrase
    return not (key[:1] in (L.bi, L.li) and any(n and st in f.R.common for n, st in f.reads[key]))   # العين | بحضور


def _ordinary_here(f: Finder, i: int, h: Hit) -> bool:
    """A Syrian village name that the news uses mostly as an ordinary word or phrase (الربيع العربي،
    إسقاط، عز الدين: ordinary_places.yaml, learned by scripts/place_contexts.py) is a place only in a
    strong place context (rasd.stages.mentions.placeness): a type word before it, a list of places,
    a container after it; or, which only the finder sees, right after a place mention it has found
    (a list whose other names no gazetteer knows: تل حسين، المالح). A preposition before it is not
    enough (على إسقاط). After a type word only a settlement word (قرية، بلدة، حي) makes it the village,
    and only when the name stops there: محطة سان ميشال، مسجد عمر مكرم، مستشفى العيون، جامعة لجيل
    name something else (the rule of the install-time everyday-word list this file replaced)."""
    ordinary = f.R.ordinary_places
    if not (ordinary and name_key(f, h) in ordinary and minor_only(f, h)):
        return False
    return not place_context(f, i, h)


def generic_with_adjective(f: Finder, i: int, h: Hit) -> bool:
    """المدينة الحزينة، القرية الخضراء، المدينة العريقة: a type word with the article followed by one
    word with the article is a noun and its adjective ("the sad city"), not the village حزينة: a
    name follows its type word in a construct (مدينة الحزينة), whose head never takes the article.
    Only a one-word name whose every namesake is a minor place (a village, a quarter, a subdistrict)
    is dropped: العاصمة الرياض، المحافظة الحسكة name a known city in apposition. Over the news
    (scripts/sense_mining.py, docs/lexicon-checks.md senses9) such pairs were all descriptions."""
    if h.j - h.i != 1 or not f.joined(i - 1):
        return False
    L = letters()
    if not f.toks[i].key[:h.prefix].endswith(L.article_ends()):
        return False
    n = f.prefix_of(i - 1, "place_cues")
    return f.toks[i - 1].key[:n].endswith(L.article_ends()) and minor_only(f, h)


def club_not_place(f: Finder, i: int, ph: Hit) -> bool:
    """ريال مدريد، دينامو كييف، أتلتيكو مدريد، لاعب برشلونة، فريق روما، باريس سان جيرمان، مانشستر
    يونايتد: a city name joined to a club word (the lexicon's ``club_words_before`` and
    ``club_words_after``: ريال، دينامو، لاعب، مدرب، نادي، فريق … يونايتد، سيتي، سان) names a sports
    club or stands for it, an organisation, not the city. The name must carry no preposition
    (فريق في روما: the team is in the city). Over the news, 20 of 21 such place mentions were a
    club or its players (scripts/sense_mining.py, docs/lexicon-checks.md senses9)."""
    L = letters()
    if f.toks[i].key[:ph.prefix] not in ("", L.article):
        return False
    before = i > 0 and f.joined(i - 1) and f.is_(i - 1, "club_words_before")
    return before or (f.joined(ph.j - 1) and f.is_(ph.j, "club_words_after")) or _club_by_nationality(f, i, ph)


def names_a_thing(f: Finder, i: int, ph: Hit) -> bool:
    """ميثاق روما، اتفاق الرياض، أزمة السويس، بتوقيت القدس، دول الخليج: a place name in construct after
    a word of the lexicon's ``named_thing_heads`` (a charter, an agreement, a crisis, a time zone, the
    states of a region) names that thing, not a place where something happens. The name must carry no
    preposition (اتفاق في الرياض: the agreement was made in the city). Counted on the news:
    docs/lexicon-checks.md, Round 21: place21."""
    L = letters()
    if f.toks[i].key[:ph.prefix] not in ("", L.article):
        return False
    return i > 0 and f.joined(i - 1) and f.is_(i - 1, "named_thing_heads")


def in_slogan(f: Finder, i: int, ph: Hit) -> bool:
    """شهيداً على طريق القدس: a place of the lexicon's ``slogan_places`` right after a word of its
    ``slogan_heads`` is a slogan (the cause a fighter died for, in a death notice), no place where
    something happens. Counted on the news: docs/lexicon-checks.md, Round 28: tolls28."""
    return i > 0 and ph.j == i + 1 and f.joined(i - 1) and f.is_(i - 1, "slogan_heads") and f.is_(i, "slogan_places")


_HEAD_LISTS = frozenset(("place_cues", "strong_place_cues", "facility_cues", "settlement_cues", "plural_place_cues",
                         "named_type_cues", "club_words_before"))
_SETTLEMENT_KINDS = frozenset(("city", "locality", "neighbourhood"))
_AREA_KINDS = frozenset(("region", "country", "governorate", "district"))


def _club_by_nationality(f: Finder, i: int, ph: Hit) -> bool:
    """روما الإيطالي، برشلونة الإسباني، العين الإماراتي: a town's name followed by a masculine
    nationality adjective with the article (the lexicon's ``club_nationalities``) is a club: a town
    is feminine in Arabic (روما الإيطالية، مدينة العين الإماراتية), and the masculine adjective agrees
    with the club (النادي، الفريق) the name stands for. Not when a head word stands before the name,
    whose adjective it then is (معبر رفح المصري، ميناء الحديدة اليمني، ريف حلب), nor for an area,
    whose noun may be masculine (الجولان السوري، الساحل السوري). A head the lexicon does not list
    (ميناء أم قصر العراقي، منفذ الطوال السعودي) is told apart by the sentence: it must carry a word of
    sport (the lexicon's ``sport_words``: مباراة، لاعب، نادي، مرمى …). Counted on the news:
    docs/lexicon-checks.md, places9."""
    j = ph.j
    if j >= f.n or not f.joined(j - 1) or not f.is_(j, "club_nationalities"):
        return False
    if i > 0 and f.joined(i - 1) and (not f.lists[i - 1].isdisjoint(_HEAD_LISTS) or region_head(f, i - 1)):
        return False
    kinds = {f.R.gaz.get(p).kind for p in ph.payloads}
    return bool(kinds & _SETTLEMENT_KINDS) and not kinds & _AREA_KINDS and _sport_in_sentence(f, i)


def _sport_in_sentence(f: Finder, i: int) -> bool:
    """A word of the lexicon's ``sport_words`` stands in the sentence of token i."""
    doc = f.doc
    at = f.toks[i].start
    lo, hi = doc.sentences[doc.sentence_of(at)] if doc.sentences else (0, len(doc.text))
    a = min(i, bisect_left(doc.token_starts, lo))
    b = max(i, bisect_right(doc.token_ends, hi))
    return any(f.is_(t, "sport_words") for t in range(a, b))


def outlet_told(f: Finder, i: int, ph: Hit, kh: Hit) -> bool:
    """قال للميادين، مصادر للميادين: a news outlet's name carrying the preposition ل is the outlet
    told something, not the town of that name (over the news, all ~1,200 للميادين are the channel);
    a place type word before it (بلدة الميادين) keeps the town."""
    if ph.j != kh.j or not any(p[0] == "source" for p in kh.payloads) or f.is_(i - 1, "place_cues"):
        return False
    L = letters()
    pre = f.toks[i].key[:ph.prefix].lstrip("".join(L.conj))
    return pre.startswith(L.li)


def outlet_not_region(f: Finder, i: int, ph: Hit, kh: Hit) -> bool:
    """A region of the world list that is also a news outlet's name (الشرق الأوسط, Asharq al-Awsat):
    the region only after a preposition of place (في الشرق الأوسط، بالشرق الأوسط, written with no
    quote between) or a type word; otherwise the outlet (وعلمت «الشرق الأوسط»، قال لـ«الشرق الأوسط»):
    over the news, a region of that name stands after في or ب, the newspaper after a verb, a quote
    mark or ل (docs/lexicon-checks.md, places8)."""
    if ph.j != kh.j or not any(p[0] == "source" for p in kh.payloads) \
            or not all(f.R.gaz.get(p).kind == "region" for p in ph.payloads):
        return False
    pre = f.toks[i].key[:ph.prefix].removesuffix(letters().article).lstrip("".join(letters().conj))
    if pre:
        return pre.startswith(letters().li)   # بالشرق الأوسط is the region, لل… the outlet told
    return not (i > 0 and f.joined(i - 1) and (f.is_(i - 1, "place_preps") or f.is_(i - 1, "place_cues")))


def named_region(f: Finder, ph: Hit, end: int) -> bool:
    """The whole direction phrase is a region or a country the gazetteer names (جنوب لبنان، شمال
    سيناء، جنوب السودان)."""
    return ph.j == end and any(f.R.gaz.get(p).kind in ("region", "country") for p in ph.payloads)


def base_only(f: Finder, i: int, region) -> Hit | None:
    """جنوب مدينة جسر الشغور: a direction from a town names that place (returned), not a
    sub-region; ريف X and directions from a governorate or a country (شرقي سوريا، شمال العراق: a
    part of the country the press names as a region of its own) stay regions. The direction is one
    word or two (شمال شرق خانيونس، شمالي شرقي رام الله: the base follows both)."""
    j, info = region
    if not info.get("direction") or info.get("rif") or info.get("named") or info.get("badia"):
        return None
    k = i + len(info["direction"].split("-"))   # past one or two direction words
    city_cue = f.is_(k, "place_cues")
    base = f.place_at(k + 1 if city_cue else k)
    if base is None or base.j != j:
        return None
    if city_cue and f.R.kb.lexicon["_conditions"].get("site_cues", {}).get(without_article(f.toks[k].key)) == "named_bare":
        whole = f.place_at(k)
        if whole is not None and whole.j == j and not set(whole.payloads) & set(base.payloads):
            # شمالي قطاع غزة: a type word whose phrase the press names by the bare name (lexicon.yaml
            # site_cues `named_bare`) and the name are a gazetteer name of their own, a place other
            # than the bare name's (the Strip, not the city غزة): the phrase is a part of that place
            return None
    kinds = {f.R.gaz.get(p).kind for p in base.payloads}
    if city_cue or (kinds != {"country"} and not kinds & f.R.region_base_kinds):
        return base
    return None


def _no_name_part(f: Finder, j: int) -> bool:
    """A word with a preposition or a pronoun is no name part (not أبها كعادتها بمظهر)."""
    L = letters()
    k = f.toks[j].key
    return k.startswith((*L.preps, L.and_)) or k.endswith(L.pronoun_suffixes)


def kunya_after_place_word(f: Finder, i: int) -> bool:
    """أبو/أم X right after a settlement's type word (بلدة أبو حردوب، بلدات أبو حمام، قرية أم صفا) names
    a place: over the news, 20 of 20 sampled such phrases were places."""
    return i > 0 and f.is_(i, "kunya") and f.joined(i - 1) and not _definite_cue(f, i - 1) and (
        f.is_(i - 1, "strong_place_cues") or f.is_(i - 1, "plural_place_cues") or f.is_(i - 1, "settlement_cues"))


def _definite_cue(f: Finder, i: int) -> bool:
    """المنطقة، المستشفى: a type word with the article heads no name (a name follows its type word
    in a construct, whose head never takes the article); the word after it is a verb or an adjective
    (المنطقة ستنفجر، المستشفى متأثرين). Over a sample of 25 of the news's 7,400 such pairs, none was a name."""
    n = f.prefix_of(i, "strong_place_cues")
    return f.toks[i].key[:n].endswith(letters().article_ends())


def unknown_place_at(f: Finder, i: int) -> int | None:
    """End token of a name after a strong place cue (تلة X، حي X) that no gazetteer knows."""
    if not f.is_(i - 1, "strong_place_cues") or not f.joined(i - 1) or _definite_cue(f, i - 1):
        return None
    if f.toks[i - 1].key[:f.prefix_of(i - 1, "strong_place_cues")].endswith(letters().ka):
        return None   # كتلة، كتل "bloc(s)": no place word behind ك "like"
    k = f.toks[i].key
    if not f.name_like(i, first=True) or f.is_(i, "strong_place_cues") \
            or f.is_(i, "org_heads") or f.place_at(i) or starts_with_and(k) \
            or k in f.R.common or f.nisba_of_common(k):
        return None   # حي شعبي: an adjective, not a name
    j = i + 1
    while j < len(f.toks) and j - i < 3 and f.joined(j - 1) and (
            f.name_like(j) or f.toks[j].key in f.R.direction_adjectives) \
            and not f.is_(j, "place_cues") and (not f.place_at(j) or f.is_(j - 1, "name_joiners")) \
            and not _no_name_part(f, j):
        j += 1
    return j


def add_place(f: Finder, h: Hit) -> None:
    """A place mention for a gazetteer hit, taking in a facility word before it (مستشفى X)."""
    i = h.i
    quoted = f.is_(i - 1, "facility_cues") and f.quoted_after(i - 1)
    fac = f.is_(i - 1, "facility_cues") and (f.joined(i - 1) or quoted)
    start_i = i - 1 if fac else i
    pre = f.prefix_of(i - 1, "facility_cues") if fac else h.prefix
    key = " ".join(t.key for t in f.toks[i:h.j])[h.prefix:]
    h = reach(f, h)
    capital = h.capital
    end, ids = (capital[0], capital[1]) if capital else (h.end, list(h.payloads))
    if end > h.j and not capital:   # الحديدة اليمنية: the namesakes in that state
        state = f.R.state_adjectives[f.toks[h.j].key]
        ids = [p for p in ids if f.R.gaz.get(p).country == state]
    if capital:
        key = capital[2]   # looked up, and joined to later mentions, by the capital's own name
    m = f.add(start_i, end, pre, "PLACE", None, 0.85, key=key, place_ids=ids,
              cue=f.cue_before(i) or (fold_str(f.toks[i - 1].key) if fac else None), facility=fac)
    if capital:
        m.why = "a capital named by its state's adjective, with its own name in apposition"
    bare = f.doc.text[f.span(i, h.j, h.prefix)[0]:f.toks[h.j - 1].end]
    quarter = end == h.j and not capital and not fac and _town_quarter(f, h)
    if fac:
        m.name = bare if not capital else f.doc.text[f.span(i, h.j, h.prefix)[0]:m.end]
        if quoted:
            m.why = "a facility word before the quoted name of a place: the site named after it"
    elif not quarter and i > 0 and f.joined(i - 1) and f.toks[i].key[:h.prefix] in ("", letters().article) \
            and f.is_(i - 1, "named_type_cues"):
        _take_type_word(f, m, i)
    if end > h.j and not capital:
        m.name = bare   # the place is named by its bare name, without the state's adjective
        m.why = "the adjective of the state the place lies in, after its name"
    elif quarter:
        _take_quarter(f, m, bare)
        return
    _take_adjectives(f, m)


_TOWN_KINDS = frozenset(("city", "locality"))


def _town_quarter(f: Finder, h: Hit) -> bool:
    """بغداد الجديدة، حمص القديمة: a town's name (a city or locality of the gazetteer among its namesakes;
    no country nor region among them: سوريا الجديدة is a political phrase) followed by an adjective of
    lexicon quarter_adjectives names the town's new or old quarter, a place of its own inside the town
    (the gazetteer's longest match has already taken a phrase it knows: حلب القديمة). A town's name that is
    also an ordinary word (الحديثة, modern) is left alone."""
    j = h.j
    if j >= len(f.toks) or not f.joined(j - 1) or f.toks[j].key not in f.w["quarter_adjectives"]:
        return False
    kinds = {f.R.gaz.get(p).kind for p in h.payloads}
    key = f.toks[h.i].key
    return bool(kinds & _TOWN_KINDS) and not kinds & {"country", "region"} \
        and not f.is_(h.i, "place_anaphors") and key not in f.R.common and without_article(key) not in f.R.common


def _take_quarter(f: Finder, m, bare: str) -> None:
    """The mention spans the quarter's adjective and is named and keyed by the whole phrase, so it is an
    entity apart from the town; it keeps the town's gazetteer ids (it lies inside the town). A type word
    before it (حي، منطقة) is left out of the span, so every mention of the quarter groups by one name."""
    j = m.tok[1] + 1
    m.end = f.toks[j - 1].end
    m.text = f.doc.text[m.start:m.end]
    m.tok = (m.tok[0], j)
    m.name = bare + f.doc.text[f.toks[j - 2].end:m.end]
    m.key = fold_str(m.name)
    m.facility = True   # like a site coded to its town (مطار X), it stays an entity apart from the town
    m.why = "a town's name with the adjective of its new or old quarter (lexicon.yaml quarter_adjectives): " \
            "the quarter, a place inside the town"


def nationality_end(f: Finder, h: Hit, j: int) -> int:
    """الجولان السوري المحتل، مدينة الحديدة اليمنية، نهر الليطاني اللبناني: the adjective of the state a
    place lies in, right after its name (token j), is part of the place's phrase: the end token past it
    (j when there is none). The adjectives are open_places.yaml's border_adjectives (feminine) and
    their masculine forms."""
    if j >= len(f.toks) or not f.joined(j - 1):
        return j
    state = f.R.state_adjectives.get(f.toks[j].key)
    if state is None:
        return j
    return j + 1 if any(f.R.gaz.get(p).country == state for p in h.payloads) else j


@dataclass(frozen=True, slots=True)
class PlaceHit(Hit):
    """A gazetteer hit with the end of its place phrase worked out once: past a capital's own name in
    apposition (``capital``, rasd.geo.regions.capital_name's answer) or past the adjective of the state the
    place lies in (:func:`nationality_end`). The finder ranks the candidate by ``end`` and
    :func:`add_place` spans the mention to it, so neither asks again for the same hit."""
    end: int
    capital: tuple | None


def reach(f: Finder, h: Hit) -> PlaceHit:
    """``h`` with the end of its place phrase (:class:`PlaceHit`); a PlaceHit is returned as it is."""
    if isinstance(h, PlaceHit):
        return h
    # العاصمة السورية دمشق: the capital's own name right after a gazetteer name that opens on a capital
    # word (geo_cues ``capital_words``), as (end token, ids, key), or None
    capital = None
    if f.R.geo_cues.capital_words and h.j < len(f.toks) and f.joined(h.j - 1):
        key = " ".join(t.key for t in f.toks[h.i:h.j])[h.prefix:]
        capital = capital_name(f.toks, (h.j, list(h.payloads), key), f.R.gaz, f.R.geo_cues)
    end = capital[0] if capital else nationality_end(f, h, h.j)
    return PlaceHit(h.i, h.j, h.prefix, h.payloads, end, capital)


MAX_ADJECTIVES = 2


def _take_adjectives(f: Finder, m) -> None:
    """حقل العمر النفطي، القدس المحتلة: adjectives of place_adjectives right after the name join
    the mention's span; its ``name`` stays the bare name."""
    j = m.tok[1]
    while j < len(f.toks) and j - m.tok[1] < MAX_ADJECTIVES and f.joined(j - 1) \
            and f.toks[j].key in f.w["place_adjectives"]:
        j += 1
    if j > m.tok[1]:
        m.name = m.name or m.text
        m.end = f.toks[j - 1].end
        m.text = f.doc.text[m.start:m.end]
        m.tok = (m.tok[0], j)


def _take_type_word(f: Finder, m, i: int) -> None:
    """محافظة الحديدة، مدينة حلب: the type word before a known name joins the mention's span; its
    ``name`` stays the bare name, which names the entity."""
    if any(o is not m and o.tok[1] > i - 1 and o.tok[0] < i for o in f.out[-3:]):
        return   # الريف الغربي لمدينة | حماة: the type word is already part of another mention
    s, _ = f.span(i - 1, i, f.prefix_of(i - 1, "named_type_cues"))
    m.name = m.text
    m.start, m.text = s, f.doc.text[s:m.end]
    m.tok = (i - 1, m.tok[1])


def add_unknown_place(f: Finder, i: int, end: int) -> None:
    fac = f.is_(i - 1, "facility_cues")
    s0 = i - 1 if fac else i
    m = f.add(s0, end, f.prefix_of(i - 1, "facility_cues") if fac else 0, "PLACE", None, 0.6,
              key=fold_str(f.doc.text[f.toks[i].start:f.toks[end - 1].end]), place_ids=[],
              cue=f.cue_before(i), facility=fac)
    if not fac and f.is_(i - 1, "named_type_cues"):
        _take_type_word(f, m, i)   # منطقة الشمال، محافظة الشمال
