"""`lifecircle:exportmap` through processing.run, as the toolbox and qgis_process call it."""
from __future__ import annotations

import re
import subprocess

import pytest


@pytest.fixture(scope="module")
def provider(qgis_app):
    from processing.core.Processing import Processing
    from qgis.core import QgsApplication

    from lifecircle_plugin.processing.provider import LifeCircleProvider

    Processing.initialize()
    registry = QgsApplication.processingRegistry()
    if registry.providerById("lifecircle") is None:
        registry.addProvider(LifeCircleProvider())
    yield registry.providerById("lifecircle")


def test_export_map_algorithm_writes_pdf_pngs_and_report(provider, results_project, tmp_path):
    import processing

    assert provider.algorithm("exportmap") is not None
    result = processing.run("lifecircle:exportmap", {
        "PROJECT": str(results_project), "SUBDISTRICTS": "虹桥街道，新泾镇", "DISTRICT": True,
        "DPI": 80, "OUTPUT_PDF": str(tmp_path / "map.pdf"),
        "OUTPUT_HTML": str(tmp_path / "report.html")})
    info = subprocess.run(["pdfinfo", str(tmp_path / "map.pdf")], capture_output=True,
                          text=True, check=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) == 2 == result["PAGES"]
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    images = re.findall(r'<img class="map" src="([^"]+)"', html)
    assert len(images) == 3  # district overview + the two requested sub-districts
    for image in images:
        assert (tmp_path / image).is_file()


def test_export_map_algorithm_rejects_unknown_subdistrict(provider, results_project, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="不存在"):
        processing.run("lifecircle:exportmap", {
            "PROJECT": str(results_project), "SUBDISTRICTS": "不存在",
            "OUTPUT_PDF": str(tmp_path / "map.pdf")})
    assert not (tmp_path / "map.pdf").exists()
