"""Map layers of a project GeoPackage, styled for the official map and the demo project.

The map shows one thing clearly: how many of the basic facility types each resident origin
reaches within 15 minutes (red few, green all), with the sub-district boundaries, the
facilities and the recommended new sites. Styles are built in code (not QML) so the layout
works from a bare project file and the class breaks follow the catalogue in use.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

from qgis.core import (
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProject,
    QgsProperty,
    QgsRendererRange,
    QgsSingleSymbolRenderer,
    QgsSymbolLayer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont

from ..core import project_schema as ps
from ..core.gpkg import layer_names

log = logging.getLogger(__name__)

FONT_FAMILY = "Noto Sans CJK SC"
CLASS_COLOURS = ("#d7191c", "#fdae61", "#ffffbf", "#a6d96a", "#1a9641")
# The legend prints a layer's Chinese and English names on two lines. The layer name (what
# the layer tree shows) is "中文 English"; the legend's own title, a property of the layer
# that the layout reads, is "中文|English" and the legend wraps at "|".
LEGEND_TITLE = "lifecircle/legend_title"


@dataclass
class MapLayers:
    """The layers of one project as they appear on the official map, bottom to top."""

    origins: Optional[QgsVectorLayer]
    subdistricts: QgsVectorLayer
    facilities: Optional[QgsVectorLayer]
    sites: Optional[QgsVectorLayer]

    def ordered(self) -> List[QgsVectorLayer]:
        """Top first, as QGIS map items and legends want them."""
        return [layer for layer in (self.sites, self.subdistricts, self.facilities,
                                    self.origins) if layer is not None]


def gpkg_layer(gpkg: Path, name: str, title_zh: str, title_en: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{gpkg}|layername={name}", f"{title_zh} {title_en}", "ogr")
    if not layer.isValid():
        raise ValueError(f"cannot load layer {name} from {gpkg}")
    layer.setCustomProperty(LEGEND_TITLE, f"{title_zh}|{title_en}")
    return layer


def text_format(size: float, bold: bool = False, buffer: bool = False) -> QgsTextFormat:
    fmt = QgsTextFormat()
    font = QFont(FONT_FAMILY)
    font.setBold(bold)
    fmt.setFont(font)
    fmt.setSize(size)
    fmt.setSizeUnit(QgsUnitTypes.RenderPoints)
    if buffer:
        settings = QgsTextBufferSettings()
        settings.setEnabled(True)
        settings.setSize(0.8)
        settings.setColor(QColor("white"))
        fmt.setBuffer(settings)
    return fmt


def style_subdistricts(layer: QgsVectorLayer, label: bool = True) -> None:
    """Dark outlines, no fill; the atlas page's own sub-district drawn thicker."""
    symbol = QgsFillSymbol.createSimple({"style": "solid", "color": "0,0,0,0",
                                         "outline_color": "#303030",
                                         "outline_width": "0.35"})
    symbol.symbolLayer(0).setDataDefinedProperty(
        QgsSymbolLayer.PropertyStrokeWidth,
        QgsProperty.fromExpression("if(@atlas_featureid = $id, 0.9, 0.35)"))
    # on an atlas page the neighbours are veiled in white, so the page's own area stands out
    symbol.symbolLayer(0).setDataDefinedProperty(
        QgsSymbolLayer.PropertyFillColor,
        QgsProperty.fromExpression("if(@atlas_featureid IS NULL OR @atlas_featureid = $id, "
                                   "'0,0,0,0', '255,255,255,150')"))
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    if label:
        settings = QgsPalLayerSettings()
        settings.fieldName = "name"
        settings.setFormat(text_format(9, bold=True, buffer=True))
        layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        layer.setLabelsEnabled(True)


