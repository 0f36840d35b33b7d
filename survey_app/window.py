"""The main window: list, map, audit form and history of one survey package.

Everything the inspector changes goes through `Session` to the store at once; the window
only keeps the views in step (list row, map marker, form) after each write.
"""
from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path
from typing import Optional

from PyQt5.QtCore import Qt
from PyQt5.QtGui import QKeySequence
from PyQt5.QtWidgets import (
    QAction,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QUndoCommand,
    QUndoStack,
)

from lifecircle_plugin.core.errors import InputError

from .dialogs import (
    AddFacilityDialog,
    FacilityDetailsDialog,
    ask_inspector,
    confirm,
    show_error,
)
from .facilities import NOT_AUDITED, PROBLEM
from .form import AuditForm
from .history import HistoryPanel
from .i18n import translate
from .listpanel import FacilityListPanel
from .mapview import MapView
from .models import state_label, status_label
from .session import Session

log = logging.getLogger(__name__)

PACKAGE_FILTER = "*.lcsurvey *.sqlite *.db"


class MoveCommand(QUndoCommand):
    """Move a facility; undo moves it back (the store records both as changes)."""

    def __init__(self, window: MainWindow, uuid: str, old: tuple, new: tuple) -> None:
        super().__init__(translate("MainWindow", "Move facility"))
        self.window, self.uuid, self.old, self.new = window, uuid, old, new

    def redo(self) -> None:
        self.window.store_move(self.uuid, self.new)

    def undo(self) -> None:
        self.window.store_move(self.uuid, self.old)


