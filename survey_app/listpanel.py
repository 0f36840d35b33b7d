"""The facility list with search and filters (task, type, audit state, audited or not)."""
from __future__ import annotations

import logging
from typing import Optional

from PyQt5.QtCore import QItemSelectionModel, Qt, pyqtSignal
from PyQt5.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .facilities import AUDIT_STATES
from .models import UUID_ROLE, FacilityFilterProxy, FacilityTableModel, state_label

log = logging.getLogger(__name__)


class FacilityListPanel(QWidget):
    """Emits `facility_selected(uuid)` when the current row changes."""

    facility_selected = pyqtSignal(str)

    def __init__(self, type_label, parent=None) -> None:
        super().__init__(parent)
        self.model = FacilityTableModel(type_label, self)
        self.proxy = FacilityFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name, address or type"))
        self.search.setClearButtonEnabled(True)
        self.task = QComboBox()
        self.type = QComboBox()
        self.state = QComboBox()
        self.audited = QComboBox()
        self.table = QTableView()
        self._build()
        self._connect()

    def _build(self) -> None:
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Keep the store's order (task, type, name) until a header is clicked: sorting
        # 10,000 rows through Python data() calls would cost half a second.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(0, 180)
        header.resizeSection(1, 150)
        header.resizeSection(2, 40)
        filters = QFormLayout()
        filters.addRow(self.tr("&Search:"), self.search)
        filters.addRow(self.tr("T&ask:"), self.task)
        filters.addRow(self.tr("T&ype:"), self.type)
        filters.addRow(self.tr("S&tate:"), self.state)
        filters.addRow(self.tr("Au&dited:"), self.audited)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self.state.addItem(self.tr("All"), None)
        for state in AUDIT_STATES:
            self.state.addItem(state_label(state), state)
        self.audited.addItem(self.tr("All"), None)
        self.audited.addItem(self.tr("Audited"), True)
        self.audited.addItem(self.tr("Not audited"), False)
        for widget in (self.search, self.task, self.type, self.state, self.audited,
                       self.table):
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        QWidget.setTabOrder(self.search, self.task)
        QWidget.setTabOrder(self.task, self.type)
        QWidget.setTabOrder(self.type, self.state)
        QWidget.setTabOrder(self.state, self.audited)
        QWidget.setTabOrder(self.audited, self.table)

    def _connect(self) -> None:
        self.search.textChanged.connect(lambda text: self.proxy.set_filters(search=text))
        self.task.currentIndexChanged.connect(
            lambda _i: self.proxy.set_filters(task=self.task.currentData()))
        self.type.currentIndexChanged.connect(
            lambda _i: self.proxy.set_filters(facility_type=self.type.currentData()))
        self.state.currentIndexChanged.connect(
            lambda _i: self.proxy.set_filters(state=self.state.currentData()))
        self.audited.currentIndexChanged.connect(
            lambda _i: self.proxy.set_filters(audited=self.audited.currentData()))
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

    def set_choices(self, tasks: list, types: list) -> None:
        """`tasks`: (number, label); `types`: (id, label) for the filter boxes."""
        for box, items in ((self.task, tasks), (self.type, types)):
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr("All"), None)
            for value, text in items:
                box.addItem(text, value)
            box.blockSignals(False)

    def set_facilities(self, facilities: list) -> None:
        self.model.set_facilities(facilities)

    def _current_changed(self, current, _previous) -> None:
        if current.isValid():
            self.facility_selected.emit(current.data(UUID_ROLE))

    def current_uuid(self) -> Optional[str]:
        index = self.table.currentIndex()
        return index.data(UUID_ROLE) if index.isValid() else None

    def select(self, uuid: str) -> bool:
        """Make `uuid` the current row; if a filter hides it, clear the filters first."""
        row = self.model.row_of(uuid)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.clear_filters()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index == self.table.currentIndex():
            return True
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def clear_filters(self) -> None:
        self.search.clear()
        for box in (self.task, self.type, self.state, self.audited):
            box.setCurrentIndex(0)

    def step(self, delta: int) -> Optional[str]:
        """Go to the next (+1) or previous (-1) facility of the filtered list."""
        count = self.proxy.rowCount()
        if not count:
            return None
        current = self.table.currentIndex()
        row = current.row() + delta if current.isValid() else 0
        row = min(max(row, 0), count - 1)
        index = self.proxy.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return index.data(UUID_ROLE)
