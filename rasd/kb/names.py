"""Given names learned from the NER corpora (ANERcorp, AQMAR, NewsFANE).

At install, the first token of every PERSON span is folded and counted; names seen at least
``MIN_COUNT`` times, minus the stop list in geo_cues.yaml (titles such as الرئيس), are saved to
names.json.  :func:`given_names` reads that file.  The corpora are read through
:func:`rasd.ner.corpus.training_sentences`: never ANERcorp's CAMeL test half nor its copies.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rasd.arabic.normalize import fold_str
from rasd.errors import DataMissingError, InputError
from rasd.kb.yamlfile import load, require, str_list
from rasd.settings import data_dir

FILENAME = "names.json"
MIN_COUNT = 2
COMMON_MIN = 3
# NewsFANE's fine-grained person classes (its Group class is a collective, not a person).
NEWSFANE_PERSON = frozenset({"Politician", "Athlete", "Artist", "Other_PER", "Religious_PER", "Scientist",
                             "Police", "Businessperson", "Lawyer", "Engineer"})
# Corpus file → the B- tags that open a person span.
CORPORA = {"ANERCorp.txt": frozenset({"PERS"}),
           "AQMAR_Arabic_NER_corpus-1.0.txt": frozenset({"PER"}),
           "NewsFANE_Gold_2014_170K.txt": NEWSFANE_PERSON}


def kinds(sentence: Iterable[tuple[str, str]], classes: frozenset[str]) -> Iterator[tuple[str, str]]:
    """(token, kind) for (token, TAG) pairs; kind is "person" for the first token of a person span
    that goes on, "alone" for a one-word person span, "other" (O), or "entity" (any other entity
    token)."""
    pairs = list(sentence)
    for k, (tok, tag) in enumerate(pairs):
        if tag.startswith("B-") and tag[2:] in classes:
            goes_on = k + 1 < len(pairs) and pairs[k + 1][1].startswith("I-")
            yield tok, "person" if goes_on else "alone"
        elif tag == "O":
            yield tok, "other"
        else:
            yield tok, "entity"


def count_given_names(ner_dir: Path, validation: int = 0) -> tuple[Counter, Counter, Counter, list[str], Counter]:
    """Counts of folded tokens as person-span starts, as O, and inside other entities, the corpora
    read, and the counts of the starts that are a one-word person span (``alone``).

    Reads the corpora only through :func:`rasd.ner.corpus.training_sentences`, so the CAMeL test
    half of ANERcorp and its copies (NewsFANE repeats it) are never counted.  NewsFANE's
    re-annotation of the train half is counted beside ANERcorp's: two annotators calling a word a
    name is more evidence than one.  ``validation``: hold out the last that many sentences of the
    train half too (a validation data folder, scripts/ner_validation.py)."""
    from rasd.ner.corpus import training_sentences

    person: Counter = Counter()
    other: Counter = Counter()
    entity: Counter = Counter()
    alone: Counter = Counter()
    data = training_sentences(ner_dir, tuple(CORPORA), validation=validation, keep_repeats=True)
    read = sorted({name for name, _ in data.sentences})
    for (name, _), raw in zip(data.sentences, data.raw):
        for tok, kind in kinds(raw, CORPORA[name]):
            key = fold_str(tok)
            if kind == "alone":   # a one-word person span opens a person span too
                alone[key] += 1
                kind = "person"
            {"person": person, "other": other, "entity": entity}[kind][key] += 1
    return person, other, entity, read, alone


def _family_alone(name: str, counts: Counter, alone: Counter) -> bool:
    """A word with the article that opens a person span of its own word alone in most of its spans
    (الأسد، المالكي، الحريري; the peoples and dynasties a corpus tags as persons: المسلمين،
    العباسيين) is a family name, an epithet or a people read alone, not a given name: an Arabic given
    name takes no article.  Foreign given names that open with the letters of the article (ألكسندر،
    ألبرت، إلهام، إلياس) are followed by the rest of the name, so they stay."""
    from rasd.arabic.clitics import has_article

    return has_article(name) and 2 * alone[name] > counts[name]


def _clitic_form(name: str, counts: Counter) -> bool:
    """ANERcorp writes proclitics on names (ومحمد، لمحمد): such a form is the bare name's, not a name
    of its own, when the bare name opens person spans at least as often (فريد stays: ريد does not)."""
    from rasd.arabic.clitics import readings

    return any(n and counts[st] >= counts[name] for n, st in readings(name))


def name_stoplist(source: dict | Path | str = "geo_cues") -> frozenset[str]:
    """The folded words of geo_cues.yaml's name_stoplist (titles and ranks: الرئيس، العميد، ركن):
    they open person spans in the NER corpora and are no given name. ``source``: the file's loaded
    mapping, a knowledge name or a file path. A missing or malformed list raises KnowledgeError
    with the file and line (no list would silently switch the stop list and the rank words off)."""
    geo = source if isinstance(source, dict) else load(source)
    path = "geo_cues.yaml" if isinstance(source, dict) or not Path(source).suffix else str(source)
    require(isinstance(geo, dict) and "name_stoplist" in geo, path, geo if isinstance(geo, dict) else {},
            "'name_stoplist' is missing")
    return frozenset(fold_str(w) for w in str_list(path, geo, "name_stoplist"))


def build_names(ner_dir: Path, out: Path, validation: int = 0) -> dict:
    counts, other, entity, read, alone = count_given_names(ner_dir, validation)
    if not read:
        raise InputError(f"no NER corpus found in {ner_dir}", hint=f"expected one of {sorted(CORPORA)}")
    geo = load("geo_cues")
    stop = name_stoplist(geo)
    # words that are region names themselves (البادية، الريف) are never ordinary words
    regions = {fold_str(w) for key in ("rif", "badia") for w in str_list("geo_cues.yaml", geo, key)}
    # a name must be a name more often than an ordinary word (الآن، أمام are tagged names once in a while)
    names = sorted(n for n, c in counts.items() if c >= MIN_COUNT and n not in stop and len(n) >= 2
                   and not n.isdigit() and other[n] <= 2 * c and not _clitic_form(n, counts))
    # kept in "names" (the CRF's given-name feature reads them, unchanged), left out of given_names()
    alone_names = [n for n in names if _family_alone(n, counts, alone)]
    # ordinary words: frequent outside entities, rare inside them (برفقة، جديدة، وحدة)
    common = sorted(w for w, c in other.items() if c >= COMMON_MIN and c > 4 * (entity[w] + counts[w])
                    and len(w) >= 2 and not w.isdigit() and w not in regions)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps({"version": 2, "sources": read, "min_count": MIN_COUNT, "names": names,
                               "counts": {n: counts[n] for n in names}, "family_alone": alone_names,
                               "common_words": common},
                              ensure_ascii=False), encoding="utf-8")
    tmp.replace(out)
    return {"given names": len(names) - len(alone_names), "common words": len(common), "corpora": len(read)}


def given_names(base: Path | None = None) -> frozenset[str]:
    """Folded given names; raises DataMissingError when names.json is not installed.  Not the words
    with the article that open one-word person spans (``family_alone``, :func:`_family_alone`: الأسد،
    المسلمين), which the CRF's given-name feature still reads from ``names``."""
    data = _load(base)
    return frozenset(data["names"]) - frozenset(data.get("family_alone", ()))


