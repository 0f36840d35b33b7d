"""A build killed half-way (SIGKILL, no chance to clean up) leaves no project file.

Killed while reading the network, and killed inside the GeoPackage write (after the
facilities layer went into the temporary file): either way the target is untouched.
"""
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from lifecircle_plugin.core import project_schema as ps
from lifecircle_plugin.core.gpkg import Feature, atomic_geopackage, write_layer

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("stage, previous", [("building the walking network", False),
                                             ("facilities written", True)])
def test_killed_build_leaves_no_project(helsinki_pbf, tmp_path, stage, previous):
    out = tmp_path / "project.gpkg"
    if previous:  # a (tiny) Life Circle project: the build only ever replaces a project
        with atomic_geopackage(out) as dataset:
            write_layer(dataset, ps.METADATA, [Feature({"key": "note", "value": "previous"})],
                        "EPSG:4549")
        old = out.read_bytes()
    command = [sys.executable, "-m", "lifecircle_plugin.core.cli", "build", "--osm",
               str(helsinki_pbf), "--density", "9000", "--out", str(out)]
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    seen = []
    try:
        for line in process.stderr:
            seen.append(line)
            if stage in line:
                process.send_signal(signal.SIGKILL)
                break
    finally:
        process.wait(timeout=60)
    assert any(stage in line for line in seen), "".join(seen)
    assert process.returncode == -signal.SIGKILL
    if previous:
        assert out.read_bytes() == old
        # the kill really landed inside the write: the half-written temporary is there
        assert list(tmp_path.glob(".project-*.gpkg.part"))
    else:
        assert not out.exists()
    # whatever the kill left is a hidden temporary, never something that looks like a project
    assert [p.name for p in tmp_path.glob("*.gpkg")] == (["project.gpkg"] if previous else [])


def test_leftovers_of_a_killed_build_are_removed_by_the_next(tmp_path):
    from lifecircle_plugin.core.build.writer import remove_stale_temporaries

    out = tmp_path / "project.gpkg"
    old = tmp_path / ".project-abc123.gpkg.part"
    fresh = tmp_path / ".project-def456.gpkg.part"  # another build writing right now
    other = tmp_path / ".other-abc123.gpkg.part"  # another project's
    for path in (old, fresh, other):
        path.write_bytes(b"half")
    an_hour_ago = os.path.getmtime(old) - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    os.utime(other, (an_hour_ago, an_hour_ago))
    remove_stale_temporaries(out)
    assert not old.exists() and fresh.exists() and other.exists()
