"""Survey packages straight from the real shared data, for the benchmark's 10,000 facilities.

Facilities are the OSM points inside an area, typed with the catalogue's own OSM rules;
the map context is the real sub-district boundaries and the OSM cycleways. The file is
written with survey_core's `write_package`, the format's own writer. (The tests use a
package made by make_package from a project built by core.build, see conftest.py.)
"""
from __future__ import annotations

import json
import uuid
from pathlib import Path

from pyproj import Transformer
from shapely.geometry import shape
from shapely.ops import transform

from lifecircle_plugin.core.catalogue import load_catalogue
from lifecircle_plugin.core.gpkg import read_layer
from lifecircle_plugin.core.osm_rules import best_match
from lifecircle_plugin.core.survey.checklists import checklist_rows, default_checklists
from lifecircle_plugin.core.survey.packagefile import write_package

CRS = "EPSG:4549"
SUBDISTRICT = "天山路街道"


def _project():
    to_metres = Transformer.from_crs("EPSG:4326", CRS, always_xy=True).transform
    return lambda geometry: transform(to_metres, geometry)


def subdistricts(changning_dir: Path) -> dict:
    data = json.loads((changning_dir / "subdistricts.geojson").read_text(encoding="utf-8"))
    return {f["properties"]["name_zh"]: shape(f["geometry"]) for f in data["features"]}


def classified_pois(changning_dir: Path, area) -> list:
    """(facility type, OSM feature) of the OSM points inside `area` that the catalogue types."""
    catalogue = load_catalogue()
    rules = [(t.id, alt) for t in catalogue.types.values() for alt in t.osm_rules]
    data = json.loads((changning_dir / "osm_pois.geojson").read_text(encoding="utf-8"))
    found = []
    for feature in data["features"]:
        point = shape(feature["geometry"])
        if not area.contains(point):
            continue
        match = best_match(rules, json.loads(feature["properties"]["tags"] or "{}"))
        if match is not None:
            found.append((match[0], feature))
    return found


def _streets(changning_dir: Path, area, project) -> list:
    near = area.buffer(0.003)
    lines = read_layer(changning_dir / "cycleways.osm.pbf", "lines", columns=["highway"])
    return [{"layer": "streets", "name": f.attributes["highway"], "wkt": project(f.geometry).wkt}
            for f in lines.features if f.geometry is not None and f.geometry.intersects(near)]


def facility_rows(found: list, project, area_name: str) -> list:
    checklists = default_checklists()
    rows = []
    for facility_type, feature in found:
        props = feature["properties"]
        point = project(shape(feature["geometry"]))
        name = props.get("name") or ""
        fields = {"facility_type": facility_type, "name": name, "address": "",
                  "status": "existing", "x": point.x, "y": point.y}
        rows.append(dict(fields, uuid=str(uuid.uuid5(uuid.NAMESPACE_URL,
                                                     f"osm/{props['osm_type']}/{props['osm_id']}")),
                         task=checklists.for_type(facility_type).task, subdistrict=area_name,
                         attributes={"source": "osm", "source_id": props["osm_id"]},
                         base=dict(fields)))
    return rows


def build_changning_package(changning_dir: Path, out: Path, inspector: str = "王芳",
                            area_name: str = SUBDISTRICT) -> Path:
    project = _project()
    areas = subdistricts(changning_dir)
    area = areas[area_name]
    context = [{"layer": "subdistricts", "name": name, "wkt": project(geometry).wkt}
               for name, geometry in areas.items()]
    context += _streets(changning_dir, area, project)
    rows = facility_rows(classified_pois(changning_dir, area), project, area_name)
    info = {"project_id": "changning-test", "crs": CRS, "area": area_name, "task": "",
            "inspector": inspector, "facility_count": len(rows)}
    return write_package(out, info, rows, checklist_rows(default_checklists()), context)
