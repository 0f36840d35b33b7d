"""The plugin object QGIS holds: creates and removes every action, dock and provider."""
from __future__ import annotations

import logging

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from . import log as lc_log
from .core.paths import resource
from .dependencies import install_command, missing_dependencies
from .i18n import install_translator, tr

logger = logging.getLogger(__name__)
MENU = "&Life Circle 生活圈"


class LifeCirclePlugin:
    def __init__(self, iface):
        self.iface = iface
        self.actions = []
        self.translator = None
        self.provider = None
        self.dock = None
        self.survey = None
        self.controller = None
        self.site_tool = None
        self.options_factory = None
        self._install_translator()

    def _install_translator(self) -> None:
        locale = str(QgsSettings().value("locale/userLocale", "zh_CN") or "zh_CN")[:5]
        self.translator = install_translator(locale)

    def initProcessing(self) -> None:  # noqa: N802 (QGIS's name)
        """Register the provider; QGIS calls this also when running headless (qgis_process)."""
        registry = QgsApplication.processingRegistry()
        if self.provider is not None or missing_dependencies():
            return
        if registry.providerById("lifecircle") is not None:
            # another copy is registered (a reloaded plugin, a test harness): it is not ours
            # to replace or, on unload, to remove
            return
        from .processing.provider import LifeCircleProvider

        provider = LifeCircleProvider()
        if registry.addProvider(provider):
            self.provider = provider

    def initGui(self) -> None:  # noqa: N802 (QGIS's name)
        lc_log.install()
        self.initProcessing()
        icon = QIcon(str(resource("icons", "lifecircle.svg")))
        action = QAction(icon, tr("Life circle panel"), self.iface.mainWindow())
        action.setObjectName("lifecircle_show_dock")
        action.setCheckable(True)
        action.triggered.connect(self.toggle_dock)
        self.iface.addPluginToMenu(MENU, action)
        self.iface.addToolBarIcon(action)
        self.actions.append(action)
        new_action = QAction(tr("New life circle project…"), self.iface.mainWindow())
        new_action.setObjectName("lifecircle_new_project")
        new_action.triggered.connect(self.new_project)
        self.iface.addPluginToMenu(MENU, new_action)
        self.actions.append(new_action)
        if not missing_dependencies():
            from .gui.options_page import LifeCircleOptionsFactory

            self.options_factory = LifeCircleOptionsFactory()
            self.iface.registerOptionsWidgetFactory(self.options_factory)
        from .gui.survey.actions import SurveySyncActions
        self.survey = SurveySyncActions(self.iface, MENU)
        self.survey.init_gui()

    def _check_dependencies(self) -> bool:
        missing = missing_dependencies()
        if missing:
            names = [pip for _, pip in missing]
            self.iface.messageBar().pushWarning(
                tr("Life Circle"),
                tr("Missing Python packages: {0}. Install them with: {1}").format(
                    ", ".join(names), install_command(names)),
            )
            return False
        return True

    def ensure_dock(self):
        """Create the dock, its controller and the site tool on first use."""
        if self.dock is not None:
            return self.dock
        if not self._check_dependencies():
            return None
        from .gui.controller import Controller
        from .gui.dock import LifeCircleDock
        from .gui.site_tool import SiteTool

        self.dock = LifeCircleDock(self.iface.mainWindow())
        self.controller = Controller(self.iface, self.dock)
        self.site_tool = SiteTool(self.iface.mapCanvas(), self.controller)
        self.dock.new_project_requested.connect(self.new_project)
        self.dock.site_tool_toggled.connect(self._toggle_site_tool)
        self.site_tool.deactivated.connect(lambda: self.dock.site_button.setChecked(False))
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.visibilityChanged.connect(self.actions[0].setChecked)
        return self.dock

    def toggle_dock(self, checked: bool = True) -> None:
        dock = self.ensure_dock()
        if dock is not None:
            dock.setVisible(checked)
            if checked:
                dock.raise_()

    def new_project(self) -> None:
        if self.ensure_dock() is None:
            return
        from .gui.new_project import NewProjectDialog

        dialog = NewProjectDialog(self.iface.mainWindow(), self._extent_wgs84())
        if dialog.exec():
            self.dock.show()
            bbox = dialog.build_inputs().overpass_bbox
            self.controller.guarded(lambda: self.controller.build(
                dialog.build_config(), dialog.output_path(), bbox))

    def _extent_wgs84(self):
        """The map extent as (west, south, east, north) in WGS84, for an Overpass download."""
        from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

        canvas = self.iface.mapCanvas()
        extent = canvas.extent()
        if extent.isEmpty():
            return None
        transform = QgsCoordinateTransform(canvas.mapSettings().destinationCrs(),
                                           QgsCoordinateReferenceSystem("EPSG:4326"),
                                           QgsProject.instance())
        box = transform.transformBoundingBox(extent)
        return (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())

    def _toggle_site_tool(self, on: bool) -> None:
        canvas = self.iface.mapCanvas()
        if on:
            canvas.setMapTool(self.site_tool)
        elif canvas.mapTool() is self.site_tool:
            canvas.unsetMapTool(self.site_tool)

    def unload(self) -> None:
        if self.survey is not None:
            self.survey.unload()
            self.survey = None
        if self.site_tool is not None:
            if self.iface.mapCanvas().mapTool() is self.site_tool:
                self.iface.mapCanvas().unsetMapTool(self.site_tool)
            self.site_tool.close_results()
            self.site_tool = None
        if self.controller is not None:
            self.controller.shutdown()
            self.controller = None
        if self.dock is not None:
            self.iface.removeDockWidget(self.dock)
            self.dock.setParent(None)
            self.dock.deleteLater()
            self.dock = None
        for action in self.actions:
            self.iface.removePluginMenu(MENU, action)
            self.iface.removeToolBarIcon(action)
            action.deleteLater()
        self.actions = []
        if self.options_factory is not None:
            self.iface.unregisterOptionsWidgetFactory(self.options_factory)
            self.options_factory = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
        lc_log.uninstall()
