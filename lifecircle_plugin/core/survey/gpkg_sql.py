"""Writing GeoPackage rows with sqlite3 inside ONE transaction, the way GDAL would.

Why not OGR: the import must be a single SQLite transaction that a kill at any point
rolls back, must detect another writer with a short busy timeout and say so (instead of
"database is locked" deep inside GDAL), and must read and write many tables in the same
transaction. A GeoPackage is SQLite; what GDAL adds is kept consistent here:
- geometries are GeoPackage binary blobs (header + ISO WKB) with the layer's srs_id;
- the rtree triggers GDAL installs call ST_MinX/ST_IsEmpty..., so those functions are
  registered on the connection (as GDAL/SpatiaLite would) and the spatial index stays right;
- gpkg_contents extent and last_change are widened/bumped; gpkg_ogr_contents feature
  counts are kept by GDAL's own triggers.
"""
from __future__ import annotations

import contextlib
import logging
import sqlite3
import struct
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

from shapely import wkb as shapely_wkb
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from ..errors import InputError

log = logging.getLogger(__name__)

BUSY_TIMEOUT_S = 2.0
_SQL_TYPES = {"String": "TEXT", "Integer": "MEDIUMINT", "Integer64": "INTEGER", "Real": "REAL"}


def encode(geometry: Optional[BaseGeometry], srs_id: int) -> Optional[bytes]:
    """GeoPackage binary: 'GP', version 0, flags (little endian, xy envelope unless a
    point, as GDAL writes), srs_id, envelope, ISO WKB."""
    if geometry is None:
        return None
    body = shapely_wkb.dumps(geometry, byte_order=1)
    if geometry.geom_type == "Point":
        return b"GP\x00\x01" + struct.pack("<i", srs_id) + body
    minx, miny, maxx, maxy = geometry.bounds
    return b"GP\x00\x03" + struct.pack("<i4d", srs_id, minx, maxx, miny, maxy) + body


def decode(blob: Optional[bytes]) -> Optional[BaseGeometry]:
    if blob is None:
        return None
    blob = bytes(blob)
    flags = blob[3]
    envelope = (0, 32, 48, 48, 64)[(flags >> 1) & 0x07]
    if flags & 0x10:  # empty geometry flag
        return None
    return shapely_wkb.loads(blob[8 + envelope:])


def point_blob(x: float, y: float, srs_id: int) -> bytes:
    return encode(Point(x, y), srs_id)


def _bounds(blob):
    geometry = decode(blob)
    return None if geometry is None or geometry.is_empty else geometry.bounds


def _register_functions(connection: sqlite3.Connection) -> None:
    """The SQL functions GDAL's rtree triggers call, so inserts update the spatial index."""
    def index(i):
        return lambda blob: (_bounds(blob) or (None,) * 4)[i]

    connection.create_function("ST_MinX", 1, index(0), deterministic=True)
    connection.create_function("ST_MinY", 1, index(1), deterministic=True)
    connection.create_function("ST_MaxX", 1, index(2), deterministic=True)
    connection.create_function("ST_MaxY", 1, index(3), deterministic=True)
    connection.create_function("ST_IsEmpty", 1, lambda blob: int(_bounds(blob) is None),
                               deterministic=True)


def connect(path, *, write: bool) -> sqlite3.Connection:
    """Open the project. For writing, BEGIN IMMEDIATE takes the write lock now, with a
    short busy timeout, so another writer (QGIS saving edits, a second import) is
    reported as a clear InputError before anything is read or changed."""
    path = Path(path)
    if not path.is_file():
        raise InputError("project GeoPackage not found", file=path)
    uri = f"{path.resolve().as_uri()}?mode={'rw' if write else 'ro'}"
    try:
        connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S,
                                     isolation_level=None)
        connection.execute("SELECT count(*) FROM gpkg_contents").fetchone()
    except sqlite3.DatabaseError as exc:
        raise explain(exc, path) from None
    _register_functions(connection)
    if write:
        try:
            connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            connection.close()
            raise explain(exc, path) from None
    return connection


def commit(connection: sqlite3.Connection, path) -> None:
    """COMMIT, turning a lock held by a reader at that moment (COMMIT needs the file to
    itself in rollback-journal mode) into the same clear refusal; the transaction is
    rolled back so nothing is half-written."""
    try:
        connection.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise explain(exc, path) from None


