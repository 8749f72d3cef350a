"""Unknown persons: a given name, a kunya (أبو محمد) or any name after a title (العقيد المنشق X),
extended by a nisba or father's name and a lineage (فيصل بن بندر بن عبد العزيز); later mentions by
the family name alone (surnames)."""
from __future__ import annotations

from bisect import bisect_right
from itertools import compress, repeat

from rasd.arabic.clitics import has_article, is_definite, letters, starts_with_and, with_article, without_article
from rasd.arabic.script import is_letter
from rasd.stages.mentions.context import Finder
from rasd.stages.mentions.index import PERSON
from rasd.stages.mentions.places import place_hit

# the lists of the words a title phrase runs over, back from the name (العقيد المنشق، وزير الدفاع السوري)
_TITLE_RUN = frozenset(("person_titles", "title_modifiers", "nationalities"))


def _alias_before(f: Finder, i: int) -> bool:
    """An alias marker stands right before token i (المدعو، الملقب), or a verb of naming (lexicon
    naming_verbs: يدعى، تدعى: رجل يدعى X Y، وتدعى X) with white space only between: what such a verb
    names in quotes or brackets is as often a thing (a ship, a firm, a comet: تدعى "X") as a
    person, what it names bare is a person."""
    return f.is_(i - 1, "alias_markers") or _named_by_verb(f, i)


def _named_by_verb(f: Finder, i: int) -> bool:
    """A verb of naming (lexicon naming_verbs) stands right before token i, white space only between."""
    return f.is_(i - 1, "naming_verbs") and f.joined(i - 1)


def titled(f: Finder, i: int) -> bool:
    """A person title stands right before token i, possibly followed by title words (وزير الدفاع)
    or by the organisation the title is in (القائد العسكري في "لواء X" فلان)."""
    k = i - 1
    last = f.out[-1] if f.out else None
    if last is not None and last.type == "ACTOR" and last.tok[1] == i:
        k = last.tok[0] - 1
        if k >= 0 and f.is_(k, "name_stops") and not f.is_(k, "person_titles"):
            k -= 1   # القائد في / لـ
        i = k + 1
    while k >= 0 and i - k <= 4:
        lists = f.lists[k]
        if lists.isdisjoint(_TITLE_RUN) or not f.joined(k):   # the word first, the gap only when it matters
            return False
        if "person_titles" in lists:
            return True
        k -= 1   # a title word (العسكري) or a nationality: the title may stand further back
    return False


def given_prefix(f: Finder, i: int) -> int | None:
    """Proclitic length when token i is a given name with at most a conjunction (ومصلح), else None.
    Behind a preposition (بمعمر القذافي، لأحمد الطيبي) a given name counts only when a family name
    with the article follows it: the bare pair is too often an ordinary word (بكر، لبيب)."""
    k = f.toks[i].key
    if k in f.R.given:
        return 0
    if k[:1] in f.R.conj and k[1:] in f.R.given:
        return 1
    L = letters()
    if k[:1] in (L.bi, L.li) and k[1:] in f.R.given and i + 1 < len(f.toks) and f.joined(i) \
            and has_article(f.toks[i + 1].key) and f.name_like(i + 1):
        return 1
    return None


def _ambiguous_name(f: Finder, i: int) -> bool:
    """Token i is a given name whose folded key is also an ordinary word (علي / على), spelled in the
    text exactly as the knowledge writes the name: folding merges ى and ي, the surface does not."""
    if f.toks[i].key not in f.w["given_names_ambiguous"]:
        return False
    surface = "".join(c for c in f.doc.text[f.toks[i].start:f.toks[i].end] if not 0x064B <= ord(c) < 0x0660)
    return surface in f.R.kb.lexicon["given_names_ambiguous"]


def _may_start(f: Finder, i: int) -> bool:
    """Token i may open a person's name: a kunya, a given name, or a name word after a title."""
    if (f.is_(i - 1, "place_cues") and not _in_actor_before(f, i)) or f.is_(i, "lineage_words"):
        return False   # no name starts with بن
    if f.is_(i - 1, "weapon_words") or f.is_(i - 1, "vessel_words"):
        return False   # صاروخ أبو طالب، صاروخ زينب، السفينة "إم إس سي X": a weapon or ship named so is no person
    if _named_facility(f, i):
        return False   # مصنع ديفيد كوهين، مسجد الشيخ X: a facility named after a person is no person
    kunya = f.is_(i, "kunya")
    # the openings are pure tests of the document, tried cheapest first and each only when needed
    if not (kunya or given_prefix(f, i) is not None or _titled_name(f, i) or _ambiguous_opening(f, i)
            or _alias_before(f, i) or _noun_chain(f, i)):
        return False
    return (not f.coordinated_place(i) or _listed_name(f, i)) \
        and (kunya or _ambiguous_opening(f, i) or f.name_like(i, first=True))


