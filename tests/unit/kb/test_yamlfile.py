"""rasd.kb.yamlfile: the C loader gives the same data and line numbers as the pure-Python one."""
from __future__ import annotations

import pytest
import yaml

from rasd.errors import KnowledgeError
from rasd.kb import yamlfile
from rasd.kb.yamlfile import KNOWLEDGE_DIR, load


class _PyLineLoader(yaml.SafeLoader):
    pass


_PyLineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, yamlfile._mapping_with_line)


@pytest.mark.parametrize("path", sorted(KNOWLEDGE_DIR.glob("*.yaml")), ids=lambda p: p.name)
def test_same_data_and_lines_as_pure_python_loader(path):
    with open(path, encoding="utf-8") as f:
        expected = yaml.load(f, Loader=_PyLineLoader)
    assert load(path) == expected


def test_uses_libyaml_when_available():
    if not hasattr(yaml, "CSafeLoader"):
        pytest.skip("this PyYAML was built without libyaml")
    assert issubclass(yamlfile._LineLoader, yaml.CSafeLoader)


def test_line_of_a_nested_mapping(tmp_path):
    p = tmp_path / "k.yaml"
    p.write_text("a: 1\nitems:\n  - x: 1\n\n  - y: 2\n", encoding="utf-8")
    d = load(p)
    assert d["__line__"] == 1
    assert [i["__line__"] for i in d["items"]] == [3, 5]


def test_syntax_error_names_file_and_line(tmp_path):
    p = tmp_path / "bad.yaml"
    p.write_text("a: 1\nb: [1, 2\nc: 3\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as e:
        load(p)
    with open(p, encoding="utf-8") as f:
        with pytest.raises(yaml.YAMLError) as py:
            yaml.load(f, Loader=_PyLineLoader)
    assert f"bad.yaml:{py.value.problem_mark.line + 1}:" in str(e.value)


def test_duplicate_key_names_file_and_line(tmp_path):
    p = tmp_path / "dup.yaml"
    p.write_text("a: 1\nquarters:\nb: 2\nquarters:\n  km: 8\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"dup\.yaml:4:.*'quarters' is written twice.*line 2"):
        load(p)


def test_duplicate_key_in_a_nested_mapping(tmp_path):
    p = tmp_path / "dup.yaml"
    p.write_text("top:\n  x: 1\n  y: 2\n  x: 3\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"dup\.yaml:4:"):
        load(p)


def test_same_key_in_sibling_mappings_is_fine(tmp_path):
    p = tmp_path / "ok.yaml"
    p.write_text("a:\n  k: 1\nb:\n  k: 2\n", encoding="utf-8")
    assert load(p)["b"]["k"] == 2
