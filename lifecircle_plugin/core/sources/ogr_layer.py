"""Any OGR vector layer in any CRS (GeoJSON, shapefile, GeoPackage ...) to WGS84 features.

The CRS must be known: a layer without one is refused unless the user states it, because
guessing wrong silently moves every facility. Shapefiles carry their text encoding in a
`.cpg` file (GDAL honours it); Chinese shapefiles without one are usually GBK, which the
user can name. Invalid polygons are repaired with make_valid; what cannot be repaired is
reported with its row.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

from osgeo import gdal, ogr, osr
from shapely import wkb as shapely_wkb
from shapely.errors import GEOSException
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from ..coords import reproject_geometry
from ..errors import InputError
from ..geometry import repaired
from .records import PoiRecord, clean_text

log = logging.getLogger(__name__)
gdal.UseExceptions()
WGS84 = "EPSG:4326"

NAME_FIELDS = ("name", "name_zh", "名称", "名字", "title", "NAME")
ADDRESS_FIELDS = ("address", "addr", "地址", "ADDRESS")
CATEGORY_FIELDS = ("category", "type", "类型", "类别", "分类")
ID_FIELDS = ("id", "osm_id", "uid", "code", "编号", "ID")


@dataclass
class SourceFeature:
    attributes: Dict[str, Any]
    geometry: Optional[BaseGeometry]  # in the requested CRS (WGS84 by default)
    row: int


@dataclass
class SourceLayer:
    path: Path
    layer: str
    crs: str  # the source CRS as given or found (WKT/authority string)
    features: List[SourceFeature]
    fields: List[str]


def _open(path: Path, encoding: Optional[str]):
    if not path.exists():
        raise InputError("file not found", file=path)
    options = []
    if encoding:
        options.append(f"ENCODING={encoding}")
    try:
        return gdal.OpenEx(str(path), gdal.OF_VECTOR, open_options=options)
    except RuntimeError as exc:
        if encoding and "ENCODING" in str(exc):
            return gdal.OpenEx(str(path), gdal.OF_VECTOR)
        raise InputError(f"cannot open as a vector data set: {exc}", file=path) from None


def _crs_text(srs: Optional[osr.SpatialReference]) -> Optional[str]:
    if srs is None:
        return None
    srs = srs.Clone()
    if srs.GetAuthorityCode(None) is None:
        try:
            srs.AutoIdentifyEPSG()
        except RuntimeError:
            pass  # keep the WKT: pyproj reads it as well
    code, authority = srs.GetAuthorityCode(None), srs.GetAuthorityName(None)
    return f"{authority}:{code}" if code and authority else srs.ExportToWkt()


def layer_crs(path, layer: Optional[str] = None, encoding: Optional[str] = None):
    """The CRS a layer declares ('EPSG:4326' or WKT), None when it has none."""
    dataset = _open(Path(path), encoding)
    ogr_layer = dataset.GetLayerByName(layer) if layer else dataset.GetLayer(0)
    return _crs_text(ogr_layer.GetSpatialRef()) if ogr_layer is not None else None


def read_ogr_layer(
    path, layer: Optional[str] = None, crs: Optional[str] = None,
    encoding: Optional[str] = None, target_crs: str = WGS84,
) -> SourceLayer:
    """Read one layer, reprojected to `target_crs`, polygons repaired.

    `crs` states the source CRS when the file lacks one (it overrides nothing otherwise
    unless the file has none). `encoding` names the text encoding (e.g. GBK) of files
    that do not declare one.
    """
    path = Path(path)
    dataset = _open(path, encoding)
    ogr_layer = dataset.GetLayerByName(layer) if layer else dataset.GetLayer(0)
    if ogr_layer is None:
        raise InputError(f"no layer '{layer}'", file=path, layer=layer)
    name = ogr_layer.GetName()
    source_crs = _crs_text(ogr_layer.GetSpatialRef()) or crs
    has_geometry = ogr_layer.GetGeomType() != ogr.wkbNone
    if has_geometry and not source_crs:
        raise InputError("the layer has no coordinate reference system (e.g. a shapefile "
                         "without .prj); state the CRS of this data with --source-crs "
                         "(e.g. --source-crs EPSG:4326) if you know it", file=path, layer=name)
    definition = ogr_layer.GetLayerDefn()
    fields = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    features = []
    for row, ogr_feature in enumerate(ogr_layer, start=1):
        attributes = {key: (ogr_feature.GetField(key) if ogr_feature.IsFieldSetAndNotNull(key)
                            else None) for key in fields}
        geometry = _geometry(ogr_feature, path, name, row)
        if geometry is not None and source_crs != target_crs:
            geometry = reproject_geometry(geometry, source_crs, target_crs)
        features.append(SourceFeature(attributes, geometry, row))
    return SourceLayer(path, name, source_crs or "", features, fields)


def _geometry(feature: ogr.Feature, path: Path, layer: str, row: int):
    geometry_ref = feature.GetGeometryRef()
    if geometry_ref is None or geometry_ref.IsEmpty():
        return None
    try:
        geometry = shapely_wkb.loads(bytes(geometry_ref.ExportToIsoWkb()))
    except GEOSException as exc:
        raise InputError(f"unreadable geometry: {exc}", file=path, layer=layer, row=row,
                         field="geometry") from None
    if isinstance(geometry, (Polygon, MultiPolygon)) and not geometry.is_valid:
        fixed = repaired(geometry)
        if fixed is None or fixed.is_empty:
            raise InputError("invalid polygon that cannot be repaired", file=path,
                             layer=layer, row=row, field="geometry")
        log.warning("%s layer %s row %d: invalid polygon repaired", path.name, layer, row)
        return fixed
    return geometry


def pick_field(fields: Sequence[str], wanted: Optional[str], candidates: Sequence[str],
               path: Path, layer: Optional[str], what: str) -> Optional[str]:
    """The user's field (must exist) or the first known candidate name found."""
    if wanted:
        if wanted not in fields:
            raise InputError(f"no {what} field '{wanted}' (fields: {', '.join(fields)})",
                             file=path, layer=layer, field=wanted)
        return wanted
    lower = {f.lower(): f for f in fields}
    for candidate in candidates:
        if candidate.lower() in lower:
            return lower[candidate.lower()]
    return None


