"""``Resources``: everything the stages read, built once from a data dir (design §2).

Stages receive one in their constructor instead of reaching for process-wide singletons. Each
part (knowledge base, gazetteer, lexicons …) is built on first use and kept by the instance, so
two Resources over two data dirs never share state. A Resources pickles as its two paths and
rebuilds in the process that unpickles it (a spawned or remote worker).
"""
from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from rasd.arabic.clitics import using
from rasd.kb.yamlfile import KNOWLEDGE_DIR


def _part(build: Callable[["Resources"], Any]) -> property:
    """A lazily built part, kept in the instance's own table; the knowledge files it is built
    from (rasd.kb.loaders.KNOWLEDGE) are validated against their shapes first."""
    name = build.__name__

    def get(self: "Resources"):
        built = self._built
        if name not in built:
            with self._lock:   # threads asking for a part at once build it once
                if name not in built:
                    from rasd.kb.loaders import KNOWLEDGE, files_of, validate

                    for f in files_of(name):   # the file's shape first: errors name file and line
                        validate(self.knowledge(f), KNOWLEDGE[f].shape)
                    if name in ("clitics", "word_answers"):
                        built[name] = part = build(self)
                    else:   # a part reads words with this Resources' clitic letters
                        with self.scope():
                            built[name] = part = build(self)
                    # the part's per-word caches ask the installed answers first (rasd.kb.wordanswers)
                    use = getattr(part, "use_answers", None)
                    if use is not None and name != "word_answers":
                        use(self.word_answers, name)
        return built[name]

    get.__doc__ = build.__doc__
    return property(get)


