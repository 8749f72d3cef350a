"""Stages in order; each is Doc → Doc and declares what it needs and adds (design §2).

A pipeline assembled out of order fails when it is built, naming both stages.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

from rasd.doc import Doc
from rasd.errors import PipelineError


@dataclass(frozen=True)
class Stage:
    name: str
    func: Callable[[Doc], Doc]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


class Pipeline:
    def __init__(self, stages: list[Stage]):
        have: dict[str, str] = {}
        for st in stages:
            for need in st.requires:
                if need not in have:
                    later = next((s.name for s in stages if need in s.assigns), None)
                    raise PipelineError(
                        f"stage '{st.name}' needs '{need}', which "
                        + (f"stage '{later}' assigns after it" if later else "no stage assigns"),
                        hint="Reorder the stages so that each comes after what it requires.")
            for a in st.assigns:
                have[a] = st.name
        self.stages = stages

    def run(self, text: str, trace: Path | None = None, **source) -> Doc:
        doc = Doc(text, **source)
        for st in self.stages:
            doc = st.func(doc)
            doc.stages.append(st.name)
            if trace is not None:
                trace.mkdir(parents=True, exist_ok=True)
                n = len(doc.stages)
                (trace / f"{n:02d}-{st.name}.json").write_text(
                    json.dumps(doc.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")
        return doc

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    from rasd.registry import STAGES

    return Pipeline(list(STAGES.values()))
