"""One registry of the knowledge files: each file's shape, and the Resources part built from it.

``rasd kb check`` iterates :data:`KNOWLEDGE`; :class:`rasd.kb.resources.Resources` validates a
part's files against their shapes before it builds the part, so a file of the wrong shape fails
with a :class:`KnowledgeError` naming file and line instead of a bare TypeError in a stage.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from rasd.errors import KnowledgeError
from rasd.kb import shapes
from rasd.kb.yamlfile import load


@dataclass(frozen=True)
class Knowledge:
    file: str                    # stem in the knowledge dir
    shape: type[BaseModel]
    part: str | None             # the Resources part built from it (None: read elsewhere)
    reader: str                  # who reads it, for the reader of `rasd kb check`


KNOWLEDGE: dict[str, Knowledge] = {k.file: k for k in (
    Knowledge("actors", shapes.KbEntries, "kb", "rasd.kb.knowledge"),
    Knowledge("persons", shapes.KbEntries, "kb", "rasd.kb.knowledge"),
    Knowledge("sources", shapes.KbEntries, "kb", "rasd.kb.knowledge"),
    Knowledge("lexicon", shapes.Lexicon, "kb", "rasd.kb.knowledge"),
    Knowledge("ontology", shapes.Ontology, "ontology", "rasd.kb.ontology"),
    Knowledge("place_kinds", shapes.PlaceKinds, "place_kinds", "rasd.stages.mentions"),
    Knowledge("clitics", shapes.Clitics, "clitics", "rasd.arabic.clitics"),
    Knowledge("triggers", shapes.Triggers, "triggers", "rasd.stages.events"),
    Knowledge("modality", shapes.Modality, "triggers", "rasd.stages.events"),
    Knowledge("geo_cues", shapes.GeoCues, "geo_cues", "rasd.geo.regions"),
    Knowledge("regions", shapes.Regions, "region_table", "rasd.geo.regions"),
    Knowledge("numbers", shapes.Numbers, "numbers", "rasd.kb.numbers"),
    Knowledge("dates", shapes.Dates, "dates", "rasd.kb.dates"),
    Knowledge("boilerplate", shapes.Boilerplate, "boilerplate", "rasd.stages.clean"),
    Knowledge("geo_anaphors", shapes.GeoAnaphors, "geo_anaphors", "rasd.stages.corefer"),
    Knowledge("relations", shapes.Relations, "relation_words", "rasd.stages.relations"),
    Knowledge("open_places", shapes.OpenPlaces, "open_places", "rasd.stages.open_places"),
    Knowledge("open_actors", shapes.OpenActors, "open_actors", "rasd.stages.open_actors"),
    Knowledge("world_places", shapes.WorldPlaces, None, "rasd.kb.gazetteer (at `rasd data install`)"),
    Knowledge("acled", shapes.Acled, "codebook", "rasd.export.codebook"),
    Knowledge("worthiness", shapes.Worthiness, "worthiness_cues", "rasd.stages.worthiness"),
    Knowledge("eventcoref", shapes.EventCoref, "eventcoref_rules", "rasd.stages.eventcoref"),
)}


def files_of(part: str) -> list[str]:
    """The knowledge files a Resources part is built from."""
    return [k.file for k in KNOWLEDGE.values() if k.part == part]


def _strip(x):
    """The loaded data without the ``__line__`` keys yamlfile adds."""
    if isinstance(x, dict):
        return {k: _strip(v) for k, v in x.items() if k != "__line__"}
    if isinstance(x, list):
        return [_strip(v) for v in x]
    return x


def _line(path: Path, loc: tuple) -> int:
    """The line of the value at ``loc`` (a pydantic error location) in the YAML file."""
    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    line = node.start_mark.line + 1 if node is not None else 1
    for step in loc:
        if isinstance(node, yaml.MappingNode):
            pairs = [(k, v) for k, v in node.value if str(k.value) == str(step)]
            if not pairs:
                break
            k, node = pairs[-1]       # a repeated key: the last one counts, as when loading
            line = k.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            break
    return line


def validate(path: Path, shape: type[BaseModel]) -> None:
    """Check one file's shape; raise KnowledgeError naming file and line of the first problem."""
    data = _strip(load(path))
    try:
        shape.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        loc = tuple(x for x in err["loc"] if x not in ("root",))
        where = ".".join(str(x) for x in loc) or "the file"
        raise KnowledgeError(f"{path.name}:{_line(path, loc)}: {where}: {err['msg']}",
                             hint="Compare with the entries around it; the file's shape is in rasd/kb/shapes.py.") from None


def check(knowledge_dir: Path | None = None) -> list[str]:
    """Validate every knowledge file and build every part from them; one line per file.
    Raises KnowledgeError on the first error (file and line)."""
    from rasd.kb.resources import Resources

    res = Resources("/nonexistent-rasd-data", knowledge_dir)
    out = []
    for k in KNOWLEDGE.values():
        path = res.knowledge(k.file)
        validate(path, k.shape)
        if k.part:
            getattr(res, k.part)
        out.append(f"{path.name}: ok (read by {k.reader})")
    return out
