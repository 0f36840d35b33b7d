"""build_project: the planner's files -> one project GeoPackage, written atomically.

Everything is read, converted, classified and computed in memory first; only then is the
GeoPackage written, into a temporary file that replaces the target at the very end. A
failed or killed build therefore never leaves a half-written project behind.
"""
from __future__ import annotations

import configparser
import hashlib
import json
import logging
import time
import uuid
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import numpy as np
import shapely
from shapely.geometry import Point

from .. import project_schema as ps
from ..catalogue import Catalogue, load_catalogue
from ..classify import UNCLASSIFIED, Classifier, Facility, join_osm_identities, merge_duplicates
from ..coords import reproject, reproject_geometry
from ..errors import InputError
from ..geometry import polygonal
from ..gpkg import Feature, atomic_geopackage, write_layer
from ..progress import NO_PROGRESS, Progress
from ..sources import guess_kind, read_pois
from ..sources.ogr_layer import pick_field, read_ogr_layer
from ..sources.osm import osm_pois, read_osm
from . import network as net
from . import origins as og
from .config import BuildConfig, SourceSpec
from .crs import choose_crs
from .report import BuildReport

log = logging.getLogger(__name__)
WGS84 = "EPSG:4326"
OSM_ATTRIBUTION = "© OpenStreetMap contributors (ODbL)"


def build_project(config: BuildConfig, progress: Progress = NO_PROGRESS) -> BuildReport:
    started = time.monotonic()
    catalogue = load_catalogue(config.catalogue_dir, config.catalogue_overrides)
    report = BuildReport(out=config.out, crs="")
    cache: Dict[Path, list] = {}
    progress.update(1, "reading sub-districts")
    sub_layer = read_ogr_layer(config.subdistricts.path, config.subdistricts.layer,
                               config.subdistricts.crs, config.subdistricts.encoding) \
        if config.subdistricts else None
    progress.update(5, "reading POI sources")
    records, source_rows = _read_sources(config, cache, progress.sub(5, 35))
    crs = config.crs or choose_crs(_sample_lonlat(sub_layer, records))
    report.crs = crs
    areas, study_label = _areas(config, sub_layer, records, crs, report)
    report.subdistricts, report.study_area = len(areas), study_label
    progress.update(35, "building the walking network")
    network = _network(config, cache, crs, progress.sub(35, 65))
    if not areas and network is not None and network.nodes:
        areas = [_study_area_from_network(config, network, report)]
        report.subdistricts, report.study_area = 1, "convex hull of the walking network"
    if not areas and records:
        hull = og.study_area_from([Point(x, y) for x, y in zip(*reproject(
            [r.lon for r in records], [r.lat for r in records], WGS84, crs))])
        areas = [_study_area(config, hull, report)]
        report.subdistricts, report.study_area = 1, "convex hull of the POIs"
    progress.update(65, "classifying facilities")
    facilities, unclassified = _classify(records, catalogue, config, crs, report)
    index = og.assign_area([Point(f.x, f.y) for f in facilities], areas)
    names = [areas[i].name if i is not None else None for i in index]
    report.inside_subdistricts = sum(1 for n in names if n is not None)
    progress.update(75, "placing residents")
    origins = _origins(config, areas, crs, report)
    progress.update(85, "writing the project")
    _write(config.out, crs, catalogue, config, facilities, names, unclassified, areas,
           origins, network, source_rows, report, progress.sub(85, 100))
    report.seconds = time.monotonic() - started
    progress.update(100, "done")
    return report


def _read_sources(config, cache, progress: Progress):
    records, rows = [], []
    for number, spec in enumerate(config.pois):
        progress.update(100 * number / max(1, len(config.pois)), f"reading {spec.path.name}")
        kind = spec.kind or guess_kind(spec.path)
        if kind == "osm":
            features = _osm_features(spec.path, cache)
            found = osm_pois(features, spec.label)
        else:
            found = read_pois(spec.path, kind, spec.label, **spec.reader_options())
        for record in found:
            record.attributes.setdefault("_category_map", spec.category_map)
        records.extend(found)
        rows.append(_source_row(spec, kind, len(found), "poi"))
    return records, rows


