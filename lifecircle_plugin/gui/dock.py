"""The 生活圈 dock: the project at a glance, the twelve tasks, coverage and thresholds.

The dock only shows and asks; the controller (gui/controller.py) runs builds and
evaluations and calls `show_project` / `show_results` when they are done.

Signals:
    new_project_requested, open_project_requested, evaluate_requested,
    cancel_requested, load_results_requested: the buttons.
    site_tool_toggled(bool): the site-evaluation map tool button.
    scenario_changed(str): "existing" or "planned" chosen.
    algorithm_requested(str): a processing algorithm id to open with this project.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Optional

from qgis.core import QgsProject
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.catalogue import Catalogue
from ..i18n import tr
from ..results import ProjectResults, method_text
from .coverage import CoveragePanel, SummaryTable
from .task_tree import TaskTree
from .thresholds import ThresholdEditor


class LifeCircleDock(QDockWidget):
    """The dock widget (object name `lifecircle_dock`)."""

    new_project_requested = pyqtSignal()
    open_project_requested = pyqtSignal()
    evaluate_requested = pyqtSignal()
    cancel_requested = pyqtSignal()
    load_results_requested = pyqtSignal()
    site_tool_toggled = pyqtSignal(bool)
    scenario_changed = pyqtSignal(str)
    algorithm_requested = pyqtSignal(str)

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(tr("Life circle 生活圈"), parent)
        self.setObjectName("lifecircle_dock")
        self.gpkg: Optional[Path] = None
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.addWidget(self._header(body))
        layout.addLayout(self._buttons(body))
        self.progress = QProgressBar(body)
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        layout.addLayout(self._scenario_row(body))
        self.tabs = QTabWidget(body)
        self.tree = TaskTree(self.tabs)
        self.coverage = CoveragePanel(self.tabs)
        self.summary = SummaryTable(self.tabs)
        self.thresholds = ThresholdEditor(self.tabs)
        self.tabs.addTab(self.tree, tr("Tasks"))
        self.tabs.addTab(self.coverage, tr("Sub-district"))
        self.tabs.addTab(self.summary, tr("Sub-districts × tasks"))
        self.tabs.addTab(self.thresholds, tr("Thresholds"))
        layout.addWidget(self.tabs, 1)
        self.attribution = QLabel(body)
        self.attribution.setObjectName("lifecircle_attribution")
        self.attribution.setWordWrap(True)
        self.attribution.setStyleSheet("color: #616161; font-size: 8pt;")
        layout.addWidget(self.attribution)
        self.setWidget(body)
        self.set_busy(False)

    def _header(self, parent: QWidget) -> QLabel:
        self.title = QLabel(tr("No project open. Create one or open a project GeoPackage."),
                            parent)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return self.title

    def _scenario_row(self, parent: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        self.scenario = QComboBox(parent)
        self.scenario.setObjectName("lifecircle_scenario")
        self.scenario.addItem(tr("Existing facilities"), "existing")
        self.scenario.addItem(tr("With planned facilities"), "planned")
        self.scenario.currentIndexChanged.connect(
            lambda _i: self.scenario_changed.emit(self.scenario.currentData()))
        row.addWidget(QLabel(tr("Scenario"), parent))
        row.addWidget(self.scenario, 1)
        return row

    def set_scenario(self, scenario: str) -> None:
        self.scenario.blockSignals(True)
        self.scenario.setCurrentIndex(max(0, self.scenario.findData(scenario)))
        self.scenario.blockSignals(False)

    def _buttons(self, parent: QWidget) -> QGridLayout:
        grid = QGridLayout()
        self.new_button = QPushButton(tr("New project…"), parent)
        self.open_button = QPushButton(tr("Open project…"), parent)
        self.evaluate_button = QPushButton(tr("Evaluate"), parent)
        self.cancel_button = QPushButton(tr("Cancel"), parent)
        self.site_button = QPushButton(tr("Site evaluation"), parent)
        self.site_button.setCheckable(True)
        self.site_button.setToolTip(tr("Click on the map: residents a new facility there "
                                       "would bring within reach, per facility type"))
        self.new_button.clicked.connect(self.new_project_requested)
        self.open_button.clicked.connect(self.open_project_requested)
        self.evaluate_button.clicked.connect(self.evaluate_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.site_button.toggled.connect(self.site_tool_toggled)
        self.score_button = QPushButton(tr("Score candidate sites…"), parent)
        self.best_button = QPushButton(tr("Best sites…"), parent)
        self.score_button.clicked.connect(lambda: self.algorithm_requested.emit("scoresites"))
        self.best_button.clicked.connect(lambda: self.algorithm_requested.emit("bestsites"))
        grid.addWidget(self.new_button, 0, 0)
        grid.addWidget(self.open_button, 0, 1)
        grid.addWidget(self.evaluate_button, 1, 0)
        grid.addWidget(self.site_button, 1, 1)
        grid.addWidget(self.score_button, 2, 0)
        grid.addWidget(self.best_button, 2, 1)
        grid.addWidget(self.cancel_button, 3, 0, 1, 2)
        return grid

    def set_busy(self, busy: bool, text: str = "") -> None:
        """While a task runs: progress visible, Cancel enabled, starting another disabled."""
        has_project = self.gpkg is not None
        self.progress.setVisible(busy)
        self.progress.setValue(0)
        self.progress.setFormat(f"{text} %p%" if text else "%p%")
        self.cancel_button.setEnabled(busy)
        self.new_button.setEnabled(not busy)
        self.open_button.setEnabled(not busy)
        for button in (self.evaluate_button, self.site_button, self.score_button,
                       self.best_button):
            button.setEnabled(not busy and has_project)

    def set_progress(self, percent: float) -> None:
        self.progress.setValue(int(percent))

    def show_project(self, gpkg: Path, catalogue: Catalogue, counts: Counter, language: str,
                     attribution: str, project: Optional[QgsProject] = None) -> None:
        self.gpkg = Path(gpkg)
        total = sum(counts.values())
        self.title.setText(tr("Project: {0}\n{1} facilities of {2} types").format(
            self.gpkg.name, total, sum(1 for c in counts.values() if c)))
        self.title.setToolTip(str(self.gpkg))
        self.attribution.setText(tr("Data: {0}").format(attribution))
        self.tree.populate(catalogue, counts, language, project)
        self.thresholds.populate(language, project)
        self.set_busy(False)

    def show_results(self, results: Optional[ProjectResults], catalogue: Catalogue,
                     language: str) -> None:
        self.coverage.set_results(results, catalogue, language)
        self.summary.set_results(results, catalogue)
        if results is not None and results.method:
            self.title.setText(self.title.text().split("\n" + tr("Distances:"))[0] + "\n"
                               + tr("Distances:") + " " + method_text(results.method))
