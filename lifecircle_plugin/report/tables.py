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


TYPE_COLUMNS = ("subdistrict", "task", "facility_type", "name_zh", "name_en", "category",
                "threshold_m", "threshold_verif", "share_5min", "share_10min", "share_15min",
                "share", "target_share", "meets_target", "population", "covered_population",
                "facilities", "per_10k", "mean_distance_m", "p85_distance_m", "gap_origins",
                "gap_population", "method", "scenario")
TASK_COLUMNS = ("subdistrict", "task", "task_zh", "task_en", "mean_share", "share_all_basic",
                "basic_types", "basic_types_met", "meets_target", "scenario")


def _type_rows(data: ReportData) -> List[list]:
    rows = []
    for row in data.type_rows:
        ftype = data.facility_type(row["facility_type"])
        gap = data.gaps.get((row["subdistrict"], row["facility_type"]))
        extra = {"name_zh": ftype.name_zh if ftype else "",
                 "name_en": ftype.name_en if ftype else "",
                 "category": ftype.category if ftype else "",
                 "gap_origins": gap.origins if gap else 0,
                 "gap_population": round(gap.population, 1) if gap else 0.0}
        rows.append([extra[c] if c in extra else row.get(c) for c in TYPE_COLUMNS])
    return rows


def _task_rows(data: ReportData) -> List[list]:
    rows = []
    for row in data.task_rows:
        task = data.catalogue.tasks.get(row["task"])
        extra = {"task_zh": task.name_zh if task else "", "task_en": task.name_en if task else ""}
        rows.append([extra[c] if c in extra else row.get(c) for c in TASK_COLUMNS])
    return rows


def write_tables(data: ReportData, folder: Path) -> Dict[str, Path]:
    """Write every result table into `folder`; returns table name → path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = {
        "subdistrict_results": write_csv(folder / "subdistrict_results.csv", TYPE_COLUMNS,
                                         _type_rows(data)),
        "task_results": write_csv(folder / "task_results.csv", TASK_COLUMNS,
                                  _task_rows(data)),
    }
    summary = subdistrict_summary(data)
    written["subdistrict_summary"] = write_csv(
        folder / "subdistrict_summary.csv",
        ("subdistrict", "name_en", "population", "basic_types", "basic_types_met",
         "basic_types_no_data", "mean_share_basic_with_data"),
        [(s["name"], s["name_en"], s["population"], s["basic_types"], s["basic_met"],
          s["basic_no_data"], s["mean_share"]) for s in summary])
    written["best_sites"] = write_csv(
        folder / "best_sites.csv",
        ("facility_type", "name_zh", "rank", "new_population", "cumulative_population",
         "x_epsg4549", "y_epsg4549"),
        [(s["facility_type"], getattr(data.facility_type(s["facility_type"]), "name_zh", ""),
          s.get("rank"), s.get("new_population"), s.get("cumulative_population"),
          s.get("x"), s.get("y")) for s in data.sites])
    written["unverified_thresholds"] = write_csv(
        folder / "unverified_thresholds.csv",
        ("facility_id", "name_zh", "name_en", "threshold_m", "verif_threshold"),
        [(t.id, t.name_zh, t.name_en, t.threshold_m, t.verif_threshold)
         for t in unverified_thresholds(data.catalogue)])
    return written
