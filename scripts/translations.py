"""Qt translations: `update` collects strings into .ts files, `compile` makes .qm files.

The plugin's strings go to resources/i18n/lifecircle_zh_CN.ts, the survey app's to
resources/i18n/survey_app_zh_CN.ts. English is the source language, so an English QGIS
needs no .qm (the en .qm files are still built so that loading them can be tested).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
TARGETS = {
    "lifecircle": ROOT / "lifecircle_plugin",
    "survey_app": ROOT / "survey_app",
}
LANGUAGES = ("zh_CN", "en")


def sources(folder: Path) -> list:
    return sorted(str(p) for p in folder.rglob("*.py") if "core" not in p.parts)


def update() -> None:
    for name, folder in TARGETS.items():
        files = sources(folder)
        if not files:
            continue
        for lang in LANGUAGES:
            ts = I18N / f"{name}_{lang}.ts"
            subprocess.run(["pylupdate5", "-noobsolete", *files, "-ts", str(ts)], check=True)


def compile_all() -> None:
    for ts in sorted(I18N.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run(["lrelease", "-silent", str(ts), "-qm", str(qm)], check=True)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "compile"
    {"update": update, "compile": compile_all}[command]()
