"""Chinese web-map datums (GCJ-02, BD-09) to WGS84, and reprojection with pyproj.

POI lists exported from AMap/Tencent are in GCJ-02 and from Baidu in BD-09: both are
deliberately offset from WGS84 by up to several hundred metres. The forward formulas are
public; there is no closed-form inverse, and the usual one-step approximation leaves 1-2 m
of error. We iterate the inverse until the forward image matches to ~1e-9 degrees (well
under a centimetre). The offset is only applied inside China's rough bounding box, as the
web maps do; points outside it are returned unchanged.
"""
from __future__ import annotations

import logging
import os
import re
import warnings
from functools import lru_cache
from typing import Tuple

import numpy as np

log = logging.getLogger(__name__)


def _ensure_proj_data() -> None:
    """Point pyproj at GDAL's PROJ database when pyproj cannot find its own.

    In a virtual environment made with --system-site-packages, the apt pyproj looks for
    `<venv>/share/proj` and warns; GDAL (same PROJ build) knows the real place.
    """
    if os.environ.get("PROJ_DATA") or os.environ.get("PROJ_LIB"):
        return
    try:
        from osgeo import osr

        for path in osr.GetPROJSearchPaths() or []:
            if os.path.exists(os.path.join(path, "proj.db")):
                os.environ["PROJ_DATA"] = path
                os.environ.setdefault("PROJ_LIB", path)
                return
    except (ImportError, AttributeError, RuntimeError):
        return


_ensure_proj_data()
with warnings.catch_warnings():
    warnings.simplefilter("ignore", UserWarning)
    from pyproj import CRS, Transformer  # noqa: E402

DATUMS = ("WGS84", "GCJ02", "BD09")
_A = 6378245.0
_EE = 0.00669342162296594323
_X_PI = np.pi * 3000.0 / 180.0
_TOLERANCE_DEG = 1e-9
_MAX_ITERATIONS = 30


def normalise_datum(name: str) -> str:
    """'gcj-02', 'GCJ02', 'amap' ... -> 'GCJ02'; raises ValueError on an unknown name."""
    key = re.sub(r"[-_ :]", "", (name or "WGS84").upper())
    aliases = {"WGS84": "WGS84", "EPSG4326": "WGS84", "4326": "WGS84", "GCJ02": "GCJ02",
               "GCJ": "GCJ02", "AMAP": "GCJ02", "GAODE": "GCJ02", "TENCENT": "GCJ02",
               "BD09": "BD09", "BD09LL": "BD09", "BAIDU": "BD09"}
    if key not in aliases:
        raise ValueError(f"unknown coordinate datum '{name}' (use one of {DATUMS})")
    return aliases[key]


def in_china(lon, lat) -> np.ndarray:
    """The rough box inside which web maps apply the GCJ-02 offset."""
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    return (lon > 72.004) & (lon < 137.8347) & (lat > 0.8293) & (lat < 55.8271)


def _delta(lon: np.ndarray, lat: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """GCJ-02 offset (degrees) of a WGS84 position: the published forward formula."""
    x, y = lon - 105.0, lat - 35.0
    dlat = (-100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y
            + 0.2 * np.sqrt(np.abs(x)))
    dlat += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    dlat += (20.0 * np.sin(y * np.pi) + 40.0 * np.sin(y / 3.0 * np.pi)) * 2.0 / 3.0
    dlat += (160.0 * np.sin(y / 12.0 * np.pi) + 320 * np.sin(y * np.pi / 30.0)) * 2.0 / 3.0
    dlon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x))
    dlon += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    dlon += (20.0 * np.sin(x * np.pi) + 40.0 * np.sin(x / 3.0 * np.pi)) * 2.0 / 3.0
    dlon += (150.0 * np.sin(x / 12.0 * np.pi) + 300.0 * np.sin(x / 30.0 * np.pi)) * 2.0 / 3.0
    radlat = lat / 180.0 * np.pi
    magic = 1 - _EE * np.sin(radlat) ** 2
    sqrtmagic = np.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1 - _EE)) / (magic * sqrtmagic) * np.pi)
    dlon = (dlon * 180.0) / (_A / sqrtmagic * np.cos(radlat) * np.pi)
    return dlon, dlat


