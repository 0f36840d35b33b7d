"""Choosing the project's projected CRS from where the data is.

Inside China: CGCS2000 3-degree Gauss-Kruger with the zone's central meridian
(EPSG:4534 = 75E ... EPSG:4554 = 135E; Shanghai falls in EPSG:4549, CM 120E), the
system of Chinese official maps. Elsewhere: the UTM zone of the data's centre.
"""
from __future__ import annotations

from typing import Tuple

from ..coords import in_china


def choose_crs(lonlat: Tuple[float, float]) -> str:
    lon, lat = lonlat
    if bool(in_china(lon, lat)):
        meridian = int(round(lon / 3.0)) * 3
        meridian = min(max(meridian, 75), 135)
        return f"EPSG:{4534 + (meridian - 75) // 3}"
    zone = int((lon + 180) // 6) + 1
    return f"EPSG:{32600 + zone if lat >= 0 else 32700 + zone}"
