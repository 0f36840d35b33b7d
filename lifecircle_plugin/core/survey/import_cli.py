"""Import returned survey packages into a project (dry run first with --dry-run).

    python -m lifecircle_plugin.core.cli import-survey project.gpkg a.lcsurvey b.lcsurvey
    python -m lifecircle_plugin.core.cli import-survey project.gpkg --dry-run a.lcsurvey
    python -m lifecircle_plugin.core.cli import-survey project.gpkg --resolve UUID --take field
"""
from __future__ import annotations

import argparse
import logging

from ..errors import InputError

log = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("project", help="the project GeoPackage")
    parser.add_argument("packages", nargs="*", help="returned survey packages (.lcsurvey)")
    parser.add_argument("--dry-run", action="store_true",
                        help="count what would be added, updated, held; write nothing")
    parser.add_argument("--attachments", help="photo folder (default <project>_attachments)")
    parser.add_argument("--receipts", help="folder for receipts (default beside packages)")
    parser.add_argument("--resolve", metavar="CONFLICT_UUID", help="resolve one conflict")
    parser.add_argument("--take", choices=("project", "field"),
                        help="with --resolve: keep the project's value or take the field's")


def run(args: argparse.Namespace) -> int:
    from .importer import apply_import, plan_import
    from .resolve import resolve_conflict

    if args.resolve:
        if not args.take:
            raise InputError("--resolve needs --take project|field")
        result = resolve_conflict(args.project, args.resolve, args.take)
        print(f"conflict {result.conflict_uuid} ({result.field}) resolved: {result.choice}")
        return 0
    if not args.packages:
        raise InputError("give at least one survey package")
    if args.dry_run:
        result = plan_import(args.project, args.packages)
    else:
        result = apply_import(args.project, args.packages, attachments_dir=args.attachments,
                              receipts_dir=args.receipts)
    print(("dry run, nothing written" if args.dry_run else "imported") + f": {args.project}")
    for line in result.summary_lines():
        print("  " + line)
    for conflict in result.conflicts:
        print(f"  conflict {conflict.conflict_uuid}: facility {conflict.facility_uuid}"
              f" {conflict.field} ({conflict.kind})")
    for package in result.packages:
        if package.receipt:
            print(f"  receipt: {package.receipt}")
    return 1 if result.errors else 0
