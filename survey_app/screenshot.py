"""Save a PNG of the app on a real package, for the README: `python -m survey_app.screenshot`.

    python -m survey_app.screenshot PACKAGE OUT.png [--lang zh_CN] [--facility N]

Runs offscreen (QT_QPA_PLATFORM=offscreen) or under xvfb-run; selects the N-th facility
of the list so the form and the map selection show.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys

log = logging.getLogger(__name__)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="survey_app.screenshot")
    parser.add_argument("package")
    parser.add_argument("out")
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--facility", type=int, default=0)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PyQt5.QtWidgets import QApplication

    from .__main__ import create_app
    from .window import MainWindow

    app, language = create_app(sys.argv[:1], args.lang)
    window = MainWindow(language, ask_name=False)
    window.resize(1400, 860)
    window.show()
    if not window.open_package(args.package):
        return 1
    window.list_panel.table.selectRow(args.facility)
    for _ in range(5):
        QApplication.processEvents()
    window.map_view.zoom_to_all()
    QApplication.processEvents()
    saved = window.grab().save(args.out, "PNG")
    print(args.out if saved else "could not save the screenshot")
    window.close()
    return 0 if saved else 1


if __name__ == "__main__":
    sys.exit(main())
