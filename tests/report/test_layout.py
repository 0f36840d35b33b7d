"""The official map in real QGIS: one PDF page per requested sub-district, each zoomed to it.

Page counts and page text come from poppler (pdfinfo, pdftotext), bounding boxes from the
real sub-district file reprojected with pyproj here, not from the code under test.
"""
from __future__ import annotations

import json
import re
import subprocess

import pytest
from pyproj import Transformer
from shapely.geometry import shape
from shapely.ops import transform

from lifecircle_plugin.core.errors import InputError

REQUESTED = ("虹桥街道", "新泾镇", "江苏路街道")


def _pages(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))


def _page_text(pdf, page: int) -> str:
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def _bboxes(changning_dir):
    to_cgcs = Transformer.from_crs("EPSG:4326", "EPSG:4549", always_xy=True).transform
    data = json.loads((changning_dir / "subdistricts.geojson").read_text(encoding="utf-8"))
    return {f["properties"]["name_zh"]: (transform(to_cgcs, shape(f["geometry"])).bounds,
                                         f["properties"]["name_en"])
            for f in data["features"]}


@pytest.fixture(scope="module")
def exported(qgis_app, results_project, tmp_path_factory):
    from qgis.core import QgsProject

    from lifecircle_plugin.report.official_map import export_official_maps

    out = tmp_path_factory.mktemp("maps")
    project = QgsProject()
    maps = export_official_maps(results_project, out / "maps.pdf", names=list(REQUESTED),
                                png_dir=out / "png", dpi=96, project=project, district=True)
    yield maps, project, out
    project.clear()


def test_pdf_has_one_page_per_requested_subdistrict(exported):
    maps, _, _ = exported
    assert _pages(maps.pdf) == len(REQUESTED)
    assert sorted(maps.pages) == sorted(REQUESTED)
    assert _pages(maps.district_pdf) == 1


def test_each_page_map_extent_covers_its_subdistrict(exported, changning_dir):
    from lifecircle_plugin.report.layout import map_item

    maps, _, _ = exported
    boxes = _bboxes(changning_dir)
    layout = maps.layouts[0]
    item = map_item(layout)
    atlas = layout.atlas()
    assert atlas.beginRender()
    seen = []
    try:
        for index in range(atlas.count()):
            atlas.seekTo(index)
            name = layout.reportContext().feature()["name"]
            seen.append(name)
            (minx, miny, maxx, maxy), _ = boxes[name]
            extent = item.extent()
            assert extent.xMinimum() <= minx and extent.yMinimum() <= miny, name
            assert extent.xMaximum() >= maxx and extent.yMaximum() >= maxy, name
            # zoomed to the sub-district, not the whole district
            assert extent.width() < 3 * (maxx - minx) + 3 * (maxy - miny), name
    finally:
        atlas.endRender()
    assert sorted(seen) == sorted(REQUESTED)


def test_every_page_names_crs_method_sources_and_osm(exported, changning_dir):
    maps, _, _ = exported
    boxes = _bboxes(changning_dir)
    english = {boxes[name][1] for name in REQUESTED}
    found = set()
    for page in range(1, len(REQUESTED) + 1):
        text = " ".join(_page_text(maps.pdf, page).split())
        assert "OpenStreetMap contributors (ODbL)" in text
        assert "CGCS" in text and "Gauss-Kruger" in text
        assert "straight-line distance" in text and "detour factor" in text
        assert "Data sources" in text and "Map date" in text
        assert "Legend" in text
        found |= {name for name in english if name in text}
    assert found == english


def test_png_pages_at_the_chosen_dpi(exported):
    from qgis.PyQt.QtGui import QImage

    maps, _, _ = exported
    assert sorted(maps.pngs) == sorted(REQUESTED)
    for path in list(maps.pngs.values()) + [maps.district_png]:
        image = QImage(str(path))
        assert abs(image.width() - round(297 / 25.4 * 96)) <= 1
        assert abs(image.height() - round(210 / 25.4 * 96)) <= 1


def test_layouts_belong_to_the_project(exported):
    maps, project, _ = exported
    names = {layout.name() for layout in project.layoutManager().printLayouts()}
    assert {layout.name() for layout in maps.layouts} <= names


def test_unknown_subdistrict_is_an_input_error(qgis_app, results_project, tmp_path):
    from lifecircle_plugin.report.official_map import export_official_maps

    with pytest.raises(InputError, match="不存在街道"):
        export_official_maps(results_project, tmp_path / "x.pdf", names=["不存在街道"])
    assert not (tmp_path / "x.pdf").exists()


def _items(layout, kind):
    return [i for i in layout.items() if isinstance(i, kind)]


def test_scale_bar_steps_are_round_and_north_arrow_is_off_the_map(exported):
    from qgis.core import QgsLayoutItemPicture, QgsLayoutItemScaleBar

    from lifecircle_plugin.report.layout import map_item

    maps, _, _ = exported
    layout = maps.layouts[0]
    item = map_item(layout)
    bar = _items(layout, QgsLayoutItemScaleBar)[0]
    arrow = _items(layout, QgsLayoutItemPicture)[0]
    assert not arrow.sceneBoundingRect().intersects(item.sceneBoundingRect())
    round_steps = [m * 10.0 ** e for e in range(-2, 3) for m in (1, 2, 2.5, 5)]
    atlas = layout.atlas()
    assert atlas.beginRender()
    try:
        for index in range(atlas.count()):
            atlas.seekTo(index)
            step = bar.unitsPerSegment()
            assert any(abs(step - s) < 1e-9 for s in round_steps), step
            mm_per_km = 1e6 / item.scale()
            width = step * bar.numberOfSegments() * mm_per_km
            assert 10 <= width <= bar.maximumBarWidth() + 1e-6, (step, width)
            bigger = min(s for s in round_steps if s > step + 1e-9)
            assert bigger * bar.numberOfSegments() * mm_per_km > bar.maximumBarWidth()
    finally:
        atlas.endRender()


def test_layer_names_are_clean_and_the_legend_has_two_lines(exported):
    from qgis.core import QgsLayoutItemLegend

    maps, project, _ = exported
    for layer in project.mapLayers().values():
        assert "|" not in layer.name(), layer.name()
    legend = _items(maps.layouts[0], QgsLayoutItemLegend)[0]
    titles = [node.customProperty("legend/title-label")
              for node in legend.model().rootGroup().findLayers()]
    assert "街镇边界|Sub-district boundary" in titles
    assert all(len(title.split("|")) == 2 for title in titles)