def origin_classes(total: int) -> List[tuple]:
    """Integer classes of 'basic types reached': quarters of the total, then 'all of them'."""
    total = max(int(total), 1)
    cuts = [int(total * f) for f in (0.25, 0.5, 0.75)]
    bounds = [(0, cuts[0]), (cuts[0] + 1, cuts[1]), (cuts[1] + 1, cuts[2]),
              (cuts[2] + 1, total - 1), (total, total)]
    return [(low, high) for low, high in bounds if low <= high]


def style_origins(layer: QgsVectorLayer, basic_total: int, cell_m: Optional[float]) -> None:
    """Graduated by basic types reached within 15 min, red (few) to green (all).

    Grid origins (`cell_m` given) are drawn as squares of the grid size, so the map reads
    like a coverage surface; scattered residential points as circles of a fixed size.
    """
    classes = origin_classes(basic_total)
    colours = CLASS_COLOURS[-len(classes):] if len(classes) > 1 else CLASS_COLOURS[-1:]
    ranges = []
    for (low, high), colour in zip(classes, colours):
        if low == high == max(int(basic_total), 1):
            label = f"全部 {high} 类 all {high} types"
        else:
            label = f"{low}–{high} 类 types" if low != high else f"{low} 类 types"
        if cell_m:
            symbol = QgsMarkerSymbol.createSimple({
                "name": "square", "color": colour, "outline_style": "no",
                "size": f"{cell_m:.1f}", "size_unit": "MapUnit"})
        else:
            symbol = QgsMarkerSymbol.createSimple({
                "name": "circle", "color": colour, "outline_color": "#404040",
                "outline_width": "0.15", "size": "2.6"})
        ranges.append(QgsRendererRange(low - 0.5, high + 0.5, symbol, label))
    renderer = QgsGraduatedSymbolRenderer("basic_types_reached_15min", ranges)
    layer.setRenderer(renderer)
    layer.setOpacity(0.85)


def style_facilities(layer: QgsVectorLayer) -> None:
    symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": "#555555",
                                           "outline_style": "no", "size": "0.7"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def style_sites(layer: QgsVectorLayer) -> None:
    symbol = QgsMarkerSymbol.createSimple({"name": "star", "color": "#7b2cbf",
                                           "outline_color": "white", "outline_width": "0.3",
                                           "size": "4.0"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def load_map_layers(gpkg: Path, project: QgsProject, scenario: str, basic_total: int,
                    cell_m: Optional[float]) -> MapLayers:
    """Load and style the official-map layers from `gpkg` and add them to `project`."""
    present = set(layer_names(gpkg))
    subdistricts = gpkg_layer(gpkg, ps.SUBDISTRICTS, "街镇边界", "Sub-district boundary")
    style_subdistricts(subdistricts)
    origins = facilities = sites = None
    if ps.ORIGIN_RESULTS in present:
        origins = gpkg_layer(gpkg, ps.ORIGIN_RESULTS,
                             "15分钟内可达的基本类设施数",
                             "Basic types within 15 min")
        origins.setSubsetString(_scenario_filter(scenario))
        style_origins(origins, basic_total, cell_m)
    if ps.FACILITIES in present:
        facilities = gpkg_layer(gpkg, ps.FACILITIES, "现状设施", "Existing facilities")
        facilities.setSubsetString("(\"status\" IS NULL OR \"status\" = 'existing') AND "
                                   "\"subdistrict\" IS NOT NULL")
        style_facilities(facilities)
    if ps.SITE_SCORES in present:
        sites = gpkg_layer(gpkg, ps.SITE_SCORES,
                           "推荐新址（覆盖最差的类型）",
                           "Best new sites (worst-covered types)")
        style_sites(sites)
    layers = MapLayers(origins, subdistricts, facilities, sites)
    project.addMapLayers(layers.ordered(), False)
    group = project.layerTreeRoot().addGroup("正式地图图层 Official map layers")
    for layer in layers.ordered():
        group.addLayer(layer)
    group.setItemVisibilityChecked(False)
    group.setExpanded(False)
    return layers


def _scenario_filter(scenario: str) -> str:
    return "\"scenario\" = '" + scenario.replace("'", "''") + "'"
