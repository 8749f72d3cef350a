"""rasd.ner.cut: a person span never ends on a name joiner."""
from rasd.arabic.normalize import fold_str
from rasd.ner.cut import ends_on_joiner

JOINERS = {fold_str(w) for w in ("عبد", "بن", "أبو")}


def test_a_span_ending_on_a_joiner_cuts_a_name():
    assert ends_on_joiner(fold_str("عبد"), JOINERS.__contains__)
    assert ends_on_joiner(fold_str("أبو"), JOINERS.__contains__)


def test_a_span_ending_on_a_name_does_not():
    assert not ends_on_joiner(fold_str("الله"), JOINERS.__contains__)
    assert not ends_on_joiner(fold_str("اليمني"), JOINERS.__contains__)


def test_a_comma_after_the_name_closes_it():
    from rasd.ner.cut import closed_by_comma
    assert closed_by_comma("، ") and closed_by_comma(",")
    assert not closed_by_comma(" ") and not closed_by_comma(" «")


def test_a_full_stop_or_an_opening_bracket_after_the_name_closes_it_too():
    """… زهران. ثم …، … زهران (30 عاماً): the name is set off as a whole (round 19)."""
    from rasd.ner.cut import closed_by_comma
    assert closed_by_comma(". ") and closed_by_comma(" (")
    assert not closed_by_comma(" إن ")
