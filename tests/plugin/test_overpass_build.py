"""New project with "download OSM facilities for the map extent", against a local server.

The server replays a real Overpass answer (../shared/data/overpass) on 127.0.0.1, so the
test exercises the plugin's wiring (extent → query → saved file → build source) offline.
"""
from __future__ import annotations

import hashlib
import http.server
import json
import sqlite3
import threading
import urllib.parse

import pytest
from qgis.core import QgsProject

from lifecircle_plugin import settings
from lifecircle_plugin.gui.build_config import BuildInputs, to_build_config
from lifecircle_plugin.gui.controller import Controller
from lifecircle_plugin.gui.dock import LifeCircleDock

CHANGNING_BBOX = (121.3274, 31.1798, 121.4348, 31.2459)


def serve(answer: bytes, status: int = 200):
    """An Overpass stand-in on 127.0.0.1 answering every query with `answer`."""
    queries = []

    class Replay(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server's name
            body = self.rfile.read(int(self.headers["Content-Length"]))
            queries.append(urllib.parse.parse_qs(body.decode("utf-8"))["data"][0])
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Replay)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.OVERPASS_URL.set_value(f"http://127.0.0.1:{server.server_port}/api/interpreter")
    return server, queries


@pytest.fixture()
def overpass_server(data_dir):
    answer = (data_dir / "overpass" / "schools_kindergartens.json").read_bytes()
    server, queries = serve(answer)
    yield answer, queries
    settings.OVERPASS_URL.reset()
    server.shutdown()


@pytest.fixture()
def refusing_server():
    server, _queries = serve(b"rate limited", status=400)
    yield
    settings.OVERPASS_URL.reset()
    server.shutdown()


def test_build_with_an_overpass_download(overpass_server, qgis_iface, qgis_new_project,
                                         qtbot, changning_dir, tmp_path):
    answer, queries = overpass_server
    out = tmp_path / "overpass.gpkg"
    inputs = BuildInputs(subdistricts=str(changning_dir / "subdistricts.geojson"),
                         output=str(out), overpass_bbox=CHANGNING_BBOX)
    assert not inputs.problems()
    dock = LifeCircleDock()
    qtbot.addWidget(dock)
    controller = Controller(qgis_iface, dock, QgsProject.instance())
    with qtbot.waitSignal(controller.task_ended, timeout=120000) as ended:
        controller.build(to_build_config(inputs), out, CHANGNING_BBOX)
    assert ended.args == ["succeeded"]
    assert len(queries) == 1 and "(31.1798,121.3274,31.2459,121.4348)" in queries[0]
    saved = out.with_name("overpass_overpass.json")
    assert json.loads(saved.read_bytes()) == json.loads(answer)
    with sqlite3.connect(str(out)) as db:
        sources = db.execute("SELECT path, sha256 FROM lc_sources").fetchall()
        kindergartens = db.execute("SELECT COUNT(*) FROM facilities WHERE facility_type="
                                   "'kindergarten'").fetchone()[0]
    assert (str(saved), hashlib.sha256(saved.read_bytes()).hexdigest()) in sources
    tagged = [e for e in json.loads(answer)["elements"]
              if (e.get("tags") or {}).get("amenity") == "kindergarten"]
    assert 0 < kindergartens <= len(tagged)
    QgsProject.instance().clear()


def test_a_refused_overpass_query_is_a_message(refusing_server, qgis_iface, qgis_new_project,
                                               qtbot, changning_dir, tmp_path):
    from qgis.core import Qgis

    out = tmp_path / "refused.gpkg"
    inputs = BuildInputs(subdistricts=str(changning_dir / "subdistricts.geojson"),
                         output=str(out), overpass_bbox=CHANGNING_BBOX)
    dock = LifeCircleDock()
    qtbot.addWidget(dock)
    controller = Controller(qgis_iface, dock, QgsProject.instance())
    bar = qgis_iface.messageBar()
    bar.clear_messages()
    with qtbot.waitSignal(controller.task_ended, timeout=120000) as ended:
        controller.build(to_build_config(inputs), out, CHANGNING_BBOX)
    assert ended.args == ["failed"]
    warnings = bar.get_messages(Qgis.MessageLevel.Warning)
    assert len(warnings) == 1 and "HTTP 400" in warnings[0]
    assert not bar.get_messages(Qgis.MessageLevel.Critical)
    assert not out.exists()
