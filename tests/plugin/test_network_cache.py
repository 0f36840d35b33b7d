"""Re-evaluating from the dock reuses the prepared walking network until the project changes.

The Changning data has no street network, so the test lays a 250 m street grid over the
district's extent into a copy of the real project (through core.gpkg, per the schema).
"""
from __future__ import annotations

import sqlite3

import numpy as np
import pytest
from qgis.core import QgsProject
from shapely.geometry import LineString

from lifecircle_plugin import settings
from lifecircle_plugin.core import project_schema as schema
from lifecircle_plugin.core.gpkg import Feature, open_dataset, write_layer
from lifecircle_plugin.gui.controller import Controller
from lifecircle_plugin.gui.dock import LifeCircleDock

SPACING = 250.0


def add_street_grid(gpkg) -> int:
    with sqlite3.connect(str(gpkg)) as db:
        minx, maxx, miny, maxy = db.execute(
            "SELECT MIN(minx), MAX(maxx), MIN(miny), MAX(maxy) FROM rtree_subdistricts_geom"
        ).fetchone()
    xs = np.arange(minx - SPACING, maxx + SPACING, SPACING)
    ys = np.arange(miny - SPACING, maxy + SPACING, SPACING)
    node = {(i, j): i * len(ys) + j + 1 for i in range(len(xs)) for j in range(len(ys))}
    edges = []
    for (i, j), u in node.items():
        for di, dj in ((1, 0), (0, 1)):
            if (i + di, j + dj) in node:
                line = LineString([(xs[i], ys[j]), (xs[i + di], ys[j + dj])])
                edges.append(Feature({"edge_id": len(edges), "u": u, "v": node[i + di, j + dj],
                                      "length_m": line.length, "highway": "residential",
                                      "component": 0}, line))
    dataset = open_dataset(gpkg, update=True)
    write_layer(dataset, schema.NETWORK_EDGES, edges, schema.DEFAULT_CRS)
    dataset = None
    return len(edges)


@pytest.fixture()
def controller(qgis_iface, qgis_new_project, qtbot, project_copy):
    assert add_street_grid(project_copy) > 1000
    settings.LOAD_SERVICE_AREAS.set_value(False)  # service areas are not what is tested
    dock = LifeCircleDock()
    qtbot.addWidget(dock)
    controller = Controller(qgis_iface, dock, QgsProject.instance())
    assert controller.open_project(project_copy)
    yield controller
    settings.LOAD_SERVICE_AREAS.reset()
    QgsProject.instance().clear()


def run_evaluation(controller, qtbot):
    with qtbot.waitSignal(controller.task_ended, timeout=120000) as ended:
        controller.evaluate()
    assert ended.args == ["succeeded"]
    return controller.evaluation


def test_second_evaluation_reuses_the_network_until_facilities_change(
        controller, qtbot, project_copy):
    first = run_evaluation(controller, qtbot)
    assert first.method == "network" and first.network is not None
    second = run_evaluation(controller, qtbot)
    assert second.network is first.network
    assert controller.network_cache.hits == 1
    np.testing.assert_array_equal(first.distances, second.distances)
    with sqlite3.connect(str(project_copy)) as db:
        db.execute("DELETE FROM facilities WHERE fid = (SELECT MIN(fid) FROM facilities)")
    third = run_evaluation(controller, qtbot)
    assert third.network is not first.network
    assert controller.network_cache.hits == 1
