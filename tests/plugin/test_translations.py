"""Translations: .qm files load, zh_CN is complete, and the .ts covers every tr() string."""
from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"


def messages(ts: Path):
    root = ET.parse(ts).getroot()
    return [(m.find("source").text, m.find("translation")) for m in root.iter("message")]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_string_is_translated(language):
    found = messages(I18N / f"lifecircle_{language}.ts")
    assert len(found) > 100
    untranslated = [source for source, translation in found
                    if not (translation.text or "").strip()
                    or translation.get("type") in ("unfinished", "vanished", "obsolete")]
    assert not untranslated


def test_placeholders_survive_translation():
    for source, translation in messages(I18N / "lifecircle_zh_CN.ts"):
        for index in range(4):
            if "{" + str(index) in source:
                assert "{" + str(index) in translation.text, source


@pytest.mark.skipif(shutil.which("pylupdate5") is None, reason="pylupdate5 not installed")
def test_ts_file_covers_every_tr_string_in_the_code(tmp_path):
    files = sorted(str(p) for p in (ROOT / "lifecircle_plugin").rglob("*.py")
                   if "core" not in p.parts)
    fresh = tmp_path / "fresh.ts"
    subprocess.run(["pylupdate5", "-noobsolete", *files, "-ts", str(fresh)], check=True,
                   capture_output=True)
    in_code = {source for source, _ in messages(fresh)}
    in_ts = {source for source, _ in messages(I18N / "lifecircle_zh_CN.ts")}
    assert in_code - in_ts == set(), "run scripts/translations.py update and translate"


@pytest.mark.parametrize("language, expected", [("zh_CN", "评估"), ("en", "Evaluate")])
def test_qm_files_load_and_translate(qgis_app, language, expected):
    qm = I18N / f"lifecircle_{language}.qm"
    if not qm.exists():
        subprocess.run(["lrelease", "-silent", str(qm.with_suffix(".ts")), "-qm", str(qm)],
                       check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("@default", "Evaluate") == expected
    finally:
        QCoreApplication.removeTranslator(translator)
