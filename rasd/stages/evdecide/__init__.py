"""Learned event decision (issue 8, item 3): keep, drop or retype each proposed event.

The events stage proposes an event wherever a trigger word has arguments, the worthiness rules
drop the clause kinds they know, and event coreference makes one record per real-world event;
this stage comes after them, so it decides on the events the rules would output. Rules written
from one set's misses did not carry to reports nobody tuned on, so this stage learns two
decisions from the annotated gold: do the sentences the event is told in report an event of
this type (worthiness), and if not, which other type do they report (type decision). The model (:mod:`.model`, a multinomial
logistic regression trained by crfsuite) is trained at ``rasd data install`` from
../shared/corpus/seed, ../shared/corpus/dev and annotations/train (never annotations/test and annotations/valid (HELD_OUT_PARTS); see
:mod:`.train`), with features that carry across outlets (:mod:`.features`) and labels read at
sentence level (:mod:`.labels`). ``scripts/evlearn_cv.py`` measures it with leave-one-set-out
cross-validation and chooses the two thresholds.

Off by default, because it does not help. Leave-one-set-out over seed+dev, Saudi train draws
001–100 and 101+, Al Mayadeen train 000–049 and 050+ (246 reports, 1,134 proposals; thresholds
chosen by an inner leave-one-set-out, never on the held-out set), EVENT F1 on the held-out sets
went 76.2 → 76.2, 42.7 → 42.7, 31.6 → 31.6, 61.4 → 61.4 and 54.1 → 54.1 (mean 53.2 → 53.2;
docs/evdecide.md): the drop decision (out-of-fold AUC of P(NONE) .68) is right on under half of
what it would drop, and the type decision is right no more often than the rules' type.
``Pipeline.build(config={"evdecide": {"enabled": True}})`` turns it on. A dropped event is kept
in the document's warnings with its reason; a retyped one says so in its ``why.type``.
"""
from __future__ import annotations

from rasd.doc import Doc, number_events
from rasd.kb.ontology import event_mapping
from rasd.pipeline import Stage
from rasd.stages.evdecide.decide import Decision, decide
from rasd.stages.evdecide.features import DocView, Lexicons, features

MODEL_FILE = "event_decision.crfsuite"
META_FILE = "event_decision.json"


class EventDecision(Stage):
    name = "evdecide"
    requires = ("sentences", "events")
    assigns = ("events",)

    @classmethod
    def defaults(cls):
        # thresholds chosen by scripts/evlearn_cv.py on the pooled out-of-fold predictions of the
        # five held-out sets: no drop threshold helped there, so keep_at 0 (retype only)
        return {"enabled": False, "keep_at": 0.0, "retype_at": 0.5}

    def __call__(self, doc: Doc) -> Doc:
        if not self.config["enabled"] or not doc.events:
            return doc
        model = self.resources.keep(MODEL_FILE, lambda: _load(self.resources))
        lex = self.resources.keep("evdecide-lexicons", lambda: Lexicons.of(self.resources.worthiness_cues,
                                                                            self.resources.triggers))
        apply(doc, model, lex, self.config["keep_at"], self.config["retype_at"], self.resources.ontology)
        return doc


def _load(resources):
    from rasd.stages.evdecide.model import load

    return load(resources.data_dir / MODEL_FILE)


def probabilities(doc: Doc, model, lex: Lexicons) -> list[tuple[dict, list[str]] | None]:
    """The model's label probabilities and the features they came from, per event of ``doc``
    (None for an event read without a trigger)."""
    view = DocView(doc)
    out: list[tuple[dict, list[str]] | None] = []
    for n, ev in enumerate(doc.events):
        if ev.trigger is None:
            out.append(None)
            continue
        feats = features(view, n, lex)
        out.append((model.probs(feats), feats))
    return out


def decisions(doc: Doc, probs: list, keep_at: float, retype_at: float, model=None) -> list[Decision | None]:
    """One decision per event of ``doc`` from its ``probs`` (:func:`probabilities`); with ``model``
    the why names the features that weighed most for the change."""
    sent = [doc.sentence_of(e.trigger[0]) if e.trigger else None for e in doc.events]
    out: list[Decision | None] = []
    for n, ev in enumerate(doc.events):
        if probs[n] is None:
            out.append(None)
            continue
        p, feats = probs[n]
        taken = {e.type for k, e in enumerate(doc.events) if k != n and sent[k] == sent[n]}
        d = decide(p, ev.type, taken, keep_at, retype_at)
        lab = "NONE" if d.action == "drop" else f"TO_{d.type}" if d.action == "retype" else None
        if lab and model is not None:
            d = decide(p, ev.type, taken, keep_at, retype_at, model.top_features(feats, lab))
        out.append(d)
    return out


def apply(doc: Doc, model, lex: Lexicons, keep_at: float, retype_at: float, ontology=None) -> None:
    """Drop and retype ``doc``'s events as the model decides; each change says why."""
    apply_decisions(doc, decisions(doc, probabilities(doc, model, lex), keep_at, retype_at, model), ontology)


def apply_decisions(doc: Doc, ds: list[Decision | None], ontology=None) -> None:
    """Drop and retype the events of ``doc`` as ``ds`` (one per event) say."""
    kept = []
    cats = {x.id: x.category for x in doc.entities}
    for ev, d in zip(doc.events, ds):
        if d is None or d.action == "keep":
            kept.append(ev)
        elif d.action == "drop":
            trig = doc.text[ev.trigger[0]:ev.trigger[1]]
            doc.warnings.append(f"evdecide: no event from {ev.type} '{trig}' at {ev.trigger[0]}: {d.why}")
        else:
            why = ev.extra.setdefault("why", {})
            why["type"] = f"{why.get('type', '')}; learned {d.why}".lstrip("; ")
            ev.type = d.type
            if ontology is not None and d.type in ontology:
                state = any(cats.get(a) == "state_force" for a in ev.agents)
                ev.extra["mapping"] = event_mapping(ontology[d.type], state)
            kept.append(ev)
    if len(kept) < len(doc.events):
        number_events(kept)
    doc.events = kept
