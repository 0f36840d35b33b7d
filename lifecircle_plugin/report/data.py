"""Everything a report needs, read once from a project GeoPackage into plain Python rows.

The HTML report, the CSV tables, the print layout notes and the demo summary all draw on
the same `ReportData`, so they cannot disagree. No Qt and no QGIS here: this module reads
the GeoPackage through `core.gpkg` and can be used (and tested) anywhere.
"""
from __future__ import annotations

import json
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from ..core import project_schema as ps
from ..core.catalogue import Catalogue, FacilityType, load_catalogue
from ..core.gpkg import layer_names, read_layer

log = logging.getLogger(__name__)

OSM_ATTRIBUTION = "© OpenStreetMap contributors (ODbL)"
DISTRICT_WIDE = getattr(ps, "DISTRICT_WIDE", "全区")  # subdistrict value of district rows
PREFERRED_SCENARIOS = ("baseline", "existing", "current")


@dataclass
class GapSummary:
    origins: int = 0
    population: float = 0.0


@dataclass
class ReportData:
    """Result rows of one scenario of one project, plus what is needed to explain them."""

    project: Path
    catalogue: Catalogue
    scenario: str
    metadata: Dict[str, str]
    sources: List[dict]
    subdistricts: List[dict]
    type_rows: List[dict]
    task_rows: List[dict]
    gaps: Dict[Tuple[str, str], GapSummary] = field(default_factory=dict)
    sites: List[dict] = field(default_factory=list)
    facility_counts: Dict[str, int] = field(default_factory=dict)
    origins: int = 0
    unsnapped_origins: int = 0  # network mode: origins too far from the network to route

    @property
    def network_mode(self) -> bool:
        """True when distances were measured on a street network, not straight-line.

        The result rows say what the evaluation really did; the metadata only says what
        the build prepared (a network may exist and still not have been used).
        """
        methods = {str(row.get("method") or "").lower() for row in self.type_rows} - {""}
        method = " ".join(sorted(methods)) or (self.metadata.get("distance_method") or "")
        method = method.lower()
        return "network" in method and "straight" not in method and "euclid" not in method

    @property
    def detour_factor(self) -> float:
        try:
            return float(self.metadata.get("detour_factor") or self.catalogue.detour_factor)
        except ValueError:
            return self.catalogue.detour_factor

    @property
    def origin_method(self) -> str:
        return self.metadata.get("origin_method") or ""

    def subdistrict_names(self) -> List[str]:
        return [row["name"] for row in self.subdistricts]

    def types_of(self, subdistrict: str) -> List[dict]:
        return [row for row in self.type_rows if row["subdistrict"] == subdistrict]

    def tasks_of(self, subdistrict: str) -> List[dict]:
        return sorted((row for row in self.task_rows if row["subdistrict"] == subdistrict),
                      key=lambda row: row["task"] or 0)

    def facility_type(self, facility_id: str) -> Optional[FacilityType]:
        return self.catalogue.types.get(facility_id)

    def district_shares(self) -> Dict[str, float]:
        """Population-weighted share within reach over all sub-districts, per facility type."""
        district = [r for r in self.type_rows if r["subdistrict"] == DISTRICT_WIDE]
        if district:
            return {r["facility_type"]: r["share"] for r in district
                    if r.get("share") is not None}
        covered: Dict[str, float] = defaultdict(float)
        population: Dict[str, float] = defaultdict(float)
        for row in self.type_rows:
            covered[row["facility_type"]] += row.get("covered_population") or 0.0
            population[row["facility_type"]] += row.get("population") or 0.0
        return {fid: covered[fid] / population[fid] for fid in population if population[fid]}

    def worst_types(self, count: int = 3, basic_only: bool = True) -> List[str]:
        """The types with facilities whose district-wide share is lowest (ties: catalogue
        order). Types without any facility in the data have no share and are left out: a
        best site for them says nothing the missing data does not."""
        shares = {fid: share for fid, share in self.district_shares().items()
                  if self.facility_counts.get(fid) and (
                      not basic_only or (self.facility_type(fid) and
                                         self.facility_type(fid).is_basic))}
        order = list(self.catalogue.types)
        ranked = sorted(shares, key=lambda fid: (shares[fid], order.index(fid)
                                                 if fid in order else len(order)))
        return ranked[:count]


