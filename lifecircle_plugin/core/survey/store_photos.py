"""SurveyStore's photos: bytes in the package under a uuid, with SHA-256 and original name.

A mixin of SurveyStore kept in its own module; it relies on the store's `_write`,
`_one`, `facility`, `_audit_row`, `_draft` and `_put_answer`.
"""
from __future__ import annotations

import hashlib
import sqlite3
import uuid as uuid_module
from pathlib import Path
from typing import Any, List, Optional, Union

from ..errors import InputError
from .packagefile import CorruptPackage, UnknownRecord, now_iso
from .photos import photo_bytes, sniff_mime
from .records import Photo


class PhotoShelf:
    """Photo methods of SurveyStore (mixin; see the module docstring)."""

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
            _, checklist = self._draft(audit_uuid)
            if question_id is not None:
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
