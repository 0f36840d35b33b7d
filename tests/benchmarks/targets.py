"""Targets of the benchmarks, collected by run_all.py into one final summary table.

Each bench script calls `target(...)` next to the figure it prints; the line it writes
(starting with MARK) is machine-readable, so run_all.py can list every target with its
measured value and whether it was met, without parsing the prose around it.
"""
from __future__ import annotations

import json

MARK = "BENCH-TARGET "


def target(name: str, measured: str, wanted: str, met: bool) -> None:
    """Print one target line: what, measured value, the target, met or not."""
    print(MARK + json.dumps({"name": name, "measured": measured, "target": wanted,
                             "met": bool(met)}, ensure_ascii=False), flush=True)


def parse(line: str):
    """The target in a line printed by `target`, or None for any other line."""
    if not line.startswith(MARK):
        return None
    return json.loads(line[len(MARK):])
