"""Small project GeoPackages for engine tests, written through core.gpkg per project_schema.

Used until the builder's API is on main for synthetic cases; the layers and fields are the
project schema's, so a project from the real builder reads the same way.
"""
from __future__ import annotations

import uuid as uuidlib
from typing import Iterable, Optional, Sequence, Tuple

from shapely.geometry import LineString, MultiPolygon, Point, box

from lifecircle_plugin.core import project_schema as ps
from lifecircle_plugin.core.gpkg import Feature, create_geopackage, write_layer

CRS = ps.DEFAULT_CRS


def make_project(
    path,
    edges: Iterable[Tuple[int, int, Sequence[Tuple[float, float]]]],
    origins: Iterable[Tuple[float, float, float, Optional[str]]],
    facilities: Iterable[Tuple[float, float, str, str]],
    subdistricts: Iterable[Tuple[str, Tuple[float, float, float, float]]] = (),
    lengths: Optional[Sequence[float]] = None,
    footprints: Iterable[Tuple[str, object]] = (),
):
    """edges (u, v, coords), origins (x, y, population, subdistrict),
    facilities (x, y, facility_type, status[, capacity]), subdistricts (name, bbox)."""
    dataset = create_geopackage(path)
    edge_features = []
    for i, (u, v, coords) in enumerate(edges):
        line = LineString(coords)
        length = lengths[i] if lengths is not None else line.length
        edge_features.append(Feature({"edge_id": i, "u": u, "v": v, "length_m": length,
                                      "highway": "footway", "component": 0}, line))
    if edge_features:
        write_layer(dataset, ps.NETWORK_EDGES, edge_features, CRS)
    write_layer(dataset, ps.ORIGINS, [
        Feature({"uuid": f"o{i}", "population": pop, "subdistrict": sd,
                 "neighbourhood_committee": None, "method": "residential_points"}, Point(x, y))
        for i, (x, y, pop, sd) in enumerate(origins)], CRS)
    write_layer(dataset, ps.FACILITIES, [
        Feature({"uuid": str(uuidlib.uuid4()), "facility_type": f[2], "task": None,
                 "name": f"f{i}", "status": f[3], "capacity": f[4] if len(f) > 4 else None},
                Point(f[0], f[1]))
        for i, f in enumerate(facilities)], CRS)
    write_layer(dataset, ps.SUBDISTRICTS, [
        Feature({"name": name, "population": None, "area_km2": None},
                MultiPolygon([box(*bbox)])) for name, bbox in subdistricts], CRS)
    write_layer(dataset, ps.FOOTPRINTS, [
        Feature({"facility_uuid": "", "facility_type": ftype, "area_m2": geom.area},
                MultiPolygon([geom])) for ftype, geom in footprints], CRS)
    dataset = None
    return path