def _osm_features(path: Path, cache) -> list:
    if path not in cache:
        cache[path] = read_osm(path)
    return cache[path]


def _source_row(spec: SourceSpec, kind: str, count: int, role: str) -> dict:
    digest = hashlib.sha256()
    with open(spec.path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    osm = kind in ("osm", "overpass") or "osm" in spec.path.name.lower()
    return {"source": spec.label, "path": str(spec.path.resolve()), "sha256": digest.hexdigest(),
            "kind": f"{role}:{kind}", "crs": spec.crs or (spec.datum if kind == "table"
                                                           else "as in file"),
            "features": count, "attribution": OSM_ATTRIBUTION if osm else ""}


def _sample_lonlat(sub_layer, records) -> Tuple[float, float]:
    if sub_layer is not None and sub_layer.features:
        union = shapely.union_all([f.geometry for f in sub_layer.features if f.geometry])
        c = union.centroid
        return c.x, c.y
    if records:
        return float(np.median([r.lon for r in records])), float(
            np.median([r.lat for r in records]))
    return 121.4, 31.2


def _areas(config, sub_layer, records, crs, report) -> Tuple[List[og.Area], str]:
    if sub_layer is not None:
        return _subdistrict_areas(config.subdistricts, sub_layer, crs), "subdistricts"
    if config.study_area is not None:
        layer = read_ogr_layer(config.study_area.path, config.study_area.layer,
                               config.study_area.crs, config.study_area.encoding,
                               target_crs=crs)
        geometry = shapely.union_all([f.geometry for f in layer.features if f.geometry])
        return [_study_area(config, geometry, report)], f"study area from {layer.path.name}"
    return [], ""


def _subdistrict_areas(spec: SourceSpec, layer, crs) -> List[og.Area]:
    name_f = pick_field(layer.fields, spec.name_field, ("name_zh", "name", "名称", "jiedao",
                                                         "街道", "街镇"), layer.path,
                        layer.layer, "name")
    pop_f = pick_field(layer.fields, spec.population_field, ("pop_census2010", "population",
                                                              "pop", "人口", "常住人口"),
                       layer.path, layer.layer, "population")
    areas = []
    for feature in layer.features:
        geometry = polygonal(reproject_geometry(feature.geometry, WGS84, crs))
        if geometry is None:
            raise InputError("sub-district without a polygon", file=layer.path,
                             layer=layer.layer, row=feature.row, field="geometry")
        name = feature.attributes.get(name_f) if name_f else None
        population = feature.attributes.get(pop_f) if pop_f else None
        if population is not None:
            try:
                population = float(population)
            except (TypeError, ValueError):
                raise InputError(f"population '{population}' is not a number",
                                 file=layer.path, layer=layer.layer, row=feature.row,
                                 field=pop_f) from None
        area = og.Area(str(name or f"#{feature.row}"), geometry, population)
        area.attributes = feature.attributes  # type: ignore[attr-defined]
        areas.append(area)
    return areas


def _study_area(config, geometry, report) -> og.Area:
    km2 = geometry.area / 1e6
    if config.study_area_population is not None:
        population, how = float(config.study_area_population), "given for the study area"
    elif config.population_density_per_km2 is not None:
        population = round(config.population_density_per_km2 * km2)
        how = f"uniform density {config.population_density_per_km2:g}/km2 x {km2:.2f} km2"
    else:
        population, how = None, "unknown: origins weighted by area, shares are of area"
    report.population_source = how
    area = og.Area("study area", polygonal(geometry), population)
    area.attributes = {}  # type: ignore[attr-defined]
    return area


def _study_area_from_network(config, network, report) -> og.Area:
    hull = og.study_area_from(list(network.nodes.values()))
    return _study_area(config, hull, report)


def _network(config, cache, crs, progress) -> Optional[net.Network]:
    spec = config.network
    if spec is None and config.network_from_pois_osm:
        spec = next((s for s in config.pois if (s.kind or guess_kind(s.path)) == "osm"), None)
    if spec is None:
        return None
    if (spec.kind or guess_kind(spec.path)) == "osm":
        return net.network_from_osm(_osm_features(spec.path, cache), crs, progress)
    return net.read_line_layer(spec, crs, progress)


def _classify(records, catalogue: Catalogue, config, crs, report):
    records = join_osm_identities(records)
    classifiers: Dict[int, Classifier] = {}
    lons = np.array([r.lon for r in records])
    lats = np.array([r.lat for r in records])
    xs, ys = reproject(lons, lats, WGS84, crs) if len(records) else (lons, lats)
    facilities, unclassified = [], []
    for record, x, y in zip(records, np.atleast_1d(xs), np.atleast_1d(ys)):
        category_map = record.attributes.pop("_category_map", None)
        key = id(category_map)
        if key not in classifiers:
            classifiers[key] = Classifier(catalogue, category_map)
        footprint = polygonal(reproject_geometry(record.footprint, WGS84, crs)) \
            if record.footprint is not None else None
        area = float(footprint.area) if footprint is not None else None
        type_id, rule = classifiers[key].classify(record, area)
        if type_id == UNCLASSIFIED:
            unclassified.append((record, Point(x, y)))
            continue
        facilities.append(Facility(record, type_id, rule, float(x), float(y), area, footprint))
    kept = merge_duplicates(facilities, config.duplicate_distance_m)
    report.duplicates_merged = len(facilities) - len(kept)
    report.per_type = dict(Counter(f.facility_type for f in kept))
    per_task: Counter = Counter()
    for f in kept:
        per_task[catalogue.types[f.facility_type].task] += 1
    report.per_task = dict(sorted(per_task.items()))
    report.unclassified = len(unclassified)
    report.unclassified_by_source = dict(Counter(r.source for r, _ in unclassified))
    return kept, unclassified


def _origins(config, areas, crs, report) -> List[og.Origin]:
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
        origins = og.from_points([Point(x, y) for x, y in zip(xs, ys)],
                                 [p.name for p in points], areas)
        outside = len(points) - len(origins)
        if outside:
            report.warnings.append(f"{outside} residential points of {spec.path.name} lie "
                                   "outside every sub-district and were left out")
        report.sources.append(_source_row(spec, spec.kind or guess_kind(spec.path),
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
        report.population_source = ("sub-district census totals (pop_census2010) shared "
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
    report.sources.append(_source_row(spec, "vector", len(polygons), "residents"))
    if pop_f:
        index = og.assign_area(points, areas, tolerance_m=200.0)
        report.population_source = f"residential polygons' own field '{pop_f}'"
        return [og.Origin(p, float(f.attributes.get(pop_f) or 0.0),
                          areas[i].name if i is not None else None, "residential_polygons")
                for (f, _), p, i in zip(polygons, points, index)]
    return og.from_points(points, [None] * len(points), areas, "residential_polygons",
                          weights=[g.area for _, g in polygons])


def software_version() -> str:
    for folder in Path(__file__).resolve().parents[2:4]:
        metadata = folder / "metadata.txt"
        if metadata.exists():
            parser = configparser.ConfigParser(interpolation=None)
            parser.read(metadata, encoding="utf-8")
            return parser.get("general", "version", fallback="unknown")
    return "unknown"


def now_iso() -> str:
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")


def _write(out, crs, catalogue, config, facilities, names, unclassified, areas, origins,
           network, source_rows, report, progress: Progress):
    stamp = now_iso()
    facility_rows, footprint_rows = [], []
    for facility, subdistrict in zip(facilities, names):
        record = facility.record
        uid = str(uuid.uuid4())
        attributes = {k: v for k, v in record.attributes.items()
                      if k not in ("name", "address") and v not in (None, "")}
        if record.tags:
            attributes["tags"] = record.tags
        facility_rows.append(Feature({
            "uuid": uid, "facility_type": facility.facility_type,
            "task": catalogue.types[facility.facility_type].task, "name": record.name,
            "address": record.address, "source": record.source, "source_id": record.source_id,
            "rule": facility.rule, "status": "existing", "subdistrict": subdistrict,
            "capacity": None, "area_m2": facility.area_m2,
            "sources": json.dumps(facility.sources, ensure_ascii=False),
            "attributes": json.dumps(attributes, ensure_ascii=False, default=str),
            "updated_at": stamp}, Point(facility.x, facility.y)))
        if facility.footprint is not None:
            footprint_rows.append(Feature({"facility_uuid": uid,
                                           "facility_type": facility.facility_type,
                                           "area_m2": facility.area_m2}, facility.footprint))
    report.sources = source_rows + report.sources
    with atomic_geopackage(out) as dataset:
        write_layer(dataset, ps.FACILITIES, facility_rows, crs)
        progress.update(20, "facilities written")
        write_layer(dataset, ps.FOOTPRINTS, footprint_rows, crs)
        write_layer(dataset, ps.UNCLASSIFIED, [Feature({
            "source": r.source, "source_id": r.source_id, "name": r.name,
            "category": r.category, "tags": json.dumps(r.tags, ensure_ascii=False)}, point)
            for r, point in unclassified], crs)
        write_layer(dataset, ps.SUBDISTRICTS, [_area_feature(a) for a in areas], crs)
        write_layer(dataset, ps.ORIGINS, [Feature({
            "uuid": str(uuid.uuid4()), "population": o.population,
            "subdistrict": o.subdistrict, "neighbourhood_committee": o.neighbourhood_committee,
            "method": o.method}, o.point) for o in origins], crs)
        progress.update(50, "origins written")
        if network is not None:
            _write_network(dataset, network, crs, report)
        progress.update(90, "network written")
        write_layer(dataset, ps.SOURCES, [Feature(row) for row in report.sources], crs)
        write_layer(dataset, ps.METADATA, [Feature({"key": k, "value": v}) for k, v in
                                          _metadata(crs, catalogue, config, report,
                                                    stamp).items()], crs)


def _area_feature(area: og.Area) -> Feature:
    attrs = getattr(area, "attributes", {}) or {}
    code = next((attrs[k] for k in ("code_2023", "code", "代码", "adcode") if attrs.get(k)),
                None)
    return Feature({"name": area.name, "name_en": attrs.get("name_en"),
                    "code": str(code) if code is not None else None,
                    "population": area.population, "area_km2": area.geometry.area / 1e6},
                   area.geometry)


def _write_network(dataset, network: net.Network, crs, report) -> None:
    degree = net.degrees(network)
    write_layer(dataset, ps.NETWORK_EDGES, [Feature({
        "edge_id": i, "u": u, "v": v, "length_m": length, "highway": highway,
        "component": network.component_of_node[u]}, line)
        for i, (u, v, length, highway, line) in enumerate(network.edges, start=1)], crs)
    write_layer(dataset, ps.NETWORK_NODES, [Feature({
        "node_id": n, "component": network.component_of_node[n], "degree": degree[n]}, p)
        for n, p in network.nodes.items()], crs)
    report.network_edges = len(network.edges)
    report.network_nodes = len(network.nodes)
    report.network_components = network.components
    report.network_length_km = sum(e[2] for e in network.edges) / 1000.0


def _metadata(crs, catalogue, config, report, stamp) -> Dict[str, str]:
    return {
        "schema_version": str(ps.SCHEMA_VERSION), "project_id": str(uuid.uuid4()),
        "catalogue_version": catalogue.version,
        "catalogue_overrides": json.dumps(catalogue.overrides, ensure_ascii=False)
        if catalogue.overrides else "",
        "created_at": stamp, "crs": crs, "software_version": software_version(),
        "origin_method": report.origin_method,
        "distance_method": "network" if report.network_edges else "straight_line_detour",
        "detour_factor": str(catalogue.detour_factor), "study_area": report.study_area,
        "population_source": report.population_source,
        "grid_size_m": str(config.grid_size_m),
        "attribution": OSM_ATTRIBUTION if any(s["attribution"] for s in report.sources)
        else "",
        "build_warnings": json.dumps(report.warnings, ensure_ascii=False),
    }
