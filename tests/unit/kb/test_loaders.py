"""The registry of knowledge files: every file has a shape; a corrupted copy fails with a
KnowledgeError naming the file and the line, both in `rasd kb check` and when a stage needs it."""
from __future__ import annotations

import shutil

import pytest
import yaml

from rasd.errors import KnowledgeError
from rasd.kb import loaders
from rasd.kb.resources import Resources
from rasd.kb.yamlfile import KNOWLEDGE_DIR


@pytest.fixture
def kdir(tmp_path):
    out = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, out)
    return out


def corrupt(path) -> int:
    """Append an entry of the wrong shape; returns its line. A mapping file gets its first table
    moved to the end with a number for a value (`leader_titles: 5`; the loader refuses a key written
    twice, so the table's own lines go); a list file gets a bare number."""
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    data = yaml.safe_load(text)
    if isinstance(data, dict):
        key = next(k for k, v in data.items() if isinstance(v, (list, dict)))
        lines = text.splitlines(keepends=True)
        start = next(n for n, x in enumerate(lines) if x.startswith(f"{key}:"))
        end = next((n for n in range(start + 1, len(lines))
                    if lines[n].strip() and not lines[n][0].isspace() and lines[n][0] not in "#-"), len(lines))
        text = "".join(lines[:start] + lines[end:]) + f"{key}: 5\n"
    else:
        text += "- 5\n"
    path.write_text(text, encoding="utf-8")
    return text.count("\n")


def test_every_knowledge_file_is_registered():
    assert sorted(p.stem for p in KNOWLEDGE_DIR.glob("*.yaml")) == sorted(loaders.KNOWLEDGE)


def test_the_knowledge_files_pass():
    lines = loaders.check()
    assert len(lines) == len(loaders.KNOWLEDGE) and all(": ok" in x for x in lines)


@pytest.mark.parametrize("name", sorted(loaders.KNOWLEDGE))
def test_a_corrupted_file_names_file_and_line(kdir, name):
    line = corrupt(kdir / f"{name}.yaml")
    k = loaders.KNOWLEDGE[name]
    with pytest.raises(KnowledgeError) as e:
        if k.part:      # what a stage meets when it needs the part
            getattr(Resources("/nonexistent-rasd-data", kdir), k.part)
        else:
            loaders.validate(kdir / f"{name}.yaml", k.shape)
    assert e.value.message.startswith(f"{name}.yaml:{line}:"), e.value.message


def test_kb_check_names_the_corrupted_file(kdir):
    line = corrupt(kdir / "relations.yaml")
    with pytest.raises(KnowledgeError) as e:
        loaders.check(kdir)
    assert e.value.message.startswith(f"relations.yaml:{line}: leader_titles:"), e.value.message


def test_a_wrong_value_deep_in_an_entry_names_its_line(kdir):
    path = kdir / "triggers.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index("triggers:")
    n = next(i for i, x in enumerate(lines) if i > start and ("pos: verb" in x or "pos: noun" in x))
    lines[n] = lines[n].replace("pos: verb", "pos: adverb").replace("pos: noun", "pos: adverb")
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(KnowledgeError) as e:
        Resources("/nonexistent-rasd-data", kdir).triggers
    assert e.value.message.startswith(f"triggers.yaml:{n + 1}: triggers.0.pos"), e.value.message


def test_extract_with_a_bad_relations_file_names_it(kdir, resources):
    """The issue's example: `leader_titles: 5` appended to relations.yaml used to pass `kb check`
    and then make extraction raise a bare TypeError. Appended, it is a key written twice, which the
    loader refuses at its line."""
    from rasd.pipeline import Pipeline

    with (kdir / "relations.yaml").open("a", encoding="utf-8") as f:
        f.write("leader_titles: 5\n")
    line = (kdir / "relations.yaml").read_text(encoding="utf-8").count("\n")
    pipe = Pipeline.build(Resources(resources.data_dir, kdir))
    with pytest.raises(KnowledgeError) as e:
        pipe.run("قال قائد جيش الإسلام زهران علوش إن قواته سيطرت على بلدة في ريف دمشق.")
    assert f"relations.yaml:{line}:" in e.value.message and "'leader_titles' is written twice" in e.value.message, \
        e.value.message


def test_question_marks_are_single_characters():
    """The worthiness stage tests question marks one character at a time: a longer entry is refused."""
    import pydantic
    import pytest

    from rasd.kb.shapes import QuestionMarks

    QuestionMarks(marks=["?"], ends=["."])
    with pytest.raises(pydantic.ValidationError):
        QuestionMarks(marks=["??"], ends=["."])


@pytest.mark.parametrize("key", ["club_nationalities", "sport_words"])
def test_a_misspelt_key_of_the_club_rule_is_an_error(kdir, key):
    """lexicon.yaml's club_nationalities and sport_words are read by name by the club rule of
    rasd.stages.mentions.places: misspelt, the rule would be silently off; declared, it is an error."""
    path = kdir / "lexicon.yaml"
    text = path.read_text(encoding="utf-8")
    assert f"\n{key}:" in text
    path.write_text(text.replace(f"\n{key}:", f"\n{key}s:"), encoding="utf-8")
    with pytest.raises(KnowledgeError) as e:
        Resources("/nonexistent-rasd-data", kdir).kb
    assert e.value.message.startswith("lexicon.yaml") and key in e.value.message, e.value.message


