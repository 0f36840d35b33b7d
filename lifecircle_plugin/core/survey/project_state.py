"""The parts of the project GeoPackage the import reads, held in memory, and its writes.

The import decides everything on this in-memory state, so a dry run (no writer) and the
real import (SQL writer inside the one transaction) take exactly the same decisions,
and a second package in the same run sees what the first one changed.
"""
from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Set, Tuple

from .. import project_schema as ps
from ..errors import InputError
from . import gpkg_sql

log = logging.getLogger(__name__)

SYNC_LAYERS = (ps.AUDITS, ps.AUDIT_PHOTOS, ps.CONFLICTS, ps.IMPORT_LOG, ps.SYNC_STATE)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def loads(text: Optional[str]) -> Any:
    if text is None or text == "":
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


@dataclass
class ProjectState:
    path: str
    project_id: Optional[str]
    crs: Optional[str]
    tables: Set[str]
    columns: Dict[str, Dict[str, str]]
    facilities: Dict[str, Dict[str, Any]]
    seen: Dict[Tuple[str, str, str], Any]
    conflicts: Dict[str, Dict[str, Any]]
    audits: Dict[str, Dict[str, Any]]
    photos: Set[str]
    logged: Set[Tuple[str, str]]
    subdistricts: list = field(default_factory=list)

    def open_conflict(self, package_uuid: str, facility_uuid: str, name: str):
        for row in self.conflicts.values():
            if (row["package_uuid"], row["facility_uuid"], row["field"]) == (
                    package_uuid, facility_uuid, name) and row["state"] == "open":
                return row
        return None


def create_missing_layers(connection: sqlite3.Connection) -> List[str]:
    """Add the survey layers an older project lacks, inside the import transaction (a
    kill rolls them back with everything else). Same CRS as the facilities layer."""
    present = set(gpkg_sql.tables(connection))
    _, srs_id = gpkg_sql.geometry_column(connection, ps.FACILITIES)
    missing = [name for name in SYNC_LAYERS if name not in present]
    for name in missing:
        geometry_type, fields = ps.LAYERS[name]
        gpkg_sql.create_layer(connection, name, geometry_type, fields, srs_id)
    return missing


def load(connection: sqlite3.Connection, path) -> ProjectState:
    tables = set(gpkg_sql.tables(connection))
    if ps.FACILITIES not in tables:
        raise InputError("the project has no facilities layer", file=path,
                         layer=ps.FACILITIES)
    columns = {table: gpkg_sql.columns(connection, table) for table in tables}
    if "uuid" not in columns[ps.FACILITIES]:
        raise InputError("the facilities layer has no uuid field", file=path,
                         layer=ps.FACILITIES, field="uuid")
    state = ProjectState(str(path), _metadata(connection, tables, "project_id"),
                         _crs(connection), tables, columns, {}, {}, {}, {}, set(), set())
    geometry, _ = gpkg_sql.geometry_column(connection, ps.FACILITIES)
    connection.row_factory = sqlite3.Row
    try:
        for row in connection.execute(f'SELECT * FROM "{ps.FACILITIES}"'):
            values = dict(row)
            shape = gpkg_sql.decode(values.pop(geometry, None)) if geometry else None
            values["x"], values["y"] = (shape.x, shape.y) if shape is not None else (None, None)
            if values.get("uuid"):
                state.facilities[values["uuid"]] = values
        _load_sync_tables(connection, state)
        state.subdistricts = _subdistricts(connection, tables)
    finally:
        connection.row_factory = None
    return state


def _load_sync_tables(connection: sqlite3.Connection, state: ProjectState) -> None:
    def rows(table):
        return connection.execute(f'SELECT * FROM "{table}"') if table in state.tables else []

    for row in rows(ps.SYNC_STATE):
        key = (row["package_uuid"], row["facility_uuid"], row["field"])
        state.seen[key] = loads(row["value"])
    for row in rows(ps.CONFLICTS):
        state.conflicts[row["conflict_uuid"]] = dict(row)
    for row in rows(ps.AUDITS):
        state.audits[row["audit_uuid"]] = dict(row)
    state.photos = {row["photo_uuid"] for row in rows(ps.AUDIT_PHOTOS)}
    log_columns = state.columns.get(ps.IMPORT_LOG, {})
    for row in rows(ps.IMPORT_LOG):
        kind = row["kind"] if "kind" in log_columns else None
        state.logged.add((kind or "", row["change_uuid"] or row["package_uuid"]))


