"""Save README screenshots of the plugin: the 生活圈 dock and the map with results.

Builds and evaluates the real Changning project (or uses --project), loads it the way the
plugin does, renders maps offscreen with QgsMapRendererParallelJob and grabs the dock
widgets. Chinese text needs a CJK font (Debian: fonts-noto-cjk).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_plugin.py \
        --data ../shared/data/changning --out resources/screenshots
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsProject,
    QgsSettings,
)
from qgis.PyQt.QtCore import QCoreApplication, QSize, QTranslator  # noqa: E402
from qgis.PyQt.QtGui import QColor, QFont  # noqa: E402

MAP_SIZE = QSize(1600, 1200)


def build(data: Path, out: Path) -> Path:
    from lifecircle_plugin.core.build import build_project, changning_config
    from lifecircle_plugin.core.evaluate import EvaluationOptions, evaluate_project

    gpkg = out / "changning.gpkg"
    build_project(changning_config(data, gpkg))
    evaluate_project(str(gpkg), EvaluationOptions(), write=True)
    return gpkg


def render(project: QgsProject, path: Path, hidden_roles=(), shown_layers=()) -> None:
    """Render the visible layers of the project's layer tree to a PNG."""
    from lifecircle_plugin import layers

    root = project.layerTreeRoot()
    for node in root.findLayers():
        role = node.layer().customProperty(layers.ROLE)
        if role in hidden_roles:
            node.setItemVisibilityChecked(False)
        if node.layer() in shown_layers:
            node.setItemVisibilityChecked(True)
            node.parent().setItemVisibilityChecked(True)
    visible = [n.layer() for n in root.findLayers() if n.isVisible() and n.layer().isSpatial()]
    subdistricts = next(n.layer() for n in root.findLayers()
                        if n.layer().customProperty(layers.ROLE) == "subdistricts")
    settings = QgsMapSettings()
    settings.setLayers(visible)
    settings.setDestinationCrs(subdistricts.crs())
    settings.setOutputSize(MAP_SIZE)
    settings.setOutputDpi(144)
    settings.setBackgroundColor(QColor("#f5f5f2"))
    extent = subdistricts.extent()
    extent.scale(1.05)
    settings.setExtent(extent)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    if not image.save(str(path)):
        raise SystemExit(f"could not save {path}")
    print(path)


def grab_dock(gpkg: Path, out: Path) -> None:
    from unittest.mock import MagicMock

    from lifecircle_plugin.gui.controller import Controller
    from lifecircle_plugin.gui.dock import LifeCircleDock

    dock = LifeCircleDock()
    dock.resize(520, 980)
    controller = Controller(MagicMock(), dock, QgsProject.instance())
    if not controller.open_project(gpkg):
        raise SystemExit("could not open the project")
    dock.show()
    dock.tree.expandItem(dock.tree.task_items[3])
    dock.tree.expandItem(dock.tree.task_items[8])
    shots = ((0, "dock_tasks.png"), (1, "dock_subdistrict.png"), (2, "dock_summary.png"))
    for tab, name in shots:
        dock.tabs.setCurrentIndex(tab)
        if tab == 1:
            dock.coverage.choose("江苏路街道")
        QCoreApplication.processEvents()
        dock.grab().save(str(out / name))
        print(out / name)
    grab_site_tool(controller, gpkg, out)
    dock.close()


def grab_site_tool(controller, gpkg: Path, out: Path) -> None:
    """The site evaluation window for a point in 天山路街道 (a new facility there)."""
    from qgis.core import QgsPointXY
    from qgis.gui import QgsMapCanvas

    from lifecircle_plugin.core.evaluate import EvaluationOptions, evaluate_project
    from lifecircle_plugin.gui.site_tool import SiteTool

    controller.evaluation = evaluate_project(str(gpkg), EvaluationOptions(), write=False)
    canvas = QgsMapCanvas()
    subdistricts = next(layer for layer in QgsProject.instance().mapLayers().values()
                        if layer.customProperty("lifecircle/role") == "subdistricts")
    canvas.setDestinationCrs(subdistricts.crs())
    feature = next(f for f in subdistricts.getFeatures() if f["name"] == "天山路街道")
    point = feature.geometry().pointOnSurface().asPoint()
    tool = SiteTool(canvas, controller)
    tool.score_map_point(QgsPointXY(point))
    tool.dialog.resize(520, 640)
    QCoreApplication.processEvents()
    tool.dialog.grab().save(str(out / "site_evaluation.png"))
    print(out / "site_evaluation.png")
    tool.close_results()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--project", type=Path, help="an evaluated project GeoPackage")
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots")
    args = parser.parse_args()
    profile = tempfile.mkdtemp(prefix="lifecircle-shots-")  # keep the user's QGIS settings
    app = QgsApplication([], True, profile)
    app.initQgis()
    app.setFont(QFont("Noto Sans CJK SC", 9))
    QgsSettings().setValue("locale/userLocale", "zh_CN")
    translator = QTranslator()
    if translator.load(str(ROOT / "resources" / "i18n" / "lifecircle_zh_CN.qm")):
        QCoreApplication.installTranslator(translator)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        gpkg = args.project or build(args.data, Path(work))
        from lifecircle_plugin import layers, settings

        project = QgsProject.instance()
        catalogue = settings.project_catalogue(project)
        layers.load_project_layers(gpkg, catalogue, project)
        for task in (1, 6, 7):  # the densest tasks would hide the others at district scale
            layers.task_group(project, task).setItemVisibilityChecked(False)
        render(project, args.out / "map_facilities.png")
        loaded = layers.load_result_layers(gpkg, catalogue, project=project)
        render(project, args.out / "map_results.png", hidden_roles=("facilities",))
        gap = loaded.gaps.get("kindergarten")
        areas = loaded.service_areas.get("kindergarten")
        render(project, args.out / "map_gaps_kindergarten.png",
               hidden_roles=("facilities", "origin_results"),
               shown_layers=[x for x in (gap, areas) if x is not None]
               + [loaded_facility(project, "kindergarten")])
        project.clear()
        grab_dock(gpkg, args.out)
        QgsProject.instance().clear()
    app.exitQgis()


def loaded_facility(project: QgsProject, facility_id: str):
    from lifecircle_plugin import layers

    nodes = layers.facility_nodes(project, facility_id)
    return nodes[0].layer() if nodes else None


if __name__ == "__main__":
    main()