def _in_actor_before(f: Finder, i: int) -> bool:
    """The word before token i closes an organisation's name just found (القيادي في تنظيم القاعدة X):
    a place cue word there (قاعدة، مدينة) is a word of that name, not a cue for a place at token i."""
    last = f.out[-1] if f.out else None
    return last is not None and last.type == "ACTOR" and last.tok[1] == i and last.tok[1] - last.tok[0] >= 2


def _listed_name(f: Finder, i: int) -> bool:
    """A list of the dead names each with his home town (X، من بلدة الجبين، وحسين علي زهور، من بلدة
    …، وناصر عبد اللطيف عزت برغوثي من سكان …): after a place, a known given name (with at most a
    conjunction; a given name that is also a village's name too: ناصر) followed by a father's given
    name (known, علي as written, or a compound: عبد اللطيف) and a name word, neither a place, opens
    the next person's name, not another place of a place list: places are not named given name,
    father's name, family name."""
    toks = f.toks
    if i + 2 >= len(toks) or given_prefix(f, i) is None or not (f.joined(i) and f.joined(i + 1)):
        return False
    father = _ambiguous_name(f, i + 1) or (
        (toks[i + 1].key in f.R.given or _compound(f, i + 1)) and f.name_like(i + 1))
    return father and f.name_like(i + 2) and not place_hit(f, i + 1) and not place_hit(f, i + 2)


_NAME_OPENERS = ("", '"', "«", "“", "(")   # what may stand between a facility word and its name (مصنع "X")


def _named_facility(f: Finder, i: int) -> bool:
    """A facility word without the article heads a construct with the name at token i, maybe over a
    title (مصنع ديفيد كوهين، مدرسة خالد بن الوليد، جامع الشيخ X): the facility's name, as the NER stage
    reads a CRF span there (the name may be quoted: مصنع "X"); a facility word that is also a title (اللواء X) names a person, and a
    definite one (قائد المعسكر X) stands in apposition."""
    k = i - 1
    if f.is_(k, "person_titles") and f.joined(k - 1):
        k -= 1
    if not (k >= 0 and f.gap(k).strip() in _NAME_OPENERS and f.is_(k, "facility_cues") and not f.is_(k, "person_titles")):
        return False
    key = f.toks[k].key   # بالجامعة الدكتور X: the article behind a preposition makes it definite too
    return not has_article(key) and not any(n and is_definite(key[:n]) for n, _ in f.reads[key])


def _titled_name(f: Finder, i: int) -> bool:
    """العقيد المنشق نديم الحسن: after a title, a name need not be a known given name; but it opens
    on a bare word (مستشار الأمن القومي: a definite word after a title is the office's, not a name).
    The word after it is a family name with the article, or a known given name as written (the father's
    name of a name chain: العريف فاهم سعيد أحمد X, the given name one the lists lack)."""
    toks = f.toks
    return not has_article(toks[i].key) and titled(f, i) and toks[i].key not in f.R.common and not place_hit(f, i) \
        and i + 1 < len(toks) and (has_article(toks[i + 1].key) or _father_after(f, i) or _bare_pair(f, i)) \
        and f.lists[i].isdisjoint(_TITLE_RUN)


def _bare_pair(f: Finder, i: int) -> bool:
    """A transliterated name of two bare words after a definite title (المراسلة X Y أن، اللواء الركن
    X Y،): the family name of a foreign name takes no article.  Only after a definite title, which
    stands in apposition with the name; a title without the article is in construct with what it
    governs (مستشار مكتب X، مدير عام جمرك X: an office, a body).  Both words are no
    ordinary word (as written or behind a proclitic), no word behind a preposition and the article
    (للتعليم), no place and on no list, nothing but white space
    between them, and the name ends clearly after the second (punctuation, a stop word or the end of
    the text: :func:`_clear_end`), so a verb or noun after one unknown word is not taken."""
    toks = f.toks
    j = i + 1
    if not (j < len(toks) and f.joined(i)) or has_article(toks[j].key) or starts_with_and(toks[j].key) \
            or not _definite_title_before(f, i):
        return False
    return all(not f.common_reading(toks[k].key) and not place_hit(f, k) and not f.lists[k]
               and not _behind_article(toks[k].key) and f.name_like(k) for k in (i, j)) and _clear_end(f, j)


