"""Writing the project GeoPackage: every layer per project_schema, in one atomic step."""
from __future__ import annotations

import json
import logging
import time
import uuid
from pathlib import Path
from typing import Dict

from shapely.geometry import Point

from .. import project_schema as ps
from ..gpkg import Feature, atomic_geopackage, write_layer
from ..progress import Progress
from . import network as net
from . import origins as og
from .provenance import OSM_ATTRIBUTION, now_iso, software_version

log = logging.getLogger(__name__)
STALE_AFTER_S = 600.0


def write_project(out, crs, catalogue, config, facilities, names, unclassified, areas,
                  origins, network, source_rows, report, progress: Progress) -> None:
    """All layers into a temporary GeoPackage that replaces `out` only when complete."""
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
    remove_stale_temporaries(out)
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
    attrs = area.attributes
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
    report.network_main_share = network.largest_component_share


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


def remove_stale_temporaries(out, max_age_s: float = STALE_AFTER_S) -> None:
    """Delete half-written files a killed build of the same project left beside it.

    A kill (power cut, SIGKILL) gives atomic_geopackage no chance to clean up; its hidden
    `.NAME-*.gpkg.part` stays. One untouched for ten minutes belongs to no running build.
    """
    out = Path(out)
    now = time.time()
    for leftover in out.parent.glob(f".{out.stem}-*.gpkg.part*"):
        try:
            if now - leftover.stat().st_mtime > max_age_s:
                leftover.unlink()
                log.info("removed %s left by an interrupted build", leftover.name)
        except OSError:
            continue
