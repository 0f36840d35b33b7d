"""Where residents live and how many: the origins of every walking-distance measure.

Three methods, best first: residential polygons (with their own population, or sharing
the sub-district total by residential area); residential points such as the 居委会 of
each neighbourhood (sharing the sub-district total evenly); a regular grid clipped to
the sub-districts (sharing it by clipped cell area). Sub-district totals are preserved
exactly: integer totals are split with the largest-remainder method, so the origins of
a 街镇 add up to its census population to the person.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence

import numpy as np
import shapely
from shapely.geometry import Point, box
from shapely.geometry.base import BaseGeometry

log = logging.getLogger(__name__)


@dataclass
class Area:
    """A sub-district (or the study area) in the project CRS."""

    name: str
    geometry: BaseGeometry
    population: Optional[float]
    attributes: Dict[str, Any] = field(default_factory=dict)  # the source row (code, name_en)


@dataclass
class Origin:
    point: Point
    population: float
    subdistrict: Optional[str]
    method: str
    neighbourhood_committee: Optional[str] = None


def split_total(total: Optional[float], weights: Sequence[float]) -> np.ndarray:
    """Shares of `total` proportional to `weights`, summing exactly to `total`.

    An integral total gets integer shares (largest remainder); otherwise floats with the
    rounding error put on the largest share.
    """
    weights = np.asarray(weights, dtype=float)
    if len(weights) == 0 or total is None:
        return np.full(len(weights), np.nan)
    if weights.sum() <= 0:
        weights = np.ones(len(weights))
    exact = total * weights / weights.sum()
    if float(total).is_integer():
        floors = np.floor(exact)
        remainder = int(round(total - floors.sum()))
        order = np.argsort(-(exact - floors), kind="stable")
        floors[order[:remainder]] += 1
        return floors
    shares = exact.copy()
    shares[int(np.argmax(shares))] += total - shares.sum()
    return shares


def assign_area(points: Sequence[Point], areas: Sequence[Area],
                tolerance_m: float = 0.0) -> List[Optional[int]]:
    """Index of the area holding each point (nearest within tolerance if none holds it)."""
    if not areas:
        return [None] * len(points)
    tree = shapely.STRtree([a.geometry for a in areas])
    result: List[Optional[int]] = []
    for point in points:
        hits = tree.query(point, predicate="intersects")
        if len(hits):
            result.append(int(min(hits)))
            continue
        if tolerance_m > 0:
            nearest = tree.query_nearest(point, max_distance=tolerance_m)
            if len(nearest):
                result.append(int(nearest[0]))
                continue
        result.append(None)
    return result


def from_points(points: Sequence[Point], names: Sequence[Optional[str]],
                areas: Sequence[Area], method: str = "residential_points",
                weights: Optional[Sequence[float]] = None) -> List[Origin]:
    """Origins at given points; each area's population shared evenly (or by weights).

    With an unknown area population each origin gets its weight (1 per point), so shares
    computed later are shares of origins rather than of people, as metadata says.
    """
    index = assign_area(points, areas, tolerance_m=200.0)
    origins: List[Origin] = []
    for a, area in enumerate(areas):
        members = [i for i, k in enumerate(index) if k == a]
        if not members:
            continue
        member_weights = [weights[i] for i in members] if weights is not None \
            else [1.0] * len(members)
        if area.population is None:  # unknown: each origin carries its own weight
            shares = np.asarray(member_weights, dtype=float)
        else:
            shares = split_total(area.population, member_weights)
        for i, share in zip(members, shares):
            origins.append(Origin(points[i], float(share), area.name, method,
                                  names[i] if names else None))
    dropped = sum(1 for k in index if k is None)
    if dropped:
        log.warning("%d residential points outside every sub-district were left out", dropped)
    return origins


def grid(areas: Sequence[Area], size_m: float) -> List[Origin]:
    """A regular grid clipped to the areas; population shared by clipped cell area."""
    origins: List[Origin] = []
    for area in areas:
        minx, miny, maxx, maxy = area.geometry.bounds
        xs = np.arange(np.floor(minx / size_m) * size_m, maxx, size_m)
        ys = np.arange(np.floor(miny / size_m) * size_m, maxy, size_m)
        gx, gy = np.meshgrid(xs, ys)
        cells = shapely.box(gx.ravel(), gy.ravel(), gx.ravel() + size_m, gy.ravel() + size_m)
        prepared = area.geometry
        shapely.prepare(prepared)
        inside = shapely.intersects(prepared, cells)
        clipped = shapely.intersection(cells[inside], area.geometry)
        areas_m2 = shapely.area(clipped)
        keep = areas_m2 > 1.0
        clipped, areas_m2 = clipped[keep], areas_m2[keep]
        if len(clipped) == 0:
            continue
        points = shapely.point_on_surface(clipped)
        if area.population is None:
            shares = areas_m2 / (size_m * size_m)  # unknown: weight by area (full cell = 1)
        else:
            shares = split_total(area.population, areas_m2)
        for point, share in zip(points, shares):
            origins.append(Origin(point, float(share), area.name, "grid"))
    return origins


def fill_empty_areas(origins: List[Origin], areas: Sequence[Area],
                     size_m: float) -> List[str]:
    """Areas that got no origin (no residential point inside) get a grid; names returned."""
    covered = {o.subdistrict for o in origins}
    missing = [a for a in areas if a.name not in covered]
    if missing:
        origins.extend(grid(missing, size_m))
    return [a.name for a in missing]


def study_area_from(geometries: Sequence[BaseGeometry], buffer_m: float = 0.0) -> BaseGeometry:
    """One study area around the data: the convex hull (or bbox for degenerate data)."""
    union = shapely.union_all(list(geometries))
    hull = union.convex_hull
    if hull.area <= 0:
        hull = box(*union.bounds).buffer(max(buffer_m, 100.0))
    return hull.buffer(buffer_m) if buffer_m else hull
