"""import-survey of a package cut short, an empty file and a folder: a message that says
what is wrong (not "not an SQLite file" for a truncated package), the project unchanged."""
from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from tests.sync_support.fixtures import (  # noqa: F401
    changning_project,
    jiangsu_packages,
    packages,
    project,
)

ROOT = Path(__file__).resolve().parents[2]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def import_survey(project_path: Path, package: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lifecircle_plugin.core.cli", "import-survey", str(project_path),
         str(package)], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_truncated_package_is_called_damaged(project, packages, tmp_path):  # noqa: F811
    cut = tmp_path / "cut short.lcsurvey"
    cut.write_bytes(packages[0].read_bytes()[:150_000])
    before = sha(project)
    result = import_survey(project, cut)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert "damaged or incomplete" in result.stderr and str(cut) in result.stderr
    assert "not an SQLite file" not in result.stderr
    assert sha(project) == before


def test_empty_file_and_folder(project, tmp_path):  # noqa: F811
    empty = tmp_path / "empty.lcsurvey"
    empty.write_bytes(b"")
    folder = tmp_path / "folder.lcsurvey"
    folder.mkdir()
    before = sha(project)
    for bad, words in ((empty, "is empty (0 bytes)"), (folder, "this is a folder")):
        result = import_survey(project, bad)
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert words in result.stderr and str(bad) in result.stderr, result.stderr
    assert sha(project) == before


def test_resolve_on_a_project_without_imports(project):  # noqa: F811
    """Was: 'not a GeoPackage (no gpkg_contents table)' for a valid project."""
    before = sha(project)
    result = subprocess.run(
        [sys.executable, "-m", "lifecircle_plugin.core.cli", "import-survey", str(project),
         "--resolve", "0b6f-no-such-conflict", "--take", "field"],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert "no conflict 0b6f-no-such-conflict" in result.stderr
    assert "not a GeoPackage" not in result.stderr
    assert sha(project) == before
