"""The plugin object QGIS holds: creates and removes every action, dock and provider."""
from __future__ import annotations

import logging
from pathlib import Path

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from . import log as lc_log
from .core.paths import resource
from .dependencies import install_command, missing_dependencies
from .i18n import tr

logger = logging.getLogger(__name__)
MENU = "&Life Circle 生活圈"


class LifeCirclePlugin:
    def __init__(self, iface):
        self.iface = iface
        self.actions = []
        self.translator = None
        self._install_translator()

    def _install_translator(self) -> None:
        locale = str(QgsSettings().value("locale/userLocale", "zh_CN") or "zh_CN")[:5]
        qm = Path(resource("i18n", f"lifecircle_{locale}.qm")) if locale else None
        if qm is not None and qm.exists():
            self.translator = QTranslator()
            if self.translator.load(str(qm)):
                QCoreApplication.installTranslator(self.translator)

    def initGui(self) -> None:  # noqa: N802 (QGIS's name)
        lc_log.install()
        icon = QIcon(str(resource("icons", "lifecircle.svg")))
        action = QAction(icon, tr("Life circle panel"), self.iface.mainWindow())
        action.setObjectName("lifecircle_show_dock")
        action.triggered.connect(self._check_dependencies)
        self.iface.addPluginToMenu(MENU, action)
        self.iface.addToolBarIcon(action)
        self.actions.append(action)

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

    def unload(self) -> None:
        for action in self.actions:
            self.iface.removePluginMenu(MENU, action)
            self.iface.removeToolBarIcon(action)
            action.deleteLater()
        self.actions = []
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
        lc_log.uninstall()
