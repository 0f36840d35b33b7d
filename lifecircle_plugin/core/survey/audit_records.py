"""Audits and photos from a package: records owned by the field, keyed by their UUIDs.

An audit is the inspector's record: it is never merged against project edits, only
added, or replaced by a newer version of itself (a package re-exported after more
work). `inspected_at` is the device's string, untouched (09:30+08:00 stays
09:30+08:00); `imported_at` is separate. Photos are stored under
`<facility uuid>_<sha256[:16]>.<ext>`: content-addressed, so the same IMG_0001.jpg name
from two laptops gives two files, the same bytes give one file, nothing is overwritten.
"""
from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
import zlib
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from .. import project_schema as ps
from ..progress import Progress
from .facilities import is_older
from .project_state import dumps, loads

log = logging.getLogger(__name__)

ANSWER_PREFIX = "a_"
_SAFE_EXT = re.compile(r"^\.[a-z0-9]{1,5}$")
_MIME_EXT = {"image/jpeg": ".jpg", "image/png": ".png", "image/heic": ".heic",
             "image/webp": ".webp"}
_COMPARED = ("facility_uuid", "package_uuid", "inspector", "inspected_at", "status",
             "complete", "answers", "extra")


def answer_column(question_id: str) -> str:
    """Flattened column of an answer: a_<id> for plain ids, a_<crc32> otherwise (ids
    in Chinese or with punctuation would collide once made SQL-safe)."""
    if re.fullmatch(r"[A-Za-z0-9_]{1,40}", question_id):
        return ANSWER_PREFIX + question_id.lower()
    return f"{ANSWER_PREFIX}{zlib.crc32(question_id.encode('utf-8')):08x}"


def _simple_type(value: Any) -> Optional[str]:
    if isinstance(value, bool):
        return "Integer"
    if isinstance(value, int):
        return "Integer64"
    if isinstance(value, float):
        return "Real"
    if isinstance(value, str):
        return "String"
    return None


def photo_file_name(facility_uuid: str, sha256: str, original_name: str,
                    mime: Optional[str]) -> str:
    ext = Path(original_name or "").suffix.lower()
    if not _SAFE_EXT.match(ext):
        ext = _MIME_EXT.get((mime or "").lower(), ".bin")
    return f"{facility_uuid}_{sha256[:16]}{ext}"


