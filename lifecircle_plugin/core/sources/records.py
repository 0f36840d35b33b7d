"""The one shape every POI reader returns, whatever the file looked like.

Readers differ (OSM, Overpass, web-map CSV, shapefiles); classification, duplicate merging
and the project writer only ever see `PoiRecord`: WGS84 position, optional footprint,
OSM-style tags, the source's own category and the row it came from (for messages).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, Optional

from shapely.geometry.base import BaseGeometry

# OSM keys that make a feature a candidate facility; other tagged nodes (crossings,
# traffic signals, trees) are not POIs and would only flood the unclassified list.
POI_KEYS = (
    "amenity", "shop", "leisure", "healthcare", "office", "craft", "tourism", "emergency",
    "public_transport", "social_facility", "club", "sport", "baby_feeding",
)


@dataclass
class PoiRecord:
    source: str
    source_id: str
    name: Optional[str]
    lon: float
    lat: float
    address: Optional[str] = None
    category: Optional[str] = None
    tags: Dict[str, str] = field(default_factory=dict)
    footprint: Optional[BaseGeometry] = None  # WGS84 polygon when the source had one
    row: Optional[int] = None
    attributes: Dict[str, Any] = field(default_factory=dict)


def is_poi_candidate(tags: Dict[str, str]) -> bool:
    if any(key in tags for key in POI_KEYS):
        return True
    return tags.get("highway") == "bus_stop" or tags.get("railway") in (
        "station", "subway_entrance", "halt", "tram_stop")


def clean_text(value: Any) -> Optional[str]:
    """Strip and drop empty strings (and embedded line breaks some exports carry)."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
