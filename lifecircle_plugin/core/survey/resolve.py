"""Deciding a held conflict: the planner picks the project's or the field's value.

Nothing in a conflict was applied at import; this is the only place a field value that
clashed reaches the facility, and only by the planner's explicit choice (the review dock
calls it per field). The decision is recorded (state, resolution, resolved_at) and the
decided field value becomes the merge base of that package lineage, so re-importing the
package does not raise the same conflict again. One transaction, lock detected like the
import.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Optional

from .. import project_schema as ps
from ..errors import InputError
from . import gpkg_sql, merge
from .project_state import dumps, loads

log = logging.getLogger(__name__)

CHOICES = ("project", "field")


@dataclass
class Resolution:
    conflict_uuid: str
    facility_uuid: str
    field: str
    kind: str
    choice: str
    applied: Dict[str, Any] = field(default_factory=dict)


def resolve_conflict(project_gpkg, conflict_uuid: str, choice: str,
                     now: Optional[str] = None) -> Resolution:
    """Resolve one open conflict with 'project' (keep the project's value) or 'field'
    (take the field's value: set it, re-create a facility the project deleted, or delete
    one the field did not find)."""
    from .importer import now_iso

    if choice not in CHOICES:
        raise InputError(f"choice must be 'project' or 'field', not {choice!r}")
    now = now or now_iso()
    project_gpkg = Path(project_gpkg)
    with gpkg_sql.write_transaction(project_gpkg) as connection:
        if ps.CONFLICTS not in gpkg_sql.tables(connection):
            raise InputError(f"no conflict {conflict_uuid}: no survey with conflicts was "
                             "imported into this project", file=project_gpkg,
                             layer=ps.CONFLICTS)
        row = _fetch(connection, f'SELECT * FROM "{ps.CONFLICTS}" WHERE conflict_uuid = ?',
                     (conflict_uuid,))
        if row is None:
            raise InputError(f"no conflict {conflict_uuid}", file=project_gpkg,
                             layer=ps.CONFLICTS)
        if row["state"] != "open":
            raise InputError(f"conflict {conflict_uuid} is already {row['state']}",
                             file=project_gpkg, layer=ps.CONFLICTS)
        resolution = Resolution(conflict_uuid, row["facility_uuid"], row["field"],
                                row["kind"], choice)
        if choice == "field":
            resolution.applied = _take_field(connection, row, now)
        _remember(connection, row, now)
        connection.execute(
            f'UPDATE "{ps.CONFLICTS}" SET state = ?, resolution = ?, resolved_at = ?'
            " WHERE conflict_uuid = ?", ("resolved", choice, now, conflict_uuid))
        xy = (resolution.applied.get("x"), resolution.applied.get("y"))
        bounds = (*xy, *xy) if xy[0] is not None else None
        for table in (ps.CONFLICTS, ps.SYNC_STATE):
            gpkg_sql.touch_contents(connection, table)
        gpkg_sql.touch_contents(connection, ps.FACILITIES, bounds)
    log.info("conflict %s resolved with the %s value", conflict_uuid, choice)
    return resolution


def _fetch(connection, sql, parameters):
    cursor = connection.execute(sql, parameters)
    row = cursor.fetchone()
    return None if row is None else dict(zip([c[0] for c in cursor.description], row))


def _take_field(connection, row, now: str) -> Dict[str, Any]:
    value = loads(row["field_value"])
    facility_uuid = row["facility_uuid"]
    geometry, srs_id = gpkg_sql.geometry_column(connection, ps.FACILITIES)
    columns = gpkg_sql.columns(connection, ps.FACILITIES)
    if row["kind"] == merge.DELETED_IN_FIELD:  # the field's state: status not_found
        values = {name: v for name, v in (value or {}).items()
                  if name in columns and name not in ("x", "y")}
        gpkg_sql.update(connection, ps.FACILITIES, "uuid", facility_uuid,
                        dict(values, updated_at=now))
        return values
    if row["kind"] == merge.DELETED_IN_PROJECT:
        values = {name: v for name, v in (value or {}).items()
                  if name in columns and name not in ("x", "y")}
        values.update(uuid=facility_uuid, updated_at=now, source="survey",
                      source_id=row["package_uuid"])
        values = {name: v for name, v in values.items() if name in columns}
        if geometry and value and value.get("x") is not None:
            values[geometry] = gpkg_sql.point_blob(value["x"], value["y"], srs_id)
        gpkg_sql.insert(connection, ps.FACILITIES, values)
        return {"restored": facility_uuid, "x": (value or {}).get("x"),
                "y": (value or {}).get("y")}
    if row["field"] == merge.POSITION:
        x, y = value
        gpkg_sql.update(connection, ps.FACILITIES, "uuid", facility_uuid,
                        {geometry: gpkg_sql.point_blob(x, y, srs_id), "updated_at": now})
        return {"x": x, "y": y}
    name = row["field"]
    if name in columns:
        gpkg_sql.update(connection, ps.FACILITIES, "uuid", facility_uuid,
                        {name: value, "updated_at": now})
    else:
        _to_extra(connection, columns, facility_uuid, name, value, now)
    return {name: value}


def _to_extra(connection, columns, facility_uuid, name, value, now) -> None:
    if "extra" not in columns:
        gpkg_sql.add_column(connection, ps.FACILITIES, "extra", "String")
    current = _fetch(connection, f'SELECT extra FROM "{ps.FACILITIES}" WHERE uuid = ?',
                     (facility_uuid,))
    extra = loads(current["extra"]) if current else None
    extra = extra if isinstance(extra, dict) else {}
    extra[name] = value
    gpkg_sql.update(connection, ps.FACILITIES, "uuid", facility_uuid,
                    {"extra": dumps(extra), "updated_at": now})


def _remember(connection, row, now: str) -> None:
    """The decided field value becomes this lineage's base for the field."""
    if row["field"] == "*":
        return
    value = loads(row["field_value"])
    pairs = (("x", value[0]), ("y", value[1])) if row["field"] == merge.POSITION and value \
        else ((row["field"], value),)
    for name, single in pairs:
        key = (row["package_uuid"], row["facility_uuid"], name)
        connection.execute(
            f'DELETE FROM "{ps.SYNC_STATE}" WHERE package_uuid = ? AND facility_uuid = ?'
            " AND field = ?", key)
        gpkg_sql.insert(connection, ps.SYNC_STATE, {
            "package_uuid": key[0], "facility_uuid": key[1], "field": name,
            "value": dumps(single), "updated_at": now})
