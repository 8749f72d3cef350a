"""Fixtures shared by the eventcoref tests."""
from __future__ import annotations

import pytest

from rasd.kb.resources import Resources


@pytest.fixture(scope="module")
def rules():
    """eventcoref.yaml's rules as the knowledge gives them (no installed data needed)."""
    return Resources("/nonexistent-rasd-data").eventcoref_rules
