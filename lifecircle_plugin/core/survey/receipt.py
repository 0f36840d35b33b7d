"""The receipt: what the project took from a package, for the inspector to see.

Written after the import committed, as JSON beside the package (`<package>.receipt.json`)
or into a folder. The survey app opens it with `read_receipt` to show which audits were
accepted and which are held as conflicts for the planner's review, so an inspector never
has to guess whether field work arrived (the QFieldCloud failure where rejected changes
were never shown to the field). Plain JSON, no Qt, no project access needed.
"""
from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional

from ..errors import InputError

log = logging.getLogger(__name__)

RECEIPT_VERSION = 1
SUFFIX = ".receipt.json"


@dataclass
class Receipt:
    package_uuid: str
    project_id: str
    project_file: str
    imported_at: str
    accepted_audits: List[str] = field(default_factory=list)
    held_audits: List[str] = field(default_factory=list)
    added_facilities: List[str] = field(default_factory=list)
    conflicts: List[Dict[str, Any]] = field(default_factory=list)
    errors: List[str] = field(default_factory=list)
    receipt_version: int = RECEIPT_VERSION

    def status_of(self, audit_uuid: str) -> str:
        """'accepted', 'held' (a conflict awaits the planner) or 'not imported'."""
        if audit_uuid in self.held_audits:
            return "held"
        if audit_uuid in self.accepted_audits:
            return "accepted"
        return "not imported"


def receipt_path(package_path, receipts_dir=None) -> Path:
    package_path = Path(package_path)
    folder = Path(receipts_dir) if receipts_dir else package_path.parent
    return folder / f"{package_path.name}{SUFFIX}"


def write_receipt(package_result, report, receipts_dir=None) -> Optional[Path]:
    """Write (atomically) the receipt of one imported package; returns its path, or None
    if the folder is not writable (the import itself stands; the report says so)."""
    receipt = Receipt(
        package_uuid=package_result.package_uuid,
        project_id=report.project_id or "",
        project_file=Path(report.project).name,
        imported_at=report.imported_at,
        accepted_audits=list(package_result.accepted_audits),
        held_audits=list(package_result.held_audits),
        added_facilities=list(package_result.added_facilities),
        conflicts=[{"conflict_uuid": c.conflict_uuid, "facility_uuid": c.facility_uuid,
                    "field": c.field, "kind": c.kind} for c in package_result.conflicts],
        errors=list(package_result.errors))
    target = receipt_path(package_result.path, receipts_dir)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".", suffix=".part", dir=target.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(receipt.__dict__, stream, ensure_ascii=False, indent=2)
        os.replace(temporary, target)
    except OSError as exc:
        message = f"receipt not written to {target}: {exc}"
        log.warning(message)
        report.errors.append(message)
        return None
    return target


def read_receipt(path) -> Receipt:
    """Read a receipt; InputError for a file that is not one or from a newer version."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"not a readable receipt: {exc}", file=path) from None
    if not isinstance(data, dict) or "package_uuid" not in data:
        raise InputError("not a Life Circle import receipt", file=path)
    if int(data.get("receipt_version", 0)) > RECEIPT_VERSION:
        raise InputError("receipt written by a newer Life Circle version", file=path)
    known = Receipt.__dataclass_fields__
    return Receipt(**{key: value for key, value in data.items() if key in known})