def common_words(base: Path | None = None) -> frozenset[str]:
    """Folded words the NER corpora use mostly outside names (not to be read as a name or place)."""
    return frozenset(_load(base).get("common_words", ()))


def _load(base: Path | None) -> dict:
    p = (base or data_dir()) / FILENAME
    try:
        return json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataMissingError(f"no given-name list at {p}") from None
    except (ValueError, KeyError, TypeError) as e:
        raise DataMissingError(f"the given-name list at {p} is unreadable ({e})") from None


# ---- given names mined from the unlabelled news ---------------------------------------------------
# The NER corpora tag too few names to know the given names of 2015 Saudi and 2023-24 Levantine
# reporting (يوآف، فولوديمير، مشاري).  The news names people after titles and role nouns (الرئيس
# باراك أوباما، الأمير سلطان بن سلمان، الشهيد X Y), so the word right after such a cue, counted by
# document frequency over the news, is a given name when it is seen there in enough documents and
# is no ordinary word elsewhere (checked by how the same folded word is used in the whole corpus).
NEWS_FILE = "news_names.json"
NEWS_EVERY = 1               # read every NEWS_EVERY-th article of each corpus (install time budget)
NEWS_MIN_DOCS = 3            # documents in which the word follows a cue
NEWS_MIN_CUE_SHARE = 0.05    # of the documents holding the word at all
NEWS_MAX_ARTICLE_SHARE = 0.5  # documents holding ال + word, against those holding the word
NEWS_MAX_CONJ_SHARE = 0.2   # a conjunction-initial word whose remainder is a word (وسيم is a name, وسيتحرك not)
NEWS_TITLE_RUN = 3           # definite words a title phrase may run over (الرئيس الأمريكي السابق X)


