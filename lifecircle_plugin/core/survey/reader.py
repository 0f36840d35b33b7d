"""Reading a returned survey package (format v1) for import, refusing what cannot be one.

The import never trusts a file because of its name: a package must have package_info,
a schema version this code understands, and the tables of the format. Photos stay in
the file until the import writes them (they can be large). Read-only: the package is
the inspector's record and is never changed by the import.
"""
from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional

from ..errors import InputError
from .packagefile import inspect_package, read_only_uri
from .records import Photo

log = logging.getLogger(__name__)

KNOWN_AUDIT_COLUMNS = ("audit_uuid", "facility_uuid", "inspector", "started_at",
                       "updated_at", "completed_at", "status")


@dataclass
class PackageAudit:
    audit_uuid: str
    facility_uuid: str
    inspector: str
    started_at: str
    updated_at: str
    completed_at: Optional[str]
    status: str
    answers: Dict[str, Any] = field(default_factory=dict)
    extra: Dict[str, Any] = field(default_factory=dict)


@dataclass
class SurveyPackage:
    path: Path
    info: Dict[str, str]
    facilities: Dict[str, Dict[str, Any]]
    audits: List[PackageAudit]
    photos: List[Photo]
    changes: List[Dict[str, Any]]
    errors: List[str] = field(default_factory=list)

    @property
    def package_uuid(self) -> str:
        return self.info["package_uuid"]

    @property
    def inspector(self) -> str:
        return self.info.get("inspector") or ""

    def photo_data(self, photo_uuid: str) -> bytes:
        with _open(self.path) as connection:
            row = connection.execute("SELECT data FROM photos WHERE photo_uuid = ?",
                                     (photo_uuid,)).fetchone()
        return bytes(row[0]) if row and row[0] is not None else b""


def _open(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(read_only_uri(path), uri=True, timeout=2.0)
    connection.row_factory = sqlite3.Row
    return connection


def read_package(path, project_id: Optional[str] = None) -> SurveyPackage:
    """Read one package for import. The file checks (not a package, damaged, newer
    schema) are the survey app's own, from packagefile.inspect_package; added here is the
    refusal of a package made for another project."""
    path = Path(path)
    info = inspect_package(path)
    _check_project(info, path, project_id)
    connection = _open(path)
    try:
        return _read(connection, path, info)
    except sqlite3.DatabaseError as exc:
        raise InputError(f"the survey package is damaged or incomplete ({exc}); ask the "
                         "inspector for the file again", file=path) from None
    finally:
        connection.close()


def _read(connection: sqlite3.Connection, path: Path, info: Dict[str, str]):
    package = SurveyPackage(path, info, {}, [], [], [])
    for row in connection.execute("SELECT * FROM facilities"):
        values = dict(row)
        values["attributes"] = _json(values.get("attributes"), package, "facilities",
                                     values["uuid"], "attributes") or {}
        values["base"] = _json(values.get("base"), package, "facilities", values["uuid"],
                               "base")
        package.facilities[values["uuid"]] = values
    answers: Dict[str, Dict[str, Any]] = {}
    for row in connection.execute("SELECT audit_uuid, question_id, value FROM answers"):
        answers.setdefault(row["audit_uuid"], {})[row["question_id"]] = _json(
            row["value"], package, "answers", row["audit_uuid"], row["question_id"])
    for row in connection.execute("SELECT * FROM audits ORDER BY started_at, audit_uuid"):
        values = dict(row)
        known = {key: values.get(key) for key in KNOWN_AUDIT_COLUMNS}
        extra = {key: value for key, value in values.items() if key not in KNOWN_AUDIT_COLUMNS}
        package.audits.append(PackageAudit(**known, answers=answers.get(values["audit_uuid"], {}),
                                           extra=extra))
    for row in connection.execute(
            "SELECT photo_uuid, audit_uuid, facility_uuid, question_id, sha256, original_name,"
            " mime, length(data) AS size, added_at FROM photos ORDER BY added_at, photo_uuid"):
        package.photos.append(Photo(**dict(row)))
    package.changes = [dict(row) for row in connection.execute(
        "SELECT * FROM changes ORDER BY changed_at, change_uuid")]
    return package


def _check_project(info: Dict[str, str], path: Path, project_id: Optional[str]) -> None:
    if project_id is not None and info.get("project_id") != project_id:
        raise InputError(
            f"survey package belongs to another project ({info.get('project_id')!r},"
            f" this project is {project_id!r})", file=path, layer="package_info",
            field="project_id")


def _json(text, package: SurveyPackage, table: str, row, column) -> Any:
    if text is None or text == "":
        return None
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        package.errors.append(f"{package.path.name}: {table} {row}: {column} is not JSON")
        return text if column != "base" else None