def _noun_chain(f: Finder, i: int) -> bool:
    """الفتاة ميمونة عبد الحميد X، الشهيد فاهم سعيد X: right after a person noun (lexicon person_nouns,
    as written or behind a proclitic: والشهيدة), a bare word the lists lack (no ordinary word as
    written or behind a proclitic, no place, on no list) followed by a known given name as written
    and a name word opens the name: the given name the lists lack, with the father's name after it
    (:func:`_father_after`'s chain, the person noun standing for the definite title)."""
    toks = f.toks
    k = i - 1
    if k < 0 or i + 2 >= len(toks) or not f.joined(k) or not _person_noun(f, k) or has_article(toks[i].key) \
            or f.common_reading(toks[i].key) or f.lists[i] or starts_with_and(toks[i].key) \
            or not f.name_like(i, first=True) or place_hit(f, i):
        return False   # وكيله: a noun with a pronoun (its owner the person before) is no name
    return toks[i + 1].key in f.R.given and f.joined(i) and f.joined(i + 1) \
        and f.name_like(i + 2) and not _behind_article(toks[i].key) and not place_hit(f, i + 1)


def _father_after(f: Finder, i: int) -> bool:
    """A known given name as written, joined to the bare word i, with a third name word after it: the
    father's name of a name chain that word opens. Only after a definite title (العريف، الأمير، الدكتور:
    in apposition with the name); a title without the article is in construct with what it governs
    (محافظ X، رئيس X، جندي متدرب: a town, a body), and a word behind a proclitic (للتعليم، بالنادي) is
    no given name."""
    toks = f.toks
    key = toks[i].key
    return toks[i + 1].key in f.R.given and f.joined(i) and i + 2 < len(toks) and f.joined(i + 1) \
        and f.name_like(i + 2) and _definite_title_before(f, i) and not _behind_article(key)


def _behind_article(key: str) -> bool:
    """The word opens on a proclitic run that ends in the article (بال، لل، وال): a definite noun, no name."""
    L = letters()
    return key.startswith(tuple(p + L.article for p in L.proclitic_strings() if p) + L.lam_article_strings()) \
        and len(key) > 4


def _definite_title_before(f: Finder, i: int) -> bool:
    """The title nearest before token i, over title words (العريف أول، العقيد الركن), has the article."""
    k = i - 1
    while k >= 0 and i - k <= 4 and not f.lists[k].isdisjoint(_TITLE_RUN) and f.joined(k):
        if "person_titles" in f.lists[k]:
            key = f.toks[k].key   # والعريف، للأمير: the article behind a proclitic makes it definite too
            return has_article(key) or any(n and is_definite(key[:n]) for n, _ in f.reads[key])
        k -= 1
    return False


def _ambiguous_opening(f: Finder, i: int) -> bool:
    """علي opens a name after a title, before a given name and a name word (علي حسن الخليل), or,
    spelled as the name and when the folded key is a preposition (علي / على; not رمضان, whose other
    reading is the month: شهر رمضان الكريم), before a nisba family name (:func:`_nisba_name`: علي
    القحطاني; the preposition, which many outlets write علي, is followed by a noun of the language)."""
    toks = f.toks
    return _ambiguous_name(f, i) and (titled(f, i) or (
        i + 2 < len(toks) and f.joined(i) and f.joined(i + 1) and given_prefix(f, i + 1) == 0
        and f.name_like(i + 2)) or (
        toks[i].key in f.w["name_stops"] and i + 1 < len(toks) and f.joined(i) and _nisba_name(f, i + 1))
        or _after_person_noun(f, i))


def _after_person_noun(f: Finder, i: int) -> bool:
    """الطفل علي دوابشة، الرضيع الفلسطيني علي الدوابشة: a person noun (lexicon person_nouns), maybe
    over one nationality, stands right before token i, and a name word that is no ordinary word and
    no place follows it (the preposition written علي is followed by a noun: الطالب علي معدل)."""
    k = i - 1
    if k >= 1 and f.joined(k - 1) and f.is_(k, "nationalities"):
        k -= 1
    return k >= 0 and f.joined(k) and _person_noun(f, k) and i + 1 < len(f.toks) and f.joined(i) \
        and f.name_like(i + 1) and not place_hit(f, i + 1)


def _person_noun(f: Finder, k: int) -> bool:
    """Token k is a person noun of the lexicon (person_nouns), as written or behind a proclitic
    (للطفل، والشهيد)."""
    nouns = f.w["person_nouns"]
    key = f.toks[k].key
    return key in nouns or any(n and (st in nouns or with_article(st) in nouns) for n, st in f.reads[key])


def _nisba_name(f: Finder, i: int) -> bool:
    """Token i is a family name made as a relative adjective with the article (القحطاني، العطوي), no
    ordinary word and no place; a noun after the preposition written علي (علي الدراجة، علي المؤشرات)
    is none."""
    key = f.toks[i].key
    return has_article(key) and key.endswith(letters().nisba_suffixes[-1]) and len(key) > 4 \
        and f.name_like(i) and not place_hit(f, i)


