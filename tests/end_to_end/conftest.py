"""One Changning demo run per session (a subprocess, as `make demo` runs it)."""
from __future__ import annotations

import pytest

from tests.end_to_end.demo_runner import run_demo


@pytest.fixture(scope="session")
def demo(changning_dir, tmp_path_factory):
    """(out folder, stdout) of the demo in its default language (zh_CN)."""
    out = tmp_path_factory.mktemp("demo") / "out"
    out.mkdir()
    (out / "stale.txt").write_text("left by an earlier run", encoding="utf-8")
    completed = run_demo(changning_dir, out)
    assert completed.returncode == 0, completed.stderr[-3000:]
    return out, completed.stdout