def _metadata(connection, tables, key) -> Optional[str]:
    if ps.METADATA not in tables:
        return None
    row = connection.execute(f'SELECT value FROM "{ps.METADATA}" WHERE key = ?',
                             (key,)).fetchone()
    return row[0] if row else None


def _crs(connection) -> Optional[str]:
    row = connection.execute(
        "SELECT s.organization, s.organization_coordsys_id FROM gpkg_geometry_columns g"
        " JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id WHERE g.table_name = ?",
        (ps.FACILITIES,)).fetchone()
    return f"{row[0].upper()}:{row[1]}" if row and row[0] else None


def _subdistricts(connection, tables) -> list:
    """(name, shapely polygon) pairs, to give a facility added in the field its 街镇."""
    if ps.SUBDISTRICTS not in tables:
        return []
    geometry, _ = gpkg_sql.geometry_column(connection, ps.SUBDISTRICTS)
    if not geometry:
        return []
    return [(row[0], gpkg_sql.decode(row[1])) for row in connection.execute(
        f'SELECT name, "{geometry}" FROM "{ps.SUBDISTRICTS}"') if row[1] is not None]


def subdistrict_of(state: ProjectState, x: Optional[float], y: Optional[float]):
    if x is None or y is None:
        return None
    from shapely.geometry import Point
    point = Point(x, y)
    for name, polygon in state.subdistricts:
        if polygon is not None and polygon.covers(point):
            return name
    return None


class SqlWriter:
    """Executes the import's writes on the open transaction; remembers which layers it
    touched so their gpkg_contents rows are refreshed once at the end."""

    def __init__(self, connection: sqlite3.Connection, state: ProjectState):
        self.connection = connection
        self.state = state
        self.touched: Set[str] = set()
        self.bounds: Dict[str, Tuple[float, float, float, float]] = {}
        self.srs = {table: gpkg_sql.geometry_column(connection, table)
                    for table in (ps.FACILITIES, ps.AUDITS)}

    def ensure_column(self, table: str, name: str, ogr_type: str) -> None:
        if name not in self.state.columns[table]:
            gpkg_sql.add_column(self.connection, table, name, ogr_type)
            self.state.columns[table][name] = ogr_type

    def insert(self, table: str, values: Dict[str, Any], xy=None) -> None:
        values = self._with_geometry(table, values, xy)
        gpkg_sql.insert(self.connection, table, values)
        self.touched.add(table)

    def update(self, table: str, key: str, key_value, values: Dict[str, Any], xy=None):
        values = self._with_geometry(table, values, xy)
        gpkg_sql.update(self.connection, table, key, key_value, values)
        self.touched.add(table)

    def update_where(self, table: str, where: Dict[str, Any], values: Dict[str, Any]):
        condition = " AND ".join(f'"{name}" = ?' for name in where)
        sets = ", ".join(f'"{name}" = ?' for name in values)
        self.connection.execute(f'UPDATE "{table}" SET {sets} WHERE {condition}',
                                [*values.values(), *where.values()])
        self.touched.add(table)

    def delete(self, table: str, key: str, key_value) -> None:
        self.connection.execute(f'DELETE FROM "{table}" WHERE "{key}" = ?', (key_value,))
        self.touched.add(table)

    def _with_geometry(self, table, values, xy):
        values = {name: value for name, value in values.items()
                  if name in self.state.columns[table]}
        geometry, srs_id = self.srs.get(table, (None, 0))
        if xy is not None and geometry:
            has_xy = xy[0] is not None and xy[1] is not None
            values[geometry] = gpkg_sql.point_blob(xy[0], xy[1], srs_id) if has_xy else None
            if has_xy:
                self._widen(table, float(xy[0]), float(xy[1]))
        return values

    def _widen(self, table: str, x: float, y: float) -> None:
        old = self.bounds.get(table, (x, y, x, y))
        self.bounds[table] = (min(old[0], x), min(old[1], y), max(old[2], x), max(old[3], y))

    def finish(self) -> None:
        for table in sorted(self.touched):
            gpkg_sql.touch_contents(self.connection, table, self.bounds.get(table))


class NullWriter:
    """The dry run: same calls, nothing written."""

    def __init__(self, state: ProjectState):
        self.state = state

    def ensure_column(self, table, name, ogr_type):
        self.state.columns.setdefault(table, {})[name] = ogr_type

    def insert(self, table, values, xy=None):
        pass

    def update(self, table, key, key_value, values, xy=None):
        pass

    def update_where(self, table, where, values):
        pass

    def delete(self, table, key, key_value):
        pass

    def finish(self):
        pass
