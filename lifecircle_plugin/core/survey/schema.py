"""The survey package format: one SQLite file that goes to a laptop and back.

Written once here; the plugin (make package, import) and the survey app both use it.
Every key is UUID text. Times are ISO 8601 strings with their UTC offset, as the device
recorded them. Coordinates are `x`, `y` in the package CRS (the project CRS, metres),
named in package_info.crs. A reader refuses a file whose schema_version is newer than
SCHEMA_VERSION, and a file without package_info is not a package. Text is stored
NFC-normalised. The file suffix is `.lcsurvey`. `packagefile.inspect_package` checks a
file read-only; `store.SurveyStore` is the only writer in the field (WAL,
synchronous=FULL, one transaction per call).

Version history
- 1 (this): first release. Compared with the first draft: facilities gained
  `subdistrict`; checklists gained `task`, `name_zh`, `name_en` (the app lists types
  without the catalogue); `changes.old_value/new_value` are JSON; CHECK constraints on
  facility status and origin and audit status; indexes for the app's filters.

Tables (version 1)
- package_info(key, value): schema_version, package_uuid, project_id, created_at,
  inspector (asked once, set by the app), area (sub-district name or "all"), task
  (number or ""), crs (e.g. "EPSG:4549"), software_version, facility_count.
- facilities: the facilities to audit and those added in the field (origin='field',
  base NULL). `base` is a JSON object of AUDITED_FIELDS as they were in the project
  when the package was made: the common ancestor for the three-way merge. The live
  columns hold the field's current values; `attributes` is a JSON object of the other
  project fields (source, source_id, capacity, area_m2, project_updated_at, ...);
  a facility added in the field has position_source 'map' (placed by hand, no GPS).
  `status` is one of SURVEY_STATUSES.
- checklists(facility_type, task, name_zh, name_en, questions): every catalogue type,
  not only those packaged, since inspectors may add any type in the field. `questions`
  is the JSON list of question objects described in resources/checklists/README.md.
- audits: one per inspection of a facility; status 'draft' or 'complete'. A complete
  audit can be reopened (a `changes` row with field 'audit_status' records it).
  Completing an audit sets the facility status implied by the answer to the common
  question `present` (open -> existing, closed, moved, not_found) through an ordinary
  `changes` row, so the merge sees one kind of edit only.
- answers(audit_uuid, question_id, value): value is JSON (see checklists.py for the
  value of each question kind); one row per question answered; a cleared answer has
  no row. A photo question's value is the list of its photos' uuids.
- photos: bytes in the package, with SHA-256 of the bytes and the original file name
  (NFC, without directories). The key is a uuid, so equal names never collide.
- changes: every edit of a facility in the field, one row per field, old and new
  values as JSON: fields of AUDITED_FIELDS, 'created' (new facility: new_value is a
  JSON object of its fields) and 'audit_status' (values {audit_uuid, status}). Never
  updated or deleted. A field's first change's old_value equals `base` for project
  facilities; the live column equals the last change's new_value.
- context: offline map context as WKT in the package CRS: layer 'subdistricts' (name =
  sub-district) and 'streets' (name = highway class), simplified.
"""
from __future__ import annotations

SCHEMA_VERSION = 1
FILE_SUFFIX = ".lcsurvey"
AUDITED_FIELDS = ("facility_type", "name", "address", "status", "x", "y")
# FACILITY_STATUSES of the project plus what only the field can observe.
SURVEY_STATUSES = ("existing", "planned", "under_construction", "closed", "moved",
                   "not_found")
AUDIT_STATUSES = ("draft", "complete")
CONTEXT_LAYERS = ("subdistricts", "streets")
TABLES = ("package_info", "facilities", "checklists", "audits", "answers", "photos",
          "changes", "context")

_STATUS_LIST = ", ".join(f"'{status}'" for status in SURVEY_STATUSES)
DDL = f"""
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
    status TEXT NOT NULL DEFAULT 'existing' CHECK (status IN ({_STATUS_LIST})),
    x REAL,
    y REAL,
    subdistrict TEXT,
    attributes TEXT NOT NULL DEFAULT '{{}}',
    base TEXT,
    origin TEXT NOT NULL DEFAULT 'project' CHECK (origin IN ('project', 'field')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS checklists (
    facility_type TEXT PRIMARY KEY,
    task INTEGER,
    name_zh TEXT,
    name_en TEXT,
    questions TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audits (
    audit_uuid TEXT PRIMARY KEY,
    facility_uuid TEXT NOT NULL REFERENCES facilities(uuid),
    inspector TEXT NOT NULL,
    started_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    completed_at TEXT,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'complete'))
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
CREATE INDEX IF NOT EXISTS facilities_type ON facilities(facility_type);
CREATE INDEX IF NOT EXISTS facilities_task ON facilities(task);
"""
