<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="27"/>
        <source>As stored in the file</source>
        <translation>As stored in the file</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="27"/>
        <source>WGS84 (GPS, OSM)</source>
        <translation>WGS84 (GPS, OSM)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="27"/>
        <source>GCJ-02 (AMap, Tencent)</source>
        <translation>GCJ-02 (AMap, Tencent)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="28"/>
        <source>BD-09 (Baidu)</source>
        <translation>BD-09 (Baidu)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="54"/>
        <source>Choose the sub-districts file.</source>
        <translation>Choose the sub-districts file.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="56"/>
        <source>Sub-districts file not found: {0}</source>
        <translation>Sub-districts file not found: {0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="58"/>
        <source>Choose where to save the project GeoPackage.</source>
        <translation>Choose where to save the project GeoPackage.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="60"/>
        <source>Add at least one POI file, an OSM file or the Overpass download.</source>
        <translation>Add at least one POI file, an OSM file or the Overpass download.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="64"/>
        <source>File not found: {0}</source>
        <translation>File not found: {0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="69"/>
        <source>Will build {0}:</source>
        <translation>Will build {0}:</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="70"/>
        <source>• sub-districts and population from {0}</source>
        <translation>• sub-districts and population from {0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="74"/>
        <source>• facilities from {0} ({1})</source>
        <translation>• facilities from {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="77"/>
        <source>• OSM facilities from {0}</source>
        <translation>• OSM facilities from {0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="79"/>
        <source>• OSM facilities downloaded for the map extent</source>
        <translation>• OSM facilities downloaded for the map extent</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="81"/>
        <source>• walking network from {0}</source>
        <translation>• walking network from {0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="83"/>
        <source>• no walking network: straight-line distance × detour factor</source>
        <translation>• no walking network: straight-line distance × detour factor</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="85"/>
        <source>• residents from {0}</source>
        <translation>• residents from {0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="87"/>
        <source>• residents: a regular grid over the sub-districts</source>
        <translation>• residents: a regular grid over the sub-districts</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/tasks/core_task.py" line="58"/>
        <source>Unexpected error; details are in the log panel (Life Circle).</source>
        <translation>Unexpected error; details are in the log panel (Life Circle).</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/controller.py" line="113"/>
        <source>Open a Life Circle project</source>
        <translation>Open a Life Circle project</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/controller.py" line="113"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/controller.py" line="185"/>
        <source>Open or build a project first.</source>
        <translation>Open or build a project first.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/controller.py" line="172"/>
        <source>Thresholds saved with the project; they apply from the next evaluation.</source>
        <translation>Thresholds saved with the project; they apply from the next evaluation.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/controller.py" line="181"/>
        <source>Building</source>
        <translation>Building</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/controller.py" line="192"/>
        <source>Evaluating</source>
        <translation>Evaluating</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/controller.py" line="201"/>
        <source>Another Life Circle task is still running.</source>
        <translation>Another Life Circle task is still running.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/controller.py" line="218"/>
        <source>Cancelled; nothing was saved.</source>
        <translation>Cancelled; nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="167"/>
        <source>Facility type</source>
        <translation>Facility type</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/make_package_algorithm.py" line="42"/>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/coverage.py" line="69"/>
        <source>Covered</source>
        <translation>Covered</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/coverage.py" line="69"/>
        <source>Within 15 min</source>
        <translation>Within 15 min</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/coverage.py" line="69"/>
        <source>Threshold</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/coverage.py" line="69"/>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/coverage.py" line="69"/>
        <source>Met</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/coverage.py" line="101"/>
        <source>No evaluation results yet: run Evaluate.</source>
        <translation>No evaluation results yet: run Evaluate.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/coverage.py" line="146"/>
        <source>Threshold not verified against a binding standard</source>
        <translation>Threshold not verified against a binding standard</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/coverage.py" line="175"/>
        <source>{0} of {1} basic types meet the target</source>
        <translation>{0} of {1} basic types meet the target</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/dock.py" line="55"/>
        <source>Life circle 生活圈</source>
        <translation>Life circle 生活圈</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/dock.py" line="71"/>
        <source>Tasks</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/package_dialog.py" line="73"/>
        <source>Sub-district</source>
        <translation>Sub-district</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/dock.py" line="73"/>
        <source>Sub-districts × tasks</source>
        <translation>Sub-districts × tasks</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/dock.py" line="74"/>
        <source>Thresholds</source>
        <translation>Thresholds</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/dock.py" line="85"/>
        <source>No project open. Create one or open a project GeoPackage.</source>
        <translation>No project open. Create one or open a project GeoPackage.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/dock.py" line="110"/>
        <source>New project…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/dock.py" line="111"/>
        <source>Open project…</source>
        <translation>Open project…</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/dock.py" line="112"/>
        <source>Evaluate</source>
        <translation>Evaluate</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/widgets.py" line="38"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/site_tool.py" line="57"/>
        <source>Site evaluation</source>
        <translation>Site evaluation</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/dock.py" line="116"/>
        <source>Click on the map: residents a new facility there would bring within reach, per facility type</source>
        <translation>Click on the map: residents a new facility there would bring within reach, per facility type</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/dock.py" line="156"/>
        <source>Project: {0}
{1} facilities of {2} types</source>
        <translation>Project: {0}
{1} facilities of {2} types</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/dock.py" line="159"/>
        <source>Data: {0}</source>
        <translation>Data: {0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/dock.py" line="169"/>
        <source>Distances:</source>
        <translation>Distances:</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/new_project.py" line="59"/>
        <source>New life circle project</source>
        <translation>New life circle project</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/new_project.py" line="71"/>
        <source>Build</source>
        <translation>Build</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/new_project.py" line="79"/>
        <source>Study area</source>
        <translation>Study area</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/build_project.py" line="47"/>
        <source>Sub-districts with population</source>
        <translation>Sub-districts with population</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/new_project.py" line="86"/>
        <source>Project GeoPackage to create</source>
        <translation>Project GeoPackage to create</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/new_project.py" line="90"/>
        <source>Facilities (POI files)</source>
        <translation>Facilities (POI files)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/new_project.py" line="94"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/new_project.py" line="94"/>
        <source>Coordinates</source>
        <translation>Coordinates</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/new_project.py" line="98"/>
        <source>Add files…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="65"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/new_project.py" line="110"/>
        <source>Optional inputs</source>
        <translation>Optional inputs</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/new_project.py" line="113"/>
        <source>Download OSM facilities for the current map extent (Overpass API)</source>
        <translation>Download OSM facilities for the current map extent (Overpass API)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/new_project.py" line="121"/>
        <source>OSM file</source>
        <translation>OSM file</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/build_project.py" line="57"/>
        <source>Walking network (lines)</source>
        <translation>Walking network (lines)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/build_project.py" line="58"/>
        <source>Residents (polygons or points)</source>
        <translation>Residents (polygons or points)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/new_project.py" line="128"/>
        <source>POI files</source>
        <translation>POI files</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/site_tool.py" line="60"/>
        <source>Residents newly within reach</source>
        <translation>Residents newly within reach</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/site_tool.py" line="73"/>
        <source>Point {0:.0f}, {1:.0f} (project CRS): a new facility here would bring these residents within its threshold.</source>
        <translation>Point {0:.0f}, {1:.0f} (project CRS): a new facility here would bring these residents within its threshold.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/site_tool.py" line="117"/>
        <source>Run Evaluate first: the site tool uses the evaluation in memory.</source>
        <translation>Run Evaluate first: the site tool uses the evaluation in memory.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/task_tree.py" line="33"/>
        <source>Task / facility type</source>
        <translation>Task / facility type</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/task_tree.py" line="33"/>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/task_tree.py" line="76"/>
        <source>Threshold: {0:.0f} m</source>
        <translation>Threshold: {0:.0f} m</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/task_tree.py" line="83"/>
        <source>No facility of this type in the project</source>
        <translation>No facility of this type in the project</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/thresholds.py" line="32"/>
        <source>verified</source>
        <translation>verified</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/thresholds.py" line="32"/>
        <source>from a standard, not verified</source>
        <translation>from a standard, not verified</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/thresholds.py" line="33"/>
        <source>local practice, not verified</source>
        <translation>local practice, not verified</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/thresholds.py" line="33"/>
        <source>set by this project</source>
        <translation>set by this project</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/thresholds.py" line="50"/>
        <source>Catalogue (m)</source>
        <translation>Catalogue (m)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/thresholds.py" line="50"/>
        <source>In use (m)</source>
        <translation>In use (m)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/thresholds.py" line="50"/>
        <source>Basis</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/thresholds.py" line="55"/>
        <source>Save for this project</source>
        <translation>Save for this project</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/thresholds.py" line="56"/>
        <source>Reset to catalogue</source>
        <translation>Reset to catalogue</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/layers.py" line="72"/>
        <source>file not found</source>
        <translation>file not found</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/layers.py" line="78"/>
        <source>cannot read the project: {0}</source>
        <translation>cannot read the project: {0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/layers.py" line="102"/>
        <source>cannot open the layer</source>
        <translation>cannot open the layer</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/layers.py" line="130"/>
        <source>Life circle project</source>
        <translation>Life circle project</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/layers.py" line="156"/>
        <source>Sub-districts (街镇)</source>
        <translation>Sub-districts (街镇)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/layers.py" line="183"/>
        <source>the project has no evaluation results yet; run Evaluate first</source>
        <translation>the project has no evaluation results yet; run Evaluate first</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/layers.py" line="187"/>
        <source>Evaluation results</source>
        <translation>Evaluation results</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/layers.py" line="191"/>
        <source>Residents: basic types within 15 min</source>
        <translation>Residents: basic types within 15 min</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/layers.py" line="203"/>
        <source>Sub-district coverage table</source>
        <translation>Sub-district coverage table</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/layers.py" line="196"/>
        <source>Gaps per facility type</source>
        <translation>Gaps per facility type</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/layers.py" line="196"/>
        <source>Gap: {0}</source>
        <translation>Gap: {0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/plugin.py" line="61"/>
        <source>Life circle panel</source>
        <translation>Life circle panel</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/plugin.py" line="68"/>
        <source>New life circle project…</source>
        <translation>New life circle project…</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/provider.py" line="43"/>
        <source>Life Circle</source>
        <translation>Life Circle</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/plugin.py" line="86"/>
        <source>Missing Python packages: {0}. Install them with: {1}</source>
        <translation>Missing Python packages: {0}. Install them with: {1}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/base.py" line="87"/>
        <source>Cancelled by the user; nothing was saved.</source>
        <translation>Cancelled by the user; nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/base.py" line="126"/>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/base.py" line="127"/>
        <source>Evaluation</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/base.py" line="128"/>
        <source>Site selection</source>
        <translation>Site selection</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/base.py" line="129"/>
        <source>Maps and reports</source>
        <translation>Maps and reports</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/base.py" line="130"/>
        <source>Field survey</source>
        <translation>Field survey</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/build_project.py" line="38"/>
        <source>Build life circle project</source>
        <translation>Build life circle project</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/build_project.py" line="41"/>
        <source>Reads sub-districts with population and POI files (WGS84, GCJ-02 or BD-09 coordinates), OSM data, an optional walking network and residents layer; classifies every POI into the catalogue&apos;s facility types and writes one project GeoPackage. A failed or cancelled build leaves no file behind.</source>
        <translation>Reads sub-districts with population and POI files (WGS84, GCJ-02 or BD-09 coordinates), OSM data, an optional walking network and residents layer; classifies every POI into the catalogue's facility types and writes one project GeoPackage. A failed or cancelled build leaves no file behind.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/build_project.py" line="50"/>
        <source>POI files in WGS84 (or with their own CRS)</source>
        <translation>POI files in WGS84 (or with their own CRS)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/build_project.py" line="51"/>
        <source>POI tables in GCJ-02 (AMap, Tencent)</source>
        <translation>POI tables in GCJ-02 (AMap, Tencent)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/build_project.py" line="52"/>
        <source>POI tables in BD-09 (Baidu)</source>
        <translation>POI tables in BD-09 (Baidu)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/build_project.py" line="56"/>
        <source>OSM file (.osm / .pbf)</source>
        <translation>OSM file (.osm / .pbf)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/build_project.py" line="59"/>
        <source>Project CRS (empty = chosen for the area)</source>
        <translation>Project CRS (empty = chosen for the area)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="70"/>
        <source>Project GeoPackage</source>
        <translation>Project GeoPackage</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/build_project.py" line="66"/>
        <source>Facilities</source>
        <translation>Facilities</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/build_project.py" line="67"/>
        <source>Sub-districts</source>
        <translation>Sub-districts</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/evaluate.py" line="70"/>
        <source>Resident origins</source>
        <translation>Resident origins</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/evaluate.py" line="46"/>
        <source>Evaluate walking access</source>
        <translation>Evaluate walking access</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/evaluate.py" line="49"/>
        <source>Distances from every resident origin to the nearest facility of each type (along the walking network, or straight line × detour factor when the project has none), coverage shares per sub-district and task, the 达标 verdict, gaps and service areas. Results are written into the project GeoPackage; a cancelled run writes nothing.</source>
        <translation>Distances from every resident origin to the nearest facility of each type (along the walking network, or straight line × detour factor when the project has none), coverage shares per sub-district and task, the 达标 verdict, gaps and service areas. Results are written into the project GeoPackage; a cancelled run writes nothing.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="50"/>
        <source>Scenario</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="50"/>
        <source>Existing facilities</source>
        <translation>Existing facilities</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="50"/>
        <source>With planned facilities</source>
        <translation>With planned facilities</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/evaluate.py" line="60"/>
        <source>Use the walking network when the project has one</source>
        <translation>Use the walking network when the project has one</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/evaluate.py" line="62"/>
        <source>Detour factor for straight-line distances (empty = catalogue)</source>
        <translation>Detour factor for straight-line distances (empty = catalogue)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/evaluate.py" line="67"/>
        <source>Build service-area polygons</source>
        <translation>Build service-area polygons</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/evaluate.py" line="71"/>
        <source>Facility types evaluated</source>
        <translation>Facility types evaluated</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/evaluate.py" line="72"/>
        <source>Sub-district × type rows</source>
        <translation>Sub-district × type rows</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/evaluate.py" line="87"/>
        <source>Distances: {0}</source>
        <translation>Distances: {0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/provider.py" line="46"/>
        <source>Life Circle (15-minute community life circle)</source>
        <translation>Life Circle (15-minute community life circle)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="83"/>
        <source>Candidate layer not found</source>
        <translation>Candidate layer not found</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="104"/>
        <source>Score candidate sites</source>
        <translation>Score candidate sites</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="107"/>
        <source>For each candidate point and each chosen facility type: the residents a new facility there would newly bring within the type&apos;s walking threshold.</source>
        <translation>For each candidate point and each chosen facility type: the residents a new facility there would newly bring within the type's walking threshold.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="113"/>
        <source>Candidate sites</source>
        <translation>Candidate sites</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="115"/>
        <source>Facility types (none = all)</source>
        <translation>Facility types (none = all)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="118"/>
        <source>Scored sites</source>
        <translation>Scored sites</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="157"/>
        <source>Best sites for a facility type</source>
        <translation>Best sites for a facility type</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="160"/>
        <source>Picks up to k candidate sites one after another, each time the one that brings the most not-yet-covered residents within the type&apos;s threshold. Without a candidate layer, the resident origins are the candidates.</source>
        <translation>Picks up to k candidate sites one after another, each time the one that brings the most not-yet-covered residents within the type's threshold. Without a candidate layer, the resident origins are the candidates.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="169"/>
        <source>Number of sites</source>
        <translation>Number of sites</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="172"/>
        <source>Candidate sites (empty = resident origins)</source>
        <translation>Candidate sites (empty = resident origins)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="175"/>
        <source>Also store the picks in the project (site_scores)</source>
        <translation>Also store the picks in the project (site_scores)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="177"/>
        <source>Best sites</source>
        <translation>Best sites</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="178"/>
        <source>Sites picked</source>
        <translation>Sites picked</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="188"/>
        <source>{0} is not evaluated in this project</source>
        <translation>{0} is not evaluated in this project</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="213"/>
        <source>{0} sites picked; residents covered after the last pick: {1:,.0f}</source>
        <translation>{0} sites picked; residents covered after the last pick: {1:,.0f}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/tasks/core_task.py" line="73"/>
        <source>The task stopped.</source>
        <translation>The task stopped.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/tasks/jobs.py" line="29"/>
        <source>Downloading OSM facilities (Overpass API)</source>
        <translation>Downloading OSM facilities (Overpass API)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/tasks/jobs.py" line="36"/>
        <source>Life Circle: building the project</source>
        <translation>Life Circle: building the project</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/tasks/jobs.py" line="97"/>
        <source>Life Circle: evaluating walking access</source>
        <translation>Life Circle: evaluating walking access</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/make_package_algorithm.py" line="42"/>
        <source>All tasks</source>
        <translation>All tasks</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/coverage.py" line="110"/>
        <source>{0}: {1} of {2} basic facility types with data meet their target (达标); {3} have no data.</source>
        <translation>{0}: {1} of {2} basic facility types with data meet their target (达标); {3} have no data.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/coverage.py" line="142"/>
        <source>No facility of this type in the project: no data</source>
        <translation>No facility of this type in the project: no data</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/layers.py" line="199"/>
        <source>Service areas per facility type</source>
        <translation>Service areas per facility type</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/layers.py" line="199"/>
        <source>Service area: {0}</source>
        <translation>Service area: {0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/results.py" line="79"/>
        <source>straight line × {0} (no walking network)</source>
        <translation>straight line × {0} (no walking network)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/results.py" line="82"/>
        <source>along the walking network</source>
        <translation>along the walking network</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/dock.py" line="123"/>
        <source>Score candidate sites…</source>
        <translation>Score candidate sites…</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/dock.py" line="124"/>
        <source>Best sites…</source>
        <translation>Best sites…</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/actions.py" line="43"/>
        <source>Make survey package…</source>
        <translation>Make survey package…</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/actions.py" line="43"/>
        <source>Import survey results…</source>
        <translation>Import survey results…</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/actions.py" line="43"/>
        <source>Review survey conflicts</source>
        <translation>Review survey conflicts</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/actions.py" line="43"/>
        <source>Export layers for official maps…</source>
        <translation>Export layers for official maps…</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/conflict_dock.py" line="211"/>
        <source>Survey conflicts</source>
        <translation>Survey conflicts</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/conflict_dock.py" line="59"/>
        <source>Facility / field</source>
        <translation>Facility / field</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/conflict_dock.py" line="59"/>
        <source>Base (package)</source>
        <translation>Base (package)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/conflict_dock.py" line="59"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/conflict_dock.py" line="63"/>
        <source>Show resolved</source>
        <translation>Show resolved</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/conflict_dock.py" line="65"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/conflict_dock.py" line="67"/>
        <source>Keep project value</source>
        <translation>Keep project value</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/conflict_dock.py" line="69"/>
        <source>Accept field value</source>
        <translation>Accept field value</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/conflict_dock.py" line="189"/>
        <source>the project&apos;s values</source>
        <translation>the project's values</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/conflict_dock.py" line="190"/>
        <source>the field survey&apos;s values</source>
        <translation>the field survey's values</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/conflict_dock.py" line="191"/>
        <source>Keep {0} for {1} field(s)? The other values are discarded and the conflicts are marked resolved.</source>
        <translation>Keep {0} for {1} field(s)? The other values are discarded and the conflicts are marked resolved.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/conflict_dock.py" line="205"/>
        <source>{0} conflict(s) resolved.</source>
        <translation>{0} conflict(s) resolved.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_choices.py" line="18"/>
        <source>Audited facilities</source>
        <translation>Audited facilities</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_choices.py" line="19"/>
        <source>Audits</source>
        <translation>Audits</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_choices.py" line="35"/>
        <source>GeoPackage</source>
        <translation>GeoPackage</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_choices.py" line="36"/>
        <source>Shapefile (with a field-name mapping CSV)</source>
        <translation>Shapefile (with a field-name mapping CSV)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_choices.py" line="37"/>
        <source>GeoJSON</source>
        <translation>GeoJSON</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_choices.py" line="38"/>
        <source>CSV (UTF-8 with BOM, for Excel)</source>
        <translation>CSV (UTF-8 with BOM, for Excel)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_choices.py" line="42"/>
        <source>CGCS2000 geographic (EPSG:4490)</source>
        <translation>CGCS2000 geographic (EPSG:4490)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_choices.py" line="43"/>
        <source>CGCS2000 / Gauss-Krüger CM 120°E (EPSG:4549)</source>
        <translation>CGCS2000 / Gauss-Krüger CM 120°E (EPSG:4549)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_choices.py" line="44"/>
        <source>WGS 84 (EPSG:4326)</source>
        <translation>WGS 84 (EPSG:4326)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_choices.py" line="60"/>
        <source>{0}: {1} features -&gt; {2}</source>
        <translation>{0}: {1} features -&gt; {2}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_choices.py" line="63"/>
        <source>Not in the project (skipped): {0}</source>
        <translation>Not in the project (skipped): {0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_choices.py" line="64"/>
        <source>Warning: {0}</source>
        <translation>Warning: {0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_dialog.py" line="102"/>
        <source>Export layers</source>
        <translation>Export layers</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_dialog.py" line="63"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_layers_algorithm.py" line="38"/>
        <source>Layers</source>
        <translation>Layers</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_layers_algorithm.py" line="41"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_layers_algorithm.py" line="44"/>
        <source>Coordinate system</source>
        <translation>Coordinate system</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_layers_algorithm.py" line="47"/>
        <source>Output folder</source>
        <translation>Output folder</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sync_base.py" line="44"/>
        <source>Choose the project GeoPackage.</source>
        <translation>Choose the project GeoPackage.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_layers_algorithm.py" line="56"/>
        <source>Choose at least one layer.</source>
        <translation>Choose at least one layer.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_dialog.py" line="86"/>
        <source>Choose the output folder.</source>
        <translation>Choose the output folder.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_dialog.py" line="102"/>
        <source>{0} layer(s) written to {1}</source>
        <translation>{0} layer(s) written to {1}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/import_survey_algorithm.py" line="34"/>
        <source>Import survey results</source>
        <translation>Import survey results</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="63"/>
        <source>Add packages…</source>
        <translation>Add packages…</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="68"/>
        <source>Default: beside the project</source>
        <translation>Default: beside the project</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="69"/>
        <source>Layer</source>
        <translation>Layer</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="69"/>
        <source>Adds</source>
        <translation>Adds</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="69"/>
        <source>Updates</source>
        <translation>Updates</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="69"/>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="69"/>
        <source>Errors</source>
        <translation>Errors</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="79"/>
        <source>Notes of the dry run (schema changes, errors)</source>
        <translation>Notes of the dry run (schema changes, errors)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="160"/>
        <source>Dry run</source>
        <translation>Dry run</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="87"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="106"/>
        <source>Packages</source>
        <translation>Packages</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="107"/>
        <source>Photos folder</source>
        <translation>Photos folder</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="111"/>
        <source>Dry run: what the import would do, per layer</source>
        <translation>Dry run: what the import would do, per layer</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/import_survey_algorithm.py" line="51"/>
        <source>Survey packages</source>
        <translation>Survey packages</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/make_package_algorithm.py" line="49"/>
        <source>Survey package (*{0})</source>
        <translation>Survey package (*{0})</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="160"/>
        <source>Nothing was written. Check the counts, then press Import.</source>
        <translation>Nothing was written. Check the counts, then press Import.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="170"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="181"/>
        <source>Import refused</source>
        <translation>Import refused</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="198"/>
        <source>Imported: {0} added, {1} updated, {2} conflicts held for review, {3} errors.</source>
        <translation>Imported: {0} added, {1} updated, {2} conflicts held for review, {3} errors.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_summary.py" line="39"/>
        <source>Schema change: {0}</source>
        <translation>Schema change: {0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_summary.py" line="40"/>
        <source>Kept in the JSON column (no field for it): {0}</source>
        <translation>Kept in the JSON column (no field for it): {0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_summary.py" line="42"/>
        <source>Error: {0}</source>
        <translation>Error: {0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/importer_calls.py" line="28"/>
        <source>Save or discard the edits of these layers first, then import again: {0}</source>
        <translation>Save or discard the edits of these layers first, then import again: {0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/task_runner.py" line="44"/>
        <source>Cancelled; nothing was changed.</source>
        <translation>Cancelled; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/messages.py" line="25"/>
        <source>Unexpected error: {0}. Details are in the Life Circle log.</source>
        <translation>Unexpected error: {0}. Details are in the Life Circle log.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/make_package_algorithm.py" line="31"/>
        <source>Make survey package</source>
        <translation>Make survey package</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/package_dialog.py" line="60"/>
        <source>Name of the inspector</source>
        <translation>Name of the inspector</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/package_dialog.py" line="67"/>
        <source>Make package</source>
        <translation>Make package</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/make_package_algorithm.py" line="48"/>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/package_dialog.py" line="77"/>
        <source>Package file</source>
        <translation>Package file</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/package_dialog.py" line="87"/>
        <source>All sub-districts</source>
        <translation>All sub-districts</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/package_dialog.py" line="104"/>
        <source>Only the facilities selected on the map ({0} selected)</source>
        <translation>Only the facilities selected on the map ({0} selected)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/package_dialog.py" line="122"/>
        <source>Choose where to save the package.</source>
        <translation>Choose where to save the package.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/make_package_algorithm.py" line="59"/>
        <source>Enter the inspector&apos;s name.</source>
        <translation>Enter the inspector's name.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/package_dialog.py" line="140"/>
        <source>Package written: {0}</source>
        <translation>Package written: {0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/widgets.py" line="26"/>
        <source>Life Circle project (*.gpkg)</source>
        <translation>Life Circle project (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_layers_algorithm.py" line="29"/>
        <source>Export layers for official maps</source>
        <translation>Export layers for official maps</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_layers_algorithm.py" line="32"/>
        <source>Writes audited facilities, audits and evaluation results as GeoPackage, Shapefile (UTF-8, with a CSV mapping the shortened field names), GeoJSON or CSV (UTF-8 with BOM) in CGCS2000 or WGS 84.</source>
        <translation>Writes audited facilities, audits and evaluation results as GeoPackage, Shapefile (UTF-8, with a CSV mapping the shortened field names), GeoJSON or CSV (UTF-8 with BOM) in CGCS2000 or WGS 84.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_layers_algorithm.py" line="49"/>
        <source>Files written</source>
        <translation>Files written</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_layers_algorithm.py" line="67"/>
        <source>The project has none of the chosen layers: {0}</source>
        <translation>The project has none of the chosen layers: {0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="55"/>
        <source>Export official map and report</source>
        <translation>Export official map and report</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="58"/>
        <source>Exports the official map of an evaluated project: one PDF page per sub-district (title, map, legend, scale bar, north arrow, CGCS2000 note, data sources and date, OSM attribution, distance method), PNG images at the chosen DPI, and an HTML report with the tables per sub-district and task, the unverified thresholds and the data sources.</source>
        <translation>Exports the official map of an evaluated project: one PDF page per sub-district (title, map, legend, scale bar, north arrow, CGCS2000 note, data sources and date, OSM attribution, distance method), PNG images at the chosen DPI, and an HTML report with the tables per sub-district and task, the unverified thresholds and the data sources.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="72"/>
        <source>Sub-districts (comma-separated names; empty = all)</source>
        <translation>Sub-districts (comma-separated names; empty = all)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="75"/>
        <source>Also export the district overview map</source>
        <translation>Also export the district overview map</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="77"/>
        <source>Resolution (DPI)</source>
        <translation>Resolution (DPI)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="80"/>
        <source>Official map (PDF)</source>
        <translation>Official map (PDF)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="80"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="82"/>
        <source>Folder for PNG maps</source>
        <translation>Folder for PNG maps</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="85"/>
        <source>HTML report</source>
        <translation>HTML report</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="85"/>
        <source>HTML files (*.html)</source>
        <translation>HTML files (*.html)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="88"/>
        <source>PDF pages</source>
        <translation>PDF pages</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="124"/>
        <source>Official map written</source>
        <translation>Official map written</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/import_survey_algorithm.py" line="37"/>
        <source>Merges returned survey packages into the project: audits and photos are added, facility changes merged field by field, conflicts held for review. With &apos;dry run&apos; nothing is written and the counts say what would happen.</source>
        <translation>Merges returned survey packages into the project: audits and photos are added, facility changes merged field by field, conflicts held for review. With 'dry run' nothing is written and the counts say what would happen.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/import_survey_algorithm.py" line="53"/>
        <source>Dry run (write nothing)</source>
        <translation>Dry run (write nothing)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/import_survey_algorithm.py" line="55"/>
        <source>Photos folder (default: beside the project)</source>
        <translation>Photos folder (default: beside the project)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/import_survey_algorithm.py" line="60"/>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/make_package_algorithm.py" line="34"/>
        <source>Writes a survey package (one SQLite file) for field inspectors: the facilities of a sub-district and task (or the selected features of the facilities layer), their checklists and the offline map context.</source>
        <translation>Writes a survey package (one SQLite file) for field inspectors: the facilities of a sub-district and task (or the selected features of the facilities layer), their checklists and the offline map context.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/make_package_algorithm.py" line="40"/>
        <source>Sub-district (empty: all)</source>
        <translation>Sub-district (empty: all)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/make_package_algorithm.py" line="45"/>
        <source>Only these facilities (a layer with a uuid field)</source>
        <translation>Only these facilities (a layer with a uuid field)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/make_package_algorithm.py" line="49"/>
        <source>Survey package</source>
        <translation>Survey package</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/make_package_algorithm.py" line="76"/>
        <source>The facilities layer has no &apos;uuid&apos; field; choose the project&apos;s facilities layer.</source>
        <translation>The facilities layer has no 'uuid' field; choose the project's facilities layer.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/make_package_algorithm.py" line="81"/>
        <source>No facility was chosen.</source>
        <translation>No facility was chosen.</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sync_base.py" line="37"/>
        <source>Life Circle project (GeoPackage)</source>
        <translation>Life Circle project (GeoPackage)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/conflict_model.py" line="97"/>
        <source>{0} — not in the project</source>
        <translation>{0} — not in the project</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/options_page.py" line="27"/>
        <source>chosen for the area (EPSG:4549 for Shanghai)</source>
        <translation>chosen for the area (EPSG:4549 for Shanghai)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/options_page.py" line="28"/>
        <source>Build and load service-area polygons</source>
        <translation>Build and load service-area polygons</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/options_page.py" line="34"/>
        <source>CRS of new projects</source>
        <translation>CRS of new projects</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/options_page.py" line="35"/>
        <source>Overpass API server</source>
        <translation>Overpass API server</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/options_page.py" line="37"/>
        <source>Facility labels from scale 1:</source>
        <translation>Facility labels from scale 1:</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/base.py" line="98"/>
        <source>Internal error in {0} ({1}). The details are in the log (Log Messages panel, tab &quot;Life Circle&quot;).</source>
        <translation>Internal error in {0} ({1}). The details are in the log (Log Messages panel, tab &quot;Life Circle&quot;).</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/base.py" line="119"/>
        <source>{0} ({1}): {2} is not one of the choices ({3})</source>
        <translation>{0} ({1}): {2} is not one of the choices ({3})</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="137"/>
        <source>project file not found</source>
        <translation>project file not found</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="141"/>
        <source>not a Life Circle project: the layer is missing; build the project first (lifecircle:buildproject)</source>
        <translation>not a Life Circle project: the layer is missing; build the project first (lifecircle:buildproject)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="146"/>
        <source>the output is a folder; give a file name</source>
        <translation>the output is a folder; give a file name</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="148"/>
        <source>the PNG output must be a folder, not a file</source>
        <translation>the PNG output must be a folder, not a file</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/import_survey_algorithm.py" line="83"/>
        <source>No survey package given: choose at least one survey package (.lcsurvey).</source>
        <translation>No survey package given: choose at least one survey package (.lcsurvey).</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/build_project.py" line="63"/>
        <source>Population field of the sub-districts (empty = pop_census2010, population, 人口 …)</source>
        <translation>Population field of the sub-districts (empty = pop_census2010, population, 人口 …)</translation>
    </message>
</context>
</TS>