def unverified_thresholds(catalogue: Catalogue) -> List[FacilityType]:
    """Every evaluated type whose distance threshold is not marked V (verified).

    Thresholds set by the project (P) are listed too: they are the planner's choice, not a
    verified standard, and a reader of the report must see that.
    """
    return [t for t in catalogue.evaluated_types() if t.verif_threshold != "V"]


def choose_scenario(rows: List[dict], wanted: Optional[str] = None) -> str:
    scenarios = [row.get("scenario") or "" for row in rows]
    if wanted is not None:
        return wanted
    for name in PREFERRED_SCENARIOS:
        if name in scenarios:
            return name
    return scenarios[0] if scenarios else ""


def _rows(path: Path, layer: str, present: List[str]) -> List[dict]:
    if layer not in present:
        return []
    return [feature.attributes for feature in read_layer(path, layer).features]


def _geometry_rows(path: Path, layer: str, present: List[str]) -> List[Tuple[dict, object]]:
    if layer not in present:
        return []
    return [(f.attributes, f.geometry) for f in read_layer(path, layer).features]


def load_report_data(project: Path, catalogue: Optional[Catalogue] = None,
                     scenario: Optional[str] = None) -> ReportData:
    """Read the result layers of `project` (one scenario) for reports and tables."""
    project = Path(project)
    present = layer_names(project)
    metadata = {row["key"]: row["value"] for row in _rows(project, ps.METADATA, present)}
    if catalogue is None:
        catalogue = _project_catalogue(metadata)
    type_rows = _rows(project, ps.SUBDISTRICT_RESULTS, present)
    scenario = choose_scenario(type_rows, scenario)
    type_rows = [r for r in type_rows if (r.get("scenario") or "") == scenario]
    task_rows = [r for r in _rows(project, ps.TASK_RESULTS, present)
                 if (r.get("scenario") or "") == scenario]
    subdistricts = sorted(_rows(project, ps.SUBDISTRICTS, present),
                          key=lambda row: (row.get("code") or "", row.get("name") or ""))
    gaps: Dict[Tuple[str, str], GapSummary] = defaultdict(GapSummary)
    for row in _rows(project, ps.GAPS, present):
        if (row.get("scenario") or "") != scenario:
            continue
        summary = gaps[(row["subdistrict"], row["facility_type"])]
        summary.origins += 1
        summary.population += row.get("population") or 0.0
    sites = []
    for attributes, geometry in _geometry_rows(project, ps.SITE_SCORES, present):
        site = dict(attributes)
        if geometry is not None:
            site["x"], site["y"] = geometry.x, geometry.y
        sites.append(site)
    sites.sort(key=lambda s: (s.get("facility_type") or "", s.get("rank") or 0))
    counts: Dict[str, int] = defaultdict(int)
    for row in _rows(project, ps.FACILITIES, present):
        if (row.get("status") or "existing") == "existing":
            counts[row.get("facility_type") or ""] += 1
    data = ReportData(project, catalogue, scenario, metadata,
                      _rows(project, ps.SOURCES, present), subdistricts, type_rows, task_rows,
                      dict(gaps), sites, dict(counts))
    if ps.ORIGIN_RESULTS in present:
        escaped = scenario.replace("'", "''")
        origins = read_layer(project, ps.ORIGIN_RESULTS, where=f"scenario = '{escaped}'",
                             columns=["snapped"] if _has_field(project, "snapped") else None)
        data.origins = len(origins.features)
        data.unsnapped_origins = sum(1 for f in origins.features
                                     if f.attributes.get("snapped") == 0)
    return data


def _has_field(project: Path, name: str) -> bool:
    from ..core.gpkg import open_dataset

    dataset = open_dataset(project)  # keep it referenced while its layer is used
    layer = dataset.GetLayerByName(ps.ORIGIN_RESULTS)
    found = layer is not None and layer.GetLayerDefn().GetFieldIndex(name) >= 0
    dataset = None
    return found


def _project_catalogue(metadata: Dict[str, str]) -> Catalogue:
    """The shipped catalogue with the project's overrides (stored as JSON in lc_metadata)."""
    overrides = metadata.get("catalogue_overrides") or ""
    try:
        data = json.loads(overrides) if overrides.strip() else None
    except json.JSONDecodeError:
        log.warning("catalogue_overrides in lc_metadata is not JSON; using the shipped values")
        data = None
    return load_catalogue(overrides=data) if data else load_catalogue()
