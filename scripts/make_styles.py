"""Write the QML styles of the boundary and result layers into resources/styles/ once.

The QML files are committed; run this again after changing a builder in
lifecircle_plugin/styles.py: `QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_styles.py`.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qgis.core import QgsApplication, QgsVectorLayer  # noqa: E402

from lifecircle_plugin import styles  # noqa: E402
from lifecircle_plugin.core.catalogue import load_catalogue  # noqa: E402

LAYERS = {
    "subdistricts": ("MultiPolygon", "name:string", styles.style_subdistricts),
    "origin_results": ("Point", "basic_types_reached_15min:integer",
                       lambda layer: styles.style_origin_results(
                           layer, len(load_catalogue().basic_types()))),
    "gaps": ("Point", "facility_type:string", styles.style_gaps),
    "service_areas": ("MultiPolygon", "minutes:integer", styles.style_service_areas),
}


def main() -> None:
    app = QgsApplication([], False)
    app.initQgis()
    out = ROOT / "resources" / "styles"
    out.mkdir(parents=True, exist_ok=True)
    for name, (geometry, field, build) in LAYERS.items():
        layer = QgsVectorLayer(f"{geometry}?crs=EPSG:4549&field={field}", name, "memory")
        build(layer)
        message, ok = layer.saveNamedStyle(str(out / f"{name}.qml"))
        if not ok:
            raise SystemExit(f"{name}: {message}")
        print(out / f"{name}.qml")
    app.exitQgis()


if __name__ == "__main__":
    main()
