"""Field work done for the tests through the survey core's own door (SurveyStore), and
planner edits done through QGIS, so the import sees what a real round trip produces."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import List

from qgis.core import QgsVectorLayer
from sync_support import SUBDISTRICT, TASK, query


@dataclass
class Scenario:
    """What the test did, to check the importer's counts against."""

    package: str
    renamed_both: str  # facility renamed in the field and (differently) in the project
    field_name: str
    project_name: str
    address_only_in_field: str  # an update with no conflict
    added: str  # uuid of the facility added in the field
    audited: List[str]
    photo_sha256: str = ""


def package_facilities(project_gpkg) -> List[str]:
    """uuids the package for SUBDISTRICT and TASK must hold, read with sqlite3."""
    return [r[0] for r in query(project_gpkg, "select uuid from facilities where "
                                "subdistrict = ? and task = ? order by uuid", SUBDISTRICT, TASK)]


def do_field_work(package: str, inspector: str = "王检查员") -> Scenario:
    from lifecircle_plugin.core.survey.store import SurveyStore

    with SurveyStore(package) as store:
        facilities = store.facilities()
        first, second = facilities[0], facilities[1]
        store.update_facility(first.uuid, inspector, name="现场更正的名称")
        store.update_facility(second.uuid, inspector, address="江苏路 123 号")
        audit = store.start_audit(second.uuid, inspector)
        store.save_answer(audit.audit_uuid, "present", "open")
        photo = png_bytes()
        store.add_photo(audit.audit_uuid, second.uuid, photo, "IMG_0001.png")
        added = store.add_facility(second.facility_type, "新发现的便利店", second.x + 40.0,
                                   second.y + 25.0, inspector)
        return Scenario(str(package), first.uuid, "现场更正的名称", "规划师改的名称",
                        second.uuid, added.uuid, [audit.audit_uuid],
                        hashlib.sha256(photo).hexdigest())


def png_bytes() -> bytes:
    """A small real PNG, drawn by Qt."""
    from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice
    from qgis.PyQt.QtGui import QColor, QImage

    image = QImage(8, 6, QImage.Format.Format_RGB32)
    image.fill(QColor(200, 40, 40))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def rename_in_qgis(project_gpkg, facility_uuid: str, name: str) -> None:
    """The planner edits a facility in QGIS and saves: the project side of a conflict."""
    layer = QgsVectorLayer(f"{project_gpkg}|layername=facilities", "edit", "ogr")
    feature = next(layer.getFeatures(f"\"uuid\" = '{facility_uuid}'"))
    layer.startEditing()
    layer.changeAttributeValue(feature.id(), layer.fields().indexOf("name"), name)
    assert layer.commitChanges(), layer.commitErrors()


def make_package(project_gpkg, out, **kwargs):
    from lifecircle_plugin.core.survey.package import make_package as core_make_package

    kwargs.setdefault("subdistrict", SUBDISTRICT)
    kwargs.setdefault("task", TASK)
    kwargs.setdefault("inspector", "王检查员")
    core_make_package(str(project_gpkg), str(out), **kwargs)
    return out


def survey(project_gpkg, tmp_path):
    """A package of 江苏路街道 / task 3 after field work, and the planner's rename of the
    same facility in QGIS: (project path, Scenario)."""
    package = make_package(project_gpkg, tmp_path / "jiangsu.lcsurvey")
    scenario = do_field_work(package)
    rename_in_qgis(project_gpkg, scenario.renamed_both, scenario.project_name)
    return project_gpkg, scenario


def edit_in_qgis(project_gpkg, facility_uuid: str, *, status=None, xy=None,
                 delete=False) -> None:
    """Planner edits through a QGIS layer, saved: status, position or deletion."""
    from qgis.core import QgsGeometry, QgsPointXY

    layer = QgsVectorLayer(f"{project_gpkg}|layername=facilities", "edit", "ogr")
    feature = next(layer.getFeatures(f"\"uuid\" = '{facility_uuid}'"))
    layer.startEditing()
    if status is not None:
        layer.changeAttributeValue(feature.id(), layer.fields().indexOf("status"), status)
    if xy is not None:
        layer.changeGeometry(feature.id(), QgsGeometry.fromPointXY(QgsPointXY(*xy)))
    if delete:
        layer.deleteFeature(feature.id())
    assert layer.commitChanges(), layer.commitErrors()
