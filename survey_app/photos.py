"""Photo questions: a button for the file dialog, drag and drop, and thumbnails."""
from __future__ import annotations

import logging
from pathlib import Path

from PyQt5.QtCore import QSize, Qt, pyqtSignal
from PyQt5.QtGui import QPixmap
from PyQt5.QtWidgets import (
    QFileDialog,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .fields import Field

log = logging.getLogger(__name__)

THUMB = QSize(72, 72)
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp", ".heic", ".tif", ".tiff"}


def image_paths(mime) -> list:
    """Local image files in a drag's data; anything else is ignored."""
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [str(p) for p in paths if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file()]


def thumbnail(data: bytes) -> QPixmap:
    pixmap = QPixmap()
    if not pixmap.loadFromData(data):
        return QPixmap()
    return pixmap.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)


class PhotoField(Field):
    """Shows the photos of one question; `files_chosen` asks the form to store new ones."""

    files_chosen = pyqtSignal(list)
    remove_requested = pyqtSignal(str)

    def __init__(self, question, language, parent=None) -> None:
        super().__init__(question, language, parent)
        self.setAcceptDrops(True)
        self.add = QPushButton(self.tr("Add photo…"))
        self.add.setAutoDefault(False)
        self.add.clicked.connect(self.choose_files)
        self._layout.addWidget(self.add)
        self._thumbs: list = []
        self._tiles: list = []
        self.removers: list = []
        self._uuids: list = []
        self._layout.addStretch(1)

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Choose photos"), "",
            self.tr("Images (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.heic *.tif *.tiff)"))
        if paths:
            self.files_chosen.emit(list(paths))

    def set_photos(self, photos: list) -> None:
        """`photos`: (photo uuid, original name, sha256, bytes) of this question."""
        for tile in self._tiles:
            self._layout.removeWidget(tile)
            tile.deleteLater()
        self._thumbs, self._tiles, self.removers = [], [], []
        for photo_uuid, name, sha256, data in photos:
            label = QLabel()
            pixmap = thumbnail(data)
            if pixmap.isNull():
                label.setText(name)
            else:
                label.setPixmap(pixmap)
            label.setToolTip(f"{name}\nSHA-256 {sha256}")
            remove = QToolButton()
            remove.setText("✕")
            remove.setToolTip(self.tr("Remove this photo"))
            remove.clicked.connect(lambda _c=False, u=photo_uuid: self.remove_requested.emit(u))
            tile = QWidget()
            column = QVBoxLayout(tile)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(label)
            column.addWidget(remove, 0, Qt.AlignmentFlag.AlignHCenter)
            self._layout.insertWidget(self._layout.count() - 1, tile)
            self._thumbs.append(label)
            self._tiles.append(tile)
            self.removers.append(remove)
        self._uuids = [photo[0] for photo in photos]

    def value(self):
        return list(self._uuids) or None

    def set_value(self, value) -> None:
        """Photos are shown by `set_photos`; the answer is the list of their uuids."""

    def focus_widget(self):
        return self.add

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if image_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        paths = image_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.files_chosen.emit(paths)
