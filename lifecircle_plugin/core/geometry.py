"""Small geometry helpers shared by readers and the builder (shapely only)."""
from __future__ import annotations

from typing import Optional

import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry


def repaired(geometry: Optional[BaseGeometry]) -> Optional[BaseGeometry]:
    """A valid version of `geometry` (make_valid keeps every part), polygons kept polygonal.

    Returns None when nothing areal survives (e.g. a polygon collapsed to a line).
    """
    if geometry is None or geometry.is_empty:
        return None
    if geometry.is_valid:
        return geometry
    fixed = shapely.make_valid(geometry)
    if isinstance(geometry, (Polygon, MultiPolygon)):
        return polygonal(fixed)
    return fixed


def polygonal(geometry: Optional[BaseGeometry]) -> Optional[BaseGeometry]:
    """The polygon part of a geometry as a MultiPolygon (None if there is none)."""
    if geometry is None or geometry.is_empty:
        return None
    if isinstance(geometry, MultiPolygon):
        return geometry
    if isinstance(geometry, Polygon):
        return MultiPolygon([geometry])
    parts = [g for g in getattr(geometry, "geoms", []) if isinstance(g, (Polygon, MultiPolygon))]
    polygons = []
    for part in parts:
        polygons.extend(part.geoms if isinstance(part, MultiPolygon) else [part])
    return MultiPolygon(polygons) if polygons else None
