"""Runs `make demo`'s command in a subprocess, as the Makefile does (shared by the tests)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_demo(data: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run(
        [sys.executable, "-m", "lifecircle_plugin.demo", "--data", str(data), "--out",
         str(out), "--dpi", "72", *extra],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
