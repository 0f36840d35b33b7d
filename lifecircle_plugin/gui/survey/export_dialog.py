""""Export for official maps": audited facilities, audits and evaluation results in the
format and coordinate system the receiving office asks for, written by core.export in a
background task."""
from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import List, Optional

from qgis.core import Qgis
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...i18n import tr
from . import export_choices, messages
from .task_runner import TaskRunner
from .widgets import ProgressRow, file_widget, message_bar, project_widget

log = logging.getLogger(__name__)


class ExportDialog(QDialog):
    def __init__(self, project_gpkg: Optional[str] = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Export layers"))
        self.setObjectName("lifecircle_export_dialog")
        self.files: List[str] = []
        self.report = None
        self.bar = message_bar()
        self.project = project_widget(project_gpkg)
        self.layer_boxes = {}
        boxes = QWidget()
        box_layout = QVBoxLayout(boxes)
        box_layout.setContentsMargins(0, 0, 0, 0)
        for key, label in export_choices.layer_choices():
            box = QCheckBox(label)
            box.setChecked(True)
            self.layer_boxes[key] = box
            box_layout.addWidget(box)
        self.format = QComboBox()
        for key, label in export_choices.format_choices():
            self.format.addItem(label, key)
        self.crs = QComboBox()
        for key, label in export_choices.crs_choices():
            self.crs.addItem(label, key)
        self.folder = file_widget("", QgsFileWidget.StorageMode.GetDirectory)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.progress = ProgressRow()
        self.runner = TaskRunner(self.bar, self.progress, self)
        self.runner.done.connect(lambda ok: self.export_button.setEnabled(True))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(tr("Export"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("Project"), self.project)
        form.addRow(tr("Layers"), boxes)
        form.addRow(tr("Format"), self.format)
        form.addRow(tr("Coordinate system"), self.crs)
        form.addRow(tr("Output folder"), self.folder)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addLayout(form)
        layout.addWidget(self.details)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)

    def chosen_layers(self) -> List[str]:
        return [key for key, box in self.layer_boxes.items() if box.isChecked()]

    def export(self) -> None:
        project, folder, layers = self.project.filePath(), self.folder.filePath(), \
            self.chosen_layers()
        problem = (tr("Choose the project GeoPackage.") if not Path(project).is_file() else
                   tr("Choose at least one layer.") if not layers else
                   tr("Choose the output folder.") if not folder else None)
        if problem:
            messages.push(self.bar, tr("Export layers"), problem, Qgis.MessageLevel.Warning)
            return
        Path(folder).mkdir(parents=True, exist_ok=True)
        function = functools.partial(export_choices.export, project, layers,
                                     self.format.currentData(), self.crs.currentData(), folder)
        self.export_button.setEnabled(False)
        self.runner.start(tr("Export layers"), function, self._written)

    def _written(self, report) -> None:
        self.report = report
        self.files = sorted({str(item.path) for item in report.layers})
        self.details.setPlainText("\n".join(export_choices.summary(report)))
        messages.push(self.bar, tr("Export layers"),
                      tr("{0} layer(s) written to {1}").format(len(report.layers),
                                                               self.folder.filePath()),
                      Qgis.MessageLevel.Success)