@dataclass(frozen=True)
class NameCues:
    """Folded word sets of the news miner: ``cues`` open a name after them (definite titles, role
    nouns); ``stops`` never are a given name nor the next word of one; ``common``: words the NER
    corpora use mostly outside names; ``lineage``: بن، ابن (the next part of a name)."""
    cues: frozenset[str]
    stops: frozenset[str]
    common: frozenset[str]
    lineage: frozenset[str]
    article: str
    conj: frozenset[str]
    articles: tuple[str, ...]   # how a proclitic run ending in the article ends (ال، لل)
    places: frozenset[str] = frozenset()   # folded two-word place names (الشيخ زويد is a town)
    chain: frozenset[str] = frozenset()    # the lineage word of a patronymic chain (بن: X بن Y)
    place_words: frozenset[str] = frozenset()   # words a place's own name follows (قرية، مسجد، موقع)
    and_: str = ""                         # the conjunction و (a list, not a name, after بن)

    @classmethod
    def from_knowledge(cls, common: Iterable[str], places: Iterable[str] = ()) -> "NameCues":
        from rasd.arabic.clitics import letters

        lex, geo = load("lexicon"), load("geo_cues")
        fold = lambda path, data, key: frozenset(fold_str(w) for w in str_list(path, data, key))  # noqa: E731
        art = letters().article
        titles = fold("lexicon.yaml", lex, "person_titles") | name_stoplist(geo)
        # an indefinite title (رئيس، وزير) heads a construct (رئيس مجلس): only definite ones name a person
        cues = frozenset(t for t in titles if t.startswith(art)) | fold("geo_cues.yaml", geo, "name_cues")
        stops = titles | cues | frozenset().union(*(fold("lexicon.yaml", lex, k) for k in (
            "name_stops", "title_modifiers", "org_heads", "place_cues", "nationalities", "kunya")))
        return cls(cues, stops, frozenset(common), fold("lexicon.yaml", lex, "lineage_words"), art,
                   frozenset(letters().conj), letters().article_ends(),
                   frozenset(p for p in map(fold_str, places) if p.count(" ") == 1),
                   chain=fold("lexicon.yaml", lex, "patronymic_words"), and_=letters().and_,
                   place_words=fold("lexicon.yaml", lex, "place_cues") | fold("lexicon.yaml", lex, "facility_cues")
                   | fold("open_places.yaml", load("open_places"), "facility_cues"))


def miner_texts(news_root: Path, every: int = NEWS_EVERY, skip=None) -> Iterator[str]:
    """The texts the given-name miner reads: every ``every``-th article body of both news corpora
    under ``news_root`` (news/ and news2/; rasd.kb.news.articles), never one of the held-out reports
    ``skip`` (default: read here). Not rasd.ner.clusters.news_texts (about ``limit`` SaudiNewsNet
    bodies spread over the days), hence its own name."""
    from rasd.kb.news import articles

    return articles(news_root, every=every, skip=skip)


