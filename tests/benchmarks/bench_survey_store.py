"""Benchmark of the survey package: 10,000 facilities, open + list, save_answer.

    .venv/bin/python tests/benchmarks/bench_survey_store.py [--facilities 10000]

Prints figures and ratios against reference runs in the same process (plain sqlite3 on
the same file: a SELECT of the same rows, and a one-row commit with the same WAL +
synchronous=FULL settings), so numbers from different machines can be compared. The
issue's targets are printed beside them; nothing is asserted.
"""
from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from shapely.geometry import MultiPolygon, Point, box  # noqa: E402
from targets import target  # noqa: E402  (tests/benchmarks, the script's folder)

from lifecircle_plugin.core import gpkg  # noqa: E402
from lifecircle_plugin.core import project_schema as ps  # noqa: E402
from lifecircle_plugin.core.catalogue import load_catalogue  # noqa: E402
from lifecircle_plugin.core.survey.package import make_package  # noqa: E402
from lifecircle_plugin.core.survey.store import SurveyStore  # noqa: E402

EXTENT = (625000.0, 3450000.0, 638000.0, 3461000.0)  # Changning in EPSG:4549, roughly


def build_project(path: Path, count: int) -> None:
    rng = random.Random(15)
    types = list(load_catalogue().types.values())
    facilities = []
    for index in range(count):
        facility_type = types[index % len(types)]
        facilities.append(gpkg.Feature({
            "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "facility_type": facility_type.id, "task": facility_type.task,
            "name": f"{facility_type.name_zh}{index}号", "address": f"长宁路{index}号",
            "status": "existing", "updated_at": "2026-12-01T09:00:00+08:00"},
            Point(rng.uniform(EXTENT[0], EXTENT[2]), rng.uniform(EXTENT[1], EXTENT[3]))))
    minx, miny, maxx, maxy = EXTENT
    step = (maxx - minx) / 5
    subdistricts = [gpkg.Feature({"name": f"街道{i}"}, MultiPolygon([box(
        minx + i * step, miny, minx + (i + 1) * step, maxy).buffer(0)])) for i in range(5)]
    metadata = [gpkg.Feature({"key": "project_id", "value": "bench"}),
                gpkg.Feature({"key": "crs", "value": "EPSG:4549"})]
    with gpkg.atomic_geopackage(path) as dataset:
        gpkg.write_layer(dataset, ps.FACILITIES, facilities, "EPSG:4549")
        gpkg.write_layer(dataset, ps.SUBDISTRICTS, subdistricts, "EPSG:4549")
        gpkg.write_layer(dataset, ps.METADATA, metadata, "EPSG:4549")


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def reference_commit_ms(directory: Path, rounds: int) -> float:
    path = directory / "reference.sqlite"
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT)")
    times = []
    for index in range(rounds):
        start = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("INSERT OR REPLACE INTO t VALUES (?, ?)", (str(index % 20), "x"))
        connection.execute("COMMIT")
        times.append(time.perf_counter() - start)
    connection.close()
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facilities", type=int, default=10_000)
    parser.add_argument("--answers", type=int, default=300)
    parser.add_argument("--photos", type=int, default=100, help="photos of 2 MB to add")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-survey-") as folder:
        folder = Path(folder)
        project, package = folder / "project.gpkg", folder / "bench.lcsurvey"
        _, seconds = timed(build_project, project, args.facilities)
        print(f"project of {args.facilities} facilities written in {seconds:.2f} s")
        summary, seconds = timed(make_package, project, package, inspector="bench")
        print(f"make_package: {summary.facilities} facilities, "
              f"{summary.size_bytes / 2**20:.1f} MiB in {seconds:.2f} s")

        store, open_s = timed(SurveyStore, package)
        rows, list_s = timed(store.facilities)
        _, map_s = timed(lambda: (store.context(), store.extent()))
        _, search_s = timed(store.facilities, search="幼儿园1", audited=False)
        connection = sqlite3.connect(package)
        _, raw_s = timed(lambda: connection.execute("SELECT * FROM facilities").fetchall())
        connection.close()
        total = open_s + list_s + map_s
        print(f"open {open_s * 1000:.0f} ms, list {len(rows)} rows {list_s * 1000:.0f} ms, "
              f"map data {map_s * 1000:.0f} ms, search {search_s * 1000:.0f} ms")
        print(f"open + list + map: {total * 1000:.0f} ms (target < 1000 ms: "
              f"{'met' if total < 1 else 'NOT met'}); list / raw SELECT = "
              f"{list_s / raw_s:.1f}x")
        target("open package + list + map data", f"{total * 1000:.0f} ms", "< 1000 ms",
               total < 1)

        times = []
        for index in range(args.answers):
            row = rows[index % len(rows)]
            audit = store.start_audit(row.uuid)
            start = time.perf_counter()
            store.save_answer(audit.audit_uuid, "notes", f"第{index}次记录")
            times.append(time.perf_counter() - start)
        photo_times = []
        payload = bytearray(random.Random(3).randbytes(2 * 2**20))
        payload[:4] = b"\xff\xd8\xff\xe0"  # a JPEG signature: the store refuses non-images
        for index in range(args.photos):
            payload[4:12] = index.to_bytes(8, "big")  # every photo different
            start = time.perf_counter()
            store.add_photo(None, rows[index].uuid, bytes(payload), "IMG_0001.jpg")
            photo_times.append(time.perf_counter() - start)
        store.close()
        reopened, reopen_s = timed(SurveyStore, package)
        _, relist_s = timed(reopened.facilities)
        reopened.close()
        if args.photos:
            print(f"add_photo (2 MB): median {statistics.median(photo_times) * 1000:.1f} ms; "
                  f"with {args.photos} photos ({package.stat().st_size / 2**20:.0f} MiB) "
                  f"open {reopen_s * 1000:.0f} ms + list {relist_s * 1000:.0f} ms "
                  f"(integrity check reads the whole file)")
        median, p95 = statistics.median(times) * 1000, sorted(times)[int(len(times) * .95)] * 1000
        reference = reference_commit_ms(folder, args.answers)
        print(f"save_answer: median {median:.2f} ms, p95 {p95:.2f} ms over {args.answers} "
              f"(target < 20 ms: {'met' if p95 < 20 else 'NOT met'}); "
              f"raw WAL+FULL commit {reference:.2f} ms, ratio {median / reference:.1f}x")
        target("save_answer p95", f"{p95:.2f} ms", "< 20 ms", p95 < 20)
    return 0


if __name__ == "__main__":
    sys.exit(main())