class Resources:
    def __init__(self, data_dir: Path | str | None = None, knowledge_dir: Path | str | None = None):
        from rasd.settings import data_dir as default_data_dir

        self.data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
        self.knowledge_dir = Path(knowledge_dir) if knowledge_dir is not None else KNOWLEDGE_DIR
        self._built: dict[str, Any] = {}
        self._provided: set[str] = set()   # parts handed in (provide); not pickled
        self._kept: dict[Any, Any] = {}     # see keep(); not pickled
        # held while a part is built (re-entrant: a part builds the parts it uses); not pickled
        self._lock = threading.RLock()

    def __getstate__(self) -> dict:
        return {"data_dir": str(self.data_dir), "knowledge_dir": str(self.knowledge_dir)}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["data_dir"], state["knowledge_dir"])

    def __repr__(self) -> str:
        return f"Resources(data_dir={str(self.data_dir)!r}, built={sorted(self._built)})"

    def provide(self, **parts: Any) -> "Resources":
        """Use these objects for the named parts instead of building them (hand-made gazetteers
        and lexicons in tests). Provided parts are not pickled: a worker rebuilds from the dirs."""
        unknown = sorted(p for p in parts if not isinstance(getattr(type(self), p, None), property))
        if unknown:
            from rasd.errors import PipelineError

            raise PipelineError(f"Resources has no part {unknown[0]!r}", hint=f"Its parts are {', '.join(PARTS)}.")
        self._built.update(parts)
        self._provided.update(p for p in parts if p != "word_answers")
        if self._provided and "word_answers" not in parts:
            # the installed answers are of the installed parts: a part built over a handed-in one asks none
            from rasd.kb.wordanswers import WordAnswers

            self._built["word_answers"] = WordAnswers()
        return self

    def keep(self, key: Any, build: Callable[[], Any]) -> Any:
        """What ``build()`` returns, built once and kept by this Resources under ``key`` (the
        default pipeline, an ingest worker's state): owned here, so nothing lives at module level.
        At most :data:`KEPT` keys besides the parts; the oldest is dropped past that."""
        kept = self._kept
        if key not in kept:
            with self._lock:
                if key not in kept:
                    with self.scope():
                        kept[key] = build()
                    while len(kept) > KEPT:
                        kept.pop(next(iter(kept)))
        return kept[key]

    def scope(self):
        """A ``with`` block in which the clitic API (rasd.arabic.clitics) reads words with this
        Resources' letters; the pipeline runs every stage in one."""
        return using(self.clitics)

    def knowledge(self, name: str) -> Path:
        """The path of one knowledge file by its stem (``actors`` → …/actors.yaml)."""
        return self.knowledge_dir / f"{name}.yaml"

    # ---- knowledge files ----------------------------------------------------------------------
    @_part
    def clitics(self):
        """The clitic letters (clitics.yaml) and the bounded cache of word readings they give."""
        from rasd.arabic.clitics import Clitics

        return Clitics.load(self.knowledge("clitics"))

    @_part
    def codebook(self):
        """The ACLED export codebook (acled.yaml): countries, admin1 names, outlets."""
        from rasd.export.codebook import load

        return load(self.knowledge("acled"))

    @_part
    def kb(self):
        """Actors, persons, sources and the cue lexicon."""
        from rasd.kb.knowledge import load_kb

        return load_kb(self.knowledge_dir)

    @_part
    def ontology(self):
        """Event type → its ontology entry (ACLED and PLOVER mapping, violent, partners)."""
        from rasd.kb.ontology import load_ontology

        return load_ontology(self.knowledge("ontology"))

    @_part
    def place_kinds(self):
        """Named sets of gazetteer place kinds (named_without_cue, direction_into …)."""
        from rasd.geo.regions import place_kinds

        return place_kinds(self.knowledge("place_kinds"))

    @_part
    def ordinary_places(self):
        """Syrian gazetteer names the news uses mostly as ordinary words (ordinary_places.yaml)."""
        from rasd.stages.mentions.index import ordinary_place_names

        return ordinary_place_names(self.knowledge("ordinary_places"))

    @_part
    def triggers(self):
        """The event lexicon: trigger forms, cue word lists, weapons, modality cues."""
        from rasd.stages.events import load_lexicon

        lex = load_lexicon(self)
        # the events stage reads glued triggers with the news vocabulary (Reader.vocab): the installed
        # openers answers were worked out with it, and are asked with it only (Lexicon.openers_of)
        lex.answers_vocab = self.news_vocab
        return lex

    @_part
    def geo_cues(self):
        from rasd.geo.regions import geo_cues

        return geo_cues(self.knowledge("geo_cues"), self.place_kinds)

    @_part
    def region_table(self):
        from rasd.geo.regions import region_table

        return region_table(self.knowledge("regions"))

    @_part
    def numbers(self):
        """Number words and casualty phrases (numbers.yaml)."""
        from rasd.kb.numbers import lexicon

        return lexicon(self.knowledge("numbers"))

    @_part
    def dates(self):
        """Month names and date words (dates.yaml), with the number lexicon they read counts by."""
        from rasd.kb.dates import knowledge

        return knowledge(self.knowledge("dates"), self.numbers)

    @_part
    def boilerplate(self):
        from rasd.stages.clean import load_boilerplate

        return load_boilerplate(self.knowledge("boilerplate"))

    @_part
    def geo_anaphors(self):
        from rasd.stages.corefer import load_anaphors

        return load_anaphors(self.knowledge("geo_anaphors"))

    @_part
    def relation_words(self):
        from rasd.stages.relations import load_words

        return load_words(self.knowledge("relations"))

    @_part
    def worthiness_cues(self):
        """Cues of sentences that report no event (worthiness.yaml), with the frequent words of the news
        folded (a future verb's rest is one of them: worthiness.yaml irrealis)."""
        from dataclasses import replace

        from rasd.arabic.normalize import fold_str
        from rasd.stages.worthiness.cues import load_cues

        return replace(load_cues(self.knowledge("worthiness"), self.ontology),
                       news_words=frozenset(fold_str(w) for w in self.news_vocab))

    @_part
    def eventcoref_rules(self):
        """Which events of a report may be one event told twice (eventcoref.yaml)."""
        from rasd.stages.eventcoref.rules import load_rules

        return load_rules(self.knowledge("eventcoref"), self.ontology)

    @_part
    def open_places(self):
        """Cue words of open-vocabulary places, folded (open_places.yaml)."""
        from rasd.stages.open_places import load_cues

        return load_cues(self.knowledge("open_places"))

    @_part
    def open_actors(self):
        """Force heads, nationalities and group words, folded (open_actors.yaml)."""
        from rasd.stages.open_actors import load_forces

        return load_forces(self.knowledge("open_actors"), self.kb.actors, self.knowledge("world_places"))

    # ---- installed data -----------------------------------------------------------------------
    @_part
    def gazetteer(self):
        from rasd.kb.gazetteer import load_gazetteer

        return load_gazetteer(self.data_dir)

    @_part
    def given_names(self):
        """Given names learned from the NER corpora (names.json) and mined from the news
        (news_names.json, empty when not installed)."""
        from rasd.kb.names import given_names, news_names

        return given_names(self.data_dir) | news_names(self.data_dir)

    @_part
    def cued_names(self):
        """Given names that are also ordinary words, mined from the news after person cues
        (news_cued_names.json, empty when not installed): the mention finder reads them only after a cue."""
        from rasd.kb.names import cued_names

        return cued_names(self.data_dir)

    @_part
    def common_words(self):
        from rasd.kb.names import common_words

        return common_words(self.data_dir)

    @_part
    def news_vocab(self):
        """The frequent words of the news (the vocabulary of the word clusters learned at install;
        empty without them): the events stage splits a trigger glued to the word before it only
        between two such words."""
        from rasd.ner.clusters import FILENAME, load

        return frozenset(load(self.data_dir / FILENAME))

    @_part
    def ner_tagger(self):
        """The statistical NER (rasd.ner): the CRF trained at install, its lexicons and gate."""
        from rasd.stages.ner import load

        return load(self)

    @_part
    def word_answers(self):
        """The per-word caches' answers precomputed at install (rasd.kb.wordanswers): used only
        when they match today's code, knowledge and data, and no part was handed in (provide)."""
        from rasd.kb.wordanswers import WordAnswers, load

        if self._provided:
            return WordAnswers()
        return load(self.data_dir, self.knowledge_dir)

    # ---- indexes built over the parts above ---------------------------------------------------
    @_part
    def mention_index(self):
        """Phrase matchers over knowledge-base and gazetteer names, and the word classes."""
        from rasd.stages.mentions import build_index

        return build_index(self)


KEPT = 8
PARTS = tuple(n for n, v in vars(Resources).items() if isinstance(v, property))


# The one process-wide memo left, on purpose: the entry point that maps a data dir to its Resources
# (rasd.extract, the exporters and the API ask for "the current data dir's" resources). Bounded
# (four dirs), and a pure function of its key: everything mutable lives inside the Resources.
@lru_cache(maxsize=4)
def _for(data_dir: str) -> Resources:
    return Resources(data_dir)


def default_resources() -> Resources:
    """The Resources of the current data dir (``RASD_DATA_DIR``), one per dir."""
    from rasd.settings import data_dir

    return _for(str(data_dir()))
