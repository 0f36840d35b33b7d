"""The twelve tasks as a tree (task → facility types) with counts; ticks drive the map.

Ticking a type shows or hides its facility layer; ticking a task shows or hides its group
(Qt's auto-tristate ticks the children too). The tree only talks to the layer tree
through `layers.facility_nodes` / `layers.task_group`, so renamed layers still work.
"""
from __future__ import annotations

from collections import Counter
from typing import Dict, Optional

from qgis.core import QgsProject
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QBrush, QColor, QIcon
from qgis.PyQt.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from .. import layers, styles
from ..core.catalogue import Catalogue
from ..i18n import tr
from ..task_colours import TASK_COLOURS

ID_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1


class TaskTree(QTreeWidget):
    """Task and facility-type nodes; column 1 holds the number of facilities."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("lifecircle_task_tree")
        self.setColumnCount(2)
        self.setHeaderLabels([tr("Task / facility type"), tr("Count")])
        self.setUniformRowHeights(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.project: QgsProject = QgsProject.instance()
        self.items: Dict[str, QTreeWidgetItem] = {}
        self.task_items: Dict[int, QTreeWidgetItem] = {}
        self._syncing = False
        self.itemChanged.connect(self._on_item_changed)

    def populate(self, catalogue: Catalogue, counts: Counter, language: str,
                 project: Optional[QgsProject] = None) -> None:
        self.project = project or QgsProject.instance()
        self._syncing = True
        self.clear()
        self.items.clear()
        self.task_items.clear()
        for task in sorted(catalogue.tasks):
            types = catalogue.types_of_task(task)
            total = sum(counts.get(t.id, 0) for t in types)
            task_item = QTreeWidgetItem(self, [layers.task_title(catalogue, task), str(total)])
            task_item.setData(0, ID_ROLE, task)
            task_item.setData(0, KIND_ROLE, "task")
            task_item.setForeground(0, QBrush(QColor(TASK_COLOURS.get(task, "#000000"))))
            task_item.setFlags(task_item.flags() | Qt.ItemFlag.ItemIsUserCheckable
                               | Qt.ItemFlag.ItemIsAutoTristate)
            task_item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
            self.task_items[task] = task_item
            for facility in types:
                self._add_type(task_item, facility, counts.get(facility.id, 0), language)
        self._syncing = False
        self.sync_from_layers()

    def _add_type(self, parent: QTreeWidgetItem, facility, count: int, language: str) -> None:
        item = QTreeWidgetItem(parent, [facility.name(language), str(count)])
        item.setData(0, ID_ROLE, facility.id)
        item.setData(0, KIND_ROLE, "type")
        item.setIcon(0, QIcon(str(styles.icon_path(facility.id))))
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
        tip = facility.name_en if language == "zh" else facility.name_zh
        if facility.threshold_m:
            tip += "\n" + tr("Threshold: {0:.0f} m").format(facility.threshold_m)
        item.setToolTip(0, tip)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, Qt.CheckState.Unchecked)
        if count == 0:
            # nothing to show: greyed, and its tick just follows the task's
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            item.setToolTip(0, tip + "\n" + tr("No facility of this type in the project"))
        self.items[facility.id] = item

    def sync_from_layers(self) -> None:
        """Tick every type whose layer is visible (after loading or a change in QGIS)."""
        self._syncing = True
        for task, task_item in self.task_items.items():
            group = layers.task_group(self.project, task)
            group_visible = group is not None and group.isVisible()
            for index in range(task_item.childCount()):
                item = task_item.child(index)
                nodes = layers.facility_nodes(self.project, item.data(0, ID_ROLE))
                visible = any(n.isVisible() for n in nodes) if nodes else group_visible
                item.setCheckState(0, Qt.CheckState.Checked if visible
                                   else Qt.CheckState.Unchecked)
        self._syncing = False

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._syncing or column != 0:
            return
        checked = item.checkState(0) != Qt.CheckState.Unchecked
        if item.data(0, KIND_ROLE) == "task":
            group = layers.task_group(self.project, int(item.data(0, ID_ROLE)))
            if group is not None:
                group.setItemVisibilityChecked(checked)
            return
        for node in layers.facility_nodes(self.project, item.data(0, ID_ROLE)):
            node.setItemVisibilityChecked(checked)
            if checked and node.parent() is not None:
                node.parent().setItemVisibilityChecked(True)
