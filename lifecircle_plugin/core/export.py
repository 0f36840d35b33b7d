"""Exports for official maps: audited facilities, audits and evaluation results.

Formats: GeoPackage (one file, all layers), Shapefile, GeoJSON, CSV; in CGCS2000
geographic (EPSG:4490), a CGCS2000 Gauss-Kruger projection (EPSG:4549 for Shanghai) or
WGS84. Shapefile is what offices still exchange, and it breaks names: DBF fields are at
most 10 bytes, so long names get unique, deterministic short names (the same name always
gets the same short name, whatever the other fields) and a CSV beside the .shp maps them
back; `reimport_shapefile` restores the long names. Text is UTF-8 (.cpg), CSV files carry
a BOM so Excel opens Chinese text correctly. All through GDAL/OGR.
"""
from __future__ import annotations

import csv
import logging
import os
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence

from osgeo import ogr, osr
from shapely.geometry import MultiPolygon

from . import gpkg
from . import project_schema as ps
from .errors import InputError
from .progress import NO_PROGRESS, Progress

log = logging.getLogger(__name__)

EXPORT_CRS = {
    "EPSG:4490": "CGCS2000 (geographic)",
    "EPSG:4549": "CGCS2000 / 3-degree Gauss-Kruger CM 120E",
    "EPSG:4326": "WGS 84",
}
FORMATS = {"gpkg": "GPKG", "shp": "ESRI Shapefile", "geojson": "GeoJSON", "csv": "CSV"}
SUFFIX = {"gpkg": ".gpkg", "shp": ".shp", "geojson": ".geojson", "csv": ".csv"}
AUDITED_FACILITIES = "audited_facilities"
DEFAULT_LAYERS = (AUDITED_FACILITIES, ps.AUDITS, ps.SUBDISTRICT_RESULTS, ps.TASK_RESULTS,
                  ps.ORIGIN_RESULTS, ps.GAPS, ps.SERVICE_AREAS, ps.SITE_SCORES)
DBF_NAME_BYTES = 10
DBF_TEXT_BYTES = 254
GPKG_FILE = "lifecircle_export.gpkg"
ATTRIBUTION = "© OpenStreetMap contributors (ODbL)"


@dataclass
class ExportedLayer:
    layer: str
    path: Path
    features: int
    field_names: Dict[str, str] = field(default_factory=dict)  # long -> written name
    mapping_csv: Optional[Path] = None


@dataclass
class ExportReport:
    out_dir: Path
    format: str
    crs: str
    layers: List[ExportedLayer] = field(default_factory=list)
    skipped: List[str] = field(default_factory=list)
    warnings: List[str] = field(default_factory=list)


def shapefile_field_names(names: Sequence[str]) -> Dict[str, str]:
    """Unique DBF names (<= 10 UTF-8 bytes, case-insensitive unique), deterministic.

    A name that fits is kept. A longer one is cut to 10 bytes if no other field cuts or
    fits to the same; otherwise it becomes <first bytes>_<3 hex of its CRC-32>, so its
    short name depends only on the name itself, never on field order."""
    def cut(text: str, size: int) -> str:
        data = text.encode("utf-8")[:size]
        return data.decode("utf-8", errors="ignore")

    fitting = {name for name in names if len(name.encode("utf-8")) <= DBF_NAME_BYTES}
    cuts: Dict[str, List[str]] = {}
    for name in names:
        cuts.setdefault(cut(name, DBF_NAME_BYTES).lower(), []).append(name)
    taken = {name.lower() for name in fitting}
    result: Dict[str, str] = {}
    for name in names:
        if name in fitting:
            result[name] = name
            continue
        short = cut(name, DBF_NAME_BYTES)
        if len(cuts[short.lower()]) > 1 or short.lower() in taken:
            salt = 0
            while True:
                key = name if not salt else f"{name}#{salt}"
                digest = f"{zlib.crc32(key.encode('utf-8')):08x}"[:3]
                short = f"{cut(name, DBF_NAME_BYTES - 4)}_{digest}"
                if short.lower() not in taken:
                    break
                salt += 1
        taken.add(short.lower())
        result[name] = short
    return result


