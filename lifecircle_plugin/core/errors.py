"""Errors a user can cause and fix, with where the problem is.

Every reader, validator and importer raises `InputError` for bad input so the GUI, the
processing provider and the command line can show one readable line (file, layer, row,
field) instead of a traceback. Anything else that escapes is a bug and gets logged with
its traceback.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union


class LifeCircleError(Exception):
    """Base class of the errors this project raises on purpose."""


class InputError(LifeCircleError):
    """Bad input: names the file, and where known the layer, row and field."""

    def __init__(
        self,
        message: str,
        *,
        file: Optional[Union[str, Path]] = None,
        layer: Optional[str] = None,
        row: Optional[Union[int, str]] = None,
        field: Optional[str] = None,
    ) -> None:
        self.message = message
        self.file = str(file) if file is not None else None
        self.layer = layer
        self.row = row
        self.field = field
        super().__init__(self.describe())

    def describe(self) -> str:
        where = []
        if self.file:
            where.append(f"file {self.file}")
        if self.layer:
            where.append(f"layer {self.layer}")
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.field:
            where.append(f"field {self.field}")
        return f"{self.message} ({', '.join(where)})" if where else self.message


class Cancelled(LifeCircleError):
    """The user cancelled a long operation; nothing half-done was kept."""
