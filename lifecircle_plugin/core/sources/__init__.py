"""Readers that turn a planner's files into `PoiRecord`s (WGS84, tags, category, row).

`read_pois(path, kind=None, **options)` picks the reader from the file type: OSM PBF/XML,
Overpass JSON, CSV/XLSX tables with coordinates, or any other OGR vector layer.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

from ..errors import InputError
from .records import PoiRecord

KINDS = ("osm", "overpass", "table", "vector")


def guess_kind(path) -> str:
    path = Path(path)
    name = path.name.lower()
    if name.endswith((".osm.pbf", ".pbf", ".osm", ".osm.xml")):
        return "osm"
    if name.endswith((".csv", ".txt", ".xlsx", ".xlsm", ".tsv")):
        return "table"
    if name.endswith(".json") and not name.endswith(".geojson"):
        try:
            with open(path, encoding="utf-8-sig") as handle:
                head = handle.read(4096)
        except OSError:
            return "vector"
        if '"elements"' in head or '"osm3s"' in head:
            return "overpass"
        try:
            json.loads(head)
        except json.JSONDecodeError:
            pass
    return "vector"


def read_pois(path, kind: Optional[str] = None, source: Optional[str] = None,
              **options) -> List[PoiRecord]:
    """Read POIs from any supported file; `options` go to the specific reader."""
    kind = kind or guess_kind(path)
    if kind == "osm":
        from .osm import read_osm_pois

        return read_osm_pois(path, source)
    if kind == "overpass":
        from .overpass import read_overpass_file

        return read_overpass_file(path, source)
    if kind == "table":
        from .table import read_table_pois

        return read_table_pois(path, source, **options)
    if kind == "vector":
        from .ogr_layer import read_ogr_pois

        options.pop("datum", None)
        return read_ogr_pois(path, source, **options)
    raise InputError(f"unknown source kind '{kind}' (use one of {KINDS})", file=path)


__all__ = ["PoiRecord", "read_pois", "guess_kind", "KINDS"]
