"""Make a survey package (.lcsurvey) of a project's facilities for one inspector.

    python -m lifecircle_plugin.core.cli survey-package project.gpkg \\
        --subdistrict 江苏路街道 --inspector 王芳 --out jiangsu.lcsurvey
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import InputError
from ..progress import Progress
from .package import make_package
from .schema import FILE_SUFFIX


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("project", type=Path, help="the project GeoPackage")
    parser.add_argument("--out", type=Path, required=True, help=f"package file ({FILE_SUFFIX})")
    parser.add_argument("--subdistrict", help="sub-district (街镇) name, English name or code")
    parser.add_argument("--task", type=int, help="only facilities of this task (1-12)")
    parser.add_argument("--facility", action="append", dest="facilities", metavar="UUID",
                        help="only this facility (repeat for several)")
    parser.add_argument("--inspector", default="", help="inspector's name (asked later if empty)")


def run(args: argparse.Namespace) -> int:
    if args.out.is_dir():
        raise InputError("the output is a folder; give a file name such as "
                         f"{args.out / ('area' + FILE_SUFFIX)}", file=args.out)
    out = args.out if args.out.suffix else args.out.with_suffix(FILE_SUFFIX)

    def report(percent: float, message: str) -> None:
        print(f"{percent:5.1f}% {message}", file=sys.stderr)

    summary = make_package(args.project, out, subdistrict=args.subdistrict, task=args.task,
                           facility_uuids=args.facilities, inspector=args.inspector,
                           progress=Progress(report))
    print(f"{summary.path}: {summary.facilities} facilities of {summary.area}, "
          f"{summary.checklists} checklists, context {summary.context_features}, "
          f"{summary.size_bytes / 1024:.0f} KiB, package {summary.package_uuid}")
    if summary.facilities == 0:
        print("warning: no facility matched; inspectors can still add the ones they find",
              file=sys.stderr)
    return 0
