"""`tr()` for the plugin's module-level strings.

pylupdate5 files bare `tr("...")` calls under the context "@default"; this function looks
them up under the same context, so one helper serves every module. Widgets that are
QObjects may use their own `self.tr()`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from .core.paths import resource


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)


def install_translator(locale: str) -> Optional[QTranslator]:
    """Install the plugin's translator for `locale` (e.g. 'zh_CN'); None if there is no .qm.

    The caller keeps the returned object: Qt forgets a translator that is garbage-collected.
    """
    qm = Path(resource("i18n", f"lifecircle_{locale[:5]}.qm")) if locale else None
    if qm is None or not qm.exists():
        return None
    translator = QTranslator()
    if not translator.load(str(qm)):
        return None
    QCoreApplication.installTranslator(translator)
    return translator
