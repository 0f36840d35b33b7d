"""Conflict review dock: the planner decides, field by field, which value the project keeps.

Each open conflict shows base, project and field values side by side; selecting one
highlights its facility on the map. Nothing is written until the planner presses a
button, and the button asks for confirmation first, naming the value that will be
overwritten, because a resolution changes the project's facility.
"""
from __future__ import annotations

import logging
from typing import Callable, List, Optional

from qgis.core import Qgis, QgsFeatureRequest
from qgis.gui import QgsDockWidget, QgsHighlight
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core import project_schema as ps
from ...core.errors import LifeCircleError
from ...i18n import tr
from . import conflict_model, messages
from .conflict_model import Conflict, display
from .importer_calls import check_no_unsaved_edits
from .project_layers import project_layers, reload_layers
from .widgets import message_bar

log = logging.getLogger(__name__)
ROLE = Qt.ItemDataRole.UserRole
PROJECT, FIELD = "project", "field"


def resolve_conflict(project_gpkg: str, conflict_uuid: str, choice: str):
    from ...core.survey.resolve import resolve_conflict as core_resolve
    return core_resolve(project_gpkg, conflict_uuid, choice)


class ConflictDock(QgsDockWidget):
    def __init__(self, iface=None, project_gpkg: str = "", parent=None) -> None:
        super().__init__(tr("Survey conflicts"), parent)
        self.setObjectName("lifecircle_conflict_dock")
        self.iface = iface
        self.project_gpkg = project_gpkg
        self.highlight: Optional[QgsHighlight] = None
        self.confirm: Callable[[str], bool] = self._ask
        self.bar = message_bar()
        self.tree = QTreeWidget()
        self.tree.setObjectName("conflict_tree")
        self.tree.setHeaderLabels([tr("Facility / field"), tr("Base (package)"),
                                   tr("Project"), tr("Field survey"), tr("Kind")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.show_resolved = QCheckBox(tr("Show resolved"))
        self.show_resolved.toggled.connect(self.refresh)
        refresh = QPushButton(tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        self.keep_button = QPushButton(tr("Keep project value"))
        self.keep_button.setObjectName("keep_project")
        self.accept_button = QPushButton(tr("Accept field value"))
        self.accept_button.setObjectName("accept_field")
        self.keep_button.clicked.connect(lambda: self.resolve_selected(PROJECT))
        self.accept_button.clicked.connect(lambda: self.resolve_selected(FIELD))
        options = QHBoxLayout()
        options.addWidget(self.show_resolved)
        options.addStretch()
        options.addWidget(refresh)
        decisions = QHBoxLayout()
        decisions.addWidget(self.keep_button)
        decisions.addWidget(self.accept_button)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.bar)
        layout.addLayout(options)
        layout.addWidget(self.tree)
        layout.addLayout(decisions)
        self.setWidget(body)
        self.refresh()

    def set_project(self, project_gpkg: str) -> None:
        self.project_gpkg = project_gpkg
        self.refresh()

    def refresh(self, *args) -> None:
        self.tree.clear()
        try:
            groups = conflict_model.open_conflicts(self.project_gpkg,
                                                   self.show_resolved.isChecked())
        except LifeCircleError as exc:
            messages.show_error(self.bar, tr("Survey conflicts"), exc)
            groups = []
        for group in groups:
            parent = QTreeWidgetItem([group.title, "", "", "", ""])
            parent.setData(0, ROLE, group.facility_uuid)
            for conflict in group.conflicts:
                child = QTreeWidgetItem([conflict.field, display(conflict.base),
                                         display(conflict.project),
                                         display(conflict.field_value), conflict.kind])
                child.setData(0, ROLE, conflict)
                for column in range(1, 4):
                    child.setToolTip(column, child.text(column))
                if conflict.state != conflict_model.OPEN:
                    child.setDisabled(True)
                parent.addChild(child)
            self.tree.addTopLevelItem(parent)
            parent.setFirstColumnSpanned(True)
            parent.setExpanded(True)
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)
        self._selection_changed()

    def conflicts(self) -> List[Conflict]:
        """Every conflict listed, in display order."""
        found = []
        for i in range(self.tree.topLevelItemCount()):
            parent = self.tree.topLevelItem(i)
            found.extend(parent.child(j).data(0, ROLE) for j in range(parent.childCount()))
        return found

    def select_conflict(self, conflict_uuid: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            parent = self.tree.topLevelItem(i)
            for j in range(parent.childCount()):
                child = parent.child(j)
                child.setSelected(child.data(0, ROLE).conflict_uuid == conflict_uuid)

    def selected_conflicts(self) -> List[Conflict]:
        chosen = {}
        for item in self.tree.selectedItems():
            children = [item] if item.parent() else [item.child(j)
                                                     for j in range(item.childCount())]
            for child in children:
                conflict = child.data(0, ROLE)
                if conflict.state == conflict_model.OPEN:
                    chosen[conflict.conflict_uuid] = conflict
        return list(chosen.values())

    def _selection_changed(self) -> None:
        selected = self.selected_conflicts()
        self.keep_button.setEnabled(bool(selected))
        self.accept_button.setEnabled(bool(selected))
        items = self.tree.selectedItems()
        if items:
            top = items[0].parent() or items[0]
            self.highlight_facility(top.data(0, ROLE))

    # map
    def highlight_facility(self, facility_uuid: str) -> bool:
        """Select the facility in its layer and, with a map canvas, highlight and zoom."""
        self._clear_highlight()
        for layer in project_layers(self.project_gpkg, [ps.FACILITIES]):
            escaped = facility_uuid.replace("'", "''")
            request = QgsFeatureRequest().setFilterExpression(f"\"uuid\" = '{escaped}'")
            feature = next(layer.getFeatures(request), None)
            if feature is None:
                layer.removeSelection()
                continue
            layer.selectByIds([feature.id()])
            if self.iface is not None and feature.hasGeometry():
                canvas = self.iface.mapCanvas()
                self.highlight = QgsHighlight(canvas, feature.geometry(), layer)
                self.highlight.setColor(QColor(230, 30, 30))
                self.highlight.setWidth(4)
                self.highlight.show()
                canvas.zoomToFeatureIds(layer, [feature.id()])
                canvas.refresh()
            return True
        return False

    def _clear_highlight(self) -> None:
        if self.highlight is not None:
            self.highlight.hide()
            self.highlight = None

    # decisions
    def resolve_selected(self, choice: str) -> int:
        conflicts = self.selected_conflicts()
        if not conflicts:
            return 0
        side = tr("the project's values") if choice == PROJECT else \
            tr("the field survey's values")
        question = tr("Keep {0} for {1} field(s)? The other values are discarded and the "
                      "conflicts are marked resolved.").format(side, len(conflicts))
        if not self.confirm(question):
            return 0
        try:
            check_no_unsaved_edits(self.project_gpkg)
            for conflict in conflicts:
                resolve_conflict(self.project_gpkg, conflict.conflict_uuid, choice)
        except Exception as exc:  # noqa: BLE001 - shown in the bar, bugs logged
            messages.show_error(self.bar, tr("Survey conflicts"), exc)
            return 0
        finally:
            reload_layers(self.project_gpkg)
            self.refresh()
        messages.push(self.bar, tr("Survey conflicts"),
                      tr("{0} conflict(s) resolved.").format(len(conflicts)),
                      Qgis.MessageLevel.Success, 5)
        return len(conflicts)

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(
            self, tr("Survey conflicts"), question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._clear_highlight()
        super().closeEvent(event)
