"""Benchmark of the survey app on a 10,000-facility package: open + show, save one answer.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_survey_app.py

Facilities are the real OSM points of the whole of Changning, typed with the catalogue's
rules and repeated with a small offset until there are 10,000; the map context is the real
sub-district boundaries and cycleways. Targets: list and map shown in < 1 s, an answer
saved through the form in < 20 ms. Each figure is also printed as a ratio to a reference
measured in the same process (plain sqlite3 doing the least the same job needs), so runs on
different machines compare.
"""
from __future__ import annotations

import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "survey_app")]

COUNT = 10_000
SAVES = 50


def build(out: Path, data: Path) -> Path:
    from package_support import _project, _streets, classified_pois, facility_rows, subdistricts
    from shapely.ops import unary_union

    from lifecircle_plugin.core.survey.checklists import checklist_rows, default_checklists
    from lifecircle_plugin.core.survey.packagefile import write_package

    project = _project()
    areas = subdistricts(data)
    district = unary_union(list(areas.values()))
    base = facility_rows(classified_pois(data, district), project, "长宁区")
    rows = []
    for index in range(COUNT):
        row = dict(base[index % len(base)])
        shift = (index // len(base)) * 7.0
        row.update(uuid=f"00000000-0000-4000-8000-{index:012d}", x=row["x"] + shift,
                   y=row["y"] - shift, base=dict(row["base"], x=row["x"] + shift,
                                                  y=row["y"] - shift))
        rows.append(row)
    context = [{"layer": "subdistricts", "name": name, "wkt": project(g).wkt}
               for name, g in areas.items()]
    context += _streets(data, district, project)
    info = {"project_id": "bench", "crs": "EPSG:4549", "area": "长宁区", "task": "",
            "inspector": "王芳", "facility_count": COUNT}
    return write_package(out, info, rows, checklist_rows(default_checklists()), context)


def reference_read(path: Path) -> float:
    """Plain sqlite3 reading the rows the list and map need."""
    start = time.perf_counter()
    connection = sqlite3.connect(path)
    rows = connection.execute("SELECT uuid, facility_type, task, name, address, status, x, y "
                              "FROM facilities").fetchall()
    connection.close()
    assert len(rows) == COUNT
    return time.perf_counter() - start


def reference_commit(folder: Path) -> float:
    """Median of one durable single-row commit (WAL, synchronous=FULL) on the same disk."""
    connection = sqlite3.connect(folder / "reference.sqlite", isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT)")
    times = []
    for index in range(SAVES):
        start = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("INSERT OR REPLACE INTO t VALUES ('q', ?)", (json.dumps(index),))
        connection.execute("COMMIT")
        times.append(time.perf_counter() - start)
    connection.close()
    return statistics.median(times)


def main() -> int:
    data = Path(os.environ.get("LIFECIRCLE_DATA", ROOT.parent / "shared" / "data")) / "changning"
    from PyQt5.QtCore import Qt
    from PyQt5.QtTest import QTest
    from PyQt5.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from survey_app.window import MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        package = build(folder / "bench.lcsurvey", data)
        print(f"package of {COUNT} facilities built in {time.perf_counter() - started:.2f} s")
        window = MainWindow("zh_CN", ask_name=False)
        window.resize(1400, 860)
        window.show()
        app.processEvents()
        ref_read = reference_read(package)
        start = time.perf_counter()
        window.open_package(package)
        window.repaint()
        app.processEvents()
        shown = time.perf_counter() - start
        assert window.list_panel.proxy.rowCount() == COUNT
        assert len(window.map_view.layer.positions) == COUNT

        uuid = next(f.uuid for f in window.list_panel.model.facilities()
                    if f.facility_type == "supermarket")
        window.list_panel.select(uuid)
        window.save_answer("present", "open")
        window.form.show_audit(window.form.title.text(), window.session.checklist("supermarket"),
                               window.session.answers(uuid), {})
        edit = window.form.rows["floor_area_m2"].field.edit
        times = []
        for index in range(SAVES):
            edit.setText(str(100 + index))
            start = time.perf_counter()
            QTest.keyClick(edit, Qt.Key.Key_Return)
            times.append(time.perf_counter() - start)
        stored = window.session.answers(uuid)["floor_area_m2"]
        assert stored == 100.0 + SAVES - 1, stored
        ref_commit = reference_commit(folder)
        window.close()

    save = statistics.median(times)
    print(f"open package + show list and map: {shown * 1000:.0f} ms (target < 1000 ms); "
          f"{shown / ref_read:.0f}x plain sqlite3 reading the rows ({ref_read * 1000:.1f} ms)")
    print(f"save an answer through the form: median {save * 1000:.1f} ms, max "
          f"{max(times) * 1000:.1f} ms over {SAVES} (target < 20 ms); "
          f"{save / ref_commit:.1f}x one plain durable commit ({ref_commit * 1000:.2f} ms)")
    from targets import target  # tests/benchmarks, the script's folder

    target("app: open package + show list and map", f"{shown * 1000:.0f} ms", "< 1000 ms",
           shown < 1)
    target("app: save an answer through the form (median)", f"{save * 1000:.1f} ms",
           "< 20 ms", save < 0.020)
    return 0


if __name__ == "__main__":
    sys.exit(main())
