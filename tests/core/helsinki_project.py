"""Helsinki OSM ways with their oneway tags, for the "walking ignores oneway" test.

The project for the other Helsinki tests comes from the builder (core.build); its edges do
not keep the oneway tag, so this fixture reads the ways itself with GDAL's OSM driver
(`lines` layer, walkable highway values), splits them into edges at every vertex shared by
two ways (OSM nodes) and projects them to ETRS-TM35FIN (metres). Facilities are real OSM
points mapped onto catalogue types.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyproj
import shapely
from osgeo import gdal, ogr

CRS = "EPSG:3067"
WALKABLE = {"footway", "service", "residential", "unclassified", "secondary", "steps",
            "primary", "cycleway", "tertiary", "pedestrian", "path", "primary_link",
            "tertiary_link", "corridor", "living_street", "track", "secondary_link"}
# real OSM points -> catalogue type (only the engine's input matters here)
POINT_TYPES = [
    (r'"highway"=>"bus_stop"', "bus_stop", "highway"),
    (r'"amenity"=>"cafe"', "breakfast_outlet", None),
    (r'"shop"=>"(convenience|kiosk|supermarket)"', "convenience_store", None),
    (r'"amenity"=>"post_box"', "parcel_locker", None),
    (r'"amenity"=>"(atm|bank)"', "self_service_terminal", None),
    (r'"shop"=>"(hairdresser|beauty)"', "household_services", None),
    (r'"amenity"=>"bicycle_rental"', "bike_share", None),
    (r'"amenity"=>"restaurant"', "elderly_meal_point", None),
    (r'"amenity"=>"pharmacy"', "pharmacy", None),
]


@dataclass
class HelsinkiNetwork:
    u: np.ndarray
    v: np.ndarray
    length: np.ndarray
    geometry: np.ndarray
    oneway: np.ndarray  # True where the OSM way is oneway=yes (walking ignores it)


def _transformer():
    return pyproj.Transformer.from_crs("EPSG:4326", CRS, always_xy=True)


def read_network(pbf: Path) -> HelsinkiNetwork:
    gdal.SetConfigOption("OSM_USE_CUSTOM_INDEXING", "NO")
    dataset = ogr.Open(str(pbf))
    lines, oneway = [], []
    for feature in dataset.GetLayerByName("lines"):
        if feature.GetField("highway") not in WALKABLE:
            continue
        geometry = feature.GetGeometryRef()
        lines.append(shapely.from_wkb(bytes(geometry.ExportToWkb())))
        tags = feature.GetField("other_tags") or ""
        oneway.append('"oneway"=>"yes"' in tags)
    lines = np.array(lines, dtype=object)
    coords, owner = shapely.get_coordinates(lines, return_index=True)
    keys = np.round(coords, 9)
    _, vertex_id, counts = np.unique(keys, axis=0, return_inverse=True, return_counts=True)
    vertex_id = vertex_id.ravel()
    starts = np.r_[0, np.flatnonzero(np.diff(owner)) + 1]
    ends = np.r_[starts[1:], len(owner)] - 1
    is_node = counts[vertex_id] > 1
    is_node[starts] = True
    is_node[ends] = True
    x, y = _transformer().transform(coords[:, 0], coords[:, 1])
    xy = np.column_stack([x, y])
    u, v, geometry, flags = [], [], [], []
    for line, (s, e) in enumerate(zip(starts, ends)):
        cut = s + np.flatnonzero(is_node[s:e + 1])
        for a, b in zip(cut[:-1], cut[1:]):
            u.append(vertex_id[a])
            v.append(vertex_id[b])
            geometry.append(shapely.linestrings(xy[a:b + 1]))
            flags.append(oneway[line])
    geometry = np.array(geometry, dtype=object)
    return HelsinkiNetwork(np.array(u, np.int64), np.array(v, np.int64),
                           shapely.length(geometry), geometry, np.array(flags, bool))


def read_facilities(pbf: Path):
    dataset = ogr.Open(str(pbf))
    transformer = _transformer()
    rows = []
    for feature in dataset.GetLayerByName("points"):
        tags = feature.GetField("other_tags") or ""
        highway = feature.GetField("highway")
        if highway:
            tags += f',"highway"=>"{highway}"'
        for pattern, ftype, _ in POINT_TYPES:
            if re.search(pattern, tags):
                point = feature.GetGeometryRef()
                x, y = transformer.transform(point.GetX(), point.GetY())
                rows.append((x, y, ftype))
                break
    return rows
