"""A missing compiled dependency is named with the command that installs it, not a crash."""
from __future__ import annotations

import importlib.abc
import sys

from lifecircle_plugin import dependencies


class _BlockScipy(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "scipy":
            raise ImportError(f"No module named '{name}'")
        return None


def test_all_dependencies_present_here():
    assert dependencies.missing_dependencies() == []


def test_missing_scipy_is_named_with_install_command(monkeypatch):
    for name in [m for m in sys.modules if m.split(".")[0] == "scipy"]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setattr(sys, "meta_path", [_BlockScipy(), *sys.meta_path])
    missing = dependencies.missing_dependencies()
    assert missing == [("scipy", "scipy")]
    command = dependencies.install_command([pip for _, pip in missing])
    assert "pip install --user" in command and command.endswith("scipy")
    assert "/qgis" not in command.split(" -m ")[0]  # never the qgis binary itself


def test_too_old_shapely_is_named(monkeypatch):
    import shapely

    monkeypatch.setattr(shapely, "__version__", "1.8.5")
    missing = dependencies.missing_dependencies()
    assert missing == [("shapely", "shapely>=2.0")]
    assert dependencies.install_command(["shapely>=2.0"]).endswith('"shapely>=2.0"')
