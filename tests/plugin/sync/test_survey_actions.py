"""The survey menu entries: created with the plugin, open their dialogs and the dock,
and leave nothing behind when the plugin unloads."""
from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication, QEvent


def test_menu_entries_open_dialogs_and_dock(qgis_iface, built_project, qtbot):
    from lifecircle_plugin.gui.survey.actions import SurveySyncActions
    from lifecircle_plugin.gui.survey.conflict_dock import ConflictDock
    from lifecircle_plugin.gui.survey.import_dialog import ImportDialog

    actions = SurveySyncActions(qgis_iface, project_gpkg=lambda: str(built_project))
    actions.init_gui()
    names = sorted(a.objectName() for a in actions.actions)
    assert names == ["lifecircle_survey_conflicts", "lifecircle_survey_export",
                     "lifecircle_survey_import", "lifecircle_survey_make_package"]
    by_name = {a.objectName(): a for a in actions.actions}
    by_name["lifecircle_survey_import"].trigger()
    assert isinstance(actions.dialog, ImportDialog)
    assert actions.dialog.project.filePath() == str(built_project)
    actions.dialog.conflicts_pending.emit(str(built_project))
    assert isinstance(actions.dock, ConflictDock)
    assert actions.dock.project_gpkg == str(built_project)
    dock = actions.dock
    actions.unload()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert actions.actions == [] and actions.dock is None
    assert dock not in qgis_iface.mainWindow().findChildren(ConflictDock)
