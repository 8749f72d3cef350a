"""The scorer of spec/gold.md: gold loading (``gold``), pure scoring (``score``), the run over a
gold file (``run``) and its Rich rendering (``report``)."""
from rasd.eval.gold import GoldRecord, load_gold, load_predictions
from rasd.eval.run import Evaluation, evaluate
from rasd.eval.score import DocScore, Summary, aggregate, score_document

__all__ = ["DocScore", "Evaluation", "GoldRecord", "Summary", "aggregate", "evaluate",
           "load_gold", "load_predictions", "score_document"]
