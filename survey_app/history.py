"""The history of one facility: its audits, photos and every change, old and new values."""
from __future__ import annotations

import json
import logging

from PyQt5.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from .i18n import translate
from .models import state_label, status_label

log = logging.getLogger(__name__)


def _what(entry) -> str:
    kinds = {
        "audit_started": translate("HistoryPanel", "Audit started"),
        "audit_completed": translate("HistoryPanel", "Audit completed"),
        "photo_added": translate("HistoryPanel", "Photo added"),
    }
    if entry.kind in kinds:
        return kinds[entry.kind]
    fields = {
        "name": translate("HistoryPanel", "Name changed"),
        "address": translate("HistoryPanel", "Address changed"),
        "status": translate("HistoryPanel", "Status changed"),
        "x": translate("HistoryPanel", "Position moved (x)"),
        "y": translate("HistoryPanel", "Position moved (y)"),
        "facility_type": translate("HistoryPanel", "Type changed"),
        "created": translate("HistoryPanel", "Facility added on site"),
        "audit_status": translate("HistoryPanel", "Audit reopened"),
    }
    return fields.get(entry.field, entry.field or entry.kind)


def shown(value, field=None, type_label=str) -> str:
    """A stored value as a person reads it (Chinese stays Chinese)."""
    if value is None:
        return ""
    if field == "status":
        return status_label(value)
    if field == "audit_status" and isinstance(value, dict):
        return state_label(value.get("status", ""))
    if field == "created" and isinstance(value, dict):
        return f"{value.get('name', '')} · {type_label(value.get('facility_type', ''))}"
    if field == "facility_type":
        return type_label(value)
    if field in ("x", "y") and isinstance(value, (int, float)):
        return f"{value:.1f}"
    if isinstance(value, bool):
        return translate("HistoryPanel", "yes") if value else translate("HistoryPanel", "no")
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


class HistoryPanel(QTableWidget):
    """Rows: when, who, what, old value, new value; newest first."""

    def __init__(self, parent=None) -> None:
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels([self.tr("When"), self.tr("Inspector"), self.tr("What"),
                                        self.tr("Old value"), self.tr("New value")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)

    def set_history(self, entries: list, type_label=str) -> None:
        """`entries`: the store's HistoryEntry records, oldest first; shown newest first."""
        self.setRowCount(0)
        for entry in reversed(entries):
            row = self.rowCount()
            self.insertRow(row)
            cells = (entry.at[:19].replace("T", " "), entry.inspector or "", _what(entry),
                     shown(entry.old_value, entry.field, type_label),
                     shown(entry.new_value, entry.field, type_label))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.setItem(row, column, item)
