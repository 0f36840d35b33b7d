"""What an evaluation is asked to do: scenario, distance method, targets, outputs."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Optional, Sequence

from ..catalogue import Catalogue

SCENARIO_EXISTING = "existing"
SCENARIO_PLANNED = "planned"
# Facilities that count in each scenario; closed facilities never count.
SCENARIO_STATUSES = {
    SCENARIO_EXISTING: ("existing", "under_construction"),
    SCENARIO_PLANNED: ("existing", "under_construction", "planned"),
}
METHOD_NETWORK = "network"
MINUTE_LEVELS = (5, 10, 15)
# A distance counts as within a threshold up to this much beyond it, so float32 storage
# and summed edge lengths cannot flip a facility that is exactly at the threshold.
COVER_TOLERANCE_M = 1e-3


def straight_line_method(detour: float) -> str:
    return f"straight_line_x{detour:g}"


@dataclass
class EvaluationOptions:
    """Settings of one evaluation run.

    scenario: "existing" (existing + under construction) or "planned" (adds planned).
    use_network: False = straight line x detour_factor even when a network exists.
    detour_factor / max_snap_distance_m: None = the catalogue's values (1.3, 300 m).
    types: facility type ids to evaluate (None = every type with a distance threshold).
    targets: per-type target share overrides (0-1); composite_target likewise.
    service_areas: build service-area polygons; service_area_types limits them.
    service_area_width_m: half-width of the buffer around reached edge pieces.
    gaps: write one gap row per uncovered (origin, type).
    compare_with_existing: for "planned", also evaluate today and report who gains.
    two_step_fca: compute 2SFCA where facilities of a type carry a capacity.
    catalogue: a loaded catalogue (None = shipped one + the project's overrides).
    """

    scenario: str = SCENARIO_EXISTING
    use_network: bool = True
    detour_factor: Optional[float] = None
    max_snap_distance_m: Optional[float] = None
    types: Optional[Sequence[str]] = None
    targets: Dict[str, float] = field(default_factory=dict)
    composite_target: Optional[float] = None
    service_areas: bool = True
    service_area_types: Optional[Sequence[str]] = None
    service_area_width_m: float = 25.0
    gaps: bool = True
    compare_with_existing: bool = True
    two_step_fca: bool = True
    catalogue: Optional[Catalogue] = None
