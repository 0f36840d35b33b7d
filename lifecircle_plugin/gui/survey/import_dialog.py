""""Import survey results": a dry run first (what would be added, updated, held as a
conflict, refused, per layer), then the import itself, both in background tasks.

Import is enabled only after a dry run of exactly the listed packages, and it refuses
while a target layer has unsaved edits in QGIS. Afterwards the project's layers are
reloaded so the map shows the new audits and facilities.
"""
from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import List, Optional

from qgis.core import Qgis
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...core.errors import LifeCircleError
from ...core.survey import schema as survey_schema
from ...i18n import tr
from . import import_summary, importer_calls, messages
from .project_layers import reload_layers
from .task_runner import TaskRunner
from .widgets import ProgressRow, file_widget, message_bar, project_widget

log = logging.getLogger(__name__)


class ImportDialog(QDialog):
    imported = pyqtSignal(object)  # the core's ImportReport
    conflicts_pending = pyqtSignal(str)  # project path, when conflicts wait for review

    def __init__(self, project_gpkg: Optional[str] = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Import survey results"))
        self.setObjectName("lifecircle_import_dialog")
        self.planned: Optional[tuple] = None
        self.plan = None
        self.report = None
        self.bar = message_bar()
        self.project = project_widget(project_gpkg)
        self.project.fileChanged.connect(self._inputs_changed)
        self.packages = QListWidget()
        self.packages.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.packages.setMaximumHeight(90)
        add = QPushButton(tr("Add packages…"))
        add.clicked.connect(self._browse)
        remove = QPushButton(tr("Remove"))
        remove.clicked.connect(self._remove_selected)
        self.attachments = file_widget("", QgsFileWidget.StorageMode.GetDirectory)
        self.attachments.lineEdit().setPlaceholderText(tr("Default: beside the project"))
        headers = (tr("Layer"), tr("Adds"), tr("Updates"), tr("Conflicts"), tr("Errors"))
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName("plan_table")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.notes = QPlainTextEdit()
        self.notes.setReadOnly(True)
        self.notes.setMaximumHeight(100)
        self.notes.setPlaceholderText(tr("Notes of the dry run (schema changes, errors)"))
        self.progress = ProgressRow()
        self.runner = TaskRunner(self.bar, self.progress, self)
        self.runner.done.connect(self._inputs_changed)
        self.running_inputs: Optional[tuple] = None
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.dry_run_button = self.buttons.addButton(tr("Dry run"),
                                                     QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button = self.buttons.addButton(tr("Import"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.dry_run_button.clicked.connect(self.dry_run)
        self.import_button.clicked.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        self._layout(add, remove)
        self.resize(720, 600)
        self._inputs_changed()

    def _layout(self, add: QPushButton, remove: QPushButton) -> None:
        package_buttons = QVBoxLayout()
        package_buttons.addWidget(add)
        package_buttons.addWidget(remove)
        package_buttons.addStretch()
        package_row = QHBoxLayout()
        package_row.addWidget(self.packages)
        package_row.addLayout(package_buttons)
        form = QFormLayout()
        form.addRow(tr("Project"), self.project)
        form.addRow(tr("Packages"), package_row)
        form.addRow(tr("Photos folder"), self.attachments)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addLayout(form)
        layout.addWidget(QLabel(tr("Dry run: what the import would do, per layer")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notes)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)

    # inputs
    def package_paths(self) -> List[str]:
        return [self.packages.item(i).text() for i in range(self.packages.count())]

    def add_packages(self, paths) -> None:
        for path in paths:
            if str(path) not in self.package_paths():
                self.packages.addItem(str(path))
        self._inputs_changed()

    def _browse(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, tr("Survey packages"), "",
            tr("Survey package (*{0})").format(survey_schema.FILE_SUFFIX))
        self.add_packages(paths)

    def _remove_selected(self) -> None:
        for item in self.packages.selectedItems():
            self.packages.takeItem(self.packages.row(item))
        self._inputs_changed()

    def _inputs(self) -> tuple:
        return (self.project.filePath(), tuple(self.package_paths()))

    def _inputs_changed(self, *args) -> None:
        busy = self.runner.busy
        ready = bool(self.package_paths()) and Path(self.project.filePath()).is_file()
        self.dry_run_button.setEnabled(ready and not busy)
        self.import_button.setEnabled(
            ready and not busy and self.planned == self._inputs() and self._plan_ok())

    def _plan_ok(self) -> bool:
        return self.plan is not None

    # dry run
    def dry_run(self) -> None:
        project, packages = self._inputs()
        function = functools.partial(importer_calls.plan, project, packages)
        self._start(tr("Dry run"), function, self._planned)

    def _planned(self, plan) -> None:
        self.plan, self.planned = plan, self.running_inputs
        self.show_counts(self.plan)
        messages.push(self.bar, tr("Dry run"),
                      tr("Nothing was written. Check the counts, then press Import."),
                      Qgis.MessageLevel.Info, 10)
        self._inputs_changed()

    def show_counts(self, result) -> None:
        table = import_summary.rows(result)
        every = table + [import_summary.totals(table)]
        self.table.setRowCount(len(every))
        for r, row in enumerate(every):
            values = [row.layer or tr("Total"), row.adds, row.updates, row.conflicts, row.errors]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(str(value)))
        self.notes.setPlainText("\n".join(import_summary.notes(result)))

    # import
    def run_import(self) -> None:
        project, packages = self._inputs()
        try:
            importer_calls.check_no_unsaved_edits(project)
        except LifeCircleError as exc:
            messages.show_error(self.bar, tr("Import refused"), exc)
            return
        function = functools.partial(importer_calls.plan_then_apply, project, packages,
                                     self.attachments.filePath() or None)
        self.runner.done.connect(self._reload_after_import)
        self._start(tr("Import survey results"), function, self._imported)

    def _reload_after_import(self, ok: bool) -> None:
        """Reload whatever the outcome: a refused import changed nothing, but cheap."""
        self.runner.done.disconnect(self._reload_after_import)
        reload_layers(self.running_inputs[0])

    def _imported(self, report) -> None:
        self.report = report
        self.planned = None
        self.show_counts(self.report)
        total = import_summary.totals(import_summary.rows(self.report))
        messages.push(self.bar, tr("Import survey results"),
                      tr("Imported: {0} added, {1} updated, {2} conflicts held for review, "
                         "{3} errors.").format(total.adds, total.updates, total.conflicts,
                                               total.errors),
                      Qgis.MessageLevel.Success)
        self.imported.emit(self.report)
        if total.conflicts:
            self.conflicts_pending.emit(self.running_inputs[0])
        self._inputs_changed()

    # tasks
    def _start(self, title: str, function, on_success) -> None:
        self.running_inputs = self._inputs()
        self.runner.start(title, function, on_success)
        self._inputs_changed()
