"""OSM PBF through GDAL, Overpass JSON files, and the Overpass client against a local server."""
import json
import threading
import time
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
        if status == "slow":
            time.sleep(1.5)  # longer than the client waits
            status = 200
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


def test_client_reports_a_server_that_does_not_answer(replay_server):
    _, url = replay_server([("slow", b"{}"), ("slow", b"{}")])
    client = OverpassClient(url, timeout_s=0.3, retries=1, backoff_s=0.01)
    with pytest.raises(OverpassError, match="no answer within 0.3 s"):
        client.query("[out:json];node(1);out;")


def test_not_json_answer_is_named(replay_server):
    _, url = replay_server([(200, b"<html>rate limited</html>")])
    with pytest.raises(OverpassError, match="not JSON"):
        OverpassClient(url, timeout_s=5, retries=0).query("x")


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


OSM_XML = """<?xml version='1.0' encoding='UTF-8'?>
<osm version="0.6" generator="test">
  <node id="1" lat="31.2000" lon="121.4000" version="1"/>
  <node id="2" lat="31.2000" lon="121.4100" version="1"/>
  <node id="3" lat="31.2050" lon="121.4050" version="1"/>
  <node id="4" lat="31.1950" lon="121.4050" version="1"/>
  <node id="5" lat="31.2000" lon="121.4050" version="1"/>
  <node id="6" lat="31.2010" lon="121.4010" version="1">
    <tag k="amenity" v="pharmacy"/><tag k="name" v="华氏大药房"/>
  </node>
  <node id="7" lat="31.2020" lon="121.4020" version="1"/>
  <node id="8" lat="31.2020" lon="121.4030" version="1"/>
  <node id="9" lat="31.2030" lon="121.4030" version="1"/>
  <way id="10" version="1"><nd ref="1"/><nd ref="5"/><nd ref="2"/>
    <tag k="highway" v="residential"/></way>
  <way id="11" version="1"><nd ref="3"/><nd ref="5"/><nd ref="4"/>
    <tag k="highway" v="footway"/></way>
  <way id="12" version="1"><nd ref="1"/><nd ref="3"/>
    <tag k="highway" v="motorway"/></way>
  <way id="13" version="1"><nd ref="2"/><nd ref="3"/>
    <tag k="highway" v="service"/><tag k="access" v="private"/></way>
  <way id="14" version="1"><nd ref="7"/><nd ref="8"/><nd ref="9"/><nd ref="7"/>
    <tag k="leisure" v="park"/><tag k="name" v="小游园"/></way>
  <way id="15" version="1"><nd ref="8"/><nd ref="9"/>
    <tag k="highway" v="platform"/><tag k="public_transport" v="platform"/>
    <tag k="bus" v="yes"/><tag k="name" v="仙霞路站"/></way>
</osm>
"""


def test_osm_xml_pois_and_network(tmp_path):
    from lifecircle_plugin.core.build.network import network_from_osm

    path = tmp_path / "tiny.osm"
    path.write_text(OSM_XML, encoding="utf-8")
    assert guess_kind(path) == "osm"
    records = {r.source_id: r for r in read_pois(path)}
    assert set(records) == {"node/6", "way/14", "way/15"}
    assert records["node/6"].name == "华氏大药房"
    assert records["way/14"].footprint is not None
    platform = records["way/15"]  # an open way: its middle point, no footprint
    assert platform.footprint is None
    assert (platform.lon, platform.lat) == pytest.approx((121.4030, 31.2025))
    network = network_from_osm(read_osm(path, ["lines"]), "EPSG:4549")
    # the residential way and the footway cross at node 5: four edges, five nodes
    assert len(network.edges) == 4 and len(network.nodes) == 5
    assert {e[3] for e in network.edges} == {"residential", "footway"}
    assert network.components == 1


def test_query_for_the_catalogue_tags():
    from lifecircle_plugin.core.catalogue import load_catalogue
    from lifecircle_plugin.core.sources.overpass import catalogue_selectors

    selectors = catalogue_selectors(load_catalogue())
    assert {"amenity=kindergarten", "shop=convenience", "highway=bus_stop"} <= set(selectors)
    query = build_query((121.32, 31.17, 121.44, 31.25), selectors)
    assert query.startswith("[out:json]") and query.count("nwr[") == len(selectors)
    assert '["shop"="convenience"](31.17,121.32,31.25,121.44)' in query
