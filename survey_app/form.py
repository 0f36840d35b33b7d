"""The audit form, generated from a facility type's checklist.

Each answer leaves the form through `answer_changed` the moment the inspector leaves the
field (the window stores it at once); a value that breaks a rule stays on screen with the
reason next to it and is not stored. Relevance is re-evaluated after every answer, so
questions appear and disappear while the inspector works.
"""
from __future__ import annotations

import logging
from typing import Optional

from PyQt5.QtCore import pyqtSignal
from PyQt5.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from lifecircle_plugin.core.errors import InputError
from lifecircle_plugin.core.survey.checklists import (
    clean_answer,
    missing_required,
    relevant_questions,
)

from .fields import FIELD_CLASSES, Field, TextField
from .i18n import translate
from .photos import PhotoField, image_paths
from .questions import check, hint, label

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #c62828;"


class QuestionRow(QWidget):
    """Label, input and validation message of one question."""

    def __init__(self, question, language: str, parent=None) -> None:
        super().__init__(parent)
        self.question = question
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        text = label(question, language) + (" *" if question.required else "")
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setToolTip(hint(question, language))
        cls = PhotoField if question.kind == "photo" else FIELD_CLASSES[question.kind]
        self.field: Field = cls(question, language)
        self.label.setBuddy(self.field.focus_widget())
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.label, 0, 0)
        layout.addWidget(self.field, 0, 1)
        layout.addWidget(self.message, 1, 1)
        layout.setColumnStretch(0, 2)
        layout.setColumnStretch(1, 3)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))


