"""Evaluate walking access of a project: distances, coverage, gaps, service areas.

`python -m lifecircle_plugin.core.cli evaluate project.gpkg [--scenario planned]
[--no-network] [--detour 1.3]` writes the result layers of the scenario into the project
and prints the district-wide coverage per facility type.
"""
from __future__ import annotations

import logging
import sys

from ..progress import Progress
from .engine import evaluate_project
from .options import SCENARIO_EXISTING, SCENARIO_STATUSES, EvaluationOptions

log = logging.getLogger(__name__)


def add_arguments(parser) -> None:
    parser.add_argument("project", help="project GeoPackage (project.gpkg)")
    parser.add_argument("--scenario", choices=sorted(SCENARIO_STATUSES),
                        default=SCENARIO_EXISTING,
                        help="existing (today) or planned (adds planned facilities)")
    parser.add_argument("--no-network", action="store_true",
                        help="straight-line distance x detour factor instead of the network")
    parser.add_argument("--detour", type=float, default=None,
                        help="detour factor for straight-line mode (default: catalogue, 1.3)")
    parser.add_argument("--max-snap", type=float, default=None,
                        help="farthest snapping distance in metres (default: catalogue)")
    parser.add_argument("--types", default=None,
                        help="comma-separated facility type ids (default: all)")
    parser.add_argument("--no-service-areas", action="store_true")
    parser.add_argument("--no-gaps", action="store_true")


def run(args) -> int:
    if args.detour is not None and args.detour < 1.0:
        print("error: --detour must be at least 1.0", file=sys.stderr)
        return 2
    options = EvaluationOptions(
        scenario=args.scenario, use_network=not args.no_network,
        detour_factor=args.detour, max_snap_distance_m=args.max_snap,
        types=args.types.split(",") if args.types else None,
        service_areas=not args.no_service_areas, gaps=not args.no_gaps)

    def report(percent: float, message: str) -> None:
        log.debug("%3.0f%% %s", percent, message)

    evaluation = evaluate_project(args.project, options, Progress(report))
    district = [r for r in evaluation.subdistrict_rows if r["subdistrict"] == "全区"
                and r["facility_type"] in evaluation.type_ids]
    print(f"scenario {evaluation.scenario}, method {evaluation.method}, "
          f"{len(evaluation.distances)} origins, {len(evaluation.type_ids)} types")
    for row in district:
        share = "no data" if row["no_data"] else (
            "-" if row["share"] is None else f"{100 * row['share']:.1f}%")
        print(f"  {row['facility_type']:<34} {share:>8}  facilities {row['facilities']}")
    timings = ", ".join(f"{k} {v:.2f}s" for k, v in evaluation.timings.items())
    print(f"timings: {timings}")
    return 0
