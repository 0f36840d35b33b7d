"""Build a life-circle project GeoPackage from real data files.

    python -m lifecircle_plugin.core.cli build --subdistricts subdistricts.geojson \
        --pois osm_pois.geojson --pois community_points_gcj02.csv:GCJ02 \
        --residents neighbourhood_committees_gcj02.csv:GCJ02 --network roads.shp \
        --out project.gpkg

A file given as PATH:DATUM says which datum a CSV/XLSX is in (WGS84, GCJ02, BD09);
PATH|layername=NAME picks one layer of a GeoPackage, as in QGIS.
`--changning DIR` uses the standard Changning inputs of the shared data folder.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..coords import DATUMS, normalise_datum
from ..progress import Progress
from .config import BuildConfig, SourceSpec


def _spec(text: str, **extra) -> SourceSpec:
    """PATH, PATH:DATUM (datum of tables) and QGIS-style PATH|layername=NAME."""
    text, _, layer = text.partition("|layername=")
    if layer:
        extra["layer"] = layer
    path, _, suffix = text.rpartition(":")
    if path and suffix:
        try:
            return SourceSpec(Path(path), datum=normalise_datum(suffix), **extra)
        except ValueError:
            pass
    return SourceSpec(Path(text), **extra)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, type=Path, help="project GeoPackage to write")
    parser.add_argument("--changning", type=Path, metavar="DIR",
                        help="use the standard Changning inputs in DIR (shared data folder)")
    parser.add_argument("--subdistricts", help="sub-district polygons (街镇) with population")
    parser.add_argument("--subdistrict-name-field")
    parser.add_argument("--population-field", help="population field of sub-districts")
    parser.add_argument("--osm", action="append", default=[],
                        help="OSM PBF/XML: POIs, and the walking network if --network is absent")
    parser.add_argument("--pois", action="append", default=[],
                        help=f"POI file, PATH[:DATUM] with DATUM one of {DATUMS}; repeatable")
    parser.add_argument("--category-field", help="category field of the POI tables")
    parser.add_argument("--lon-field")
    parser.add_argument("--lat-field")
    parser.add_argument("--name-field")
    parser.add_argument("--encoding", help="text encoding of files that do not say (e.g. GBK)")
    parser.add_argument("--source-crs", help="CRS of layers that have none (e.g. EPSG:4549)")
    parser.add_argument("--residents", help="residential points PATH[:DATUM] (e.g. 居委会)")
    parser.add_argument("--residential-polygons", help="residential polygons (小区)")
    parser.add_argument("--residential-population-field")
    parser.add_argument("--network", help="OSM file or line layer for the walking network")
    parser.add_argument("--no-osm-network", action="store_true",
                        help="do not build a network from the --osm file")
    parser.add_argument("--study-area", help="study-area polygon when there are no sub-districts")
    parser.add_argument("--study-area-population", type=float)
    parser.add_argument("--density", type=float, help="uniform population per km2")
    parser.add_argument("--origin-method", choices=["residential_polygons",
                                                    "residential_points", "grid"])
    parser.add_argument("--grid-size", type=float, default=100.0, help="grid cell size, m")
    parser.add_argument("--crs", help="projected CRS of the project (default: chosen for "
                                      "the area, EPSG:4549 in Shanghai)")
    parser.add_argument("--catalogue-overrides", type=Path)
    parser.add_argument("--quiet", action="store_true", help="no progress lines")


def config_from_args(args) -> BuildConfig:
    common = {k: v for k, v in dict(encoding=args.encoding, crs=args.source_crs).items() if v}
    poi_fields = {k: v for k, v in dict(
        category_field=args.category_field, lon_field=args.lon_field,
        lat_field=args.lat_field, name_field=args.name_field).items() if v}
    options = dict(crs=args.crs, grid_size_m=args.grid_size,
                   origin_method=args.origin_method,
                   study_area_population=args.study_area_population,
                   population_density_per_km2=args.density,
                   catalogue_overrides=args.catalogue_overrides,
                   network_from_pois_osm=not args.no_osm_network)
    if args.changning:
        from .presets import changning_config

        config = changning_config(args.changning, args.out,
                                  network=args.network, **options)
        config.pois += [_spec(p, **common, **poi_fields) for p in args.pois]
        return config
    config = BuildConfig(out=args.out, **options)
    if args.subdistricts:
        config.subdistricts = _spec(args.subdistricts, name_field=args.subdistrict_name_field,
                                    population_field=args.population_field, **common)
    config.pois = [SourceSpec(Path(p), kind="osm") for p in args.osm] + [
        _spec(p, **common, **poi_fields) for p in args.pois]
    if args.residents:
        config.residential_points = _spec(args.residents, **common)
    if args.residential_polygons:
        config.residential_polygons = _spec(
            args.residential_polygons, population_field=args.residential_population_field,
            **common)
    if args.network:
        config.network = _spec(args.network, **common)
    if args.study_area:
        config.study_area = _spec(args.study_area, **common)
    return config


def run(args) -> int:
    from ..catalogue import load_catalogue
    from .project import build_project

    config = config_from_args(args)
    if not config.pois and config.network is None:
        print("error: give at least one --pois/--osm file or --changning DIR", file=sys.stderr)
        return 2

    def report(percent: float, message: str) -> None:
        if not args.quiet:
            print(f"[{percent:5.1f}%] {message}", file=sys.stderr, flush=True)

    result = build_project(config, Progress(report))
    catalogue = load_catalogue(overrides=config.catalogue_overrides)
    print("\n".join(result.summary_lines(catalogue)))
    return 0
