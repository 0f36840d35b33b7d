"""Placing residents for a build: choose the origin method, read its file, share population.

The geometry and arithmetic live in `origins`; this module decides which method the
planner's inputs allow and records what was done (method, population source, warnings).
"""
from __future__ import annotations

from typing import List

from shapely.geometry import Point

from .. import project_schema as ps
from ..coords import reproject
from ..errors import InputError
from ..geometry import polygonal
from ..sources import guess_kind, read_pois
from ..sources.ogr_layer import pick_field, read_ogr_layer
from . import origins as og
from .provenance import source_row

WGS84 = "EPSG:4326"


def place_residents(config, areas, crs, report) -> List[og.Origin]:
    method = config.origin_method
    if method is None:
        method = ("residential_polygons" if config.residential_polygons else
                  "residential_points" if config.residential_points else "grid")
    if method == "residential_polygons":
        origins = _origins_from_polygons(config, areas, crs, report)
    elif method == "residential_points":
        spec = config.residential_points
        if spec is None:
            raise InputError("origin method residential_points needs a residential points file")
        points = read_pois(spec.path, spec.kind, spec.label, **spec.reader_options())
        xs, ys = reproject([p.lon for p in points], [p.lat for p in points], WGS84, crs)
        located = [Point(x, y) for x, y in zip(xs, ys)]
        origins = og.from_points(located, [p.name for p in points], areas)
        outside = [f"{p.name or p.source_id} (row {p.row})" for p, i in zip(
            points, og.assign_area(located, areas, tolerance_m=200.0)) if i is None]
        if outside:
            report.warnings.append(f"{len(outside)} residential points of {spec.path.name} "
                                   "lie outside every sub-district (over 200 m) and were left "
                                   f"out: {', '.join(outside)}")
        report.sources.append(source_row(spec, spec.kind or guess_kind(spec.path),
                                          len(points), "residents"))
    elif method == "grid":
        origins = og.grid(areas, config.grid_size_m)
    else:
        raise InputError(f"unknown origin method '{method}' (use one of {ps.ORIGIN_METHODS})")
    if method != "grid":
        filled = og.fill_empty_areas(origins, areas, config.grid_size_m)
        if filled:
            report.warnings.append(f"no residential {method.split('_')[1]} in "
                                   f"{', '.join(filled)}: a {config.grid_size_m:g} m grid "
                                   "was used there")
    report.origin_method = method
    report.origins = len(origins)
    known = [o.population for o in origins if o.population == o.population]
    report.population = float(sum(known)) if known and all(
        a.population is not None for a in areas) else None
    if not report.population_source:
        report.population_source = ("sub-district population totals shared "
                                    + ("by residential area" if method ==
                                       "residential_polygons" else
                                       "evenly" if method == "residential_points"
                                       else "by cell area"))
    return origins


def _origins_from_polygons(config, areas, crs, report) -> List[og.Origin]:
    spec = config.residential_polygons
    layer = read_ogr_layer(spec.path, spec.layer, spec.crs, spec.encoding, target_crs=crs)
    pop_f = pick_field(layer.fields, spec.population_field, ("population", "pop", "人口"),
                       layer.path, layer.layer, "population")
    polygons = [(f, polygonal(f.geometry)) for f in layer.features]
    polygons = [(f, g) for f, g in polygons if g is not None]
    points = [g.representative_point() for _, g in polygons]
    report.sources.append(source_row(spec, "vector", len(polygons), "residents"))
    if pop_f:
        index = og.assign_area(points, areas, tolerance_m=200.0)
        report.population_source = f"residential polygons' own field '{pop_f}'"
        return [og.Origin(p, float(f.attributes.get(pop_f) or 0.0),
                          areas[i].name if i is not None else None, "residential_polygons")
                for (f, _), p, i in zip(polygons, points, index)]
    return og.from_points(points, [None] * len(points), areas, "residential_polygons",
                          weights=[g.area / 10000.0 for _, g in polygons])  # hectares
