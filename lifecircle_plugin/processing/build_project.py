"""lifecircle:buildproject — real data in, one project GeoPackage out."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
)

from ..core import project_schema as schema
from ..core.gpkg import open_dataset
from ..gui.build_config import BuildInputs, PoiInput, to_build_config
from ..i18n import tr
from .base import LifeCircleAlgorithm, feedback_progress

POI_PARAMETERS = (("POIS_WGS84", "WGS84"), ("POIS_GCJ02", "gcj02"), ("POIS_BD09", "bd09"))


def optional_file(name: str, description: str) -> QgsProcessingParameterFile:
    return QgsProcessingParameterFile(name, description,
                                      QgsProcessingParameterFile.Behavior.File, optional=True)


class BuildProjectAlgorithm(LifeCircleAlgorithm):
    """Runs core.build.build_project: classify POIs, place residents, write the project."""

    ALGORITHM_ID = "buildproject"
    GROUP_ID = "project"

    def displayName(self) -> str:  # noqa: N802
        return tr("Build life circle project")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr("Reads sub-districts with population and POI files (WGS84, GCJ-02 or BD-09 "
                  "coordinates), OSM data, an optional walking network and residents layer; "
                  "classifies every POI into the catalogue's facility types and writes one "
                  "project GeoPackage. A failed or cancelled build leaves no file behind.")

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            "SUBDISTRICTS", tr("Sub-districts with population"),
            QgsProcessingParameterFile.Behavior.File))
        labels = {"POIS_WGS84": tr("POI files in WGS84 (or with their own CRS)"),
                  "POIS_GCJ02": tr("POI tables in GCJ-02 (AMap, Tencent)"),
                  "POIS_BD09": tr("POI tables in BD-09 (Baidu)")}
        for name, _datum in POI_PARAMETERS:
            self.addParameter(QgsProcessingParameterMultipleLayers(
                name, labels[name], QgsProcessing.SourceType.TypeFile, optional=True))
        self.addParameter(optional_file("OSM", tr("OSM file (.osm / .pbf)")))
        self.addParameter(optional_file("NETWORK", tr("Walking network (lines)")))
        self.addParameter(optional_file("RESIDENTS", tr("Residents (polygons or points)")))
        self.addParameter(QgsProcessingParameterCrs(
            "CRS", tr("Project CRS (empty = chosen for the area)"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", tr("Project GeoPackage"), "GeoPackage (*.gpkg)"))
        self.addParameter(QgsProcessingParameterString(
            "POPULATION_FIELD", tr("Population field of the sub-districts (empty = "
                                   "pop_census2010, population, 人口 …)"), optional=True))
        self.addOutput(QgsProcessingOutputNumber("FACILITIES", tr("Facilities")))
        self.addOutput(QgsProcessingOutputNumber("SUBDISTRICT_COUNT", tr("Sub-districts")))
        self.addOutput(QgsProcessingOutputNumber("ORIGINS", tr("Resident origins")))

    def perform(self, parameters, context, feedback) -> Dict[str, Any]:
        from ..core.build import build_project

        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        pois: List[PoiInput] = []
        for name, datum in POI_PARAMETERS:
            for path in self._files(parameters, name, context):
                pois.append(PoiInput(path, datum))
        inputs = BuildInputs(
            subdistricts=self.parameterAsFile(parameters, "SUBDISTRICTS", context),
            output=output, pois=pois,
            osm=self.parameterAsFile(parameters, "OSM", context) or "",
            network=self.parameterAsFile(parameters, "NETWORK", context) or "",
            residents=self.parameterAsFile(parameters, "RESIDENTS", context) or "")
        config = to_build_config(inputs)
        crs = self.parameterAsCrs(parameters, "CRS", context)
        if crs.isValid():
            config.crs = crs.authid()
        population_field = self.parameterAsString(parameters, "POPULATION_FIELD", context)
        if population_field.strip() and config.subdistricts is not None:
            config.subdistricts.population_field = population_field.strip()
        report = build_project(config, feedback_progress(feedback))
        for warning in report.warnings:
            feedback.pushWarning(warning)
        dataset = open_dataset(output)
        counts = {layer: dataset.GetLayerByName(layer).GetFeatureCount()
                  for layer in (schema.FACILITIES, schema.SUBDISTRICTS, schema.ORIGINS)}
        return {"OUTPUT": output, "FACILITIES": counts[schema.FACILITIES],
                "SUBDISTRICT_COUNT": counts[schema.SUBDISTRICTS],
                "ORIGINS": counts[schema.ORIGINS]}

    def _files(self, parameters, name: str, context) -> List[str]:
        """Paths given to a multiple-files parameter (as layers or as plain strings)."""
        value = parameters.get(name) or []
        if isinstance(value, str):
            value = [value]
        paths = []
        for item in value:
            source = item.source() if hasattr(item, "source") else str(item)
            paths.append(source.split("|")[0])
        return [p for p in paths if p and Path(p).exists()]
