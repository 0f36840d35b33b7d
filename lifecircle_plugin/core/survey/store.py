"""SurveyStore: the survey app's only door to a package file.

Durability first: the file is validated read-only before anything is written, then
opened in WAL mode with synchronous=FULL, and every public write method is one
transaction committed before it returns, so killing the app loses nothing that a
method call had returned from. Text is NFC-normalised on the way in. Use a store from
one thread (sqlite3's default check); open another store for another thread.

API (records are frozen dataclasses from records.py; errors are InputError subclasses
from packagefile.py, each a one-line message naming file/field):
  SurveyStore(path, read_only=False) / SurveyStore.open(path)   NotAPackage,
      CorruptPackage, NewerSchema, PackageError (read-only file) - file untouched
  .info -> dict, .package_uuid, .crs, .inspector, .set_inspector(name)
  .facilities(search, task, facility_type, status, audited) -> [FacilityRow]
  .facility(uuid) -> Facility, .facility_types() -> [FacilityType], .audit_counts()
  .checklist(facility_type) -> Checklist
  .add_facility(type, name, x, y, inspector=None, address="", attributes=None,
      status="existing") -> Facility; .move_facility(uuid, x, y, inspector=None);
      .set_status(uuid, status, inspector=None);
      .update_facility(uuid, inspector=None, name=, address=, facility_type=)
  .audits(uuid), .audit(audit_uuid), .current_audit(uuid) -> Audit | None,
      .start_audit(uuid, inspector=None) -> Audit (the open draft if any)
  .save_answer(audit_uuid, question_id, value) -> stored value (InputError, field=
      question id; AuditClosed), .answers(audit_uuid) -> {id: value},
      .missing(audit_uuid) -> [Question], .complete_audit(audit_uuid) -> Audit
      (IncompleteAudit.missing), .reopen_audit(audit_uuid, inspector=None)
  .add_photo(audit_uuid|None, facility_uuid, path|bytes, original_name=None,
      question_id=None) -> Photo; .remove_photo(photo_uuid); .photo(photo_uuid);
      .photos(facility_uuid, audit_uuid=None) -> [Photo]; .photo_data(photo_uuid) -> bytes
  .history(uuid) -> [HistoryEntry], .context(layer=None) -> [ContextFeature],
      .extent() -> (minx, miny, maxx, maxy) | None
  .checkpoint(), .close() / context manager

    with SurveyStore(path) as store:
        store.set_inspector("王芳")
        for row in store.facilities(task=9, audited=False): ...
        audit = store.start_audit(row.uuid)
        store.save_answer(audit.audit_uuid, "present", "open")
        store.complete_audit(audit.audit_uuid)   # IncompleteAudit(.missing) if not yet
"""
from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import uuid as uuid_module
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple, Union

from ..errors import InputError
from .checklists import AnswerError, Checklist, Question, clean_answer, missing_required
from .packagefile import (
    AuditClosed,
    IncompleteAudit,
    PackageError,
    UnknownRecord,
    from_json,
    inspect_package,
    nfc,
    now_iso,
    to_json,
)
from .records import (
    Audit,
    ContextFeature,
    Facility,
    FacilityRow,
    FacilityType,
    HistoryEntry,
    history_order,
)
from .store_edits import FacilityEdits
from .store_photos import PhotoShelf

log = logging.getLogger(__name__)

# the answer to the common question `present` -> the facility status it implies
PRESENT_TO_STATUS = {"open": "existing", "closed": "closed", "moved": "moved",
                     "not_found": "not_found"}