def _clear_end(f: Finder, j: int) -> bool:
    """Token j ends a name clearly: punctuation, a stop word or the end of the text follow it."""
    return j + 1 >= len(f.toks) or not f.joined(j) or f.is_(j + 1, "name_stops")


def _foreign_three(f: Finder, j: int) -> bool:
    """تشارلز برادفورد كوبر، بخاري دان معلم: a transliterated name keeps a bare third part when the
    middle part is no ordinary word and the third is followed by a clear end of the name (punctuation,
    a stop word or the end of the sentence), so a verb or noun after a two-part name is not taken."""
    toks = f.toks
    if toks[j - 1].key in f.R.common or toks[j].key in f.R.common or place_hit(f, j):
        return False
    if j + 1 < len(toks) and f.joined(j) and f.nisba_of_common(toks[j + 1].key):
        return False   # باتريك تاكر | محلل سياسي: a noun with its adjective is the role after the name
    return _clear_end(f, j)


def _third_part(f: Finder, i: int, j: int, kunya: bool) -> int:
    """One more name part at token j: a nisba/laqab (الجولاني، اليمني) or a father's name."""
    toks = f.toks
    nisba = kunya and j < len(toks) and (f.is_(j, "nationalities") or (
        has_article(toks[j].key) and toks[j].key.endswith(letters().nisba_suffixes[-1]) and len(toks[j].key) > 4))
    if j < len(toks) and f.joined(j - 1) and not f.is_(j, "lineage_words") and (nisba or f.name_like(j) and (
            has_article(toks[j].key) or toks[j - 1].key in f.R.given or kunya or _foreign_three(f, j))):
        if not place_hit(f, j) or kunya:
            j += 1
    return j


def _lineage(f: Finder, i: int, j: int) -> int:
    """فيصل بن بندر بن عبد العزيز: every joiner takes the name after it; a name never ends on بن or عبد.
    A joiner behind و opens the next person of a list (أبو حمزة الفرنسي وأبو قتادة التونسي)."""
    toks = f.toks
    while j + 1 < len(toks) and j - i < 8 and f.joined(j - 1) and f.joined(j) \
            and f.is_(j, "name_joiners") and not starts_with_and(toks[j].key) \
            and (f.name_like(j + 1) or f.kb_start(j + 1) or (
                not f.is_(j, "lineage_words") and not f.is_(j, "kunya") and _compound(f, j))):
        j += 2
        if f.is_(j - 1, "name_joiners") and j < len(toks) and f.joined(j - 1) and f.name_like(j):
            j += 1   # بن عبد العزيز: the joiner was itself the head of a compound name
        if j < len(toks) and f.joined(j - 1) and has_article(toks[j].key) and f.name_like(j) \
                and not place_hit(f, j):
            j += 1   # … بن سعيد العتيبي: the family name closes the lineage
    while j - 1 > i and f.is_(j - 1, "name_joiners"):
        j -= 1
    return j


def _family(f: Finder, j: int) -> int:
    """حمد بن خليفة آل ثاني: a family marker (as written, آل) after a name takes the word after it,
    which may be an ordinary word (ثاني), unless that is a stop word or a title."""
    toks = f.toks
    if not (0 < j and j + 1 < len(toks) and f.joined(j - 1) and f.joined(j)):
        return j
    surface = "".join(c for c in f.doc.text[toks[j].start:toks[j].end] if not 0x064B <= ord(c) < 0x0660)
    if surface not in f.R.kb.lexicon.get("family_markers", ()):
        return j
    if f.is_(j + 1, "name_stops") or f.is_(j + 1, "person_titles") or not any(
            is_letter(c) for c in toks[j + 1].key):
        return j
    return j + 2


def _compound(f: Finder, i: int) -> bool:
    """Token i heads a compound given name (عبد الله، عبد الرحمن، ذبيح الله) whose second word belongs to the
    name even when it is no name word of its own (الله: read behind a proclitic it is a stop word,
    so only the word as written is checked against the stop words)."""
    j = i + 1
    if not (j < len(f.toks) and f.joined(i)):
        return False
    if given_prefix(f, i) is not None and f.toks[j].key in f.w.get("compound_name_ends", ()):
        return True   # ذبيح الله
    return f.is_(i, "name_joiners") and not f.is_(i, "kunya") \
        and f.toks[j].key not in f.w["name_stops"] and any(is_letter(c) for c in f.toks[j].key)


_BREAKS = frozenset(".،,؛;:!?()[]")   # a gap holding one of these ends a phrase (quotes do not)
APPOSITION_WORDS = 3    # most words of a name set off by commas
ROLE_PHRASE_WORDS = 8   # most words between a role's title and the comma before the name


def _breaks(gap: str) -> bool:
    # some character of the gap is a break: one C-level pass over the gap's characters (the set's
    # isdisjoint), no generator per gap (the role phrase before a comma asks every gap it walks)
    return not _BREAKS.isdisjoint(gap)


