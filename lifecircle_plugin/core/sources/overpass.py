"""Overpass API: a small client (timeout, retry, clear offline/refused messages) and a parser.

The parser accepts what Overpass returns for `out body; >; out skel qt;` (ways as node
references resolved from the same answer), `out center` and `out geom`. Relations are
reduced to the union of their member ways' areas when those are in the answer.
"""
from __future__ import annotations

import json
import logging
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from shapely.geometry import LineString, Polygon
from shapely.ops import unary_union

from ..errors import InputError, LifeCircleError
from ..geometry import polygonal, repaired
from .records import PoiRecord, clean_text, is_poi_candidate

log = logging.getLogger(__name__)
DEFAULT_URL = "https://overpass-api.de/api/interpreter"


class OverpassError(LifeCircleError):
    """The Overpass server could not be reached or refused the query."""


def parse_overpass(data: dict, source: str = "overpass", file=None) -> List[PoiRecord]:
    if not isinstance(data, dict) or not isinstance(data.get("elements"), list):
        raise InputError("not an Overpass JSON answer (no 'elements' list)", file=file)
    elements = data["elements"]
    nodes = {e["id"]: (e["lon"], e["lat"]) for e in elements
             if e.get("type") == "node" and "lat" in e and "lon" in e}
    ways = {e["id"]: e for e in elements if e.get("type") == "way"}
    records = []
    for index, element in enumerate(elements, start=1):
        tags = {str(k): str(v) for k, v in (element.get("tags") or {}).items()}
        if not tags or not is_poi_candidate(tags):
            continue
        point, footprint = _locate(element, nodes, ways)
        if point is None:
            log.info("%s %s/%s: no geometry in the answer, skipped", source,
                     element.get("type"), element.get("id"))
            continue
        records.append(PoiRecord(
            source=source, source_id=f"{element['type']}/{element['id']}",
            name=clean_text(tags.get("name:zh") or tags.get("name")),
            lon=point[0], lat=point[1], tags=tags, footprint=footprint, row=index,
            address=clean_text(" ".join(tags[k] for k in ("addr:street", "addr:housenumber")
                                         if k in tags)),
        ))
    return records


def _way_shape(way: dict, nodes: Dict[int, Tuple[float, float]]):
    if "geometry" in way:
        coords = [(p["lon"], p["lat"]) for p in way["geometry"] if p]
    else:
        coords = [nodes[n] for n in way.get("nodes", []) if n in nodes]
    if len(coords) >= 4 and coords[0] == coords[-1]:
        return repaired(Polygon(coords))
    if len(coords) >= 2:
        return LineString(coords)
    return None


def _locate(element: dict, nodes, ways):
    kind = element.get("type")
    if kind == "node" and "lat" in element:
        return (element["lon"], element["lat"]), None
    shape = None
    if kind == "way":
        shape = _way_shape(element, nodes)
    elif kind == "relation":
        parts = [_way_shape(ways[m["ref"]], nodes) for m in element.get("members", [])
                 if m.get("type") == "way" and m.get("ref") in ways]
        parts = [p for p in parts if p is not None]
        shape = unary_union(parts) if parts else None
    if shape is None or shape.is_empty:
        if "center" in element:
            return (element["center"]["lon"], element["center"]["lat"]), None
        return None, None
    footprint = polygonal(shape)
    point = (footprint or shape).representative_point()
    return (point.x, point.y), footprint


def read_overpass_file(path, source: Optional[str] = None) -> List[PoiRecord]:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InputError("file not found", file=path) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"not JSON: {exc}", file=path) from None
    return parse_overpass(data, source or path.stem, file=path)


def build_query(bbox: Sequence[float], selectors: Iterable[str], timeout_s: int = 90) -> str:
    """Overpass QL for nodes/ways/relations matching `key=value` selectors in a bbox.

    `bbox` is (west, south, east, north) in WGS84, as everywhere else in this project.
    """
    west, south, east, north = bbox
    box = f"({south},{west},{north},{east})"
    lines = []
    for selector in selectors:
        key, _, value = selector.partition("=")
        condition = f'["{key}"]' if value in ("", "*") else f'["{key}"="{value}"]'
        lines.append(f"  nwr{condition}{box};")
    body = "\n".join(lines)
    return f"[out:json][timeout:{timeout_s}];\n(\n{body}\n);\nout body;\n>;\nout skel qt;"


def catalogue_selectors(catalogue) -> List[str]:
    """The plain key=value conditions of the catalogue's OSM rules, for an Overpass query."""
    selectors = set()
    for ftype in catalogue.types.values():
        for alternative in ftype.osm_rules:
            for condition in alternative.conditions:
                if condition.op == "=" and condition.key != "@area":
                    selectors.update(f"{condition.key}={v}" for v in condition.values)
                    break
    return sorted(selectors)


class OverpassClient:
    """POST a query, retrying busy/timeout answers; raises OverpassError with a plain reason."""

    def __init__(self, url: str = DEFAULT_URL, timeout_s: float = 120.0, retries: int = 2,
                 backoff_s: float = 5.0) -> None:
        self.url = url
        self.timeout_s = timeout_s
        self.retries = retries
        self.backoff_s = backoff_s

    def query(self, ql: str) -> dict:
        payload = urllib.parse.urlencode({"data": ql}).encode("utf-8")
        last_reason = ""
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff_s * attempt)
            try:
                request = urllib.request.Request(self.url, data=payload, headers={
                    "User-Agent": "LifeCircle-QGIS-plugin"})
                with urllib.request.urlopen(request, timeout=self.timeout_s) as answer:
                    return json.loads(answer.read().decode("utf-8"))
            except urllib.error.HTTPError as exc:
                last_reason = f"the server refused the query (HTTP {exc.code} {exc.reason})"
                if exc.code not in (429, 502, 503, 504):
                    raise OverpassError(last_reason) from None
            except urllib.error.URLError as exc:
                reason = exc.reason
                if isinstance(reason, ConnectionRefusedError):
                    last_reason = f"connection refused by {self.url}"
                elif isinstance(reason, (socket.timeout, TimeoutError)):
                    last_reason = f"no answer within {self.timeout_s:g} s"
                else:
                    last_reason = f"offline or server unreachable ({reason})"
            except (socket.timeout, TimeoutError):
                last_reason = f"no answer within {self.timeout_s:g} s"
            except json.JSONDecodeError:
                raise OverpassError("the server answered with something that is not "
                                    "JSON (an error page?)") from None
            log.warning("Overpass attempt %d failed: %s", attempt + 1, last_reason)
        raise OverpassError(f"Overpass query failed after {self.retries + 1} attempts: "
                            f"{last_reason}")

    def fetch_pois(self, bbox: Sequence[float], selectors: Iterable[str],
                   source: str = "overpass") -> List[PoiRecord]:
        return parse_overpass(self.query(build_query(bbox, selectors)), source)
