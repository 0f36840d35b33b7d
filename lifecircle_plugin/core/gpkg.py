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
    meets it, through the layer's spatial index. A damaged file is an InputError.
    """
    with _damaged_as_input_error(path, name):
        return _read_layer(path, name, where, columns, bbox)


def _read_layer(path, name, where, columns, bbox) -> LayerData:
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
    missing = [key for key in wanted if key not in types]
    if missing:
        raise InputError(f"no field(s) {missing}", file=path, layer=layer.GetName(),
                         field=missing[0])
    # field indexes once: GetField(name) looks the name up again for every value
    indexes = [(key, definition.GetFieldIndex(key)) for key in wanted]
    srs = layer.GetSpatialRef()
    data = LayerData(layer.GetName(), crs_wkt=srs.ExportToWkt() if srs else None, fields=types)
    for ogr_feature in layer:
        attributes = {key: (ogr_feature.GetField(index)
                            if ogr_feature.IsFieldSetAndNotNull(index) else None)
                      for key, index in indexes}
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
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # atomic writes use a .part extension
    try:
        return driver.CreateDataSource(str(path))
    finally:
        gdal.PopErrorHandler()


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


@dataclass
class ColumnData:
    """A layer read column-wise: numpy arrays per field plus a shapely geometry array.

    The engine needs tens of thousands of origins and edges as arrays, not as Python
    objects; GDAL's Arrow stream hands them over in C without a per-feature loop.
    Strings come back as object arrays of `str` (None for NULL), reals as float64 with NaN
    for NULL, integers as int64 (float64 with NaN if any is NULL), geometries via
    shapely.from_wkb (None for a missing geometry).
    """

    columns: Dict[str, Any]
    geometry: Any
    crs_wkt: Optional[str]
    projected: bool
    count: int


def read_columns(
    path: PathLike,
    name: str,
    columns: Sequence[str],
    geometry: bool = True,
) -> ColumnData:
    """Read `columns` (and the geometry) of one layer into arrays; missing field -> InputError.

    GDAL reports damaged pages as a bare RuntimeError half-way through the read; the
    planner gets an InputError naming the file and layer instead.
    """
    with _damaged_as_input_error(path, name):
        return _read_columns(path, name, columns, geometry)


@contextlib.contextmanager
def _damaged_as_input_error(path: PathLike, layer: Optional[str]) -> Iterator[None]:
    from shapely.errors import GEOSException

    try:
        yield
    except (RuntimeError, GEOSException) as exc:
        reason = str(exc).strip() or type(exc).__name__
        raise InputError(f"cannot read the layer, the file seems damaged ({reason})",
                         file=path, layer=layer) from None


def _read_columns(path, name, columns, geometry) -> ColumnData:
    import numpy as np
    import shapely

    dataset = open_dataset(path)
    layer = dataset.GetLayerByName(name)
    if layer is None:
        raise InputError(f"no layer '{name}'", file=path, layer=name)
    definition = layer.GetLayerDefn()
    types = {definition.GetFieldDefn(i).GetName(): definition.GetFieldDefn(i).type
             for i in range(definition.GetFieldCount())}
    for column in columns:
        if column not in types:
            raise InputError("missing field", file=path, layer=name, field=column)
    srs = layer.GetSpatialRef()
    chunks: Dict[str, List[Any]] = {c: [] for c in columns}
    wkb_chunks: List[Any] = []
    if hasattr(layer, "GetArrowStreamAsNumPy"):
        geom_column = layer.GetGeometryColumn() or "wkb_geometry"
        layer.SetIgnoredFields([f for f in types if f not in columns]
                               + ([] if geometry else ["OGR_GEOMETRY"]))
        for batch in layer.GetArrowStreamAsNumPy(options=["INCLUDE_FID=NO"]):
            for column in columns:
                chunks[column].append(_column_values(batch[column], types[column]))
            if geometry and geom_column in batch:
                wkb_chunks.append(np.asarray(batch[geom_column], dtype=object))
        layer.SetIgnoredFields([])
    else:  # pragma: no cover - GDAL < 3.6
        rows = read_layer(path, name, columns=columns)
        for column in columns:
            values = [f.attributes[column] for f in rows.features]
            chunks[column].append(_column_values(np.array(values, dtype=object), types[column]))
        wkb_chunks.append(np.array([f.geometry.wkb if f.geometry is not None else None
                                    for f in rows.features], dtype=object))
    arrays = {c: (np.concatenate(v) if v else np.empty(0, dtype=object)) for c, v in chunks.items()}
    geometries = None
    if geometry:
        wkb = np.concatenate(wkb_chunks) if wkb_chunks else np.empty(0, dtype=object)
        wkb = np.array([bytes(b) if b is not None and len(b) else None for b in wkb],
                       dtype=object)
        geometries = shapely.from_wkb(wkb)
    count = layer.GetFeatureCount()
    return ColumnData(arrays, geometries, srs.ExportToWkt() if srs else None,
                      bool(srs.IsProjected()) if srs else False, count)


def _column_values(values: Any, ogr_type: int) -> Any:
    import numpy as np

    mask = np.ma.getmaskarray(values) if np.ma.isMaskedArray(values) else None
    data = np.ma.getdata(values)
    if ogr_type in (ogr.OFTInteger, ogr.OFTInteger64) and (mask is None or not mask.any()):
        return np.asarray(data, dtype=np.int64).copy()
    if ogr_type in (ogr.OFTInteger, ogr.OFTInteger64, ogr.OFTReal):
        out = np.asarray(data, dtype=np.float64).copy()
        if mask is not None:
            out[mask] = np.nan
        return out
    out = np.empty(len(data), dtype=object)
    for i, raw in enumerate(data):
        if raw is None or (mask is not None and mask[i]):
            out[i] = None
        else:
            out[i] = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
    return out


def replace_rows(
    dataset: ogr.DataSource,
    name: str,
    crs: Optional[str],
    where: Dict[str, Any],
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    geometries: Optional[Iterable[Any]] = None,
    extra_fields: Optional[Dict[str, str]] = None,
) -> int:
    """Delete the rows matching `where` (field -> value) and append `rows`, fast.

    Result layers hold several scenarios side by side; re-running one replaces only its
    rows. The layer is created from the project schema (plus `extra_fields`) when absent,
    and missing fields are added. `rows` are value tuples in `columns` order (None or a
    non-finite float = NULL); `geometries` are (x, y) pairs or shapely geometries. Run it
    inside a dataset transaction so a failure leaves the earlier results in place.
    """
    import math

    schema_geom, schema_fields = LAYERS.get(name, (None, {}))
    fields = dict(schema_fields)
    fields.update(extra_fields or {})
    layer = dataset.GetLayerByName(name)
    if layer is None:
        srs = spatial_reference(crs) if (schema_geom and crs) else None
        options = ["GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES"] if schema_geom else []
        layer = dataset.CreateLayer(name, srs, _GEOM_TYPES[schema_geom], options=options)
    definition = layer.GetLayerDefn()
    existing = {definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())}
    for field_name, field_type in fields.items():
        if field_name not in existing:
            layer.CreateField(ogr.FieldDefn(field_name, _OGR_TYPES[field_type]))
    if where:
        clause = " AND ".join(f'"{key}" = ?' for key in where)
        sql = f'DELETE FROM "{name}" WHERE ' + clause.replace("?", "{}")
        literals = ["'" + str(v).replace("'", "''") + "'" if isinstance(v, str) else str(v)
                    for v in where.values()]
        dataset.ExecuteSQL(sql.format(*literals))
    definition = layer.GetLayerDefn()
    index = [definition.GetFieldIndex(c) for c in columns]
    if min(index, default=0) < 0:
        raise ValueError(f"unknown column for layer {name}: {columns}")
    kinds = [definition.GetFieldDefn(i).GetType() for i in index]
    geometry_iter = iter(geometries) if geometries is not None else None
    count = 0
    for values in rows:
        feature = ogr.Feature(definition)
        for i, kind, value in zip(index, kinds, values):
            if value is None or (isinstance(value, float) and not math.isfinite(value)):
                feature.SetFieldNull(i)
            elif kind == ogr.OFTReal:
                feature.SetField(i, float(value))
            elif kind in (ogr.OFTInteger, ogr.OFTInteger64):
                feature.SetField(i, int(value))
            else:
                feature.SetField(i, str(value))
        if geometry_iter is not None:
            geometry = next(geometry_iter)
            if isinstance(geometry, tuple):
                point = ogr.Geometry(ogr.wkbPoint)
                point.AddPoint_2D(float(geometry[0]), float(geometry[1]))
                feature.SetGeometryDirectly(point)
            elif geometry is not None:
                feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(geometry.wkb))
        layer.CreateFeature(feature)
        count += 1
    return count


def polygonize_mask(mask: Any, xmin: float, ymax: float, cell: float) -> List[BaseGeometry]:
    """Polygons of the True cells of a north-up boolean grid (GDAL Polygonize, in memory)."""
    import numpy as np

    rows, cols = mask.shape
    raster = gdal.GetDriverByName("MEM").Create("", cols, rows, 1, gdal.GDT_Byte)
    raster.SetGeoTransform((xmin, cell, 0.0, ymax, 0.0, -cell))
    band = raster.GetRasterBand(1)
    band.WriteArray(np.asarray(mask, dtype=np.uint8))
    store = ogr.GetDriverByName("Memory").CreateDataSource("polygons")
    layer = store.CreateLayer("polygons", geom_type=ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("value", ogr.OFTInteger))
    gdal.Polygonize(band, band, layer, 0)
    return [shapely_wkb.loads(bytes(feature.GetGeometryRef().ExportToIsoWkb()))
            for feature in layer]


def is_project(path: PathLike) -> bool:
    """True when `path` is a SQLite file holding the project's lc_metadata table.

    Read with sqlite3 (not GDAL) so any file can be asked without GDAL errors: the build
    only replaces a file that this question answers yes for.
    """
    import sqlite3

    from .project_schema import METADATA

    try:
        with open(path, "rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                return False
        db = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            found = db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?",
                               (METADATA,)).fetchone()
        finally:
            db.close()
    except (OSError, sqlite3.Error):
        return False
    return found is not None
