"""README screenshots from a finished `make demo`: report, official map, plugin, survey app.

    make demo && QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_readme.py

- report.png: the top of out/report.html rendered by QtWebKit;
- official_map.png: page 1 of out/official_map.pdf rendered by pdftoppm (poppler-utils);
- plugin_results.png: the plugin's map with results beside its 生活圈 dock, composed from
  scripts/screenshots_plugin.py's PNGs (run that first);
- survey_app.png: the survey app on out/survey_package.lcsurvey (survey_app.screenshot).
Images are reduced to 256 colours so each stays well under 300 KB.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent

from PyQt5.QtCore import QEventLoop, QSize, QTimer, QUrl  # noqa: E402
from PyQt5.QtGui import QColor, QImage, QPainter  # noqa: E402
from PyQt5.QtWidgets import QApplication  # noqa: E402

LIMIT = 300_000


def save_small(image: QImage, path: Path, width: int) -> Path:
    """Scale to `width`, reduce to 256 colours, and check the size limit."""
    from PyQt5.QtCore import Qt

    if image.width() > width:
        image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    image = image.convertToFormat(QImage.Format.Format_Indexed8)
    image.save(str(path), "PNG", 9)
    size = path.stat().st_size
    if size > LIMIT:
        print(f"warning: {path.name} is {size} bytes (> {LIMIT})", file=sys.stderr)
    print(f"{path} ({size // 1024} KB)")
    return path


def report_png(html: Path, out: Path, height: int = 1500) -> Path:
    from PyQt5.QtWebKitWidgets import QWebPage

    page = QWebPage()
    loop = QEventLoop()
    page.loadFinished.connect(loop.quit)
    page.mainFrame().load(QUrl.fromLocalFile(str(html.resolve())))
    QTimer.singleShot(30_000, loop.quit)
    loop.exec()
    page.setViewportSize(QSize(1150, height))
    image = QImage(1150, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    page.mainFrame().render(painter)
    painter.end()
    return save_small(image, out / "report.png", 900)


def official_map_png(pdf: Path, out: Path) -> Path:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "page"
        subprocess.run(["pdftoppm", "-r", "90", "-f", "1", "-l", "1", "-png", str(pdf),
                        str(base)], check=True)
        image = QImage(str(next(Path(folder).glob("page*.png"))))
    return save_small(image, out / "official_map.png", 1000)


def plugin_png(shots: Path, out: Path) -> Path:
    map_image = QImage(str(shots / "map_results.png"))
    dock = QImage(str(shots / "dock_subdistrict.png"))
    if map_image.isNull() or dock.isNull():
        raise SystemExit("run scripts/screenshots_plugin.py first (map_results.png, "
                         "dock_subdistrict.png)")
    height = max(map_image.height(), dock.height())
    image = QImage(map_image.width() + dock.width() + 24, height + 24,
                   QImage.Format.Format_RGB32)
    image.fill(QColor("#d9d9d9"))
    painter = QPainter(image)
    painter.drawImage(8, 12, map_image)
    painter.drawImage(map_image.width() + 16, 12, dock)
    painter.end()
    return save_small(image, out / "plugin_results.png", 1200)


def survey_png(package: Path, out: Path) -> Path:
    with tempfile.TemporaryDirectory() as folder:
        raw = Path(folder) / "survey.png"
        subprocess.run([sys.executable, "-m", "survey_app.screenshot", str(package), str(raw),
                        "--demo", "--facility", "3"], check=True, cwd=ROOT)
        image = QImage(str(raw))
    return save_small(image, out / "survey_app.png", 1100)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="screenshots_readme")
    parser.add_argument("--demo-out", type=Path, default=ROOT / "out")
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    args.out.mkdir(parents=True, exist_ok=True)
    report_png(args.demo_out / "report.html", args.out)
    official_map_png(args.demo_out / "official_map.pdf", args.out)
    plugin_png(args.out, args.out)
    survey_png(args.demo_out / "survey_package.lcsurvey", args.out)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
