"""The real Changning project for sync and export tests, made by the real pipeline.

`build_changning_project` runs the builder (`core.build`, Changning preset on the shared
data) and, unless told not to, the engine (`core.evaluate`) so the result layers exist
for the exports. `read_table` reads a table with plain sqlite3, independently of the code
under test.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Dict, List

JIANGSU_ROAD = "江苏路街道"


def build_changning_project(data_dir: Path, out: Path, evaluate: bool = True) -> Path:
    from lifecircle_plugin.core.build import build_project, changning_config

    build_project(changning_config(data_dir, out))
    if evaluate:
        from lifecircle_plugin.core.evaluate import EvaluationOptions, evaluate_project

        evaluate_project(out, EvaluationOptions())
    return out


def read_table(path: Path, table: str, missing_ok: bool = False) -> List[Dict]:
    """Rows of a table read with plain sqlite3 (independent of the code under test);
    with missing_ok, a table that does not exist (yet) reads as no rows."""
    connection = sqlite3.connect(str(path))
    connection.row_factory = sqlite3.Row
    try:
        exists = connection.execute("SELECT 1 FROM sqlite_master WHERE name = ?",
                                    (table,)).fetchone()
        if missing_ok and not exists:
            return []
        return [dict(row) for row in connection.execute(f'SELECT * FROM "{table}"')]
    finally:
        connection.close()
