"""The facility list: a table model over Facility rows and a proxy for search and filters.

A QAbstractTableModel answers only for the rows on screen, so 10,000 facilities show at
once; the proxy filters on plain attributes without touching the package file.
"""
from __future__ import annotations

import logging
import unicodedata
from typing import Callable, Optional

from PyQt5.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from .facilities import Facility
from .i18n import translate

log = logging.getLogger(__name__)

UUID_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = ("name", "type", "task", "status", "audit")


class FacilityTableModel(QAbstractTableModel):
    """Rows are facilities; `type_label` turns a type id into the label of the UI language."""

    def __init__(self, type_label: Callable[[str], str], parent=None) -> None:
        super().__init__(parent)
        self._rows: list = []
        self._row_of: dict = {}
        self._type_label = type_label

    def set_facilities(self, facilities: list) -> None:
        self.beginResetModel()
        self._rows = list(facilities)
        self._row_of = {f.uuid: i for i, f in enumerate(self._rows)}
        self.endResetModel()

    def facility(self, row: int) -> Facility:
        return self._rows[row]

    def facility_by_uuid(self, uuid: str) -> Optional[Facility]:
        row = self._row_of.get(uuid)
        return None if row is None else self._rows[row]

    def row_of(self, uuid: str) -> Optional[int]:
        return self._row_of.get(uuid)

    def facilities(self) -> list:
        return list(self._rows)

    def update_facility(self, facility: Facility) -> None:
        """Replace or append one facility and tell the views."""
        row = self._row_of.get(facility.uuid)
        if row is None:
            row = len(self._rows)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.append(facility)
            self._row_of[facility.uuid] = row
            self.endInsertRows()
            return
        self._rows[row] = facility
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def rowCount(self, parent=None) -> int:  # noqa: N802 - Qt override
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent=None) -> int:  # noqa: N802 - Qt override
        return 0 if parent is not None and parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers()[section]
        return section + 1

    def _headers(self) -> tuple:
        return (self.tr("Name"), self.tr("Type"), self.tr("Task"), self.tr("Status"),
                self.tr("Audit"))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        facility = self._rows[index.row()]
        if role == UUID_ROLE:
            return facility.uuid
        if role == STATE_ROLE:
            return facility.state
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(facility, COLUMNS[index.column()])
        return None

    def _display(self, facility: Facility, column: str):
        if column == "name":
            return facility.name or self.tr("(no name)")
        if column == "type":
            return self._type_label(facility.facility_type)
        if column == "task":
            return facility.task
        if column == "status":
            return status_label(facility.status)
        return state_label(facility.state)


def status_label(status: str) -> str:
    labels = {
        "existing": translate("Status", "existing"),
        "planned": translate("Status", "planned"),
        "under_construction": translate("Status", "under construction"),
        "closed": translate("Status", "closed"),
        "moved": translate("Status", "moved"),
        "not_found": translate("Status", "not found"),
    }
    return labels.get(status, status)


def state_label(state: str) -> str:
    labels = {
        "not_audited": translate("AuditState", "not audited"),
        "draft": translate("AuditState", "draft"),
        "complete": translate("AuditState", "complete"),
        "problem": translate("AuditState", "problem"),
    }
    return labels.get(state, state)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").casefold()


class FacilityFilterProxy(QSortFilterProxyModel):
    """Search text (name, address, type label) and filters: task, type, state, audited."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._search = ""
        self._task: Optional[int] = None
        self._type: Optional[str] = None
        self._state: Optional[str] = None
        self._audited: Optional[bool] = None
        self.setSortRole(Qt.ItemDataRole.DisplayRole)

    def set_filters(self, search: Optional[str] = None, task=..., facility_type=...,
                    state=..., audited=...) -> None:
        """Change any subset of the filters; `...` leaves one as it is."""
        if search is not None:
            self._search = _fold(search.strip())
        if task is not ...:
            self._task = task
        if facility_type is not ...:
            self._type = facility_type
        if state is not ...:
            self._state = state
        if audited is not ...:
            self._audited = audited
        self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent) -> bool:  # noqa: N802 - Qt override
        model = self.sourceModel()
        facility = model.facility(row)
        if self._task is not None and facility.task != self._task:
            return False
        if self._type and facility.facility_type != self._type:
            return False
        if self._state and facility.state != self._state:
            return False
        if self._audited is not None and facility.audited != self._audited:
            return False
        if not self._search:
            return True
        haystack = " ".join((facility.name, facility.address, facility.facility_type,
                             model._type_label(facility.facility_type)))
        return self._search in _fold(haystack)
