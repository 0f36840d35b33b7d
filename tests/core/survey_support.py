"""Helpers for the survey tests: small packages written straight through the file format."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Dict, List, Optional

from lifecircle_plugin.core.survey.checklists import checklist_rows, default_checklists
from lifecircle_plugin.core.survey.packagefile import write_package

TYPES = ("elderly_meal_point", "kindergarten", "parcel_locker", "pocket_green_space", "aed")


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def facility_rows(count: int, names: Optional[List[str]] = None) -> List[Dict]:
    checklists = default_checklists()
    rows = []
    for index in range(count):
        facility_type = TYPES[index % len(TYPES)]
        name = names[index] if names else f"设施{index:05d}"
        x, y = 500000.0 + index * 3.0, 3450000.0 + (index % 100) * 7.0
        rows.append({
            "uuid": f"00000000-0000-4000-8000-{index:012d}", "facility_type": facility_type,
            "task": checklists.for_type(facility_type).task, "name": name,
            "address": f"长宁路{index}号", "status": "existing", "x": x, "y": y,
            "subdistrict": "江苏路街道", "attributes": {"source": "test"},
            "base": {"facility_type": facility_type, "name": name,
                     "address": f"长宁路{index}号", "status": "existing", "x": x, "y": y},
        })
    return rows


def make_package(path: Path, count: int = 10, names: Optional[List[str]] = None,
                 info: Optional[Dict] = None) -> Path:
    info = dict({"project_id": "test-project", "crs": "EPSG:4549", "area": "江苏路街道",
                 "task": "", "inspector": ""}, **(info or {}))
    context = [{"layer": "subdistricts", "name": "江苏路街道",
                "wkt": "POLYGON((499000 3449000,540000 3449000,540000 3451000,"
                       "499000 3451000,499000 3449000))"}]
    return write_package(path, info, facility_rows(count, names),
                         checklist_rows(default_checklists()), context)