_COMMAS = ("،", ",")   # the gap that sets off an apposition: one comma, white space around it or not


def _commas(gap: str) -> bool:
    return gap.strip() in _COMMAS


def _after_commas(f: Finder) -> list[int]:
    """The tokens i (0 < i < n) whose gap before is a comma alone (:func:`_commas` of ``gap(i - 1)``),
    ascending. Only the tokens right after a comma of the text are tested (each comma found by
    ``str.find``, its next token by bisection over the tokens' starts), not every gap of the report:
    a gap that is a comma holds one, and the first token after that comma is the token after the gap."""
    text, starts, n = f.doc.text, f.doc.token_starts, f.n
    found = set()
    for c in _COMMAS:
        at = text.find(c)
        while at >= 0:
            i = bisect_right(starts, at)
            if 0 < i < n and _commas(f.gap(i - 1)):
                found.add(i)
            at = text.find(c, at + 1)
    return sorted(found)


def _apposition(f: Finder, i: int) -> int | None:
    """A name set off by commas after the role it holds, as Arabic reports name officials:
    المتحدث باسم وزارة الصحة، أشرف القدرة، أن … ; مدير مكتب "رويترز" في العراق، تيمور أزهري، … ;
    المتحدث باسم القوات المسلحة، العميد يحيى سريع، بأن …  Token i is a given name (not one that is
    also an ordinary word: علي) opening it, right after the comma or after a title that follows the
    comma; the role phrase before that comma holds a person title; the name runs, as one name, to
    the next comma within APPOSITION_WORDS words, whatever its later words are (القدرة، سريع are
    ordinary words too, and a place list before the comma does not make the name a place); a stop
    word as written (في، أن) ends it, not one read behind the article (العلي is no ال + على).  The
    end token, or None."""
    toks = f.toks
    ambiguous = _ambiguous_name(f, i)
    if (given_prefix(f, i) is None and not ambiguous) or f.is_(i, "kunya"):
        return None
    if ambiguous and not (f.joined(i) and f.name_like(i + 1, first=True)):
        return None   # علي (على) opens the name only when a name word follows it (علي أكبر أحمديان)
    k = i - 1
    if k >= 0 and f.joined(k) and f.is_(k, "person_titles"):
        k -= 1   # the title of the name itself (العميد يحيى سريع)
    if k < 0 or not _commas(f.gap(k)):
        return None
    role = False
    for b in range(k, max(-1, k - ROLE_PHRASE_WORDS), -1):
        if f.is_(b, "person_titles"):
            role = True
            break
        if b > 0 and _breaks(f.gap(b - 1)):
            break
    if not role:
        return None
    for j in range(i, min(len(toks), i + APPOSITION_WORDS)):
        key = toks[j].key
        if j > i and not _ambiguous_name(f, j) and (
                key in f.w["name_stops"] or f.is_(j, "person_titles") or f.is_(j, "lineage_words")
                or not any(is_letter(c) for c in key)
                or (starts_with_and(key) and key not in f.R.given)):   # محمد وأحمد: two names
            return None
        gap = f.gap(j)
        if _commas(gap):
            return j + 1 if j > i else None
        if not f.joined(j):
            return None
    return None


def _role_before_comma(f: Finder, k: int) -> bool:
    """A role phrase holding a person title ends at token k, a comma right after it (the role of an
    apposition: المتحدث باسم الوزارة، …)."""
    if k < 0 or not _commas(f.gap(k)):
        return False
    for b in range(k, max(-1, k - ROLE_PHRASE_WORDS), -1):
        if f.is_(b, "person_titles"):
            return True
        if b > 0 and _breaks(f.gap(b - 1)):
            return False
    return False


def _unknown_apposition(f: Finder, i: int) -> int | None:
    """وزير الدفاع الكيني، عدن دوالي، … ; اللواء في الاحتياط، يفتاح رون طال، …: a name the lists lack
    (a foreign one above all, whose given name may even be a place's: عدن) set off by commas right
    after a role phrase holding a person title. Two or three words, from token i to the comma that
    closes it: the first bare (no article, no conjunction), no ordinary word, title or stop word
    (as a name part: :meth:`Finder.name_like`), the later ones no ordinary word either and none a
    place; nothing but white space between them. The end token, or None.  The statistical NER
    still removes such a pattern person when it is sure the words are no name."""
    toks = f.toks
    if i < 1 or not _role_before_comma(f, i - 1) or f.is_(i, "kunya") or f.is_(i, "person_titles"):
        return None
    key = toks[i].key
    if has_article(key) or starts_with_and(key) or key in f.R.common or not f.name_like(i, first=True) \
            or f.common_reading(key):
        return None
    for j in range(i + 1, min(len(toks), i + APPOSITION_WORDS)):
        if not f.joined(j - 1) or not f.name_like(j) or place_hit(f, j) or f.is_(j, "lineage_words"):
            return None
        gap = f.gap(j)
        if _commas(gap):
            return j + 1
        if not f.joined(j):
            return None
    return None


