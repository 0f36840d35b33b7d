"""Ready-made configurations for the real data shipped beside the project.

`changning_config` is what the demo and the plugin's "standard Changning inputs" use:
the 10 街镇 with 2010 census population, OSM points and areas, the district dashboard's
community points (GCJ-02) and the 居委会 as residential points. Changning has no street
network in the shared data; give one (an OSM extract or a road layer) as `network`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from .config import BuildConfig, SourceSpec

PathLike = Union[str, Path]


def changning_config(data_dir: PathLike, out: PathLike,
                     network: Optional[PathLike] = None, **options) -> BuildConfig:
    """`data_dir` is the shared data folder or its `changning/` sub-folder."""
    folder = Path(data_dir)
    if (folder / "changning").is_dir():
        folder = folder / "changning"
    return BuildConfig(
        out=Path(out),
        subdistricts=SourceSpec(folder / "subdistricts.geojson",
                                population_field="pop_census2010"),
        pois=[
            SourceSpec(folder / "osm_pois.geojson", name="osm_pois"),
            SourceSpec(folder / "osm_poi_polygons.geojson", name="osm_poi_polygons"),
            SourceSpec(folder / "community_points_gcj02.csv", datum="GCJ02",
                       name="community_points", category_field="type"),
        ],
        residential_points=SourceSpec(folder / "neighbourhood_committees_gcj02.csv",
                                      datum="GCJ02", name="neighbourhood_committees",
                                      name_field="juweihui_name", id_field="juweihui_code"),
        network=SourceSpec(Path(network)) if network else None,
        **options,
    )


def helsinki_config(pbf: PathLike, out: PathLike, **options) -> BuildConfig:
    """Helsinki's OSM extract: POIs and the walking network, one study area, a grid."""
    return BuildConfig(out=Path(out), pois=[SourceSpec(Path(pbf), name="helsinki_osm")],
                       **options)
