"""Facility rows as the list and the map show them, and their audit state. Qt-free."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

NOT_AUDITED, DRAFT, COMPLETE, PROBLEM = "not_audited", "draft", "complete", "problem"
AUDIT_STATES = (NOT_AUDITED, DRAFT, COMPLETE, PROBLEM)
PROBLEM_STATUSES = ("closed", "moved", "not_found")


@dataclass
class Facility:
    """One facility of the package, with the state of its latest audit."""

    uuid: str
    facility_type: str
    task: Optional[int]
    name: str
    address: str
    status: str
    x: Optional[float]
    y: Optional[float]
    origin: str = "project"
    audit_status: Optional[str] = None

    @classmethod
    def from_record(cls, record, audit_status: Optional[str] = None) -> Facility:
        """From the store's FacilityRow or Facility; audit_status 'none' means None."""
        if audit_status is None:
            audit_status = getattr(record, "audit_status", None)
        task = record.task
        return cls(uuid=record.uuid, facility_type=record.facility_type or "",
                   task=int(task) if task not in (None, "") else None,
                   name=record.name or "", address=record.address or "",
                   status=record.status or "existing", x=record.x, y=record.y,
                   origin=record.origin or "project",
                   audit_status=None if audit_status == "none" else audit_status)

    @property
    def state(self) -> str:
        """What the map colour and the status filter show."""
        if self.status in PROBLEM_STATUSES or self.audit_status == PROBLEM:
            return PROBLEM
        if self.audit_status == "complete":
            return COMPLETE
        if self.audit_status == "draft":
            return DRAFT
        return NOT_AUDITED

    @property
    def audited(self) -> bool:
        return self.state != NOT_AUDITED
