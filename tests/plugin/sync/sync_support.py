"""Helpers of the plugin_sync tests: the scenario's place and sqlite3 read-backs."""
from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

SUBDISTRICT = "江苏路街道"
TASK = 3


def sha256(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def query(path, sql, *args):
    """Rows of an SQL query on a GeoPackage or package, read with plain sqlite3."""
    connection = sqlite3.connect(str(path))
    try:
        return connection.execute(sql, args).fetchall()
    finally:
        connection.close()
