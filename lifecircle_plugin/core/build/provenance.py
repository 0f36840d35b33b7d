"""Where a project's data came from: file hashes, declared CRS, attribution, versions.

Written to the `lc_sources` and `lc_metadata` tables so a report can say exactly which
files (by SHA-256) a result was computed from.
"""
from __future__ import annotations

import configparser
import hashlib
from datetime import datetime, timezone
from pathlib import Path

from .config import SourceSpec

OSM_ATTRIBUTION = "© OpenStreetMap contributors (ODbL)"


def source_row(spec: SourceSpec, kind: str, count: int, role: str) -> dict:
    digest = hashlib.sha256()
    with open(spec.path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    osm = kind in ("osm", "overpass") or "osm" in spec.path.name.lower()
    return {"source": spec.label, "path": str(spec.path.resolve()), "sha256": digest.hexdigest(),
            "kind": f"{role}:{kind}", "crs": source_crs(spec, kind),
            "features": count, "attribution": OSM_ATTRIBUTION if osm else ""}


def source_crs(spec: SourceSpec, kind: str) -> str:
    """What the coordinates of a source were: datum of tables, CRS of layers."""
    if kind in ("osm", "overpass"):
        return "EPSG:4326"
    if kind == "table":
        return spec.datum
    from ..sources.ogr_layer import layer_crs

    found = layer_crs(spec.path, spec.layer, spec.encoding) or spec.crs or ""
    return found if spec.datum == "WGS84" else f"{found} ({spec.datum})"


def software_version() -> str:
    for folder in Path(__file__).resolve().parents[2:4]:
        metadata = folder / "metadata.txt"
        if metadata.exists():
            parser = configparser.ConfigParser(interpolation=None)
            parser.read(metadata, encoding="utf-8")
            return parser.get("general", "version", fallback="unknown")
    return "unknown"


def now_iso() -> str:
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")
