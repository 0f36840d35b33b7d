"""The shipped catalogue is valid, and bad catalogue or override files are named precisely."""
from __future__ import annotations

import csv
import json
import shutil

import pytest

from lifecircle_plugin.core.catalogue import load_catalogue
from lifecircle_plugin.core.errors import InputError
from lifecircle_plugin.core.paths import resource

SHARED_STANDARDS = "standards/facility_standards.csv"


@pytest.fixture()
def catalogue_copy(tmp_path):
    target = tmp_path / "catalogue"
    shutil.copytree(resource("catalogue"), target)
    return target


def _rewrite(path, change):
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_shipped_catalogue_matches_the_standards_table(data_dir):
    catalogue = load_catalogue()
    standards = list(csv.DictReader(
        (data_dir.parent / SHARED_STANDARDS).open(encoding="utf-8")))
    assert set(catalogue.types) == {r["facility_id"] for r in standards}
    for row in standards:
        ftype = catalogue.types[row["facility_id"]]
        assert ftype.task == int(row["task_no"])
        expected = float(row["threshold_m"]) if row["threshold_m"].strip() else None
        assert ftype.threshold_m == expected, row["facility_id"]
        assert ftype.verif_threshold == (row["verif_threshold"].strip() or "n/a")
    assert sorted({t.task for t in catalogue.types.values()}) == list(range(1, 13))


def test_unverified_thresholds_are_listed():
    catalogue = load_catalogue()
    unverified = {t.id for t in catalogue.unverified_thresholds()}
    assert "convenience_store" not in unverified  # V in the standards table
    assert "wet_market" in unverified  # M
    assert all(t.threshold_m for t in catalogue.unverified_thresholds())


def test_duplicate_id_names_row_and_field(catalogue_copy):
    path = catalogue_copy / "facility_types.csv"
    _rewrite(path, lambda rows: rows[5].update(facility_id=rows[2]["facility_id"]))
    with pytest.raises(InputError) as err:
        load_catalogue(catalogue_copy)
    assert err.value.row == 7 and err.value.field == "facility_id"
    assert "facility_types.csv" in str(err.value)


def test_non_numeric_threshold(catalogue_copy):
    path = catalogue_copy / "facility_types.csv"
    _rewrite(path, lambda rows: rows[0].update(threshold_m="一千"))
    with pytest.raises(InputError) as err:
        load_catalogue(catalogue_copy)
    assert (err.value.row, err.value.field) == (2, "threshold_m")


def test_bad_osm_rule_and_empty_task(catalogue_copy):
    path = catalogue_copy / "facility_types.csv"
    _rewrite(path, lambda rows: rows[3].update(osm_rules="amenity=="))
    with pytest.raises(InputError) as err:
        load_catalogue(catalogue_copy)
    assert err.value.field == "osm_rules" and err.value.row == 5

    shutil.copy(resource("catalogue", "facility_types.csv"), path)
    _rewrite(path, lambda rows: [r.update(task="1") for r in rows if r["task"] == "12"])
    with pytest.raises(InputError, match=r"tasks \[12\] have no facility type"):
        load_catalogue(catalogue_copy)


def test_wrong_encoding_is_named(catalogue_copy):
    path = catalogue_copy / "facility_types.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    with pytest.raises(InputError, match="not UTF-8") as err:
        load_catalogue(catalogue_copy)
    assert err.value.file.endswith("facility_types.csv")


def test_overrides_change_a_project_not_the_shipped_file(tmp_path):
    shipped = resource("catalogue", "facility_types.csv").read_bytes()
    override = tmp_path / "overrides.json"
    override.write_text(json.dumps({"thresholds": {"wet_market": 800},
                                    "targets": {"wet_market": 0.9}}), encoding="utf-8")
    catalogue = load_catalogue(overrides=override)
    assert catalogue.types["wet_market"].threshold_m == 800
    assert catalogue.types["wet_market"].verif_threshold == "P"
    assert catalogue.types["wet_market"].target_share == 0.9
    assert load_catalogue().types["wet_market"].threshold_m == 500
    assert resource("catalogue", "facility_types.csv").read_bytes() == shipped


@pytest.mark.parametrize("content, field", [
    ({"thresholds": {"no_such_type": 300}}, "thresholds.no_such_type"),
    ({"thresholds": {"wet_market": "far"}}, "thresholds.wet_market"),
    ({"targets": {"wet_market": 85}}, "targets.wet_market"),
    ({"speed": 60}, "speed"),
])
def test_bad_override_names_the_entry(tmp_path, content, field):
    override = tmp_path / "overrides.json"
    override.write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_catalogue(overrides=override)
    assert err.value.field == field and err.value.file == str(override)