def test_a_word_with_its_condition_is_read_with_the_list(kdir):
    """lexicon.yaml site_cues holds words and words with a condition (`مخيم: known_apart`): the list's
    folded words have both, the conditions are kept by list and folded word."""
    kb = Resources("/nonexistent-rasd-data", kdir).kb
    assert {"مطار", "مخيم"} <= kb.lexicon["_folded"]["site_cues"]
    assert kb.lexicon["_conditions"]["site_cues"] == {"مخيم": "known_apart", "قطاع": "named_bare"}


@pytest.mark.parametrize("item", ["مخيم: somewhere", "{مخيم: known_apart, مطار: known_apart}"])
def test_an_unknown_condition_or_two_words_in_one_item_is_an_error(kdir, item):
    """A condition the link stage does not know, or two words in one conditioned item, fails with
    lexicon.yaml and the list's line."""
    path = kdir / "lexicon.yaml"
    text = path.read_text(encoding="utf-8")
    assert "مخيم: known_apart]" in text
    path.write_text(text.replace("مخيم: known_apart]", item + "]"), encoding="utf-8")
    line = next(n for n, x in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if x.startswith("site_cues:"))
    with pytest.raises(KnowledgeError) as e:
        Resources("/nonexistent-rasd-data", kdir).kb
    assert e.value.message.startswith(f"lexicon.yaml:{line}") and "site_cues" in e.value.message, e.value.message


def test_a_misspelt_person_origin_markers_is_an_error(kdir):
    """triggers.yaml person_origin_markers is read by name by events/fatalities origin_of_person:
    declared, a misspelt key is an error naming the file, not a rule silently off."""
    path = kdir / "triggers.yaml"
    text = path.read_text(encoding="utf-8")
    assert "\nperson_origin_markers:" in text
    path.write_text(text.replace("\nperson_origin_markers:", "\nperson_origin_marker:"), encoding="utf-8")
    with pytest.raises(KnowledgeError) as e:
        Resources("/nonexistent-rasd-data", kdir).triggers
    assert e.value.message.startswith("triggers.yaml") and "person_origin_markers" in e.value.message, e.value.message


@pytest.mark.parametrize("key, good", [("actor", "civilians"), (None, "idf")])
def test_an_actor_id_of_open_actors_that_actors_yaml_lacks_names_file_and_line(kdir, key, good):
    """victims.actor and a national_forces value name an actor of actors.yaml; a typo used to pass the
    load silently (the victims then linked under no actor). The builder of the open_actors part
    checks them against the knowledge base's actors and names the line."""
    path = kdir / "open_actors.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    if key:   # the `actor:` line inside `victims:`
        start = lines.index("victims:")
        n = next(i for i, x in enumerate(lines) if i > start and x.strip().startswith(f"{key}:"))
    else:     # the first national_forces entry
        n = lines.index("national_forces:") + 1
    assert lines[n].rstrip().endswith(good)
    lines[n] = lines[n].rstrip()[: -len(good)] + good + "_typo"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(KnowledgeError) as e:
        Resources("/nonexistent-rasd-data", kdir).open_actors
    msg = e.value.message
    assert msg.startswith(f"open_actors.yaml:{n + 1}: ") and f"unknown actor '{good}_typo'" in msg, msg


def test_a_generic_actor_id_that_actors_yaml_lacks_names_file_and_line(kdir):
    """kinds.generic_actors (round 21: the kinds of groups rasd.stages.roster drops) name actors of
    actors.yaml too; a typo is an error naming the file and the line, not a rule silently off."""
    path = kdir / "open_actors.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    n = next(i for i, x in enumerate(lines) if x.strip().startswith("generic_actors:"))
    assert "jihadists" in lines[n]
    lines[n] = lines[n].replace("jihadists", "jihadists_typo")
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(KnowledgeError) as e:
        Resources("/nonexistent-rasd-data", kdir).open_actors
    msg = e.value.message
    assert msg.startswith(f"open_actors.yaml:{n + 1}: ") and "unknown actor 'jihadists_typo'" in msg, msg


def test_the_open_actors_part_builds_from_the_knowledge_as_it_is():
    forces = Resources("/nonexistent-rasd-data").open_actors
    assert forces.victims_actor == "civilians" and set(forces.adjectives.values())


def test_a_misspelt_place_kind_in_eventcoref_quarters_names_its_line(kdir):
    """quarters.cities / parts are gazetteer kinds: a typo fails on load, not silently joins nothing."""
    path = kdir / "eventcoref.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    n = next(i for i, x in enumerate(lines) if x.strip().startswith("parts:") and lines.index("quarters:") < i)
    lines[n] = "  parts: [neighbourhod]"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(KnowledgeError) as e:
        loaders.validate(path, loaders.KNOWLEDGE["eventcoref"].shape)
    assert "eventcoref.yaml:" in e.value.message and "quarters.parts" in e.value.message, e.value.message
