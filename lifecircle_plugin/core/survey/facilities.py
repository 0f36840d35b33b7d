"""Facility changes from a package: three-way merge per field, then the writes.

The merge base of a field is the last value this package lineage delivered and the
project took in (`sync_state`), else the package's `base`: so a package re-exported after
more field work is compared with what it already gave, not with the old base, and a
second inspector's package (other lineage) is compared with its own base. Conflicts are
stored with deterministic uuids (same package, same values -> same uuid) so a re-import
never duplicates one and a conflict decided in review is not raised again.
"""
from __future__ import annotations

import logging
import unicodedata
import uuid
from datetime import datetime
from typing import Any, Dict, List, Set

from .. import project_schema as ps
from . import merge
from .project_state import dumps, loads, subdistrict_of
from .schema import AUDITED_FIELDS

log = logging.getLogger(__name__)

FIELD_DELETED_STATUSES = ("not_found", "removed", "deleted")
NOT_ATTRIBUTES = ("created", "audit_status")
UPDATED_AT = "_updated_at"  # sync_state pseudo-field: the newest copy of a facility seen


def is_older(stamp, than) -> bool:
    """Whether ISO 8601 time `stamp` is before `than` (offsets respected); unknown: no."""
    try:
        return datetime.fromisoformat(stamp) < datetime.fromisoformat(than)
    except (TypeError, ValueError):
        return False  # change rows that are not facility fields
CONFLICT_NAMESPACE = uuid.UUID("6f0c4d52-4a57-4c8e-9a3e-6c1f5e0b7d21")


def conflict_uuid(package_uuid: str, facility_uuid: str, name: str, field_value: Any) -> str:
    key = "|".join((package_uuid, facility_uuid, name, dumps(field_value)))
    return str(uuid.uuid5(CONFLICT_NAMESPACE, key))


