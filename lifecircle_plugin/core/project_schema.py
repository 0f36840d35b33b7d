"""The project GeoPackage: every layer and field name, in one place and nowhere else.

`project.gpkg` is the planner's single source of truth. The builder writes the input
layers, the engine adds result layers, the survey import adds audits and conflicts. All
layers share one projected CRS (default EPSG:4549, CGCS2000 / 3-degree Gauss-Kruger CM 120E,
which suits Shanghai). Keys that cross between project and survey package are UUID text,
never an fid. Field types are OGR names ("String", "Integer", "Integer64", "Real").
"""
from __future__ import annotations

from typing import Dict, Tuple

DEFAULT_CRS = "EPSG:4549"
SCHEMA_VERSION = 1

FACILITY_STATUSES = ("existing", "planned", "under_construction", "closed")
ORIGIN_METHODS = ("residential_polygons", "residential_points", "grid", "study_area")

# layer name -> (geometry type or None for an attribute table, ordered fields)
Layer = Tuple[str, Dict[str, str]]

FACILITIES = "facilities"
FOOTPRINTS = "facility_footprints"
SUBDISTRICTS = "subdistricts"
ORIGINS = "origins"
NETWORK_EDGES = "network_edges"
NETWORK_NODES = "network_nodes"
UNCLASSIFIED = "unclassified_pois"
METADATA = "lc_metadata"
SOURCES = "lc_sources"
# results (engine)
ORIGIN_RESULTS = "origin_results"
SUBDISTRICT_RESULTS = "subdistrict_results"
TASK_RESULTS = "task_results"
GAPS = "gaps"
SERVICE_AREAS = "service_areas"
SITE_SCORES = "site_scores"
ACCESS_GAINS = "access_gains"  # origins newly covered in a scenario (who gains access)
DISTRICT_WIDE = "全区"  # the subdistrict value of district-wide result rows
# survey sync
AUDITS = "audits"
AUDIT_PHOTOS = "audit_photos"
CONFLICTS = "conflicts"
IMPORT_LOG = "import_log"
SYNC_STATE = "sync_state"

