"""Modality (negated, planned, conditional cues before a trigger) and attribution (a source in the
sentence, or the last one when it continues reported speech).

This is the first reading of an event's modality, from the words right before its trigger
(modality.yaml). The whole clause may revise it once, in one place: rasd.stages.worthiness.rules.modality
(a negation of the toll only → asserted; a demand, or a future over the clause that
rasd.stages.worthiness.rules.clause_mood reads → planned), which the worthiness stage applies with its why."""
from __future__ import annotations

from rasd.arabic.clitics import letters
from rasd.stages.events.clauses import Sent
from rasd.stages.cuematch import phrase_at
from rasd.stages.events.triggers import Trig


class Modality:
    """Modality and attribution of a trigger, each with its why."""

    def modality(self, t: Trig, lo: int) -> tuple[str, str]:
        """The trigger's modality and why (the cue that set it, or that none did)."""
        M = self.L.modality
        if t.d.modality:
            return t.d.modality, f"the trigger form is {t.d.modality} (triggers.yaml:{t.d.line})"
        st = self.all_sentences[self.doc.sentence_of(self.toks[t.i].start)]
        # "modality.NAME" in cues(key): in_cue_set(M[NAME], key) (lexicon.modality_sets)
        cues, keys = self.L.modality_lists.lookup, self.keys
        if st is not None:   # نفت الوزارة أن يكون قد خطف: a denied report
            denied = next((k for k in range(st.lo, t.i) if "modality.denial" in cues(keys[k])), None)
            if denied is not None:
                that = next((k for k in range(denied + 1, t.i) if "modality.that" in cues(keys[k])), None)
                if that is not None:
                    return "negated", f"denial '{self.span_text(denied, denied + 1)}' … " \
                                      f"'{self.span_text(that, that + 1)}' before the trigger (modality.yaml negated)"
        for mod in ("negated", "conditional", "planned"):
            c = M[mod]
            stop_at, before, not_before = (f"modality.{mod}.{part}" for part in ("stop_at", "before", "not_before"))
            for k in range(t.i - 1, max(lo, t.i - c["window"]) - 1, -1):
                names = cues(keys[k])
                if stop_at in names:
                    break   # توعدت بالرد على اغتيال …: what a vow answers has happened
                n = phrase_at(c["phrases"], self.key, k, t.i) or \
                    (before in names and not_before not in cues(self.key(k + 1)))
                if n:
                    return mod, f"cue '{self.span_text(k, k + int(n))}' {t.i - k} word{'s' if t.i - k > 1 else ''} " \
                                f"before the trigger (modality.yaml {mod})"
        pre, L = self.key(t.i)[t.glue:t.prefix], letters()
        if M["planned"]["purpose_lam"] and "".join(c for c in pre if c not in L.conj) in (L.li, L.lam_article) \
                and t.d.pos == "noun" and not any("modality.lam_governors" in cues(keys[k])
                                                  for k in range(max(lo, t.i - M["lam_window"]), t.i)):
            return "planned", "a noun trigger with the purpose lam (in order to …; modality.yaml planned)"
        return "asserted", "no negation, condition or plan cue before the trigger"

    def attribution(self, st: Sent) -> str | None:
        """The source of a sentence's events; ``self.attr_why`` says why."""
        srcs = [m for m in st.mentions if m.type == "SOURCE" or m.entity in self.reporters]
        if srcs:
            self.last_attr = srcs[0].entity
            self.attr_why = f"the sentence names the source '{srcs[0].text}'" if srcs[0].type == "SOURCE" else \
                f"the sentence names '{srcs[0].text}', who speaks for a source"
            return srcs[0].entity
        first = [k for k in range(st.lo, min(st.hi, st.lo + 2))]
        verb = next((k for k in first if "modality.reporting_verbs" in self.L.modality_lists.lookup(self.keys[k])), None)
        if verb is not None:
            self.attr_why = (f"the sentence opens with the reporting verb '{self.span_text(verb, verb + 1)}': "
                             "it continues what the last source said") if self.last_attr else \
                "the sentence opens with a reporting verb, but no source was named before it"
            return self.last_attr
        self.attr_why = "no source named in the sentence"
        return None
