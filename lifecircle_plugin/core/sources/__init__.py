"""Readers that turn a planner's files into `PoiRecord`s (WGS84, tags, category, row).

`read_pois(path, kind=None, **options)` picks the reader from the file type: OSM PBF/XML,
Overpass JSON, CSV/XLSX tables with coordinates, or any other OGR vector layer.
"""
from __future__ import annotations

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
        except (OSError, UnicodeDecodeError):
            return "vector"
        if '"elements"' in head or '"osm3s"' in head:
            return "overpass"
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

        datum = options.pop("datum", None) or "WGS84"
        return shift_datum(read_ogr_pois(path, source, **options), datum, path)
    raise InputError(f"unknown source kind '{kind}' (use one of {KINDS})", file=path)


def shift_datum(records: List[PoiRecord], datum: str, path=None) -> List[PoiRecord]:
    """Move records read as WGS84 but really in GCJ-02/BD-09 (web-map exports saved as
    GeoJSON/shapefile keep the web map's datum while claiming EPSG:4326)."""
    import numpy as np
    import shapely

    from ..coords import normalise_datum, to_wgs84

    try:
        datum = normalise_datum(datum)
    except ValueError as exc:
        raise InputError(str(exc), file=path) from None
    if datum == "WGS84" or not records:
        return records

    def convert(coords):
        lon, lat = to_wgs84(coords[:, 0], coords[:, 1], datum)
        return np.column_stack([lon, lat])

    points = convert(np.array([(r.lon, r.lat) for r in records], dtype=float))
    for record, (lon, lat) in zip(records, points):
        record.lon, record.lat = float(lon), float(lat)
        if record.footprint is not None:
            record.footprint = shapely.transform(record.footprint, convert)
    return records


__all__ = ["PoiRecord", "read_pois", "guess_kind", "KINDS"]
