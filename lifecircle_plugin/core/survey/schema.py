"""The survey package format, version 1: one SQLite file that goes to a laptop and back.

Written once here; the plugin (make package, import) and the survey app both use it.
Every key is UUID text. Times are ISO 8601 strings with their UTC offset, as the device
recorded them. Coordinates are `x`, `y` in the package CRS (the project CRS, metres),
named in package_info.crs. A reader refuses a file whose schema_version is newer than
SCHEMA_VERSION, and a file without package_info is not a package.

Tables
- package_info(key, value): schema_version, package_uuid, project_id, created_at,
  inspector, area, task, crs, software_version.
- facilities: the facilities to audit and those added in the field (origin='field').
  `base` is a JSON object of the audited fields (name, address, status, facility_type,
  x, y) as they were in the project when the package was made: the common ancestor for
  the three-way merge. The live columns hold the field's current values.
- checklists(facility_type, questions): the questions of each type, JSON list.
- audits: one per inspection of a facility; status 'draft' or 'complete'.
- answers(audit_uuid, question_id, value): value is JSON; one row per question answered.
- photos: bytes in the package, with SHA-256 and the original file name.
- changes: every edit of a facility's fields in the field (old and new value), for the
  history view and the merge.
- context: offline map context (sub-district boundaries, streets) as WKT.
"""
from __future__ import annotations

SCHEMA_VERSION = 1
FILE_SUFFIX = ".lcsurvey"
AUDITED_FIELDS = ("facility_type", "name", "address", "status", "x", "y")

DDL = """
CREATE TABLE IF NOT EXISTS package_info (
    key TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE IF NOT EXISTS facilities (
    uuid TEXT PRIMARY KEY,
    facility_type TEXT NOT NULL,
    task INTEGER,
    name TEXT,
    address TEXT,
    status TEXT NOT NULL DEFAULT 'existing',
    x REAL,
    y REAL,
    attributes TEXT NOT NULL DEFAULT '{}',
    base TEXT,
    origin TEXT NOT NULL DEFAULT 'project',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS checklists (
    facility_type TEXT PRIMARY KEY,
    questions TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audits (
    audit_uuid TEXT PRIMARY KEY,
    facility_uuid TEXT NOT NULL REFERENCES facilities(uuid),
    inspector TEXT NOT NULL,
    started_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    completed_at TEXT,
    status TEXT NOT NULL DEFAULT 'draft'
);
CREATE TABLE IF NOT EXISTS answers (
    audit_uuid TEXT NOT NULL REFERENCES audits(audit_uuid),
    question_id TEXT NOT NULL,
    value TEXT,
    answered_at TEXT NOT NULL,
    PRIMARY KEY (audit_uuid, question_id)
);
CREATE TABLE IF NOT EXISTS photos (
    photo_uuid TEXT PRIMARY KEY,
    audit_uuid TEXT REFERENCES audits(audit_uuid),
    facility_uuid TEXT NOT NULL REFERENCES facilities(uuid),
    question_id TEXT,
    sha256 TEXT NOT NULL,
    original_name TEXT NOT NULL,
    mime TEXT,
    data BLOB NOT NULL,
    added_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS changes (
    change_uuid TEXT PRIMARY KEY,
    facility_uuid TEXT NOT NULL REFERENCES facilities(uuid),
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    changed_at TEXT NOT NULL,
    inspector TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS context (
    id INTEGER PRIMARY KEY,
    layer TEXT NOT NULL,
    name TEXT,
    wkt TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS answers_audit ON answers(audit_uuid);
CREATE INDEX IF NOT EXISTS audits_facility ON audits(facility_uuid);
CREATE INDEX IF NOT EXISTS photos_facility ON photos(facility_uuid);
CREATE INDEX IF NOT EXISTS changes_facility ON changes(facility_uuid);
"""
