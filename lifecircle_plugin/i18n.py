"""`tr()` for the plugin's module-level strings.

pylupdate5 files bare `tr("...")` calls under the context "@default"; this function looks
them up under the same context, so one helper serves every module. Widgets that are
QObjects may use their own `self.tr()`.
"""
from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)
