"""The HTML report: per sub-district and per task, who is within reach, 达标 or not, the gaps.

Plain Python over `ReportData` (no Qt, no QGIS), so the same report can be written by the
plugin, by `make demo` and by a batch script. Maps are PNG files rendered elsewhere (the
print layout) and referenced by relative path. Every page carries the distance method and
the OSM attribution; the unverified thresholds are listed, never hidden.
Labels are bilingual (Chinese first, English after) because the report is an official
document read by both audiences; it does not follow the UI language.
"""
from __future__ import annotations

import datetime as _dt
import html
import logging
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence

from .data import DISTRICT_WIDE, OSM_ATTRIBUTION, ReportData, unverified_thresholds
from .sources import describe_source

log = logging.getLogger(__name__)

VERIF_MEANING = {
    "V": ("已核实", "verified"), "S": ("二手来源", "secondary source"),
    "M": ("凭记忆，未核实", "from memory, unverified"), "P": ("项目自定", "set by the project"),
    "n/a": ("不适用", "not applicable"),
}
ORIGIN_METHODS = {
    "residential_polygons": ("居住小区面", "residential compound polygons"),
    "residential_points": ("居住点", "residential points"),
    "grid": ("人口格网（按街镇人口均分）", "population grid (sub-district population spread)"),
    "study_area": ("研究区格网", "study-area grid"),
}

CSS = """
body{font-family:"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei",sans-serif;margin:2em;
color:#222;max-width:1200px}
h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:2px solid #2b6;padding-bottom:.2em;
margin-top:2em}h3{margin-top:1.5em}
table{border-collapse:collapse;margin:.5em 0 1em;font-size:.9em}
th,td{border:1px solid #bbb;padding:.25em .5em;text-align:left}
th{background:#eef5ee}td.num{text-align:right;font-variant-numeric:tabular-nums}
.ok{color:#186a2c;font-weight:bold}.no{color:#b3261e;font-weight:bold}
.method{background:#fff6dd;border-left:6px solid #e0a800;padding:.6em 1em;margin:1em 0}
.en{color:#555;font-size:.9em}img.map{max-width:100%;border:1px solid #999}
footer{margin-top:3em;border-top:1px solid #999;padding-top:.5em;font-size:.85em;color:#444}
@media print{footer{position:fixed;bottom:0;background:#fff}h2{page-break-before:always}}
"""


def esc(value) -> str:
    return html.escape("" if value is None else str(value))


def pct(value: Optional[float]) -> str:
    return "—" if value is None else f"{100.0 * value:.1f}%"


def num(value: Optional[float], digits: int = 0) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def bi(zh: str, en: str) -> str:
    """A bilingual label: Chinese, then English in a smaller grey span."""
    return f'{esc(zh)} <span class="en">{esc(en)}</span>'


def verdict(meets: Optional[int]) -> str:
    if meets is None:
        return "—"
    return ('<span class="ok">达标 ✓</span>' if meets
            else '<span class="no">未达标 ✗</span>')


def method_text(data: ReportData) -> str:
    """One sentence on how distances were measured; the same words go on every map page."""
    if data.network_mode:
        return bi("距离按步行网络计算。", "Distances measured along the walking network.")
    factor = f"{data.detour_factor:g}"
    return bi(f"无街道网络：距离为直线距离 × 绕行系数 {factor}。",
              f"No street network: distances are straight-line × detour factor {factor}.")


