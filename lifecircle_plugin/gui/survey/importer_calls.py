"""The import guard and the core calls, shared by the import dialog and the algorithm.

Before anything is written: refuse if a layer the import writes to is being edited in
QGIS (its edit buffer would be saved over the import, or SQLite would report "database is
locked" half-way). The core itself refuses packages of another project or a newer schema.
"""
from __future__ import annotations

import logging
from typing import Optional, Sequence

from ...core import project_schema as ps
from ...core.errors import InputError
from ...i18n import tr
from .project_layers import layers_with_unsaved_edits

log = logging.getLogger(__name__)

TARGET_LAYERS = (ps.FACILITIES, ps.AUDITS, ps.AUDIT_PHOTOS, ps.CONFLICTS, ps.IMPORT_LOG,
                 ps.SYNC_STATE)


def check_no_unsaved_edits(project_gpkg: str) -> None:
    """Raise InputError naming the layers of the project that are being edited."""
    busy = layers_with_unsaved_edits(project_gpkg, TARGET_LAYERS)
    if busy:
        names = ", ".join(sorted({layer.name() for layer in busy}))
        raise InputError(tr("Save or discard the edits of these layers first, then import "
                            "again: {0}").format(names), file=project_gpkg)


def plan(project_gpkg: str, packages: Sequence[str], progress=None):
    from ...core.survey.importer import plan_import

    kwargs = {"progress": progress} if progress is not None else {}
    return plan_import(project_gpkg, list(packages), **kwargs)


def apply(project_gpkg: str, packages: Sequence[str], attachments_dir: Optional[str] = None,
          progress=None):
    from ...core.survey.importer import apply_import

    kwargs = {"progress": progress} if progress is not None else {}
    if attachments_dir:
        kwargs["attachments_dir"] = attachments_dir
    return apply_import(project_gpkg, list(packages), **kwargs)


def plan_then_apply(project_gpkg: str, packages: Sequence[str],
                    attachments_dir: Optional[str] = None, progress=None):
    """Import, after a fresh dry run: the dry run only reads, so a package of another
    project or of a newer schema is refused before the import touches the project."""
    from ...core.progress import NO_PROGRESS

    progress = progress or NO_PROGRESS
    plan(project_gpkg, packages, progress.sub(0, 30))
    return apply(project_gpkg, packages, attachments_dir, progress.sub(30, 100))

