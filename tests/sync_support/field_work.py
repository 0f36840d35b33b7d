"""Survey packages and an inspector's field work, written with SQL per format v1.

`make_survey_package` calls the real make_package for a sub-district; `FieldWork` does
what the survey app does through SurveyStore, with SQL so a test controls every value:
edits with a changes row (old and new value as JSON), audits with answers, photos with SHA-256,
facilities added in the field (origin='field', own uuid). Independent of the import code.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import uuid
from pathlib import Path
from typing import Any, Dict, Optional

from lifecircle_plugin.core.survey.schema import AUDITED_FIELDS


def make_survey_package(project: Path, out: Path, subdistrict: str, inspector: str,
                        project_id: Optional[str] = None) -> Path:
    """One package per inspector (its own package_uuid), made by survey_core's
    make_package for one 街镇. `project_id` overrides the recorded one (a package of
    another project)."""
    from lifecircle_plugin.core.survey.package import make_package

    make_package(project, out, subdistrict=subdistrict, inspector=inspector)
    if project_id is not None:
        connection = sqlite3.connect(out)
        connection.execute("UPDATE package_info SET value = ? WHERE key = 'project_id'",
                           (project_id,))
        connection.commit()
        connection.close()
    return out


class FieldWork:
    """An inspector working on a package (a laptop). Use as a context manager."""

    def __init__(self, package: Path, inspector: Optional[str] = None):
        self.package = Path(package)
        self.connection = sqlite3.connect(self.package)
        self.inspector = inspector or self.info("inspector")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.connection.commit()
        self.connection.close()

    def info(self, key: str) -> str:
        return self.connection.execute("SELECT value FROM package_info WHERE key = ?",
                                       (key,)).fetchone()[0]

    def facility(self, facility_uuid: str) -> Dict[str, Any]:
        cursor = self.connection.execute("SELECT * FROM facilities WHERE uuid = ?",
                                         (facility_uuid,))
        return dict(zip([c[0] for c in cursor.description], cursor.fetchone()))

    def edit(self, facility_uuid: str, field: str, value: Any,
             at: str = "2026-05-22T09:00:00+08:00") -> None:
        """Change one field; the changes table records old and new value."""
        current = self.facility(facility_uuid)
        if field in AUDITED_FIELDS:
            old = current[field]
            self.connection.execute(f"UPDATE facilities SET {field} = ?, updated_at = ?"
                                    " WHERE uuid = ?", (value, at, facility_uuid))
        else:
            attributes = json.loads(current["attributes"] or "{}")
            old = attributes.get(field)
            attributes[field] = value
            self.connection.execute(
                "UPDATE facilities SET attributes = ?, updated_at = ? WHERE uuid = ?",
                (json.dumps(attributes, ensure_ascii=False), at, facility_uuid))
        self.connection.execute(
            "INSERT INTO changes VALUES (?, ?, ?, ?, ?, ?, ?)",
            (str(uuid.uuid4()), facility_uuid, field, _json(old), _json(value), at,
             self.inspector))

    def move(self, facility_uuid: str, x: float, y: float,
             at: str = "2026-05-22T09:05:00+08:00") -> None:
        self.edit(facility_uuid, "x", x, at)
        self.edit(facility_uuid, "y", y, at)

    def add_facility(self, facility_type: str, name: str, x: float, y: float,
                     task: int = 3, at: str = "2026-05-22T10:00:00+08:00",
                     attributes: Optional[Dict[str, Any]] = None) -> str:
        facility_uuid = str(uuid.uuid4())
        self.connection.execute(
            "INSERT INTO facilities (uuid, facility_type, task, name, address, status, x, y,"
            " attributes, base, origin, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, NULL, 'existing', ?, ?, ?, NULL, 'field', ?, ?)",
            (facility_uuid, facility_type, task, name, x, y,
             json.dumps(attributes or {}, ensure_ascii=False), at, at))
        return facility_uuid

    def audit(self, facility_uuid: str, answers: Dict[str, Any],
              started_at: str = "2026-05-22T09:30:00+08:00", status: str = "complete") -> str:
        audit_uuid = str(uuid.uuid4())
        completed = started_at if status == "complete" else None
        self.connection.execute(
            "INSERT INTO audits VALUES (?, ?, ?, ?, ?, ?, ?)",
            (audit_uuid, facility_uuid, self.inspector, started_at, started_at, completed,
             status))
        self.answer(audit_uuid, answers, started_at)
        return audit_uuid

    def answer(self, audit_uuid: str, answers: Dict[str, Any],
               at: str = "2026-05-22T09:40:00+08:00") -> None:
        for question_id, value in answers.items():
            self.connection.execute(
                "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?)",
                (audit_uuid, question_id, json.dumps(value, ensure_ascii=False), at))
        self.connection.execute("UPDATE audits SET updated_at = ? WHERE audit_uuid = ?",
                                (at, audit_uuid))

    def photo(self, audit_uuid: str, facility_uuid: str, original_name: str, data: bytes,
              at: str = "2026-05-22T09:35:00+08:00") -> str:
        photo_uuid = str(uuid.uuid4())
        self.connection.execute(
            "INSERT INTO photos VALUES (?, ?, ?, NULL, ?, ?, 'image/jpeg', ?, ?)",
            (photo_uuid, audit_uuid, facility_uuid, hashlib.sha256(data).hexdigest(),
             original_name, data, at))
        return photo_uuid


def copy_package(package: Path, out: Path) -> Path:
    """A package exported again from the laptop (same file, same package_uuid)."""
    shutil.copyfile(package, out)
    return out


def _json(value: Any) -> Optional[str]:
    """changes.old_value/new_value are JSON (format v1)."""
    return json.dumps(value, ensure_ascii=False)
