"""Which sentences are worth the CRF: those carrying a trigger word, a role or title word, or a word
no lexicon knows.  Tagging every word of a report would cost more than the rest of the pipeline;
names that matter to an analyst stand near an event word or a title, or are words the news
vocabulary, the gazetteer and the knowledge base have never seen.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rasd.arabic.normalize import fold_str
from rasd.arabic.tokens import stems

ROLE_LISTS = ("person_titles", "org_heads", "kunya", "alias_markers", "title_modifiers")


@dataclass(frozen=True)
class Gate:
    trigger_words: frozenset[str]            # folded first words of trigger forms
    trigger_prefixes: tuple[str, ...]        # folded stems of trigger forms written with *
    role_words: frozenset[str]               # titles, organisation heads, kunyas
    known: frozenset[str]                    # the news vocabulary and one-word KB/gazetteer names

    @classmethod
    def of(cls, triggers: dict, lexicon_folded: dict[str, frozenset[str]], known: Iterable[str]) -> "Gate":
        """From triggers.yaml's data, the lexicon's folded lists and the known words."""
        exact, prefixes = set(), set()
        for item in triggers.get("triggers", []):
            for form in item.get("forms", []):
                first = fold_str(str(form).split()[0])
                if first.endswith("*"):
                    prefixes.add(first[:-1])
                else:
                    exact.update((first, first[2:] if first.startswith("ال") else "ال" + first))
        roles = frozenset().union(*(lexicon_folded.get(k, frozenset()) for k in ROLE_LISTS))
        return cls(frozenset(exact), tuple(sorted(prefixes, key=len, reverse=True)), roles, frozenset(known))

    def reason(self, keys: list[str]) -> str | None:
        """Why a sentence of folded word keys is worth tagging ("trigger", "role", "unknown word"),
        or None."""
        unknown = False
        for key in keys:
            readings = [key, *(st for _, st in stems(key))]
            if any(r in self.trigger_words or r.startswith(self.trigger_prefixes) for r in readings):
                return "trigger"
            if any(r in self.role_words or ("ال" + r) in self.role_words for r in readings):
                return "role"
            if not unknown and len(key) >= 3 and not key.isdigit() and not any(
                    r in self.known or ("ال" + r) in self.known for r in readings):
                unknown = True
        return "unknown word" if unknown else None