def export_project(project_gpkg, out_dir, fmt: str = "gpkg", crs: str = "EPSG:4490",
                   layers: Optional[Sequence[str]] = None,
                   progress: Progress = NO_PROGRESS) -> ExportReport:
    """Export `layers` (default: audited facilities, audits, every result layer present)
    of the project into out_dir in one format and CRS. Missing layers are skipped and
    listed; nothing in the project changes."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    target_srs = gpkg.spatial_reference(crs)
    out_dir = Path(out_dir)
    present = set(gpkg.layer_names(project_gpkg))
    if ps.FACILITIES not in present or ps.METADATA not in present:
        raise InputError("not a Life Circle project (no facilities or lc_metadata layer); "
                         "nothing was exported", file=project_gpkg)
    wanted = list(layers or DEFAULT_LAYERS)
    unknown = [name for name in wanted if name not in DEFAULT_LAYERS and name not in present]
    if unknown:
        raise InputError(f"no layer {', '.join(repr(n) for n in unknown)} to export; layers: "
                         f"{', '.join(DEFAULT_LAYERS)} or any layer of the project",
                         file=project_gpkg, layer=unknown[0])
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError("the output folder is an existing file; give a folder", file=out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create the output folder: {exc.strerror or exc}",
                         file=out_dir) from None
    try:
        return _export(project_gpkg, out_dir, fmt, crs, target_srs, present, wanted, progress)
    except RuntimeError as exc:  # GDAL on a damaged project or an unwritable output
        raise InputError(f"export failed: {exc}", file=project_gpkg) from None
    except OSError as exc:
        raise InputError(f"cannot write the export: {exc.strerror or exc}",
                         file=exc.filename or out_dir) from None


def _export(project_gpkg, out_dir: Path, fmt: str, crs: str, target_srs, present, wanted,
            progress: Progress) -> ExportReport:
    report = ExportReport(out_dir, fmt, crs)
    dataset = None
    partial = out_dir / f".{GPKG_FILE}.part"  # the previous export stays until this is whole
    if fmt == "gpkg":
        partial.unlink(missing_ok=True)
        dataset = gpkg.create_geopackage(partial)
    try:
        for number, name in enumerate(wanted):
            progress.update(100.0 * number / max(1, len(wanted)), name)
            source = name if name != AUDITED_FACILITIES else ps.FACILITIES
            if source not in present or (name == AUDITED_FACILITIES
                                         and ps.AUDITS not in present):
                report.skipped.append(name)
                continue
            data = audited_facilities(project_gpkg) if name == AUDITED_FACILITIES else \
                gpkg.read_layer(project_gpkg, name)
            report.layers.append(_export_layer(data, name, out_dir, fmt, target_srs, dataset,
                                               report))
        dataset = None
        if fmt == "gpkg":
            os.replace(partial, out_dir / GPKG_FILE)
    finally:
        dataset = None
        if fmt == "gpkg":
            partial.unlink(missing_ok=True)
    progress.update(100, "export complete")
    return report


def audited_facilities(project_gpkg) -> gpkg.LayerData:
    """Facilities with at least one audit, with the count and the latest audit's
    time (as the device wrote it), inspector and status."""
    facilities = gpkg.read_layer(project_gpkg, ps.FACILITIES)
    audits = gpkg.read_layer(project_gpkg, ps.AUDITS, columns=(
        "facility_uuid", "inspected_at", "inspector", "status")).features
    by_facility: Dict[str, list] = {}
    for audit in audits:
        by_facility.setdefault(audit.attributes["facility_uuid"], []).append(audit.attributes)
    data = gpkg.LayerData(AUDITED_FACILITIES, crs_wkt=facilities.crs_wkt,
                          fields=dict(facilities.fields, audit_count="Integer",
                                      last_inspected_at="String", last_inspector="String",
                                      last_audit_status="String"))
    for feature in facilities.features:
        found = by_facility.get(feature.attributes.get("uuid"))
        if not found:
            continue
        latest = max(found, key=lambda a: a["inspected_at"] or "")
        attributes = dict(feature.attributes, audit_count=len(found),
                          last_inspected_at=latest["inspected_at"],
                          last_inspector=latest["inspector"],
                          last_audit_status=latest["status"])
        data.features.append(gpkg.Feature(attributes, feature.geometry, feature.fid))
    return data


def _export_layer(data: gpkg.LayerData, name: str, out_dir: Path, fmt: str,
                  target_srs: osr.SpatialReference, dataset, report: ExportReport):
    source_srs = osr.SpatialReference()
    has_geometry = data.crs_wkt is not None
    if has_geometry:
        source_srs.ImportFromWkt(data.crs_wkt)
        source_srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(source_srs, target_srs) if has_geometry else None
    fields = list(data.fields)
    names = shapefile_field_names(fields) if fmt == "shp" else {f: f for f in fields}
    path = out_dir / GPKG_FILE if fmt == "gpkg" else out_dir / f"{name}{SUFFIX[fmt]}"
    if fmt == "shp" and not has_geometry:
        path = path.with_suffix(".dbf")  # an attribute table: the DBF alone
    if dataset is None:
        _remove_existing(path, fmt)
        dataset = ogr.GetDriverByName(FORMATS[fmt]).CreateDataSource(str(path))
    geometry_type = _geometry_type(data) if has_geometry else ogr.wkbNone
    layer = dataset.CreateLayer(name, target_srs if has_geometry else None, geometry_type,
                                options=_layer_options(fmt, geometry_type, target_srs))
    for long_name in fields:
        definition = ogr.FieldDefn(names[long_name], gpkg._OGR_TYPES.get(
            data.fields[long_name], ogr.OFTString))
        if fmt == "shp" and data.fields[long_name] == "String":
            definition.SetWidth(DBF_TEXT_BYTES)
        layer.CreateField(definition)
    layer.StartTransaction()
    for feature in data.features:
        out = ogr.Feature(layer.GetLayerDefn())
        for long_name in fields:
            value = feature.attributes.get(long_name)
            if value is None:
                out.SetFieldNull(names[long_name])
                continue
            if fmt == "shp" and isinstance(value, str) and \
                    len(value.encode("utf-8")) > DBF_TEXT_BYTES:
                _warn(report, f"{name}.{long_name}: text longer than {DBF_TEXT_BYTES} bytes"
                              " is cut in the shapefile; use GeoPackage for full text")
            out.SetField(names[long_name], value)
        if has_geometry and feature.geometry is not None:
            geometry = ogr.CreateGeometryFromWkb(feature.geometry.wkb)
            geometry.Transform(transform)
            out.SetGeometry(geometry)
        layer.CreateFeature(out)
    layer.CommitTransaction()
    exported = ExportedLayer(name, path, len(data.features), names)
    if fmt == "shp":
        exported.mapping_csv = _write_mapping(out_dir / f"{name}_fields.csv", name, names,
                                              data.fields)
    if fmt != "gpkg":
        dataset = None
    return exported


def _geometry_type(data: gpkg.LayerData) -> int:
    kinds = {f.geometry.geom_type for f in data.features if f.geometry is not None}
    if kinds <= {"Polygon", "MultiPolygon"} and kinds:
        return ogr.wkbMultiPolygon if "MultiPolygon" in kinds else ogr.wkbPolygon
    if len(kinds) == 1:
        return gpkg._GEOM_TYPES[kinds.pop()]
    return ogr.wkbPoint if not kinds else ogr.wkbUnknown


def _layer_options(fmt: str, geometry_type: int, srs: osr.SpatialReference) -> List[str]:
    if fmt == "shp":
        return ["ENCODING=UTF-8"]
    if fmt == "csv":
        geometry = "AS_XY" if geometry_type == ogr.wkbPoint else "AS_WKT"
        return ["WRITE_BOM=YES", f"GEOMETRY={geometry}", "LINEFORMAT=CRLF"]
    if fmt == "geojson":
        return [f"COORDINATE_PRECISION={8 if srs.IsGeographic() else 3}", "WRITE_NAME=YES"]
    return []


def _remove_existing(path: Path, fmt: str) -> None:
    suffixes = (".shp", ".shx", ".dbf", ".prj", ".cpg") if fmt == "shp" else (path.suffix,)
    for suffix in suffixes:
        path.with_suffix(suffix).unlink(missing_ok=True)


def _warn(report: ExportReport, message: str) -> None:
    if message not in report.warnings:
        report.warnings.append(message)


def _write_mapping(path: Path, layer: str, names: Dict[str, str],
                   types: Dict[str, str]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["layer", "short_name", "long_name", "type"])
        for long_name, short in names.items():
            writer.writerow([layer, short, long_name, types[long_name]])
    return path


def reimport_shapefile(shp, mapping_csv, out_gpkg=None) -> gpkg.LayerData:
    """Read an exported shapefile back with its long field names (from the mapping CSV);
    optionally write it to a GeoPackage layer of the same name."""
    shp, mapping_csv = Path(shp), Path(mapping_csv)
    try:
        with mapping_csv.open(encoding="utf-8-sig", newline="") as stream:
            rows = list(csv.DictReader(stream))
    except OSError as exc:
        raise InputError(f"cannot read the field mapping: {exc}", file=mapping_csv) from None
    if not rows or not {"short_name", "long_name"} <= set(rows[0]):
        raise InputError("not a field mapping CSV (needs short_name, long_name)",
                         file=mapping_csv)
    to_long = {row["short_name"].lower(): row["long_name"] for row in rows}
    types = {row["long_name"]: row.get("type") or "String" for row in rows}
    data = gpkg.read_layer(shp)
    unknown = [name for name in data.fields if name.lower() not in to_long]
    if unknown:
        raise InputError(f"fields not in the mapping: {', '.join(unknown)}", file=shp,
                         field=unknown[0])
    restored = gpkg.LayerData(data.name, crs_wkt=data.crs_wkt,
                              fields={to_long[n.lower()]: types[to_long[n.lower()]]
                                      for n in data.fields})
    for feature in data.features:
        attributes = {to_long[n.lower()]: v for n, v in feature.attributes.items()}
        restored.features.append(gpkg.Feature(attributes, feature.geometry, feature.fid))
    if out_gpkg is not None:
        _write_restored(restored, Path(out_gpkg))
    return restored


def _write_restored(data: gpkg.LayerData, out_gpkg: Path) -> None:
    crs = data.crs_wkt or "EPSG:4326"  # an attribute table has no CRS; any will do
    if data.crs_wkt:
        srs = osr.SpatialReference()
        srs.ImportFromWkt(data.crs_wkt)
        if srs.AutoIdentifyEPSG() == 0:
            crs = f"EPSG:{srs.GetAuthorityCode(None)}"
    dataset = gpkg.open_dataset(out_gpkg, update=True) if out_gpkg.exists() else \
        gpkg.create_geopackage(out_gpkg)
    gpkg.write_layer(dataset, data.name, data.features, crs, fields=data.fields,
                     geometry_type=_geometry_name(data))
    dataset = None


def _geometry_name(data: gpkg.LayerData) -> Optional[str]:
    """One geometry type for the layer; a shapefile mixes Polygon and MultiPolygon, so
    polygons are promoted to MultiPolygon."""
    if data.crs_wkt is None:
        return None
    kinds = {f.geometry.geom_type for f in data.features if f.geometry is not None}
    if kinds and kinds <= {"Polygon", "MultiPolygon"}:
        for feature in data.features:
            if feature.geometry is not None and feature.geometry.geom_type == "Polygon":
                feature.geometry = MultiPolygon([feature.geometry])
        return "MultiPolygon"
    return kinds.pop() if len(kinds) == 1 else ("Point" if not kinds else None)
