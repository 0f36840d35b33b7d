"""GCJ-02/BD-09 conversions: round trips over Shanghai, known offsets, outside China."""
import numpy as np

from lifecircle_plugin.core import coords


def _metres(lon1, lat1, lon2, lat2):
    """Ellipsoidal distance (pyproj Geod), independent of the datum formulas under test."""
    return np.abs(coords.geodesic_distance_m(lon1, lat1, lon2, lat2))


def _shanghai_grid():
    lon, lat = np.meshgrid(np.linspace(120.85, 122.2, 80), np.linspace(30.67, 31.88, 80))
    return lon.ravel(), lat.ravel()


def test_gcj02_round_trip_under_half_a_metre_over_shanghai():
    lon, lat = _shanghai_grid()
    glon, glat = coords.wgs84_to_gcj02(lon, lat)
    offset = _metres(lon, lat, glon, glat)
    assert offset.min() > 100  # the datum really is shifted here (several hundred metres)
    wlon, wlat = coords.gcj02_to_wgs84(glon, glat)
    assert _metres(lon, lat, wlon, wlat).max() < 0.5


def test_bd09_round_trip_under_half_a_metre_over_shanghai():
    lon, lat = _shanghai_grid()
    wlon, wlat = coords.bd09_to_wgs84(*coords.wgs84_to_bd09(lon, lat))
    assert _metres(lon, lat, wlon, wlat).max() < 0.5


def test_iterated_inverse_beats_the_one_step_approximation():
    lon, lat = _shanghai_grid()
    glon, glat = coords.wgs84_to_gcj02(lon, lat)
    # one-step inverse: subtract the offset evaluated at the GCJ point
    olon, olat = coords.wgs84_to_gcj02(glon, glat)
    one_step = _metres(lon, lat, glon - (olon - glon), glat - (olat - glat))
    iterated = _metres(lon, lat, *coords.gcj02_to_wgs84(glon, glat))
    assert one_step.max() > 0.5 > iterated.max()


def test_points_outside_china_unchanged():
    lon = np.array([24.9384, -0.1276, 151.2093, 139.0])
    lat = np.array([60.1699, 51.5072, -33.8688, 60.0])
    for convert in (coords.gcj02_to_wgs84, coords.bd09_to_wgs84, coords.wgs84_to_gcj02):
        out_lon, out_lat = convert(lon, lat)
        assert np.array_equal(out_lon, lon) and np.array_equal(out_lat, lat)


def test_known_gcj02_offset_in_changning_is_hundreds_of_metres():
    # Zhongshan Park area: the GCJ-02 shift in Shanghai is about 0.0045 deg E
    lon, lat = coords.gcj02_to_wgs84(121.4185, 31.2235)
    assert 0.003 < 121.4185 - float(lon) < 0.006
    assert 0.001 < float(lat) - 31.2235 < 0.003  # and about 0.002 deg S


def test_datum_names_are_normalised():
    assert coords.normalise_datum("gcj-02") == "GCJ02"
    assert coords.normalise_datum("Baidu") == "BD09"
    assert coords.normalise_datum("EPSG:4326") == "WGS84"


def test_reproject_to_cgcs2000_gauss_kruger():
    x, y = coords.reproject([121.4], [31.2], "EPSG:4326", "EPSG:4549")
    # CM 120E, false easting 500 km: 1.4 deg east of the meridian at 31.2N is ~133 km
    assert 630_000 < float(x[0]) < 636_000
    assert 3_450_000 < float(y[0]) < 3_457_000
