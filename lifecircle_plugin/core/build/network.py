"""The walking network: OSM ways or any line layer -> noded edges with lengths in metres.

OSM ways meet where they share a node, so noding at shared vertices is exact and keeps
bridges from touching the streets below. Other line layers (a district's road centre
lines) rarely share vertices; they are noded at every geometric intersection instead.
Edge lengths are measured in the project's projected CRS. Connected components are
recorded so the engine can snap to the main network and report islands.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, Point
from shapely.strtree import STRtree

from ..coords import reproject_geometry
from ..progress import NO_PROGRESS, Progress

log = logging.getLogger(__name__)

WALKABLE = {
    "footway", "path", "pedestrian", "steps", "living_street", "residential", "service",
    "unclassified", "tertiary", "tertiary_link", "secondary", "secondary_link", "primary",
    "primary_link", "track", "cycleway", "corridor", "bridleway", "road", "crossing",
    "trunk", "trunk_link",
}
FOOT_ALLOWED = {"yes", "designated", "permissive", "official"}
NEEDS_FOOT_TAG = {"trunk", "trunk_link"}  # fast roads: walkable only where foot=yes
_KEY_DECIMALS = 7  # 1e-7 degrees, the precision of OSM coordinates


@dataclass
class Network:
    edges: List[Tuple[int, int, float, str, LineString]]  # u, v, length_m, highway, line
    nodes: Dict[int, Point]
    component_of_node: Dict[int, int]
    components: int
    crs: str

    @property
    def largest_component_share(self) -> float:
        """Share of the network length in component 0, the main (largest) network."""
        total = sum(e[2] for e in self.edges)
        main = sum(e[2] for e in self.edges if self.component_of_node[e[0]] == 0)
        return main / total if total else 0.0


def is_walkable(tags: Dict[str, str]) -> bool:
    """Highways a pedestrian may use: walkable classes, minus foot=no and private access."""
    highway = tags.get("highway")
    if highway not in WALKABLE or tags.get("area") == "yes" and highway != "pedestrian":
        return False
    foot = tags.get("foot")
    if foot in FOOT_ALLOWED:
        return True
    if foot == "no" or highway in NEEDS_FOOT_TAG:
        return False
    return tags.get("access") not in ("private", "no")


def network_from_osm(features, crs: str, progress: Progress = NO_PROGRESS) -> Network:
    """Ways from `sources.osm.read_osm(..., ['lines'])`, noded at shared OSM nodes."""
    ways = [(f.tags.get("highway", ""), f.geometry) for f in features
            if f.layer == "lines" and is_walkable(f.tags)
            and f.geometry.geom_type == "LineString"]
    progress.update(10, f"{len(ways)} walkable ways")
    return _node_at_shared_vertices(ways, crs, progress.sub(10, 100))


def _node_at_shared_vertices(ways: Sequence[Tuple[str, LineString]], crs: str,
                             progress: Progress) -> Network:
    keys: List[np.ndarray] = []
    for _, line in ways:
        coords = np.asarray(line.coords)
        keys.append(np.round(coords[:, :2], _KEY_DECIMALS))
    counts: Dict[Tuple[float, float], int] = {}
    for coords in keys:
        for key in map(tuple, coords):
            counts[key] = counts.get(key, 0) + 1
        counts[tuple(coords[0])] = counts.get(tuple(coords[0]), 0) + 1  # ends are nodes
        counts[tuple(coords[-1])] = counts.get(tuple(coords[-1]), 0) + 1
    node_ids: Dict[Tuple[float, float], int] = {}
    pieces: List[Tuple[Tuple[float, float], Tuple[float, float], str, np.ndarray]] = []
    for (highway, _), coords in zip(ways, keys):
        start = 0
        for i in range(1, len(coords)):
            if counts[tuple(coords[i])] > 1 or i == len(coords) - 1:
                part = coords[start:i + 1]
                if len(part) >= 2:
                    pieces.append((tuple(part[0]), tuple(part[-1]), highway, part))
                start = i
    progress.update(40, f"{len(pieces)} edges")
    return _assemble(pieces, node_ids, crs, "EPSG:4326", progress.sub(40, 100))


def network_from_lines(lines: Sequence[Tuple[str, object]], crs: str, source_crs: str,
                       progress: Progress = NO_PROGRESS) -> Network:
    """Any line layer: node at every intersection (unary_union), keep each piece's class."""
    originals = [(h, g) for h, g in lines if g is not None and not g.is_empty]
    geometries = [reproject_geometry(g, source_crs, crs) for _, g in originals]
    progress.update(10, "noding lines")
    noded = shapely.unary_union(shapely.line_merge(MultiLineString(
        [part for g in geometries for part in getattr(g, "geoms", [g])])))
    parts = list(getattr(noded, "geoms", [noded]))
    tree = STRtree(geometries)
    pieces = []
    for part in parts:
        if part.length <= 0:
            continue
        nearest = tree.nearest(part.interpolate(0.5, normalized=True))
        highway = originals[int(nearest)][0] if nearest is not None else ""
        coords = np.asarray(part.coords)[:, :2]
        ends = (tuple(np.round(coords[0], 3)), tuple(np.round(coords[-1], 3)))
        pieces.append((ends[0], ends[1], highway or "", coords))
    return _assemble(pieces, {}, crs, crs, progress.sub(40, 100))


