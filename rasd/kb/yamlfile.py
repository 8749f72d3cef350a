"""YAML loading that remembers line numbers, so every knowledge error names file and line."""
from __future__ import annotations

from pathlib import Path

import yaml

from rasd.errors import KnowledgeError

KNOWLEDGE_DIR = Path(__file__).resolve().parent.parent / "knowledge"


# libyaml's CSafeLoader parses the knowledge files several times faster than the pure-Python
# SafeLoader and gives the same node marks (line numbers); the pure-Python one stays the fallback
# for a PyYAML built without libyaml.
_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BASE):
    pass


def _mapping_with_line(loader, node, deep=False):
    # A key written twice in one mapping would silently keep the last value (PyYAML does not
    # complain): refuse it with the line of the second one.
    seen: dict = {}
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        key = loader.construct_object(key_node, deep=True)
        try:
            first = seen.get(key)
            seen[key] = key_node.start_mark.line + 1
        except TypeError:
            continue
        if first is not None:
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} is written twice in one mapping (first on line {first})",
                key_node.start_mark)
    d = loader.construct_mapping(node, deep=True)
    d["__line__"] = node.start_mark.line + 1
    return d


def _timestamp(loader, node):
    """A YAML date, or a file:line error for one that does not exist (2016-02-30), where PyYAML
    raises a bare ValueError without a line."""
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError as e:
        raise yaml.constructor.ConstructorError(None, None, f"{node.value!r} is not a real date ({e})",
                                                node.start_mark) from None


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def load(name_or_path: str | Path):
    """Load a knowledge file (a name in rasd/knowledge or a path); mappings carry ``__line__``."""
    p = Path(name_or_path)
    if not p.suffix:
        p = KNOWLEDGE_DIR / f"{name_or_path}.yaml"
    try:
        with open(p, encoding="utf-8") as f:
            return yaml.load(f, Loader=_LineLoader)
    except FileNotFoundError:
        raise KnowledgeError(f"knowledge file {p} is missing") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"{p}:{mark.line + 1}" if mark else str(p)
        raise KnowledgeError(f"{where}: not valid YAML ({getattr(e, 'problem', e)})") from None


def where(path: str | Path, item) -> str:
    line = item.get("__line__", "?") if isinstance(item, dict) else "?"
    return f"{Path(path).name}:{line}"


def key_line(path, key: str) -> int | str:
    """The line of a top-level ``key:`` in a YAML file (the loader keeps lines of mappings only,
    not of their lists); '?' when it is not there."""
    with open(path, encoding="utf-8") as f:
        return next((n for n, line in enumerate(f, 1) if line.startswith(f"{key}:")), "?")


def require(cond: bool, path, item, msg: str) -> None:
    if not cond:
        raise KnowledgeError(f"{where(path, item)}: {msg}")


def str_list(path, item, key: str) -> list[str]:
    v = item.get(key) or []
    require(isinstance(v, list) and all(isinstance(x, str) and x.strip() for x in v), path, item,
            f"'{key}' must be a list of non-empty strings")
    return [x.strip() for x in v]