def read_ogr_pois(
    path, source: Optional[str] = None, layer: Optional[str] = None,
    crs: Optional[str] = None, encoding: Optional[str] = None,
    name_field: Optional[str] = None, category_field: Optional[str] = None,
    id_field: Optional[str] = None, address_field: Optional[str] = None,
    tags_field: Optional[str] = None,
) -> List[PoiRecord]:
    """POIs from a vector layer; a `tags` field holding JSON (as in OSM exports) is unpacked."""
    data = read_ogr_layer(path, layer, crs, encoding)
    source = source or Path(path).stem
    fields = data.fields
    name_f = pick_field(fields, name_field, NAME_FIELDS, data.path, data.layer, "name")
    cat_f = pick_field(fields, category_field, ("subtype",) + CATEGORY_FIELDS, data.path,
                       data.layer, "category")
    id_f = pick_field(fields, id_field, ID_FIELDS, data.path, data.layer, "id")
    addr_f = pick_field(fields, address_field, ADDRESS_FIELDS, data.path, data.layer,
                        "address")
    tags_f = pick_field(fields, tags_field, ("tags", "other_tags"), data.path, data.layer,
                        "tags")
    type_f = "osm_type" if "osm_type" in fields else None
    records = []
    for feature in data.features:
        if feature.geometry is None:
            log.warning("%s row %d: no geometry, skipped", data.path.name, feature.row)
            continue
        attrs = feature.attributes
        tags = _tags(attrs.get(tags_f) if tags_f else None, data, feature.row, tags_f)
        footprint = feature.geometry if feature.geometry.geom_type in (
            "Polygon", "MultiPolygon") else None
        point = footprint.representative_point() if footprint is not None else (
            feature.geometry if feature.geometry.geom_type == "Point"
            else feature.geometry.representative_point())
        identifier = attrs.get(id_f) if id_f else None
        if identifier is not None and type_f and attrs.get(type_f):
            identifier = f"{attrs[type_f]}/{identifier}"
        name = clean_text(attrs.get(name_f)) if name_f else None
        if name is None and tags:
            name = clean_text(tags.get("name:zh") or tags.get("name"))
        records.append(PoiRecord(
            source=source, source_id=str(identifier if identifier is not None else feature.row),
            name=name, lon=point.x, lat=point.y,
            address=clean_text(attrs.get(addr_f)) if addr_f else None,
            category=clean_text(attrs.get(cat_f)) if cat_f else None,
            tags=tags, footprint=footprint, row=feature.row,
            attributes={k: v for k, v in attrs.items() if k not in (tags_f,)},
        ))
    return records


def _tags(value, data: SourceLayer, row: int, field: Optional[str]) -> Dict[str, str]:
    if value in (None, ""):
        return {}
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items()}
    try:
        parsed = json.loads(value)
    except (TypeError, json.JSONDecodeError):
        raise InputError("tags are not JSON", file=data.path, layer=data.layer, row=row,
                         field=field) from None
    if not isinstance(parsed, dict):
        raise InputError("tags must be a JSON object", file=data.path, layer=data.layer,
                         row=row, field=field)
    return {str(k): str(v) for k, v in parsed.items() if v is not None}
