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


def test_moved_on_both_sides_and_deleted_in_project(project_gpkg, tmp_path, processing_ready,
                                                     qgis_iface, clean_qgis_project, qtbot):
    """Positions side by side as coordinates; taking the field's position moves the
    facility; a facility deleted in the project is listed by its name from the package."""
    import processing
    from field_work import edit_in_qgis, make_package
    from shapely import wkb

    from lifecircle_plugin.core.survey.store import SurveyStore
    from lifecircle_plugin.gui.survey.conflict_dock import ConflictDock

    package = make_package(project_gpkg, tmp_path / "moves.lcsurvey")
    with SurveyStore(package) as store:
        moved, deleted = store.facilities()[0], store.facilities()[1]
        store.move_facility(moved.uuid, moved.x + 30.0, moved.y + 20.0, "王")
        store.update_facility(deleted.uuid, "王", name="现场名称")
    edit_in_qgis(project_gpkg, moved.uuid, xy=(moved.x - 50.0, moved.y))
    edit_in_qgis(project_gpkg, deleted.uuid, delete=True)
    processing.run("lifecircle:importsurvey", {"PROJECT": str(project_gpkg),
                                               "PACKAGES": [str(package)]})
    dock = ConflictDock(qgis_iface, str(project_gpkg))
    qtbot.addWidget(dock)
    titles = [dock.tree.topLevelItem(i).text(0) for i in range(dock.tree.topLevelItemCount())]
    assert any("现场名称" in title for title in titles)
    position = next(c for c in dock.conflicts() if c.facility_uuid == moved.uuid)
    parent, child = _row(dock, position.conflict_uuid)
    assert child.text(2) == f"{moved.x - 50.0:.2f}, {moved.y:.2f}"
    assert child.text(3) == f"{moved.x + 30.0:.2f}, {moved.y + 20.0:.2f}"
    dock.select_conflict(position.conflict_uuid)
    dock.confirm = lambda question: True
    assert dock.resolve_selected("field") == 1
    blob = query(project_gpkg, "select geom from facilities where uuid = ?", moved.uuid)[0][0]
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(blob[3] >> 1) & 7]
    point = wkb.loads(bytes(blob[8 + envelope:]))
    assert (point.x, point.y) == pytest.approx((moved.x + 30.0, moved.y + 20.0), abs=1e-6)
