"""A build killed half-way (SIGKILL, no chance to clean up) leaves no project file."""
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("stage, previous", [("building the walking network", False),
                                             ("writing the project", True)])
def test_killed_build_leaves_no_project(helsinki_pbf, tmp_path, stage, previous):
    out = tmp_path / "project.gpkg"
    if previous:
        out.write_bytes(b"previous project")
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
        assert out.read_bytes() == b"previous project"
    else:
        assert not out.exists()
    # whatever the kill left is a hidden temporary, never something that looks like a project
    assert [p.name for p in tmp_path.glob("*.gpkg")] == (["project.gpkg"] if previous else [])
