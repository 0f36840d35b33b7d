"""The site evaluation map tool gives the engine's numbers for the clicked point."""
from __future__ import annotations

import json

import pytest
from pyproj import Transformer
from qgis.core import Qgis, QgsCoordinateReferenceSystem, QgsPointXY, QgsProject, QgsRectangle
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QEvent, QPoint, Qt
from shapely.geometry import shape

from lifecircle_plugin.gui.controller import Controller
from lifecircle_plugin.gui.dock import LifeCircleDock
from lifecircle_plugin.gui.site_tool import SiteTool


@pytest.fixture()
def site_tool(qgis_iface, qgis_new_project, qtbot, evaluated_project):
    from lifecircle_plugin.core.evaluate import EvaluationOptions, evaluate_project

    dock = LifeCircleDock()
    qtbot.addWidget(dock)
    controller = Controller(qgis_iface, dock, QgsProject.instance())
    assert controller.open_project(evaluated_project)
    controller.evaluation = evaluate_project(str(evaluated_project), EvaluationOptions(),
                                             write=False)
    canvas = qgis_iface.mapCanvas()
    canvas.resize(600, 600)
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    tool = SiteTool(canvas, controller)
    yield tool
    tool.close_results()
    QgsProject.instance().clear()


def centroid_wgs84(changning_dir, name):
    data = json.loads((changning_dir / "subdistricts.geojson").read_text("utf-8"))
    feature = next(f for f in data["features"] if f["properties"]["name_zh"] == name)
    point = shape(feature["geometry"]).representative_point()
    return point.x, point.y


def test_clicked_point_scores_equal_the_engine(site_tool, changning_dir):
    from lifecircle_plugin.core.siting import SiteScorer

    lon, lat = centroid_wgs84(changning_dir, "天山路街道")
    canvas = site_tool.canvas()
    canvas.setExtent(QgsRectangle(lon - 0.01, lat - 0.01, lon + 0.01, lat + 0.01))
    canvas.refresh()
    pixel = canvas.getCoordinateTransform().transform(QgsPointXY(lon, lat))
    event = QgsMapMouseEvent(canvas, QEvent.Type.MouseButtonRelease,
                             QPoint(round(pixel.x()), round(pixel.y())),
                             Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton)
    site_tool.canvasReleaseEvent(event)
    clicked = event.mapPoint()
    assert abs(clicked.x() - lon) < 1e-3 and abs(clicked.y() - lat) < 1e-3
    x, y = Transformer.from_crs("EPSG:4326", "EPSG:4549", always_xy=True).transform(
        clicked.x(), clicked.y())
    expected = SiteScorer(site_tool.controller.evaluation).score_point(x, y)
    scores = site_tool.last_scores
    assert set(scores) == set(expected)
    for type_id, residents in expected.items():
        assert scores[type_id] == pytest.approx(residents, rel=1e-6, abs=1e-3)
    assert any(v > 0 for v in scores.values())
    table = site_tool.dialog.table
    assert table.rowCount() == len(expected)
    best = max(expected.values())
    assert table.item(0, 2).text() == f"{best:,.0f}"


def test_without_an_evaluation_the_tool_says_so_in_the_message_bar(site_tool, qgis_iface):
    site_tool.controller.evaluation = None
    bar = qgis_iface.messageBar()
    bar.clear_messages()
    site_tool.controller.guarded(lambda: site_tool.score_map_point(QgsPointXY(121.4, 31.2)))
    assert site_tool.last_scores == {}
    warnings = bar.get_messages(Qgis.MessageLevel.Warning)
    assert len(warnings) == 1 and "Evaluate" in warnings[0]