@contextlib.contextmanager
def write_transaction(path) -> Iterator[sqlite3.Connection]:
    """One write transaction on a project GeoPackage: committed when the block ends,
    rolled back on any error (a SQLite error becomes a clear InputError), always closed.
    Import and conflict resolution both write through it, so both are all-or-nothing."""
    connection = connect(path, write=True)
    try:
        yield connection
        commit(connection, path)
    except sqlite3.DatabaseError as exc:  # disk full, damaged file, a lock at COMMIT
        rollback(connection)
        raise explain(exc, path) from None
    except BaseException:
        rollback(connection)
        raise
    finally:
        connection.close()


def explain(exc: sqlite3.DatabaseError, path) -> InputError:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return InputError(
            "the project is in use by another program (QGIS saving or holding unsaved layer"
            " edits, or another import); save or discard those edits, close it and try"
            " again",
            file=path)
    if "no such table" in text:
        table = text.split("no such table:", 1)[-1].strip().strip('"') or "gpkg_contents"
        if table == "gpkg_contents":
            return InputError("not a GeoPackage (no gpkg_contents table)", file=path)
        return InputError(f"the project has no {table} table (no survey was imported into "
                          "it yet, or it is not a Life Circle project)", file=path, layer=table)
    return InputError(f"the project GeoPackage cannot be read or written: {text}",
                      file=path)


def tables(connection: sqlite3.Connection) -> List[str]:
    return [row[0] for row in connection.execute("SELECT table_name FROM gpkg_contents")]


def columns(connection: sqlite3.Connection, table: str) -> Dict[str, str]:
    return {row[1]: row[2] for row in connection.execute(f'PRAGMA table_info("{table}")')}


def geometry_column(connection: sqlite3.Connection, table: str) -> Tuple[Optional[str], int]:
    row = connection.execute(
        "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?",
        (table,)).fetchone()
    return (row[0], int(row[1])) if row else (None, 0)


def add_column(connection: sqlite3.Connection, table: str, name: str, ogr_type: str) -> None:
    """ALTER TABLE ADD COLUMN: GDAL and QGIS read the new field from the table schema."""
    connection.execute(f'ALTER TABLE "{table}" ADD COLUMN "{name}" {_SQL_TYPES[ogr_type]}')


def insert(connection: sqlite3.Connection, table: str, values: Dict[str, Any]) -> int:
    names = ", ".join(f'"{name}"' for name in values)
    marks = ", ".join("?" for _ in values)
    cursor = connection.execute(f'INSERT INTO "{table}" ({names}) VALUES ({marks})',
                                list(values.values()))
    return cursor.lastrowid


def update(connection: sqlite3.Connection, table: str, key: str, key_value: Any,
           values: Dict[str, Any]) -> None:
    if not values:
        return
    sets = ", ".join(f'"{name}" = ?' for name in values)
    connection.execute(f'UPDATE "{table}" SET {sets} WHERE "{key}" = ?',
                       [*values.values(), key_value])


def touch_contents(connection: sqlite3.Connection, table: str,
                   bounds: Optional[Tuple[float, float, float, float]] = None) -> None:
    """Bump last_change and widen the layer extent by `bounds` (of the geometries just
    written). GDAL and QGIS read the extent from gpkg_contents; a stale one hides new
    features from 'zoom to layer'. Like GDAL, deletes do not shrink it."""
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    connection.execute("UPDATE gpkg_contents SET last_change = ? WHERE table_name = ?",
                       (now, table))
    if bounds is None:
        return
    connection.execute(
        "UPDATE gpkg_contents SET min_x = min(coalesce(min_x, ?), ?),"
        " min_y = min(coalesce(min_y, ?), ?), max_x = max(coalesce(max_x, ?), ?),"
        " max_y = max(coalesce(max_y, ?), ?) WHERE table_name = ?",
        (bounds[0], bounds[0], bounds[1], bounds[1], bounds[2], bounds[2], bounds[3],
         bounds[3], table))


