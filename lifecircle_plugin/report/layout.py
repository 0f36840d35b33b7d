"""The official map: a QGIS print layout per sub-district (atlas) or for the whole district.

Every page carries the title, the map, a legend, a scale bar, a north arrow, the coordinate
system (CGCS2000), the data sources and date, the OSM attribution and the distance method,
because a page of an official map is read alone. The per-sub-district layout is an atlas
over the sub-district layer, filtered to the requested names, so one PDF holds one page
per sub-district with the map zoomed to it.
"""
from __future__ import annotations

import datetime as _dt
import logging
from pathlib import Path
from typing import List, Optional, Sequence

from qgis.core import (
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLegendStyle,
    QgsMapLayerLegendUtils,
    QgsPrintLayout,
    QgsProject,
    QgsScaleBarSettings,
    QgsSingleSymbolRenderer,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

from .data import OSM_ATTRIBUTION, ReportData
from .sources import source_lines
from .styles import FONT_FAMILY, LEGEND_TITLE, MapLayers, text_format

log = logging.getLogger(__name__)

PAGE_W, PAGE_H = 297.0, 210.0  # A4 landscape, mm
MAP_X, MAP_Y, MAP_W, MAP_H = 10.0, 26.0, 200.0, 174.0
PANEL_X, PANEL_W = 216.0, 71.0
SCALE_Y, SCALE_SEGMENTS, SCALE_MIN_MM, SCALE_MAX_MM = 124.0, 2, 20.0, 50.0
NOTES_Y = 136.0
CGCS2000_NOTE = ("坐标系：CGCS2000 / 3度带高斯-克吕格投影 中央经线{cm}°E ({authid})\n"
                 "CRS: CGCS2000 / 3-degree Gauss-Kruger CM {cm}E ({authid})")


def crs_note(crs) -> str:
    """The coordinate system line: CGCS2000 spelled out for Chinese projects."""
    authid = crs.authid()
    description = crs.description()
    if "CGCS2000" in description:
        central = description.rsplit("CM ", 1)[-1].rstrip("E") if "CM " in description else ""
        return CGCS2000_NOTE.format(cm=central or "?", authid=authid)
    return f"坐标系 CRS：{description} ({authid})"


def _mm(x: float, y: float) -> QgsLayoutPoint:
    return QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters)


def _size(w: float, h: float) -> QgsLayoutSize:
    return QgsLayoutSize(w, h, QgsUnitTypes.LayoutMillimeters)


def _label(layout: QgsPrintLayout, text: str, x: float, y: float, w: float, h: float,
           size: float, bold: bool = False) -> QgsLayoutItemLabel:
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    if hasattr(label, "setTextFormat"):
        label.setTextFormat(text_format(size, bold))
    else:
        font = QFont(FONT_FAMILY)
        font.setPointSizeF(size)
        font.setBold(bold)
        label.setFont(font)
    label.setHAlign(Qt.AlignmentFlag.AlignLeft)
    label.setVAlign(Qt.AlignmentFlag.AlignTop)
    label.attemptResize(_size(w, h))
    label.attemptMove(_mm(x, y))
    layout.addLayoutItem(label)
    return label


def _legend_fonts(legend: QgsLayoutItemLegend) -> None:
    sizes = {QgsLegendStyle.Title: (11, True), QgsLegendStyle.Group: (9, True),
             QgsLegendStyle.Subgroup: (8.5, True), QgsLegendStyle.SymbolLabel: (8, False)}
    for style, (size, bold) in sizes.items():
        if hasattr(QgsLegendStyle, "setTextFormat"):
            legend_style = legend.style(style)
            legend_style.setTextFormat(text_format(size, bold))
            legend.setStyle(style, legend_style)
        else:
            font = QFont(FONT_FAMILY)
            font.setPointSizeF(size)
            font.setBold(bold)
            legend.setStyleFont(style, font)


def method_note(data: ReportData) -> str:
    if data.network_mode:
        return "方法：沿步行网络计算距离\nMethod: distances along the walking network"
    factor = f"{data.detour_factor:g}"
    return (f"方法：无街道网络，直线距离 × 绕行系数 {factor}\n"
            f"Method: no street network; straight-line distance × detour factor {factor}")


def sources_note(data: ReportData, date: str) -> str:
    """Where the data came from and under which licence, one source a line."""
    lines = source_lines(data.sources) or ["—"]
    if not any(OSM_ATTRIBUTION in line for line in lines):
        lines.append(OSM_ATTRIBUTION)
    listed = "\n".join(f"· {line}" for line in lines)
    return f"数据来源 Data sources:\n{listed}\n制图日期 Map date: {date}"


