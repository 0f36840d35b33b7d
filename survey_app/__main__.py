"""`python -m survey_app [PACKAGE] [--lang zh_CN|en]`: the offline survey app."""
from __future__ import annotations

import argparse
import logging
import sys

from PyQt5.QtWidgets import QApplication

from . import i18n

log = logging.getLogger(__name__)


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="survey_app", description=__doc__)
    parser.add_argument("package", nargs="?", help="survey package (.lcsurvey) to open")
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default=None,
                        help="interface language (default: Chinese unless the system is English)")
    return parser.parse_args(argv)


def create_app(argv: list, language: str = None) -> tuple:
    """The QApplication with the translator of the chosen language installed."""
    app = QApplication.instance() or QApplication(argv)
    language = i18n.install(app, i18n.choose_language(language))
    app.setProperty("survey_language", language)
    app.setApplicationName("Life Circle survey")
    return app, language


def main(argv=None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app, language = create_app(sys.argv[:1], args.lang)
    from .window import MainWindow

    window = MainWindow(language)
    window.show()
    if args.package:
        window.open_package(args.package)
    else:
        window.choose_package()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
