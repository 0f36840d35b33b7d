"""CSV tables of the results, UTF-8 with BOM so that Excel on a Chinese Windows opens them.

Same rows as the HTML report (from `ReportData`), with the catalogue names added so a
table read alone still says what each facility type is. Each file is written to a
temporary name and moved into place, so a failed run never leaves half a table.
"""
from __future__ import annotations

import csv
import logging
from pathlib import Path
from typing import Dict, Iterable, List, Sequence

from .data import ReportData, unverified_thresholds
from .html import subdistrict_summary

log = logging.getLogger(__name__)
ENCODING = "utf-8-sig"


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence]) -> Path:
    path = Path(path)
    temporary = path.with_name(f".{path.name}.part")
    with open(temporary, "w", encoding=ENCODING, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    temporary.replace(path)
    return path


# (field in the result rows, header). Headers are "中文 english": a Chinese planner reads
# them in Excel, and the English half is the field name of the project GeoPackage.
TYPE_COLUMNS = (
    ("subdistrict", "街镇 subdistrict"), ("task", "任务 task"),
    ("facility_type", "设施类型编号 facility_type"), ("name_zh", "设施类型 name_zh"),
    ("name_en", "英文名称 name_en"), ("category", "类别 category"),
    ("threshold_m", "距离阈值(米) threshold_m"), ("threshold_verif", "阈值核实 threshold_verif"),
    ("share_5min", "5分钟覆盖率 share_5min"), ("share_10min", "10分钟覆盖率 share_10min"),
    ("share_15min", "15分钟覆盖率 share_15min"), ("share", "阈值内覆盖率 share"),
    ("target_share", "目标覆盖率 target_share"), ("meets_target", "达标 meets_target"),
    ("population", "人口 population"), ("covered_population", "覆盖人口 covered_population"),
    ("facilities", "设施数 facilities"), ("per_10k", "每万人设施数 per_10k"),
    ("mean_distance_m", "平均距离(米) mean_distance_m"),
    ("p85_distance_m", "85%距离(米) p85_distance_m"), ("gap_origins", "缺口居民点 gap_origins"),
    ("gap_population", "缺口人口 gap_population"), ("method", "距离方法 method"),
    ("scenario", "情景 scenario"))
TASK_COLUMNS = (
    ("subdistrict", "街镇 subdistrict"), ("task", "任务 task"), ("task_zh", "任务名称 task_zh"),
    ("task_en", "英文名称 task_en"), ("mean_share", "平均覆盖率 mean_share"),
    ("share_all_basic", "全部基本类可达人口比例 share_all_basic"),
    ("basic_types", "基本类设施类型数 basic_types"),
    ("basic_types_met", "达标类型数 basic_types_met"), ("meets_target", "达标 meets_target"),
    ("scenario", "情景 scenario"))
SHARE_DIGITS = 4
PEOPLE = {"population", "covered_population", "gap_population", "new_population",
          "cumulative_population"}
METRES = {"threshold_m", "mean_distance_m", "p85_distance_m"}
ALL_TASKS = ("全部任务", "all tasks")  # task 0 rows: every task together


def cell(column: str, value):
    """Excel-friendly values: whole people and metres, shares to 4 decimals (0.8123)."""
    if value is None or isinstance(value, str):
        return value
    if column in PEOPLE or column in METRES:
        return int(round(float(value)))
    if "share" in column:
        return round(float(value), SHARE_DIGITS)
    if column == "per_10k":
        return round(float(value), 2)
    return value


def _type_rows(data: ReportData) -> List[list]:
    rows = []
    for row in data.type_rows:
        ftype = data.facility_type(row["facility_type"])
        gap = data.gaps.get((row["subdistrict"], row["facility_type"]))
        extra = {"name_zh": ftype.name_zh if ftype else "",
                 "name_en": ftype.name_en if ftype else "",
                 "category": ftype.category if ftype else "",
                 "gap_origins": gap.origins if gap else 0,
                 "gap_population": gap.population if gap else 0.0}
        rows.append([cell(c, extra[c] if c in extra else row.get(c)) for c, _ in TYPE_COLUMNS])
    return rows


def _task_rows(data: ReportData) -> List[list]:
    rows = []
    for row in data.task_rows:
        task = data.catalogue.tasks.get(row["task"])
        zh, en = (task.name_zh, task.name_en) if task else ALL_TASKS
        extra = {"task_zh": zh, "task_en": en}
        rows.append([cell(c, extra[c] if c in extra else row.get(c)) for c, _ in TASK_COLUMNS])
    return rows


def _headers(columns) -> List[str]:
    return [header for _, header in columns]


def write_tables(data: ReportData, folder: Path) -> Dict[str, Path]:
    """Write every result table into `folder`; returns table name → path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = {
        "subdistrict_results": write_csv(folder / "subdistrict_results.csv",
                                         _headers(TYPE_COLUMNS), _type_rows(data)),
        "task_results": write_csv(folder / "task_results.csv", _headers(TASK_COLUMNS),
                                  _task_rows(data)),
    }
    summary = subdistrict_summary(data)
    written["subdistrict_summary"] = write_csv(
        folder / "subdistrict_summary.csv",
        ("街镇 subdistrict", "英文名称 name_en", "人口 population",
         "基本类设施类型数 basic_types", "达标类型数 basic_types_met",
         "无数据类型数 basic_types_no_data",
         "有数据基本类平均覆盖率 mean_share_basic_with_data"),
        [(s["name"], s["name_en"], cell("population", s["population"]), s["basic_types"],
          s["basic_met"], s["basic_no_data"], cell("mean_share", s["mean_share"]))
         for s in summary])
    crs = str(data.metadata.get("crs") or "EPSG:4549").replace(":", "").lower()
    written["best_sites"] = write_csv(
        folder / "best_sites.csv",
        ("设施类型编号 facility_type", "设施类型 name_zh", "名次 rank",
         "新增覆盖人口 new_population", "累计新增覆盖人口 cumulative_population",
         f"X坐标 x_{crs}", f"Y坐标 y_{crs}"),
        [(s["facility_type"], getattr(data.facility_type(s["facility_type"]), "name_zh", ""),
          s.get("rank"), cell("new_population", s.get("new_population")),
          cell("cumulative_population", s.get("cumulative_population")),
          _metre(s.get("x")), _metre(s.get("y"))) for s in data.sites])
    written["unverified_thresholds"] = write_csv(
        folder / "unverified_thresholds.csv",
        ("设施类型编号 facility_id", "设施类型 name_zh", "英文名称 name_en",
         "距离阈值(米) threshold_m", "阈值核实 verif_threshold"),
        [(t.id, t.name_zh, t.name_en, cell("threshold_m", t.threshold_m), t.verif_threshold)
         for t in unverified_thresholds(data.catalogue)])
    return written


def _metre(value):
    """Projected coordinates to the centimetre: more digits are noise."""
    return None if value is None else round(float(value), 2)
