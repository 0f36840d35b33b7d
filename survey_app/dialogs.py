"""Small dialogs: errors, confirmations, the inspector's name, a facility found on site."""
from __future__ import annotations

import logging

from PyQt5.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
)

from .i18n import translate

log = logging.getLogger(__name__)


def show_error(parent, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("error_box")
    box.exec()


def confirm(parent, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setObjectName("confirm_box")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_inspector(parent) -> str:
    """The inspector's name, asked once per package; empty if the dialog was cancelled."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("inspector_dialog")
    dialog.setWindowTitle(translate("Dialogs", "Inspector"))
    dialog.setLabelText(translate("Dialogs", "Your name (recorded with every answer):"))
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return ""
    return dialog.textValue().strip()


class AddFacilityDialog(QDialog):
    """Type (from the package's catalogue of checklists) and name of a facility found on site."""

    def __init__(self, types: list, position: tuple, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("add_facility_dialog")
        self.setWindowTitle(self.tr("Add a facility found on site"))
        self.type = QComboBox()
        for type_id, text in types:
            self.type.addItem(text, type_id)
        self.name = QLineEdit()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828;")
        layout = QFormLayout(self)
        layout.addRow(self.tr("&Type:"), self.type)
        layout.addRow(self.tr("&Name:"), self.name)
        layout.addRow(self.tr("Position:"), QLabel(f"x {position[0]:.1f}, y {position[1]:.1f}"))
        layout.addRow(self.message)
        layout.addRow(self.buttons)

    def _accept(self) -> None:
        if not self.name.text().strip():
            self.message.setText(self.tr("Enter a name."))
            return
        self.accept()

    def values(self) -> tuple:
        return self.type.currentData(), self.name.text().strip()


class FacilityDetailsDialog(QDialog):
    """Name and address of a facility, as found on site."""

    def __init__(self, name: str, address: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("details_dialog")
        self.setWindowTitle(self.tr("Name and address"))
        self.name = QLineEdit(name)
        self.address = QLineEdit(address)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828;")
        layout = QFormLayout(self)
        layout.addRow(self.tr("&Name:"), self.name)
        layout.addRow(self.tr("A&ddress:"), self.address)
        layout.addRow(self.message)
        layout.addRow(self.buttons)

    def _accept(self) -> None:
        if not self.name.text().strip():
            self.message.setText(self.tr("Enter a name."))
            return
        self.accept()

    def values(self) -> tuple:
        return self.name.text().strip(), self.address.text().strip()
