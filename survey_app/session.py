"""The app's working view of one open package, over `SurveyStore` only. Qt-free.

Every write goes straight to the store, which commits it before returning. The form
works on a facility; this module finds (or starts) the facility's audit, so the window
never handles audit uuids, and caches the type names so the list never waits.
"""
from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import Optional

from lifecircle_plugin.core.survey.packagefile import CorruptPackage
from lifecircle_plugin.core.survey.photos import photo_bytes
from lifecircle_plugin.core.survey.store import SurveyStore

from .facilities import Facility

log = logging.getLogger(__name__)


class Session:
    """One open package. Raises the store's PackageError (an InputError) if refused."""

    def __init__(self, path) -> None:
        self.path = Path(path)
        sidecars = [Path(f"{self.path}-wal"), Path(f"{self.path}-shm")]
        existed = [p.exists() for p in sidecars]
        self._first_rows = None
        try:
            self.store = SurveyStore(self.path)
            self._check_readable()
        except Exception:
            _remove_new_sidecars(sidecars, existed)
            raise
        self._types = {t.facility_type: t for t in self.store.facility_types()}

    def _check_readable(self) -> None:
        """Read what the window reads first, so damage the store's quick check did not
        see (overflow pages) is a refusal, not a half-open window."""
        try:
            self.store.facility_types()
            self._first_rows = self.store.facilities()
        except sqlite3.DatabaseError as exc:
            self.store.close()
            raise CorruptPackage(f"the package is damaged ({exc})", file=self.path) from None

    def close(self) -> None:
        self.store.close()

    # -- package ------------------------------------------------------------------------
    @property
    def inspector(self) -> str:
        return self.store.inspector

    def set_inspector(self, name: str) -> None:
        self.store.set_inspector(name)

    def context(self) -> list:
        """(layer, shapely geometry) pairs for the offline map."""
        return [(feature.layer, feature.geometry()) for feature in self.store.context()]

    # -- facility types -----------------------------------------------------------------
    def type_ids(self) -> list:
        return list(self._types)

    def type_label(self, facility_type: str, language: str) -> str:
        known = self._types.get(facility_type)
        return known.name(language) or facility_type if known else facility_type

    def type_task(self, facility_type: str) -> Optional[int]:
        known = self._types.get(facility_type)
        return known.task if known else None

    def checklist(self, facility_type: str):
        return self.store.checklist(facility_type)

    # -- facilities ---------------------------------------------------------------------
    def facilities(self) -> list:
        rows, self._first_rows = self._first_rows or self.store.facilities(), None
        return [Facility.from_record(row) for row in rows]

    def facility(self, uuid: str) -> Facility:
        audit = self.store.current_audit(uuid)
        return Facility.from_record(self.store.facility(uuid),
                                    audit.status if audit else "none")

    def move(self, uuid: str, x: float, y: float) -> Facility:
        self.store.move_facility(uuid, x, y)
        return self.facility(uuid)

    def set_status(self, uuid: str, status: str) -> Facility:
        self.store.set_status(uuid, status)
        return self.facility(uuid)

    def add_facility(self, facility_type: str, name: str, x: float, y: float) -> Facility:
        added = self.store.add_facility(facility_type, name, x, y)
        return self.facility(added.uuid)

    def history(self, uuid: str) -> list:
        return self.store.history(uuid)

    # -- audits -------------------------------------------------------------------------
    def audit_status(self, uuid: str) -> Optional[str]:
        audit = self.store.current_audit(uuid)
        return audit.status if audit else None

    def answers(self, uuid: str) -> dict:
        audit = self.store.current_audit(uuid)
        return self.store.answers(audit.audit_uuid) if audit else {}

    def save_answer(self, uuid: str, question_id: str, value):
        """Store one answer in the facility's draft audit (started on the first answer)."""
        audit = self.store.start_audit(uuid)
        return self.store.save_answer(audit.audit_uuid, question_id, value)

    def complete(self, uuid: str) -> None:
        audit = self.store.start_audit(uuid)
        self.store.complete_audit(audit.audit_uuid)

    def reopen(self, uuid: str) -> None:
        audit = self.store.current_audit(uuid)
        if audit is not None:
            self.store.reopen_audit(audit.audit_uuid)

    def photos(self, uuid: str) -> dict:
        """{question id: [(photo uuid, original name, sha256, bytes)]} of the current audit;
        photos not tied to a question are under None."""
        audit = self.store.current_audit(uuid)
        if audit is None:
            return {}
        grouped: dict = {}
        for photo in self.store.photos(uuid, audit.audit_uuid):
            grouped.setdefault(photo.question_id, []).append(
                (photo.photo_uuid, photo.original_name, photo.sha256,
                 self.store.photo_data(photo.photo_uuid)))
        return grouped

    def remove_photo(self, photo_uuid: str) -> None:
        self.store.remove_photo(photo_uuid)

    def update_details(self, uuid: str, name: str, address: str) -> Facility:
        self.store.update_facility(uuid, name=name, address=address)
        return self.facility(uuid)

    def add_photo(self, uuid: str, question_id: Optional[str], path: str):
        """Store a photo file; a file that cannot be a photo (unreadable, empty, not an
        image) is refused before anything is written, so no empty audit is started."""
        data, name = photo_bytes(Path(path), None)
        audit = self.store.start_audit(uuid)
        return self.store.add_photo(audit.audit_uuid, uuid, data, name,
                                    question_id=question_id)


def _remove_new_sidecars(sidecars: list, existed: list) -> None:
    """A refused WAL-mode file: SQLite's read-only check leaves an empty -wal and a -shm
    beside it; remove them if this attempt made them, so the folder is as it was."""
    wal, shm = sidecars
    if existed[0] or existed[1] or not wal.exists() or wal.stat().st_size:
        return
    for sidecar in sidecars:
        try:
            sidecar.unlink()
        except OSError:
            log.warning("could not remove %s", sidecar)