class AuditForm(QScrollArea):
    """Signals: answer_changed(question id, value), photos_added(question id, paths),
    complete_requested(); `show_audit` fills it for one facility."""

    answer_changed = pyqtSignal(str, object)
    photos_added = pyqtSignal(object, list)
    complete_requested = pyqtSignal()
    reopen_requested = pyqtSignal()
    photo_remove_requested = pyqtSignal(str)

    def __init__(self, language: str, parent=None) -> None:
        super().__init__(parent)
        self.language = language
        self.setWidgetResizable(True)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.rows: dict = {}
        self.answers: dict = {}
        self._questions: list = []
        self.checklist = None
        self._build_frame()

    def _build_frame(self) -> None:
        body = QWidget()
        self._outer = QVBoxLayout(body)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.title.setWordWrap(True)
        self.state = QLabel()
        self._outer.addWidget(self.title)
        self._outer.addWidget(self.state)
        self._rows_box = QVBoxLayout()
        self._outer.addLayout(self._rows_box)
        self.other_label = QLabel(self.tr("Other photos (drop image files here):"))
        self.other_photos = PhotoField(None, self.language)
        self.other_photos.files_chosen.connect(lambda paths: self.photos_added.emit(None, paths))
        self.other_photos.remove_requested.connect(self.photo_remove_requested)
        self._outer.addWidget(self.other_label)
        self._outer.addWidget(self.other_photos)
        self.summary = QLabel()
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setWordWrap(True)
        self.summary.hide()
        self._outer.addWidget(self.summary)
        buttons = QHBoxLayout()
        self.complete_button = QPushButton(self.tr("Mark complete"))
        self.complete_button.setAutoDefault(False)
        self.complete_button.clicked.connect(self.request_complete)
        self.reopen_button = QPushButton(self.tr("Reopen audit"))
        self.reopen_button.setAutoDefault(False)
        self.reopen_button.clicked.connect(self.reopen_requested)
        buttons.addStretch(1)
        buttons.addWidget(self.reopen_button)
        buttons.addWidget(self.complete_button)
        self._outer.addLayout(buttons)
        self._outer.addStretch(1)
        self.setWidget(body)
        self.clear()

    # -- filling ------------------------------------------------------------------------
    def clear(self) -> None:
        for row in self.rows.values():
            self._rows_box.removeWidget(row)
            row.deleteLater()
        self.rows = {}
        self.answers = {}
        self._questions = []
        self.checklist = None
        self.title.setText(self.tr("Choose a facility in the list or on the map."))
        self.state.setText("")
        self.summary.hide()
        self.complete_button.setEnabled(False)
        self.reopen_button.hide()
        self.other_label.hide()
        self.other_photos.hide()
        self.other_photos.set_photos([])

    def show_audit(self, title: str, checklist, answers: dict, photos: dict,
                   state_text: str = "") -> None:
        """Build the rows of `checklist` (a core Checklist); `photos` maps a question id to
        (photo uuid, original name, sha256, bytes) tuples."""
        self.clear()
        self.title.setText(title)
        self.state.setText(state_text)
        self.checklist = checklist
        self._questions = list(checklist.questions)
        self.answers = dict(answers)
        previous: Optional[QWidget] = None
        for question in self._questions:
            row = QuestionRow(question, self.language)
            self.rows[question.id] = row
            self._rows_box.addWidget(row)
            if question.kind == "photo":
                row.field.files_chosen.connect(
                    lambda paths, qid=question.id: self.photos_added.emit(qid, paths))
                row.field.remove_requested.connect(self.photo_remove_requested)
            else:
                row.field.set_value(self.answers.get(question.id))
            row.field.committed.connect(lambda qid=question.id: self._commit(qid))
            focus = row.field.focus_widget()
            if previous is not None:
                QWidget.setTabOrder(previous, focus)
            previous = focus
        if previous is not None:
            QWidget.setTabOrder(previous, self.other_photos.focus_widget())
        QWidget.setTabOrder(self.other_photos.focus_widget(), self.complete_button)
        self.other_label.show()
        self.other_photos.show()
        self.set_photos(photos)
        self.complete_button.setEnabled(bool(self._questions))
        self._apply_relevance()

    def set_complete(self, complete: bool) -> None:
        """A complete audit is shown read-only until the inspector reopens it."""
        for row in self.rows.values():
            row.field.setEnabled(not complete)
        self.other_photos.setEnabled(not complete)
        self.complete_button.setVisible(not complete)
        self.reopen_button.setVisible(complete)

    def set_photos(self, photos: dict) -> None:
        self.other_photos.set_photos(photos.get(None, []))
        for qid, row in self.rows.items():
            if row.question.kind == "photo":
                row.field.set_photos(photos.get(qid, []))
                self.answers[qid] = row.field.value()
        self._apply_relevance()

    def set_state_text(self, text: str) -> None:
        self.state.setText(text)

    # -- answering ----------------------------------------------------------------------
    def _commit(self, question_id: str) -> None:
        row = self.rows[question_id]
        value = row.field.value()
        problem = check(row.question, value)
        if problem is not None:
            message, argument = problem
            row.show_message(translate("Validation", message).format(argument))
            return
        try:
            value = clean_answer(row.question, value)
        except InputError as exc:
            row.show_message(exc.message)
            return
        row.show_message("")
        if self.answers.get(question_id) == value:
            return
        self.answers[question_id] = value
        self.answer_changed.emit(question_id, value)
        self._apply_relevance()

    def commit_pending(self) -> None:
        """Store the field being typed in (Ctrl+S) without waiting for focus to leave."""
        for row in self.rows.values():
            if isinstance(row.field, TextField) and row.isVisible():
                row.field.finish()

    def _apply_relevance(self) -> None:
        if self.checklist is None:
            return
        shown = {q.id for q in relevant_questions(self.checklist, self.answers)}
        for question in self._questions:
            self.rows[question.id].setVisible(question.id in shown)

    def is_shown(self, question_id: str) -> bool:
        return not self.rows[question_id].isHidden()

    def request_complete(self) -> None:
        """Refuse with the list of missing required answers, else ask to complete."""
        self.commit_pending()
        if self.checklist is None:
            return
        missing = missing_required(self.checklist, self.answers)
        for row in self.rows.values():
            if row.question in missing:
                row.show_message(self.tr("Required"))
        if missing:
            names = "\n".join("• " + label(q, self.language) for q in missing)
            self.summary.setText(self.tr("Cannot mark complete; answer first:") + "\n" + names)
            self.summary.show()
            self.ensureWidgetVisible(self.summary)
            return
        self.summary.hide()
        self.complete_requested.emit()

    # -- drag and drop onto the whole form ------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if image_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Images dropped anywhere on the form but a photo question are 'other photos'."""
        paths = image_paths(event.mimeData())
        if not paths:
            return
        event.acceptProposedAction()
        if self.checklist is not None and self.other_photos.isEnabled():
            self.photos_added.emit(None, paths)



