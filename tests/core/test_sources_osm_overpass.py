"""OSM PBF through GDAL, Overpass JSON files, and the Overpass client against a local server."""
import json
import threading
from functools import partial
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from lifecircle_plugin.core.errors import InputError
from lifecircle_plugin.core.sources import guess_kind, read_pois
from lifecircle_plugin.core.sources.osm import osm_pois, parse_other_tags, read_osm
from lifecircle_plugin.core.sources.overpass import (
    OverpassClient,
    OverpassError,
    build_query,
    parse_overpass,
)

OVERPASS_FILES = ("banks_atms", "schools_kindergartens", "shops_convenience_supermarket")


def _expected_overpass(data):
    """Tagged elements with a known geometry, counted straight from the JSON."""
    nodes = {e["id"] for e in data["elements"] if e["type"] == "node" and "lat" in e}
    ways = {e["id"]: e for e in data["elements"] if e["type"] == "way"}
    count = 0
    for element in data["elements"]:
        tags = element.get("tags") or {}
        if not ({"amenity", "shop"} & set(tags)):
            continue
        if element["type"] == "node":
            count += 1
        elif element["type"] == "way" and any(n in nodes for n in element["nodes"]):
            count += 1
        elif element["type"] == "relation" and any(
                m["type"] == "way" and m["ref"] in ways for m in element["members"]):
            count += 1
    return count


@pytest.mark.parametrize("name", OVERPASS_FILES)
def test_overpass_files_parse(data_dir, name):
    path = data_dir / "overpass" / f"{name}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert guess_kind(path) == "overpass"
    records = read_pois(path)
    assert len(records) == _expected_overpass(data)
    ways = [r for r in records if r.source_id.startswith("way/")]
    assert ways and all(r.footprint is not None for r in ways)
    assert all(r.footprint.contains(r.footprint.representative_point()) for r in ways)
    assert all(118 < r.lon < 123 and 30 < r.lat < 33 for r in records)  # E China


class _Replay(BaseHTTPRequestHandler):
    def __init__(self, answers, *args, **kwargs):
        self.answers = answers
        super().__init__(*args, **kwargs)

    def do_POST(self):  # noqa: N802 (http.server naming)
        length = int(self.headers.get("Content-Length", 0))
        self.server.bodies.append(self.rfile.read(length).decode())
        status, body = self.answers.pop(0) if self.answers else (500, b"")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def replay_server():
    servers = []

    def start(answers):
        server = HTTPServer(("127.0.0.1", 0), partial(_Replay, list(answers)))
        server.bodies = []
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        servers.append(server)
        return server, f"http://127.0.0.1:{server.server_port}/api/interpreter"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def test_client_fetches_from_local_replay_server(data_dir, replay_server):
    raw = (data_dir / "overpass" / "schools_kindergartens.json").read_bytes()
    server, url = replay_server([(200, raw)])
    client = OverpassClient(url, timeout_s=5, retries=0)
    records = client.fetch_pois((121.3, 31.1, 121.5, 31.3), ["amenity=school",
                                                             "amenity=kindergarten"])
    assert len(records) == _expected_overpass(json.loads(raw))
    assert 'nwr["amenity"="school"](31.1,121.3,31.3,121.5);' in \
        __import__("urllib.parse").parse.unquote_plus(server.bodies[0])


def test_client_retries_a_busy_server(data_dir, replay_server):
    raw = (data_dir / "overpass" / "banks_atms.json").read_bytes()
    server, url = replay_server([(429, b"busy"), (200, raw)])
    client = OverpassClient(url, timeout_s=5, retries=1, backoff_s=0.01)
    assert len(client.query(build_query((121.3, 31.1, 121.5, 31.3), ["amenity=bank"]))[
        "elements"]) == len(json.loads(raw)["elements"])
    assert len(server.bodies) == 2


def test_client_reports_refused_query(replay_server):
    _, url = replay_server([(400, b"syntax error")])
    with pytest.raises(OverpassError, match="refused the query"):
        OverpassClient(url, timeout_s=5, retries=2, backoff_s=0.01).query("bad")


def test_client_reports_offline():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = OverpassClient(f"http://127.0.0.1:{port}/api", timeout_s=2, retries=1,
                            backoff_s=0.01)
    with pytest.raises(OverpassError, match="refused|offline"):
        client.query("[out:json];node(1);out;")


def test_parse_overpass_rejects_non_answers():
    with pytest.raises(InputError, match="elements"):
        parse_overpass({"version": 0.6})


def test_helsinki_pbf_points_and_areas(helsinki_pbf):
    features = read_osm(helsinki_pbf)
    layers = {f.layer for f in features}
    assert layers == {"points", "lines", "multipolygons"}
    records = osm_pois(features, "helsinki")
    assert guess_kind(helsinki_pbf) == "osm"
    areas = [r for r in records if r.footprint is not None]
    assert areas and all(r.source_id.startswith(("way/", "relation/")) for r in areas)
    assert all(24.8 < r.lon < 25.1 and 60.1 < r.lat < 60.3 for r in records)
    stations = [r for r in records if r.tags.get("railway") == "station"
                and r.tags.get("name") == "Helsinki"]
    assert stations


def test_other_tags_unpacked():
    assert parse_other_tags('"amenity"=>"school","name:zh"=>"小学 \\"一\\""') == {
        "amenity": "school", "name:zh": '小学 "一"'}


def test_not_an_osm_file(tmp_path):
    path = tmp_path / "x.osm.pbf"
    path.write_bytes(b"not a pbf at all")
    with pytest.raises(InputError) as info:
        read_pois(path)
    assert info.value.file == str(path)
