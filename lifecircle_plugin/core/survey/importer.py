"""Import returned survey packages into the project GeoPackage, losing nothing.

`plan_import` is the dry run: it takes every decision and counts it, writes nothing.
`apply_import` takes the same decisions inside ONE SQLite transaction on the project
(BEGIN IMMEDIATE with a short busy timeout, so a project held by another writer is
refused clearly). Photos are copied into the attachments folder first, under names
made of facility uuid + SHA-256 (content addressed: never overwritten, re-runs reuse
them); the rows follow in the transaction; a kill at any point leaves the project as it
was and running again completes. Idempotent by content: each record is keyed by its
UUID and compared with what the project already holds, and the per-package merge base
(`sync_state`) means a package re-exported after more field work adds only what is new.
"""
from __future__ import annotations

import logging
import os
import sqlite3
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence

from .. import project_schema as ps
from ..errors import Cancelled, InputError
from ..progress import NO_PROGRESS, Progress
from . import gpkg_sql, project_state
from .audit_records import AuditImporter, write_photo_files
from .facilities import FacilityImporter
from .reader import SurveyPackage, read_package

log = logging.getLogger(__name__)

HOLD_ENV = "LIFECIRCLE_IMPORT_HOLD_AT"  # test hook: "<step>:<marker file>" sleeps there


@dataclass
class LayerCounts:
    adds: int = 0
    updates: int = 0
    conflicts: int = 0
    errors: int = 0
    unchanged: int = 0

    def total_changes(self) -> int:
        return self.adds + self.updates + self.conflicts


@dataclass
class ConflictRecord:
    conflict_uuid: str
    facility_uuid: str
    package_uuid: str
    field: str
    kind: str
    base: object
    project: object
    field_value: object


@dataclass
class PackageResult:
    path: Path
    package_uuid: str
    inspector: str
    area: str
    accepted_audits: List[str] = field(default_factory=list)
    held_audits: List[str] = field(default_factory=list)
    added_facilities: List[str] = field(default_factory=list)
    conflicts: List[ConflictRecord] = field(default_factory=list)
    errors: List[str] = field(default_factory=list)
    receipt: Optional[Path] = None


@dataclass
class ImportPlan:
    """What an import does (dry run) or did (report): counts per layer, drift notes,
    values kept in `extra` for lack of a field, errors, per-package detail."""

    project: Path
    project_id: Optional[str] = None
    packages: List[PackageResult] = field(default_factory=list)
    counts: Dict[str, LayerCounts] = field(default_factory=dict)
    drift: List[str] = field(default_factory=list)
    extra_values: List[str] = field(default_factory=list)
    errors: List[str] = field(default_factory=list)
    notes: List[str] = field(default_factory=list)

    def layer(self, name: str) -> LayerCounts:
        return self.counts.setdefault(name, LayerCounts())

    @property
    def conflicts(self) -> List[ConflictRecord]:
        return [c for package in self.packages for c in package.conflicts]

    @property
    def changes(self) -> int:
        return sum(counts.total_changes() for counts in self.counts.values())

    def summary_lines(self) -> List[str]:
        lines = [f"{name}: +{c.adds} ~{c.updates} !{c.conflicts} x{c.errors} ={c.unchanged}"
                 for name, c in sorted(self.counts.items())]
        return lines + [f"drift: {note}" for note in self.drift] + \
            [f"kept in extra: {note}" for note in self.extra_values] + \
            [f"error: {note}" for note in self.errors] + [f"note: {n}" for n in self.notes]


@dataclass
class ImportReport(ImportPlan):
    imported_at: str = ""
    attachments_dir: Optional[Path] = None
    photos_written: int = 0