def appositions(f: Finder) -> None:
    """Persons the lists lack, set off by commas after their role (:func:`_unknown_apposition`),
    read after the main loop over the words no mention took."""
    taken: dict[int, int] = {}
    for n, m in enumerate(f.out):
        for k in range(*m.tok):
            taken[k] = n
    for i in _after_commas(f):   # the tokens whose gap before is a comma alone
        held = taken.get(i)
        if held is not None and not _first_word_place(f, f.out[held], i):
            continue
        end = _unknown_apposition(f, i)
        if end is None or any(k in taken for k in range(i + 1, end)):
            continue
        if held is not None:   # عدن دوالي: the given name a place's too, read as the place alone
            f.out[held] = None
        m = f.add(i, end, 0, "PERSON", None, 0.7, pattern=True)
        m.why = "a name set off by commas right after the role it holds"
        for k in range(i, end):
            taken[k] = -1
    f.out[:] = [m for m in f.out if m is not None]


def _first_word_place(f: Finder, m, i: int) -> bool:
    """Mention m is a one-word gazetteer place at token i with no type word or cue (عدن، يفتاح)."""
    return m is not None and m.type == "PLACE" and m.tok == (i, i + 1) and not (m.cue or m.region or m.facility)


def _father_ambiguous(f: Finder, i: int, j: int) -> bool:
    """Token j, after the given name at i, is a given name whose folded key is also an ordinary word
    (علي / على), spelled as the knowledge writes the name, and a name part follows it: the father's
    name in a three-part name (محمد علي الحوثي، ماهر علي شبات), as the preposition is not followed by
    a bare name."""
    toks = f.toks
    return (j + 1 < len(toks) and given_prefix(f, i) is not None and f.joined(i) and f.joined(j)
            and _ambiguous_name(f, j) and f.name_like(j + 1) and not place_hit(f, j + 1))


def person_at(f: Finder, i: int) -> int | None:
    """End token of an unknown person name starting at token i, or None."""
    if not f.words[i][0] & PERSON and not (_alias_before(f, i) or _titled_name(f, i) or _noun_chain(f, i)):
        # no given name, kunya or ambiguous name (the word's class says it): neither an apposition
        # nor any opening of _may_start but a title or an alias marker before it; most words a
        # title or type word precedes are tried no further
        return None
    appositive = _apposition(f, i)
    if appositive is not None:
        return appositive
    if not _may_start(f, i):
        return None
    j = i + 1
    if _father_ambiguous(f, i, j):
        j += 1   # ماهر علي شبات: علي, as the name is written, is the father's name
    if not (j < len(f.toks) and f.joined(i) and f.name_like(j)):
        if _title_surname(f, i, j) or _ordinary_surname(f, i, j):
            return j + 1   # العقيد حسان الشيخ، / الشيخ سعد الصباح: the title or ordinary word is his family name
        if not _compound(f, i):
            return None if not _alias_before(f, i) else j
    elif f.is_(j, "name_joiners") and j + 1 < len(f.toks) and f.joined(j):
        j += 1
    j = _third_part(f, i, j + 1, f.is_(i, "kunya"))
    if not f.is_(i, "kunya"):
        j = _more_parts(f, i, j)
    end = _closing_family(f, i, _family(f, _lineage(f, i, j)))
    if end is not None and _ordinary_surname(f, i, end):
        end += 1   # محمد خالد الحمد | الصباح، ثامر بن جابر | الصباح: the family name closes the name
    end = _before_org_word(f, i, end)
    return None if end is None or _place_named_after(f, i, end) or _designation(f, i, end) else end


def _designation(f: Finder, i: int, end: int) -> bool:
    """أم كيو 9، ام اتش 17: a kunya word is also the name of a Latin letter (M), and a letter name
    followed by a number is a model or flight designation (a drone, an aircraft, a flight), no
    person: a name opened by a kunya with a number right after it (white space between) is none."""
    return f.is_(i, "kunya") and end < len(f.toks) and f.joined(end - 1) and f.toks[end].key.isdigit()


