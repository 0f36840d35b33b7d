"""Making a survey package from a project GeoPackage.

A package holds what an inspector needs offline and nothing more: the selected
facilities (by sub-district, task and/or uuids) with the base revision of their audited
fields for the later three-way merge, the checklist of every facility type (inspectors
may add any type they find), and simplified map context: sub-district boundaries and,
when the project has a walking network, the streets around the area. The file appears
atomically; a failure leaves no half-written package.
"""
from __future__ import annotations

import json
import logging
import os
import sqlite3
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Union

import shapely
from shapely.geometry.base import BaseGeometry
from shapely.prepared import prep

from .. import gpkg
from .. import project_schema as ps
from ..errors import InputError
from ..paths import resources_dir
from ..progress import NO_PROGRESS, Progress
from .checklists import checklist_rows, default_checklists
from .packagefile import PackageError, inspect_package, now_iso, write_package
from .schema import AUDITED_FIELDS, SURVEY_STATUSES

log = logging.getLogger(__name__)

CONTEXT_MARGIN_M = 300.0  # streets and neighbouring boundaries this far around the area
SUBDISTRICT_TOLERANCE_M = 5.0
STREET_TOLERANCE_M = 2.0
_PASSED_ON = ("source", "source_id", "rule", "capacity", "area_m2", "sources")


@dataclass
class PackageSummary:
    path: Path
    package_uuid: str
    project_id: str
    area: str
    task: Optional[int]
    facilities: int
    facility_types: Dict[str, int] = field(default_factory=dict)
    checklists: int = 0
    context_features: Dict[str, int] = field(default_factory=dict)
    size_bytes: int = 0


def _nfc(text: Any) -> Any:
    return unicodedata.normalize("NFC", text) if isinstance(text, str) else text


def software_version() -> str:
    try:
        text = (resources_dir().parent / "metadata.txt").read_text(encoding="utf-8")
    except (OSError, FileNotFoundError):
        return "unknown"
    for line in text.splitlines():
        if line.startswith("version="):
            return line.split("=", 1)[1].strip()
    return "unknown"


def _metadata(project: Path) -> Dict[str, str]:
    rows = gpkg.read_layer(project, ps.METADATA).features
    metadata = {f.attributes.get("key"): f.attributes.get("value") for f in rows}
    if not metadata.get("project_id"):
        raise InputError("the project has no project_id", file=project, layer=ps.METADATA,
                         field="project_id")
    return metadata


def _crs(project: Path, metadata: Dict[str, str], crs_wkt: Optional[str]) -> str:
    if metadata.get("crs"):
        return metadata["crs"]
    if crs_wkt:
        srs = gpkg.spatial_reference(crs_wkt)
        if srs.GetAuthorityName(None) and srs.GetAuthorityCode(None):
            return f"{srs.GetAuthorityName(None)}:{srs.GetAuthorityCode(None)}"
        return crs_wkt
    raise InputError("the facilities layer has no CRS", file=project, layer=ps.FACILITIES)


def _find_subdistrict(project: Path, features: List[gpkg.Feature], wanted: str) -> gpkg.Feature:
    key = _nfc(wanted).strip().casefold()
    for feature in features:
        names = (feature.attributes.get("name"), feature.attributes.get("name_en"),
                 feature.attributes.get("code"))
        if any(isinstance(n, str) and _nfc(n).strip().casefold() == key for n in names):
            if feature.geometry is None:
                raise InputError(f"sub-district '{wanted}' has no boundary", file=project,
                                 layer=ps.SUBDISTRICTS, row=feature.fid)
            return feature
    known = ", ".join(sorted(str(f.attributes.get("name")) for f in features))
    raise InputError(f"no sub-district '{wanted}'; the project has: {known}", file=project,
                     layer=ps.SUBDISTRICTS, field="name")


def _select(project: Path, facilities: List[gpkg.Feature], area: Optional[gpkg.Feature],
            task: Optional[int], uuids: Optional[Iterable[str]]) -> List[gpkg.Feature]:
    chosen = facilities
    if area is not None:
        shape, name = prep(area.geometry), area.attributes.get("name")
        chosen = [f for f in chosen if (f.geometry is not None and shape.covers(f.geometry))
                  or (name and f.attributes.get("subdistrict") == name)]
    if task is not None:
        chosen = [f for f in chosen if f.attributes.get("task") == task]
    if uuids is not None:
        wanted = [str(u) for u in uuids]
        known = {f.attributes.get("uuid") for f in facilities}
        unknown = [u for u in wanted if u not in known]
        if unknown:
            raise InputError(f"{len(unknown)} facility uuid(s) not in the project, e.g. "
                             f"{unknown[:3]}", file=project, layer=ps.FACILITIES, field="uuid")
        wanted_set = set(wanted)
        chosen = [f for f in chosen if f.attributes.get("uuid") in wanted_set]
    return chosen


