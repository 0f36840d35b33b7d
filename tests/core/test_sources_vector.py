"""OGR layers: GeoJSON with OSM tags, GBK shapefiles, missing CRS, invalid and empty layers."""
import json

import pytest
from osgeo import ogr, osr
from shapely.geometry import Point, Polygon

from lifecircle_plugin.core import coords
from lifecircle_plugin.core.errors import InputError
from lifecircle_plugin.core.sources import read_pois
from lifecircle_plugin.core.sources.ogr_layer import read_ogr_layer


def _shapefile(path, features, encoding=None, srs_epsg=4326, geom=ogr.wkbPoint,
               fields=("名称", "类型"), cpg=True):
    driver = ogr.GetDriverByName("ESRI Shapefile")
    options = [f"ENCODING={encoding}"] if encoding else []
    dataset = driver.CreateDataSource(str(path))
    srs = None
    if srs_epsg:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(srs_epsg)
    layer = dataset.CreateLayer(path.stem, srs, geom, options=options)
    for name in fields:
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for values, wkt in features:
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in zip(fields, values):
            feature.SetField(name, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    dataset = None
    if not cpg:
        path.with_suffix(".cpg").unlink(missing_ok=True)


def test_real_osm_points_geojson_keeps_tags_and_ids(changning_dir):
    path = changning_dir / "osm_pois.geojson"
    raw = json.loads(path.read_text(encoding="utf-8"))["features"]
    records = read_pois(path)
    assert len(records) == len(raw)
    first = raw[0]["properties"]
    assert records[0].source_id == f"{first['osm_type']}/{first['osm_id']}"
    assert records[0].tags == json.loads(first["tags"])
    assert records[0].lon == raw[0]["geometry"]["coordinates"][0]


def test_real_osm_polygons_become_point_plus_footprint(changning_dir):
    path = changning_dir / "osm_poi_polygons.geojson"
    raw = json.loads(path.read_text(encoding="utf-8"))["features"]
    records = read_pois(path)
    assert len(records) == len(raw)
    for record, feature in zip(records[:50], raw[:50]):
        polygon = Polygon(feature["geometry"]["coordinates"][0])
        assert record.footprint is not None
        assert abs(record.footprint.area - polygon.area) < 1e-9 + polygon.area * 1e-6
        assert polygon.buffer(1e-9).contains(Point(record.lon, record.lat))


@pytest.mark.parametrize("encoding", ["GBK", "GB18030"])
def test_gbk_shapefile_with_chinese_fields_reads_back_exactly(tmp_path, encoding):
    path = tmp_path / "设施.shp"
    values = [(("华阳路街道社区卫生服务中心", "卫生"), "POINT (121.43 31.22)"),
              (("虹桥街道党群服务中心", "党建"), "POINT (121.40 31.20)")]
    _shapefile(path, values, encoding=encoding)
    assert path.with_suffix(".cpg").exists()
    # the .dbf really holds GBK bytes, not UTF-8
    assert "华阳路".encode("gbk") in path.with_suffix(".dbf").read_bytes()
    layer = read_ogr_layer(path)
    assert layer.fields == ["名称", "类型"]
    assert [tuple(f.attributes.values()) for f in layer.features] == [v for v, _ in values]


def test_gbk_shapefile_without_cpg_needs_the_users_encoding(tmp_path):
    path = tmp_path / "pois.shp"
    _shapefile(path, [(("江苏路街道", "党建"), "POINT (121.43 31.22)")], encoding="GBK",
               cpg=False)
    records = read_pois(path, encoding="GBK", name_field="名称", category_field="类型")
    assert records[0].name == "江苏路街道" and records[0].category == "党建"


def test_layer_without_crs_refused_unless_stated(tmp_path):
    path = tmp_path / "nocrs.shp"
    x, y = coords.reproject([121.42], [31.21], "EPSG:4326", "EPSG:4549")
    _shapefile(path, [(("某菜场", "市场"), f"POINT ({x[0]} {y[0]})")], srs_epsg=None,
               encoding="UTF-8")
    with pytest.raises(InputError, match="no coordinate reference system") as info:
        read_pois(path)
    assert info.value.file == str(path) and info.value.layer == "nocrs"
    records = read_pois(path, crs="EPSG:4549")
    assert abs(records[0].lon - 121.42) < 1e-7 and abs(records[0].lat - 31.21) < 1e-7


def test_projected_layer_is_reprojected_to_wgs84(tmp_path):
    path = tmp_path / "cgcs.gpkg"
    x, y = coords.reproject([121.40], [31.20], "EPSG:4326", "EPSG:4549")
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4549)
    layer = dataset.CreateLayer("pois", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("name", "某药店")
    feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({x[0]} {y[0]})"))
    layer.CreateFeature(feature)
    dataset = None
    record = read_pois(path)[0]
    assert abs(record.lon - 121.40) < 1e-7 and abs(record.lat - 31.20) < 1e-7


def test_invalid_polygon_is_repaired(tmp_path):
    path = tmp_path / "bowtie.geojson"
    bowtie = [[121.40, 31.20], [121.41, 31.21], [121.41, 31.20], [121.40, 31.21],
              [121.40, 31.20]]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [{
        "type": "Feature", "properties": {"name": "某公园"},
        "geometry": {"type": "Polygon", "coordinates": [bowtie]}}]}), encoding="utf-8")
    assert not Polygon(bowtie).is_valid
    record = read_pois(path)[0]
    assert record.footprint.is_valid
    assert abs(record.footprint.area - 0.5 * 0.01 * 0.01) < 1e-9  # both triangles kept
    assert record.footprint.contains(Point(record.lon, record.lat))


