"""Evaluation as a QgsTask from the dock: it completes, and Cancel stops it cleanly."""
from __future__ import annotations

import sqlite3

import pytest
from qgis.core import QgsProject, QgsTask
from qgis.PyQt.QtCore import Qt

from lifecircle_plugin import layers
from lifecircle_plugin.core import project_schema as schema
from lifecircle_plugin.gui.controller import Controller
from lifecircle_plugin.gui.dock import LifeCircleDock
from lifecircle_plugin.tasks.jobs import evaluate_task, evaluation_options


def tables(gpkg):
    with sqlite3.connect(str(gpkg)) as db:
        return {name for (name,) in db.execute("SELECT table_name FROM gpkg_contents")}


def scalar(gpkg, sql):
    with sqlite3.connect(str(gpkg)) as db:
        return db.execute(sql).fetchone()[0]


@pytest.fixture()
def controller(qgis_iface, qgis_new_project, qtbot, project_copy):
    dock = LifeCircleDock()
    qtbot.addWidget(dock)
    dock.show()
    qtbot.waitExposed(dock)
    controller = Controller(qgis_iface, dock, QgsProject.instance())
    assert controller.open_project(project_copy)
    assert schema.ORIGIN_RESULTS not in tables(project_copy)
    yield controller
    QgsProject.instance().clear()


def result_layers():
    return [layer for layer in QgsProject.instance().mapLayers().values()
            if layer.customProperty(layers.ROLE) == schema.ORIGIN_RESULTS]


def test_evaluate_button_runs_a_task_and_loads_the_results(controller, qtbot, project_copy):
    dock = controller.dock
    assert dock.evaluate_button.isEnabled() and not dock.cancel_button.isEnabled()
    with qtbot.waitSignal(controller.task_ended, timeout=120000) as ended:
        qtbot.mouseClick(dock.evaluate_button, Qt.MouseButton.LeftButton)
        assert dock.cancel_button.isEnabled()
    assert ended.args == ["succeeded"]
    assert controller.evaluation is not None
    origins = scalar(project_copy, "SELECT COUNT(*) FROM origins")
    assert scalar(project_copy, "SELECT COUNT(*) FROM origin_results") == origins
    assert len(result_layers()) == 1
    subdistricts = scalar(project_copy, "SELECT COUNT(*) FROM subdistricts")
    assert dock.coverage.subdistrict.count() == subdistricts + 1  # plus 全区 (district)
    assert not dock.cancel_button.isEnabled()


def test_cancel_stops_the_evaluation_and_writes_nothing(controller, qtbot, project_copy):
    dock = controller.dock
    seen = []

    def cancel_once(percent):
        # runs in the worker thread (direct connection), at the engine's first progress
        # report, so the cancel always lands mid-run however fast the machine is
        if percent > 0 and not seen:
            seen.append(percent)
            controller.cancel()  # what the dock's Cancel button calls

    assert dock.cancel_button.receivers(dock.cancel_button.clicked) > 0
    task = evaluate_task(project_copy, evaluation_options(), cache=controller.network_cache)
    task.progressChanged.connect(cancel_once, Qt.ConnectionType.DirectConnection)
    with qtbot.waitSignal(controller.task_ended, timeout=120000) as ended:
        controller.start(task, "Evaluating")
        assert dock.cancel_button.isEnabled()
    assert ended.args == ["cancelled"]
    assert seen and seen[0] < 90  # cancelled mid-run, before the writing step
    assert task.status() == QgsTask.TaskStatus.Terminated
    assert controller.evaluation is None
    assert schema.ORIGIN_RESULTS not in tables(project_copy)
    assert schema.SUBDISTRICT_RESULTS not in tables(project_copy)
    assert not result_layers()
    assert dock.evaluate_button.isEnabled()
