"""Reading and writing project GeoPackage layers through GDAL/OGR, with shapely geometries.

One place for the OGR calls so that the builder, the engine, the survey import and the
exports agree on field types (from `project_schema.LAYERS`), CRS handling and atomic
writes. GDAL ships with every QGIS, so this works inside the plugin on any platform.
"""
from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Union

from osgeo import gdal, ogr, osr
from shapely import wkb as shapely_wkb
from shapely.geometry.base import BaseGeometry

from .errors import InputError
from .project_schema import LAYERS

log = logging.getLogger(__name__)
gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()

_OGR_TYPES = {
    "String": ogr.OFTString, "Integer": ogr.OFTInteger, "Integer64": ogr.OFTInteger64,
    "Real": ogr.OFTReal, "Date": ogr.OFTDate, "DateTime": ogr.OFTDateTime,
}
_GEOM_TYPES = {
    None: ogr.wkbNone, "Point": ogr.wkbPoint, "LineString": ogr.wkbLineString,
    "Polygon": ogr.wkbPolygon, "MultiPolygon": ogr.wkbMultiPolygon,
    "MultiLineString": ogr.wkbMultiLineString, "MultiPoint": ogr.wkbMultiPoint,
}
PathLike = Union[str, os.PathLike]


@dataclass
class Feature:
    """One row: attributes plus an optional shapely geometry (in the layer's CRS)."""

    attributes: Dict[str, Any]
    geometry: Optional[BaseGeometry] = None
    fid: Optional[int] = None


@dataclass
class LayerData:
    name: str
    features: List[Feature] = field(default_factory=list)
    crs_wkt: Optional[str] = None
    fields: Dict[str, str] = field(default_factory=dict)


def spatial_reference(crs: str) -> osr.SpatialReference:
    """An OSR reference in traditional GIS (x=east, y=north) axis order."""
    srs = osr.SpatialReference()
    try:
        srs.SetFromUserInput(crs)
    except RuntimeError as exc:
        raise InputError(f"unknown coordinate reference system '{crs}': {exc}") from None
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def write_layer(
    dataset: ogr.DataSource,
    name: str,
    features: Iterable[Feature],
    crs: str,
    fields: Optional[Dict[str, str]] = None,
    geometry_type: Optional[str] = "schema",
    overwrite: bool = True,
) -> int:
    """Create (or replace) a layer in an open dataset and write features in one transaction.

    Fields and geometry type default to the project schema for known layer names; extra
    attribute keys found in the features are added as String (or Real for floats).
    """
    schema_geom, schema_fields = LAYERS.get(name, (None, {}))
    if geometry_type == "schema":
        geometry_type = schema_geom
    fields = dict(fields if fields is not None else schema_fields)
    features = list(features)
    for feature in features:
        for key, value in feature.attributes.items():
            if key not in fields:
                fields[key] = "Real" if isinstance(value, float) else (
                    "Integer64" if isinstance(value, int) and not isinstance(value, bool)
                    else "String")
    if overwrite and dataset.GetLayerByName(name) is not None:
        dataset.DeleteLayer(name)
    srs = spatial_reference(crs) if geometry_type else None
    options = ["GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES"] if geometry_type else []
    layer = dataset.CreateLayer(name, srs, _GEOM_TYPES[geometry_type], options=options)
    for field_name, field_type in fields.items():
        layer.CreateField(ogr.FieldDefn(field_name, _OGR_TYPES[field_type]))
    definition = layer.GetLayerDefn()
    layer.StartTransaction()
    for feature in features:
        ogr_feature = ogr.Feature(definition)
        for key, value in feature.attributes.items():
            if value is None:
                ogr_feature.SetFieldNull(key)
            elif isinstance(value, bool):
                ogr_feature.SetField(key, int(value))
            else:
                ogr_feature.SetField(key, value)
        if feature.geometry is not None and geometry_type:
            ogr_feature.SetGeometry(ogr.CreateGeometryFromWkb(feature.geometry.wkb))
        layer.CreateFeature(ogr_feature)
    layer.CommitTransaction()
    return len(features)


def read_layer(
    path: PathLike,
    name: Optional[str] = None,
    where: Optional[str] = None,
    columns: Optional[Sequence[str]] = None,
    bbox: Optional[Sequence[float]] = None,
) -> LayerData:
    """Read a whole layer: attributes as Python values, geometry as shapely.

    `bbox` (minx, miny, maxx, maxy in the layer CRS) keeps only features whose envelope
    meets it, through the layer's spatial index.
    """
    dataset = open_dataset(path)
    layer = dataset.GetLayerByName(name) if name else dataset.GetLayer(0)
    if layer is None:
        raise InputError(f"no layer '{name}'", file=path, layer=name)
    if where:
        layer.SetAttributeFilter(where)
    if bbox is not None:
        layer.SetSpatialFilterRect(*[float(v) for v in bbox])
    definition = layer.GetLayerDefn()
    field_names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    types = {definition.GetFieldDefn(i).GetName(): definition.GetFieldDefn(i).GetTypeName()
             for i in range(definition.GetFieldCount())}
    wanted = list(columns) if columns else field_names
    srs = layer.GetSpatialRef()
    data = LayerData(layer.GetName(), crs_wkt=srs.ExportToWkt() if srs else None, fields=types)
    for ogr_feature in layer:
        attributes = {key: (ogr_feature.GetField(key) if ogr_feature.IsFieldSetAndNotNull(key)
                            else None) for key in wanted}
        geometry_ref = ogr_feature.GetGeometryRef()
        geometry = shapely_wkb.loads(bytes(geometry_ref.ExportToIsoWkb())) \
            if geometry_ref is not None and not geometry_ref.IsEmpty() else None
        data.features.append(Feature(attributes, geometry, ogr_feature.GetFID()))
    return data


def layer_names(path: PathLike) -> List[str]:
    dataset = open_dataset(path)
    return [dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())]


def open_dataset(path: PathLike, update: bool = False) -> ogr.DataSource:
    if not Path(path).exists():
        raise InputError("file not found", file=path)
    try:
        dataset = gdal.OpenEx(str(path), gdal.OF_VECTOR | (gdal.OF_UPDATE if update else 0))
    except RuntimeError as exc:
        raise InputError(f"cannot open as a vector data set: {exc}", file=path) from None
    if dataset is None:
        raise InputError("cannot open as a vector data set", file=path)
    return dataset


def create_geopackage(path: PathLike) -> ogr.DataSource:
    driver = ogr.GetDriverByName("GPKG")
    return driver.CreateDataSource(str(path))


@contextlib.contextmanager
def atomic_geopackage(target: PathLike) -> Iterator[ogr.DataSource]:
    """Write a new GeoPackage beside `target` and move it into place only on success.

    A failure or a kill half-way leaves `target` as it was (absent, or the old project);
    the temporary file is removed on failure.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".gpkg.part",
                                         dir=target.parent)
    os.close(handle)
    os.unlink(temporary)
    dataset = create_geopackage(temporary)
    try:
        yield dataset
        dataset.FlushCache()
        dataset = None
        os.replace(temporary, target)
    except BaseException:
        dataset = None
        for leftover in Path(temporary).parent.glob(Path(temporary).name + "*"):
            leftover.unlink(missing_ok=True)
        raise
