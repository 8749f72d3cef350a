"""`rasd eval ner`: PERS / LOC / ORG scores on ANERcorp's CAMeL test split.

(a) the CRF alone, on the test tokens; (b) rasd's entities: the test sentences are joined into
texts (``CHUNK`` sentences each, tokens separated by spaces), run through the whole pipeline, and
every entity mention is mapped to the tokens it overlaps: PERSON → PERS, PLACE → LOC, ACTOR → ORG,
except an actor named by a place (a country, a city, a province or region), which ANERcorp tags LOC;
an actor counts by the name in it, without the description words ANERcorp leaves out of names
(الجيش، قوات، حكومة: :func:`description_words`); a source the knowledge base
names (a news agency, a channel, a paper: رويترز) is an organisation, ORG, while an unnamed one
(مصادر ميدانية) is no name.  ANERcorp tags names only, so a mention that is no name is not
counted: a short form or an anaphor (الحزب، المدينة), a description (مسلحون، الحكومة السودانية:
``nominal``), a civilian group (المواطن، الأهالي), an adjective naming a party (القصف الإسرائيلي:
``party_of``).  Spans match exactly; a mention counts by its name, without the words before it that
ANERcorp leaves outside a name of its class (type words: حركة حماس → حماس, صحيفة هآرتس →
هآرتس, قطاع غزة → غزة), counted on the CAMeL *train* half (:func:`edge_words`).
Both are scored on the test file as given and on the same sentences rebuilt from the tail of
ANERCorp.txt (the given file has another first word in nearly every sentence: see rasd.ner.corpus).
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rasd.arabic.normalize import fold_str
from rasd.arabic.script import has_letter
from rasd.ner.corpus import ANERCORP, CLASSES, Sentence, camel_split, coarse, spans
from rasd.ner.evaluate import Counts

CHUNK = 20
TYPE_MAP = {"PERSON": "PERS", "PLACE": "LOC", "ACTOR": "ORG"}


def entity_class(e: dict) -> str | None:
    """The ANERcorp class of a rasd.document/1 entity (None: not a named entity of PERS/LOC/ORG)."""
    if e["type"] == "SOURCE":
        return "ORG" if e.get("kb_id") else None
    return TYPE_MAP.get(e["type"])


def is_name(e: dict, m: dict) -> bool:
    """Whether a mention (with its trace fields) names its entity, as ANERcorp's tags do.  A mention
    without trace fields counts as a name."""
    return not (m.get("short") or m.get("anaphor") or m.get("nominal") or m.get("party_of")
                or e.get("category") == "civilians")


def train_half(split, hold: int = 0) -> list[Sentence]:
    """The CAMeL train half less its copies of the test half (a sentence sharing text with it,
    :class:`rasd.ner.corpus.HeldOutGuard`) and less its last ``hold`` sentences (a validation
    slice): what :func:`edge_words` may count."""
    from rasd.ner.corpus import HeldOutGuard

    guard = HeldOutGuard.of(split)
    train = split.train[:len(split.train) - hold]
    return [s for s in train if not guard.seen(t for t, _ in s)]


EDGE_MIN = 3       # a word stands before a name of the class this often …
EDGE_SHARE = 2.0   # … and at least this many times as often as it opens one


def edge_words(sentences: list[Sentence], groups: tuple[frozenset[str], ...] = ()) -> dict[str, frozenset[str]]:
    """Per class, the folded words ANERcorp's annotators leave outside a name they stand right before
    (حركة before حماس, صحيفة before هآرتس, قطاع before غزة), while others open the name (حزب in
    حزب الله, مجلس in مجلس الأمن): at least EDGE_MIN times before a name of the class, and
    EDGE_SHARE times as often as its first word; and, keyed ``">" + class``, those they leave outside
    a name they follow (المكرمة after مكة) the same way.  Each of ``groups`` (folded words of one
    kind: the nationality adjectives) is counted as one word, and all its words are edge words when
    it is one (حزب الله | اللبناني، الكونغرس | الأمريكي: most such words are too rare to count
    alone).  ``sentences``: the CAMeL train half, never the test half."""
    near: dict[tuple[str, str], int] = {}    # (class or >class, word) → times right outside a name
    edge: dict[tuple[str, str], int] = {}    # … → times as its first (last) word
    for s in sentences:
        toks = [fold_str(t) for t, _ in s]
        for a, b, c in gold_spans(s):
            for key, inside, outside in ((c, a, a - 1), (">" + c, b - 1, b if b < len(toks) else -1)):
                edge[key, toks[inside]] = edge.get((key, toks[inside]), 0) + 1
                if outside >= 0:
                    near[key, toks[outside]] = near.get((key, toks[outside]), 0) + 1
    out: dict[str, set[str]] = {k: set() for c in CLASSES for k in (c, ">" + c)}
    for (c, w), n in near.items():
        if n >= EDGE_MIN and n >= EDGE_SHARE * edge.get((c, w), 0) and has_letter(w):
            out[c].add(w)
    for g in groups:
        for c in out:
            n = sum(v for (k, w), v in near.items() if k == c and w in g)
            if n >= EDGE_MIN and n >= EDGE_SHARE * sum(v for (k, w), v in edge.items() if k == c and w in g):
                out[c] |= g
    return {c: frozenset(ws) for c, ws in out.items()}


DESC_MIN = 3       # a word seen this often in the train half …
DESC_SHARE = 0.1   # … and inside a name at most this share of the times: a description word


def description_words(sentences: list[Sentence], groups: tuple[frozenset[str], ...] = ()) -> frozenset[str]:
    """Folded words ANERcorp's annotators leave out of names: seen at least DESC_MIN times and inside a
    name (of any class) at most DESC_SHARE of them (الجيش، قوات، الشرطة، الحكومة، البيت, while
    مجلس، حزب، الأمم open names).  ANERcorp tags named entities only (its guidelines follow CoNLL:
    a named organisation is ORG; an organisation named by ordinary words, a state's army, forces
    or police, is a description and O), so an actor whose words are all such words is no name
    and one opening on them counts by the name after them (حكومة كردستان → كردستان, which, a
    place, is LOC).  The words of ``groups`` (the nationality adjectives) are description words too: a
    nationality adjective is no name of its own (CoNLL: MISC), and ANERcorp tags the one that closes
    a country's name (الإمارات العربية) with it, which the count would take for a name word.
    ``sentences``: the CAMeL train half, never the test half."""
    inside: dict[str, int] = {}
    seen: dict[str, int] = {}
    for s in sentences:
        for t, g in s:
            w = fold_str(t)
            seen[w] = seen.get(w, 0) + 1
            if coarse(g, ANERCORP) != "O":
                inside[w] = inside.get(w, 0) + 1
    out = {w for w, n in seen.items() if n >= DESC_MIN and inside.get(w, 0) <= DESC_SHARE * n and has_letter(w)}
    return frozenset(out.union(*groups))


def gold_spans(sent: Sentence) -> set[tuple[int, int, str]]:
    return spans([coarse(g, ANERCORP) for _, g in sent])


def score_crf(sets: dict[str, list[Sentence]], tagger) -> dict[str, dict]:
    out = {}
    for name, sents in sets.items():
        c = Counts()
        for s in sents:
            c.add(gold_spans(s), {(x.start, x.end, x.cls) for x in tagger.spans([t for t, _ in s])})
        out[name] = c.table()
    return out


def score_pipeline(sets: dict[str, list[Sentence]], extract: Callable[[str], dict],
                   is_state: Callable[[str], bool], lead: frozenset[str] = frozenset(),
                   edges: dict[str, frozenset[str]] | None = None,
                   common: frozenset[str] = frozenset(), desc: frozenset[str] = frozenset()) -> dict[str, dict]:
    """Score rasd's entity mentions; ``extract`` maps a text to a rasd.document/1 dict and
    ``is_state`` tells whether an actor's mention text names a place (:func:`state_names`); ``lead``,
    ``edges``, ``common`` and ``desc``: see :func:`predicted`."""
    out = {}
    for name, sents in sets.items():
        c = Counts()
        for k in range(0, len(sents), CHUNK):
            chunk = sents[k:k + CHUNK]
            for s, p in zip(chunk, predicted(chunk, extract, is_state, lead, edges, common, desc)):
                c.add(gold_spans(s), set(p))
        out[name] = c.table()
    return out


def predicted(chunk: list[Sentence], extract: Callable[[str], dict], is_state: Callable[[str], bool],
              lead: frozenset[str] = frozenset(), edges: dict[str, frozenset[str]] | None = None,
              common: frozenset[str] = frozenset(), desc: frozenset[str] = frozenset()
              ) -> list[dict[tuple[int, int, str], dict]]:
    """rasd's spans in each sentence of ``chunk`` (run as one text): (start, end, class) over the
    sentence's tokens → the mention that made it.  A place mention counts by its name: ANERcorp
    tags كردستان in إقليم كردستان and الصين in شمال غرب الصين, so the ``lead`` words (folded: a
    settlement or admin type word, a compass word before a name, maybe behind a proclitic)
    that open a place mention are left out of its span; so are, for any class, the ``edges`` words
    of that class (:func:`edge_words`).  An actor named by one ordinary word of the NER corpora
    (``common``: folded words they use mostly outside names, counted without the CAMeL test half),
    maybe behind a proclitic (الشرطة، والمعارضة), is a description, which ANERcorp tags O, as
    ``nominal`` marks the longer ones (الحكومة السودانية).  An actor's mention counts by the name in
    it: the ``desc`` words (:func:`description_words`) it opens on are left out, and one made of
    them only (الجيش اللبناني، قوات الاحتلال، البيت الأبيض) is a description, no name; what is left
    is LOC when it names a place (حكومة كردستان → كردستان; ``is_state``).  So a short form that is
    a name (القاعدة، قنا، المنظمة الدولية) counts, as ANERcorp tags it, and one that is a
    description (جيش الاحتلال، المفوضية) does not."""
    text, offsets, sent_of = _join(chunk)
    doc = extract(text)
    pred: list[dict] = [{} for _ in chunk]
    for e in doc.get("entities", []):
        cls = entity_class(e)
        if cls is None:
            continue
        for m in e["mentions"]:
            state = cls == "ORG" and is_state(m["text"])
            short_name = bool(desc) and e["type"] == "ACTOR" and m.get("short") and not (
                m.get("anaphor") or m.get("nominal") or m.get("party_of"))
            if not is_name(e, m) and not (state and m.get("short")) and not short_name:
                continue   # a capital standing for its government (بكين for China) is still a name
            if e["type"] == "ACTOR" and not state and common and len(m["text"].split()) == 1 \
                    and _ordinary(m["text"], common):
                continue   # الشرطة، المعارضة: a description
            mcls = "LOC" if state else cls
            hit = [n for n, (a, b) in enumerate(offsets) if a < m["end"] and b > m["start"]]
            if e["type"] == "ACTOR" and not state and desc:
                words = [text[offsets[n][0]:offsets[n][1]] for n in hit]
                if all(_desc(w, desc) for w in words):
                    continue   # الجيش اللبناني، قوات الاحتلال: a description
                if _desc(words[0], desc):
                    while hit and _desc(text[offsets[hit[0]][0]:offsets[hit[0]][1]], desc):
                        hit = hit[1:]
                    rest = text[offsets[hit[0]][0]:offsets[hit[-1]][1]]
                    if is_state(rest) or any(is_state(st) for n, st in _stems(rest) if n):
                        mcls = "LOC"   # حكومة كردستان, لدولة قطر: the place's name
            if cls == "LOC" and e["type"] == "PLACE":
                while len(hit) > 1 and _leads(text[offsets[hit[0]][0]:offsets[hit[0]][1]], lead):
                    hit = hit[1:]
            outside = (edges or {}).get(mcls)
            while outside and len(hit) > 1 and _leads(text[offsets[hit[0]][0]:offsets[hit[0]][1]], outside):
                hit = hit[1:]
            outside = (edges or {}).get(">" + mcls)
            while outside and len(hit) > 1 and fold_str(text[offsets[hit[-1]][0]:offsets[hit[-1]][1]]) in outside:
                hit = hit[:-1]
            if hit:
                si = sent_of[hit[0]]
                base = next(n for n, s in enumerate(sent_of) if s == si)
                pred[si][(hit[0] - base, hit[-1] + 1 - base, mcls)] = m
    return pred


def _leads(word: str, lead: frozenset[str]) -> bool:
    from rasd.arabic.clitics import readings

    key = fold_str(word)
    return bool(lead) and any(f in lead for f in (key, *(st for n, st in readings(key) if n)))


def _stems(text: str) -> tuple[tuple[int, str], ...]:
    """The readings of a text's first word behind its proclitics, with the rest of the text."""
    from rasd.arabic.clitics import readings

    head, _, rest = fold_str(text).partition(" ")
    return tuple((n, f"{st} {rest}".strip()) for n, st in readings(head))


