"""What the dock's buttons do: open, build and evaluate projects, in background tasks.

This is the GUI's error boundary: a user's mistake (core InputError) becomes a warning in
QGIS's message bar; anything else is logged with its traceback (log panel, "Life Circle")
and the message bar says where to look. Long work runs in a QgsTask, never on the GUI
thread.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable, Optional

from qgis.core import Qgis, QgsApplication, QgsProject
from qgis.PyQt.QtCore import QObject, pyqtSignal
from qgis.PyQt.QtWidgets import QFileDialog

from .. import layers, settings
from ..core.errors import InputError
from ..i18n import tr
from ..results import has_results, load_results
from ..tasks.core_task import CoreTask
from ..tasks.jobs import NetworkCache, build_task, evaluate_task, evaluation_options
from .dock import LifeCircleDock

logger = logging.getLogger(__name__)
TITLE = "Life Circle"


class Controller(QObject):
    """Owns the current project, the running task and the last evaluation.

    Signals:
        project_opened(str): a project GeoPackage was loaded onto the map.
        evaluation_loaded(object): an Evaluation finished and its layers are on the map.
        task_ended(str): "succeeded", "failed" or "cancelled".
    """

    project_opened = pyqtSignal(str)
    evaluation_loaded = pyqtSignal(object)
    task_ended = pyqtSignal(str)

    def __init__(self, iface, dock: LifeCircleDock, project: Optional[QgsProject] = None):
        super().__init__(dock)
        self.iface = iface
        self.dock = dock
        self.project = project or QgsProject.instance()
        self.gpkg: Optional[Path] = None
        self.catalogue = None
        self.evaluation = None
        self.task: Optional[CoreTask] = None
        self.network_cache = NetworkCache()
        dock.open_project_requested.connect(self.choose_project)
        dock.evaluate_requested.connect(self.evaluate)
        dock.cancel_requested.connect(self.cancel)
        dock.load_results_requested.connect(self.show_results)
        dock.thresholds.changed.connect(self._thresholds_changed)
        dock.scenario_changed.connect(self.set_scenario)
        dock.algorithm_requested.connect(self.open_algorithm)
        self.project.readProject.connect(self._project_read)
        dock.destroyed.connect(self._disconnect_project)
        self._project_read()

    def _disconnect_project(self, *_args) -> None:
        try:
            self.project.readProject.disconnect(self._project_read)
        except TypeError:
            pass

    def _project_read(self, *_args) -> None:
        """A saved QGIS project that holds a Life Circle project: show it in the dock.

        Its layers come from the .qgz (with the planner's own styling); nothing is reloaded.
        """
        gpkg = settings.PROJECT_GPKG.value(self.project)
        if gpkg and Path(gpkg).exists() and Path(gpkg) != self.gpkg:
            self.guarded(lambda: self._attach(Path(gpkg)))

    def _attach(self, gpkg: Path) -> None:
        self.catalogue = settings.project_catalogue(self.project)
        self.gpkg = gpkg
        self.evaluation = None
        language = layers.ui_language()
        self.dock.show_project(gpkg, self.catalogue, layers.facility_counts(gpkg), language,
                               layers.attribution(gpkg), self.project)
        scenario = settings.SCENARIO.value(self.project)
        self.dock.set_scenario(scenario)
        results = load_results(gpkg, scenario) if has_results(gpkg) else None
        self.dock.show_results(results, self.catalogue, language)

    # error boundary -----------------------------------------------------------------
    def warn(self, message: str) -> None:
        self.iface.messageBar().pushMessage(TITLE, message, Qgis.MessageLevel.Warning, 8)

    def guarded(self, action: Callable[[], None]) -> bool:
        """Run a GUI action; InputError -> message bar, other errors -> log + message."""
        try:
            action()
        except InputError as exc:
            self.warn(exc.describe())
            return False
        except Exception:  # noqa: BLE001 - the GUI boundary
            logger.exception("unexpected error")
            self.iface.messageBar().pushMessage(
                TITLE, tr("Unexpected error; details are in the log panel (Life Circle)."),
                Qgis.MessageLevel.Critical, 10)
            return False
        return True

    # project ------------------------------------------------------------------------
    def choose_project(self) -> None:
        start = settings.LAST_OUTPUT_DIR.value()
        path, _ = QFileDialog.getOpenFileName(
            self.dock, tr("Open a Life Circle project"), start, tr("GeoPackage (*.gpkg)"))
        if path:
            settings.LAST_OUTPUT_DIR.set_value(str(Path(path).parent))
            self.open_project(Path(path))

    def open_project(self, gpkg: Path) -> bool:
        return self.guarded(lambda: self._open(Path(gpkg)))

    def _open(self, gpkg: Path) -> None:
        self.catalogue = settings.project_catalogue(self.project)
        try:
            layers.load_project_layers(gpkg, self.catalogue, self.project)
        except Exception:
            layers.remove_groups(self.project, "project")  # no half-loaded project
            raise
        self.gpkg = gpkg
        self.evaluation = None
        language = layers.ui_language()
        self.dock.show_project(gpkg, self.catalogue, layers.facility_counts(gpkg), language,
                               layers.attribution(gpkg), self.project)
        self.dock.set_scenario(settings.SCENARIO.value(self.project))
        if has_results(gpkg):
            self._show_results()
        else:
            self.dock.show_results(None, self.catalogue, language)
        self.project_opened.emit(str(gpkg))

    def show_results(self) -> bool:
        return self.guarded(self._show_results)

    def _show_results(self) -> None:
        if self.gpkg is None:
            raise InputError(tr("Open or build a project first."))
        scenario = settings.SCENARIO.value(self.project)
        layers.load_result_layers(self.gpkg, self.catalogue, scenario, self.project)
        self.dock.show_results(load_results(self.gpkg, scenario), self.catalogue,
                               layers.ui_language())

    def set_scenario(self, scenario: str) -> None:
        """Show another scenario's results (evaluating it is the planner's next click)."""
        settings.SCENARIO.set_value(scenario, self.project)
        self.evaluation = None
        if self.gpkg is not None and has_results(self.gpkg):
            self.show_results()

    def open_algorithm(self, algorithm_id: str) -> None:
        """Open a Life Circle processing dialog with this project filled in."""
        def run() -> None:
            import processing

            processing.execAlgorithmDialog(f"lifecircle:{algorithm_id}", {
                "PROJECT": str(self.gpkg or ""),
                "SCENARIO": 1 if settings.SCENARIO.value(self.project) == "planned" else 0})

        self.guarded(run)

    def _thresholds_changed(self) -> None:
        self.catalogue = settings.project_catalogue(self.project)
        self.iface.messageBar().pushMessage(
            TITLE, tr("Thresholds saved with the project; they apply from the next "
                      "evaluation."), Qgis.MessageLevel.Info, 5)

    # tasks --------------------------------------------------------------------------
    def build(self, config, gpkg: Path, overpass_bbox=None) -> Optional[CoreTask]:
        task = build_task(config, overpass_bbox, settings.project_catalogue(self.project),
                          settings.OVERPASS_URL.value())
        task.succeeded.connect(lambda _report: self.open_project(Path(gpkg)))
        return self.start(task, tr("Building"))

    def evaluate(self) -> Optional[CoreTask]:
        if self.gpkg is None:
            self.warn(tr("Open or build a project first."))
            return None
        scenario = settings.SCENARIO.value(self.project)
        options = evaluation_options(scenario, settings.project_catalogue(self.project),
                                     settings.LOAD_SERVICE_AREAS.value())
        task = evaluate_task(self.gpkg, options, cache=self.network_cache)
        task.succeeded.connect(self._evaluated)
        return self.start(task, tr("Evaluating"))

    def _evaluated(self, evaluation) -> None:
        self.evaluation = evaluation
        if self.show_results():
            self.evaluation_loaded.emit(evaluation)

    def start(self, task: CoreTask, text: str) -> Optional[CoreTask]:
        if self.task is not None:
            self.warn(tr("Another Life Circle task is still running."))
            return None
        self.task = task
        task.progressChanged.connect(self.dock.set_progress)
        task.succeeded.connect(lambda _r: self._ended("succeeded"))
        task.failed.connect(self._failed)
        task.cancelled.connect(lambda: self._ended("cancelled"))
        self.dock.set_busy(True, text)
        QgsApplication.taskManager().addTask(task)
        return task

    def _failed(self, message: str) -> None:
        self.warn(message)
        self._ended("failed")

    def _ended(self, outcome: str) -> None:
        if outcome == "cancelled":
            self.iface.messageBar().pushMessage(
                TITLE, tr("Cancelled; nothing was saved."), Qgis.MessageLevel.Info, 5)
        self.task = None
        self.dock.set_busy(False)
        self.task_ended.emit(outcome)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def shutdown(self) -> None:
        """Plugin unload: cancel a running task and stop it from calling back into the dock."""
        task, self.task = self.task, None
        if task is not None:
            for signal in (task.succeeded, task.failed, task.cancelled, task.progressChanged):
                try:
                    signal.disconnect()
                except TypeError:  # nothing connected
                    pass
            task.cancel()
