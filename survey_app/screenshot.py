"""Save a PNG of the app on a real package, for the README: `python -m survey_app.screenshot`.

    python -m survey_app.screenshot PACKAGE OUT.png [--lang zh_CN] [--facility N] [--demo]

Runs offscreen (QT_QPA_PLATFORM=offscreen) or under xvfb-run; selects the N-th facility
of the list so the form and the map selection show. With --demo the app works on a
temporary copy in which some facilities are audited (draft, complete, closed), so every
map colour shows; the package itself is never written.
"""
from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="survey_app.screenshot")
    parser.add_argument("package")
    parser.add_argument("out")
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--facility", type=int, default=0)
    parser.add_argument("--demo", action="store_true",
                        help="audit some facilities of a temporary copy first")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        package = Path(args.package)
        if args.demo:
            package = Path(shutil.copyfile(package, Path(folder) / package.name))
        return _shoot(args, package, Path(folder))


def _shoot(args, package: Path, folder: Path) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PyQt5.QtWidgets import QApplication

    from .__main__ import create_app
    from .window import MainWindow

    app, language = create_app(sys.argv[:1], args.lang)
    window = MainWindow(language, ask_name=False)
    window.resize(1400, 860)
    window.show()
    if not window.open_package(package):
        return 1
    if args.demo:
        _demo_audits(window, folder)
        window.open_package(package)
    window.list_panel.table.selectRow(args.facility)
    for _ in range(5):
        QApplication.processEvents()
    window.map_view.zoom_to_all()
    QApplication.processEvents()
    saved = window.grab().save(args.out, "PNG")
    print(args.out if saved else "could not save the screenshot")
    window.close()
    return 0 if saved else 1


def _demo_audits(window, folder: Path) -> None:
    """Every fourth facility gets a draft, every seventh a complete audit, every
    eleventh is marked closed: answers as an inspector would give them."""
    from PyQt5.QtGui import QColor, QImage

    photo = folder / "门口.jpg"
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#8d6e63"))
    image.save(str(photo), "JPG")
    session = window.session
    for index, facility in enumerate(window.list_panel.model.facilities()):
        if index % 11 == 5:
            session.set_status(facility.uuid, "closed")
        elif index % 7 == 3:
            _complete(session, facility, photo)
        elif index % 4 == 1:
            session.save_answer(facility.uuid, "present", "open")


def _complete(session, facility, photo: Path) -> None:
    from lifecircle_plugin.core.survey.checklists import missing_required

    session.save_answer(facility.uuid, "present", "open")
    checklist = session.checklist(facility.facility_type)
    for question in missing_required(checklist, session.answers(facility.uuid)):
        if question.kind == "photo":
            session.add_photo(facility.uuid, question.id, str(photo))
            continue
        value = {"yes_no": True, "text": "—", "date": "2026-05-19", "time": "08:00",
                 "datetime": "2026-05-19T09:00+08:00"}.get(question.kind)
        if question.kind in ("single_choice", "multi_choice"):
            first = question.options[0].value
            value = first if question.kind == "single_choice" else [first]
        elif question.kind in ("integer", "decimal"):
            value = int(question.min or 0) + 1
        session.save_answer(facility.uuid, question.id, value)
    session.complete(facility.uuid)


if __name__ == "__main__":
    sys.exit(main())