def _desc(word: str, desc: frozenset[str]) -> bool:
    """The word, as written or behind a proclitic (with or without the article: بشرطة، للقوات), is a
    description word (:func:`description_words`)."""
    from rasd.arabic.clitics import letters, readings

    L = letters()
    key, a, ends = fold_str(word), L.article, L.article_ends()
    # a stem read behind a run ending in the article (الأمم، للأمم) is the definite word
    return key in desc or any(n and (a + st if key[:n].endswith(ends) else st) in desc for n, st in readings(key))


def _ordinary(word: str, common: frozenset[str]) -> bool:
    """The word, as written or behind a proclitic before the article (والمعارضة), is one of the
    ``common`` words: a bare stem behind a letter read as a proclitic (فورد: ف + ورد) is not enough."""
    from rasd.arabic.clitics import letters, readings

    key, a = fold_str(word), letters().article
    return key in common or any(n and st.startswith(a) and st in common for n, st in readings(key))


def edge_groups(res) -> tuple[frozenset[str], ...]:
    """The word groups :func:`edge_words` counts as one: the nationality adjectives (lexicon.yaml)."""
    return (frozenset(fold_str(w) for w in res.kb.lexicon["_folded"].get("nationalities", ())),)


def lead_words(res) -> frozenset[str]:
    """Folded words that open a place mention before its name: settlement and admin type words
    (open_places.yaml settlement_cues, lexicon distinct_place_cues) and compass words used before
    a name (geo_cues.yaml directions)."""
    from rasd.kb.yamlfile import load as load_yaml

    geo, places = load_yaml(res.knowledge("geo_cues")), load_yaml(res.knowledge("open_places"))
    words = [w for d in geo.get("directions", []) for w in d.get("before", [])]
    words += places.get("settlement_cues", [])
    words += list(res.kb.lexicon["_folded"].get("distinct_place_cues", ()))
    return frozenset(fold_str(w) for w in words)


