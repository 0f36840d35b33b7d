"""The plugin's page in QGIS's Settings → Options dialog (user preferences only).

Per-project settings (thresholds, scenario) live in the dock and the project file; this
page holds what follows the planner across projects.
"""
from __future__ import annotations

from typing import Optional

from qgis.gui import QgsOptionsPageWidget, QgsOptionsWidgetFactory, QgsScaleWidget
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QCheckBox, QFormLayout, QLineEdit, QWidget

from .. import settings
from ..core.paths import resource
from ..i18n import tr


class LifeCircleOptionsPage(QgsOptionsPageWidget):
    """Edits the QgsSettings preferences declared in settings.py; saved on OK (apply)."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("lifecircle_options")
        form = QFormLayout(self)
        self.crs = QLineEdit(settings.PROJECT_CRS.value(), self)
        self.crs.setPlaceholderText(tr("chosen for the area (EPSG:4549 for Shanghai)"))
        self.service_areas = QCheckBox(tr("Build and load service-area polygons"), self)
        self.service_areas.setChecked(settings.LOAD_SERVICE_AREAS.value())
        self.label_scale = QgsScaleWidget(self)
        self.label_scale.setScale(settings.LABEL_MAX_SCALE.value())
        self.overpass = QLineEdit(settings.OVERPASS_URL.value(), self)
        self.overpass.setPlaceholderText("https://overpass-api.de/api/interpreter")
        form.addRow(tr("CRS of new projects"), self.crs)
        form.addRow(tr("Overpass API server"), self.overpass)
        form.addRow("", self.service_areas)
        form.addRow(tr("Facility labels from scale 1:"), self.label_scale)

    def apply(self) -> None:
        settings.PROJECT_CRS.set_value(self.crs.text().strip())
        settings.OVERPASS_URL.set_value(self.overpass.text().strip())
        settings.LOAD_SERVICE_AREAS.set_value(self.service_areas.isChecked())
        settings.LABEL_MAX_SCALE.set_value(float(self.label_scale.scale()))


class LifeCircleOptionsFactory(QgsOptionsWidgetFactory):
    """Registers the page with QGIS (plugin.initGui) and builds it on demand."""

    def __init__(self) -> None:
        super().__init__(tr("Life Circle"), QIcon(str(resource("icons", "lifecircle.svg"))))

    def icon(self) -> QIcon:
        return QIcon(str(resource("icons", "lifecircle.svg")))

    def createWidget(self, parent: Optional[QWidget] = None) -> LifeCircleOptionsPage:  # noqa: N802
        return LifeCircleOptionsPage(parent)
