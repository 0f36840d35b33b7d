"""SurveyStore: the survey app's only door to a package file.

Durability first: the file is validated read-only before anything is written, then
opened in WAL mode with synchronous=FULL, and every public write method is one
transaction committed before it returns, so killing the app loses nothing that a
method call had returned from. Text is NFC-normalised on the way in.

Use from one thread (sqlite3's default check); open one store per thread if needed.

    with SurveyStore(path) as store:
        store.set_inspector("王芳")
        for row in store.facilities(task=9, audited=False): ...
        audit = store.start_audit(row.uuid)
        store.save_answer(audit.audit_uuid, "present", "open")
        store.complete_audit(audit.audit_uuid)   # IncompleteAudit(.missing) if not yet
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sqlite3
import uuid as uuid_module
from pathlib import Path
from typing import Any, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

from ..errors import InputError
from .checklists import Checklist, Question, clean_answer, missing_required
from .packagefile import (
    AuditClosed,
    CorruptPackage,
    IncompleteAudit,
    PackageError,
    UnknownRecord,
    inspect_package,
    nfc,
    now_iso,
)
from .photos import photo_bytes, sniff_mime
from .records import (
    Audit,
    ContextFeature,
    Facility,
    FacilityRow,
    FacilityType,
    HistoryEntry,
    Photo,
    history_order,
)
from .schema import SURVEY_STATUSES

log = logging.getLogger(__name__)

# the answer to the common question `present` -> the facility status it implies
PRESENT_TO_STATUS = {"open": "existing", "closed": "closed", "moved": "moved",
                     "not_found": "not_found"}


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _loads(text: Optional[str]) -> Any:
    return None if text is None else json.loads(text)


class SurveyStore:
    """An open survey package. Open with `SurveyStore(path)` or `SurveyStore.open(path)`.

    Raises NotAPackage / CorruptPackage / NewerSchema (all PackageError, an InputError)
    without modifying the file when it cannot be used.
    """

    def __init__(self, path: Union[str, Path]) -> None:
        self.path = Path(path)
        self._conn: Optional[sqlite3.Connection] = None
        self._info = inspect_package(self.path)
        for place in (self.path, self.path.parent):
            if not os.access(place, os.W_OK):
                raise PackageError("the package is read-only here (write-protected file or "
                                   "folder); copy it to a writable folder", file=self.path)
        try:
            self._conn = sqlite3.connect(str(self.path), isolation_level=None)
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA busy_timeout=5000")
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=FULL")
            self._conn.execute("PRAGMA foreign_keys=ON")
        except sqlite3.Error as exc:
            if self._conn is not None:
                self._conn.close()
            raise PackageError(f"cannot open the package for writing: {exc}",
                               file=self.path) from None
        self._checklists: Dict[str, Checklist] = {}
        self.checkpoint()
        log.info("opened survey package %s (%s facilities)", self.path,
                 self._info.get("facility_count", "?"))

    @classmethod
    def open(cls, path: Union[str, Path]) -> SurveyStore:
        return cls(path)

    # ------------------------------------------------------------ lifecycle

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the package file (done at open and close).

        Committed answers are safe either way; this only makes the `.lcsurvey` file
        complete on its own, should someone copy it without its `-wal` companion.
        """
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
                               "was lost", file=self.path) from None

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

        search: substring of name or address, or a uuid prefix. status: one or several
        of SURVEY_STATUSES. audited: True = has a complete audit, False = has none yet.
        """
        where, params = [], []
        if search:
            needle = nfc(search).strip()
            escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            where.append("(f.name LIKE ? ESCAPE '\\' OR f.address LIKE ? ESCAPE '\\' "
                         "OR f.uuid LIKE ? ESCAPE '\\')")
            params += [f"%{escaped}%", f"%{escaped}%", f"{escaped}%"]
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

    def facility(self, facility_uuid: str) -> Facility:
        row = self._one("SELECT * FROM facilities WHERE uuid = ?", (facility_uuid,))
        if row is None:
            raise UnknownRecord(f"no facility {facility_uuid} in this package", file=self.path,
                                layer="facilities")
        return Facility(
            uuid=row["uuid"], facility_type=row["facility_type"], task=row["task"],
            name=row["name"], address=row["address"], status=row["status"], x=row["x"],
            y=row["y"], origin=row["origin"], subdistrict=row["subdistrict"],
            attributes=_loads(row["attributes"]) or {}, base=_loads(row["base"]),
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
                 x, y, _dumps(dict({"position_source": "map"}, **(attributes or {}))), now,
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
            (str(uuid_module.uuid4()), facility_uuid, field_name, _dumps(old), _dumps(new),
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

        None, '' or [] clears the answer. Raises InputError(field=question_id) with a
        one-sentence message for an invalid value, AuditClosed for a complete audit.
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
                (audit_uuid, question_id, _dumps(value), now))
        conn.execute("UPDATE audits SET updated_at = ? WHERE audit_uuid = ?", (now, audit_uuid))

    def _check_photo_answer(self, audit_uuid: str, question: Question, uuids: List[str]):
        known = {row[0] for row in self._conn.execute(
            "SELECT photo_uuid FROM photos WHERE audit_uuid = ?", (audit_uuid,))}
        unknown = [u for u in uuids if u not in known]
        if unknown:
            raise InputError(f"photos {unknown} are not in this audit", field=question.id)

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

    # ------------------------------------------------------------ photos

    def add_photo(self, audit_uuid: Optional[str], facility_uuid: str,
                  source: Union[str, Path, bytes], original_name: Optional[str] = None,
                  question_id: Optional[str] = None) -> Photo:
        """Store a photo's bytes with SHA-256 and original name under a new uuid.

        With a question_id (a photo question of a draft audit) the photo is also added
        to that question's answer. Adding the same bytes twice to one question returns
        the photo already stored.
        """
        self.facility(facility_uuid)
        data, name = photo_bytes(source, original_name)
        question = None
        if audit_uuid is not None:
            row = self._audit_row(audit_uuid)
            if row["facility_uuid"] != facility_uuid:
                raise InputError("the audit belongs to another facility", field="audit_uuid")
            if question_id is not None:
                _, checklist = self._draft(audit_uuid)
                question = checklist.question(question_id)
                if question.kind != "photo":
                    raise InputError("not a photo question", field=question_id)
        elif question_id is not None:
            raise InputError("a photo answer needs an audit", field=question_id)
        digest = hashlib.sha256(data).hexdigest()
        if question is not None:
            same = self._one("SELECT photo_uuid FROM photos WHERE audit_uuid = ? AND "
                             "question_id = ? AND sha256 = ?", (audit_uuid, question_id, digest))
            if same is not None:
                return self.photo(same["photo_uuid"])
        photo_uuid, now = str(uuid_module.uuid4()), now_iso()
        with self._write() as conn:
            conn.execute(
                "INSERT INTO photos (photo_uuid, audit_uuid, facility_uuid, question_id, "
                "sha256, original_name, mime, data, added_at) VALUES (?,?,?,?,?,?,?,?,?)",
                (photo_uuid, audit_uuid, facility_uuid, question_id, digest, name,
                 sniff_mime(data, name), sqlite3.Binary(data), now))
            if question is not None:
                self._sync_photo_answer(conn, audit_uuid, question_id, now)
        return self.photo(photo_uuid)

    def _sync_photo_answer(self, conn, audit_uuid: str, question_id: str, now: str) -> None:
        uuids = [row[0] for row in conn.execute(
            "SELECT photo_uuid FROM photos WHERE audit_uuid = ? AND question_id = ? "
            "ORDER BY added_at, rowid", (audit_uuid, question_id))]
        self._put_answer(conn, audit_uuid, question_id, uuids or None, now)

    def remove_photo(self, photo_uuid: str) -> None:
        """Delete a photo added by mistake (only while its audit is a draft)."""
        photo = self.photo(photo_uuid)
        if photo.audit_uuid is not None:
            self._draft(photo.audit_uuid)
        with self._write() as conn:
            conn.execute("DELETE FROM photos WHERE photo_uuid = ?", (photo_uuid,))
            if photo.audit_uuid is not None and photo.question_id is not None:
                self._sync_photo_answer(conn, photo.audit_uuid, photo.question_id, now_iso())

    _PHOTO_COLUMNS = ("photo_uuid, audit_uuid, facility_uuid, question_id, sha256, "
                      "original_name, mime, length(data), added_at")

    def photo(self, photo_uuid: str) -> Photo:
        row = self._one(f"SELECT {self._PHOTO_COLUMNS} FROM photos WHERE photo_uuid = ?",
                        (photo_uuid,))
        if row is None:
            raise UnknownRecord(f"no photo {photo_uuid}", file=self.path, layer="photos")
        return Photo(*row)

    def photos(self, facility_uuid: str, audit_uuid: Optional[str] = None) -> List[Photo]:
        """Photo metadata of a facility (optionally of one audit), oldest first; no bytes."""
        sql = f"SELECT {self._PHOTO_COLUMNS} FROM photos WHERE facility_uuid = ?"
        params: List[Any] = [facility_uuid]
        if audit_uuid is not None:
            sql += " AND audit_uuid = ?"
            params.append(audit_uuid)
        return [Photo(*row) for row in self._conn.execute(sql + " ORDER BY added_at, rowid",
                                                          params)]

    def photo_data(self, photo_uuid: str) -> bytes:
        """The stored bytes, checked against their SHA-256."""
        row = self._one("SELECT data, sha256 FROM photos WHERE photo_uuid = ?", (photo_uuid,))
        if row is None:
            raise UnknownRecord(f"no photo {photo_uuid}", file=self.path, layer="photos")
        data = bytes(row["data"])
        if hashlib.sha256(data).hexdigest() != row["sha256"]:
            raise CorruptPackage("photo bytes do not match their SHA-256", file=self.path,
                                 layer="photos", row=photo_uuid)
        return data

    # ------------------------------------------------------------ history and context

    def history(self, facility_uuid: str) -> List[HistoryEntry]:
        """Audits (started, completed), photos and field changes, oldest first."""
        self.facility(facility_uuid)
        entries: List[HistoryEntry] = []
        audits = self.audits(facility_uuid)
        inspectors = {audit.audit_uuid: audit.inspector for audit in audits}
        for audit in audits:
            entries.append(HistoryEntry(audit.started_at, "audit_started", None, None, None,
                                        audit.inspector, audit.audit_uuid))
            if audit.completed_at:
                entries.append(HistoryEntry(audit.completed_at, "audit_completed", None, None,
                                            None, audit.inspector, audit.audit_uuid))
        for row in self._conn.execute(
                "SELECT field, old_value, new_value, changed_at, inspector FROM changes "
                "WHERE facility_uuid = ? ORDER BY changed_at, rowid", (facility_uuid,)):
            entries.append(HistoryEntry(row["changed_at"], "change", row["field"],
                                        _loads(row["old_value"]), _loads(row["new_value"]),
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