def _join(chunk: list[Sentence]) -> tuple[str, list[tuple[int, int]], list[int]]:
    parts, offsets, sent_of, pos = [], [], [], 0
    for si, s in enumerate(chunk):
        for tok, _ in s:
            offsets.append((pos, pos + len(tok)))
            sent_of.append(si)
            parts.append(tok)
            pos += len(tok) + 1
        parts[-1] += "\n"
        pos += 1
    return " ".join(parts), offsets, sent_of


PLACE_KINDS = ("country", "city", "admin", "region")


def state_names(gaz) -> Callable[[str], bool]:
    """Whether a mention text is the name of a country, a city, a province or a region in the
    gazetteer: ANERcorp tags a place's name LOC whatever it stands for (CoNLL's metonymy rule:
    واشنطن، تل أبيب for a government, كردستان in حكومة كردستان); a village's name is left out,
    as many are ordinary words."""
    from rasd.kb.gazetteer import canon

    def is_state(text: str) -> bool:
        return any(p.kind in PLACE_KINDS for p in gaz.lookup(canon(fold_str(text))))
    return is_state


def source_dir() -> Path:
    """The NER corpora the installed data was built from (``--from``'s ner/, or the downloads)."""
    from rasd.errors import DataMissingError
    from rasd.kb.install import status
    from rasd.settings import data_dir

    record = status()
    if record is None:
        raise DataMissingError(f"nothing installed in {data_dir()}")
    src = record.get("from")
    return data_dir() / "downloads" / "ner" if src in (None, "download") else Path(src) / "ner"


def evaluate(ner_dir: Path, which: tuple[str, ...] = ("crf", "rasd")) -> dict:
    """{"crf"|"rasd": {"given"|"rebuilt": {class: {p, r, f1, gold, pred}}}, "first_token_differs": n}."""
    split = camel_split(ner_dir)
    sets = {"given": split.test, "rebuilt": split.test_rebuilt}
    out: dict = {"sentences": len(split.test), "tokens": sum(len(s) for s in split.test),
                 "first_token_differs": split.first_token_differs}
    from rasd.kb.resources import default_resources

    res = default_resources()
    if "crf" in which:
        out["crf"] = score_crf(sets, res.ner_tagger.tagger)
    if "rasd" in which:
        from rasd import check_input
        from rasd.pipeline import default_pipeline

        def extract(text: str) -> dict:
            check_input(text, {})
            return default_pipeline().run(text).to_json(trace=True)   # trace: every mention field

        train = train_half(split)
        out["rasd"] = score_pipeline(sets, extract, state_names(res.gazetteer), lead_words(res),
                                     edge_words(train, edge_groups(res)), res.common_words,
                                     description_words(train, edge_groups(res)))
    return out