LAYERS: Dict[str, Layer] = {
    FACILITIES: ("Point", {
        "uuid": "String", "facility_type": "String", "task": "Integer", "name": "String",
        "address": "String", "source": "String", "source_id": "String", "rule": "String",
        "status": "String", "subdistrict": "String", "capacity": "Real", "area_m2": "Real",
        "sources": "String",  # JSON list of {source, source_id} merged into this facility
        "attributes": "String",  # JSON of other source attributes worth keeping
        "updated_at": "String",  # ISO 8601 with offset; bumped by every change
        "extra": "String",  # JSON of survey values with no field here (schema drift)
    }),
    FOOTPRINTS: ("MultiPolygon", {
        "facility_uuid": "String", "facility_type": "String", "area_m2": "Real",
    }),
    SUBDISTRICTS: ("MultiPolygon", {
        "name": "String", "name_en": "String", "code": "String", "population": "Real",
        "area_km2": "Real",
    }),
    ORIGINS: ("Point", {
        "uuid": "String", "population": "Real", "subdistrict": "String",
        "neighbourhood_committee": "String", "method": "String",
    }),
    NETWORK_EDGES: ("LineString", {
        "edge_id": "Integer64", "u": "Integer64", "v": "Integer64", "length_m": "Real",
        "highway": "String", "component": "Integer",
    }),
    NETWORK_NODES: ("Point", {"node_id": "Integer64", "component": "Integer",
                              "degree": "Integer"}),
    UNCLASSIFIED: ("Point", {
        "source": "String", "source_id": "String", "name": "String", "category": "String",
        "tags": "String",
    }),
    METADATA: (None, {"key": "String", "value": "String"}),
    SOURCES: (None, {
        "source": "String", "path": "String", "sha256": "String", "kind": "String",
        "crs": "String", "features": "Integer", "attribution": "String",
    }),
    ORIGIN_RESULTS: ("Point", {
        "origin_uuid": "String", "scenario": "String", "subdistrict": "String",
        "population": "Real", "basic_types_reached_15min": "Integer",
        "basic_types_total": "Integer", "method": "String",
        "snapped": "Integer", "on_island": "Integer", "snap_offset_m": "Real",
        # plus one Real field d_<facility_id> (metres) per evaluated type
    }),
    SUBDISTRICT_RESULTS: (None, {
        "subdistrict": "String", "scenario": "String", "facility_type": "String",
        "task": "Integer", "population": "Real", "covered_population": "Real",
        "share": "Real", "share_5min": "Real", "share_10min": "Real", "share_15min": "Real",
        "threshold_m": "Real", "threshold_verif": "String", "target_share": "Real",
        "meets_target": "Integer", "facilities": "Integer", "per_10k": "Real",
        "mean_distance_m": "Real", "p85_distance_m": "Real", "method": "String",
        # engine (issue 4): no_data = the project holds no facility of this type in the
        # scenario (shares are then NULL, not 0); share_alt = within threshold_alt_m;
        # baseline/gained = against today for the "planned" scenario; area rules for green
        # types; network densities on the slow_traffic_network row; 2SFCA where capacity
        "no_data": "Integer", "threshold_alt_m": "Real", "share_alt": "Real",
        "share_15min_older": "Real", "baseline_share": "Real", "gained_population": "Real",
        "area_m2": "Real", "m2_per_resident": "Real", "rule_m2_per_resident": "Real",
        "meets_area_rule": "Integer", "network_km_per_km2": "Real",
        "intersections_per_km2": "Real", "sfca_mean": "Real",
    }),
    TASK_RESULTS: (None, {
        "subdistrict": "String", "scenario": "String", "task": "Integer",
        "mean_share": "Real", "share_all_basic": "Real", "basic_types": "Integer",
        "basic_types_met": "Integer", "meets_target": "Integer",
        # engine: basic types without any facility in the data; task 0 = all tasks
        # (share_all_basic then means every basic type within 15 minutes)
        "basic_types_no_data": "Integer", "method": "String",
    }),
    GAPS: ("Point", {
        "origin_uuid": "String", "scenario": "String", "facility_type": "String",
        "subdistrict": "String", "population": "Real", "distance_m": "Real",
        "threshold_m": "Real", "method": "String",
    }),
    SERVICE_AREAS: ("MultiPolygon", {
        "facility_type": "String", "scenario": "String", "minutes": "Integer",
        "distance_m": "Real", "method": "String",
    }),
    ACCESS_GAINS: ("Point", {
        "origin_uuid": "String", "scenario": "String", "facility_type": "String",
        "subdistrict": "String", "population": "Real", "distance_before_m": "Real",
        "distance_after_m": "Real", "method": "String",
    }),
    SITE_SCORES: ("Point", {
        "site_id": "String", "facility_type": "String", "rank": "Integer",
        "new_population": "Real", "cumulative_population": "Real",
    }),
    AUDITS: ("Point", {
        "audit_uuid": "String", "facility_uuid": "String", "package_uuid": "String",
        "inspector": "String", "inspected_at": "String", "imported_at": "String",
        "status": "String", "complete": "Integer", "answers": "String", "extra": "String",
    }),
    AUDIT_PHOTOS: (None, {
        "photo_uuid": "String", "audit_uuid": "String", "facility_uuid": "String",
        "sha256": "String", "original_name": "String", "path": "String",
        "taken_at": "String",
    }),
    CONFLICTS: (None, {
        "conflict_uuid": "String", "facility_uuid": "String", "package_uuid": "String",
        "field": "String", "base_value": "String", "project_value": "String",
        "field_value": "String", "kind": "String", "state": "String",
        "resolution": "String", "created_at": "String", "resolved_at": "String",
    }),
    IMPORT_LOG: (None, {
        "package_uuid": "String", "change_uuid": "String", "imported_at": "String",
        "result": "String",
        # kind: package|change|audit|photo|facility; detail: JSON (e.g. a deleted row)
        "kind": "String", "detail": "String",
    }),
    # per survey package and facility, the last field value the project has taken in
    # (applied, equal, or decided in review): the base of the next three-way merge of a
    # package re-exported after more field work. value is JSON.
    SYNC_STATE: (None, {
        "package_uuid": "String", "facility_uuid": "String", "field": "String",
        "value": "String", "updated_at": "String",
    }),
}

METADATA_KEYS = (
    "schema_version", "project_id", "catalogue_version", "catalogue_overrides", "created_at",
    "crs", "software_version", "origin_method", "distance_method", "detour_factor",
    "study_area",
    # written by the builder: how population was obtained (census totals shared, a stated
    # density, or unknown), the grid cell size, the OSM attribution and build warnings
    "population_source", "grid_size_m", "attribution", "build_warnings",
)


def distance_field(facility_id: str) -> str:
    """Name of the per-origin distance field of a facility type in `origin_results`."""
    return f"d_{facility_id}"
