"""Turn the core's ImportPlan (dry run) or ImportReport into rows a table can show.

One row per project layer (adds, updates, conflicts, errors) plus readable notes: schema
drift, values kept in a JSON column for lack of a field, errors. Kept apart from the
dialog so the processing algorithm prints the same figures the dialog shows.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, List

from ...i18n import tr

COLUMNS = ("adds", "updates", "conflicts", "errors")


@dataclass(frozen=True)
class Row:
    layer: str
    adds: int
    updates: int
    conflicts: int
    errors: int


def rows(result) -> List[Row]:
    """Per-layer counts of a plan or report (core.survey.importer.ImportPlan), by layer."""
    return [Row(name, *(int(getattr(counts, column)) for column in COLUMNS))
            for name, counts in sorted(result.counts.items())]


def totals(table: Iterable[Row]) -> Row:
    table = list(table)
    return Row("", *(sum(getattr(r, c) for r in table) for c in COLUMNS))


def notes(result) -> List[str]:
    """Schema drift, values kept aside and errors, one readable line each."""
    lines = [tr("Schema change: {0}").format(note) for note in result.drift]
    lines += [tr("Kept in the JSON column (no field for it): {0}").format(note)
              for note in result.extra_values]
    lines += [tr("Error: {0}").format(note) for note in result.errors]
    return lines
