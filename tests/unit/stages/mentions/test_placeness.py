"""rasd.stages.mentions.placeness: the one list-item end test of both place finders."""
from __future__ import annotations

from rasd.stages.mentions.placeness import ends_item


def test_one_item_end_test_for_both_finders():
    """placeness.ends_item: a comma, a dash or a clause end after the item, a و-word next, or the
    text's end close a list item; a word with no mark before it (a verb of a new clause) does not."""
    assert ends_item("،", "قال") and ends_item("-", "قال") and ends_item(".", "قال") and ends_item("؛", "ثم")
    assert ends_item("", "وبيت") and ends_item("", None)
    assert not ends_item("", "معرباً") and not ends_item("(", "قال")