class MainWindow(QMainWindow):
    """Open with `open_package(path)`; `session` is None while no package is open."""

    def __init__(self, language: str = "zh_CN", ask_name: bool = True, parent=None) -> None:
        super().__init__(parent)
        self.language = language
        self.ask_name = ask_name
        self.session: Optional[Session] = None
        self.current: Optional[str] = None
        self.undo_stack = QUndoStack(self)
        self._counts: Counter = Counter()
        self.list_panel = FacilityListPanel(self._type_label)
        self.map_view = MapView()
        self.form = AuditForm(language)
        self.history = HistoryPanel()
        self.tabs = QTabWidget()
        self._build()
        self._build_actions()
        self._connect()
        self._update_title()

    # -- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        self.tabs.addTab(self.form, self.tr("Audit"))
        self.tabs.addTab(self.history, self.tr("History"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list_panel)
        splitter.addWidget(self.map_view)
        splitter.addWidget(self.tabs)
        splitter.setSizes([340, 500, 560])
        self.setCentralWidget(splitter)
        self.resize(1320, 820)
        self.setAcceptDrops(False)

    def _action(self, text: str, slot, shortcut=None, menu=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        if menu is not None:
            menu.addAction(action)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.open_action = self._action(self.tr("&Open package…"), self.choose_package,
                                        QKeySequence.StandardKey.Open, file_menu)
        self.save_action = self._action(self.tr("&Save answer"), self.save_now,
                                        QKeySequence.StandardKey.Save, file_menu)
        file_menu.addSeparator()
        self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, file_menu)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addActions([self.undo_action, self.redo_action])
        facility_menu = bar.addMenu(self.tr("F&acility"))
        self.next_action = self._action(self.tr("&Next facility"), lambda: self.step(1),
                                        "Ctrl+Down", facility_menu)
        self.previous_action = self._action(self.tr("&Previous facility"),
                                            lambda: self.step(-1), "Ctrl+Up", facility_menu)
        facility_menu.addSeparator()
        self.add_action = self._action(self.tr("&Add facility found on site…"),
                                       self.start_add_facility, "Ctrl+N", facility_menu)
        self.edit_action = self._action(self.tr("&Edit name and address…"), self.edit_details,
                                        "F2", facility_menu)
        self.status_actions = {}
        for status, text in (("closed", self.tr("Mark &closed")),
                             ("moved", self.tr("Mark &moved")),
                             ("not_found", self.tr("Mark not &found")),
                             ("existing", self.tr("Mark &existing"))):
            self.status_actions[status] = self._action(
                text, lambda _c=False, s=status: self.mark_status(s), None, facility_menu)
        facility_menu.addSeparator()
        self.complete_action = self._action(self.tr("Mark audit &complete"),
                                            self.form.request_complete, "Ctrl+Return",
                                            facility_menu)
        view_menu = bar.addMenu(self.tr("&View"))
        self._action(self.tr("&Zoom to all"), self.map_view.zoom_to_all, "Ctrl+0", view_menu)
        self._action(self.tr("&Find facility"), self._focus_search, QKeySequence.StandardKey.Find,
                     view_menu)
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(self.tr("&Keyboard shortcuts"), self.show_shortcuts, "F1", help_menu)
        self._build_toolbar()

    def _build_toolbar(self) -> None:
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions([self.open_action, self.add_action, self.edit_action])
        toolbar.addSeparator()
        toolbar.addActions([self.status_actions[s] for s in ("closed", "moved", "not_found")])
        toolbar.addSeparator()
        toolbar.addAction(self.undo_action)
        self.counts_label = QLabel()
        self.statusBar().addPermanentWidget(self.counts_label)

    def _connect(self) -> None:
        self.list_panel.facility_selected.connect(lambda uuid: self.select(uuid, "list"))
        self.map_view.facility_clicked.connect(lambda uuid: self.select(uuid, "map"))
        self.map_view.move_requested.connect(self.request_move)
        self.map_view.position_picked.connect(self.add_facility_at)
        self.form.answer_changed.connect(self.save_answer)
        self.form.photos_added.connect(self.add_photos)
        self.form.complete_requested.connect(self.complete_audit)
        self.form.reopen_requested.connect(self.reopen_audit)
        self.form.photo_remove_requested.connect(self.remove_photo)

    def _type_label(self, facility_type: str) -> str:
        if self.session is None:
            return facility_type
        return self.session.type_label(facility_type, self.language)

    def _update_title(self) -> None:
        title = self.tr("Life Circle survey")
        if self.session is not None:
            title += f" — {self.session.path.name}"
            inspector = self.session.inspector
            if inspector:
                title += " — " + self.tr("inspector: {}").format(inspector)
        self.setWindowTitle(title)

    # -- opening ------------------------------------------------------------------------
    def choose_package(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open survey package"), "",
            self.tr("Survey packages ({})").format(PACKAGE_FILTER))
        if path:
            self.open_package(path)

    def open_package(self, path) -> bool:
        """Open a package; a refused file gets a dialog naming it and changes nothing."""
        path = Path(path)
        try:
            session = Session(path)
        except InputError as exc:
            log.info("refused %s: %s", path, exc)
            self._refused(path, exc.message)
            return False
        except Exception as exc:  # noqa: BLE001 - any failure to open is shown, not raised
            log.exception("cannot open %s", path)
            self._refused(path, str(exc))
            return False
        previous, self.session = self.session, session
        try:
            self._load_views()
        except Exception as exc:  # noqa: BLE001 - damaged content: refuse, keep the old one
            log.exception("cannot show %s", path)
            session.close()
            self.session = previous
            if previous is not None:
                self._load_views()
            self._refused(path, exc.message if isinstance(exc, InputError) else str(exc))
            return False
        if previous is not None:
            previous.close()
        self.undo_stack.clear()
        if self.ask_name and not session.inspector:
            self.ask_inspector_name()
        self._update_title()
        return True

    def _refused(self, path: Path, reason: str) -> None:
        show_error(self, self.tr("Cannot open survey package"),
                   self.tr("The file {} cannot be opened as a survey package:\n{}\n\n"
                           "The file was not changed.").format(path, reason))

    def _load_views(self) -> None:
        session = self.session
        facilities = session.facilities()
        tasks = sorted({f.task for f in facilities if f.task is not None}
                       | {session.type_task(t) for t in session.type_ids()} - {None})
        self.list_panel.set_choices(
            [(t, self.tr("Task {}").format(t)) for t in tasks],
            [(t, self._type_label(t)) for t in session.type_ids()])
        self.list_panel.set_facilities(facilities)
        self.map_view.clear()
        self.map_view.set_context(session.context())
        self.map_view.set_facilities(facilities)
        self.map_view.zoom_to_all()
        self.current = None
        self.form.clear()
        self.history.setRowCount(0)
        self._counts = Counter(f.state for f in facilities)
        self._show_counts()

    def _show_counts(self) -> None:
        counts = self._counts
        self.counts_label.setText(self.tr("{} facilities · {} audited · {} with problems").format(
            sum(counts.values()), sum(counts.values()) - counts[NOT_AUDITED], counts[PROBLEM]))

    def ask_inspector_name(self) -> bool:
        """Ask the name once per package; every write records it."""
        name = ask_inspector(self)
        if not name:
            return False
        try:
            self.session.set_inspector(name)
        except InputError as exc:
            show_error(self, self.tr("Not saved"), self._refusal(exc))
            return False
        self._update_title()
        return True

    # -- selection ----------------------------------------------------------------------
    def select(self, uuid: str, source: str = "") -> None:
        if self.session is None or uuid is None:
            return
        if source != "list":
            self.list_panel.select(uuid)
        self.map_view.select(uuid, centre=source != "map")
        if uuid == self.current:
            return
        self.form.commit_pending()
        self.current = uuid
        self._show_facility()

    def _show_facility(self) -> None:
        facility = self.list_panel.model.facility_by_uuid(self.current)
        if facility is None:
            return
        try:
            checklist = self.session.checklist(facility.facility_type)
        except InputError as exc:  # a damaged checklist: say so, never abort the app
            log.warning("cannot show %s: %s", self.current, exc)
            show_error(self, self.tr("Cannot show this facility"), self._refusal(exc))
            return
        name = facility.name or self.tr("(no name)")
        title = f"{name} · {self._type_label(facility.facility_type)}"
        self.form.show_audit(title, checklist, self.session.answers(self.current),
                             self.session.photos(self.current), self._state_text(facility))
        self.form.set_complete(facility.audit_status == "complete")
        self._show_history()

    def _state_text(self, facility) -> str:
        return self.tr("Status: {} · Audit: {}").format(status_label(facility.status),
                                                         state_label(facility.state))

    def _show_history(self) -> None:
        self.history.set_history(self.session.history(self.current), self._type_label)

    def step(self, delta: int) -> None:
        uuid = self.list_panel.step(delta)
        if uuid:
            self.select(uuid, "list")

    def _focus_search(self) -> None:
        self.list_panel.search.setFocus()
        self.list_panel.search.selectAll()

    # -- writing ------------------------------------------------------------------------
    def _refusal(self, exc: InputError) -> str:
        """The message of a refusal, naming the file when it is not the package itself
        (a photo that is empty or not an image)."""
        if exc.file and (self.session is None or exc.file != str(self.session.path)):
            return f"{exc.message}\n{exc.file}"
        return exc.message

    def _guard(self, write) -> bool:
        """Run one store write; a refusal is shown, never raised into Qt."""
        if self.session is None:
            return False
        if not self.session.inspector and not self.ask_inspector_name():
            return False
        try:
            write()
        except InputError as exc:
            show_error(self, self.tr("Not saved"), self._refusal(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - a failed write is shown, the app goes on
            log.exception("write failed")
            show_error(self, self.tr("Not saved"), str(exc))
            return False
        return True

    def _refresh(self, uuid: str) -> None:
        facility = self.session.facility(uuid)
        old = self.list_panel.model.facility_by_uuid(uuid)
        if old is not None:
            self._counts[old.state] -= 1
        self._counts[facility.state] += 1
        self._show_counts()
        self.list_panel.model.update_facility(facility)
        self.map_view.update_facility(facility)
        if uuid == self.current:
            self.form.set_state_text(self._state_text(facility))
            self._show_history()

    def save_answer(self, question_id: str, value) -> None:
        uuid = self.current
        if uuid and self._guard(lambda: self.session.save_answer(uuid, question_id, value)):
            self._refresh(uuid)
            self.statusBar().showMessage(self.tr("Saved"), 2000)

    def save_now(self) -> None:
        self.form.commit_pending()
        self.statusBar().showMessage(self.tr("All answers are saved"), 3000)

    def complete_audit(self) -> None:
        uuid = self.current
        if uuid and self._guard(lambda: self.session.complete(uuid)):
            self._refresh(uuid)
            self.form.set_complete(True)
            self.statusBar().showMessage(self.tr("Audit marked complete"), 3000)

    def reopen_audit(self) -> None:
        uuid = self.current
        if uuid and self._guard(lambda: self.session.reopen(uuid)):
            self._refresh(uuid)
            self.form.set_complete(False)

    def add_photos(self, question_id, paths: list) -> None:
        uuid = self.current
        if not uuid:
            return
        for path in paths:
            self._guard(lambda p=path: self.session.add_photo(uuid, question_id, p))
        self.form.set_photos(self.session.photos(uuid))
        self._refresh(uuid)

    def remove_photo(self, photo_uuid: str) -> None:
        """Delete a photo added by mistake, after asking (it is gone from the package)."""
        uuid = self.current
        if not uuid or not confirm(self, self.tr("Remove photo"),
                                   self.tr("Remove this photo from the package?")):
            return
        if self._guard(lambda: self.session.remove_photo(photo_uuid)):
            self.form.set_photos(self.session.photos(uuid))
            self._refresh(uuid)

    def edit_details(self) -> None:
        """Correct the name and address; the history keeps the old values."""
        facility = self.list_panel.model.facility_by_uuid(self.current or "")
        if facility is None:
            return
        dialog = FacilityDetailsDialog(facility.name, facility.address, self)
        if dialog.exec() != FacilityDetailsDialog.DialogCode.Accepted:
            return
        name, address = dialog.values()
        if self._guard(lambda: self.session.update_details(facility.uuid, name, address)):
            self._refresh(facility.uuid)
            self._show_facility()

    def mark_status(self, status: str) -> None:
        uuid = self.current
        if uuid and self._guard(lambda: self.session.set_status(uuid, status)):
            self._refresh(uuid)

    def request_move(self, uuid: str, old_x: float, old_y: float, new_x: float,
                     new_y: float) -> None:
        """Dragging only proposes a move: it is stored after the inspector confirms."""
        facility = self.list_panel.model.facility_by_uuid(uuid)
        name = facility.name if facility else uuid
        distance = ((new_x - old_x) ** 2 + (new_y - old_y) ** 2) ** 0.5
        question = self.tr("Move “{}” by {} m to the new position?\n"
                           "The original position is kept in the history.").format(
            name, f"{distance:.0f}")
        if confirm(self, self.tr("Correct position"), question):
            self.undo_stack.push(MoveCommand(self, uuid, (old_x, old_y), (new_x, new_y)))

    def store_move(self, uuid: str, xy: tuple) -> None:
        if self._guard(lambda: self.session.move(uuid, *xy)):
            self._refresh(uuid)

    def start_add_facility(self) -> None:
        if self.session is None:
            return
        self.statusBar().showMessage(self.tr("Click the facility's position on the map"))
        self.map_view.pick_position(True)

    def add_facility_at(self, x: float, y: float) -> None:
        types = [(t, self._type_label(t)) for t in self.session.type_ids()]
        dialog = AddFacilityDialog(types, (x, y), self)
        if dialog.exec() != AddFacilityDialog.DialogCode.Accepted:
            self.statusBar().clearMessage()
            return
        facility_type, name = dialog.values()
        added = []
        if self._guard(lambda: added.append(
                self.session.add_facility(facility_type, name, x, y))):
            facility = added[0]
            self._counts[facility.state] += 1
            self._show_counts()
            self.list_panel.model.update_facility(facility)
            self.map_view.update_facility(facility)
            self.select(facility.uuid)
            self.statusBar().showMessage(self.tr("Facility added"), 3000)

    # -- help ---------------------------------------------------------------------------
    def show_shortcuts(self) -> None:
        rows = [(action.text().replace("&", ""), action.shortcut().toString(
            QKeySequence.SequenceFormat.NativeText)) for action in self.actions()
            if not action.shortcut().isEmpty()]
        rows += [(self.undo_action.text().replace("&", ""), "Ctrl+Z")]
        text = "\n".join(f"{shortcut}\t{name}" for name, shortcut in rows)
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), text)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.form.commit_pending()
        if self.session is not None:
            self.session.close()
            self.session = None
        super().closeEvent(event)