def table(headers: Sequence[str], rows: Iterable[Sequence[str]],
          numeric: Sequence[int] = ()) -> str:
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = []
    for row in rows:
        cells = "".join(f'<td class="num">{c}</td>' if i in numeric else f"<td>{c}</td>"
                        for i, c in enumerate(row))
        body.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def subdistrict_summary(data: ReportData, district: bool = False) -> List[dict]:
    """Per sub-district: basic types evaluated and met, mean share over those with data.

    With `district`, the district-wide rows of the engine (if any) come first.
    """
    summary = []
    areas = list(data.subdistricts)
    if district and any(r["subdistrict"] == DISTRICT_WIDE for r in data.type_rows):
        population = sum(s.get("population") or 0.0 for s in data.subdistricts)
        areas.insert(0, {"name": DISTRICT_WIDE, "name_en": "whole district",
                         "population": population})
    for sub in areas:
        rows = data.types_of(sub["name"])
        basic = [r for r in rows if _is_basic(data, r["facility_type"])]
        shares = [r["share"] for r in basic if r.get("share") is not None]
        summary.append({
            "name": sub["name"], "name_en": sub.get("name_en") or "",
            "population": sub.get("population"),
            "basic_types": len(basic),
            "basic_met": sum(1 for r in basic if r.get("meets_target")),
            "basic_no_data": sum(1 for r in basic if r.get("no_data")),
            "mean_share": sum(shares) / len(shares) if shares else None,
        })
    return summary


def _is_basic(data: ReportData, facility_id: str) -> bool:
    ftype = data.facility_type(facility_id)
    return bool(ftype and ftype.is_basic)


def _type_label(data: ReportData, facility_id: str) -> str:
    ftype = data.facility_type(facility_id)
    return bi(ftype.name_zh, ftype.name_en) if ftype else esc(facility_id)


def _threshold(row: dict, data: ReportData) -> str:
    ftype = data.facility_type(row["facility_type"])
    mark = row.get("threshold_verif") or (ftype.verif_threshold if ftype else "")
    metres = row.get("threshold_m") or (ftype.threshold_m if ftype else None)
    flag = "" if mark == "V" else " ⚠"
    return f"{num(metres)} m ({esc(mark)}{flag})"


def _task_table(data: ReportData, name: str) -> str:
    rows = []
    for row in data.tasks_of(name):
        task = data.catalogue.tasks.get(row["task"])
        if row["task"] == 0:
            label = bi("全部任务（全部基本类设施）", "All tasks (every basic type)")
        else:
            label = bi(f"{task.short_zh} {task.name_zh}", task.name_en) if task \
                else esc(row["task"])
        rows.append((label, pct(row.get("mean_share")), pct(row.get("share_all_basic")),
                     f"{row.get('basic_types_met') or 0} / {row.get('basic_types') or 0}",
                     verdict(row.get("meets_target"))))
    headers = [bi("任务", "Task"), bi("平均覆盖率", "Mean share"),
               bi("全部基本类可达", "Share reaching all basic types"),
               bi("基本类达标数", "Basic types met"), bi("结论", "Verdict")]
    return table(headers, rows, numeric=(1, 2, 3))


def _type_table(data: ReportData, name: str) -> str:
    order = list(data.catalogue.types)
    rows = sorted(data.types_of(name), key=lambda r: (
        r.get("task") or 0, order.index(r["facility_type"])
        if r["facility_type"] in order else len(order)))
    body = []
    for row in rows:
        gap = data.gaps.get((name, row["facility_type"]))
        body.append((
            _type_label(data, row["facility_type"]), esc(row.get("task")),
            _threshold(row, data), pct(row.get("share_5min")), pct(row.get("share_10min")),
            pct(row.get("share_15min")), pct(row.get("share")), pct(row.get("target_share")),
            '<span class="en">无数据 no data</span>' if row.get("no_data")
            else verdict(row.get("meets_target")), num(row.get("facilities")),
            num(gap.origins if gap else 0), num(gap.population if gap else 0.0),
        ))
    headers = [bi("设施类型", "Facility type"), bi("任务", "Task"),
               bi("距离阈值", "Threshold"), bi("5分钟", "5 min"), bi("10分钟", "10 min"),
               bi("15分钟", "15 min"), bi("阈值内覆盖率", "Share within threshold"),
               bi("目标", "Target"), bi("结论", "Verdict"), bi("设施数", "Facilities"),
               bi("缺口点", "Gap origins"), bi("缺口人口", "Gap population")]
    return table(headers, body, numeric=(1, 3, 4, 5, 6, 7, 9, 10, 11))


