"""Read the open conflicts of a project, grouped by facility, for the review dock.

A conflict row holds one field of one facility (or the whole facility for a deletion
conflict) with the base, project and field values side by side. Values are stored as
text (JSON for positions and lists); `display()` turns them into something readable.
"""
from __future__ import annotations

import json
import logging
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional

from ...core import project_schema as ps
from ...core.gpkg import layer_names, read_layer
from ...i18n import tr

log = logging.getLogger(__name__)
OPEN = "open"


@dataclass(frozen=True)
class Conflict:
    conflict_uuid: str
    facility_uuid: str
    package_uuid: str
    field: str
    kind: str
    base: Optional[str]
    project: Optional[str]
    field_value: Optional[str]
    state: str
    created_at: Optional[str]


@dataclass
class FacilityConflicts:
    facility_uuid: str
    title: str
    conflicts: List[Conflict]


def display(value: Optional[str]) -> str:
    """A stored value as the reviewer should read it: JSON decoded, NULL as a dash."""
    if value is None or value == "":
        return "—"
    try:
        decoded = json.loads(value)
    except (TypeError, ValueError):
        return str(value)
    if decoded is None:
        return "—"
    if isinstance(decoded, float):
        return f"{decoded:.2f}"
    if isinstance(decoded, (list, tuple)):
        return ", ".join(f"{v:.2f}" if isinstance(v, float) else str(v) for v in decoded)
    if isinstance(decoded, dict):
        return ", ".join(f"{k}={display(json.dumps(v))}" for k, v in decoded.items())
    return str(decoded)


def open_conflicts(project_gpkg: str, include_resolved: bool = False) -> List[FacilityConflicts]:
    """The conflicts still waiting for a decision, by facility, oldest first."""
    if not project_gpkg or not Path(project_gpkg).is_file():
        return []
    if ps.CONFLICTS not in layer_names(project_gpkg):
        return []
    where = None if include_resolved else f"state = '{OPEN}'"
    rows = read_layer(project_gpkg, ps.CONFLICTS, where=where).features
    rows.sort(key=lambda f: (f.attributes.get("created_at") or "", f.fid or 0))
    grouped: Dict[str, List[Conflict]] = OrderedDict()
    for feature in rows:
        a = feature.attributes
        grouped.setdefault(a["facility_uuid"], []).append(Conflict(
            a["conflict_uuid"], a["facility_uuid"], a.get("package_uuid") or "",
            a.get("field") or "", a.get("kind") or "", a.get("base_value"),
            a.get("project_value"), a.get("field_value"), a.get("state") or "",
            a.get("created_at")))
    names = _facility_names(project_gpkg, list(grouped))
    return [FacilityConflicts(uuid, names.get(uuid) or _title_from_values(uuid, conflicts),
                              conflicts)
            for uuid, conflicts in grouped.items()]


def _title_from_values(facility_uuid: str, conflicts: List[Conflict]) -> str:
    """A facility no longer in the project (deleted there): its name from the values."""
    for conflict in conflicts:
        for text in (conflict.field_value, conflict.base):
            try:
                values = json.loads(text or "null")
            except ValueError:
                continue
            if isinstance(values, dict) and (values.get("name") or values.get("facility_type")):
                title = f"{values.get('name') or ''} ({values.get('facility_type')})".strip()
                return tr("{0} — not in the project").format(title)
    return facility_uuid


def _facility_names(project_gpkg: str, uuids: List[str]) -> Dict[str, str]:
    if not uuids or ps.FACILITIES not in layer_names(project_gpkg):
        return {}
    quoted = ",".join("'" + u.replace("'", "''") + "'" for u in uuids)
    data = read_layer(project_gpkg, ps.FACILITIES, where=f"uuid IN ({quoted})",
                      columns=["uuid", "name", "facility_type"])
    return {f.attributes["uuid"]: f"{f.attributes['name'] or ''} "
            f"({f.attributes['facility_type']})".strip() for f in data.features}
