"""How Life Circle layers look: SVG icons per facility type, Chinese labels, result colours.

Result and boundary layers are styled from QML files in resources/styles/ (made once by
scripts/make_styles.py from the builders below, so a planner can restyle them in QGIS and
save over the file). Facility layers are styled in code because their SVG icon path
depends on where the plugin is installed.
"""
from __future__ import annotations

import logging
from pathlib import Path

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsRendererCategory,
    QgsRendererRange,
    QgsSingleSymbolRenderer,
    QgsSvgMarkerSymbolLayer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont

from .core.catalogue import FacilityType
from .core.paths import resource
from .task_colours import TASK_COLOURS

logger = logging.getLogger(__name__)
LABEL_FONT = "Noto Sans CJK SC"
STYLED_LAYERS = ("subdistricts", "origin_results", "gaps", "service_areas")


def icon_path(facility_id: str) -> Path:
    return resource("icons", "facility", f"{facility_id}.svg")


def text_format(size: float = 8.0, colour: str = "#202020", bold: bool = False) -> QgsTextFormat:
    """A label format with a white halo, readable over any base map."""
    font = QFont(LABEL_FONT)
    font.setBold(bold)
    fmt = QgsTextFormat()
    fmt.setFont(font)
    fmt.setSize(size)
    fmt.setColor(QColor(colour))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(1.0)
    buffer.setColor(QColor("#ffffff"))
    fmt.setBuffer(buffer)
    return fmt


def label_layer(layer: QgsVectorLayer, field: str, fmt: QgsTextFormat,
                max_scale: float = 0.0) -> None:
    """Label with `field`; hide labels when zoomed out beyond 1:max_scale (0 = always)."""
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    settings.setFormat(fmt)
    if max_scale > 0:
        settings.scaleVisibility = True
        settings.minimumScale = max_scale  # QGIS: "minimum" scale = most zoomed out
        settings.maximumScale = 0
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def style_facility_layer(layer: QgsVectorLayer, facility: FacilityType,
                         label_max_scale: float = 25000.0) -> None:
    """The type's SVG badge, labelled with the facility's Chinese name when zoomed in."""
    svg = QgsSvgMarkerSymbolLayer(str(icon_path(facility.id)), 3.6)
    svg.setSizeUnit(QgsUnitTypes.RenderUnit.RenderMillimeters)
    symbol = QgsMarkerSymbol()
    symbol.changeSymbolLayer(0, svg)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    colour = TASK_COLOURS.get(facility.task, "#202020")
    label_layer(layer, "name", text_format(7.5, colour), label_max_scale)


def apply_qml(layer: QgsVectorLayer, name: str) -> bool:
    """Load resources/styles/<name>.qml onto the layer; False (and a log line) if it fails."""
    path = resource("styles", f"{name}.qml")
    message, ok = layer.loadNamedStyle(str(path))
    if not ok:
        logger.warning("style %s not applied: %s", path, message)
    return ok


# Builders for the QML files (scripts/make_styles.py); also usable directly.

def style_subdistricts(layer: QgsVectorLayer) -> None:
    """Boundaries drawn on top of everything: outline only, name in bold."""
    symbol = QgsFillSymbol.createSimple({
        "color": "0,0,0,0", "outline_color": "#37474f", "outline_width": "0.7",
        "outline_style": "dash"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    label_layer(layer, "name", text_format(10.0, "#263238", bold=True))


def style_origin_results(layer: QgsVectorLayer, basic_types: int) -> None:
    """Origins coloured from red (no basic type within 15 min) to green (all of them)."""
    ranges = []
    steps = _steps(basic_types)
    for index, (low, high) in enumerate(steps):
        share = index / max(1, len(steps) - 1)
        colour = QColor.fromHsvF(0.33 * share, 0.85, 0.85)
        symbol = QgsMarkerSymbol.createSimple({
            "name": "circle", "color": colour.name(), "outline_color": "#ffffff",
            "outline_width": "0.3", "size": "3.4"})
        label = f"{low}" if low == high else f"{low} – {high}"
        ranges.append(QgsRendererRange(low - 0.5, high + 0.5, symbol, label))
    renderer = QgsGraduatedSymbolRenderer("basic_types_reached_15min", ranges)
    layer.setRenderer(renderer)


def _steps(total: int):
    """About eight classes of whole numbers covering 0 … total."""
    width = max(1, round((total + 1) / 8))
    steps, low = [], 0
    while low <= total:
        high = min(total, low + width - 1)
        steps.append((low, high))
        low = high + 1
    return steps


def style_gaps(layer: QgsVectorLayer) -> None:
    """Uncovered origins: small red crosses that stay visible over facility icons."""
    symbol = QgsMarkerSymbol.createSimple({
        "name": "cross2", "color": "#d32f2f", "outline_color": "#d32f2f",
        "outline_width": "0.5", "size": "2.6"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def style_service_areas(layer: QgsVectorLayer) -> None:
    """5/10/15-minute areas as translucent greens, darkest for the nearest."""
    categories = []
    for minutes, colour in ((5, "#1b5e20"), (10, "#43a047"), (15, "#a5d6a7")):
        symbol = QgsFillSymbol.createSimple({
            "color": colour, "outline_color": colour,
            "outline_width": "0.3"})
        fill = QColor(colour)
        fill.setAlpha(70)
        symbol.setColor(fill)
        categories.append(QgsRendererCategory(minutes, symbol, f"{minutes} min"))
    layer.setRenderer(QgsCategorizedSymbolRenderer("minutes", categories))
