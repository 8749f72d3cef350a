#!/usr/bin/env bash
# One command from a fresh clone (Python 3.11, ../shared beside the checkout): set up .venv,
# the pinned dependencies and the data, then extract the sample report as tables.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/.ci/run" --setup-only
exec "$ROOT/.venv/bin/rasd" extract "$ROOT/examples/sample_report.txt" --published 2026-03-14 --format table