def cued_words(key: str, c: NameCues) -> tuple[set[str], set[str], set[str]]:
    """(words that open a name after a cue, every word, words right after a place or facility word)
    of one folded text.  A cue word (also after
    و/ف: والرئيس), at most NEWS_TITLE_RUN definite words of its title phrase, then a bare word that is
    followed, with nothing but white space between, by a further name part: a bare word or a
    definite one that is no ordinary word, or بن."""
    from rasd.arabic.tokens import WORD

    ms = list(WORD.finditer(key))
    toks = [m.group() for m in ms]
    joined = [key[ms[i].end():ms[i + 1].start()].isspace() for i in range(len(ms) - 1)] + [False]
    art, found = c.article, set()
    placed = {toks[i + 1] for i, t in enumerate(toks[:-1])
              if (t in c.place_words or (t[:1] in c.conj and t[1:] in c.place_words)) and joined[i]}
    for i, t in enumerate(toks):
        if t in c.chain:
            found.update(_chained(toks, joined, i, c))
            continue
        if t not in c.cues and not (t[:1] in c.conj and t[1:] in c.cues):
            continue
        k = i + 1
        while k < len(toks) and joined[k - 1] and k - i <= NEWS_TITLE_RUN and toks[k].startswith(art) \
                and toks[k] not in c.stops:
            k += 1
        if k + 1 >= len(toks) or not (joined[k - 1] and joined[k]):
            continue
        w, nxt = toks[k], toks[k + 1]
        if k == i + 1 and f"{t} {w}" in c.places:
            continue
        if w.startswith(art) or w in c.stops or len(w) < 2 or not w.isalpha() or w.isascii():
            continue
        if nxt in c.lineage or (nxt.isalpha() and nxt not in c.stops and nxt not in c.common):
            found.add(w)
    return found, set(toks), placed


def _bare_name_part(w: str, c: NameCues) -> bool:
    """A word that can stand in a name as written: bare (no article), Arabic letters, no stop or
    ordinary word."""
    return (len(w) >= 2 and w.isalpha() and not w.isascii() and not w.startswith(c.article)
            and w not in c.stops and w not in c.common)


def _chained(toks: list[str], joined: list[bool], i: int, c: NameCues) -> set[str]:
    """The given name a patronymic chain shows before the lineage word at ``i`` (X بن Y): X, when a
    bare name part follows the lineage word (the person's own given name: محمد بن سلمان، إيتمار بن
    غفير). Y is not taken: بن is also the head of family names (بن لادن، بن غوريون); counted over the
    news, Y inside a longer chain (سعود بن فيصل بن) added no name X had not. A Y opened by the
    conjunction و is no name part but a list (بن وشاي: coffee and tea); a conjunction on X is judged
    by pick_news_names, which sees how the corpus writes the rest of the word."""
    if i == 0 or i + 1 >= len(toks) or not (joined[i - 1] and joined[i]):
        return set()
    nxt = toks[i + 1]
    if not _bare_name_part(nxt, c) or nxt[:1] == c.and_ or not _bare_name_part(toks[i - 1], c):
        return set()
    return {toks[i - 1]}


def count_news_names(texts: Iterable[str], cues: NameCues) -> tuple[Counter, Counter, int, Counter]:
    """Document frequency of each word after a cue, and of every word; the number of texts; the
    document frequency of each word right after a place or facility word."""
    cued: Counter = Counter()
    df: Counter = Counter()
    placed: Counter = Counter()
    n = 0
    for text in texts:
        n += 1
        found, words, after_place = cued_words(fold_str(text), cues)
        cued.update(found)
        df.update(words)
        placed.update(after_place)
    return cued, df, n, placed


