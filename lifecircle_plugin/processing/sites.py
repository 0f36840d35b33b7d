"""lifecircle:scoresites and lifecircle:bestsites — where would a new facility help most?

Both evaluate the project in memory first (nothing is written), then ask
core.siting.SiteScorer: per candidate and type, residents newly brought within the
type's threshold; or, for one type, the best k candidates by greedy maximal coverage.
"""
from __future__ import annotations

from typing import Any, Dict, List, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.catalogue import load_catalogue
from ..i18n import tr
from .base import LifeCircleAlgorithm, feedback_progress
from .evaluate import SCENARIOS, project_catalogue, project_parameter


def evaluated_type_ids() -> List[str]:
    """Stable order of the evaluated types: the enum parameters index into it."""
    return [t.id for t in sorted(load_catalogue().evaluated_types(), key=lambda t: (t.task,
                                                                                 t.id))]


def type_labels() -> List[str]:
    catalogue = load_catalogue()
    return [f"{catalogue.types[i].name_zh} ({i})" for i in evaluated_type_ids()]


def scenario_parameter() -> QgsProcessingParameterEnum:
    return QgsProcessingParameterEnum(
        "SCENARIO", tr("Scenario"), [tr("Existing facilities"),
                                     tr("With planned facilities")], defaultValue=0)


def project_crs(gpkg: str) -> QgsCoordinateReferenceSystem:
    from ..layers import open_layer

    return open_layer(gpkg, "subdistricts", "crs").crs()


class SiteAlgorithm(LifeCircleAlgorithm):
    """Shared: evaluate in memory, read candidates in the project's CRS."""

    GROUP_ID = "sites"

    def scorer(self, parameters, context, feedback):
        from ..core.evaluate import EvaluationOptions, evaluate_project
        from ..core.siting import SiteScorer

        gpkg = self.parameterAsFile(parameters, "PROJECT", context)
        scenario = SCENARIOS[self.parameterAsEnum(parameters, "SCENARIO", context)]
        options = EvaluationOptions(scenario=scenario, service_areas=False, gaps=False,
                                    compare_with_existing=False,
                                    catalogue=project_catalogue(context))
        progress = feedback_progress(feedback)
        evaluation = evaluate_project(gpkg, options, progress.sub(0, 70), write=False)
        return gpkg, evaluation, SiteScorer(evaluation)

    def candidates(self, parameters, context, gpkg: str) -> Tuple[list, list, list]:
        """(features, xs, ys): candidate points transformed into the project's CRS."""
        source = self.parameterAsSource(parameters, "CANDIDATES", context)
        if source is None:
            raise QgsProcessingException(tr("Candidate layer not found"))
        transform = QgsCoordinateTransform(source.sourceCrs(), project_crs(gpkg),
                                           context.transformContext())
        features, xs, ys = [], [], []
        for feature in source.getFeatures():
            geometry = feature.geometry()
            if geometry is None or geometry.isEmpty():
                continue
            point = transform.transform(geometry.centroid().asPoint())
            features.append(feature)
            xs.append(point.x())
            ys.append(point.y())
        return features, xs, ys


