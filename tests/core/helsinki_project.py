"""A project GeoPackage from the real Helsinki OSM extract, for engine tests and benchmarks.

Streets come from GDAL's OSM driver (`lines` layer, walkable highway values), split into
edges at every vertex shared by two ways (OSM nodes), projected to ETRS-TM35FIN (metres).
Origins are building centroids plus seeded random points; facilities are real OSM points
mapped onto catalogue types. The builder (core.build) will produce the same layers; this
stays a test fixture only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyproj
import shapely
from osgeo import gdal, ogr
from shapely.geometry import MultiPolygon, Point, box

from lifecircle_plugin.core import project_schema as ps
from lifecircle_plugin.core.gpkg import Feature, create_geopackage, write_layer

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


def read_buildings(pbf: Path):
    dataset = ogr.Open(str(pbf))
    transformer = _transformer()
    centroids = []
    for feature in dataset.GetLayerByName("multipolygons"):
        if not feature.GetField("building"):
            continue
        geometry = feature.GetGeometryRef()
        if geometry is None or geometry.IsEmpty():
            continue
        env = geometry.GetEnvelope()  # (minx, maxx, miny, maxy): robust to broken rings
        x, y = transformer.transform((env[0] + env[1]) / 2, (env[2] + env[3]) / 2)
        centroids.append((x, y))
    return centroids


def make_helsinki_project(pbf: Path, path: Path, random_origins: int = 1500,
                          seed: int = 7) -> HelsinkiNetwork:
    """Write project.gpkg for Helsinki; return the network (with oneway flags) used."""
    network = read_network(pbf)
    rng = np.random.default_rng(seed)
    xmin, ymin, xmax, ymax = shapely.total_bounds(network.geometry)
    origins = read_buildings(pbf)
    origins += list(zip(rng.uniform(xmin, xmax, random_origins),
                        rng.uniform(ymin, ymax, random_origins)))
    xm, ym = (xmin + xmax) / 2, (ymin + ymax) / 2
    quarters = {"NW": (xmin, ym, xm, ymax), "NE": (xm, ym, xmax, ymax),
                "SW": (xmin, ymin, xm, ym), "SE": (xm, ymin, xmax, ym)}
    dataset = create_geopackage(path)
    write_layer(dataset, ps.NETWORK_EDGES, [
        Feature({"edge_id": i, "u": int(network.u[i]), "v": int(network.v[i]),
                 "length_m": float(network.length[i]), "highway": "", "component": 0},
                network.geometry[i]) for i in range(len(network.u))], CRS)
    write_layer(dataset, ps.ORIGINS, [
        Feature({"uuid": f"o{i}", "population": float(1 + (i * 7919) % 40),
                 "subdistrict": None, "method": "residential_points"}, Point(x, y))
        for i, (x, y) in enumerate(origins)], CRS)
    facilities = []
    for i, (x, y, ftype) in enumerate(read_facilities(pbf)):
        status = "planned" if i % 5 == 4 else ("closed" if i % 11 == 10 else "existing")
        facilities.append(Feature({"uuid": f"f{i}", "facility_type": ftype, "name": "",
                                   "status": status}, Point(x, y)))
    write_layer(dataset, ps.FACILITIES, facilities, CRS)
    write_layer(dataset, ps.SUBDISTRICTS, [
        Feature({"name": name, "area_km2": None}, MultiPolygon([box(*bbox)]))
        for name, bbox in quarters.items()], CRS)
    dataset = None
    return network