def wgs84_to_gcj02(lon, lat) -> Tuple[np.ndarray, np.ndarray]:
    lon, lat = np.array(lon, dtype=float), np.array(lat, dtype=float)
    inside = in_china(lon, lat)
    dlon, dlat = _delta(lon, lat)
    return np.where(inside, lon + dlon, lon), np.where(inside, lat + dlat, lat)


def gcj02_to_bd09(lon, lat) -> Tuple[np.ndarray, np.ndarray]:
    x, y = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    z = np.sqrt(x * x + y * y) + 0.00002 * np.sin(y * _X_PI)
    theta = np.arctan2(y, x) + 0.000003 * np.cos(x * _X_PI)
    return z * np.cos(theta) + 0.0065, z * np.sin(theta) + 0.006


def wgs84_to_bd09(lon, lat) -> Tuple[np.ndarray, np.ndarray]:
    lon, lat = np.array(lon, dtype=float), np.array(lat, dtype=float)
    inside = in_china(lon, lat)
    blon, blat = gcj02_to_bd09(*wgs84_to_gcj02(lon, lat))
    return np.where(inside, blon, lon), np.where(inside, blat, lat)


def _invert(forward, lon, lat) -> Tuple[np.ndarray, np.ndarray]:
    """Solve forward(w) = g by fixed-point iteration (the offset field is smooth)."""
    glon, glat = np.array(lon, dtype=float), np.array(lat, dtype=float)
    wlon, wlat = glon.copy(), glat.copy()
    for _ in range(_MAX_ITERATIONS):
        flon, flat = forward(wlon, wlat)
        elon, elat = flon - glon, flat - glat
        wlon, wlat = wlon - elon, wlat - elat
        if np.all(np.abs(elon) < _TOLERANCE_DEG) and np.all(np.abs(elat) < _TOLERANCE_DEG):
            break
    return wlon, wlat


def gcj02_to_wgs84(lon, lat) -> Tuple[np.ndarray, np.ndarray]:
    lon, lat = np.array(lon, dtype=float), np.array(lat, dtype=float)
    inside = in_china(lon, lat)
    wlon, wlat = _invert(wgs84_to_gcj02, lon, lat)
    return np.where(inside, wlon, lon), np.where(inside, wlat, lat)


def bd09_to_wgs84(lon, lat) -> Tuple[np.ndarray, np.ndarray]:
    lon, lat = np.array(lon, dtype=float), np.array(lat, dtype=float)
    inside = in_china(lon, lat)
    wlon, wlat = _invert(wgs84_to_bd09, lon, lat)
    return np.where(inside, wlon, lon), np.where(inside, wlat, lat)


def to_wgs84(lon, lat, datum: str) -> Tuple[np.ndarray, np.ndarray]:
    """Convert arrays of lon/lat in `datum` (WGS84, GCJ02, BD09) to WGS84."""
    datum = normalise_datum(datum)
    if datum == "GCJ02":
        return gcj02_to_wgs84(lon, lat)
    if datum == "BD09":
        return bd09_to_wgs84(lon, lat)
    return np.array(lon, dtype=float), np.array(lat, dtype=float)


@lru_cache(maxsize=32)
def transformer(source: str, target: str) -> Transformer:
    """A cached pyproj transformer in x=east, y=north order."""
    return Transformer.from_crs(CRS.from_user_input(source), CRS.from_user_input(target),
                                always_xy=True)


def reproject(x, y, source: str, target: str) -> Tuple[np.ndarray, np.ndarray]:
    tx, ty = transformer(source, target).transform(np.asarray(x, dtype=float),
                                                   np.asarray(y, dtype=float))
    return np.asarray(tx), np.asarray(ty)


def reproject_geometry(geometry, source: str, target: str):
    """Reproject a shapely geometry (vectorised over its coordinates)."""
    import shapely

    if geometry is None or source == target:
        return geometry
    t = transformer(source, target)

    def _transform(coords: np.ndarray) -> np.ndarray:
        x, y = t.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geometry, _transform)


def geod():
    """The WGS84 ellipsoid for geodesic distances and areas (pyproj.Geod)."""
    from pyproj import Geod

    return Geod(ellps="WGS84")


def geodesic_distance_m(lon1, lat1, lon2, lat2) -> np.ndarray:
    """Ellipsoidal distance on WGS84 (for accuracy tests and duplicate checks)."""
    _, _, dist = geod().inv(np.asarray(lon1, float), np.asarray(lat1, float),
                                         np.asarray(lon2, float), np.asarray(lat2, float))
    return np.asarray(dist)
