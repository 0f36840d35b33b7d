"""SurveyStore's edits of facilities: add one found in the field, move, status, rename.

A mixin of SurveyStore kept in its own module; it relies on the store's `_write`,
`facility`, `checklist` and `_inspector`. Every edit writes one `changes` row per field
with old and new value (JSON), in the same transaction as the edit.
"""
from __future__ import annotations

import sqlite3
import uuid as uuid_module
from typing import Any, Dict, Mapping, Optional, Tuple

from ..errors import InputError
from .packagefile import nfc, now_iso, to_json
from .records import Facility
from .schema import SURVEY_STATUSES


class FacilityEdits:
    """Facility edits of SurveyStore (mixin; see the module docstring)."""

    def add_facility(self, facility_type: str, name: str, x: float, y: float,
                     inspector: Optional[str] = None, address: str = "",
                     attributes: Optional[Mapping[str, Any]] = None,
                     status: str = "existing") -> Facility:
        """A facility found in the field: new uuid, origin 'field', no base revision."""
        checklist = self.checklist(facility_type)
        inspector = self._inspector(inspector)
        name = nfc(name or "").strip()
        if not name:
            raise InputError("a new facility needs a name", field="name")
        self._check_status(status)
        x, y = self._coordinates(x, y)
        facility_uuid, now = str(uuid_module.uuid4()), now_iso()
        fields = {"facility_type": facility_type, "name": name, "address": nfc(address or ""),
                  "status": status, "x": x, "y": y}
        with self._write() as conn:
            conn.execute(
                "INSERT INTO facilities (uuid, facility_type, task, name, address, status, x, y,"
                " attributes, base, origin, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 'field', ?, ?)",
                (facility_uuid, facility_type, checklist.task, name, fields["address"], status,
                 x, y, to_json(dict({"position_source": "map"}, **(attributes or {}))), now,
                 now))
            self._record(conn, facility_uuid, "created", None, fields, now, inspector)
        return self.facility(facility_uuid)

    def move_facility(self, facility_uuid: str, x: float, y: float,
                      inspector: Optional[str] = None) -> Facility:
        """Correct the position; the change rows keep the old one (and `base` the original)."""
        x, y = self._coordinates(x, y)
        return self._change(facility_uuid, {"x": x, "y": y}, inspector)

    def set_status(self, facility_uuid: str, status: str,
                   inspector: Optional[str] = None) -> Facility:
        self._check_status(status)
        return self._change(facility_uuid, {"status": status}, inspector)

    def update_facility(self, facility_uuid: str, inspector: Optional[str] = None, *,
                        name: Optional[str] = None, address: Optional[str] = None,
                        facility_type: Optional[str] = None) -> Facility:
        """Correct name, address or type; None leaves a field as it is."""
        changes: Dict[str, Any] = {}
        if name is not None:
            if not nfc(name).strip():
                raise InputError("the name cannot be empty", field="name")
            changes["name"] = nfc(name).strip()
        if address is not None:
            changes["address"] = nfc(address).strip()
        if facility_type is not None:
            self.checklist(facility_type)
            changes["facility_type"] = facility_type
        return self._change(facility_uuid, changes, inspector)

    def _change(self, facility_uuid: str, new: Mapping[str, Any],
                inspector: Optional[str]) -> Facility:
        current = self.facility(facility_uuid)
        inspector = self._inspector(inspector)
        if any(getattr(current, k) != v for k, v in new.items()):
            with self._write() as conn:
                self._apply(conn, current, new, inspector, now_iso())
        return self.facility(facility_uuid)

    def _apply(self, conn: sqlite3.Connection, current: Facility, new: Mapping[str, Any],
               inspector: str, now: str) -> None:
        """Inside a transaction: update the changed fields, one `changes` row each."""
        changed = {k: v for k, v in new.items() if getattr(current, k) != v}
        if not changed:
            return
        for field_name, value in changed.items():
            self._record(conn, current.uuid, field_name, getattr(current, field_name), value,
                         now, inspector)
        assignments = ", ".join(f"{k} = ?" for k in changed)
        params = list(changed.values())
        if "facility_type" in changed:
            assignments += ", task = ?"
            params.append(self.checklist(changed["facility_type"]).task)
        conn.execute(f"UPDATE facilities SET {assignments}, updated_at = ? WHERE uuid = ?",
                     params + [now, current.uuid])

    @staticmethod
    def _record(conn: sqlite3.Connection, facility_uuid: str, field_name: str, old: Any,
                new: Any, at: str, inspector: str) -> None:
        conn.execute(
            "INSERT INTO changes (change_uuid, facility_uuid, field, old_value, new_value, "
            "changed_at, inspector) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (str(uuid_module.uuid4()), facility_uuid, field_name, to_json(old), to_json(new),
             at, inspector))

    @staticmethod
    def _check_status(status: str) -> None:
        if status not in SURVEY_STATUSES:
            raise InputError(f"status '{status}' is not one of {SURVEY_STATUSES}",
                             field="status")

    @staticmethod
    def _coordinates(x: Any, y: Any) -> Tuple[float, float]:
        try:
            x, y = float(x), float(y)
        except (TypeError, ValueError):
            raise InputError(f"position ({x}, {y}) is not a pair of numbers",
                             field="x") from None
        if x != x or y != y or abs(x) > 1e8 or abs(y) > 1e8:
            raise InputError(f"position ({x}, {y}) is not a valid coordinate", field="x")
        return x, y
