"""`make demo`: the whole chain on real data, leaving what a planner opens.

    python -m lifecircle_plugin.demo --data ../shared/data/changning --out out [--network F]

Builds the project GeoPackage, evaluates every facility type of the twelve tasks, picks
best new sites for the three basic types with the worst coverage, makes a survey package
for one sub-district, and writes the report (HTML + official map PDF), CSV tables and a
QGIS project. `--data` is a Changning-style folder, an OSM extract (.osm.pbf: network mode,
e.g. Helsinki) or a list of files. Everything is written into a staging folder first and
moved to `--out` only when all of it succeeded, so a run never leaves stale or half files.
"""
from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

log = logging.getLogger(__name__)

SURVEY_PACKAGE = "survey_package.lcsurvey"  # the Makefile's default PACKAGE
DEMO_INSPECTOR = "演示核查员 demo inspector"  # the app lets the inspector change it
SITES_PER_TYPE = 5
WORST_TYPES = 3
# Service-area polygons: the demo draws them for a few everyday types, and only in
# straight-line mode, where they are buffers; along a network they took ~2 minutes per
# type with many facilities (Helsinki, engine of 2026-12-03), too slow for a demo.
SERVICE_AREA_TYPES = ("convenience_store", "wet_market", "kindergarten", "bus_stop",
                      "community_health_center")


@dataclass
class DemoResult:
    out: Path
    district: str
    network_mode: bool
    paths: Dict[str, Path] = field(default_factory=dict)
    timings: Dict[str, float] = field(default_factory=dict)
    worst_types: List[str] = field(default_factory=list)
    survey_subdistrict: str = ""
    lines: List[str] = field(default_factory=list)


def parse_args(argv: Optional[List[str]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m lifecircle_plugin.demo",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", nargs="+", type=Path, required=True,
                        help="Changning-style data folder, an .osm.pbf extract, or files")
    parser.add_argument("--out", type=Path, default=Path("out"))
    parser.add_argument("--network", type=Path, default=None,
                        help="a walking network (OSM extract or line layer)")
    parser.add_argument("--subdistrict", default=None,
                        help="sub-district of the survey package (default: lowest coverage)")
    parser.add_argument("--dpi", type=int, default=150)
    parser.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN",
                        help="language of the QGIS project's layer tree (default zh_CN)")
    return parser.parse_args(argv)


def build_config(data: List[Path], gpkg: Path, network: Optional[Path]):
    """The BuildConfig for what the user named, and the district's display name."""
    from .core.build import BuildConfig, SourceSpec, changning_config, helsinki_config
    from .core.errors import InputError

    for path in data:
        if not path.exists():
            raise InputError("not found", file=path)
    if len(data) == 1 and data[0].is_dir():
        folder = data[0]
        if (folder / "changning").is_dir():
            folder = folder / "changning"
        if not (folder / "subdistricts.geojson").exists():
            raise InputError("expected subdistricts.geojson in the data folder (or name the "
                             "files)", file=folder)
        return changning_config(folder, gpkg, network=network), "长宁区"
    if len(data) == 1 and data[0].name.endswith((".osm.pbf", ".pbf", ".osm")):
        config = helsinki_config(data[0], gpkg)
        if network is not None:
            config.network = SourceSpec(network)
        name = data[0].name.split(".")[0]
        return config, name[:1].upper() + name[1:]
    config = BuildConfig(out=gpkg, network=SourceSpec(network) if network else None)
    for path in data:
        lower = path.name.lower()
        if "subdistrict" in lower or "jiedao" in lower or "街道" in path.name:
            config.subdistricts = SourceSpec(path)
        else:
            datum = "GCJ02" if "gcj" in lower else ("BD09" if "bd09" in lower else "WGS84")
            config.pois.append(SourceSpec(path, datum=datum))
    return config, "研究区"


class Steps:
    """Times each step and prints one line per step, so a slow step is easy to spot."""

    def __init__(self, result: DemoResult) -> None:
        self.result = result

    def run(self, name: str, function, *args, **kwargs):
        clock = time.perf_counter()
        value = function(*args, **kwargs)
        seconds = time.perf_counter() - clock
        self.result.timings[name] = seconds
        print(f"  {name:<28} {seconds:6.1f} s", flush=True)
        return value


