"""Coverage of one sub-district per facility type, and the sub-district × task summary.

Both read `results.ProjectResults` (what the engine wrote) and only format it: shares in
per cent, the 达标 verdict as a coloured tick or cross, unverified thresholds marked.
"""
from __future__ import annotations

from typing import Optional

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.catalogue import Catalogue
from ..i18n import tr
from ..results import ProjectResults

MET = QColor("#2e7d32")
NOT_MET = QColor("#c62828")
MET_BG = QColor("#e8f5e9")
NOT_MET_BG = QColor("#ffebee")
NO_DATA = QColor("#9e9e9e")


def percent(value: Optional[float]) -> str:
    return "–" if value is None else f"{100.0 * value:.1f}%"


def readonly_table(parent: QWidget, headers) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    return table


def cell(text: str, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class CoveragePanel(QWidget):
    """A sub-district chooser, its verdict line and a table of coverage per type."""

    COLUMNS = ("type", "task", "share", "share_15min", "threshold", "target", "verdict")

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.results: Optional[ProjectResults] = None
        self.catalogue: Optional[Catalogue] = None
        self.language = "zh"
        self.subdistrict = QComboBox(self)
        self.subdistrict.setObjectName("lifecircle_subdistrict")
        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        self.table = readonly_table(self, [
            tr("Facility type"), tr("Task"), tr("Covered"), tr("Within 15 min"),
            tr("Threshold"), tr("Target"), tr("Met")])
        self.table.setObjectName("lifecircle_coverage_table")
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.subdistrict)
        layout.addWidget(self.verdict)
        layout.addWidget(self.table)
        self.subdistrict.currentIndexChanged.connect(self.show_current)

    def set_results(self, results: Optional[ProjectResults], catalogue: Catalogue,
                    language: str) -> None:
        self.results, self.catalogue, self.language = results, catalogue, language
        self.subdistrict.blockSignals(True)
        self.subdistrict.clear()
        for name in (results.subdistricts if results else []):
            self.subdistrict.addItem(name, name)
        self.subdistrict.blockSignals(False)
        self.show_current()

    def choose(self, name: str) -> None:
        index = self.subdistrict.findData(name)
        if index >= 0:
            self.subdistrict.setCurrentIndex(index)

    def show_current(self) -> None:
        self.table.setRowCount(0)
        name = self.subdistrict.currentData()
        if not self.results or name is None:
            self.verdict.setText(tr("No evaluation results yet: run Evaluate."))
            return
        rows = sorted(self.results.coverage.get(name, []),
                      key=lambda r: (r.task, r.facility_type))
        for row in rows:
            self._add_row(row)
        basic = [r for r in rows if self._is_basic(r.facility_type)]
        with_data = [r for r in basic if not r.no_data]
        met = sum(1 for r in with_data if r.meets_target)
        self.verdict.setText(tr("{0}: {1} of {2} basic facility types with data meet their "
                                "target (达标); {3} have no data.").format(
            name, met, len(with_data), len(basic) - len(with_data)))
        header = self.table.horizontalHeader()
        for column in range(1, self.table.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def _is_basic(self, facility_id: str) -> bool:
        facility = self.catalogue.types.get(facility_id) if self.catalogue else None
        return bool(facility and facility.is_basic)

    def _add_row(self, row) -> None:
        facility = self.catalogue.types.get(row.facility_type) if self.catalogue else None
        name = facility.name(self.language) if facility else row.facility_type
        threshold = "–" if row.threshold_m is None else f"{row.threshold_m:.0f} m"
        if row.threshold_verif and row.threshold_verif not in ("V", "P"):
            threshold += " *"
        index = self.table.rowCount()
        self.table.insertRow(index)
        share = None if row.no_data else row.share
        share_15 = None if row.no_data else row.share_15min
        mark = "–" if row.no_data else ("✔" if row.meets_target else "✘")
        values = (cell(name), cell(str(row.task), True), cell(percent(share), True),
                  cell(percent(share_15), True), cell(threshold, True),
                  cell(percent(row.target_share), True), cell(mark))
        for column, item in enumerate(values):
            self.table.setItem(index, column, item)
        verdict = values[-1]
        verdict.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        if row.no_data:
            for item in values:
                item.setForeground(QBrush(NO_DATA))
                item.setToolTip(tr("No facility of this type in the project: no data"))
        else:
            verdict.setForeground(QBrush(MET if row.meets_target else NOT_MET))
        if threshold.endswith("*"):
            values[4].setToolTip(tr("Threshold not verified against a binding standard"))


class SummaryTable(QTableWidget):
    """Sub-districts × tasks: mean coverage share per task, green where the task is 达标."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("lifecircle_summary_table")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def set_results(self, results: Optional[ProjectResults], catalogue: Catalogue) -> None:
        """Column 0 is all tasks together (the engine's task 0), then 任务一 … 任务十二."""
        self.clear()
        tasks = [0] + sorted(catalogue.tasks)
        names = results.subdistricts if results else []
        self.setRowCount(len(names))
        self.setColumnCount(len(tasks))
        self.setHorizontalHeaderLabels([tr("All tasks")] + [
            catalogue.tasks[t].short_zh for t in tasks[1:]])
        self.setVerticalHeaderLabels(names)
        for row, name in enumerate(names):
            verdicts = results.tasks.get(name, {})
            for column, task in enumerate(tasks):
                verdict = verdicts.get(task)
                item = cell(percent(verdict.mean_share) if verdict else "–", True)
                if verdict is not None and verdict.basic_types \
                        and verdict.mean_share is not None:
                    item.setBackground(QBrush(MET_BG if verdict.meets_target else NOT_MET_BG))
                    item.setToolTip(tr("{0} of {1} basic types meet the target").format(
                        verdict.basic_types_met, verdict.basic_types))
                self.setItem(row, column, item)
        self.resizeColumnsToContents()
