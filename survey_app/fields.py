"""One input widget per question kind, all with the same small interface.

`value()` gives the answer as stored (bool, str, list, int, float or None), `set_value()`
shows a stored answer without emitting, and `committed` fires when the inspector leaves
the field or changes a choice: that is when the form saves the answer.
"""
from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PyQt5.QtCore import pyqtSignal
from PyQt5.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from lifecircle_plugin.core.survey.checklists import UNITS

from .questions import local_datetime, plain, shown_datetime

log = logging.getLogger(__name__)


class Field(QWidget):
    """Base of the question widgets."""

    committed = pyqtSignal()

    def __init__(self, question, language: str, parent=None) -> None:
        super().__init__(parent)
        self.question = question
        self.language = language
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def focus_widget(self) -> QWidget:
        return self


class YesNoField(Field):
    def __init__(self, question, language, parent=None) -> None:
        super().__init__(question, language, parent)
        self.yes = QRadioButton(self.tr("Yes"))
        self.no = QRadioButton(self.tr("No"))
        self.group = QButtonGroup(self)
        for button in (self.yes, self.no):
            self.group.addButton(button)
            self._layout.addWidget(button)
            button.clicked.connect(self.committed)
        self._layout.addStretch(1)

    def value(self):
        if self.yes.isChecked():
            return True
        return False if self.no.isChecked() else None

    def set_value(self, value) -> None:
        self.group.setExclusive(False)
        self.yes.setChecked(value is True)
        self.no.setChecked(value is False)
        self.group.setExclusive(True)

    def focus_widget(self):
        return self.yes


class SingleChoiceField(Field):
    def __init__(self, question, language, parent=None) -> None:
        super().__init__(question, language, parent)
        self.combo = QComboBox()
        self.combo.addItem("", None)
        for option in question.options:
            self.combo.addItem(option.label(_short(language)), option.value)
        self.combo.activated.connect(lambda _index: self.committed.emit())
        self._layout.addWidget(self.combo, 1)

    def value(self):
        return self.combo.currentData()

    def set_value(self, value) -> None:
        index = self.combo.findData(value)
        self.combo.setCurrentIndex(max(index, 0))

    def focus_widget(self):
        return self.combo


class MultiChoiceField(Field):
    """Check boxes in rows of four, so a week of days fits a narrow form."""

    COLUMNS = 4

    def __init__(self, question, language, parent=None) -> None:
        super().__init__(question, language, parent)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes = []
        for index, option in enumerate(question.options):
            box = QCheckBox(option.label(_short(language)))
            box.setProperty("choice", option.value)
            box.clicked.connect(self.committed)
            self.boxes.append(box)
            grid.addWidget(box, index // self.COLUMNS, index % self.COLUMNS)
        self._layout.addLayout(grid, 1)

    def value(self):
        chosen = [box.property("choice") for box in self.boxes if box.isChecked()]
        return chosen or None

    def set_value(self, value) -> None:
        chosen = set(value or ())
        for box in self.boxes:
            box.setChecked(box.property("choice") in chosen)

    def focus_widget(self):
        return self.boxes[0] if self.boxes else self


class TextField(Field):
    """Free text, and the base of numbers and dates typed as text and checked on leaving."""

    placeholder = ""

    def __init__(self, question, language, parent=None) -> None:
        super().__init__(question, language, parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.placeholder_text())
        self.edit.editingFinished.connect(self.finish)
        self._layout.addWidget(self.edit, 1)
        self._last = None

    def placeholder_text(self) -> str:
        return ""

    def finish(self) -> None:
        """Commit the typed text if it changed since the last commit."""
        if self.edit.text() != self._last:
            self._last = self.edit.text()
            self.committed.emit()

    def raw_text(self) -> str:
        return self.edit.text().strip()

    def value(self):
        return self.raw_text() or None

    def set_value(self, value) -> None:
        self.edit.setText("" if value is None else self.format(value))
        self._last = self.edit.text()

    def format(self, value) -> str:
        return str(value)

    def focus_widget(self):
        return self.edit


class NumberField(TextField):
    """Integer or decimal, with the range as placeholder and the unit as a suffix."""

    def __init__(self, question, language, parent=None) -> None:
        super().__init__(question, language, parent)
        if question.unit:
            zh, en = UNITS.get(question.unit, (question.unit, question.unit))
            self.suffix = QLabel(zh if language.startswith("zh") else en)
            self._layout.addWidget(self.suffix)

    def placeholder_text(self) -> str:
        q = self.question
        if q.min is not None and q.max is not None:
            return f"{plain(q.min)} – {plain(q.max)}"
        if q.min is not None:
            return f"≥ {plain(q.min)}"
        return ""

    def value(self):
        text = self.raw_text().replace(",", ".").replace("，", ".")
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            return text
        if self.question.kind == "integer" and number.is_integer():
            return int(number)
        return number

    def format(self, value) -> str:
        return plain(value) if isinstance(value, (int, float)) else str(value)


class MomentField(TextField):
    """Date, time or date and time typed as ISO text, with a button for now."""

    FORMATS = {"date": "%Y-%m-%d", "time": "%H:%M", "datetime": "%Y-%m-%d %H:%M"}

    def __init__(self, question, language, parent=None) -> None:
        super().__init__(question, language, parent)
        self.now = QPushButton(self.tr("Now"))
        self.now.setAutoDefault(False)
        self.now.clicked.connect(self._fill_now)
        self._layout.addWidget(self.now)

    def placeholder_text(self) -> str:
        formats = {"date": self.tr("YYYY-MM-DD"), "time": self.tr("HH:MM")}
        return formats.get(self.question.kind, self.tr("YYYY-MM-DD HH:MM"))

    def value(self):
        text = self.raw_text()
        if self.question.kind != "datetime" or not text:
            return text or None
        try:
            return local_datetime(text)
        except ValueError:
            return text

    def format(self, value) -> str:
        return shown_datetime(value) if self.question.kind == "datetime" else str(value)

    def _fill_now(self) -> None:
        self.edit.setText(dt.datetime.now().strftime(self.FORMATS[self.question.kind]))
        self.finish()


def _short(language: str) -> str:
    return "zh" if language.startswith("zh") else "en"


FIELD_CLASSES = {
    "yes_no": YesNoField,
    "single_choice": SingleChoiceField,
    "multi_choice": MultiChoiceField,
    "integer": NumberField,
    "decimal": NumberField,
    "text": TextField,
    "date": MomentField,
    "time": MomentField,
    "datetime": MomentField,
}
