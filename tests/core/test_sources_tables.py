"""CSV/XLSX POI tables: real GCJ-02 community points, and the usual spreadsheet quirks."""
import csv

import numpy as np
import pytest

from lifecircle_plugin.core import coords
from lifecircle_plugin.core.errors import InputError
from lifecircle_plugin.core.sources import read_pois
from lifecircle_plugin.core.sources.table import parse_number, read_table_pois


def test_real_community_points_are_converted_from_gcj02(changning_dir):
    path = changning_dir / "community_points_gcj02.csv"
    with open(path, encoding="utf-8-sig", newline="") as handle:
        raw = [r for r in csv.DictReader(handle) if r["lng"].strip()]
    records = read_pois(path, datum="GCJ02")
    assert len(records) == len(raw)
    assert [r.name for r in records[:3]] == [" ".join(r["name"].split()) for r in raw[:3]]
    assert [r.category for r in records] == [r["type"] for r in raw]
    # converting back to GCJ-02 gives the published numbers to the millimetre
    glon, glat = coords.wgs84_to_gcj02([r.lon for r in records], [r.lat for r in records])
    assert np.allclose(glon, [float(r["lng"]) for r in raw], atol=1e-8)
    assert np.allclose(glat, [float(r["lat"]) for r in raw], atol=1e-8)
    shift = coords.geodesic_distance_m(glon, glat, [r.lon for r in records],
                                       [r.lat for r in records])
    assert shift.min() > 300  # really moved off the web-map datum


def test_neighbourhood_committees_without_coordinates_are_skipped(changning_dir):
    path = changning_dir / "neighbourhood_committees_gcj02.csv"
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with_xy = [r for r in rows if r["lon_gcj02"].strip()]
    records = read_pois(path, datum="GCJ02")
    assert len(records) == len(with_xy)
    assert {r.source_id for r in records} == {r["juweihui_code"] for r in with_xy}


def test_bom_fullwidth_digits_chinese_commas_and_swapped_columns(tmp_path):
    path = tmp_path / "pois.csv"
    text = ("名称，经度，纬度\n"
            "甲便利店，１２１．４２０，３１．２１０\n"  # full-width digits, Chinese commas
            "乙药店，31.215，121.425\n")  # latitude and longitude swapped
    path.write_text("\ufeff" + text, encoding="utf-8")
    records = read_table_pois(path, datum="WGS84")
    assert [r.name for r in records] == ["甲便利店", "乙药店"]
    assert (records[0].lon, records[0].lat) == (121.42, 31.21)
    assert (records[1].lon, records[1].lat) == (121.425, 31.215)


def test_gbk_csv_is_decoded(tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes("name,lng,lat\n虹桥社区卫生服务中心,121.40,31.20\n".encode("gbk"))
    records = read_table_pois(path, datum="WGS84")
    assert records[0].name == "虹桥社区卫生服务中心"


def test_bad_coordinate_names_file_row_and_field(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text('name,lng,lat\n"A\nB",121.4,31.2\n,,\nB,abc,31.2\n', encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_table_pois(path)
    # spreadsheet rows: a two-line quoted name is one row, a blank row still counts
    assert info.value.file == str(path) and info.value.row == 4 and info.value.field == "lng"


def test_out_of_range_coordinates_are_named(tmp_path):
    path = tmp_path / "range.csv"
    path.write_text("name,lng,lat\nA,500,31.2\n", encoding="utf-8")
    with pytest.raises(InputError, match="outside the valid range") as info:
        read_table_pois(path)
    assert info.value.row == 2


def test_missing_coordinate_columns_named(tmp_path):
    path = tmp_path / "nocols.csv"
    path.write_text("name,where\nA,here\n", encoding="utf-8")
    with pytest.raises(InputError, match="longitude/latitude") as info:
        read_table_pois(path)
    assert info.value.file == str(path)
    with pytest.raises(InputError, match="no longitude field 'x1'"):
        read_table_pois(path, lon_field="x1", lat_field="where")


def test_xlsx_with_named_columns_and_bd09(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["设施", "X坐标", "Y坐标", "类型"])
    blon, blat = coords.wgs84_to_bd09(121.41, 31.22)
    sheet.append(["某幼儿园", float(blon), float(blat), "school"])
    path = tmp_path / "pois.xlsx"
    book.save(path)
    records = read_pois(path, datum="BD09", lon_field="X坐标", lat_field="Y坐标",
                        name_field="设施")
    assert records[0].name == "某幼儿园" and records[0].category == "school"
    assert coords.geodesic_distance_m(records[0].lon, records[0].lat, 121.41, 31.22) < 0.5


def test_parse_number_variants():
    assert parse_number("１２１．５") == 121.5
    assert parse_number(" 31,25 ") == 31.25
    assert parse_number("") is None
    with pytest.raises(ValueError):
        parse_number("东经121度")
