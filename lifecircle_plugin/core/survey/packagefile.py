"""Recognising a survey package on disk without touching it, and the errors for a bad one.

`inspect_package` opens the file read-only and answers: is it SQLite, is it a package,
of which schema version, is it intact. Only then may the store open it for writing, so
a corrupt file, a foreign file (a GeoPackage, an empty database, a text file) or a
package from a newer version of the software is refused and stays byte-identical.
The sync import uses the same check before it reads a returned package.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sqlite3
import tempfile
import unicodedata
import uuid
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Union

import shapely
import sqlite_utils

from ..errors import InputError
from .schema import DDL, SCHEMA_VERSION, TABLES

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"


class SurveyError(InputError):
    """A refusal the survey app shows: `message` is English with the details,
    `message_zh` a Chinese sentence; `text(language)` picks one."""

    message_zh = "操作未完成。"

    def __init__(self, message: str, *, message_zh: Optional[str] = None, **where) -> None:
        if message_zh is not None:
            self.message_zh = message_zh
        super().__init__(message, **where)

    def text(self, language: str = "zh") -> str:
        return self.message_zh if language.startswith("zh") else self.describe()


class PackageError(SurveyError):
    """A survey package cannot be used or written; nothing saved before was changed."""

    message_zh = "无法使用该调查包,文件未作任何修改。"


class NotAPackage(PackageError):
    """The file is not a survey package (missing, not SQLite, or SQLite of another kind)."""

    message_zh = "这不是调查包文件(.lcsurvey),文件未作任何修改。"


class CorruptPackage(PackageError):
    """The file claims to be a package but its content is damaged or incomplete."""

    message_zh = "调查包已损坏或不完整,文件未作任何修改。"


class NewerSchema(PackageError):
    """The package was written by a newer version of the software."""

    def __init__(self, message: str, *, version: int, **where) -> None:
        self.version = version
        super().__init__(message, message_zh=f"该调查包由较新版本的软件生成(格式版本 {version}),"
                         "请升级 Life Circle 后再打开;文件未作任何修改。", **where)


class UnknownRecord(PackageError):
    """A facility, audit, photo or facility type that the package does not hold."""

    message_zh = "调查包中没有该记录。"


class AuditClosed(SurveyError):
    """An answer or photo was given to a complete audit; reopen it first."""

    message_zh = "该检查已完成;如需修改,请先重新打开。"


class IncompleteAudit(SurveyError):
    """`complete_audit` refused: `missing` lists the required, relevant, unanswered questions."""

    def __init__(self, message: str, *, missing: List, **where) -> None:
        self.missing = missing
        super().__init__(message, message_zh="以下必答题尚未回答:"
                         + "、".join(q.label_zh for q in missing), **where)


def now_iso() -> str:
    """Local time with its UTC offset, to the millisecond, as the device sees it."""
    return dt.datetime.now().astimezone().isoformat(timespec="milliseconds")


def to_json(value: Any) -> str:
    """JSON as the package stores it: UTF-8 text, Chinese kept readable."""
    return json.dumps(value, ensure_ascii=False)


def from_json(text: Optional[str]) -> Any:
    return None if text is None else json.loads(text)


def nfc(text):
    return unicodedata.normalize("NFC", text) if isinstance(text, str) else text


def read_only_uri(path: Path) -> str:
    """SQLite URI that reads the inspector's file and never writes beside it: without a
    write-ahead log next to it the file is complete on its own and is opened immutable
    (no -wal/-shm files appear, a write-protected stick works); with one, SQLite must
    read the log too, so it is opened read-only but not immutable."""
    uri = path.resolve().as_uri() + "?mode=ro"
    return uri if Path(f"{path}-wal").exists() else uri + "&immutable=1"


def inspect_package(path: Union[str, Path]) -> Dict[str, str]:
    """The package_info of a valid package; a PackageError for anything else.

    Read-only throughout: the file is opened with SQLite's mode=ro and only read.
    """
    path = Path(path)
    if path.is_dir():
        raise NotAPackage("this is a folder, not a survey package", file=path)
    if not path.is_file():
        raise NotAPackage("file not found", file=path)
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_MAGIC))
    if not header:
        raise NotAPackage("the file is empty (0 bytes), not a survey package", file=path)
    if header != SQLITE_MAGIC:
        raise NotAPackage("not a survey package (not an SQLite file)", file=path)
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise CorruptPackage(f"the survey package is damaged or incomplete ({exc}); ask the "
                             "inspector for the file again", file=path) from None
    try:
        return _check_content(connection, path)
    except sqlite3.DatabaseError as exc:
        raise CorruptPackage(f"the survey package is damaged or incomplete ({exc}); ask the "
                             "inspector for the file again", file=path) from None
    finally:
        connection.close()


def _check_content(connection: sqlite3.Connection, path: Path) -> Dict[str, str]:
    tables = {row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "package_info" not in tables:
        kind = "a GeoPackage" if "gpkg_contents" in tables else (
            "an empty SQLite database" if not tables else "an SQLite database of another kind")
        raise NotAPackage(f"not a survey package: this is {kind}", file=path)
    info = {key: value for key, value in connection.execute(
        "SELECT key, value FROM package_info")}
    try:
        version = int(info.get("schema_version", ""))
    except ValueError:
        raise CorruptPackage(f"schema_version '{info.get('schema_version')}' is not a number",
                             file=path, layer="package_info", field="schema_version") from None
    if version > SCHEMA_VERSION:
        raise NewerSchema(
            f"the package has schema version {version}; this software reads up to "
            f"{SCHEMA_VERSION}. Update Life Circle to open it", version=version, file=path,
            layer="package_info", field="schema_version")
    if version < 1:
        raise CorruptPackage(f"schema_version {version} is not valid", file=path,
                             layer="package_info", field="schema_version")
    missing = [table for table in TABLES if table not in tables]
    if missing:
        raise CorruptPackage(f"tables {missing} are missing", file=path)
    if not info.get("package_uuid"):
        raise CorruptPackage("package_uuid is missing", file=path, layer="package_info",
                             field="package_uuid")
    problems = [row[0] for row in connection.execute("PRAGMA quick_check(5)")]
    if problems != ["ok"]:
        raise CorruptPackage(f"the package is damaged: {'; '.join(problems)}", file=path)
    _check_values(connection, path)
    return info


# (table, key column, SQL condition of a damaged row, field, what is wrong)
_VALUE_CHECKS = (
    ("checklists", "facility_type", "NOT json_valid(questions)", "questions",
     "the checklist is not valid JSON"),
    ("facilities", "uuid", "typeof(x) NOT IN ('real', 'integer', 'null') OR "
     "typeof(y) NOT IN ('real', 'integer', 'null')", "x",
     "the position is not a number"),
    ("facilities", "uuid", "NOT json_valid(attributes) OR (base IS NOT NULL AND "
     "NOT json_valid(base))", "attributes", "the attributes are not valid JSON"),
    ("facilities", "uuid", "facility_type NOT IN (SELECT facility_type FROM checklists)",
     "facility_type", "the facility type has no checklist in the package"),
    ("answers", "question_id", "value IS NOT NULL AND NOT json_valid(value)", "value",
     "a stored answer is not valid JSON"),
)


def _check_values(connection: sqlite3.Connection, path: Path) -> None:
    """Rows the app would trip over (hand-edited or damaged content that SQLite itself
    finds intact): refused here, naming the table, row and field."""
    for table, key, condition, column, what in _VALUE_CHECKS:
        row = connection.execute(
            f"SELECT {key}, count(*) OVER () FROM {table} WHERE {condition} LIMIT 1").fetchone()
        if row is not None:
            more = f" ({row[1]} rows)" if row[1] > 1 else ""
            raise CorruptPackage(f"the package is damaged: {what}{more}", file=path,
                                 layer=table, row=row[0], field=column)
    wkts = connection.execute("SELECT id, wkt FROM context").fetchall()
    if wkts:
        shapes = shapely.from_wkt([wkt for _, wkt in wkts], on_invalid="ignore")
        bad = [number for (number, _), shape in zip(wkts, shapes) if shape is None]
        if bad:
            raise CorruptPackage(f"the package is damaged: {len(bad)} map context shape(s) "
                                 "are not valid WKT", file=path, layer="context", row=bad[0],
                                 field="wkt")


def write_package(out_path: Union[str, Path], info: Dict[str, Any],
                  facilities: Iterable[Dict[str, Any]], checklists: Iterable[Dict[str, Any]],
                  context: Iterable[Dict[str, Any]] = ()) -> Path:
    """Write a new package file atomically: a temporary file beside it, then a rename.

    `info` gets schema_version and package_uuid if absent; facility rows are dicts of
    the facilities columns with `attributes` and `base` as dicts; checklists are rows of
    (facility_type, task, name_zh, name_en, questions JSON); context rows (layer, name,
    wkt). A failure leaves `out_path` as it was.
    """
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{out_path.stem}-", suffix=".part",
                                         dir=out_path.parent)
    os.close(handle)
    try:
        connection = sqlite3.connect(temporary)
        try:
            _fill(sqlite_utils.Database(connection), info, facilities, checklists, context)
            connection.commit()
        finally:
            connection.close()
        os.replace(temporary, out_path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return out_path


def _fill(db: sqlite_utils.Database, info: Dict[str, Any], facilities, checklists,
          context) -> None:
    db.conn.executescript(f"BEGIN;\n{DDL}\nCOMMIT;")
    now = now_iso()
    rows = []
    for facility in facilities:
        row = {key: nfc(value) for key, value in facility.items()}
        row["attributes"] = json.dumps(row.get("attributes") or {}, ensure_ascii=False)
        if row.get("base") is not None:
            row["base"] = json.dumps(row["base"], ensure_ascii=False)
        row.setdefault("origin", "project")
        row.setdefault("created_at", now)
        row.setdefault("updated_at", now)
        rows.append(row)
    db["facilities"].insert_all(rows, batch_size=1000)
    db["checklists"].insert_all(checklists)
    db["context"].insert_all(({key: nfc(value) for key, value in item.items()}
                              for item in context), batch_size=500)
    info = {key: "" if value is None else nfc(str(value)) for key, value in info.items()}
    info.setdefault("schema_version", str(SCHEMA_VERSION))
    info.setdefault("package_uuid", str(uuid.uuid4()))
    info.setdefault("created_at", now)
    info["facility_count"] = str(len(rows))
    db["package_info"].insert_all({"key": k, "value": v} for k, v in info.items())
