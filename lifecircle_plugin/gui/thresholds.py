"""The walking thresholds in use, editable per project (saved in the .qgz, not the catalogue).

Shows every evaluated type with the shipped threshold, the one in use and how well the
shipped value is backed (V verified … P project's own). Edits are kept in the project's
`threshold_overrides` setting and take effect at the next evaluation.
"""
from __future__ import annotations

from typing import Dict, Optional

from qgis.core import QgsProject
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import settings
from ..core.catalogue import Catalogue, load_catalogue
from ..i18n import tr


def verification_text(code: str) -> str:
    names = {
        "V": tr("verified"), "S": tr("from a standard, not verified"),
        "M": tr("local practice, not verified"), "P": tr("set by this project"),
    }
    return names.get(code, code or "–")


class ThresholdEditor(QWidget):
    """A table with one spin box per evaluated type, plus Save and Reset."""

    changed = pyqtSignal()

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.project: QgsProject = QgsProject.instance()
        self.shipped: Optional[Catalogue] = None
        self.spins: Dict[str, QDoubleSpinBox] = {}
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("lifecircle_threshold_table")
        self.table.setHorizontalHeaderLabels(
            [tr("Facility type"), tr("Catalogue (m)"), tr("In use (m)"), tr("Basis")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.save_button = QPushButton(tr("Save for this project"), self)
        self.reset_button = QPushButton(tr("Reset to catalogue"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self.reset)

    def populate(self, language: str, project: Optional[QgsProject] = None) -> None:
        self.project = project or QgsProject.instance()
        self.shipped = load_catalogue()
        overrides = settings.THRESHOLD_OVERRIDES.value(self.project)
        types = sorted(self.shipped.evaluated_types(), key=lambda t: (t.task, t.id))
        self.table.setRowCount(len(types))
        self.spins.clear()
        for row, facility in enumerate(types):
            name = QTableWidgetItem(facility.name(language))
            name.setData(Qt.ItemDataRole.UserRole, facility.id)
            self.table.setItem(row, 0, name)
            shipped = QTableWidgetItem(f"{facility.threshold_m:.0f}")
            shipped.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, shipped)
            spin = QDoubleSpinBox(self.table)
            spin.setRange(50.0, 5000.0)
            spin.setDecimals(0)
            spin.setSingleStep(50.0)
            spin.setValue(float(overrides.get(facility.id, facility.threshold_m)))
            self.table.setCellWidget(row, 2, spin)
            self.spins[facility.id] = spin
            code = "P" if facility.id in overrides else facility.verif_threshold
            self.table.setItem(row, 3, QTableWidgetItem(verification_text(code)))
        self.table.resizeColumnsToContents()

    def overrides(self) -> Dict[str, float]:
        """Thresholds that differ from the shipped catalogue."""
        if self.shipped is None:
            return {}
        return {fid: spin.value() for fid, spin in self.spins.items()
                if abs(spin.value() - self.shipped.types[fid].threshold_m) > 0.5}

    def save(self) -> None:
        settings.THRESHOLD_OVERRIDES.set_value(self.overrides(), self.project)
        self.changed.emit()

    def reset(self) -> None:
        settings.THRESHOLD_OVERRIDES.reset(self.project)
        if self.shipped is not None:
            for fid, spin in self.spins.items():
                spin.setValue(self.shipped.types[fid].threshold_m)
        self.changed.emit()
