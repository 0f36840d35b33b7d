"""The core imports with Qt and QGIS absent, so the survey app and CLI can use it anywhere."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BLOCKER = r"""
import importlib.abc, importlib.util, pkgutil, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('qgis', 'PyQt5', 'PyQt6', 'sip', 'PySide2', 'PySide6'):
            raise ImportError('blocked: ' + name)
sys.meta_path.insert(0, Block())
import lifecircle_plugin.core as core
names = [m.name for m in pkgutil.walk_packages(core.__path__, 'lifecircle_plugin.core.')]
for name in names:
    importlib.import_module(name)
bad = [m for m in sys.modules if m.split('.')[0] in ('qgis', 'PyQt5', 'PyQt6')]
assert not bad, bad
print(len(names), 'core modules imported without Qt or QGIS')
"""


def test_core_imports_without_qt_or_qgis():
    result = subprocess.run([sys.executable, "-c", BLOCKER], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "imported without Qt or QGIS" in result.stdout