def pick_news_names(cued: Counter, df: Counter, cues: NameCues, known: frozenset[str] = frozenset(),
                    placed: Counter | None = None) -> dict[str, int]:
    """The cued words kept as given names, with their cued document count: seen after a cue in at
    least NEWS_MIN_DOCS documents and in NEWS_MIN_CUE_SHARE of the documents holding them; no
    ordinary word (the NER corpora's common words; a word the corpus writes with the article in more
    than NEWS_MAX_ARTICLE_SHARE as many documents, عام/العام); no proclitic form of a more frequent
    word (لشركة، بالديوان; stems of three letters or more, so وليد is not و + ليد); no word the news
    writes right after a place or facility word in more documents than after a cue (``placed``: موقع
    بركة ريشا, a site, though بركة بن is a name too; a word opening place names is no name the news
    alone vouches for)."""
    from rasd.arabic.clitics import readings

    kept = {}
    for w, c in cued.items():
        if c < NEWS_MIN_DOCS or w in known or w in cues.common or c < NEWS_MIN_CUE_SHARE * df[w]:
            continue
        if placed is not None and placed[w] > c:
            continue
        if df[cues.article + w] > NEWS_MAX_ARTICLE_SHARE * df[w]:
            continue
        reads = readings(w)
        if any(n and w[:n].endswith(cues.articles) for n, _ in reads):
            continue   # للتعمير، والمرؤوس: a proclitic and the article are no given name's
        if any(n and len(st) >= 3 and df[st] + df[cues.article + st] >= df[w] for n, st in reads):
            continue
        if w[:1] in cues.conj and df[w[1:]] + df[cues.article + w[1:]] > NEWS_MAX_CONJ_SHARE * df[w]:
            continue   # وسيتحرك، ولايته: the conjunction on a word the corpus also writes without it
        kept[w] = c
    return kept


# ---- the cued tier: given names that are also ordinary words -----------------------------------
# فاضل، ثابت، موفق، هادي، أمين، فرج، كمال are given names and ordinary words (an adjective, a
# participle, a masdar) at once: pick_news_names throws them out as ordinary (the NER corpora's common
# words; a word the news writes with the article as often), so the CRF meets an unseen family name
# after a title with nothing it knows (الخبير فاضل الغراوي).  The news still names people with them
# after a cue in many documents; those words form a second list, which the mention finder reads only
# right after a person cue (a title, a verb of saying), never alone (rasd.stages.ner).
CUED_FILE = "news_cued_names.json"
ALIF = "\u0627"                # the alif of an indefinite accusative (tanween written as alif)
CUED_MIN_DOCS = 3             # documents in which the word follows a cue and a further name part
CUED_MIN_CUE_SHARE = 0.03     # of the documents holding the word at all (verbs and adverbs fall below)


def pick_cued_words(cued: Counter, df: Counter, cues: NameCues, known: frozenset[str] = frozenset(),
                    placed: Counter | None = None) -> dict[str, int]:
    """The cued tier: words seen after a cue, followed by a further name part, in at least
    CUED_MIN_DOCS documents and CUED_MIN_CUE_SHARE of those holding them, that pick_news_names
    rejected as ordinary words (a common word of the NER corpora, or written with the article in
    many documents) or as too rarely cued for a name alone (below NEWS_MIN_CUE_SHARE); the tests of
    form hold (no proclitic form of a word, no word opening place names, no title written bare); ``known``: the given names already listed (names.json, news_names.json)."""
    from rasd.arabic.clitics import readings

    kept = {}
    for w, c in cued.items():
        if c < CUED_MIN_DOCS or w in known or c < CUED_MIN_CUE_SHARE * df[w] or len(w) < 3:
            continue
        if cues.article + w in cues.stops:
            continue   # دكتور، مساعد: a title or role word written without the article
        if w.endswith(ALIF) and df[w[:-1]] + df[cues.article + w[:-1]] > df[w]:
            continue   # قانونا، خلفا: the accusative of a word the corpus writes more often without its alif
        if placed is not None and placed[w] > c:
            continue
        reads = readings(w)
        if any(n and w[:n].endswith(cues.articles) for n, _ in reads):
            continue
        if any(n and len(st) >= 3 and df[st] + df[cues.article + st] >= df[w] for n, st in reads):
            continue   # بقوة، لكمال: a proclitic on a word the corpus writes more often bare
        if w[:1] in cues.conj and df[w[1:]] + df[cues.article + w[1:]] > NEWS_MAX_CONJ_SHARE * df[w]:
            continue
        kept[w] = c
    return kept


