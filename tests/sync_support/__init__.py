"""Reusable helpers for survey sync tests: a small real Changning project and field work.

`build_changning_project` writes a project GeoPackage from the real subdistricts and OSM
POIs (reprojected to EPSG:4549, fields from project_schema). `make_survey_package` and
`FieldWork` write a survey package and an inspector's work into it, following the
package format v1 (survey/schema.py DDL) with plain SQL, independent of the code under
test. The end-to-end tests (GUI-driven survey app) can reuse them.
"""
from .field_work import FieldWork, make_survey_package  # noqa: F401
from .project import JIANGSU_ROAD, build_changning_project, read_table  # noqa: F401
