"""The 生活圈 dock on a real evaluated Changning project: layers, ticks, coverage, thresholds.

Expected values are read from the project GeoPackage with sqlite3, not through the
plugin's own readers.
"""
from __future__ import annotations

import sqlite3

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QPoint, Qt
from qgis.PyQt.QtWidgets import QStyle, QStyleOptionViewItem

from lifecircle_plugin import layers, settings
from lifecircle_plugin.core import project_schema as schema
from lifecircle_plugin.gui.controller import Controller
from lifecircle_plugin.gui.dock import LifeCircleDock


def query(gpkg, sql, *args):
    with sqlite3.connect(str(gpkg)) as db:
        return db.execute(sql, args).fetchall()


@pytest.fixture()
def opened(qgis_iface, qgis_new_project, qtbot, evaluated_project):
    dock = LifeCircleDock()
    qtbot.addWidget(dock)
    dock.resize(420, 800)
    dock.show()
    qtbot.waitExposed(dock)
    controller = Controller(qgis_iface, dock, QgsProject.instance())
    assert controller.open_project(evaluated_project)
    yield controller, dock
    QgsProject.instance().clear()


def count(layer) -> int:
    return sum(1 for _ in layer.getFeatures())


def click_check(qtbot, tree, item):
    """Click the item's check box the way a user does."""
    tree.setCurrentItem(item)
    option = QStyleOptionViewItem()
    option.initFrom(tree)
    option.rect = tree.visualItemRect(item)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    rect = tree.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, tree)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center()))


def test_layers_per_task_and_type_match_the_project(opened, evaluated_project):
    controller, dock = opened
    project = QgsProject.instance()
    groups = [g for g in project.layerTreeRoot().findGroups(True)
              if g.customProperty(layers.ROLE) == "task"]
    assert [g.name().split()[0] for g in groups] == [
        "任务一", "任务二", "任务三", "任务四", "任务五", "任务六", "任务七", "任务八", "任务九",
        "任务十", "任务十一", "任务十二"]
    expected = dict(query(evaluated_project,
                          "SELECT facility_type, COUNT(*) FROM facilities GROUP BY 1"))
    loaded = {layer.customProperty(layers.TYPE): count(layer)
              for layer in project.mapLayers().values()
              if layer.customProperty(layers.ROLE) == schema.FACILITIES}
    assert loaded == expected
    top = [g for g in project.layerTreeRoot().findGroups()
           if g.customProperty(layers.ROLE) == "project"][0]
    assert top.children()[0].layer().customProperty(layers.ROLE) == schema.SUBDISTRICTS
    assert "OpenStreetMap" in top.children()[0].layer().metadata().rights()[0]
    assert "OpenStreetMap" in dock.attribution.text()
    tree_counts = {fid: int(item.text(1)) for fid, item in dock.tree.items.items()}
    assert {k: v for k, v in tree_counts.items() if v} == expected


def test_result_layers(opened, evaluated_project):
    project = QgsProject.instance()
    by_role = {}
    for layer in project.mapLayers().values():
        by_role.setdefault(layer.customProperty(layers.ROLE), []).append(layer)
    origins = query(evaluated_project,
                    "SELECT COUNT(*) FROM origin_results WHERE scenario='existing'")[0][0]
    assert count(by_role[schema.ORIGIN_RESULTS][0]) == origins
    gaps = dict(query(evaluated_project, "SELECT facility_type, COUNT(*) FROM gaps "
                                         "WHERE scenario='existing' GROUP BY 1"))
    assert {g.customProperty(layers.TYPE): count(g)
            for g in by_role[schema.GAPS]} == gaps
    assert by_role[schema.ORIGIN_RESULTS][0].renderer().type() == "graduatedSymbol"


def test_ticking_a_task_and_a_type_switches_layers(opened, qtbot):
    _controller, dock = opened
    project = QgsProject.instance()
    task_item = dock.tree.task_items[3]
    group = layers.task_group(project, 3)
    assert group.itemVisibilityChecked()
    assert task_item.checkState(0) == Qt.CheckState.Checked
    click_check(qtbot, dock.tree, task_item)
    assert task_item.checkState(0) == Qt.CheckState.Unchecked
    assert not group.itemVisibilityChecked()
    assert not any(n.isVisible() for n in group.findLayers())
    dock.tree.expandItem(task_item)
    supermarket = dock.tree.items["supermarket"]
    click_check(qtbot, dock.tree, supermarket)
    assert supermarket.checkState(0) == Qt.CheckState.Checked
    assert task_item.checkState(0) == Qt.CheckState.PartiallyChecked
    nodes = layers.facility_nodes(project, "supermarket")
    assert nodes and all(n.isVisible() for n in nodes)
    others = [n for n in group.findLayers() if n not in nodes]
    assert others and not any(n.isVisible() for n in others)


