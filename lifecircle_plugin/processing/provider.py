"""The "Life Circle" provider (id `lifecircle`): collects the algorithms listed below.

Each algorithm is named here as "module:Class" so that adding one is a one-line change
(helpers append to ALGORITHMS; the order is the toolbox order only within a group).
"""
from __future__ import annotations

import importlib
import logging

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..core.paths import resource
from ..i18n import tr

logger = logging.getLogger(__name__)

ALGORITHMS = [
    "lifecircle_plugin.processing.build_project:BuildProjectAlgorithm",
    "lifecircle_plugin.processing.evaluate:EvaluateAlgorithm",
    "lifecircle_plugin.processing.sites:ScoreSitesAlgorithm",
    "lifecircle_plugin.processing.sites:BestSitesAlgorithm",
    "lifecircle_plugin.processing.export_map:ExportMapAlgorithm",
    "lifecircle_plugin.processing.make_package_algorithm:MakeSurveyPackageAlgorithm",
    "lifecircle_plugin.processing.import_survey_algorithm:ImportSurveyAlgorithm",
    "lifecircle_plugin.processing.export_layers_algorithm:ExportLayersAlgorithm",
]


def algorithm_class(spec: str):
    module_name, class_name = spec.split(":")
    return getattr(importlib.import_module(module_name), class_name)


class LifeCircleProvider(QgsProcessingProvider):
    """Build, evaluate, site scoring, maps and survey exchange as processing algorithms."""

    def id(self) -> str:  # noqa: A003 - QGIS's name
        return "lifecircle"

    def name(self) -> str:
        return tr("Life Circle")

    def longName(self) -> str:  # noqa: N802
        return tr("Life Circle (15-minute community life circle)")

    def icon(self) -> QIcon:
        return QIcon(str(resource("icons", "lifecircle.svg")))

    def loadAlgorithms(self) -> None:  # noqa: N802
        for spec in ALGORITHMS:
            try:
                self.addAlgorithm(algorithm_class(spec)())
            except Exception:  # noqa: BLE001 - one broken algorithm must not hide the rest
                logger.exception("algorithm %s could not be loaded", spec)