def _subdistrict_section(data: ReportData, sub: dict, map_path: Optional[str]) -> str:
    name = sub["name"]
    parts = [f'<h2 id="sd-{esc(name)}">{bi(name, sub.get("name_en") or "")}</h2>',
             f"<p>{bi('人口', 'Population')}: {num(sub.get('population'))}</p>"]
    if map_path:
        parts.append(f'<img class="map" src="{esc(map_path)}" alt="{esc(name)}">')
    parts += [f"<h3>{bi('按任务', 'Per task')}</h3>", _task_table(data, name),
              f"<h3>{bi('按设施类型', 'Per facility type')}</h3>", _type_table(data, name)]
    return "\n".join(parts)


def _summary_section(data: ReportData, district_map: Optional[str]) -> str:
    rows = [(bi(s["name"], s["name_en"]), num(s["population"]), pct(s["mean_share"]),
             f"{s['basic_met']} / {s['basic_types']}", num(s["basic_no_data"]))
            for s in subdistrict_summary(data, district=True)]
    headers = [bi("街镇", "Sub-district"), bi("人口", "Population"),
               bi("基本类平均覆盖率（有数据的类型）", "Mean share, basic types with data"),
               bi("基本类达标数", "Basic types meeting target"),
               bi("无数据的基本类", "Basic types without data")]
    image = (f'<img class="map" src="{esc(district_map)}" alt="district">'
             if district_map else "")
    return (f"<h2>{bi('全区概况', 'District overview')}</h2>{image}"
            + table(headers, rows, numeric=(1, 2, 3, 4)))


def _sites_section(data: ReportData) -> str:
    if not data.sites:
        return ""
    rows = [(_type_label(data, s["facility_type"]), num(s.get("rank")),
             num(s.get("new_population")), num(s.get("cumulative_population")),
             f"{num(s.get('x'))}, {num(s.get('y'))}") for s in data.sites]
    headers = [bi("设施类型", "Facility type"), bi("排序", "Rank"),
               bi("新增覆盖人口", "Newly covered residents"),
               bi("累计", "Cumulative"), bi("位置 (EPSG:4549)", "Location (EPSG:4549)")]
    intro = bi("覆盖最差的设施类型的贪心选址结果。",
               "Greedy best-k sites for the types with the worst coverage.")
    return (f"<h2>{bi('推荐新址', 'Best new sites')}</h2><p>{intro}</p>"
            + table(headers, rows, numeric=(1, 2, 3)))


def _unverified_section(data: ReportData) -> str:
    rows = []
    for ftype in unverified_thresholds(data.catalogue):
        zh, en = VERIF_MEANING.get(ftype.verif_threshold, ("", ""))
        rows.append((esc(ftype.id), bi(ftype.name_zh, ftype.name_en),
                     f"{num(ftype.threshold_m)} m", esc(ftype.verif_threshold), bi(zh, en),
                     esc(ftype.standard)))
    headers = [bi("编号", "Id"), bi("设施类型", "Facility type"), bi("阈值", "Threshold"),
               bi("标记", "Mark"), bi("含义", "Meaning"), bi("依据", "Standard")]
    intro = bi("以下距离阈值未经核实（标记不是 V），结论须谨慎使用：",
               "These distance thresholds are not verified (mark other than V); "
               "treat their verdicts with care:")
    return (f'<h2 id="unverified">{bi("未核实的阈值", "Unverified thresholds")}</h2>'
            f"<p>{intro} {len(rows)}</p>" + table(headers, rows, numeric=(2,)))


def licence_of(source: dict) -> str:
    text = f"{source.get('attribution') or ''} {source.get('kind') or ''}".lower()
    if "openstreetmap" in text or "osm" in text or "odbl" in text:
        return "ODbL 1.0"
    return "未声明 not stated"


def _sources_section(data: ReportData) -> str:
    rows = [(esc(s.get("source")), esc(Path(str(s.get("path") or "")).name),
             esc(describe_source(s)), esc(s.get("kind")),
             esc(s.get("crs")), num(s.get("features")), esc(s.get("attribution")),
             esc(licence_of(s))) for s in data.sources]
    headers = [bi("来源", "Source"), bi("文件", "File"), bi("说明", "Description"),
               bi("类型", "Kind"),
               bi("坐标系", "CRS"), bi("要素数", "Features"), bi("署名", "Attribution"),
               bi("许可", "Licence")]
    return (f"<h2>{bi('数据来源与许可', 'Data sources and licences')}</h2>"
            + table(headers, rows, numeric=(5,)) + f"<p>{esc(OSM_ATTRIBUTION)}</p>")


