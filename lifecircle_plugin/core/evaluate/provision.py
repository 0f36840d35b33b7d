"""Provision indicators that are not distances: green area per resident, network density.

Green space (facility_standards §3 indicator 9): for every evaluated type with a
per-capita rule in the catalogue (pocket green, community park, district park), the area of
its footprints inside the sub-district (or, without footprints, the facilities' `area_m2`)
per resident, compared with the rule. Only areas of at least the type's `min_area_m2`
count (a 0.3 ha lawn is not a 1 ha community park). 2SFCA (sfca.py) where facilities carry
a capacity. Walkable network density (km/km²) and
intersection density (nodes of degree >= 3 per km²) go on the `slow_traffic_network` row
(task 7), since that catalogue item has no distance threshold. Bus-stop coverage within
300/500 m is the bus_stop row's share / share_alt.
"""
from __future__ import annotations

import logging

import numpy as np
import shapely

from ..project_schema import DISTRICT_WIDE

log = logging.getLogger(__name__)

NETWORK_ITEM = "slow_traffic_network"


def compute(ev) -> None:
    polygons = ev.data.subdistrict_polygons
    population = {row["subdistrict"]: row["population"] for row in ev.subdistrict_rows}
    _green(ev, polygons)
    if ev.options.two_step_fca:
        _two_step(ev)
    if ev.network is not None and NETWORK_ITEM in ev.catalogue.types:
        if ev.network.densities is None:  # depends on the network only: once per project
            ev.network.densities = _densities(ev, polygons)
        ev.subdistrict_rows.extend(_network_rows(ev, population))


def _green(ev, polygons) -> None:
    data = ev.data
    by_key = {(r["subdistrict"], r["facility_type"]): r for r in ev.subdistrict_rows}
    names = list(ev.subdistrict_names)
    for k, ftype in enumerate(ev.types):
        if not ftype.green_m2_per_capita:
            continue
        areas = np.zeros(len(names) + 1)
        fp = np.flatnonzero(np.array([t == ftype.id for t in data.footprint_type], bool))
        if len(fp):
            geoms = data.footprint_geometry[fp]
            whole = shapely.area(geoms)
            eligible = geoms[whole >= (ftype.min_area_m2 or 0.0)]
            for g, polygon in enumerate(polygons):
                if polygon is not None and len(eligible):
                    areas[g] = shapely.area(shapely.intersection(eligible, polygon)).sum()
            areas[-1] = shapely.area(eligible).sum() if len(eligible) else 0.0
        else:
            rows = np.flatnonzero(ev.facility_in_scenario & (ev.facility_column == k))
            area = np.nan_to_num(data.facilities.attrs["area_m2"][rows])
            area[area < (ftype.min_area_m2 or 0.0)] = 0.0
            sd = ev.facility_subdistrict[rows]
            np.add.at(areas, sd[sd >= 0], area[sd >= 0])
            areas[-1] = area.sum()
        for g, label in enumerate(names + [DISTRICT_WIDE]):
            row = by_key.get((label, ftype.id))
            if row is None:
                continue
            pop = row["population"]
            per = areas[g] / pop if pop > 0 else None
            row.update(area_m2=float(areas[g]), m2_per_resident=per,
                       rule_m2_per_resident=ftype.green_m2_per_capita,
                       meets_area_rule=None if per is None else int(
                           per >= ftype.green_m2_per_capita))


def _densities(ev, polygons):
    """Street length, area and junction count per sub-district (+ the district total).

    Edges wholly inside a polygon count whole; only the ones crossing its boundary are
    clipped, which is what makes this cheap on a district network.
    """
    graph = ev.network.graph
    tree = ev.network.snapper.tree
    junction = graph.degree >= 3
    geometric = shapely.length(graph.edge_geometry)
    lengths, areas, junctions = [], [], []
    for polygon in polygons:
        if polygon is None:
            lengths.append(0.0)
            areas.append(0.0)
            junctions.append(0)
            continue
        shapely.prepare(polygon)
        touching = tree.query(polygon, predicate="intersects")
        inside = shapely.contains(polygon, graph.edge_geometry[touching])
        crossing = touching[~inside]
        clipped = shapely.length(shapely.intersection(graph.edge_geometry[crossing], polygon))
        lengths.append(float(geometric[touching[inside]].sum() + clipped.sum()))
        areas.append(float(shapely.area(polygon)))
        nodes_inside = shapely.contains_xy(polygon, graph.node_xy[:, 0], graph.node_xy[:, 1])
        junctions.append(int((nodes_inside & junction).sum()))
    lengths.append(sum(lengths))
    areas.append(sum(areas))
    junctions.append(sum(junctions))
    return {"lengths": lengths, "areas": areas, "junctions": junctions}


def _two_step(ev) -> None:
    """Population-weighted mean 2SFCA accessibility per sub-district (sfca_mean)."""
    from . import sfca
    from .indicators import Groups

    ev.sfca = sfca.compute(ev)
    if not ev.sfca:
        return
    groups = Groups(ev.origin_subdistrict, len(ev.subdistrict_names), ev.population)
    labels = list(ev.subdistrict_names) + [DISTRICT_WIDE]
    by_key = {(r["subdistrict"], r["facility_type"]): r for r in ev.subdistrict_rows}
    for type_id, access in ev.sfca.items():
        sums = groups.sum(access)
        for g, label in enumerate(labels):
            row = by_key.get((label, type_id))
            if row is not None and groups.total[g] > 0:
                row["sfca_mean"] = float(sums[g] / groups.total[g])


def _network_rows(ev, population):
    densities = ev.network.densities
    lengths, areas, junctions = (densities["lengths"], densities["areas"],
                                 densities["junctions"])
    names = list(ev.subdistrict_names)
    ftype = ev.catalogue.types[NETWORK_ITEM]
    rows = []
    for g, label in enumerate(names + [DISTRICT_WIDE]):
        km2 = areas[g] / 1e6
        rows.append({
            "subdistrict": label, "scenario": ev.scenario, "facility_type": NETWORK_ITEM,
            "task": ftype.task, "population": population.get(label),
            "network_km_per_km2": lengths[g] / 1000.0 / km2 if km2 > 0 else None,
            "intersections_per_km2": junctions[g] / km2 if km2 > 0 else None,
            "method": ev.method, "no_data": 0,
        })
    return rows