def miner_settings() -> dict:
    """The thresholds the name lists are mined with (names.json from the NER corpora, news_names.json
    and the cued tier news_cued_names.json from the news): rasd.kb.install records them among its
    inputs, so that a changed threshold (or a changed choice of corpora and of the tags mined from
    them) rebuilds the lists as a changed input file does."""
    return {"corpora": {f: sorted(tags) for f, tags in CORPORA.items()},
            "newsfane_person": sorted(NEWSFANE_PERSON), "min_count": MIN_COUNT, "common_min": COMMON_MIN, "news_every": NEWS_EVERY,
            "news_min_docs": NEWS_MIN_DOCS, "news_min_cue_share": NEWS_MIN_CUE_SHARE,
            "news_max_article_share": NEWS_MAX_ARTICLE_SHARE, "news_max_conj_share": NEWS_MAX_CONJ_SHARE,
            "news_title_run": NEWS_TITLE_RUN, "cued_min_docs": CUED_MIN_DOCS,
            "cued_min_cue_share": CUED_MIN_CUE_SHARE}


def cued_names(base: Path | None = None) -> frozenset[str]:
    """The cued tier (news_cued_names.json; empty when not installed, an unreadable file is an error)."""
    return _installed_names((base or data_dir()) / CUED_FILE)


def _installed_names(p: Path) -> frozenset[str]:
    """The ``names`` of an installed name file: empty when it is not installed, an unreadable file an
    error (not silently no names)."""
    try:
        return frozenset(json.loads(p.read_text(encoding="utf-8"))["names"])
    except FileNotFoundError:
        return frozenset()
    except (ValueError, KeyError, TypeError) as e:
        raise DataMissingError(f"{p} is unreadable ({e.__class__.__name__}: {e})",
                               hint="Run `rasd data install --force` to rebuild it.") from None


def _write_json(path: Path, obj: dict) -> None:
    """``obj`` as JSON at ``path``, through a temporary file renamed over it (never a half-written file)."""
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)


def build_news_names(news_root: Path, out: Path, common: Iterable[str], known: Iterable[str] = (),
                     every: int = NEWS_EVERY, places: Iterable[str] = (), skip=None) -> dict:
    """Mine given names from the news under ``news_root`` (the shared data folder) into ``out``.
    Without news folders the list is empty.  ``known``: the given names already learned (names.json);
    ``places``: the gazetteer's names (a title word that begins a place name, الشيخ زويد, is none);
    ``skip``: the held-out reports (rasd.kb.heldout; default: read from ``news_root``)."""
    cues = NameCues.from_knowledge(common, places)
    cued, df, n, placed = count_news_names(miner_texts(news_root, every, skip), cues)
    kept = pick_news_names(cued, df, cues, frozenset(known), placed)
    out.parent.mkdir(parents=True, exist_ok=True)
    _write_json(out, {"version": 1, "articles": n, "every": every, "min_docs": NEWS_MIN_DOCS,
                      "names": sorted(kept), "counts": dict(sorted(kept.items()))})
    tier = pick_cued_words(cued, df, cues, frozenset(known) | frozenset(kept), placed)
    _write_json(out.with_name(CUED_FILE), {"version": 1, "articles": n, "every": every, "min_docs": CUED_MIN_DOCS,
                                           "min_cue_share": CUED_MIN_CUE_SHARE, "names": sorted(tier),
                                           "counts": dict(sorted(tier.items()))})
    return {"news articles read for names": n, "given names from the news": len(kept),
            "cued ordinary-word given names from the news": len(tier)}


def news_names(base: Path | None = None) -> frozenset[str]:
    """Folded given names mined from the news (empty when news_names.json is not installed; an
    unreadable file is an error, not silently no names)."""
    return _installed_names((base or data_dir()) / NEWS_FILE)
