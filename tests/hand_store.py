"""A small hand-made store for the API and web-page tests: invented actors and places, three reports.

Nothing here depends on extraction: the documents are written by hand."""
from __future__ import annotations

from pathlib import Path

from rasd.ingest.records import Report
from rasd.store import Store
from rasd.store.dedupe import signature

EAGLES = {"id": "E1", "type": "ACTOR", "name_ar": "لواء النسور الحمر", "name_en": "Red Eagles Brigade",
          "kb_id": "actor:red_eagles", "category": "non_state_armed_group"}
FRONT = {"id": "E2", "type": "ACTOR", "name_ar": "جبهة الصمود الجديدة", "name_en": "New Steadfastness Front",
         "kb_id": "actor:steadfast", "category": "non_state_armed_group"}
WARD = {"id": "E3", "type": "PLACE", "name_ar": "تل الورد", "name_en": "Tall al-Ward", "kb_id": "ocha:T1",
        "geo": {"lat": 35.61, "lon": 36.72, "precision": 1, "admin1": "إدلب", "why": "the only namesake"}}
ZAYTUN = {"id": "E4", "type": "PLACE", "name_ar": "عين الزيتون", "name_en": "Ain al-Zaytun", "kb_id": "ocha:T2",
          "geo": {"lat": 36.31, "lon": 37.41, "precision": 1, "admin1": "حلب", "why": "nearest to Aleppo"}}
ENTITIES = [EAGLES, FRONT, WARD, ZAYTUN]


def document(doc_id: str, outlet: str, published: str, sentences: list[str], events: list[dict],
             entities: list[dict] = ENTITIES) -> dict:
    """A rasd.document/1 dict; each event names its ``sentence`` (index) as evidence and, with
    ``trigger_word``, the word of that sentence its trigger spans (else it has no trigger).
    Every occurrence of an entity's name is one of its mentions."""
    text, spans = "", []
    for s in sentences:
        spans.append([len(text), len(text) + len(s)])
        text += s + " "
    text = text.strip()
    ents = []
    for e in entities:
        mentions, at = [], text.find(e["name_ar"])
        while at >= 0:
            mentions.append({"start": at, "end": at + len(e["name_ar"]), "text": e["name_ar"]})
            at = text.find(e["name_ar"], at + 1)
        ents.append({**e, "confidence": 0.9, "mentions": mentions})
    return {"schema": "rasd.document/1", "doc_id": doc_id,
            "source": {"outlet": outlet, "url": f"http://{outlet}.example/{doc_id}", "published": published,
                       "title": None},
            "text": text, "sentences": spans, "entities": ents,
            "events": [_event(dict(ev), text, spans) for ev in events], "relations": []}


def _event(ev: dict, text: str, spans: list[list[int]]) -> dict:
    sent = spans[ev.pop("sentence")]
    word = ev.pop("trigger_word", None)
    at = text.find(word, sent[0]) if word else -1
    trigger = {"start": at, "end": at + len(word), "text": word} if word else None
    return {"trigger": trigger, "agents": [], "targets": [], "partners": [], "modality": "asserted",
            "attribution": None, "fatalities": None, "confidence": 0.8, **ev,
            "date": {"value": ev["date"], "end": None, "precision": "day", "text": None}, "evidence": [sent]}


DOCS = [
    document("aaaa000000000001", "alpha", "2019-04-03",
             ["شنت طائرات لواء النسور الحمر غارة على مواقع جبهة الصمود الجديدة في تل الورد فجر الثلاثاء.",
              "واندلعت اشتباكات عنيفة بين جبهة الصمود الجديدة ولواء النسور الحمر قرب عين الزيتون."],
             [{"id": "V1", "type": "AIRSTRIKE", "agents": ["E1"], "targets": ["E2"], "places": ["E3"],
               "date": "2019-04-02", "fatalities": 4, "sentence": 0},
              {"id": "V2", "type": "ARMED_CLASH", "agents": ["E2"], "targets": ["E1"], "places": ["E4"],
               "date": "2019-04-03", "sentence": 1}]),
    document("bbbb000000000002", "beta", "2019-04-05",
             ["قال شهود إن غارة للواء النسور الحمر أصابت تل الورد وقتل فيها ستة من جبهة الصمود الجديدة.",
              "وقد يوقع لواء النسور الحمر وجبهة الصمود الجديدة اتفاق تهدئة في عين الزيتون يوم الجمعة."],
             [{"id": "V1", "type": "AIRSTRIKE", "agents": ["E1"], "targets": ["E2"], "places": ["E3"],
               "date": "2019-04-02", "fatalities": 6, "sentence": 0},
              {"id": "V2", "type": "AGREEMENT", "partners": ["E1", "E2"], "places": ["E4"], "date": "2019-04-05",
               "modality": "planned", "sentence": 1}]),
    document("cccc000000000003", "gamma", "2019-05-01",
             ["اعتقلت جبهة الصمود الجديدة عناصر من لواء النسور الحمر في تل الورد."],
             [{"id": "V1", "type": "ARREST", "agents": ["E2"], "targets": ["E1"], "places": ["E3"],
               "date": "2019-05-01", "sentence": 0}]),
]


def build(path: Path, docs: list[dict] = DOCS) -> Path:
    """A store at ``path`` holding ``docs`` (default: the three reports above)."""
    with Store(path) as store:
        for doc in docs:
            report = Report(origin=f"{doc['doc_id']}.txt", sha=doc["doc_id"] * 4, text=doc["text"], title=None,
                            url=doc["source"]["url"], outlet=doc["source"]["outlet"],
                            published=doc["source"]["published"])
            store.add(report, doc, signature(doc["text"]))
    return path
