"""The NER corpora of the data folder, read as sentences of (token, tag), and the CAMeL split.

Tags are mapped to one scheme, BIO over PERS / LOC / ORG (everything else is O):
ANERcorp uses B-PERS/B-LOC/B-ORG/B-MISC, AQMAR B-PER/B-LOC/B-ORG/B-MIS*, NewsFANE fifty fine classes
(:data:`NEWSFANE`).

The CAMeL Lab split of ANERcorp holds out the tail of ANERCorp.txt as its test half.  The test file
as distributed differs from that tail: the first token of nearly every sentence is another word
(and carries that word's tag).  :func:`camel_split` therefore finds the tail by aligning the test
file's sentences on everything but their first token, and returns the train half (the text before
the tail), the test sentences as given and the same sentences rebuilt from the tail.

Nothing trained or counted may see the test half or its copies (NewsFANE re-annotates most of
ANERcorp, test half included): :class:`HeldOutGuard` fingerprints the test half by windows of
folded letters, so a copy is found whatever its tokenisation (NewsFANE splits و and folds alef),
and :func:`training_sentences` drops every sentence that shares one window with it.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rasd.arabic.normalize import fold_str
from rasd.errors import InputError

ANERCORP = "ANERCorp.txt"
CAMEL_TEST = "ANERCorp_CamelLab_test.txt"
AQMAR = "AQMAR_Arabic_NER_corpus-1.0.txt"
NEWSFANE = "NewsFANE_Gold_2014_170K.txt"
CLASSES = ("PERS", "LOC", "ORG")

# NewsFANE's fine classes → the three coarse ones (ACE-like; what is not listed is O).
# Group (a collective: الفلسطينيون) is no name; works (Book, Movie, Software) and weapons are not
# among PERS/LOC/ORG.  Facilities (Building-Grounds, Airport, Path) are places, as rasd's PLACE.
NEWSFANE_MAP = {
    **dict.fromkeys(("Politician", "Athlete", "Artist", "Other_PER", "Religious_PER", "Scientist", "Police",
                     "Businessperson", "Lawyer", "Engineer"), "PERS"),
    **dict.fromkeys(("Nation", "Population-Center", "State-or-Province", "GPE-Cluster", "Continent",
                     "Water-Body", "Land", "County-or-District", "Land-Region-Natural", "Building-Grounds",
                     "Airport", "Subarea-Facility", "Path"), "LOC"),
    **dict.fromkeys(("Non-Governmental", "Sports", "Government", "Media", "Commercial", "Educational",
                     "Religious_ORG", "Medical-Science", "Entertainment"), "ORG"),
}
_COARSE = {"PERS": "PERS", "PER": "PERS", "LOC": "LOC", "ORG": "ORG"}
WINDOW = 30          # folded letters per fingerprint window (about six words)

Sentence = list[tuple[str, str]]


def read_conll(path: Path) -> list[Sentence]:
    """Sentences of (token, raw tag) from 'token TAG' / 'token<TAB>TAG' lines; a blank line ends
    a sentence.  Bidi marks and a byte-order mark are dropped; lines without a tag are skipped."""
    sents: list[Sentence] = [[]]
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.replace("\u200e", "").replace("\u200f", "").replace("\ufeff", "")
            if not line.strip():
                if sents[-1]:
                    sents.append([])
                continue
            parts = line.strip().rsplit(None, 1)
            if len(parts) == 2:
                sents[-1].append((parts[0], parts[1]))
    if not sents[-1]:
        sents.pop()
    return sents


def coarse(tag: str, corpus: str) -> str:
    """The BIO tag over PERS/LOC/ORG of a corpus tag (O for anything else)."""
    if tag[:2] not in ("B-", "I-"):
        return "O"
    cls = NEWSFANE_MAP.get(tag[2:]) if corpus == NEWSFANE else _COARSE.get(tag[2:])
    return f"{tag[:2]}{cls}" if cls else "O"


def split_sentences(tokens: list[tuple[str, str]]) -> list[Sentence]:
    """ANERCorp.txt has no blank lines: a sentence ends at a full stop, ? or !."""
    out: list[Sentence] = [[]]
    for tok, tag in tokens:
        out[-1].append((tok, tag))
        if tok in (".", "?", "!", "؟"):
            out.append([])
    return [s for s in out if s]


@dataclass
class CamelSplit:
    train: list[Sentence]           # ANERCorp.txt before the test tail, tags as given
    test: list[Sentence]            # ANERCorp_CamelLab_test.txt as given
    test_rebuilt: list[Sentence]    # the same sentences cut from the tail of ANERCorp.txt
    first_token_differs: int        # test sentences whose first token is not the tail's


def camel_split(ner_dir: Path) -> CamelSplit:
    """The CAMeL split of ANERcorp, located in ANERCorp.txt (see the module docstring)."""
    full_path, test_path = ner_dir / ANERCORP, ner_dir / CAMEL_TEST
    for p in (full_path, test_path):
        if not p.is_file():
            raise InputError(f"{p} is missing", hint="The CAMeL split needs ANERCorp.txt and "
                             f"{CAMEL_TEST} in the NER folder (`rasd data install --from ../shared/data`).")
    full = [tt for s in read_conll(full_path) for tt in s]
    test = read_conll(test_path)
    n_test = sum(len(s) for s in test)
    start = len(full) - n_test
    if start <= 0:
        raise InputError(f"{test_path} is longer than {full_path}", hint="Use the CAMeL Lab release of ANERcorp.")
    rebuilt, i, differs, mismatched = [], start, 0, 0
    for s in test:
        seg = full[i:i + len(s)]
        if [t for t, _ in seg[1:]] != [t for t, _ in s[1:]]:
            mismatched += 1
        differs += seg[0][0] != s[0][0]
        rebuilt.append(seg)
        i += len(s)
    if mismatched > len(test) // 10:
        raise InputError(f"{test_path} is not the tail of {full_path} ({mismatched} of {len(test)} sentences "
                         "differ beyond their first token)", hint="Use the CAMeL Lab release of ANERcorp.")
    return CamelSplit(split_sentences(full[:start]), test, rebuilt, differs)


def _letters(tokens: Iterable[str]) -> str:
    return "".join(c for c in fold_str("".join(tokens)) if c.isalnum())


@dataclass
class HeldOutGuard:
    """Fingerprints of the CAMeL test half: every window of ``WINDOW`` folded letters of the test
    sentences (as given and as rebuilt from the tail, which also covers text across sentences)."""

    windows: set[str] = field(default_factory=set)
    whole: str = ""   # all the test letters, for sentences shorter than a window

    @classmethod
    def of(cls, split: CamelSplit) -> "HeldOutGuard":
        return cls.of_sentences(split.test, split.test_rebuilt)

    @classmethod
    def of_sentences(cls, *groups: list[Sentence]) -> "HeldOutGuard":
        """Fingerprints of sentence lists; each list is also read as one running text (so that
        text across two sentences of a list is covered)."""
        g = cls()
        parts = []
        for sents in groups:
            for s in sents:
                k = _letters(t for t, _ in s)
                parts.append(k)
                g.windows.update(k[i:i + WINDOW] for i in range(max(1, len(k) - WINDOW + 1)))
            run = _letters(t for s in sents for t, _ in s)
            g.windows.update(run[i:i + WINDOW] for i in range(max(1, len(run) - WINDOW + 1)))
        g.whole = "\n".join(parts)
        return g

    def seen(self, tokens: Iterable[str]) -> bool:
        """The sentence shares text with the test half (a window, or all of a short sentence)."""
        k = _letters(tokens)
        if not k:
            return False
        if len(k) < WINDOW:
            return k in self.whole
        return any(k[i:i + WINDOW] in self.windows for i in range(len(k) - WINDOW + 1))


@dataclass
class TrainingData:
    sentences: list[tuple[str, Sentence]]   # (corpus file, sentence with coarse BIO tags)
    dropped: dict[str, int]                 # corpus → sentences dropped as copies of held-out text
    repeats: int                            # NewsFANE sentences left out as re-annotations of ANERcorp
    split: CamelSplit
    guard: HeldOutGuard
    held_out: list[Sentence] = field(default_factory=list)   # validation sentences (see below)
    raw: list[Sentence] = field(default_factory=list)        # ``sentences`` with the corpus's own tags
    skipped: list[str] = field(default_factory=list)         # corpora not read, and why


def training_sentences(ner_dir: Path, corpora: Iterable[str] = (ANERCORP, AQMAR, NEWSFANE),
                       validation: int = 0, keep_repeats: bool = False) -> TrainingData:
    """Every sentence of the NER corpora that training and counting may see: ANERcorp's CAMeL
    train half, AQMAR and NewsFANE, each minus the sentences that share text with the test half.
    The only door to the NER corpora for the CRF and for the given-name list.

    NewsFANE re-annotates ANERcorp: a NewsFANE sentence that shares text with ANERcorp's train
    half is left out too, as ANERcorp's own annotation of that text is kept (its tokens are the
    text as written; NewsFANE's split و and fold alef).  ``validation`` > 0 holds out the last
    that many sentences of the train half (and their copies elsewhere) for choosing settings
    without looking at the test half.  ``keep_repeats`` keeps NewsFANE's re-annotations of the train
    half (for counting: a second annotator's agreement is evidence)."""
    corpora = tuple(corpora)
    if not ((ner_dir / CAMEL_TEST).is_file() and (ner_dir / ANERCORP).is_file()):
        # without the test file nothing can tell the test half: leave out ANERcorp and its copies
        rest = [c for c in corpora if c not in (ANERCORP, NEWSFANE)]
        data = TrainingData([], {}, 0, CamelSplit([], [], [], 0), HeldOutGuard())
        for name in rest:
            if (ner_dir / name).is_file():
                for s in read_conll(ner_dir / name):
                    data.sentences.append((name, [(t, coarse(g, name)) for t, g in s]))
                    data.raw.append(s)
        data.skipped = [f"{c}: no {CAMEL_TEST} and {ANERCORP} to hold the test half out" for c in corpora if c not in rest]
        return data
    split = camel_split(ner_dir)
    train = split.train[:len(split.train) - validation] if validation else split.train
    held = split.train[len(train):]
    guard = HeldOutGuard.of_sentences(split.test, split.test_rebuilt, held)
    anercorp = HeldOutGuard.of_sentences(train) if NEWSFANE in corpora and not keep_repeats else None
    out: list[tuple[str, Sentence]] = []
    raw: list[Sentence] = []
    dropped: dict[str, int] = {}
    repeats = 0
    for name in corpora:
        if name == ANERCORP:
            sents = train
        else:
            p = ner_dir / name
            if not p.is_file():
                continue
            sents = read_conll(p)
        n = 0
        for s in sents:
            if guard.seen(t for t, _ in s):
                n += 1
                continue
            if name == NEWSFANE and anercorp is not None and anercorp.seen(t for t, _ in s):
                repeats += 1
                continue
            out.append((name, [(t, coarse(g, name)) for t, g in s]))
            raw.append(s)
        dropped[name] = n
    return TrainingData(out, dropped, repeats, split, HeldOutGuard.of(split), held, raw)


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """(start, end, class) of the BIO tags (an I- without its B- opens a span, as conlleval)."""
    out, start, cls = set(), None, None
    for i, t in enumerate([*tags, "O"]):
        if t == "O" or t.startswith("B-") or (t.startswith("I-") and t[2:] != cls):
            if start is not None:
                out.add((start, i, cls))
            start, cls = (i, t[2:]) if t != "O" else (None, None)
    return out


def iter_tokens(data: TrainingData) -> Iterator[tuple[str, str]]:
    for _, s in data.sentences:
        yield from s