class ScoreSitesAlgorithm(SiteAlgorithm):
    """Adds, per candidate, one field per facility type with the residents it would add."""

    ALGORITHM_ID = "scoresites"

    def displayName(self) -> str:  # noqa: N802
        return tr("Score candidate sites")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr("For each candidate point and each chosen facility type: the residents a "
                  "new facility there would newly bring within the type's walking threshold.")

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.addParameter(project_parameter())
        self.addParameter(scenario_parameter())
        self.addParameter(QgsProcessingParameterFeatureSource(
            "CANDIDATES", tr("Candidate sites"), [QgsProcessing.SourceType.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterEnum(
            "TYPES", tr("Facility types (none = all)"), type_labels(), allowMultiple=True,
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Scored sites")))

    def perform(self, parameters, context, feedback) -> Dict[str, Any]:
        gpkg, evaluation, scorer = self.scorer(parameters, context, feedback)
        ids = evaluated_type_ids()
        chosen = [ids[i] for i in self.parameterAsEnums(parameters, "TYPES", context)]
        chosen = [t for t in (chosen or scorer.type_ids) if t in scorer.type_ids]
        features, xs, ys = self.candidates(parameters, context, gpkg)
        source = self.parameterAsSource(parameters, "CANDIDATES", context)
        fields = QgsFields(source.fields())
        for type_id in chosen:
            fields.append(QgsField(type_id, QVariant.Double))
        fields.append(QgsField("best_type", QVariant.String))
        fields.append(QgsField("best_new_population", QVariant.Double))
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields,
                                          source.wkbType(), source.sourceCrs())
        scores = scorer.score_points(xs, ys) if xs else []
        columns = [scorer.type_ids.index(t) for t in chosen]
        for index, feature in enumerate(features):
            if feedback.isCanceled():
                break
            values = [float(scores[index][c]) for c in columns]
            best = max(range(len(values)), key=values.__getitem__) if values else None
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            out.setAttributes(list(feature.attributes()) + values + [
                chosen[best] if best is not None else None,
                values[best] if best is not None else None])
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
            feedback.setProgress(70 + 30 * (index + 1) / max(1, len(features)))
        return {"OUTPUT": dest}


class BestSitesAlgorithm(SiteAlgorithm):
    """Greedy maximal coverage: the k candidates that add the most residents for one type."""

    ALGORITHM_ID = "bestsites"

    def displayName(self) -> str:  # noqa: N802
        return tr("Best sites for a facility type")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr("Picks up to k candidate sites one after another, each time the one that "
                  "brings the most not-yet-covered residents within the type's threshold. "
                  "Without a candidate layer, the resident origins are the candidates.")

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.addParameter(project_parameter())
        self.addParameter(scenario_parameter())
        self.addParameter(QgsProcessingParameterEnum(
            "FACILITY_TYPE", tr("Facility type"), type_labels(), defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            "K", tr("Number of sites"), QgsProcessingParameterNumber.Type.Integer, 5, False,
            1, 500))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "CANDIDATES", tr("Candidate sites (empty = resident origins)"),
            [QgsProcessing.SourceType.TypeVectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            "WRITE_PROJECT", tr("Also store the picks in the project (site_scores)"), False))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Best sites")))
        self.addOutput(QgsProcessingOutputNumber("SITES", tr("Sites picked")))

    def perform(self, parameters, context, feedback) -> Dict[str, Any]:
        from ..core.siting import write_site_scores

        type_id = evaluated_type_ids()[self.parameterAsEnum(parameters, "FACILITY_TYPE",
                                                            context)]
        k = self.parameterAsInt(parameters, "K", context)
        gpkg, evaluation, scorer = self.scorer(parameters, context, feedback)
        if type_id not in scorer.type_ids:
            raise QgsProcessingException(tr("{0} is not evaluated in this project").format(
                type_id))
        if parameters.get("CANDIDATES"):
            features, xs, ys = self.candidates(parameters, context, gpkg)
            ids = [str(f.id()) for f in features]
        else:
            xs = list(evaluation.data.origins.x)
            ys = list(evaluation.data.origins.y)
            ids = [str(u) for u in evaluation.origin_uuid]
        picks = scorer.best_k(type_id, xs, ys, k)
        fields = QgsFields()
        for name, kind in (("site_id", QVariant.String), ("facility_type", QVariant.String),
                           ("rank", QVariant.Int), ("new_population", QVariant.Double),
                           ("cumulative_population", QVariant.Double)):
            fields.append(QgsField(name, kind))
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields,
                                          QgsWkbTypes.Type.Point, project_crs(gpkg))
        for rank, pick in enumerate(picks, 1):
            feature = QgsFeature(fields)
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(pick.x, pick.y)))
            feature.setAttributes([ids[pick.index], type_id, rank, pick.new_population,
                                   pick.cumulative_population])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        if self.parameterAsBool(parameters, "WRITE_PROJECT", context):
            write_site_scores(gpkg, type_id, picks, ids)
        feedback.pushInfo(tr("{0} sites picked; residents covered after the last pick: "
                             "{1:,.0f}").format(len(picks), picks[-1].cumulative_population
                                                if picks else 0))
        return {"OUTPUT": dest, "SITES": len(picks)}
