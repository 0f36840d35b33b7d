"""Where the shipped resources live, in a source checkout and in the installed plugin zip."""
from __future__ import annotations

from pathlib import Path

_PLUGIN_DIR = Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """The `resources/` folder: inside the plugin when installed, beside it in a checkout."""
    for candidate in (_PLUGIN_DIR / "resources", _PLUGIN_DIR.parent / "resources"):
        if (candidate / "catalogue").is_dir():
            return candidate
    raise FileNotFoundError(
        f"Life Circle resources not found next to {_PLUGIN_DIR} (looked for resources/catalogue)"
    )


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
