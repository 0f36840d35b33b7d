"""Route every module's `logging` logger into QGIS's log panel under "Life Circle"."""
from __future__ import annotations

import logging

from qgis.core import Qgis, QgsMessageLog

TAG = "Life Circle"
_LEVELS = (
    (logging.ERROR, Qgis.MessageLevel.Critical),
    (logging.WARNING, Qgis.MessageLevel.Warning),
    (logging.NOTSET, Qgis.MessageLevel.Info),
)


class QgisLogHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        level = next(q for threshold, q in _LEVELS if record.levelno >= threshold)
        QgsMessageLog.logMessage(self.format(record), TAG, level)


_handler = None


def install() -> None:
    """Attach the handler to the package loggers once (the core logs under the same root)."""
    global _handler
    if _handler is not None:
        return
    _handler = QgisLogHandler()
    _handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
    root = logging.getLogger("lifecircle_plugin")
    root.addHandler(_handler)
    root.setLevel(logging.INFO)


def uninstall() -> None:
    global _handler
    if _handler is not None:
        logging.getLogger("lifecircle_plugin").removeHandler(_handler)
        _handler = None