def _facility_row(project: Path, feature: gpkg.Feature) -> Dict[str, Any]:
    attrs = feature.attributes
    if not attrs.get("uuid"):
        raise InputError("a facility has no uuid", file=project, layer=ps.FACILITIES,
                         row=feature.fid, field="uuid")
    if not attrs.get("facility_type"):
        raise InputError("a facility has no type", file=project, layer=ps.FACILITIES,
                         row=feature.fid, field="facility_type")
    status = attrs.get("status") or "existing"
    if status not in SURVEY_STATUSES:
        raise InputError(f"status '{status}' is not one of {SURVEY_STATUSES}", file=project,
                         layer=ps.FACILITIES, row=feature.fid, field="status")
    x = feature.geometry.x if feature.geometry is not None else None
    y = feature.geometry.y if feature.geometry is not None else None
    live = {"facility_type": attrs.get("facility_type"), "name": _nfc(attrs.get("name")),
            "address": _nfc(attrs.get("address")), "status": status, "x": x, "y": y}
    try:
        extra = json.loads(attrs.get("attributes") or "{}")
    except ValueError:
        extra = {"attributes": attrs.get("attributes")}
    passed = {key: attrs.get(key) for key in _PASSED_ON if attrs.get(key) is not None}
    passed["project_updated_at"] = attrs.get("updated_at")
    return dict(live, uuid=attrs["uuid"], task=attrs.get("task"),
                subdistrict=_nfc(attrs.get("subdistrict")),
                attributes=dict(extra if isinstance(extra, dict) else {}, **passed),
                base={key: live[key] for key in AUDITED_FIELDS}, origin="project")


def _wkt(geometry: BaseGeometry) -> str:
    """WKT to the centimetre: enough for a map, half the bytes of full precision."""
    return shapely.to_wkt(geometry, rounding_precision=2, trim=True)


def _context(project: Path, subdistricts: List[gpkg.Feature],
             area: Optional[BaseGeometry], layers: List[str]) -> List[Dict[str, Any]]:
    """Simplified boundaries (all, or those near the area) and streets near the area."""
    rows = []
    window = area.buffer(CONTEXT_MARGIN_M) if area is not None else None
    for feature in subdistricts:
        if feature.geometry is None:
            continue
        if window is not None and not feature.geometry.intersects(window):
            continue
        shape = feature.geometry.simplify(SUBDISTRICT_TOLERANCE_M, preserve_topology=True)
        rows.append({"layer": "subdistricts", "name": feature.attributes.get("name"),
                     "wkt": _wkt(shape)})
    if ps.NETWORK_EDGES in layers:
        edges = gpkg.read_layer(project, ps.NETWORK_EDGES, columns=["highway"],
                                bbox=window.bounds if window is not None else None)
        for feature in edges.features:
            geometry = feature.geometry
            if geometry is None or (window is not None and not window.intersects(geometry)):
                continue
            rows.append({"layer": "streets", "name": feature.attributes.get("highway"),
                         "wkt": _wkt(geometry.simplify(STREET_TOLERANCE_M))})
    return rows


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)


def _imported(project: Path, package: Path) -> bool:
    """True when the project's import log holds every change of the package."""
    try:
        connection = _read_only(package)
        try:
            changes = {row[0] for row in connection.execute("SELECT change_uuid FROM changes")}
        finally:
            connection.close()
        connection = _read_only(project)
        try:
            logged = {row[0] for row in connection.execute(
                "SELECT change_uuid FROM import_log WHERE change_uuid IS NOT NULL")}
        finally:
            connection.close()
    except sqlite3.Error:
        return False
    return bool(changes) and changes <= logged


def _field_work(path: Path) -> Dict[str, int]:
    """Audits, photos, changes and field-added facilities held in a package (read-only)."""
    counts: Dict[str, int] = {}
    connection = _read_only(path)
    try:
        for table, where in (("audits", ""), ("photos", ""), ("changes", ""),
                             ("facilities", " WHERE origin = 'field'")):
            number = connection.execute(f"SELECT count(*) FROM {table}{where}").fetchone()[0]
            if number:
                counts[table if table != "facilities" else "facilities added"] = number
    finally:
        connection.close()
    return counts


