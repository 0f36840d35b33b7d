"""build_project: the planner's files -> one project GeoPackage, written atomically.

Everything is read, converted, classified and computed in memory first; only then is the
GeoPackage written, into a temporary file that replaces the target at the very end. A
failed or killed build therefore never leaves a half-written project behind.
"""
from __future__ import annotations

import logging
import time
from collections import Counter
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import numpy as np
import shapely
from shapely.geometry import Point

from ..catalogue import Catalogue, load_catalogue
from ..classify import UNCLASSIFIED, Classifier, Facility, join_osm_identities, merge_duplicates
from ..coords import reproject, reproject_geometry
from ..errors import InputError
from ..geometry import polygonal
from ..progress import NO_PROGRESS, Progress
from ..sources import guess_kind, read_pois
from ..sources.ogr_layer import pick_field, read_ogr_layer
from ..sources.osm import osm_pois, read_osm
from . import network as net
from . import origins as og
from .checks import check_config
from .config import BuildConfig, SourceSpec
from .crs import choose_crs
from .provenance import source_row
from .report import BuildReport
from .residents import place_residents
from .writer import write_project

log = logging.getLogger(__name__)
# the one area of a project without sub-districts (e.g. an OSM extract of Helsinki): it
# names the atlas page and the report rows, read by Chinese and English readers alike
STUDY_AREA_NAME = "研究区 study area"
WGS84 = "EPSG:4326"
POPULATION_FIELDS = ("pop_census2010", "population", "pop", "人口", "常住人口")


def build_project(config: BuildConfig, progress: Progress = NO_PROGRESS) -> BuildReport:
    """Read every input, classify, build the network, place residents, then write once."""
    started = time.monotonic()
    check_config(config)
    catalogue = load_catalogue(config.catalogue_dir, config.catalogue_overrides)
    report = BuildReport(out=config.out, crs="")
    cache: Dict[Path, list] = {}
    progress.update(1, "reading sub-districts")
    sub_layer = _read_subdistricts(config)
    progress.update(5, "reading POI sources")
    records, source_rows = _read_sources(config, cache, report, progress.sub(5, 35))
    crs = config.crs or choose_crs(_sample_lonlat(sub_layer, records))
    report.crs = crs
    areas = _areas(config, sub_layer, crs, report)
    progress.update(35, "building the walking network")
    network = _network(config, cache, crs, progress.sub(35, 65))
    areas = areas or _fallback_study_area(config, network, records, crs, report)
    report.subdistricts = len(areas)
    source_rows += _input_rows(config, sub_layer, network)
    progress.update(65, "classifying facilities")
    facilities, unclassified = _classify(records, catalogue, config, crs, report)
    names = _locate(facilities, areas, catalogue, report)
    progress.update(75, "placing residents")
    origins = place_residents(config, areas, crs, report)
    progress.update(85, "writing the project")
    write_project(config.out, crs, catalogue, config, facilities, names, unclassified,
                  areas, origins, network, source_rows, report, progress.sub(85, 100))
    report.seconds = time.monotonic() - started
    progress.update(100, "done")
    return report


def _read_subdistricts(config: BuildConfig):
    spec = config.subdistricts
    if spec is None:
        return None
    return _read_polygons(spec)


def _read_polygons(spec: SourceSpec):
    """A polygon layer that must hold features: an empty one is a mistake, not a hint to
    fall back to a convex hull."""
    layer = read_ogr_layer(spec.path, spec.layer, spec.crs, spec.encoding)
    if not layer.features:
        raise InputError("layer has no features", file=layer.path, layer=layer.layer)
    return layer


def _input_rows(config: BuildConfig, sub_layer, network) -> List[dict]:
    """lc_sources rows of the non-POI inputs (residents add their own)."""
    rows = []
    if sub_layer is not None:
        rows.append(source_row(config.subdistricts, "vector", len(sub_layer.features),
                               "subdistricts"))
    if network is not None and config.network is not None:
        rows.append(source_row(config.network, config.network.kind or guess_kind(
            config.network.path), len(network.edges), "network"))
    if config.study_area is not None:
        rows.append(source_row(config.study_area, "vector", 0, "study_area"))
    return rows


def _fallback_study_area(config, network, records, crs, report) -> List[og.Area]:
    """No sub-districts and no study-area file: the hull of the network, else of the POIs."""
    if network is not None and network.nodes:
        points, label = list(network.nodes.values()), "convex hull of the walking network"
    elif records:
        xs, ys = reproject([r.lon for r in records], [r.lat for r in records], WGS84, crs)
        points, label = [Point(x, y) for x, y in zip(xs, ys)], "convex hull of the POIs"
    else:
        return []
    report.study_area = label
    return [_study_area(config, og.study_area_from(points), report)]


def _locate(facilities, areas, catalogue, report) -> List[Optional[str]]:
    """The sub-district of each facility (None outside all), counted inside per type/task."""
    index = og.assign_area([Point(f.x, f.y) for f in facilities], areas)
    names = [areas[i].name if i is not None else None for i in index]
    inside = [f for f, n in zip(facilities, names) if n is not None]
    report.inside_subdistricts = len(inside)
    report.per_type_inside = dict(Counter(f.facility_type for f in inside))
    report.per_task_inside = dict(sorted(Counter(
        catalogue.types[f.facility_type].task for f in inside).items()))
    return names