def _add_map(layout: QgsPrintLayout, layers: MapLayers) -> QgsLayoutItemMap:
    item = QgsLayoutItemMap(layout)
    layout.addLayoutItem(item)
    item.attemptResize(_size(MAP_W, MAP_H))
    item.attemptMove(_mm(MAP_X, MAP_Y))
    item.setLayers(layers.ordered())
    item.setKeepLayerSet(True)
    item.setFrameEnabled(True)
    item.setFrameStrokeWidth(QgsLayoutMeasurement(0.4, QgsUnitTypes.LayoutMillimeters))
    item.setBackgroundColor(QColor("#f4f4f0"))
    item.setCrs(layers.subdistricts.crs())
    extent = layers.subdistricts.extent()
    extent.scale(1.05)
    item.zoomToExtent(extent)
    return item


def _add_panel(layout: QgsPrintLayout, item: QgsLayoutItemMap, layers: MapLayers,
               data: ReportData, date: str) -> None:
    _label(layout, "图例 Legend", PANEL_X, MAP_Y, 40, 7, 11, bold=True)
    legend = QgsLayoutItemLegend(layout)
    legend.setTitle("")
    legend.setLinkedMap(item)
    legend.setAutoUpdateModel(False)
    legend.setWrapString("|")
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for layer in layers.ordered():
        _legend_title(legend, root.addLayer(layer), layer)
    legend.setSymbolWidth(5)
    legend.setSymbolHeight(3.5)
    if hasattr(legend, "setMaximumSymbolSize"):
        legend.setMaximumSymbolSize(4.0)
        legend.setMinimumSymbolSize(1.0)
    _legend_fonts(legend)
    legend.attemptMove(_mm(PANEL_X, MAP_Y + 9))
    legend.setResizeToContents(True)
    layout.addLayoutItem(legend)
    scale = QgsLayoutItemScaleBar(layout)
    scale.setStyle("Single Box")
    scale.setLinkedMap(item)
    scale.setUnits(QgsUnitTypes.DistanceKilometers)
    scale.setUnitLabel("km")
    scale.setNumberOfSegments(SCALE_SEGMENTS)
    scale.setNumberOfSegmentsLeft(0)
    scale.setMinimumBarWidth(SCALE_MIN_MM)
    scale.setMaximumBarWidth(SCALE_MAX_MM)
    scale.setTextFormat(text_format(8))
    scale.attemptMove(_mm(PANEL_X, SCALE_Y))
    layout.addLayoutItem(scale)
    _round_scale_steps(scale, item)
    # each atlas page has its own scale: choose the round step again when the map moves
    item.extentChanged.connect(lambda: _round_scale_steps(scale, item))
    _add_north_arrow(layout, item)
    notes = "\n\n".join((crs_note(layers.subdistricts.crs()), method_note(data),
                          sources_note(data, date)))
    _label(layout, notes, PANEL_X, NOTES_Y, PANEL_W, MAP_Y + MAP_H - NOTES_Y, 6.5)


def _legend_title(legend: QgsLayoutItemLegend, node, layer) -> None:
    """The legend's two-line "中文|English" title of a layer (the layer keeps a clean name).

    A layer drawn with one symbol shows its title as that symbol's label, so the label of
    its only legend entry is set too.
    """
    title = layer.customProperty(LEGEND_TITLE) or layer.name()
    node.setCustomProperty("legend/title-label", title)
    if isinstance(layer.renderer(), QgsSingleSymbolRenderer):
        QgsMapLayerLegendUtils.setLegendNodeUserLabel(node, 0, title)
        legend.model().refreshLayerLegend(node)


def nice_step_km(scale: float, max_bar_mm: float = SCALE_MAX_MM,
                 segments: int = SCALE_SEGMENTS) -> float:
    """The largest 1-2-5 step (km) whose `segments` segments fit in `max_bar_mm` at 1:scale.

    QGIS's own fit-to-width steps are any first digit (0.7 km, 0.3 km), awkward to read off
    a printed map; 0.25 / 0.5 / 1 / 2 km are what a planner measures with.
    """
    mm_per_km = 1e6 / max(scale, 1.0)
    steps = [m * 10.0 ** e for e in range(-2, 3) for m in (1.0, 2.0, 2.5, 5.0)]
    fitting = [step for step in steps if step * segments * mm_per_km <= max_bar_mm]
    return max(fitting) if fitting else steps[0]


def _round_scale_steps(scale: QgsLayoutItemScaleBar, item: QgsLayoutItemMap) -> None:
    scale.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFixed)
    scale.setUnitsPerSegment(nice_step_km(item.scale()))
    scale.update()


def _add_north_arrow(layout: QgsPrintLayout, item: QgsLayoutItemMap) -> None:
    """North arrow in the side panel beside the scale bar: never over a label or a site."""
    arrow = QgsLayoutItemPicture(layout)
    arrow.setPicturePath(_north_arrow())
    arrow.attemptResize(_size(8, 12))
    arrow.attemptMove(_mm(PANEL_X + PANEL_W - 9, SCALE_Y - 3))
    arrow.setLinkedMap(item)
    layout.addLayoutItem(arrow)


def _north_arrow() -> str:
    from qgis.core import QgsApplication

    for folder in QgsApplication.svgPaths():
        candidate = Path(folder) / "arrows" / "NorthArrow_02.svg"
        if candidate.exists():
            return str(candidate)
    return "arrows/NorthArrow_02.svg"


