"""The conflict review dock on a real import: base, project and field values side by side,
the facility selected on the map, and nothing written until the planner confirms."""
from __future__ import annotations

import pytest
from qgis.core import QgsProject, QgsVectorLayer
from sync_support import query, sha256


@pytest.fixture()
def dock(surveyed, processing_ready, qgis_iface, qtbot):
    import processing

    from lifecircle_plugin.gui.survey.conflict_dock import ConflictDock

    project_gpkg, scenario = surveyed
    processing.run("lifecircle:importsurvey", {"PROJECT": str(project_gpkg),
                                               "PACKAGES": [scenario.package]})
    layer = QgsVectorLayer(f"{project_gpkg}|layername=facilities", "facilities", "ogr")
    QgsProject.instance().addMapLayer(layer)
    widget = ConflictDock(qgis_iface, str(project_gpkg))
    qtbot.addWidget(widget)
    return widget, layer, project_gpkg, scenario


def _row(dock, conflict_uuid):
    tree = dock.tree
    for i in range(tree.topLevelItemCount()):
        parent = tree.topLevelItem(i)
        for j in range(parent.childCount()):
            child = parent.child(j)
            if child.data(0, dock_role()).conflict_uuid == conflict_uuid:
                return parent, child
    raise AssertionError(conflict_uuid)


def dock_role():
    from lifecircle_plugin.gui.survey.conflict_dock import ROLE
    return ROLE


def test_values_side_by_side_and_facility_selected(dock):
    widget, layer, project_gpkg, scenario = dock
    stored = query(project_gpkg, "select conflict_uuid, base_value from conflicts "
                   "where state = 'open'")
    assert [c.conflict_uuid for c in widget.conflicts()] == [stored[0][0]]
    parent, child = _row(widget, stored[0][0])
    cells = [child.text(c) for c in range(5)]
    assert cells[0] == "name"
    assert cells[2] == scenario.project_name and cells[3] == scenario.field_name
    package_name = query(scenario.package, "select json_extract(base, '$.name') from "
                         "facilities where uuid = ?", scenario.renamed_both)[0][0]
    assert cells[1] == (package_name or "—")
    widget.select_conflict(stored[0][0])
    assert [f["uuid"] for f in layer.selectedFeatures()] == [scenario.renamed_both]
    assert widget.highlight is not None


def test_declined_confirmation_writes_nothing(dock):
    widget, layer, project_gpkg, scenario = dock
    widget.select_conflict(widget.conflicts()[0].conflict_uuid)
    asked = []
    widget.confirm = lambda question: asked.append(question) or False
    before = sha256(project_gpkg)
    widget.accept_button.click()
    assert asked and sha256(project_gpkg) == before
    assert len(widget.conflicts()) == 1


def test_accepting_the_field_value_updates_the_facility(dock):
    widget, layer, project_gpkg, scenario = dock
    conflict = widget.conflicts()[0]
    widget.select_conflict(conflict.conflict_uuid)
    widget.confirm = lambda question: True
    widget.accept_button.click()
    name = query(project_gpkg, "select name from facilities where uuid = ?",
                 scenario.renamed_both)[0][0]
    assert name == scenario.field_name
    state = query(project_gpkg, "select state, resolution from conflicts "
                  "where conflict_uuid = ?", conflict.conflict_uuid)
    assert state == [("resolved", "field")]
    assert widget.conflicts() == []
    shown = next(layer.getFeatures(f"\"uuid\" = '{scenario.renamed_both}'"))
    assert shown["name"] == scenario.field_name  # the layer was reloaded


def test_keeping_the_project_value_changes_no_facility(dock):
    widget, layer, project_gpkg, scenario = dock
    conflict = widget.conflicts()[0]
    before = query(project_gpkg, "select * from facilities order by fid")
    widget.select_conflict(conflict.conflict_uuid)
    widget.confirm = lambda question: True
    widget.keep_button.click()
    assert query(project_gpkg, "select * from facilities order by fid") == before
    assert query(project_gpkg, "select resolution from conflicts where conflict_uuid = ?",
                 conflict.conflict_uuid) == [("project",)]