def _read_sources(config, cache, report, progress: Progress):
    records, rows = [], []
    for number, spec in enumerate(config.pois):
        progress.update(100 * number / max(1, len(config.pois)), f"reading {spec.path.name}")
        kind = spec.kind or guess_kind(spec.path)
        if kind == "osm":
            features = _osm_features(spec.path, cache)
            found = osm_pois(features, spec.label)
        else:
            found = read_pois(spec.path, kind, spec.label, **spec.reader_options())
        if not found:
            _warn(report, f"no POIs read from {spec.path} (empty file, or no rows with "
                          f"coordinates): it adds no facilities")
        records.extend(found)
        rows.append(source_row(spec, kind, len(found), "poi"))
    return records, rows


def _osm_features(path: Path, cache) -> list:
    if path not in cache:
        cache[path] = read_osm(path)
    return cache[path]


def _sample_lonlat(sub_layer, records) -> Tuple[float, float]:
    if sub_layer is not None and sub_layer.features:
        union = shapely.union_all([f.geometry for f in sub_layer.features if f.geometry])
        c = union.centroid
        return c.x, c.y
    if records:
        return float(np.median([r.lon for r in records])), float(
            np.median([r.lat for r in records]))
    return 121.4, 31.2


def _areas(config, sub_layer, crs, report) -> List[og.Area]:
    """Sub-districts, or the planner's study area(s); empty when neither was given."""
    if sub_layer is not None:
        report.study_area = "subdistricts"
        if _population_field(config.subdistricts, sub_layer) is None:
            _warn(report, f"{sub_layer.path}: no population field (expected one of "
                          f"{', '.join(POPULATION_FIELDS)}), so population is unknown; name "
                          f"the field with --population-field (processing: POPULATION_FIELD)")
        return _subdistrict_areas(config.subdistricts, sub_layer, crs)
    if config.study_area is None:
        return []
    spec = config.study_area
    layer = _read_polygons(spec)
    areas = _subdistrict_areas(spec, layer, crs)
    if any(a.population is not None for a in areas):
        report.population_source = "the study areas' own population field"
        report.study_area = f"study areas from {layer.path.name}"
        return areas
    report.study_area = f"study area from {layer.path.name}"
    return [_study_area(config, shapely.union_all([a.geometry for a in areas]), report)]


def _subdistrict_areas(spec: SourceSpec, layer, crs) -> List[og.Area]:
    name_f = pick_field(layer.fields, spec.name_field, ("name_zh", "name", "名称", "jiedao",
                                                         "街道", "街镇"), layer.path,
                        layer.layer, "name")
    pop_f = _population_field(spec, layer)
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
        areas.append(og.Area(str(name or f"#{feature.row}"), geometry, population,
                             feature.attributes))
    return areas


def _warn_unmatched_sources(config, records, facilities, report) -> None:
    """A source whose POIs all stayed unclassified adds nothing: say so, by file."""
    read = Counter(r.source for r in records)
    matched = Counter(f.record.source for f in facilities)
    for spec in config.pois:
        if read.get(spec.label) and not matched.get(spec.label):
            _warn(report, f"none of the {read[spec.label]} POIs read from {spec.path} "
                          f"matched a facility type: it adds no facilities")


def _population_field(spec: SourceSpec, layer) -> Optional[str]:
    return pick_field(layer.fields, spec.population_field, POPULATION_FIELDS, layer.path,
                      layer.layer, "population")


def _warn(report: BuildReport, message: str) -> None:
    log.warning("%s", message)
    report.warnings.append(message)


def _study_area(config, geometry, report) -> og.Area:
    km2 = geometry.area / 1e6
    if config.study_area_population is not None:
        population, how = float(config.study_area_population), "given for the study area"
    elif config.population_density_per_km2 is not None:
        population = round(config.population_density_per_km2 * km2)
        how = f"uniform density {config.population_density_per_km2:g}/km2 x {km2:.2f} km2"
    else:
        population, how = None, ("unknown: origins weighted by area (grid) or one each "
                                  "(points), so shares are not shares of people")
    report.population_source = how
    return og.Area(STUDY_AREA_NAME, polygonal(geometry), population)


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
    maps = {spec.label: spec.category_map for spec in config.pois}
    classifiers: Dict[str, Classifier] = {}
    lons = np.array([r.lon for r in records])
    lats = np.array([r.lat for r in records])
    xs, ys = reproject(lons, lats, WGS84, crs) if len(records) else (lons, lats)
    facilities, unclassified = [], []
    for record, x, y in zip(records, np.atleast_1d(xs), np.atleast_1d(ys)):
        if record.source not in classifiers:
            classifiers[record.source] = Classifier(catalogue, maps.get(record.source))
        footprint = polygonal(reproject_geometry(record.footprint, WGS84, crs)) \
            if record.footprint is not None else None
        area = float(footprint.area) if footprint is not None else None
        type_id, rule = classifiers[record.source].classify(record, area)
        if type_id == UNCLASSIFIED:
            unclassified.append((record, Point(x, y)))
            continue
        facilities.append(Facility(record, type_id, rule, float(x), float(y), area, footprint))
    _warn_unmatched_sources(config, records, facilities, report)
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