_RTREE_TRIGGERS = """
CREATE TRIGGER "rtree_{t}_{g}_insert" AFTER INSERT ON "{t}"
WHEN (new."{g}" NOT NULL AND NOT ST_IsEmpty(NEW."{g}"))
BEGIN INSERT OR REPLACE INTO "rtree_{t}_{g}" VALUES (NEW."fid",
ST_MinX(NEW."{g}"), ST_MaxX(NEW."{g}"), ST_MinY(NEW."{g}"), ST_MaxY(NEW."{g}")); END;
CREATE TRIGGER "rtree_{t}_{g}_update1" AFTER UPDATE OF "{g}" ON "{t}"
WHEN OLD."fid" = NEW."fid" AND (NEW."{g}" NOTNULL AND NOT ST_IsEmpty(NEW."{g}"))
BEGIN INSERT OR REPLACE INTO "rtree_{t}_{g}" VALUES (NEW."fid",
ST_MinX(NEW."{g}"), ST_MaxX(NEW."{g}"), ST_MinY(NEW."{g}"), ST_MaxY(NEW."{g}")); END;
CREATE TRIGGER "rtree_{t}_{g}_update2" AFTER UPDATE OF "{g}" ON "{t}"
WHEN OLD."fid" = NEW."fid" AND (NEW."{g}" ISNULL OR ST_IsEmpty(NEW."{g}"))
BEGIN DELETE FROM "rtree_{t}_{g}" WHERE id = OLD."fid"; END;
CREATE TRIGGER "rtree_{t}_{g}_update3" AFTER UPDATE ON "{t}"
WHEN OLD."fid" != NEW."fid" AND (NEW."{g}" NOTNULL AND NOT ST_IsEmpty(NEW."{g}"))
BEGIN DELETE FROM "rtree_{t}_{g}" WHERE id = OLD."fid";
INSERT OR REPLACE INTO "rtree_{t}_{g}" VALUES (NEW."fid",
ST_MinX(NEW."{g}"), ST_MaxX(NEW."{g}"), ST_MinY(NEW."{g}"), ST_MaxY(NEW."{g}")); END;
CREATE TRIGGER "rtree_{t}_{g}_update4" AFTER UPDATE ON "{t}"
WHEN OLD."fid" != NEW."fid" AND (NEW."{g}" ISNULL OR ST_IsEmpty(NEW."{g}"))
BEGIN DELETE FROM "rtree_{t}_{g}" WHERE id IN (OLD."fid", NEW."fid"); END;
CREATE TRIGGER "rtree_{t}_{g}_delete" AFTER DELETE ON "{t}" WHEN old."{g}" NOT NULL
BEGIN DELETE FROM "rtree_{t}_{g}" WHERE id = OLD."fid"; END;
"""


def create_layer(connection: sqlite3.Connection, table: str, geometry_type: Optional[str],
                 fields: Dict[str, str], srs_id: int) -> None:
    """Create an empty GeoPackage layer inside the open transaction, as GDAL would (table,
    gpkg_contents, and for a geometry layer gpkg_geometry_columns, the rtree index with
    its triggers and its gpkg_extensions row), so a missing survey layer is added
    atomically with the import's rows."""
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    columns = ['"fid" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL']
    if geometry_type:
        columns.append(f'"geom" {geometry_type.upper()}')
    columns += [f'"{name}" {_SQL_TYPES[kind]}' for name, kind in fields.items()]
    connection.execute(f'CREATE TABLE "{table}" ({", ".join(columns)})')
    connection.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description,"
        " last_change, srs_id) VALUES (?, ?, ?, '', ?, ?)",
        (table, "features" if geometry_type else "attributes", table, now,
         srs_id if geometry_type else 0))
    if connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_ogr_contents'"
                          ).fetchone():
        connection.execute("INSERT INTO gpkg_ogr_contents (table_name, feature_count)"
                           " VALUES (?, NULL)", (table,))
    if not geometry_type:
        return
    connection.execute("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, 0, 0)",
                       (table, geometry_type.upper(), srs_id))
    connection.execute(f'CREATE VIRTUAL TABLE "rtree_{table}_geom" USING'
                       " rtree(id, minx, maxx, miny, maxy)")
    for statement in _RTREE_TRIGGERS.format(t=table, g="geom").split("END;"):
        if statement.strip():
            connection.execute(statement + "END;")
    connection.execute(
        "CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT, column_name TEXT,"
        " extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL,"
        " CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))")
    connection.execute(
        "INSERT INTO gpkg_extensions VALUES (?, 'geom', 'gpkg_rtree_index',"
        " 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')", (table,))


def rollback(connection: sqlite3.Connection) -> None:
    if connection.in_transaction:
        connection.execute("ROLLBACK")
