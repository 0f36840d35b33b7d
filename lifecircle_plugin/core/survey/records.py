"""The plain records SurveyStore hands to the app: no SQL rows escape the store."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Tuple


@dataclass(frozen=True)
class FacilityRow:
    """One line of the facility list / one point on the map.

    audit_status: 'none' (never audited), 'draft' (an audit in progress) or 'complete'.
    """

    uuid: str
    facility_type: str
    task: Optional[int]
    name: Optional[str]
    address: Optional[str]
    status: str
    x: Optional[float]
    y: Optional[float]
    origin: str
    audit_status: str = "none"


@dataclass(frozen=True)
class Facility:
    uuid: str
    facility_type: str
    task: Optional[int]
    name: Optional[str]
    address: Optional[str]
    status: str
    x: Optional[float]
    y: Optional[float]
    origin: str  # 'project' or 'field'
    subdistrict: Optional[str]
    attributes: Dict[str, Any]
    base: Optional[Dict[str, Any]]  # AUDITED_FIELDS when packaged; None if added in the field
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class FacilityType:
    facility_type: str
    task: Optional[int]
    name_zh: str
    name_en: str

    def name(self, language: str = "zh") -> str:
        return self.name_zh if language.startswith("zh") else self.name_en


@dataclass(frozen=True)
class Audit:
    audit_uuid: str
    facility_uuid: str
    inspector: str
    started_at: str
    updated_at: str
    completed_at: Optional[str]
    status: str  # 'draft' or 'complete'


@dataclass(frozen=True)
class Photo:
    """Photo metadata; the bytes come from SurveyStore.photo_data(photo_uuid)."""

    photo_uuid: str
    audit_uuid: Optional[str]
    facility_uuid: str
    question_id: Optional[str]
    sha256: str
    original_name: str
    mime: Optional[str]
    size: int
    added_at: str


@dataclass(frozen=True)
class HistoryEntry:
    """One event of a facility's history.

    kind: 'audit_started', 'audit_completed' (new_value = the audit's answers as a
    dict), 'photo_added' (field = question id,
    new_value = original file name) or 'change' (field = the changed field, 'created'
    or 'audit_status'; old_value / new_value decoded from JSON).
    """

    at: str
    kind: str
    field: Optional[str]
    old_value: Any
    new_value: Any
    inspector: str
    audit_uuid: Optional[str]


@dataclass(frozen=True)
class ContextFeature:
    layer: str
    name: Optional[str]
    wkt: str

    def geometry(self):
        """The shapely geometry (shapely is imported only when the map asks)."""
        from shapely import wkt as shapely_wkt
        return shapely_wkt.loads(self.wkt)

    def bounds(self) -> Tuple[float, float, float, float]:
        return self.geometry().bounds


_KIND_ORDER = {"audit_started": 0, "change": 1, "photo_added": 2, "audit_completed": 3}


def _utc(stamp: str) -> dt.datetime:
    parsed = dt.datetime.fromisoformat(stamp)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.timezone.utc)
    return parsed.astimezone(dt.timezone.utc)


def history_order(entries: List[HistoryEntry]) -> List[HistoryEntry]:
    """Chronological by the instant (offsets may differ between laptops), stable."""
    return sorted(entries, key=lambda e: (_utc(e.at), _KIND_ORDER.get(e.kind, 1)))
