"""What a build produced, for the CLI printout, the plugin's message bar and the report."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional


@dataclass
class BuildReport:
    out: Path
    crs: str
    per_type: Dict[str, int] = field(default_factory=dict)
    per_task: Dict[int, int] = field(default_factory=dict)
    per_type_inside: Dict[str, int] = field(default_factory=dict)  # inside the sub-districts
    per_task_inside: Dict[int, int] = field(default_factory=dict)
    inside_subdistricts: int = 0
    unclassified: int = 0
    unclassified_by_source: Dict[str, int] = field(default_factory=dict)
    duplicates_merged: int = 0
    origin_method: str = ""
    origins: int = 0
    population: Optional[float] = None
    population_source: str = ""
    subdistricts: int = 0
    study_area: str = ""
    network_nodes: int = 0
    network_edges: int = 0
    network_components: int = 0
    network_length_km: float = 0.0
    network_main_share: float = 0.0  # share of the length in the largest component
    sources: List[dict] = field(default_factory=list)
    warnings: List[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def facilities(self) -> int:
        return sum(self.per_type.values())

    def summary_lines(self, catalogue=None) -> List[str]:
        """Human-readable lines: totals, per task, per type, unclassified, warnings."""
        lines = [f"project: {self.out} ({self.crs}), built in {self.seconds:.1f} s",
                 f"facilities: {self.facilities} ({self.inside_subdistricts} inside the "
                 f"sub-districts), duplicates merged: {self.duplicates_merged}",
                 f"unclassified POIs: {self.unclassified} "
                 + ", ".join(f"{k}: {v}" for k, v in sorted(self.unclassified_by_source.items())),
                 f"sub-districts/study area: {self.subdistricts} ({self.study_area})",
                 f"origins: {self.origins} by {self.origin_method}, population "
                 f"{self.population if self.population is not None else 'unknown'} "
                 f"({self.population_source})"]
        if self.network_edges:
            lines.append(f"walking network: {self.network_edges} edges, {self.network_nodes} "
                         f"nodes, {self.network_components} components, "
                         f"{self.network_length_km:.1f} km, "
                         f"{self.network_main_share:.1%} of it in the main component")
        else:
            lines.append("walking network: none (evaluation will use straight-line "
                         "distances times the detour factor)")
        lines.append("per task (total / inside the sub-districts):")
        for task, count in sorted(self.per_task.items()):
            label = catalogue.tasks[task].name_zh if catalogue else ""
            lines.append(f"  task {task:2d} {label}: {count} / "
                         f"{self.per_task_inside.get(task, 0)}")
        lines.append("per facility type (total / inside the sub-districts):")
        for type_id, count in sorted(self.per_type.items(), key=lambda kv: (-kv[1], kv[0])):
            label = catalogue.types[type_id].name_zh if catalogue else ""
            inside = self.per_type_inside.get(type_id, 0)
            lines.append(f"  {type_id} {label}: {count} / {inside}")
        lines.extend(f"warning: {w}" for w in self.warnings)
        return lines