def test_unrepairable_polygon_is_reported_with_row(tmp_path):
    path = tmp_path / "flat.geojson"
    flat = [[121.40, 31.20], [121.41, 31.20], [121.42, 31.20], [121.40, 31.20]]
    ok = [[121.40, 31.20], [121.41, 31.20], [121.41, 31.21], [121.40, 31.20]]
    features = [{"type": "Feature", "properties": {"name": n},
                 "geometry": {"type": "Polygon", "coordinates": [c]}}
                for n, c in (("ok", ok), ("flat", flat))]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    with pytest.raises(InputError, match="cannot be repaired") as info:
        read_pois(path)
    assert info.value.row == 2 and info.value.field == "geometry"
    assert info.value.file == str(path)


def test_empty_layer_gives_no_records(tmp_path):
    path = tmp_path / "empty.geojson"
    path.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    assert read_pois(path) == []


def test_missing_named_field_is_reported(changning_dir):
    with pytest.raises(InputError, match="no name field 'mingcheng'") as info:
        read_pois(changning_dir / "osm_pois.geojson", name_field="mingcheng")
    assert info.value.field == "mingcheng"


def test_broken_file_is_an_input_error(tmp_path):
    path = tmp_path / "broken.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_pois(path)
    assert info.value.file == str(path)


def test_web_map_layer_saved_as_geojson_in_gcj02(tmp_path):
    glon, glat = coords.wgs84_to_gcj02([121.40, 121.41], [31.20, 31.21])
    path = tmp_path / "amap.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "某菜场"},
         "geometry": {"type": "Point", "coordinates": [float(glon[0]), float(glat[0])]}},
        {"type": "Feature", "properties": {"name": "某公园"},
         "geometry": {"type": "Polygon", "coordinates": [[
             [float(glon[1]), float(glat[1])], [float(glon[1]) + 0.001, float(glat[1])],
             [float(glon[1]), float(glat[1]) + 0.001], [float(glon[1]), float(glat[1])]]]}}]}),
        encoding="utf-8")
    records = read_pois(path, datum="GCJ02")
    assert coords.geodesic_distance_m(records[0].lon, records[0].lat, 121.40, 31.20) < 0.5
    corner = records[1].footprint.exterior.coords[0]
    assert coords.geodesic_distance_m(corner[0], corner[1], 121.41, 31.21) < 0.5
    with pytest.raises(InputError, match="unknown coordinate datum"):
        read_pois(path, datum="Mars")