def test_choosing_a_subdistrict_shows_its_coverage(opened, qtbot, evaluated_project):
    _controller, dock = opened
    name = "江苏路街道"
    combo = dock.coverage.subdistrict
    combo.setCurrentIndex(combo.findText(name))
    expected = query(evaluated_project,
                     "SELECT facility_type, share, meets_target, no_data FROM "
                     "subdistrict_results WHERE scenario='existing' AND subdistrict=? "
                     "ORDER BY task, facility_type", name)
    table = dock.coverage.table
    assert table.rowCount() == len(expected)
    shown = [table.item(row, 2).text() for row in range(table.rowCount())]
    assert shown == ["–" if no_data else f"{100 * share:.1f}%"
                     for _, share, _, no_data in expected]
    verdicts = [table.item(row, 6).text() for row in range(table.rowCount())]
    assert verdicts == ["–" if no_data else ("✔" if met else "✘")
                        for _, _, met, no_data in expected]
    assert any(no_data for *_, no_data in expected) and any(met for *_, met, _ in expected)
    assert name in dock.coverage.verdict.text()
    summary_rows = query(evaluated_project, "SELECT COUNT(DISTINCT subdistrict) FROM "
                                            "task_results WHERE scenario='existing'")[0][0]
    assert dock.summary.rowCount() == summary_rows


def test_thresholds_are_saved_with_the_project(opened, qtbot, tmp_path):
    _controller, dock = opened
    spin = dock.thresholds.spins["kindergarten"]
    spin.setValue(spin.value() + 100)
    qtbot.mouseClick(dock.thresholds.save_button, Qt.MouseButton.LeftButton)
    saved = settings.THRESHOLD_OVERRIDES.value()
    assert saved == {"kindergarten": spin.value()}
    assert settings.project_catalogue().types["kindergarten"].threshold_m == spin.value()
    path = tmp_path / "planner.qgz"
    assert QgsProject.instance().write(str(path))
    QgsProject.instance().clear()
    assert settings.THRESHOLD_OVERRIDES.value() == {}
    assert QgsProject.instance().read(str(path))
    assert settings.THRESHOLD_OVERRIDES.value() == {"kindergarten": spin.value()}


def test_switching_scenario_shows_that_scenarios_results(opened, evaluated_project):
    _controller, dock = opened
    planned = query(evaluated_project,
                    "SELECT COUNT(*) FROM subdistrict_results WHERE scenario='planned'")[0][0]
    dock.scenario.setCurrentIndex(dock.scenario.findData("planned"))
    assert settings.SCENARIO.value() == "planned"
    rows = sum(len(v) for v in dock.coverage.results.coverage.values())
    assert rows == planned
    dock.scenario.setCurrentIndex(dock.scenario.findData("existing"))
    assert dock.coverage.subdistrict.count() == query(
        evaluated_project, "SELECT COUNT(DISTINCT subdistrict) FROM subdistrict_results "
                           "WHERE scenario='existing'")[0][0]


def test_reopening_the_qgis_project_brings_the_dock_back(opened, qtbot, qgis_iface, tmp_path,
                                                         evaluated_project):
    path = tmp_path / "planner.qgz"
    project = QgsProject.instance()
    assert project.write(str(path))
    layer_count = len(project.mapLayers())
    project.clear()
    dock = LifeCircleDock()
    qtbot.addWidget(dock)
    controller = Controller(qgis_iface, dock, project)
    assert controller.gpkg is None
    assert project.read(str(path))
    assert controller.gpkg == evaluated_project
    assert len(project.mapLayers()) == layer_count  # layers come from the .qgz, once
    expected = query(evaluated_project, "SELECT COUNT(DISTINCT subdistrict) FROM "
                                        "subdistrict_results WHERE scenario='existing'")[0][0]
    assert dock.coverage.subdistrict.count() == expected
    assert dock.evaluate_button.isEnabled()
