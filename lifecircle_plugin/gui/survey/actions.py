"""The survey and export menu entries: one object the plugin creates in initGui and
unloads in unload, so wiring the whole survey side takes two lines in plugin.py.

The project GeoPackage comes from the QGIS project's Life Circle setting when the plugin
has one; every dialog also lets the planner pick the file.
"""
from __future__ import annotations

import logging
from typing import Callable, List, Optional

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QAction

from ...i18n import tr
from .conflict_dock import ConflictDock

log = logging.getLogger(__name__)
MENU = "&Life Circle 生活圈"


def default_project_gpkg() -> str:
    """The project's GeoPackage from the plugin's project setting, if there is one."""
    try:
        from ...settings import PROJECT_GPKG
    except ImportError:
        return ""
    return str(PROJECT_GPKG.value() or "")


class SurveySyncActions:
    def __init__(self, iface, menu: str = MENU,
                 project_gpkg: Callable[[], str] = default_project_gpkg) -> None:
        self.iface = iface
        self.menu = menu
        self.project_gpkg = project_gpkg
        self.actions: List[QAction] = []
        self.dock: Optional[ConflictDock] = None
        self.dialog = None

    def init_gui(self) -> None:
        parent = self.iface.mainWindow()
        for name, text, slot in (
                ("make_package", tr("Make survey package…"), self.show_make_package),
                ("import", tr("Import survey results…"), self.show_import),
                ("conflicts", tr("Review survey conflicts"), self.show_conflicts),
                ("export", tr("Export layers for official maps…"), self.show_export)):
            action = QAction(text, parent)
            action.setObjectName(f"lifecircle_survey_{name}")
            action.triggered.connect(slot)
            self.iface.addPluginToMenu(self.menu, action)
            self.actions.append(action)

    def unload(self) -> None:
        for action in self.actions:
            self.iface.removePluginMenu(self.menu, action)
            action.deleteLater()
        self.actions = []
        if self.dock is not None:
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def _show(self, dialog) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.show()

    def show_make_package(self) -> None:
        from .package_dialog import MakePackageDialog
        self._show(MakePackageDialog(self.project_gpkg(), self.iface.mainWindow()))

    def show_import(self) -> None:
        from .import_dialog import ImportDialog
        dialog = ImportDialog(self.project_gpkg(), self.iface.mainWindow())
        dialog.conflicts_pending.connect(self.show_conflicts)
        self._show(dialog)

    def show_export(self) -> None:
        from .export_dialog import ExportDialog
        self._show(ExportDialog(self.project_gpkg(), self.iface.mainWindow()))

    def show_conflicts(self, project_gpkg: Optional[str] = None) -> ConflictDock:
        path = project_gpkg if isinstance(project_gpkg, str) and project_gpkg \
            else self.project_gpkg()
        if self.dock is None:
            self.dock = ConflictDock(self.iface, path, self.iface.mainWindow())
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        else:
            self.dock.set_project(path)
        self.dock.show()
        self.dock.raise_()
        return self.dock
