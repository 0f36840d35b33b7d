"""The plugin's own entry points: dock, provider and new-project flow, loaded and unloaded."""
from __future__ import annotations

import json

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QDockWidget

import lifecircle_plugin
from lifecircle_plugin import layers
from lifecircle_plugin.core import project_schema as schema


def test_dock_and_provider_come_and_go(qgis_iface):
    registry = QgsApplication.processingRegistry()
    had_provider = registry.providerById("lifecircle") is not None
    plugin = lifecircle_plugin.classFactory(qgis_iface)
    plugin.initGui()
    if not had_provider:
        assert registry.providerById("lifecircle") is plugin.provider
    plugin.toggle_dock(True)
    main_window = qgis_iface.mainWindow()
    assert [d for d in main_window.findChildren(QDockWidget)
            if d.objectName() == "lifecircle_dock"]
    plugin.unload()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not [d for d in main_window.findChildren(QDockWidget)
                if d.objectName() == "lifecircle_dock"]
    if not had_provider:
        assert registry.providerById("lifecircle") is None


def test_new_project_dialog_builds_in_a_task_and_loads_layers(
        qgis_iface, qgis_new_project, qtbot, changning_dir, tmp_path):
    from lifecircle_plugin.gui.controller import Controller
    from lifecircle_plugin.gui.dock import LifeCircleDock
    from lifecircle_plugin.gui.new_project import NewProjectDialog

    dialog = NewProjectDialog()
    qtbot.addWidget(dialog)
    out = tmp_path / "new.gpkg"
    assert "sub-districts" in dialog.summary.text()  # says what is still missing
    dialog.subdistricts.setFilePath(str(changning_dir / "subdistricts.geojson"))
    dialog.output.setFilePath(str(out))
    dialog.add_poi(str(changning_dir / "osm_pois.geojson"))
    dialog.add_poi(str(changning_dir / "community_points_gcj02.csv"))
    assert dialog.pois.cellWidget(1, 1).currentData() == "gcj02"  # guessed from the name
    assert "new.gpkg" in dialog.summary.text()
    dock = LifeCircleDock()
    qtbot.addWidget(dock)
    controller = Controller(qgis_iface, dock, QgsProject.instance())
    with qtbot.waitSignal(controller.project_opened, timeout=120000):
        controller.build(dialog.build_config(), dialog.output_path())
    names = json.loads((changning_dir / "subdistricts.geojson").read_text("utf-8"))
    sub_layer = [lyr for lyr in QgsProject.instance().mapLayers().values()
                 if lyr.customProperty(layers.ROLE) == schema.SUBDISTRICTS][0]
    assert sub_layer.featureCount() == len(names["features"])
    assert sum(int(i.text(1)) for i in dock.tree.task_items.values()) > 500
    QgsProject.instance().clear()


def test_a_broken_project_is_a_message_not_a_traceback(qgis_iface, qgis_new_project, qtbot,
                                                       tmp_path, caplog):
    from qgis.core import Qgis

    from lifecircle_plugin.gui.controller import Controller
    from lifecircle_plugin.gui.dock import LifeCircleDock

    broken = tmp_path / "broken.gpkg"
    broken.write_bytes(b"this is not a GeoPackage")
    dock = LifeCircleDock()
    qtbot.addWidget(dock)
    controller = Controller(qgis_iface, dock, QgsProject.instance())
    bar = qgis_iface.messageBar()
    bar.clear_messages()
    assert not controller.open_project(broken)
    warnings = bar.get_messages(Qgis.MessageLevel.Warning)
    assert len(warnings) == 1 and "broken.gpkg" in warnings[0]
    assert not bar.get_messages(Qgis.MessageLevel.Critical)
    assert "Traceback" not in caplog.text
    assert controller.gpkg is None and not dock.evaluate_button.isEnabled()


def test_site_button_sets_and_unsets_the_map_tool(qgis_iface, qgis_new_project, qtbot,
                                                  evaluated_project):
    plugin = lifecircle_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        dock = plugin.ensure_dock()  # docked in the (hidden) test main window
        assert not dock.site_button.isEnabled()  # no project yet
        assert plugin.controller.open_project(evaluated_project)
        canvas = qgis_iface.mapCanvas()
        dock.site_button.click()
        assert canvas.mapTool() is plugin.site_tool
        dock.site_button.click()
        assert canvas.mapTool() is not plugin.site_tool
    finally:
        plugin.unload()
        QgsProject.instance().clear()


def test_unloading_during_an_evaluation_is_clean(qgis_iface, qgis_new_project, qtbot,
                                                 project_copy):
    import sqlite3

    plugin = lifecircle_plugin.classFactory(qgis_iface)
    plugin.initGui()
    plugin.ensure_dock()
    assert plugin.controller.open_project(project_copy)
    assert plugin.controller.evaluate() is not None
    plugin.unload()  # cancels the task and cuts its ties to the deleted dock
    manager = QgsApplication.taskManager()
    qtbot.waitUntil(lambda: manager.countActiveTasks() == 0, timeout=120000)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    with sqlite3.connect(str(project_copy)) as db:
        written = {n for (n,) in db.execute("SELECT table_name FROM gpkg_contents")}
    assert "origin_results" not in written and "subdistrict_results" not in written
    QgsProject.instance().clear()
