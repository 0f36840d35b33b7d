"""The HTML report and CSV tables, checked against the catalogue CSV and the GeoPackage rows
read independently (csv module, sqlite3), not through the report code."""
from __future__ import annotations

import csv
import re
import sqlite3
from pathlib import Path

import pytest

from lifecircle_plugin.core.paths import resource

CATALOGUE_CSV = Path(resource("catalogue", "facility_types.csv"))


def _catalogue_rows():
    with open(CATALOGUE_CSV, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _section(document: str, anchor: str) -> str:
    start = document.index(f'id="{anchor}"')
    end = document.find("<h2", start)
    return document[start:end if end > 0 else len(document)]


def _sql(path, query):
    with sqlite3.connect(path) as connection:
        return connection.execute(query).fetchall()


@pytest.fixture(scope="module")
def report(results_project, tmp_path_factory):
    from lifecircle_plugin.report.data import load_report_data
    from lifecircle_plugin.report.html import write_html

    out = tmp_path_factory.mktemp("html")
    data = load_report_data(results_project)
    path = write_html(out / "report.html", data, maps={"虹桥街道": "maps/map_01.png"})
    return path.read_text(encoding="utf-8"), data


def test_every_unverified_threshold_is_listed_and_no_verified_one(report):
    document, _ = report
    section = _section(document, "unverified")
    listed = set(re.findall(r"<tr><td>([a-z0-9_]+)</td>", section))
    rows = _catalogue_rows()
    expected = {r["facility_id"] for r in rows
                if r["threshold_m"].strip() and r["verif_threshold"] != "V"}
    verified = {r["facility_id"] for r in rows if r["verif_threshold"] == "V"}
    assert expected and listed == expected
    assert not listed & verified


def test_report_says_straight_line_without_network(report, network_results_project):
    from lifecircle_plugin.report.data import load_report_data
    from lifecircle_plugin.report.html import render_html

    document, _ = report
    assert "straight-line × detour factor 1.3" in document
    assert "直线距离 × 绕行系数 1.3" in document
    assert document.count("straight-line") >= 3  # banner, method section, footer
    networked = render_html(load_report_data(network_results_project))
    assert "straight-line" not in networked and "walking network" in networked


def test_each_subdistrict_has_a_section_with_its_rows_and_verdicts(report, results_project):
    document, _ = report
    names = [row[0] for row in _sql(results_project, "SELECT name FROM subdistricts")]
    for name in names:
        assert f'id="sd-{name}"' in document
    met = _sql(results_project, "SELECT count(*) FROM subdistrict_results "
                                "WHERE meets_target = 1")[0][0]
    not_met = _sql(results_project, "SELECT count(*) FROM subdistrict_results "
                                    "WHERE meets_target = 0")[0][0]
    task_met = _sql(results_project, "SELECT count(*) FROM task_results WHERE meets_target=1")
    task_not = _sql(results_project, "SELECT count(*) FROM task_results WHERE meets_target=0")
    assert document.count("达标 ✓") == met + task_met[0][0]
    assert document.count("未达标 ✗") == not_met + task_not[0][0]
    assert 'src="maps/map_01.png"' in document


def test_gaps_are_counted_per_subdistrict_and_type(report, results_project):
    _, data = report
    rows = _sql(results_project, "SELECT subdistrict, facility_type, count(*), sum(population) "
                                 "FROM gaps GROUP BY subdistrict, facility_type")
    assert rows
    for subdistrict, facility_type, count, population in rows:
        gap = data.gaps[(subdistrict, facility_type)]
        assert gap.origins == count and gap.population == pytest.approx(population)


def test_sources_with_attribution_and_licence(report):
    document, _ = report
    assert "© OpenStreetMap contributors (ODbL)" in document
    assert "ODbL 1.0" in document and "osm_pois.geojson" in document
    # the fixture's sub-districts file is the shared data's: described, with its licence
    assert "public research repository" in document and "no licence stated" in document


def test_csv_tables_have_bom_and_every_row(report, results_project, tmp_path):
    from lifecircle_plugin.report.tables import write_tables

    _, data = report
    written = write_tables(data, tmp_path)
    expected = {
        "subdistrict_results": _sql(results_project,
                                    "SELECT count(*) FROM subdistrict_results")[0][0],
        "task_results": _sql(results_project, "SELECT count(*) FROM task_results")[0][0],
        "best_sites": _sql(results_project, "SELECT count(*) FROM site_scores")[0][0],
    }
    for name, path in written.items():
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), name
        if name in expected:
            with open(path, encoding="utf-8-sig", newline="") as handle:
                assert len(list(csv.DictReader(handle))) == expected[name], name


def test_network_report_counts_origins_off_the_network(network_results_project):
    from lifecircle_plugin.report.data import load_report_data
    from lifecircle_plugin.report.html import render_html

    unsnapped = _sql(network_results_project, "SELECT count(*) FROM origin_results "
                                              "WHERE snapped = 0")[0][0]
    total = _sql(network_results_project, "SELECT count(*) FROM origin_results")[0][0]
    assert 0 < unsnapped < total
    document = render_html(load_report_data(network_results_project))
    assert f"to be routed</span>: {unsnapped} / {total}" in document
