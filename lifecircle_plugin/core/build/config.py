"""What a build is made of: the planner's files and choices, as plain dataclasses.

The CLI, the plugin dialog and the demo all fill a `BuildConfig`; `build_project` needs
nothing else. Sources are listed in the planner's order of trust: when two sources hold
the same facility, the earlier one's name and position are kept.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

DEFAULT_GRID_M = 100.0


@dataclass
class SourceSpec:
    path: Path
    kind: Optional[str] = None  # osm | overpass | table | vector (guessed from the file)
    datum: str = "WGS84"  # tables and WGS84-labelled layers: WGS84, GCJ02 or BD09
    name: Optional[str] = None  # label in the project (default: file stem)
    layer: Optional[str] = None
    crs: Optional[str] = None  # for layers without a CRS: what the user states
    encoding: Optional[str] = None  # e.g. GBK for shapefiles without .cpg
    lon_field: Optional[str] = None
    lat_field: Optional[str] = None
    name_field: Optional[str] = None
    category_field: Optional[str] = None
    id_field: Optional[str] = None
    address_field: Optional[str] = None
    population_field: Optional[str] = None  # residential polygons / study areas
    sheet: Optional[str] = None
    category_map: Optional[Dict[str, str]] = None  # source category -> facility type id

    def __post_init__(self) -> None:
        self.path = Path(self.path)

    @property
    def label(self) -> str:
        if self.name:
            return self.name
        name = self.path.name
        for suffix in (".osm.pbf", ".osm.xml"):
            if name.endswith(suffix):
                return name[: -len(suffix)]
        return self.path.stem

    def reader_options(self) -> dict:
        """Keyword arguments for `sources.read_pois` of this kind of file."""
        from ..sources import guess_kind

        kind = self.kind or guess_kind(self.path)
        if kind == "table":
            return {k: v for k, v in dict(
                datum=self.datum, lon_field=self.lon_field, lat_field=self.lat_field,
                name_field=self.name_field, category_field=self.category_field,
                id_field=self.id_field, address_field=self.address_field,
                encoding=self.encoding, sheet=self.sheet).items() if v is not None}
        if kind == "vector":
            return {k: v for k, v in dict(
                datum=self.datum, layer=self.layer, crs=self.crs, encoding=self.encoding,
                name_field=self.name_field, category_field=self.category_field,
                id_field=self.id_field, address_field=self.address_field).items()
                if v is not None}
        return {}


@dataclass
class BuildConfig:
    out: Path
    pois: List[SourceSpec] = field(default_factory=list)
    subdistricts: Optional[SourceSpec] = None
    residential_polygons: Optional[SourceSpec] = None
    residential_points: Optional[SourceSpec] = None
    network: Optional[SourceSpec] = None  # OSM file or any line layer
    network_from_pois_osm: bool = True  # no network given: use the OSM POI file's ways
    crs: Optional[str] = None  # None: chosen for the area (EPSG:4549 for Shanghai)
    grid_size_m: float = DEFAULT_GRID_M
    origin_method: Optional[str] = None  # force residential_points / grid / ...
    study_area: Optional[SourceSpec] = None  # polygon(s) when there are no sub-districts
    study_area_population: Optional[float] = None
    population_density_per_km2: Optional[float] = None
    catalogue_dir: Optional[Path] = None
    catalogue_overrides: Optional[Path] = None
    duplicate_distance_m: float = 50.0

    def __post_init__(self) -> None:
        self.out = Path(self.out)
