"""Build the zip that QGIS's Plugin Manager installs with "Install from ZIP".

One top folder `lifecircle_plugin/` with metadata.txt, the code, and resources/ (catalogue,
checklists, styles, icons, compiled translations). No tests, caches or .ts sources.
"""
from __future__ import annotations

import argparse
import configparser
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP_DIRS = {"__pycache__", ".pytest_cache", "tests", "screenshots"}  # screenshots: README only
SKIP_SUFFIXES = {".pyc", ".pyo", ".ts"}


def _files(folder: Path):
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not (SKIP_DIRS & set(path.parts)) \
                and path.suffix not in SKIP_SUFFIXES:
            yield path


def build(out_dir: Path) -> Path:
    config = configparser.ConfigParser()
    config.read(ROOT / "metadata.txt", encoding="utf-8")
    version = config["general"]["version"]
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"lifecircle_plugin-{version}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(ROOT / "metadata.txt", "lifecircle_plugin/metadata.txt")
        for path in _files(ROOT / "lifecircle_plugin"):
            rel = path.relative_to(ROOT / "lifecircle_plugin")
            archive.write(path, f"lifecircle_plugin/{rel}")
        for path in _files(ROOT / "resources"):
            rel = path.relative_to(ROOT / "resources")
            archive.write(path, f"lifecircle_plugin/resources/{rel}")
    return target


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    print(build(parser.parse_args().out))