def _assemble(pieces, node_ids, crs: str, pieces_crs: str, progress: Progress) -> Network:
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    from ..coords import transformer

    to_project = transformer(pieces_crs, crs) if pieces_crs != crs else None
    node_xy: Dict[int, Tuple[float, float]] = {}
    edges = []
    for start, end, highway, coords in pieces:
        u = node_ids.setdefault(start, len(node_ids) + 1)
        v = node_ids.setdefault(end, len(node_ids) + 1)
        if to_project is not None:
            x, y = to_project.transform(coords[:, 0], coords[:, 1])
            coords = np.column_stack([x, y])
        line = LineString(coords)
        if line.length <= 0:
            continue
        node_xy.setdefault(u, tuple(coords[0]))
        node_xy.setdefault(v, tuple(coords[-1]))
        edges.append((u, v, float(line.length), highway, line))
    progress.update(60, "components")
    count = len(node_ids)
    if edges:
        us = np.array([e[0] for e in edges]) - 1
        vs = np.array([e[1] for e in edges]) - 1
        graph = coo_matrix((np.ones(len(edges)), (us, vs)), shape=(count, count))
        _, labels = connected_components(graph, directed=False)
    else:
        labels = np.zeros(count, dtype=int)
    used = sorted(node_xy)
    component_of_node = {n: int(labels[n - 1]) for n in used}
    # number components by size (0 = largest) so "component 0" means the main network
    sizes: Dict[int, int] = {}
    for n in used:
        sizes[component_of_node[n]] = sizes.get(component_of_node[n], 0) + 1
    order = {c: i for i, c in enumerate(sorted(sizes, key=lambda c: (-sizes[c], c)))}
    component_of_node = {n: order[c] for n, c in component_of_node.items()}
    nodes = {n: Point(node_xy[n]) for n in used}
    progress.update(100, f"{len(edges)} edges, {len(nodes)} nodes, {len(order)} components")
    return Network(edges, nodes, component_of_node, len(order), crs)


def degrees(network: Network) -> Dict[int, int]:
    result = {n: 0 for n in network.nodes}
    for u, v, _, _, _ in network.edges:
        result[u] += 1
        result[v] += 1
    return result


def read_line_layer(spec, crs: str, progress: Progress = NO_PROGRESS) -> Optional[Network]:
    """A network from a SourceSpec: OSM file (ways) or any OGR line layer."""
    from ..sources import guess_kind
    from ..sources.ogr_layer import read_ogr_layer
    from ..sources.osm import read_osm

    if (spec.kind or guess_kind(spec.path)) == "osm":
        return network_from_osm(read_osm(spec.path, ["lines"]), crs, progress)
    layer = read_ogr_layer(spec.path, spec.layer, spec.crs, spec.encoding, target_crs=crs)
    field = next((f for f in ("highway", "fclass", "type", "class", "道路等级")
                  if f in layer.fields), None)
    lines = [(str(f.attributes.get(field) or "") if field else "", f.geometry)
             for f in layer.features
             if f.geometry is not None and "LineString" in f.geometry.geom_type]
    return network_from_lines(lines, crs, crs, progress)
