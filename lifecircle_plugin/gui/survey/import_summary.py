"""Turn the core's import plan (dry run) or import report into rows a table can show.

One row per project layer: adds, updates, conflicts, errors; plus notes (schema drift,
errors by package and row). Kept apart from the dialog so the processing algorithm prints
the same figures the dialog shows.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, List, Mapping

COLUMNS = ("adds", "updates", "conflicts", "errors")
_ALIASES = {"adds": ("adds", "added", "add"), "updates": ("updates", "updated", "update"),
            "conflicts": ("conflicts", "conflict"), "errors": ("errors", "error")}


@dataclass(frozen=True)
class Row:
    layer: str
    adds: int
    updates: int
    conflicts: int
    errors: int

    def total(self) -> int:
        return self.adds + self.updates + self.conflicts + self.errors


def _count(counts: Any, column: str) -> int:
    for name in _ALIASES[column]:
        value = counts.get(name) if isinstance(counts, Mapping) else getattr(counts, name, None)
        if value is not None:
            return len(value) if isinstance(value, (list, tuple, set)) else int(value)
    return 0


def _per_layer(result: Any) -> Mapping[str, Any]:
    for name in ("layers", "per_layer", "counts"):
        value = result.get(name) if isinstance(result, Mapping) else getattr(result, name, None)
        if callable(value):
            value = value()
        if isinstance(value, Mapping):
            return value
    return {}


def rows(result: Any) -> List[Row]:
    """Per-layer counts of a plan or report, in the order the core gave them."""
    return [Row(str(layer), *(_count(counts, column) for column in COLUMNS))
            for layer, counts in _per_layer(result).items()]


def totals(table: Iterable[Row]) -> Row:
    table = list(table)
    return Row("", *(sum(getattr(r, c) for r in table) for c in COLUMNS))


def notes(result: Any) -> List[str]:
    """Readable lines: schema drift and errors the core listed."""
    lines: List[str] = []
    for name in ("schema_notes", "drift", "notes", "error_messages", "messages"):
        value = result.get(name) if isinstance(result, Mapping) else getattr(result, name, None)
        if callable(value):
            value = value()
        if isinstance(value, (list, tuple)):
            lines.extend(str(v) for v in value if str(v) not in lines)
    return lines