def _new_layout(project: QgsProject, name: str) -> QgsPrintLayout:
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(name)
    page = layout.pageCollection().page(0)
    page.setPageSize(_size(PAGE_W, PAGE_H))
    return layout


def _title(layout: QgsPrintLayout, zh: str, en: str) -> None:
    _label(layout, zh, MAP_X, 7, PAGE_W - 20, 10, 17, bold=True)
    _label(layout, en, MAP_X, 17, PAGE_W - 20, 7, 10)


def district_layout(project: QgsProject, layers: MapLayers, data: ReportData,
                    district: str = "长宁区", date: Optional[str] = None) -> QgsPrintLayout:
    """One page covering every sub-district."""
    date = date or _dt.date.today().isoformat()
    layout = _new_layout(project, f"{district} 生活圈总图 District map")
    _title(layout, f"{district} 15分钟社区生活圈 · 基本保障类设施步行可达",
           ("" if not district.isascii() else f"{district}: ")
           + "15-minute community life circle: basic facility types reached on foot")
    item = _add_map(layout, layers)
    _add_panel(layout, item, layers, data, date)
    return layout


def subdistrict_atlas(project: QgsProject, layers: MapLayers, data: ReportData,
                      names: Optional[Sequence[str]] = None,
                      date: Optional[str] = None, district: str = "") -> QgsPrintLayout:
    """An atlas layout: one page per requested sub-district (all when `names` is None).

    `district` (e.g. "长宁区", "Helsinki") is put before the page's sub-district name, so a
    page read alone says where it is.
    """
    date = date or _dt.date.today().isoformat()
    layout = _new_layout(project, "街镇生活圈图 Sub-district maps")
    zh_prefix = f"{district} " if district else ""
    en_prefix = f"{district}, " if district.isascii() and district else ""
    _title(layout, f"{zh_prefix}[% \"name\" %] 15分钟社区生活圈 · 基本保障类设施步行可达",
           f"{en_prefix}[% coalesce(\"name_en\", \"name\") %]: basic facility types reached "
           "within a 15-minute walk")
    item = _add_map(layout, layers)
    item.setAtlasDriven(True)
    item.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    item.setAtlasMargin(0.08)
    _add_panel(layout, item, layers, data, date)
    atlas = layout.atlas()
    atlas.setCoverageLayer(layers.subdistricts)
    atlas.setPageNameExpression("\"name\"")
    atlas.setSortFeatures(True)
    atlas.setSortExpression("\"code\"")
    if names is not None:
        quoted = ",".join("'" + n.replace("'", "''") + "'" for n in names)
        atlas.setFilterFeatures(True)
        atlas.setFilterExpression(f"\"name\" IN ({quoted})")
    atlas.setEnabled(True)
    return layout


def map_item(layout: QgsPrintLayout) -> QgsLayoutItemMap:
    return next(i for i in layout.items() if isinstance(i, QgsLayoutItemMap))


def _pdf_settings(dpi: int) -> QgsLayoutExporter.PdfExportSettings:
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = False
    return settings


def export_pdf(layout: QgsPrintLayout, path: Path, dpi: int = 200) -> Path:
    """Export a layout (atlas: every page into one PDF) to `path`, atomically."""
    path = Path(path)
    temporary = path.with_name(f".{path.stem}.part.pdf")
    if layout.atlas().enabled():
        result, error = QgsLayoutExporter.exportToPdf(layout.atlas(), str(temporary),
                                                      _pdf_settings(dpi))
    else:
        result = QgsLayoutExporter(layout).exportToPdf(str(temporary), _pdf_settings(dpi))
        error = ""
    if result != QgsLayoutExporter.Success:
        temporary.unlink(missing_ok=True)
        raise RuntimeError(f"PDF export failed ({result}) {error}: {path}")
    temporary.replace(path)
    return path


def _image_settings(dpi: int) -> QgsLayoutExporter.ImageExportSettings:
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = dpi
    return settings


def export_png(layout: QgsPrintLayout, path: Path, dpi: int = 150) -> Path:
    path = Path(path)
    temporary = path.with_name(f".{path.stem}.part.png")
    result = QgsLayoutExporter(layout).exportToImage(str(temporary), _image_settings(dpi))
    if result != QgsLayoutExporter.Success:
        temporary.unlink(missing_ok=True)
        raise RuntimeError(f"PNG export failed ({result}): {path}")
    temporary.replace(path)
    return path


def export_atlas_pngs(layout: QgsPrintLayout, folder: Path, dpi: int = 150) -> List[tuple]:
    """One PNG per atlas page; returns [(sub-district name, path)] in page order."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    atlas = layout.atlas()
    written = []
    if not atlas.beginRender():
        return written
    try:
        for index in range(atlas.count()):
            atlas.seekTo(index)
            name = atlas.layout().reportContext().feature()["name"]
            written.append((name, export_png(layout, folder / f"map_{index + 1:02d}.png", dpi)))
    finally:
        atlas.endRender()
    return written