class FacilityImporter:
    def __init__(self, state, plan, writer, now: str):
        self.state = state
        self.plan = plan
        self.writer = writer
        self.now = now
        self.counts = plan.layer(ps.FACILITIES)
        self.conflict_counts = plan.layer(ps.CONFLICTS)

    def import_package(self, package, result) -> Set[str]:
        """Merge every facility of the package; returns the uuids held in conflict."""
        touched = {audit.facility_uuid for audit in package.audits} | {
            photo.facility_uuid for photo in package.photos}
        held: Set[str] = set()
        for facility_uuid, row in package.facilities.items():
            problem = _invalid(row)
            if problem:
                message = f"{package.path.name}: facility {facility_uuid}: {problem}; not imported"
                result.errors.append(message)
                self.plan.errors.append(message)
                self.counts.errors += 1
                held.add(facility_uuid)
                continue
            if self._import_facility(package, result, facility_uuid, row,
                                     facility_uuid in touched):
                held.add(facility_uuid)
        self._log_changes(package, held)
        return held

    def _import_facility(self, package, result, facility_uuid, row, touched) -> bool:
        stamp = (package.package_uuid, facility_uuid, UPDATED_AT)
        if stamp in self.state.seen and is_older(row.get("updated_at"), self.state.seen[stamp]):
            note = (f"{package.path.name}: facility {facility_uuid} is older here than in a"
                    " copy of this package imported before; the newer values are kept")
            self.plan.notes.append(note)
            self.counts.unchanged += 1
            return self._has_open_conflict(package, facility_uuid)
        base = None if row.get("origin") == "field" or not isinstance(row.get("base"), dict) \
            else self._effective_base(package.package_uuid, facility_uuid, row["base"])
        if base is None and row.get("origin") == "field":
            base = self._seen_only(package.package_uuid, facility_uuid)
        project = self.state.facilities.get(facility_uuid)
        field_values = {name: row.get(name) for name in AUDITED_FIELDS}
        outcome = merge.merge_facility(
            facility_uuid, base, self._audited(project, base), field_values,
            deleted_in_field=row.get("status") in FIELD_DELETED_STATUSES,
            field_touched=touched)
        if outcome.outcome == merge.ADD:
            self._add(package, result, row)
        elif outcome.updates:
            updates = dict(outcome.updates)
            if "facility_type" in updates and row.get("task") is not None:
                updates["task"] = row["task"]  # the type's task travels with it
            self._update(package, project, updates)
        new_conflicts = [self._conflict(package, result, facility_uuid, c)
                         for c in outcome.conflicts]
        if outcome.outcome == merge.UPDATE or (
                outcome.outcome == merge.CONFLICT and outcome.updates):
            self.counts.updates += 1
        if any(new_conflicts):
            self.counts.conflicts += 1
        if outcome.outcome == merge.UNCHANGED or (
                outcome.outcome == merge.CONFLICT and not any(new_conflicts)
                and not outcome.updates):
            self.counts.unchanged += 1
        self._remember(package.package_uuid, facility_uuid, base, field_values, outcome)
        self._drifted_attributes(package, facility_uuid, row)
        if row.get("updated_at"):
            self.remember(package.package_uuid, facility_uuid, UPDATED_AT, row["updated_at"])
        return bool(outcome.conflicts) or self._has_open_conflict(package, facility_uuid)

    def _effective_base(self, package_uuid, facility_uuid, base: Dict[str, Any]):
        effective = dict(base)
        for name in AUDITED_FIELDS:
            key = (package_uuid, facility_uuid, name)
            if key in self.state.seen:
                effective[name] = self.state.seen[key]
        return effective

    def _seen_only(self, package_uuid, facility_uuid):
        seen = {name: self.state.seen[(package_uuid, facility_uuid, name)]
                for name in AUDITED_FIELDS
                if (package_uuid, facility_uuid, name) in self.state.seen}
        return seen or None

    def _audited(self, project, base):
        """The project's audited values; a field the project no longer has (drift) counts
        as unchanged, so only the field's side decides it (the value goes to `extra`)."""
        if project is None:
            return None
        columns = self.state.columns[ps.FACILITIES]
        return {name: project.get(name) if name in columns or name in ("x", "y")
                else (base or {}).get(name) for name in AUDITED_FIELDS}

    def _has_open_conflict(self, package, facility_uuid) -> bool:
        return any(row["facility_uuid"] == facility_uuid and row["state"] == "open"
                   and row["package_uuid"] == package.package_uuid
                   for row in self.state.conflicts.values())

    # writes -------------------------------------------------------------------------

    def _add(self, package, result, row) -> None:
        values = {name: row.get(name) for name in AUDITED_FIELDS if name not in ("x", "y")}
        values.update(
            uuid=row["uuid"], task=row.get("task"), source="survey",
            source_id=package.package_uuid, updated_at=self.now,
            subdistrict=subdistrict_of(self.state, row.get("x"), row.get("y"))
            or row.get("subdistrict"),
            sources=dumps([{"source": "survey", "source_id": package.package_uuid,
                            "inspector": package.inspector}]),
            attributes=dumps(row.get("attributes") or {}))
        columns = self.state.columns[ps.FACILITIES]
        for name, value in (row.get("attributes") or {}).items():
            if name in columns and values.get(name) is None:  # mapped by field name
                values[name] = value
        values = self._home(package, row["uuid"], _nfc(values), {})
        self.writer.insert(ps.FACILITIES, values, xy=(row.get("x"), row.get("y")))
        self.state.facilities[row["uuid"]] = dict(values, x=row.get("x"), y=row.get("y"))
        result.added_facilities.append(row["uuid"])
        self.counts.adds += 1
        self._log(package, "facility", row["uuid"], "added", None)

    def _update(self, package, project, updates: Dict[str, Any]) -> None:
        values = {name: value for name, value in updates.items() if name not in ("x", "y")}
        xy = (updates["x"], updates["y"]) if "x" in updates else None
        values = self._home(package, project["uuid"], _nfc(values), project)
        values["updated_at"] = self.now
        self.writer.update(ps.FACILITIES, "uuid", project["uuid"], values, xy=xy)
        project.update(values)
        if xy is not None:
            project["x"], project["y"] = xy

    def _home(self, package, facility_uuid, values: Dict[str, Any], project) -> Dict[str, Any]:
        """Values whose field the project no longer has go to the JSON column `extra`."""
        columns = self.state.columns[ps.FACILITIES]
        homeless = {name: value for name, value in values.items() if name not in columns}
        if not homeless:
            return values
        self.writer.ensure_column(ps.FACILITIES, "extra", "String")
        extra = dict(_loads_dict(project.get("extra")) if project else {})
        extra.update(homeless)
        for name in homeless:
            note = f"{package.path.name}: facility {facility_uuid}: {name}"
            if note not in self.plan.extra_values:
                self.plan.extra_values.append(note)
            drift = f"facilities: field '{name}' is not in the project (renamed or removed?)"
            if drift not in self.plan.drift:
                self.plan.drift.append(drift)
        kept = {name: value for name, value in values.items() if name in columns}
        kept["extra"] = dumps(extra)
        return kept

    def _conflict(self, package, result, facility_uuid, conflict) -> bool:
        """Store a conflict unless this very one (same package, same values) exists."""
        from .importer import ConflictRecord

        key = conflict_uuid(package.package_uuid, facility_uuid, conflict.field,
                            conflict.field_value)
        if key in self.state.conflicts:
            self.conflict_counts.unchanged += 1
            return False
        older = self.state.open_conflict(package.package_uuid, facility_uuid, conflict.field)
        if older is not None:  # the field changed its value again: newest one is open
            older["state"] = "superseded"
            self.writer.update(ps.CONFLICTS, "conflict_uuid", older["conflict_uuid"],
                               {"state": "superseded", "resolved_at": self.now})
        row = {"conflict_uuid": key, "facility_uuid": facility_uuid,
               "package_uuid": package.package_uuid, "field": conflict.field,
               "base_value": dumps(conflict.base), "project_value": dumps(conflict.project),
               "field_value": dumps(conflict.field_value), "kind": conflict.kind,
               "state": "open", "resolution": None, "created_at": self.now,
               "resolved_at": None}
        self.writer.insert(ps.CONFLICTS, row)
        self.state.conflicts[key] = row
        self.conflict_counts.adds += 1
        result.conflicts.append(ConflictRecord(key, facility_uuid, package.package_uuid,
                                               conflict.field, conflict.kind, conflict.base,
                                               conflict.project, conflict.field_value))
        return True

    def _remember(self, package_uuid, facility_uuid, base, field_values, outcome) -> None:
        """Record the field values the project has now taken in for this lineage."""
        held = {c.field for c in outcome.conflicts}
        if "*" in held:
            return
        changed = merge.changed_fields(base or {}, field_values) if base is not None \
            else list(merge.VALUE_FIELDS) + [merge.POSITION]
        for name in changed:
            if name in held:
                continue
            names = ("x", "y") if name == merge.POSITION else (name,)
            for single in names:
                self.remember(package_uuid, facility_uuid, single, field_values.get(single))

    def remember(self, package_uuid, facility_uuid, name, value) -> None:
        key = (package_uuid, facility_uuid, name)
        if key in self.state.seen and merge.same(self.state.seen[key], value):
            return
        row = {"package_uuid": package_uuid, "facility_uuid": facility_uuid, "field": name,
               "value": dumps(value), "updated_at": self.now}
        if key in self.state.seen:
            self.writer.update_where(ps.SYNC_STATE, {
                "package_uuid": package_uuid, "facility_uuid": facility_uuid, "field": name},
                {"value": row["value"], "updated_at": self.now})
        else:
            self.writer.insert(ps.SYNC_STATE, row)
        self.state.seen[key] = value

    def _drifted_attributes(self, package, facility_uuid, row) -> None:
        """Attributes edited in the field outside AUDITED_FIELDS (the changes table says
        which): applied by field name when the project has that field and did not change
        it; else kept in `extra` and listed."""
        project = self.state.facilities.get(facility_uuid)
        if project is None:
            return
        edits = {}
        for change in package.changes:
            if change["facility_uuid"] == facility_uuid and \
                    change["field"] not in AUDITED_FIELDS + NOT_ATTRIBUTES:
                edits.setdefault(change["field"], loads(change["old_value"]))
        attributes = row.get("attributes") or {}
        for name, old in edits.items():
            value = attributes.get(name)
            key = (package.package_uuid, facility_uuid, name)
            base = self.state.seen.get(key, old)
            if merge.same(base, value):
                continue
            if name in self.state.columns[ps.FACILITIES] and not merge.same(
                    project.get(name), value):
                if not merge.same(project.get(name), base):
                    continue  # the planner changed it too: theirs is kept, noted below
                self.writer.update(ps.FACILITIES, "uuid", facility_uuid,
                                   {name: value, "updated_at": self.now})
                project[name] = value
                self.counts.updates += 1
            elif name not in self.state.columns[ps.FACILITIES]:
                values = self._home(package, facility_uuid, {name: value}, project)
                self.writer.update(ps.FACILITIES, "uuid", facility_uuid, values)
                project.update(values)
                self.counts.updates += 1
            self.remember(package.package_uuid, facility_uuid, name, value)

    def _log_changes(self, package, held: Set[str]) -> None:
        for change in package.changes:
            result = "held" if change["facility_uuid"] in held else "taken"
            self._log(package, "change", change["change_uuid"], result, None)

    def _log(self, package, kind: str, record_uuid: str, result: str, detail) -> None:
        if (kind, record_uuid) in self.state.logged:
            return
        self.writer.ensure_column(ps.IMPORT_LOG, "kind", "String")
        self.writer.ensure_column(ps.IMPORT_LOG, "detail", "String")
        self.writer.insert(ps.IMPORT_LOG, {
            "package_uuid": package.package_uuid, "change_uuid": record_uuid,
            "imported_at": self.now, "result": result, "kind": kind,
            "detail": dumps(detail) if detail is not None else None})
        self.state.logged.add((kind, record_uuid))




def _invalid(row) -> str:
    """What makes a package facility unusable, or '' if nothing does."""
    if not row.get("facility_type"):
        return "no facility type"
    for name in ("x", "y"):
        value = row.get(name)
        if value is not None and not isinstance(value, (int, float)):
            return f"{name} is not a number ({value!r})"
    if row.get("origin") == "field" and (row.get("x") is None or row.get("y") is None):
        return "added in the field without a position"
    return ""


def _nfc(values: Dict[str, Any]) -> Dict[str, Any]:
    """Text is stored NFC, so later comparisons, searches and exports see one form."""
    return {name: unicodedata.normalize("NFC", value) if isinstance(value, str) else value
            for name, value in values.items()}


def _loads_dict(text) -> Dict[str, Any]:
    from .project_state import loads

    value = loads(text)
    return value if isinstance(value, dict) else {}


def held_fields(conflicts: List) -> Set[str]:
    return {c.field for c in conflicts}