class SurveyStore(FacilityEdits, PhotoShelf):
    """An open survey package. Open with `SurveyStore(path)` or `SurveyStore.open(path)`.

    Raises NotAPackage / CorruptPackage / NewerSchema (all PackageError, an InputError)
    without modifying the file when it cannot be used. `read_only=True` (for the import
    and for previews) reads without ever writing; every write method then raises
    PackageError.
    """

    def __init__(self, path: Union[str, Path], read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._conn: Optional[sqlite3.Connection] = None
        self._info = inspect_package(self.path)
        if not read_only:
            for place in (self.path, self.path.parent):
                if not os.access(place, os.W_OK):
                    raise PackageError("the package is read-only here (write-protected file "
                                       "or folder); copy it to a writable folder",
                                       message_zh="调查包所在位置只读,请复制到可写的文件夹后再打开。",
                                       file=self.path)
        try:
            self._conn = self._connect()
        except sqlite3.Error as exc:
            raise PackageError(f"cannot open the package: {exc}", file=self.path) from None
        self._checklists: Dict[str, Checklist] = {}
        self.checkpoint()
        log.info("opened survey package %s (%s facilities)", self.path,
                 self._info.get("facility_count", "?"))

    def _connect(self) -> sqlite3.Connection:
        if self.read_only:
            connection = sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True,
                                         isolation_level=None)
        else:
            connection = sqlite3.connect(str(self.path), isolation_level=None)
        try:
            connection.row_factory = sqlite3.Row
            connection.execute("PRAGMA busy_timeout=5000")
            if not self.read_only:
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("PRAGMA synchronous=FULL")
                connection.execute("PRAGMA foreign_keys=ON")
        except sqlite3.Error:
            connection.close()
            raise
        return connection

    @classmethod
    def open(cls, path: Union[str, Path], read_only: bool = False) -> SurveyStore:
        return cls(path, read_only)

    # ------------------------------------------------------------ lifecycle

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the package file (done at open and close).

        Committed answers are safe either way; this only makes the `.lcsurvey` file
        complete on its own, should someone copy it without its `-wal` companion.
        """
        if self.read_only:
            return
        try:
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.OperationalError as exc:  # another reader holds the log: later
            log.debug("checkpoint postponed: %s", exc)

    def close(self) -> None:
        """Checkpoint and close; the package is one self-contained file again."""
        if self._conn is None:
            return
        try:
            self.checkpoint()
        finally:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> SurveyStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction, committed (and fsynced) before the caller gets control back."""
        if self.read_only:
            raise PackageError("the package was opened read-only",
                               message_zh="调查包以只读方式打开,不能修改。", file=self.path)
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as exc:  # disk full, locked by another program
            raise PackageError(f"could not save to the package ({exc}); nothing earlier "
                               "was lost", message_zh="无法保存到调查包(文件被占用或磁盘已满);"
                               "之前保存的内容没有丢失。", file=self.path) from None

    def _one(self, sql: str, params: Sequence = ()) -> Optional[sqlite3.Row]:
        return self._conn.execute(sql, params).fetchone()

    # ------------------------------------------------------------ identity

    @property
    def info(self) -> Dict[str, str]:
        """package_info as a dict: schema_version, package_uuid, project_id, created_at,
        inspector, area, task, crs, software_version, facility_count."""
        return {row["key"]: row["value"] for row in self._conn.execute(
            "SELECT key, value FROM package_info")}

    @property
    def package_uuid(self) -> str:
        return self._info["package_uuid"]

    @property
    def crs(self) -> str:
        return self._info.get("crs", "")

    @property
    def inspector(self) -> str:
        """The inspector's name as set once on this laptop ('' until set)."""
        row = self._one("SELECT value FROM package_info WHERE key = 'inspector'")
        return (row["value"] or "") if row else ""

    def set_inspector(self, name: str) -> None:
        name = nfc(name or "").strip()
        if not name:
            raise InputError("the inspector's name is empty", field="inspector")
        with self._write() as conn:
            conn.execute("INSERT INTO package_info(key, value) VALUES ('inspector', ?) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (name,))

    def _inspector(self, given: Optional[str]) -> str:
        name = nfc(given or "").strip() or self.inspector
        if not name:
            raise InputError("enter the inspector's name first", field="inspector")
        return name

    # ------------------------------------------------------------ facilities

    def facilities(self, search: Optional[str] = None, task: Optional[int] = None,
                   facility_type: Optional[str] = None,
                   status: Optional[Union[str, Sequence[str]]] = None,
                   audited: Optional[bool] = None) -> List[FacilityRow]:
        """Facilities for the list and the map, ordered by task, type, name.

        search: substring of the name, the address or the type's Chinese or English
        name, or a uuid prefix. status: one or several of SURVEY_STATUSES. audited: True =
        has a complete audit, False = has none yet (a draft is not yet audited).
        """
        where, params = [], []
        if search:
            needle = nfc(search).strip()
            escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            where.append("(f.name LIKE ?1 ESCAPE '\\' OR f.address LIKE ?1 ESCAPE '\\' "
                         "OR f.facility_type IN (SELECT facility_type FROM checklists WHERE "
                         "name_zh LIKE ?1 ESCAPE '\\' OR name_en LIKE ?1 ESCAPE '\\') "
                         "OR f.uuid LIKE ?2 ESCAPE '\\')")
            params += [f"%{escaped}%", f"{escaped}%"]
        if task is not None:
            where.append("f.task = ?")
            params.append(int(task))
        if facility_type:
            where.append("f.facility_type = ?")
            params.append(facility_type)
        if status:
            statuses = [status] if isinstance(status, str) else list(status)
            where.append(f"f.status IN ({','.join('?' * len(statuses))})")
            params += statuses
        if audited is not None:
            where.append("COALESCE(a.complete, 0) " + ("> 0" if audited else "= 0"))
        sql = (
            "SELECT f.uuid, f.facility_type, f.task, f.name, f.address, f.status, f.x, f.y, "
            "f.origin, COALESCE(a.complete, 0) AS complete, COALESCE(a.draft, 0) AS draft "
            "FROM facilities f LEFT JOIN (SELECT facility_uuid, "
            "SUM(status = 'complete') AS complete, SUM(status = 'draft') AS draft "
            "FROM audits GROUP BY facility_uuid) a ON a.facility_uuid = f.uuid"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY f.task, f.facility_type, f.name, f.uuid")
        return [FacilityRow(*row[:9], audit_status=("draft" if row["draft"] else "complete"
                                                   if row["complete"] else "none"))
                for row in self._conn.execute(sql, params)]

    def audit_counts(self) -> Dict[str, int]:
        """{'total', 'none', 'draft', 'complete'}: facilities by audit state, for a status bar."""
        counts = {"none": 0, "draft": 0, "complete": 0}
        for row in self.facilities():
            counts[row.audit_status] += 1
        return dict(counts, total=sum(counts.values()))

    def facility(self, facility_uuid: str) -> Facility:
        row = self._one("SELECT * FROM facilities WHERE uuid = ?", (facility_uuid,))
        if row is None:
            raise UnknownRecord(f"no facility {facility_uuid} in this package", file=self.path,
                                layer="facilities")
        return Facility(
            uuid=row["uuid"], facility_type=row["facility_type"], task=row["task"],
            name=row["name"], address=row["address"], status=row["status"], x=row["x"],
            y=row["y"], origin=row["origin"], subdistrict=row["subdistrict"],
            attributes=from_json(row["attributes"]) or {}, base=from_json(row["base"]),
            created_at=row["created_at"], updated_at=row["updated_at"])

    def facility_types(self) -> List[FacilityType]:
        """Every type with a checklist (all catalogue types), for filters and 'add'."""
        return [FacilityType(*row) for row in self._conn.execute(
            "SELECT facility_type, task, name_zh, name_en FROM checklists "
            "ORDER BY task, facility_type")]

    def checklist(self, facility_type: str) -> Checklist:
        if facility_type not in self._checklists:
            row = self._one("SELECT * FROM checklists WHERE facility_type = ?",
                            (facility_type,))
            if row is None:
                raise UnknownRecord(f"no checklist for facility type '{facility_type}'",
                                    file=self.path, layer="checklists")
            self._checklists[facility_type] = Checklist.from_json(
                facility_type, row["questions"], row["task"], row["name_zh"] or "",
                row["name_en"] or "", source=str(self.path))
        return self._checklists[facility_type]

    # ------------------------------------------------------------ audits

    def _audit_row(self, audit_uuid: str) -> sqlite3.Row:
        row = self._one("SELECT * FROM audits WHERE audit_uuid = ?", (audit_uuid,))
        if row is None:
            raise UnknownRecord(f"no audit {audit_uuid} in this package", file=self.path,
                                layer="audits")
        return row

    def audit(self, audit_uuid: str) -> Audit:
        return Audit(*self._audit_row(audit_uuid))

    def audits(self, facility_uuid: str) -> List[Audit]:
        """All audits of a facility, oldest first."""
        return [Audit(*row) for row in self._conn.execute(
            "SELECT * FROM audits WHERE facility_uuid = ? ORDER BY started_at, rowid",
            (facility_uuid,))]

    def current_audit(self, facility_uuid: str) -> Optional[Audit]:
        """The open draft if there is one, else the latest complete audit, else None."""
        audits = self.audits(facility_uuid)
        drafts = [a for a in audits if a.status == "draft"]
        return drafts[-1] if drafts else (audits[-1] if audits else None)

    def start_audit(self, facility_uuid: str, inspector: Optional[str] = None) -> Audit:
        """A draft audit for the facility: the open draft if one exists, else a new one."""
        self.facility(facility_uuid)
        current = self.current_audit(facility_uuid)
        if current is not None and current.status == "draft":
            return current
        inspector = self._inspector(inspector)
        audit_uuid, now = str(uuid_module.uuid4()), now_iso()
        with self._write() as conn:
            conn.execute("INSERT INTO audits (audit_uuid, facility_uuid, inspector, started_at,"
                         " updated_at, completed_at, status) VALUES (?, ?, ?, ?, ?, NULL, "
                         "'draft')", (audit_uuid, facility_uuid, inspector, now, now))
        return self.audit(audit_uuid)

    def _draft(self, audit_uuid: str) -> Tuple[sqlite3.Row, Checklist]:
        row = self._audit_row(audit_uuid)
        if row["status"] != "draft":
            raise AuditClosed("this audit is complete; reopen it to change answers",
                              file=self.path, layer="audits")
        facility = self.facility(row["facility_uuid"])
        return row, self.checklist(facility.facility_type)

    def save_answer(self, audit_uuid: str, question_id: str, value: Any) -> Any:
        """Validate, normalise and commit one answer; returns the stored value.

        None, '' or [] clears the answer. Raises AnswerError (an InputError; field =
        question id, .message in English, .message_zh in Chinese, .code) for an invalid
        value, AuditClosed for a complete audit.
        """
        _, checklist = self._draft(audit_uuid)
        question = checklist.question(question_id)
        cleaned = clean_answer(question, value)
        if question.kind == "photo" and cleaned is not None:
            self._check_photo_answer(audit_uuid, question, cleaned)
        with self._write() as conn:
            self._put_answer(conn, audit_uuid, question_id, cleaned, now_iso())
        return cleaned

    @staticmethod
    def _put_answer(conn: sqlite3.Connection, audit_uuid: str, question_id: str, value: Any,
                    now: str) -> None:
        if value is None:
            conn.execute("DELETE FROM answers WHERE audit_uuid = ? AND question_id = ?",
                         (audit_uuid, question_id))
        else:
            conn.execute(
                "INSERT INTO answers (audit_uuid, question_id, value, answered_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT(audit_uuid, question_id) DO UPDATE SET "
                "value = excluded.value, answered_at = excluded.answered_at",
                (audit_uuid, question_id, to_json(value), now))
        conn.execute("UPDATE audits SET updated_at = ? WHERE audit_uuid = ?", (now, audit_uuid))

    def _check_photo_answer(self, audit_uuid: str, question: Question, uuids: List[str]):
        known = {row[0] for row in self._conn.execute(
            "SELECT photo_uuid FROM photos WHERE audit_uuid = ?", (audit_uuid,))}
        unknown = [u for u in uuids if u not in known]
        if unknown:
            raise AnswerError("unknown_photos", question.id, unknown=unknown)

    def answers(self, audit_uuid: str) -> Dict[str, Any]:
        """{question_id: value} of an audit, as stored."""
        self._audit_row(audit_uuid)
        return {row["question_id"]: json.loads(row["value"]) for row in self._conn.execute(
            "SELECT question_id, value FROM answers WHERE audit_uuid = ?", (audit_uuid,))}

    def missing(self, audit_uuid: str) -> List[Question]:
        """Required questions still unanswered among those relevant now."""
        row = self._audit_row(audit_uuid)
        checklist = self.checklist(self.facility(row["facility_uuid"]).facility_type)
        return missing_required(checklist, self.answers(audit_uuid))

    def complete_audit(self, audit_uuid: str) -> Audit:
        """Mark complete; IncompleteAudit (with .missing questions) while any is missing.

        The answer to `present` also sets the facility's status (open -> existing,
        closed, moved, not_found), recorded as a change like any other edit.
        """
        row, _ = self._draft(audit_uuid)
        missing = self.missing(audit_uuid)
        if missing:
            labels = ", ".join(f"{q.label_zh} ({q.id})" for q in missing)
            raise IncompleteAudit(f"required answers missing: {labels}", missing=missing,
                                  file=self.path)
        facility = self.facility(row["facility_uuid"])
        status = PRESENT_TO_STATUS.get(self.answers(audit_uuid).get("present"))
        now = now_iso()
        with self._write() as conn:
            conn.execute("UPDATE audits SET status = 'complete', completed_at = ?, "
                         "updated_at = ? WHERE audit_uuid = ?", (now, now, audit_uuid))
            if status is not None:
                self._apply(conn, facility, {"status": status}, row["inspector"], now)
        return self.audit(audit_uuid)

    def reopen_audit(self, audit_uuid: str, inspector: Optional[str] = None) -> Audit:
        """Make a complete audit editable again, recording who and when in `changes`."""
        row = self._audit_row(audit_uuid)
        if row["status"] == "draft":
            return self.audit(audit_uuid)
        inspector, now = self._inspector(inspector), now_iso()
        with self._write() as conn:
            self._record(conn, row["facility_uuid"], "audit_status",
                         {"audit_uuid": audit_uuid, "status": "complete"},
                         {"audit_uuid": audit_uuid, "status": "draft"}, now, inspector)
            conn.execute("UPDATE audits SET status = 'draft', completed_at = NULL, "
                         "updated_at = ? WHERE audit_uuid = ?", (now, audit_uuid))
        return self.audit(audit_uuid)

    # ------------------------------------------------------------ history and context

    def history(self, facility_uuid: str) -> List[HistoryEntry]:
        """Audits (started, completed: new_value = its answers), photos and field changes
        (old and new values), oldest first."""
        self.facility(facility_uuid)
        entries: List[HistoryEntry] = []
        audits = self.audits(facility_uuid)
        inspectors = {audit.audit_uuid: audit.inspector for audit in audits}
        for audit in audits:
            entries.append(HistoryEntry(audit.started_at, "audit_started", None, None, None,
                                        audit.inspector, audit.audit_uuid))
            if audit.completed_at:
                entries.append(HistoryEntry(audit.completed_at, "audit_completed", None, None,
                                            self.answers(audit.audit_uuid), audit.inspector,
                                            audit.audit_uuid))
        for row in self._conn.execute(
                "SELECT field, old_value, new_value, changed_at, inspector FROM changes "
                "WHERE facility_uuid = ? ORDER BY changed_at, rowid", (facility_uuid,)):
            entries.append(HistoryEntry(row["changed_at"], "change", row["field"],
                                        from_json(row["old_value"]), from_json(row["new_value"]),
                                        row["inspector"], None))
        for photo in self.photos(facility_uuid):
            entries.append(HistoryEntry(photo.added_at, "photo_added", photo.question_id, None,
                                        photo.original_name,
                                        inspectors.get(photo.audit_uuid, ""), photo.audit_uuid))
        return history_order(entries)

    def context(self, layer: Optional[str] = None) -> List[ContextFeature]:
        """Offline map context (WKT in the package CRS), optionally of one layer."""
        sql, params = "SELECT layer, name, wkt FROM context", []
        if layer:
            sql += " WHERE layer = ?"
            params.append(layer)
        return [ContextFeature(*row) for row in self._conn.execute(sql + " ORDER BY id", params)]

    def extent(self) -> Optional[Tuple[float, float, float, float]]:
        """(minx, miny, maxx, maxy) of the facilities and the sub-district context."""
        row = self._one("SELECT MIN(x), MIN(y), MAX(x), MAX(y) FROM facilities "
                        "WHERE x IS NOT NULL")
        boxes = [tuple(row)] if row[0] is not None else []
        boxes += [feature.bounds() for feature in self.context("subdistricts")]
        if not boxes:
            return None
        return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                max(b[3] for b in boxes))
