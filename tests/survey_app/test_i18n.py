"""Chinese first, English too; every string translated; the app never imports QGIS."""
from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import facility_of_type
from PyQt5.QtWidgets import QApplication

from survey_app import i18n

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"


def messages(ts: Path) -> dict:
    tree = ET.parse(ts)
    found = {}
    for context in tree.getroot().iter("context"):
        name = context.find("name").text
        for message in context.iter("message"):
            translation = message.find("translation")
            found[(name, message.find("source").text)] = (translation.text,
                                                           translation.get("type"))
    return found


@pytest.fixture(scope="module")
def fresh_ts(tmp_path_factory) -> dict:
    """What pylupdate5 collects from the sources now (so the .ts files cannot lag)."""
    out = tmp_path_factory.mktemp("ts") / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "survey_app").rglob("*.py"))
    subprocess.run(["pylupdate5", "-noobsolete", *sources, "-ts", str(out)], check=True,
                   capture_output=True)
    return messages(out)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_message_is_translated(fresh_ts, language):
    committed = messages(I18N / f"survey_app_{language}.ts")
    assert set(fresh_ts) <= set(committed), sorted(set(fresh_ts) - set(committed))
    unfinished = [key for key, (text, kind) in committed.items() if not text or kind]
    assert unfinished == []
    if language == "zh_CN":
        untranslated = [key for key, (text, _) in committed.items()
                        if not any("\u4e00" <= ch <= "\u9fff" for ch in text)]
        assert untranslated == []


@pytest.fixture
def chinese(qapp):
    i18n.install(qapp, "zh_CN")
    yield
    i18n.install(qapp, "en")


def test_chinese_window(qtbot, package, chinese):
    from survey_app.window import MainWindow

    window = MainWindow("zh_CN", ask_name=False)
    qtbot.addWidget(window)
    assert window.open_package(package)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["文件(&F)", "编辑(&E)", "设施(&A)", "视图(&V)", "帮助(&H)"]
    window.list_panel.select(facility_of_type(package, "kindergarten"))
    assert window.form.rows["present"].label.text() == "现场状态 *"
    assert "幼儿园" in window.form.title.text()
    assert window.list_panel.model.headerData(0, 1) == "名称"
    window.close()


def test_language_choice():
    assert i18n.choose_language("en") == "en"
    assert i18n.choose_language("zh_CN") == "zh_CN"
    with pytest.raises(ValueError):
        i18n.choose_language("fr")
    assert QApplication.instance() is not None


def test_app_runs_without_qgis():
    code = ("import sys, survey_app.window, survey_app.__main__, survey_app.screenshot;"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'qgis');"
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    sources = "\n".join(p.read_text(encoding="utf-8")
                        for p in (ROOT / "survey_app").rglob("*.py"))
    assert "qgis" not in sources.lower().replace("no qgis", "")


def test_command_line_help():
    result = subprocess.run([sys.executable, "-m", "survey_app", "--help"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0 and "--lang" in result.stdout
