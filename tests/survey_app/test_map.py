"""The offline map: select by click, move by drag only after confirmation, add, zoom."""
from __future__ import annotations

import json

import pytest
from conftest import facility_of_type, on_modal, query, type_text
from PyQt5.QtCore import QEvent, QPoint, QPointF, Qt
from PyQt5.QtGui import QMouseEvent, QWheelEvent
from PyQt5.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from survey_app.mapview import STATE_COLOURS


def marker_point(qtbot, window, uuid: str) -> QPoint:
    """Zoom in on a facility so no other marker overlaps it; its position on screen."""
    view = window.map_view
    view.resetTransform()
    view.scale(2.0, 2.0)  # 0.5 m per pixel
    position = view.marker_position(uuid)
    view.centerOn(position)
    QApplication.processEvents()
    point = view.mapFromScene(position)
    assert view.facility_at(point) == uuid
    return point


def position(package, uuid: str) -> tuple:
    return query(package, "SELECT x, y FROM facilities WHERE uuid = ?", (uuid,))[0]


def drag(qtbot, viewport, start: QPoint, end: QPoint) -> None:
    """Press, move with the button held (QTest's mouseMove cannot hold a button), release."""
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        point = QPointF(start + (end - start) * step / 5)
        QApplication.sendEvent(viewport, QMouseEvent(
            QEvent.Type.MouseMove, point, Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)


def test_clicking_a_marker_selects_the_facility_in_the_list(qtbot, window, package):
    uuid = facility_of_type(package, "kindergarten")
    point = marker_point(qtbot, window, uuid)
    qtbot.mouseClick(window.map_view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.current == uuid
    assert window.list_panel.current_uuid() == uuid
    drawn = window.map_view.marker_position(uuid)
    assert position(package, uuid) == (drawn.x(), -drawn.y())
    assert window.map_view.marker.isVisible() and window.map_view.marker.pos() == drawn


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.Yes,
                                    QMessageBox.StandardButton.No])
def test_dragging_moves_only_after_confirmation_and_undo_restores(qtbot, window, package,
                                                                  answer):
    uuid = facility_of_type(package, "supermarket")
    original = position(package, uuid)
    view = window.map_view
    start = marker_point(qtbot, window, uuid)
    end = start + QPoint(60, -40)
    expected = view.mapToScene(end)
    asked = []
    on_modal(lambda box: (asked.append(box.text()), box.button(answer).click()))
    drag(qtbot, view.viewport(), start, end)
    name = query(package, "SELECT name FROM facilities WHERE uuid = ?", (uuid,))[0][0]
    assert len(asked) == 1 and name in asked[0] and " 36 m" in asked[0]
    changes = query(package, "SELECT field, old_value, new_value FROM changes "
                             "WHERE facility_uuid = ? ORDER BY rowid", (uuid,))
    if answer == QMessageBox.StandardButton.No:
        assert position(package, uuid) == original and changes == []
        assert view.marker_position(uuid) == QPointF(original[0], -original[1])
        assert view.marker.pos() == QPointF(original[0], -original[1])
        return
    moved = position(package, uuid)
    assert view.marker_position(uuid) == QPointF(moved[0], -moved[1])
    assert moved == pytest.approx((expected.x(), -expected.y()), abs=0.6)
    assert abs(moved[0] - original[0] - 30) < 1 and abs(moved[1] - original[1] - 20) < 1
    assert {(f, json.loads(o)) for f, o, _n in changes} == {("x", original[0]),
                                                            ("y", original[1])}
    window.undo_action.trigger()
    assert position(package, uuid) == pytest.approx(original)
    assert view.marker_position(uuid) == QPointF(original[0], -original[1])
    assert len(query(package, "SELECT * FROM changes WHERE facility_uuid = ?", (uuid,))) == 4


def test_a_facility_found_on_site_is_added_at_the_clicked_position(qtbot, window, package):
    view = window.map_view
    before = query(package, "SELECT COUNT(*) FROM facilities")[0][0]
    window.add_action.trigger()
    point = QPoint(view.viewport().width() // 2 + 17, view.viewport().height() // 2 - 23)
    expected = view.mapToScene(point)

    def fill(dialog):
        dialog.type.setCurrentIndex(dialog.type.findData("elderly_meal_point"))
        type_text(qtbot, dialog.name, "仙霞路老年助餐点")
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)

    on_modal(fill)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    rows = query(package, "SELECT uuid, facility_type, name, x, y, origin, base FROM facilities "
                          "WHERE origin = 'field'")
    assert query(package, "SELECT COUNT(*) FROM facilities")[0][0] == before + 1
    uuid, facility_type, name, x, y, origin, base = rows[0]
    assert (facility_type, name, base) == ("elderly_meal_point", "仙霞路老年助餐点", None)
    assert name.encode() == "仙霞路老年助餐点".encode()
    assert (x, y) == pytest.approx((expected.x(), -expected.y()))
    assert window.current == uuid and window.list_panel.current_uuid() == uuid
    assert view.marker_position(uuid) == QPointF(x, -y)


def test_marking_closed_colours_the_marker_and_records_history(qtbot, window, package):
    uuid = facility_of_type(package, "bus_stop")
    qtbot.mouseClick(window.map_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=marker_point(qtbot, window, uuid))
    assert window.map_view.marker_state(uuid) == "not_audited"
    total = query(package, "SELECT COUNT(*) FROM facilities")[0][0]
    assert window.counts_label.text() == f"{total} facilities · 0 audited · 0 with problems"
    window.status_actions["closed"].trigger()
    assert window.counts_label.text() == f"{total} facilities · 1 audited · 1 with problems"
    assert query(package, "SELECT status FROM facilities WHERE uuid = ?", (uuid,)) == [
        ("closed",)]
    assert query(package, "SELECT field, old_value, new_value FROM changes "
                          "WHERE facility_uuid = ?", (uuid,)) == [
        ("status", '"existing"', '"closed"')]
    assert window.map_view.marker_state(uuid) == "problem"
    assert window.map_view.marker.brush().color() == STATE_COLOURS["problem"]
    history = window.history
    cells = [history.item(0, c).text() for c in range(history.columnCount())]
    assert cells[1:] == ["王芳", "Status changed", "existing", "closed"]


def test_wheel_zooms_and_the_scale_bar_follows(qtbot, window):
    view = window.map_view
    before = view.metres_per_pixel()
    centre = QPointF(view.viewport().rect().center())
    event = QWheelEvent(centre, QPointF(view.viewport().mapToGlobal(centre.toPoint())),
                        QPoint(0, 0), QPoint(0, 240), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)
    assert view.metres_per_pixel() == pytest.approx(before / 1.25 ** 2)
    metres, pixels = view.scale_bar()
    assert metres == pytest.approx(pixels * view.metres_per_pixel())
    assert 40 <= pixels <= 100
