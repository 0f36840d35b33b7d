"""Packages that cannot be used are refused untouched; a killed writer loses nothing saved."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from survey_support import make_package, sha256  # noqa: E402

from lifecircle_plugin.core import gpkg  # noqa: E402
from lifecircle_plugin.core.errors import InputError  # noqa: E402
from lifecircle_plugin.core.survey.packagefile import (  # noqa: E402
    CorruptPackage,
    NewerSchema,
    NotAPackage,
    PackageError,
)
from lifecircle_plugin.core.survey.schema import SCHEMA_VERSION  # noqa: E402
from lifecircle_plugin.core.survey.store import SurveyStore  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def _refused(path, error_type, words):
    before = sha256(path)
    siblings = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(error_type) as info:
        SurveyStore(path)
    assert isinstance(info.value, PackageError) and isinstance(info.value, InputError)
    assert words in info.value.message
    assert info.value.file == str(path)
    assert sha256(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == siblings
    return info.value


def test_text_file_is_refused(tmp_path):
    path = tmp_path / "notes.lcsurvey"
    path.write_text("这不是调查包\n", encoding="utf-8")
    _refused(path, NotAPackage, "not an SQLite file")


def test_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.lcsurvey"
    path.write_bytes(b"")
    _refused(path, NotAPackage, "empty")


def test_empty_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "db.lcsurvey"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()
    _refused(path, NotAPackage, "empty SQLite database")


def test_geopackage_is_refused(tmp_path):
    path = tmp_path / "project.gpkg"
    dataset = gpkg.create_geopackage(path)
    gpkg.write_layer(dataset, "lc_metadata", [gpkg.Feature({"key": "project_id", "value": "x"})],
                     "EPSG:4549")
    dataset = None
    _refused(path, NotAPackage, "GeoPackage")


def test_newer_schema_is_refused(tmp_path):
    path = make_package(tmp_path / "new.lcsurvey", 3,
                        info={"schema_version": str(SCHEMA_VERSION + 1)})
    error = _refused(path, NewerSchema, "Update Life Circle")
    assert error.version == SCHEMA_VERSION + 1


def test_truncated_package_is_refused(tmp_path):
    path = make_package(tmp_path / "cut.lcsurvey", 300)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    _refused(path, CorruptPackage, "damaged")


def test_overwritten_pages_are_refused(tmp_path):
    path = make_package(tmp_path / "bad.lcsurvey", 300)
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 2, min(len(data), page * 6), 7):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))
    _refused(path, CorruptPackage, "damaged")


def test_package_without_its_tables_is_refused(tmp_path):
    path = make_package(tmp_path / "half.lcsurvey", 3)
    connection = sqlite3.connect(path)
    connection.execute("DROP TABLE photos")
    connection.commit()
    connection.close()
    _refused(path, CorruptPackage, "missing")


WRITER = textwrap.dedent("""
    import sys
    from lifecircle_plugin.core.survey.store import SurveyStore
    store = SurveyStore(sys.argv[1])
    store.set_inspector("kill test")
    count = 0
    for row in store.facilities():
        audit = store.start_audit(row.uuid)
        store.save_answer(audit.audit_uuid, "present", "open")
        store.save_answer(audit.audit_uuid, "notes", "第%d条" % count)
        count += 1
        print(count, row.uuid, audit.audit_uuid, flush=True)
    print("done", flush=True)
    import time
    time.sleep(60)
""")


def test_kill_9_after_n_answers_loses_none(tmp_path):
    path = make_package(tmp_path / "kill.lcsurvey", 400)
    wanted = 37
    process = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    saved = []
    try:
        for line in process.stdout:
            saved.append(line.split())
            if len(saved) == wanted:
                os.kill(process.pid, signal.SIGKILL)
                break
    finally:
        process.kill()
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, process.stderr.read()
    assert len(saved) == wanted
    assert Path(str(path) + "-wal").exists()  # the writer died with its WAL unfolded
    with SurveyStore(path) as store:
        for count, facility_uuid, audit_uuid in saved:
            answers = store.answers(audit_uuid)
            assert answers["present"] == "open"
            assert answers["notes"] == f"第{int(count) - 1}条"
            assert store.current_audit(facility_uuid).audit_uuid == audit_uuid
        assert store.inspector == "kill test"


def test_refusals_have_a_chinese_sentence(tmp_path):
    path = make_package(tmp_path / "v9.lcsurvey", 2, info={"schema_version": "9"})
    with pytest.raises(NewerSchema) as info:
        SurveyStore(path)
    assert "格式版本 9" in info.value.text("zh") and "version 9" in info.value.text("en")
    text = tmp_path / "a.lcsurvey"
    text.write_text("x", encoding="utf-8")
    with pytest.raises(NotAPackage) as info:
        SurveyStore(text)
    assert info.value.text() == NotAPackage.message_zh and "调查包" in info.value.text()
