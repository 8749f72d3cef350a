"""Stages in order; each is a configured component ``Stage(resources, **config)`` with
``__call__(doc) -> Doc`` that declares the Doc attributes it requires and assigns (design §2).

Attribute paths are ``name`` (a Doc attribute: ``text``, ``sentences``, ``entities`` …) or
``list[TYPE].attr`` (that attribute on every item of the list whose ``type`` is TYPE, e.g.
``entities[PLACE].geo``). A pipeline assembled out of order fails when it is built, naming both
stages; at run time each stage's requirements are checked before it runs and its assignments
after, so a stage that forgets one fails with its name instead of a later stage failing oddly.

A pipeline pickles cheaply: each stage as its config and its Resources, and a Resources as its
two paths, so the other side (a spawned or remote worker) rebuilds from the data dir.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, ClassVar

from rasd.doc import Doc
from rasd.errors import PipelineError
from rasd.kb.resources import Resources, default_resources

# what a new Doc has before any stage runs
GIVEN = ("raw", "source")
_PATH = re.compile(r"^(?P<attr>[a-z_]+)(?:\[(?P<type>[A-Z_]+)\]\.(?P<sub>[a-z_]+))?$")


# what a Doc has (hasattr over an empty one, once: run_stage checks the paths at every stage of every document)
_DOC_ATTRS = (lambda d: frozenset(a for a in dir(d) if hasattr(d, a)))(Doc(""))


def _check_path(path: str) -> tuple[str, str | None, str | None]:
    """(attr, TYPE, sub) of an attribute path, or PipelineError. A stage's paths are parsed once,
    when its class is defined (:meth:`Stage.__init_subclass__`), not at every document."""
    m = _PATH.match(path)
    if m is None or m["attr"] not in _DOC_ATTRS:
        raise PipelineError(f"'{path}' is not a Doc attribute path",
                            hint="Use 'attr' or 'list[TYPE].attr' over the attributes of rasd.doc.Doc.")
    return m["attr"], m["type"], m["sub"]


class Stage:
    """A pipeline component. Subclasses set ``name``, ``requires``, ``assigns`` and ``__call__``."""

    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ()
    # the declared paths with their parts, parsed once per class (run_stage checks them at every document)
    needs: ClassVar[tuple[tuple[str, tuple], ...]] = ()
    gives: ClassVar[tuple[tuple[str, tuple], ...]] = ()

    def __init_subclass__(cls, **kw: Any) -> None:
        super().__init_subclass__(**kw)
        cls.needs = tuple((p, _check_path(p)) for p in cls.requires)
        cls.gives = tuple((p, _check_path(p)) for p in cls.assigns)

    def __init__(self, resources: Resources, **config: Any):
        unknown = set(config) - set(self.defaults())
        if unknown:
            raise PipelineError(f"stage '{self.name}' has no setting {sorted(unknown)}",
                                hint=f"Its settings are {sorted(self.defaults()) or 'none'}.")
        self.resources = resources
        self.config = {**self.defaults(), **config}

    @classmethod
    def defaults(cls) -> dict[str, Any]:
        """The settings the stage takes, with their default values."""
        return {}

    def __call__(self, doc: Doc) -> Doc:  # pragma: no cover - every stage overrides it
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.config})"


def missing(doc: Doc, path: str) -> str | None:
    """Why ``path`` is not set on ``doc`` (None when it is)."""
    return _unset(doc, _check_path(path))


def _unset(doc: Doc, parts: tuple[str, str | None, str | None]) -> str | None:
    """Why the parsed path ``parts`` is not set on ``doc`` (None when it is)."""
    attr, type_, sub = parts
    value = getattr(doc, attr, None)
    if value is None:
        return f"doc.{attr} is not set"
    if type_:
        for item in value:
            if getattr(item, "type", None) == type_ and getattr(item, sub, None) is None:
                return f"{attr} item {getattr(item, 'id', '?')} has no {sub}"
    return None


def check_order(stages: list[Stage]) -> None:
    """Raise PipelineError naming both stages when one needs what only a later one assigns."""
    have = set(GIVEN)
    for st in stages:
        for path in (*st.requires, *st.assigns):
            _check_path(path)
        for need in st.requires:
            if need not in have:
                later = next((s.name for s in stages if need in s.assigns), None)
                raise PipelineError(
                    f"stage '{st.name}' needs '{need}', which "
                    + (f"stage '{later}' assigns after it" if later else "no stage assigns"),
                    hint="Reorder the stages so that each comes after what it requires.")
        have.update(st.assigns)


def run_stage(st: Stage, doc: Doc) -> Doc:
    """Run one stage with its requirements checked before and its assignments after."""
    for need, parts in st.needs:
        why = _unset(doc, parts)
        if why:
            raise PipelineError(f"stage '{st.name}' needs '{need}': {why}",
                                hint="Run the stages before it first (or rerun from a trace taken after them).")
    with st.resources.scope():   # the clitic letters of this stage's Resources (rasd.arabic.clitics)
        out = st(doc)
    if not isinstance(out, Doc):
        raise PipelineError(f"stage '{st.name}' returned {type(out).__name__}, not a Doc")
    for path, parts in st.gives:
        why = _unset(out, parts)
        if why:
            raise PipelineError(f"stage '{st.name}' did not assign '{path}': {why}")
    out.stages.append(st.name)
    return out


class Pipeline:
    """Stage components in order, checked when built (see :func:`check_order`)."""

    def __init__(self, stages: list[Stage]):
        check_order(stages)
        self.stages = list(stages)

    @classmethod
    def build(cls, resources: Resources | None = None, names: list[str] | None = None,
              config: dict[str, dict] | None = None) -> "Pipeline":
        """The registered stages ``names`` (default: all, in order) over ``resources``, each
        configured by ``config[name]`` (e.g. ``{"geocode": {"rounds": 2}}``)."""
        from rasd.registry import STAGES

        resources = resources or default_resources()
        config = config or {}
        unknown = [n for n in [*(names or []), *config] if n not in STAGES]
        if unknown:
            raise PipelineError(f"no stage called {unknown[0]!r}", hint=f"The stages are {', '.join(STAGES)}.")
        return cls([STAGES[n](resources, **config.get(n, {})) for n in (names or STAGES)])

    def stage(self, name: str) -> Stage:
        for st in self.stages:
            if st.name == name:
                return st
        raise PipelineError(f"no stage called {name!r} in this pipeline", hint=f"It has {', '.join(self.names)}.")

    def run(self, text: str, trace: Path | None = None, explain: bool = False, **source) -> Doc:
        """The document through every stage; with ``trace`` (a folder: the document after each stage
        is kept there) or ``explain``, the stages also note what they decided for a trace only."""
        doc = Doc(text, **source)
        doc.explain = explain or trace is not None
        for st in self.stages:
            doc = run_stage(st, doc)
            if trace is not None:
                write_trace(doc, trace)
        return doc

    def rerun(self, name: str, doc: Doc) -> Doc:
        """Run stage ``name`` again on a document (a reloaded trace): the stages that assign what it
        requires must be among those the document went through."""
        st = self.stage(name)
        done = [s for s in self.stages if s.name in doc.stages]
        for need in st.requires:
            if need in GIVEN or any(need in s.assigns for s in done):
                continue
            by = next((s.name for s in self.stages if need in s.assigns), None)
            raise PipelineError(f"stage '{name}' needs '{need}', which stage '{by}' assigns, but the document "
                                f"has been through {', '.join(doc.stages) or 'no stage'} only",
                                hint=f"Rerun from a trace taken after '{by}'.")
        return run_stage(st, doc)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]


def write_trace(doc: Doc, trace: Path) -> Path:
    """Keep the document as it is after its last stage: ``NN-stage.json`` in ``trace``."""
    trace.mkdir(parents=True, exist_ok=True)
    path = trace / f"{len(doc.stages):02d}-{doc.stages[-1]}.json"
    path.write_text(json.dumps(doc.to_json(trace=True), ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def default_pipeline() -> Pipeline:
    """The built-in stages over the current data dir's Resources (built once per data dir)."""
    return _default_for(default_resources())


def _default_for(resources: Resources) -> Pipeline:
    # the Resources (one per data dir) keeps its pipeline, so repeated calls build nothing
    return resources.keep("pipeline", lambda: Pipeline.build(resources))
