"""Export audited facilities, audits and results for official maps.

    python -m lifecircle_plugin.core.cli export project.gpkg out/ --format shp --crs EPSG:4490
"""
from __future__ import annotations

import argparse
import logging

log = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from .export import DEFAULT_LAYERS, EXPORT_CRS, FORMATS

    parser.add_argument("project", help="the project GeoPackage")
    parser.add_argument("out_dir", help="folder for the exported files")
    parser.add_argument("--format", default="gpkg", choices=sorted(FORMATS))
    parser.add_argument("--crs", default="EPSG:4490",
                        help="; ".join(f"{code} {name}" for code, name in EXPORT_CRS.items()))
    parser.add_argument("--layers", default=",".join(DEFAULT_LAYERS),
                        help="comma-separated layer names")


def run(args: argparse.Namespace) -> int:
    from .export import export_project

    layers = [name.strip() for name in args.layers.split(",") if name.strip()]
    report = export_project(args.project, args.out_dir, fmt=args.format, crs=args.crs,
                            layers=layers)
    for layer in report.layers:
        print(f"{layer.layer}: {layer.features} features -> {layer.path}")
        if layer.mapping_csv:
            print(f"  field names: {layer.mapping_csv}")
    for name in report.skipped:
        print(f"{name}: not in the project, skipped")
    for warning in report.warnings:
        print(f"warning: {warning}")
    return 0