def check_package_target(project: Path, out_path: Path) -> None:
    """Refuse an output that would destroy something: a folder, the project itself, a
    file that is not a survey package, or a package that holds an inspector's field work
    (audits, photos, changes) not yet imported into this project. An existing package
    without field work, or whose changes are all in the project's import log, may be
    replaced."""
    if out_path.is_dir():
        raise InputError("the output is a folder; give a file name such as "
                         f"{out_path / ('area' + '.lcsurvey')}", file=out_path)
    if not out_path.exists():
        return
    if _same_file(project, out_path):
        raise InputError("the output is the project itself; give another file name for the "
                         "package (the project was not changed)", file=out_path)
    try:
        inspect_package(out_path)
        work = _field_work(out_path)
    except (PackageError, sqlite3.Error):
        raise InputError("a file of that name exists and is not an empty survey package; "
                         "it was left as it is: choose another name or move it away",
                         file=out_path) from None
    if work and not _imported(project, out_path):
        held = ", ".join(f"{number} {what}" for what, number in sorted(work.items()))
        raise InputError(f"this survey package already holds field work ({held}); it was "
                         "left as it is: import it first or choose another name",
                         file=out_path)


def make_package(project_gpkg: Union[str, Path], out_path: Union[str, Path], *,
                 subdistrict: Optional[str] = None, task: Optional[int] = None,
                 facility_uuids: Optional[Iterable[str]] = None, inspector: str = "",
                 progress: Progress = NO_PROGRESS) -> PackageSummary:
    """Write a survey package of the selected facilities of a project; see module doc."""
    project, out_path = Path(project_gpkg), Path(out_path)
    if task is not None and not 1 <= int(task) <= 12:
        raise InputError(f"task {task} is not one of the twelve", field="task")
    task = int(task) if task is not None else None
    check_package_target(project, out_path)
    progress.update(0, "reading the project")
    try:
        return _make_package(project, out_path, subdistrict, task, facility_uuids, inspector,
                             progress)
    except RuntimeError as exc:  # GDAL on a damaged GeoPackage
        raise InputError(f"cannot read the project, the file is damaged ({exc}); nothing "
                         "was written", file=project) from None
    except OSError as exc:
        raise InputError(f"cannot write the package: {exc.strerror or exc}",
                         file=out_path) from None


def _make_package(project: Path, out_path: Path, subdistrict: Optional[str],
                  task: Optional[int], facility_uuids: Optional[Iterable[str]],
                  inspector: str, progress: Progress) -> PackageSummary:
    layers = gpkg.layer_names(project)
    for needed in (ps.FACILITIES, ps.METADATA):
        if needed not in layers:
            raise InputError(f"not a Life Circle project: layer '{needed}' is missing",
                             file=project, layer=needed)
    metadata = _metadata(project)
    facilities = gpkg.read_layer(project, ps.FACILITIES)
    subdistricts = (gpkg.read_layer(project, ps.SUBDISTRICTS).features
                    if ps.SUBDISTRICTS in layers else [])
    area = None
    if subdistrict:
        if not subdistricts:
            raise InputError("the project has no sub-districts", file=project,
                             layer=ps.SUBDISTRICTS)
        area = _find_subdistrict(project, subdistricts, subdistrict)
    progress.update(30, "selecting facilities")
    chosen = _select(project, facilities.features, area, task, facility_uuids)
    rows = [_facility_row(project, feature) for feature in chosen]
    checklists = default_checklists()
    unknown = sorted({row["facility_type"] for row in rows} - set(checklists.checklists))
    if unknown:
        raise InputError(f"facility type(s) {unknown} have no checklist; add them to "
                         "resources/checklists", file=project, layer=ps.FACILITIES,
                         field="facility_type")
    progress.update(50, "map context")
    context = _context(project, subdistricts, area.geometry if area else None, layers)
    info = {
        "project_id": metadata["project_id"], "created_at": now_iso(),
        "inspector": _nfc(inspector or "").strip(),
        "area": area.attributes.get("name") if area else "all",
        "task": "" if task is None else str(task),
        "crs": _crs(project, metadata, facilities.crs_wkt),
        "software_version": software_version(), "source_project": project.name,
        "project_schema_version": metadata.get("schema_version", ""),
        "catalogue_version": metadata.get("catalogue_version", ""),
    }
    progress.update(70, "writing the package")
    write_package(out_path, info, rows, checklist_rows(checklists), context)
    counts: Dict[str, int] = {}
    for row in rows:
        counts[row["facility_type"]] = counts.get(row["facility_type"], 0) + 1
    layers_count: Dict[str, int] = {}
    for row in context:
        layers_count[row["layer"]] = layers_count.get(row["layer"], 0) + 1
    written = inspect_package(out_path)
    progress.update(100, "package written")
    log.info("survey package %s: %d facilities of %s", out_path, len(rows), info["area"])
    return PackageSummary(out_path, written["package_uuid"], metadata["project_id"],
                          info["area"], task, len(rows), counts, len(checklists.checklists),
                          layers_count, out_path.stat().st_size)