def _closing_family(f: Finder, i: int, end: int) -> int:
    """أحمد نائل نمر.، إياد بن أمين مدني، …: a name of two or more parts read so far, ending on a bare
    word (or a compound: عبد المحسن), is closed by a bare family name that is also an ordinary word
    (نمر، مدني، مجاهد) when punctuation that ends a phrase follows that word (a comma, a full stop, a
    bracket: the name set off; a stop word after it is no such end: يدعو إلى، تحدث عن), and no line
    break stands before it (a headline's last name and the next line): a noun or verb after a name runs on into the sentence instead.  No stop word,
    title, type word, place, و-word, accusative (…ا: أيضا، صباحا) or inflected ordinary word
    (:func:`_inflected_word`) is taken."""
    toks = f.toks
    if end is None or end - i < 2 or end >= len(toks) or not f.joined(end - 1) or not _open_end(f, i, end):
        return end
    key = toks[end].key
    if has_article(key) or starts_with_and(key) or key.endswith(letters().accusative_ending) or len(key) < 3 \
            or not f.name_like(end, first=True) or f.is_(end, "name_joiners") or place_hit(f, end) \
            or not f.lists[end].isdisjoint(_TITLE_RUN) or _inflected_word(f, key) \
            or _inflected_word(f, toks[end - 1].key):   # عدنان بكفالة | مالية: the name had run on already
        return end
    return end + 1 if end + 1 < len(toks) and _breaks(f.gap(end)) and "\n" not in f.gap(end - 1) else end


def _inflected_word(f: Finder, key: str) -> bool:
    """An ordinary word behind a proclitic (بكفالة، للسيارات) or with an attached pronoun (أفكاره، قوله,
    عنه): no family name."""
    if any(n and st in f.R.common for n, st in f.reads[key]):
        return True
    L = letters()   # لخلافته: the stem is the word with ة, written ت before the pronoun (Letters.pronoun_stems)
    return any(key.endswith(p) and len(key) > len(p) + 1 and any(
        f.common_reading(st) for st in L.pronoun_stems(key[:-len(p)])) for p in L.attached_pronouns)


def _before_org_word(f: Finder, i: int, end: int) -> int | None:
    """A personal name holds no organisation's type word (lexicon org_type_words: بنك، نادي، فريق,
    maybe with the article or behind a proclitic): the name read from token i ends before one
    (إلهام | البنك التجاري، جاسم | بنادي الغرافة), and a given name left alone is no name of this
    pattern (unless an alias marker stands before it); None then."""
    for k in range(i + 1, end):
        if f.is_(k, "org_type_words"):
            return k if k - i >= 2 or _alias_before(f, i) else None
    return end


def _place_named_after(f: Finder, i: int, end: int) -> bool:
    """غازي عنتاب، الشيخ مسكين: a place the gazetteer holds whole, with a given name for its first
    word, is the place, unless a title stands before it (العميد غازي …)."""
    h = place_hit(f, i)
    return bool(h) and h.j - h.i >= 2 and h.j >= end and not titled(f, i)


def _open_end(f: Finder, i: int, j: int) -> bool:
    """The name read so far (tokens i..j-1) may go on: it ends on a bare word, or on the second word
    of a compound given name (عبد الرحمن، ذبيح الله), whose article is not a family name's."""
    if not has_article(f.toks[j - 1].key) or f.toks[j - 1].key in f.w.get("compound_name_ends", ()):
        return True   # … or ends a compound given name (ذبيح الله)
    return j - 2 >= i and f.is_(j - 2, "name_joiners") and not f.is_(j - 2, "lineage_words") \
        and not f.is_(j - 2, "kunya") and not f.is_(j - 2, "family_markers")


NAME_PARTS = 5   # most words of a personal name read part by part (given, father, grandfather, family)


def _more_parts(f: Finder, i: int, j: int) -> int:
    """عبد الرحمن محمود حامد، علي أنور صبيح الساعدي: Arabic reports name people by their given name,
    their father's and grandfather's given names and the family name.  While the name read so far
    ends on a bare word, a known given name as written (not one behind a proclitic, not an ordinary
    word) is the next ancestor's name; a family name with the article (no place) closes the name."""
    toks = f.toks
    while i < j < len(toks) and j - i < NAME_PARTS and f.joined(j - 1) and _open_end(f, i, j):
        k = toks[j].key
        if k in f.R.given and not f.is_(j, "name_joiners") and not _ambiguous_name(f, j) and f.name_like(j) \
                and not place_hit(f, j):   # بن، آل are joiners, read by the lineage and family steps
            j += 1
        elif _ambiguous_name(f, j) and j + 1 < len(toks) and f.joined(j) and not place_hit(f, j + 1) and (
                f.name_like(j + 1) or (f.name_like(j + 1, first=True) and _clear_end(f, j + 1))):
            j += 1   # نجيب محمد علي زهر: علي, as the name is written, is the grandfather's name
            if _clear_end(f, j) and not has_article(toks[j].key):
                return j + 1   # … and the bare family name after it closes the name
        elif j - i >= 2 and _compound_ancestor(f, j):
            j += 2   # خالد محمد عبد الله | الشحي: the grandfather's name is a compound (عبد الله)
        elif j - i >= 3 and _compound_ancestor(f, j - 1):
            j += 1   # … its head (عبد) already read as a name part: its second word too
        elif _title_surname(f, i, j):
            return j + 1   # أحمد فراس الشيخ، : the title word closes the name as its family name
        elif j - i >= 3 and has_article(k) and f.name_like(j) and not place_hit(f, j):
            if _compound_head(f, j - 1):
                j += 1   # فهد سليمان عبد المحسن | القباع: the definite word ends a compound name, not the name
                continue
            return j + 1
        else:
            break
    return j


