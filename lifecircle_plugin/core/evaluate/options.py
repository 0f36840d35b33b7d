"""What an evaluation is asked to do: scenario, distance method, targets, outputs."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Dict, Optional, Sequence

from ..catalogue import Catalogue
from ..errors import InputError

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


def check_options(options: EvaluationOptions) -> None:
    """Reject numbers a user typed that would silently poison every distance (NaN, inf,
    a detour below 1, a share above 1) before any work starts."""
    _check(options.detour_factor, "detour_factor", low=1.0)
    _check(options.max_snap_distance_m, "max_snap_distance_m", positive=True)
    _check(options.service_area_width_m, "service_area_width_m", positive=True)
    _check(options.composite_target, "composite_target", positive=True, high=1.0)
    for type_id, share in (options.targets or {}).items():
        _check(share, f"targets.{type_id}", positive=True, high=1.0)


def _check(value, name: str, low: Optional[float] = None, high: Optional[float] = None,
           positive: bool = False) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)) \
            or not math.isfinite(value):
        raise InputError(f"'{value}' is not a finite number", field=name)
    if positive and value <= 0:
        raise InputError(f"{value:g} must be positive", field=name)
    if low is not None and value < low:
        raise InputError(f"{value:g} must be at least {low:g}", field=name)
    if high is not None and value > high:
        raise InputError(f"{value:g} must be at most {high:g}", field=name)