def run_demo(args: argparse.Namespace) -> DemoResult:
    out = args.out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.staging-", dir=out.parent))
    staging.chmod(0o755)
    try:
        result = _run_into(staging, args)
        _replace_folder(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    result.out = out
    result.paths = {key: out / path.relative_to(staging) for key, path in result.paths.items()}
    return result


def _replace_folder(staging: Path, out: Path) -> None:
    """Swap the finished staging folder in for `out` (two renames; old one removed)."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        out.rename(old)
    staging.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _run_into(folder: Path, args: argparse.Namespace) -> DemoResult:
    from .core.build import build_project
    from .core.evaluate import EvaluationOptions, evaluate_project

    gpkg = folder / "project.gpkg"
    config, district = build_config(args.data, gpkg, args.network)
    steps = Steps(DemoResult(folder, district, False))
    result = steps.result
    build = steps.run("build project", build_project, config)
    network = build.network_edges > 0
    options = EvaluationOptions(use_network=network, service_areas=True,
                                service_area_types=list(SERVICE_AREA_TYPES))
    result.network_mode = options.use_network
    evaluation = steps.run("evaluate (all types)", evaluate_project, gpkg, options)
    result.paths["project"] = gpkg
    steps.run("best new sites", _best_sites, evaluation, gpkg, result)
    from .report.data import load_report_data

    data = steps.run("read results", load_report_data, gpkg)
    result.survey_subdistrict = args.subdistrict or _least_covered(data)
    result.paths["survey_package"] = steps.run(
        "survey package", _survey_package, gpkg, folder / SURVEY_PACKAGE,
        result.survey_subdistrict)
    steps.run("CSV tables", _tables, data, folder, result)
    steps.run("maps, report, QGIS project", _maps_and_report, gpkg, data, folder, result,
              args.dpi, getattr(args, "lang", "zh_CN"))
    result.lines = summary_lines(data, build, result)
    return result


def _best_sites(evaluation, gpkg: Path, result: DemoResult) -> None:
    """Greedy best sites for the three worst-covered basic types; candidates are origins."""
    from .core.siting import SiteScorer, write_site_scores
    from .report.data import load_report_data

    data = load_report_data(gpkg)
    result.worst_types = data.worst_types(WORST_TYPES)
    scorer = SiteScorer(evaluation)
    origins = evaluation.data.origins
    ids = [str(u) for u in origins.attrs["uuid"]]
    for type_id in result.worst_types:
        picks = scorer.best_k(type_id, origins.x, origins.y, SITES_PER_TYPE)
        write_site_scores(gpkg, type_id, picks, ids)


def _least_covered(data) -> str:
    from .report.html import subdistrict_summary

    rows = [s for s in subdistrict_summary(data) if s["mean_share"] is not None]
    if not rows:
        return data.subdistrict_names()[0]
    return min(rows, key=lambda s: s["mean_share"])["name"]


def _survey_package(gpkg: Path, path: Path, subdistrict: str) -> Path:
    from .core.survey.package import make_package

    summary = make_package(gpkg, path, subdistrict=subdistrict, inspector=DEMO_INSPECTOR)
    return Path(summary.path)


def _tables(data, folder: Path, result: DemoResult) -> None:
    from .report.tables import write_tables

    for name, path in write_tables(data, folder / "tables").items():
        result.paths[f"csv:{name}"] = path


def _maps_and_report(gpkg: Path, data, folder: Path, result: DemoResult, dpi: int,
                     lang: str = "zh_CN") -> None:
    from .report.html import write_html
    from .report.official_map import export_official_maps
    from .report.qgis_project import new_project, save_project

    qgz = folder / "lifecircle_demo.qgz"
    project = new_project(qgz, gpkg, data.catalogue, data.scenario,
                          language="zh" if lang.startswith("zh") else "en")
    maps = export_official_maps(gpkg, folder / "official_map.pdf", None, folder / "maps", dpi,
                                project, data, district=True, district_name=result.district,
                                atlas_prefix=result.district)
    relative = {name: path.relative_to(folder).as_posix() for name, path in maps.pngs.items()}
    html = write_html(folder / "report.html", data, maps=relative,
                      district_map=maps.district_png.relative_to(folder).as_posix(),
                      title=f"{result.district} 15分钟社区生活圈评估报告 · "
                            "15-minute life circle evaluation")
    result.paths.update({"report": html, "official_map": maps.pdf,
                         "district_map": maps.district_pdf,
                         "qgis_project": save_project(project, maps.layouts)})
    project.clear()


def pad(text: str, width: int) -> str:
    """Left-align in a terminal, counting a Chinese character as two columns."""
    columns = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, width - columns)


def type_label(data, facility_id: str) -> str:
    """'生鲜超市/社区菜店 fresh_food_store': the name planners read beside the id."""
    facility = data.facility_type(facility_id)
    return f"{facility.name_zh} {facility_id}" if facility else facility_id


def summary_lines(data, build, result: DemoResult) -> List[str]:
    from .report.html import subdistrict_summary

    method = ("network (walking network)" if result.network_mode else
              f"straight-line × detour factor {data.detour_factor:g} (no street network)")
    population = (f"population {build.population:,.0f}" if build.population else
                  f"population unknown ({data.metadata.get('population_source') or 'none'})")
    lines = [f"Life Circle demo: {result.district}; distances: {method}",
             f"facilities {build.facilities}, origins {build.origins} "
             f"({build.origin_method}), {population}",
             f"{pad('sub-district', 14)} {'population':>10} {'basic types met':>16} "
             f"{'mean share':>10} {'no data':>8}"]
    for row in subdistrict_summary(data, district=True):
        share = "—" if row["mean_share"] is None else f"{100 * row['mean_share']:.1f}%"
        met = f"{row['basic_met']} / {row['basic_types']}"
        people = "—" if row["population"] is None else f"{row['population']:,.0f}"
        lines.append(f"{pad(row['name'], 14)} {people:>10} {met:>16} "
                     f"{share:>10} {row['basic_no_data']:>8}")
    shares = data.district_shares()
    worst = ", ".join(f"{type_label(data, fid)} ({100 * shares.get(fid, 0):.0f}%)"
                      for fid in result.worst_types)
    if result.network_mode and data.unsnapped_origins:
        lines.append(f"warning: {data.unsnapped_origins} of {data.origins} origins are too far "
                     "from the network to be routed (see the report's method section)")
    lines.append("basic types met: share within the threshold >= target; mean share over the "
                 "basic types with data; no data: basic types without any facility in the data")
    lines.append(f"best new sites for the worst-covered basic types: {worst}")
    lines.append(f"survey package for {result.survey_subdistrict}")
    return lines


def main(argv: Optional[List[str]] = None) -> int:
    from qgis.core import QgsApplication

    from .core.errors import Cancelled, InputError
    from .i18n import install_translator

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = parse_args(argv)
    application = QgsApplication([], False)
    application.initQgis()
    # the layer tree's group and layer names go through the plugin's tr(); English is the
    # source language, so only Chinese needs the compiled .qm (`make translations`)
    translator = install_translator(args.lang) if args.lang != "en" else None
    if args.lang != "en" and translator is None:
        print(f"warning: no compiled translation for {args.lang} (run `make translations`); "
              "the QGIS project's layer tree is in English", file=sys.stderr)
    clock = time.perf_counter()
    try:
        result = run_demo(args)
    except InputError as exc:
        print(f"error: {exc.describe()}", file=sys.stderr)
        return 2
    except Cancelled:
        print("cancelled; nothing was written", file=sys.stderr)
        return 1
    total = time.perf_counter() - clock
    print()
    print("\n".join(result.lines))
    print(f"written in {total:.1f} s to {result.out}:")
    for key, path in sorted(result.paths.items()):
        print(f"  {key:<28} {path}")
    application.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