def _title_surname(f: Finder, i: int, j: int) -> bool:
    """Token j, a title that is also a common family name (lexicon title_surnames: الشيخ، السيد،
    القاضي) right after the bare given name or name parts i..j-1, ends the name clearly (punctuation,
    a stop word or the end of the text after it): the title is the family name (حسان الشيخ، محمد
    السيد), as a title opening another person's name needs that name after it.  Not the titles of an
    office (المتحدث باسم، الرئيس الحالي، الأمين العام): those open the role after a name."""
    return i < j < len(f.toks) and f.joined(j - 1) and not has_article(f.toks[j - 1].key) \
        and f.toks[j].key in f.w["title_surnames"] and _clear_end(f, j)


def _ordinary_surname(f: Finder, i: int, j: int) -> bool:
    """Token j, right after the name read so far (tokens i..j-1, ending on a name part, not a joiner),
    is a family name with the article that is also an ordinary word (lexicon ordinary_surnames:
    الصباح, the morning): the family name, whatever follows it (محمد خالد الحمد الصباح أكد، سعد
    الصباح ــ), as the ordinary word does not stand right after a name."""
    return i < j < len(f.toks) and f.joined(j - 1) and not f.is_(j - 1, "name_joiners") \
        and f.toks[j].key in f.w["ordinary_surnames"]


def _compound_head(f: Finder, k: int) -> bool:
    """Token k heads a compound given name whose second word is definite (عبد المحسن، عبد الله): a
    name joiner that is no lineage word, kunya nor family marker (not بن، أبو، آل)."""
    return f.is_(k, "name_joiners") and not f.is_(k, "lineage_words") and not f.is_(k, "kunya") \
        and not f.is_(k, "family_markers")


def add_person(f: Finder, i: int, end: int) -> None:
    pre = f.prefix_of(i, "kunya") if f.is_(i, "kunya") else (given_prefix(f, i) or 0)
    m = f.add(i, end, pre, "PERSON", None, 0.7, pattern=True)
    if _named_by_verb(f, i) and not f.is_(i - 1, "alias_markers"):
        t = f.toks[i - 1]
        m.why = f"the bare name after the verb of naming '{f.doc.text[t.start:t.end]}'"


def surnames(f: Finder) -> None:
    """Later mentions of an unknown person by the last part of the name (…المحيسني → المحيسني)."""
    last: dict[str, str] = {}
    for m in f.out:
        if m.type == "PERSON" and m.kb_id is None:
            i, j = m.tok
            k = f.toks[j - 1].key
            if j - i >= 2 and has_article(k) and len(k) > 4:
                last[without_article(k)] = m.text
    if not last:
        return
    taken = set()
    for m in f.out:
        taken.update(range(*m.tok))
    article = letters().article
    ends = tuple(last)   # a reading's stem is the end of its word: a word ending in none is skipped at once
    keys = f.doc.keys
    # the words ending in a surname, picked by one C-level pass over the document's keys
    for i in compress(range(f.n), map(str.endswith, keys, repeat(ends))):
        if i in taken:
            continue
        key = keys[i]
        for n, st in f.reads[key]:
            if st in last and key[n - 2:n] == article if n >= 2 else False:
                f.add(i, i + 1, n, "PERSON", None, 0.6, pattern=True, surname_of=last[st])
                break



def _compound_ancestor(f: Finder, j: int) -> bool:
    """Tokens j, j+1 are a compound given name (عبد الله، عبد الرحمن: :func:`_compound_head` and its
    second word, nothing but white space between) standing as a father's or grandfather's name inside
    a name chain of two parts or more (خالد محمد عبد الله الشحي), and a family name with the article
    closes the chain right after it (no place): a compound name after a bare two-part name with no
    family name after it opens the next person of a list instead (… محمد أحمد، عبد الله …)."""
    toks = f.toks
    k = j + 2
    return k < len(toks) and _compound_head(f, j) and f.joined(j) and f.joined(j + 1) \
        and not starts_with_and(toks[j].key) and _compound(f, j) and not place_hit(f, j + 1) \
        and has_article(toks[k].key) and f.name_like(k) and not place_hit(f, k)