def _method_section(data: ReportData) -> str:
    zh, en = ORIGIN_METHODS.get(data.origin_method, (data.origin_method or "未记录",
                                                     data.origin_method or "not recorded"))
    speed = data.catalogue.walking_profiles.get("adult", data.catalogue.walking_speed_m_per_min)
    lacking = [ftype for ftype in data.catalogue.evaluated_types()
               if not data.facility_counts.get(ftype.id)]
    items = [
        f"<li>{method_text(data)}</li>",
        f"<li>{bi('居民起点', 'Resident origins')}: {bi(zh, en)}</li>",
        f"<li>{bi('人口来源', 'Population source')}: "
        f"{esc(data.metadata.get('population_source') or '—')}</li>",
        f"<li>{bi('步行速度', 'Walking speed')}: {speed:g} m/min; "
        f"{bi('5/10/15分钟', '5/10/15 min')} = "
        + ", ".join(f"{m * speed:,.0f} m" for m in (5, 10, 15)) + "</li>",
        f"<li>{bi('达标', 'Meets target')}: "
        f"{bi('阈值内覆盖人口比例 ≥ 目标', 'share of residents within threshold ≥ target')}</li>",
        f"<li>{bi('情景', 'Scenario')}: {esc(data.scenario)}</li>",
    ]
    if data.network_mode and data.unsnapped_origins:
        label = bi('距步行网络过远、无法计算网络距离的居民点',
                   'Resident origins too far from the walking network to be routed')
        items.append(f"<li>{label}: {data.unsnapped_origins} / {data.origins}</li>")
    if lacking:
        names = "、".join(esc(t.name_zh) for t in lacking)
        label = bi('项目中没有以下类型的设施（覆盖率为0，因缺少数据而非真实缺口）',
                   'No facilities of these types in the project '
                   '(coverage 0 for lack of data, not a verified gap)')
        items.append(f"<li>{label}: {names}</li>")
    return (f'<h2 id="method">{bi("方法", "Method")}</h2><div class="method">'
            f"<ul>{''.join(items)}</ul></div>")


def render_html(data: ReportData, maps: Optional[Dict[str, str]] = None,
                district_map: Optional[str] = None, title: Optional[str] = None,
                generated: Optional[str] = None) -> str:
    """The whole report as one HTML document (UTF-8); `maps` maps sub-district → PNG path."""
    maps = maps or {}
    generated = generated or _dt.datetime.now().astimezone().isoformat(timespec="minutes")
    title = title or "15分钟社区生活圈评估报告 · 15-minute life circle evaluation"
    header = (f"<h1>{esc(title)}</h1><p>{bi('项目', 'Project')}: {esc(data.project.name)} · "
              f"{bi('目录版本', 'Catalogue')}: {esc(data.catalogue.version)} · "
              f"{bi('生成时间', 'Generated')}: {esc(generated)}</p>"
              f'<div class="method">{method_text(data)}</div>')
    sections = [header, _summary_section(data, district_map)]
    sections += [_subdistrict_section(data, sub, maps.get(sub["name"]))
                 for sub in data.subdistricts]
    sections += [_sites_section(data), _method_section(data), _unverified_section(data),
                 _sources_section(data)]
    footer = f"<footer>{method_text(data)} · {esc(OSM_ATTRIBUTION)}</footer>"
    return ("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            f"<title>{esc(title)}</title><style>{CSS}</style></head><body>"
            + "\n".join(s for s in sections if s) + footer + "</body></html>")


def write_html(path: Path, data: ReportData, **kwargs) -> Path:
    """Write the report atomically (a half-written report never replaces a good one)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.part")
    temporary.write_text(render_html(data, **kwargs), encoding="utf-8")
    temporary.replace(path)
    return path