class AuditImporter:
    def __init__(self, state, plan, writer, now: str):
        self.state = state
        self.plan = plan
        self.writer = writer
        self.now = now
        self.pending: List[Tuple[Any, Any, str]] = []  # (package, photo, file name)

    def import_package(self, package, result, held) -> None:
        counts = self.plan.layer(ps.AUDITS)
        for audit in package.audits:
            values, answers = self._values(package, audit)
            xy = self._position(package, audit.facility_uuid)
            existing = self.state.audits.get(audit.audit_uuid)
            self._flatten(answers, values)
            if existing is None:
                values["imported_at"] = self.now
                self.writer.insert(ps.AUDITS, values, xy=xy)
                self.state.audits[audit.audit_uuid] = values
                counts.adds += 1
                self._log(package, "audit", audit.audit_uuid, "added")
            elif is_older(audit.updated_at, _stored_updated_at(existing)):
                counts.unchanged += 1  # an older copy of this audit: the newer one stays
            elif any(str(existing.get(k)) != str(values.get(k)) for k in values
                     if k in _COMPARED or k.startswith(ANSWER_PREFIX)):
                values["imported_at"] = self.now
                self.writer.update(ps.AUDITS, "audit_uuid", audit.audit_uuid, values, xy=xy)
                existing.update(values)
                counts.updates += 1
            else:
                counts.unchanged += 1
            target = result.held_audits if audit.facility_uuid in held else \
                result.accepted_audits
            target.append(audit.audit_uuid)
        self._plan_photos(package, result)

    def _values(self, package, audit) -> Tuple[Dict[str, Any], Dict[str, Any]]:
        extra = dict(audit.extra)
        extra.update(started_at=audit.started_at, updated_at=audit.updated_at,
                     completed_at=audit.completed_at)
        values = {
            "audit_uuid": audit.audit_uuid, "facility_uuid": audit.facility_uuid,
            "package_uuid": package.package_uuid, "inspector": audit.inspector,
            "inspected_at": audit.started_at, "status": audit.status,
            "complete": int(audit.status == "complete"), "answers": dumps(audit.answers),
            "extra": dumps(extra)}
        return values, audit.answers

    def _flatten(self, answers: Dict[str, Any], values: Dict[str, Any]) -> None:
        for question_id, answer in sorted(answers.items()):
            ogr_type = _simple_type(answer)
            if ogr_type is None:
                continue  # lists and objects live in the answers JSON only
            column = answer_column(question_id)
            self.writer.ensure_column(ps.AUDITS, column, ogr_type)
            values[column] = int(answer) if isinstance(answer, bool) else answer

    def _position(self, package, facility_uuid):
        for source in (package.facilities.get(facility_uuid),
                       self.state.facilities.get(facility_uuid)):
            if source and source.get("x") is not None and source.get("y") is not None:
                return source["x"], source["y"]
        return None, None

    def _plan_photos(self, package, result) -> None:
        counts = self.plan.layer(ps.AUDIT_PHOTOS)
        for photo in package.photos:
            if photo.photo_uuid in self.state.photos:
                counts.unchanged += 1
                continue
            actual = hashlib.sha256(package.photo_data(photo.photo_uuid)).hexdigest()
            if actual != (photo.sha256 or "").lower():
                message = (f"{package.path.name}: photo {photo.original_name}"
                           f" ({photo.photo_uuid}) is damaged: its SHA-256 does not match;"
                           " not imported")
                result.errors.append(message)
                self.plan.errors.append(message)
                counts.errors += 1
                continue
            name = photo_file_name(photo.facility_uuid, actual, photo.original_name,
                                   photo.mime)
            self.pending.append((package, photo, name))
            self.state.photos.add(photo.photo_uuid)
            counts.adds += 1

    def write_photo_rows(self, writer) -> None:
        for package, photo, name in self.pending:
            writer.insert(ps.AUDIT_PHOTOS, {
                "photo_uuid": photo.photo_uuid, "audit_uuid": photo.audit_uuid,
                "facility_uuid": photo.facility_uuid, "sha256": photo.sha256.lower(),
                "original_name": photo.original_name, "path": self.relative_paths[name],
                "taken_at": photo.added_at})
            self._log(package, "photo", photo.photo_uuid, "added", writer)

    def _log(self, package, kind, record_uuid, result, writer=None) -> None:
        if (kind, record_uuid) in self.state.logged:
            return
        writer = writer or self.writer
        writer.ensure_column(ps.IMPORT_LOG, "kind", "String")
        writer.ensure_column(ps.IMPORT_LOG, "detail", "String")
        writer.insert(ps.IMPORT_LOG, {"package_uuid": package.package_uuid,
                                      "change_uuid": record_uuid, "imported_at": self.now,
                                      "result": result, "kind": kind})
        self.state.logged.add((kind, record_uuid))


def _stored_updated_at(row) -> Optional[str]:
    extra = loads(row.get("extra"))
    return extra.get("updated_at") if isinstance(extra, dict) else None


def write_photo_files(records: AuditImporter, attachments: Path, project_gpkg: Path,
                      progress: Progress) -> int:
    """Copy the new photos into the attachments folder before the rows are committed:
    a kill leaves at most unreferenced, content-named files that the rerun reuses."""
    records.relative_paths = {}
    written = 0
    if records.pending:
        attachments.mkdir(parents=True, exist_ok=True)
    for number, (package, photo, name) in enumerate(records.pending):
        progress.update(100.0 * number / len(records.pending), photo.original_name)
        target = attachments / name
        if not _same_file(target, name):
            _write_atomically(target, package.photo_data(photo.photo_uuid))
            written += 1
        records.relative_paths[name] = Path(os.path.relpath(
            target.resolve(), Path(project_gpkg).resolve().parent)).as_posix()
    return written


def _same_file(target: Path, name: str) -> bool:
    if not target.exists():
        return False
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    return name.split("_")[-1].startswith(digest[:16])


def _write_atomically(target: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(prefix=".", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
