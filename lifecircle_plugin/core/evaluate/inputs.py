"""The project GeoPackage read into arrays: origins, facilities, sub-districts, network.

Everything the engine computes is array arithmetic, so the layers are read column-wise
(GDAL's Arrow stream, see gpkg.read_columns) and checked once here: a missing layer or
field, a geographic CRS (distances would be in degrees) or a negative population is an
InputError naming the layer and field, before any searching starts.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Optional

import numpy as np
import shapely

from .. import project_schema as ps
from ..errors import InputError
from ..gpkg import layer_names, read_columns, read_layer

log = logging.getLogger(__name__)


@dataclass
class Points:
    """Point features as arrays; `attrs` holds the other columns by field name."""

    x: np.ndarray
    y: np.ndarray
    attrs: Dict[str, np.ndarray]

    def __len__(self) -> int:
        return len(self.x)

    @property
    def xy(self) -> np.ndarray:
        return np.column_stack([self.x, self.y])


@dataclass
class Edges:
    u: np.ndarray
    v: np.ndarray
    length_m: np.ndarray
    geometry: np.ndarray


@dataclass
class ProjectData:
    path: Path
    crs_wkt: Optional[str]
    origins: Points
    facilities: Points
    subdistrict_names: np.ndarray
    subdistrict_polygons: np.ndarray
    subdistrict_area_km2: np.ndarray
    edges: Optional[Edges]
    footprint_type: np.ndarray
    footprint_area: np.ndarray
    footprint_geometry: np.ndarray
    metadata: Dict[str, str] = field(default_factory=dict)
    # results that depend only on these inputs (sub-district of each point), kept between
    # evaluations of the same data
    cache: Dict[str, object] = field(default_factory=dict)

    def overrides(self) -> Optional[dict]:
        """The project's catalogue overrides (JSON in lc_metadata), if any."""
        raw = (self.metadata.get("catalogue_overrides") or "").strip()
        if not raw:
            return None
        try:
            value = json.loads(raw)
        except json.JSONDecodeError:
            return {"__file__": raw}
        return value if isinstance(value, dict) and value else None


def _points(path, layer, columns) -> Points:
    data = read_columns(path, layer, columns)
    geometry = data.geometry
    if len(geometry) and not data.projected:
        raise InputError("the layer must be in a projected CRS in metres", file=path,
                         layer=layer)
    x = np.full(len(geometry), np.nan)
    y = np.full(len(geometry), np.nan)
    present = ~shapely.is_missing(geometry)
    if present.any():
        kinds = shapely.get_type_id(geometry[present])
        if (kinds != 0).any():
            raise InputError("point layer holds non-point geometries", file=path, layer=layer)
        x[present] = shapely.get_x(geometry[present])
        y[present] = shapely.get_y(geometry[present])
    return Points(x, y, data.columns)


def _edges(path, raw) -> Edges:
    """Network edges as arrays; an empty node id, length or geometry names its row."""
    for name in ("u", "v", "length_m"):
        values = np.asarray(raw.columns[name], dtype=np.float64)
        bad = np.flatnonzero(~np.isfinite(values))
        if len(bad):
            raise InputError("the field is empty", file=path, layer=ps.NETWORK_EDGES,
                             row=int(bad[0]) + 1, field=name)
    missing = np.flatnonzero(shapely.is_missing(raw.geometry))
    if len(missing):
        raise InputError("edge without geometry", file=path, layer=ps.NETWORK_EDGES,
                         row=int(missing[0]) + 1, field="geometry")
    return Edges(np.asarray(raw.columns["u"], dtype=np.int64),
                 np.asarray(raw.columns["v"], dtype=np.int64),
                 raw.columns["length_m"].astype(np.float64), raw.geometry)


def load_project(path, need_network: bool = True) -> ProjectData:
    """Read the layers the engine needs; the network only when it will be used."""
    path = Path(path)
    names = set(layer_names(path))
    for layer in (ps.ORIGINS, ps.FACILITIES, ps.SUBDISTRICTS):
        if layer not in names:
            raise InputError("layer missing; build the project first", file=path, layer=layer)
    origins = _points(path, ps.ORIGINS, ["uuid", "population", "subdistrict"])
    if len(origins) == 0:
        raise InputError("no origins (residents) in the project", file=path, layer=ps.ORIGINS)
    population = origins.attrs["population"].astype(np.float64)
    bad = np.flatnonzero(~np.isfinite(population) | (population < 0))
    if len(bad):
        raise InputError("population is missing or negative", file=path, layer=ps.ORIGINS,
                         row=int(bad[0]) + 1, field="population")
    origins.attrs["population"] = population
    facilities = _points(path, ps.FACILITIES, ["uuid", "facility_type", "status",
                                                "subdistrict", "capacity", "area_m2"])
    subdistricts = read_columns(path, ps.SUBDISTRICTS, ["name", "area_km2"])
    edges = None
    if need_network and ps.NETWORK_EDGES in names:
        raw = read_columns(path, ps.NETWORK_EDGES, ["u", "v", "length_m"])
        if raw.count:
            if not raw.projected:
                raise InputError("the layer must be in a projected CRS in metres", file=path,
                                 layer=ps.NETWORK_EDGES)
            edges = _edges(path, raw)
    if ps.FOOTPRINTS in names:
        fp = read_columns(path, ps.FOOTPRINTS, ["facility_type", "area_m2"])
        fp_type, fp_area, fp_geom = fp.columns["facility_type"], fp.columns["area_m2"], \
            fp.geometry
    else:
        fp_type, fp_area, fp_geom = (np.empty(0, dtype=object), np.empty(0),
                                     np.empty(0, dtype=object))
    metadata = {}
    if ps.METADATA in names:
        for feature in read_layer(path, ps.METADATA).features:
            metadata[str(feature.attributes.get("key"))] = feature.attributes.get("value")
    names_array = subdistricts.columns["name"]
    names_array = np.array([n if n else f"#{i + 1}" for i, n in enumerate(names_array)],
                           dtype=object)
    return ProjectData(
        path=path, crs_wkt=subdistricts.crs_wkt, origins=origins, facilities=facilities,
        subdistrict_names=names_array, subdistrict_polygons=subdistricts.geometry,
        subdistrict_area_km2=subdistricts.columns["area_km2"].astype(np.float64),
        edges=edges, footprint_type=fp_type, footprint_area=fp_area.astype(np.float64),
        footprint_geometry=fp_geom, metadata=metadata,
    )
