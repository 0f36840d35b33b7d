""""Make survey package": choose the sub-district, task, facilities and inspector, then the
core writes the package file in a background task.

The facilities can be limited to those selected on the map in the project's facilities
layer (their uuids are passed, never fids, because the package keys everything by uuid).
"""
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
    QLineEdit,
    QVBoxLayout,
)

from ...core import project_schema as ps
from ...core.survey import schema as survey_schema
from ...i18n import tr
from . import messages
from .project_choices import subdistrict_names, task_labels
from .project_layers import project_layers
from .task_runner import TaskRunner
from .widgets import ProgressRow, file_widget, message_bar, project_widget

log = logging.getLogger(__name__)


def make_package(*args, **kwargs):
    """The core entry point, imported late so the dialog opens even while it is missing."""
    from ...core.survey.package import make_package as core_make_package
    return core_make_package(*args, **kwargs)


class MakePackageDialog(QDialog):
    def __init__(self, project_gpkg: Optional[str] = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Make survey package"))
        self.setObjectName("lifecircle_make_package_dialog")
        self.bar = message_bar()
        self._watched = set()
        self.project = project_widget(project_gpkg)
        self.project.fileChanged.connect(self._project_changed)
        self.subdistrict = QComboBox()
        self.task_combo = QComboBox()
        self.task_combo.addItem(tr("All tasks"), None)
        for number, label in task_labels():
            self.task_combo.addItem(label, number)
        self.selected_only = QCheckBox()
        self.inspector = QLineEdit()
        self.inspector.setPlaceholderText(tr("Name of the inspector"))
        self.output = file_widget(tr("Survey package (*{0})").format(survey_schema.FILE_SUFFIX),
                                  QgsFileWidget.StorageMode.SaveFile)
        self.progress = ProgressRow()
        self.runner = TaskRunner(self.bar, self.progress, self)
        self.runner.done.connect(lambda ok: self.make_button.setEnabled(True))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.make_button = self.buttons.addButton(tr("Make package"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.make_button.clicked.connect(self.make)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("Project"), self.project)
        form.addRow(tr("Sub-district"), self.subdistrict)
        form.addRow(tr("Task"), self.task_combo)
        form.addRow("", self.selected_only)
        form.addRow(tr("Inspector"), self.inspector)
        form.addRow(tr("Package file"), self.output)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self._project_changed(self.project.filePath())

    def _project_changed(self, path: str) -> None:
        self.subdistrict.clear()
        self.subdistrict.addItem(tr("All sub-districts"), None)
        try:
            names = subdistrict_names(path)
        except Exception as exc:  # noqa: BLE001 - shown, not raised, while the user types
            messages.show_error(self.bar, tr("Project"), exc)
            names = []
        for name in names:
            self.subdistrict.addItem(name, name)
        for layer in project_layers(path, [ps.FACILITIES]) if path else []:
            if layer.id() not in self._watched:
                self._watched.add(layer.id())
                layer.selectionChanged.connect(self._selection_changed)
        self._selection_changed()

    def _selection_changed(self, *args) -> None:
        """Keep the count in step with the map while the dialog is open."""
        count = len(self.selected_uuids())
        self.selected_only.setText(
            tr("Only the facilities selected on the map ({0} selected)").format(count))
        self.selected_only.setEnabled(count > 0)
        self.selected_only.setChecked(count > 0)

    def selected_uuids(self) -> List[str]:
        """uuids of the facilities selected in the project's facilities layer."""
        path = self.project.filePath()
        layers = project_layers(path, [ps.FACILITIES]) if path else []
        uuids = []
        for layer in layers:  # the plugin may show one layer per facility type
            if layer.fields().indexOf("uuid") >= 0:
                uuids.extend(f["uuid"] for f in layer.selectedFeatures() if f["uuid"])
        return list(dict.fromkeys(uuids))

    def make(self) -> None:
        project, output = self.project.filePath(), self.output.filePath()
        inspector = self.inspector.text().strip()
        problem = (tr("Choose the project GeoPackage.") if not Path(project).is_file() else
                   tr("Choose where to save the package.") if not output else
                   tr("Enter the inspector's name.") if not inspector else None)
        if problem:
            messages.push(self.bar, tr("Make survey package"), problem,
                          Qgis.MessageLevel.Warning)
            return
        if not output.endswith(survey_schema.FILE_SUFFIX):
            output += survey_schema.FILE_SUFFIX
        uuids = self.selected_uuids() if self.selected_only.isChecked() else None
        function = functools.partial(
            make_package, project, output, subdistrict=self.subdistrict.currentData(),
            task=self.task_combo.currentData(), facility_uuids=uuids, inspector=inspector)
        self.make_button.setEnabled(False)
        self.runner.start(tr("Make survey package"), function,
                          lambda result: self._written(output))

    def _written(self, output: str) -> None:
        messages.push(self.bar, tr("Make survey package"),
                      tr("Package written: {0}").format(output), Qgis.MessageLevel.Success)