def now_iso() -> str:
    """Local time with its UTC offset: the zone the planner's clock is in, explicit."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def default_attachments_dir(project_gpkg) -> Path:
    project_gpkg = Path(project_gpkg)
    return project_gpkg.with_name(f"{project_gpkg.stem}_attachments")


def plan_import(project_gpkg, packages: Sequence, progress: Progress = NO_PROGRESS
                ) -> ImportPlan:
    """Dry run: every decision apply_import would take, counted; nothing is written."""
    project_gpkg = Path(project_gpkg)
    connection = gpkg_sql.connect(project_gpkg, write=False)
    try:
        state = project_state.load(connection, project_gpkg)
        plan = ImportPlan(project_gpkg)
        _run(state, _read_all(packages, state, plan), plan, project_state.NullWriter(state),
             now_iso(), progress)
    except sqlite3.DatabaseError as exc:
        raise gpkg_sql.explain(exc, project_gpkg) from None
    finally:
        connection.close()
    return plan


def apply_import(project_gpkg, packages: Sequence, attachments_dir=None,
                 progress: Progress = NO_PROGRESS, receipts_dir=None) -> ImportReport:
    """Import for real, atomically; write a receipt beside each package (or into
    receipts_dir). Raises InputError (nothing changed) for a locked project, a package
    of another project or of a newer format."""
    from .receipt import write_receipt

    project_gpkg = Path(project_gpkg)
    attachments = Path(attachments_dir) if attachments_dir else \
        default_attachments_dir(project_gpkg)
    report = ImportReport(project_gpkg, imported_at=now_iso(), attachments_dir=attachments)
    with gpkg_sql.write_transaction(project_gpkg) as connection:
        project_state.create_missing_layers(connection)
        state = project_state.load(connection, project_gpkg)
        read = _read_all(packages, state, report)
        _hold("read")
        writer = project_state.SqlWriter(connection, state)
        records = _run(state, read, report, writer, report.imported_at, progress.sub(0, 60))
        report.photos_written = write_photo_files(records, attachments, project_gpkg,
                                                  progress.sub(60, 90))
        _hold("photos")
        records.write_photo_rows(writer)
        writer.finish()
        progress.update(95, "saving")  # the last point where a cancel is honoured
        _hold("commit")
    for package_result in report.packages:
        package_result.receipt = write_receipt(package_result, report, receipts_dir)
    try:
        progress.update(100, "import complete")
    except Cancelled:
        pass  # committed: too late to cancel, and nothing is half-done
    return report


def _read_all(packages: Iterable, state, plan: ImportPlan) -> List[SurveyPackage]:
    if state.project_id is None:
        raise InputError("the project has no project_id in lc_metadata: it was not made by"
                         " Life Circle, or is damaged", file=state.path, layer=ps.METADATA,
                         field="project_id")
    plan.project_id = state.project_id
    read = [read_package(path, state.project_id) for path in packages]
    if not read:
        raise InputError("no survey package given")
    for package in read:
        crs = package.info.get("crs")
        if crs and state.crs and crs.upper() != state.crs.upper():
            raise InputError(f"survey package coordinates are in {crs}, the project in"
                             f" {state.crs}", file=package.path, layer="package_info",
                             field="crs")
        plan.errors.extend(package.errors)
    return read


def _run(state, packages: List[SurveyPackage], plan: ImportPlan, writer, now: str,
         progress: Progress):
    facilities = FacilityImporter(state, plan, writer, now)
    records = AuditImporter(state, plan, writer, now)
    for number, package in enumerate(packages):
        progress.update(100.0 * number / len(packages), package.path.name)
        result = PackageResult(package.path, package.package_uuid, package.inspector,
                               package.info.get("area") or "")
        plan.packages.append(result)
        held = facilities.import_package(package, result)
        _hold("facilities")
        records.import_package(package, result, held)
        result.errors.extend(package.errors)
    return records


def _hold(step: str) -> None:
    """Test hook for the kill test: with LIFECIRCLE_IMPORT_HOLD_AT=step:marker, touch the
    marker and sleep at that step so a test can SIGKILL the process mid-import."""
    spec = os.environ.get(HOLD_ENV, "")
    if not spec.startswith(step + ":"):
        return
    Path(spec.split(":", 1)[1]).write_text(step)
    time.sleep(600)
