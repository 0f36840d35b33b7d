<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../../lifecircle_plugin/plugin.py" line="61"/>
        <source>Life circle panel</source>
        <translation>生活圈面板</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/provider.py" line="43"/>
        <source>Life Circle</source>
        <translation>生活圈</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/plugin.py" line="86"/>
        <source>Missing Python packages: {0}. Install them with: {1}</source>
        <translation>缺少Python包：{0}。请用以下命令安装：{1}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="27"/>
        <source>As stored in the file</source>
        <translation>按文件自带坐标</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="27"/>
        <source>WGS84 (GPS, OSM)</source>
        <translation>WGS84（GPS、OSM）</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="27"/>
        <source>GCJ-02 (AMap, Tencent)</source>
        <translation>GCJ-02（高德、腾讯）</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="28"/>
        <source>BD-09 (Baidu)</source>
        <translation>BD-09（百度）</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="54"/>
        <source>Choose the sub-districts file.</source>
        <translation>请选择街镇边界文件。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="56"/>
        <source>Sub-districts file not found: {0}</source>
        <translation>找不到街镇边界文件：{0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="58"/>
        <source>Choose where to save the project GeoPackage.</source>
        <translation>请选择项目GeoPackage的保存位置。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="60"/>
        <source>Add at least one POI file, an OSM file or the Overpass download.</source>
        <translation>请至少添加一个POI文件、一个OSM文件或选择Overpass下载。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="64"/>
        <source>File not found: {0}</source>
        <translation>找不到文件：{0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="69"/>
        <source>Will build {0}:</source>
        <translation>将构建 {0}：</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="70"/>
        <source>• sub-districts and population from {0}</source>
        <translation>• 街镇边界和人口来自 {0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="74"/>
        <source>• facilities from {0} ({1})</source>
        <translation>• 设施来自 {0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="77"/>
        <source>• OSM facilities from {0}</source>
        <translation>• OSM设施来自 {0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="79"/>
        <source>• OSM facilities downloaded for the map extent</source>
        <translation>• 下载当前地图范围内的OSM设施</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="81"/>
        <source>• walking network from {0}</source>
        <translation>• 步行路网来自 {0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="83"/>
        <source>• no walking network: straight-line distance × detour factor</source>
        <translation>• 无步行路网：直线距离 × 绕行系数</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="85"/>
        <source>• residents from {0}</source>
        <translation>• 居民来自 {0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/build_config.py" line="87"/>
        <source>• residents: a regular grid over the sub-districts</source>
        <translation>• 居民：在街镇范围内按规则格网分布</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/tasks/core_task.py" line="58"/>
        <source>Unexpected error; details are in the log panel (Life Circle).</source>
        <translation>发生意外错误；详情见日志面板（Life Circle）。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/controller.py" line="113"/>
        <source>Open a Life Circle project</source>
        <translation>打开生活圈项目</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/controller.py" line="113"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/controller.py" line="185"/>
        <source>Open or build a project first.</source>
        <translation>请先打开或构建项目。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/controller.py" line="172"/>
        <source>Thresholds saved with the project; they apply from the next evaluation.</source>
        <translation>阈值已随项目保存，将在下次评估时生效。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/controller.py" line="181"/>
        <source>Building</source>
        <translation>正在构建</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/controller.py" line="192"/>
        <source>Evaluating</source>
        <translation>正在评估</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/controller.py" line="201"/>
        <source>Another Life Circle task is still running.</source>
        <translation>另一个生活圈任务仍在运行。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/controller.py" line="218"/>
        <source>Cancelled; nothing was saved.</source>
        <translation>已取消，未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="167"/>
        <source>Facility type</source>
        <translation>设施类型</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/make_package_algorithm.py" line="42"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/coverage.py" line="69"/>
        <source>Covered</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/coverage.py" line="69"/>
        <source>Within 15 min</source>
        <translation>15分钟内</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/coverage.py" line="69"/>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/coverage.py" line="69"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/coverage.py" line="69"/>
        <source>Met</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/coverage.py" line="101"/>
        <source>No evaluation results yet: run Evaluate.</source>
        <translation>尚无评估结果：请运行“评估”。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/coverage.py" line="146"/>
        <source>Threshold not verified against a binding standard</source>
        <translation>阈值未经强制性标准核实</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/coverage.py" line="175"/>
        <source>{0} of {1} basic types meet the target</source>
        <translation>{1}类基础设施中{0}类达标</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/dock.py" line="55"/>
        <source>Life circle 生活圈</source>
        <translation>生活圈</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/dock.py" line="71"/>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/package_dialog.py" line="73"/>
        <source>Sub-district</source>
        <translation>街镇</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/dock.py" line="73"/>
        <source>Sub-districts × tasks</source>
        <translation>街镇 × 任务</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/dock.py" line="74"/>
        <source>Thresholds</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/dock.py" line="85"/>
        <source>No project open. Create one or open a project GeoPackage.</source>
        <translation>未打开项目。请新建项目或打开项目GeoPackage。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/dock.py" line="110"/>
        <source>New project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/dock.py" line="111"/>
        <source>Open project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/dock.py" line="112"/>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/widgets.py" line="38"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/site_tool.py" line="57"/>
        <source>Site evaluation</source>
        <translation>选址评估</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/dock.py" line="116"/>
        <source>Click on the map: residents a new facility there would bring within reach, per facility type</source>
        <translation>在地图上点击：按设施类型显示在该处新建设施可新覆盖的居民数</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/dock.py" line="156"/>
        <source>Project: {0}
{1} facilities of {2} types</source>
        <translation>项目：{0}
{2}类设施，共{1}处</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/dock.py" line="159"/>
        <source>Data: {0}</source>
        <translation>数据：{0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/dock.py" line="169"/>
        <source>Distances:</source>
        <translation>距离：</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/new_project.py" line="59"/>
        <source>New life circle project</source>
        <translation>新建生活圈项目</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/new_project.py" line="71"/>
        <source>Build</source>
        <translation>构建</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/new_project.py" line="79"/>
        <source>Study area</source>
        <translation>研究范围</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/build_project.py" line="47"/>
        <source>Sub-districts with population</source>
        <translation>带人口的街镇边界</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/new_project.py" line="86"/>
        <source>Project GeoPackage to create</source>
        <translation>要创建的项目GeoPackage</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/new_project.py" line="90"/>
        <source>Facilities (POI files)</source>
        <translation>设施（POI文件）</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/new_project.py" line="94"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/new_project.py" line="94"/>
        <source>Coordinates</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/new_project.py" line="98"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="65"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/new_project.py" line="110"/>
        <source>Optional inputs</source>
        <translation>可选输入</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/new_project.py" line="113"/>
        <source>Download OSM facilities for the current map extent (Overpass API)</source>
        <translation>下载当前地图范围内的OSM设施（Overpass API）</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/new_project.py" line="121"/>
        <source>OSM file</source>
        <translation>OSM文件</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/build_project.py" line="57"/>
        <source>Walking network (lines)</source>
        <translation>步行路网（线）</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/build_project.py" line="58"/>
        <source>Residents (polygons or points)</source>
        <translation>居民（面或点）</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/new_project.py" line="128"/>
        <source>POI files</source>
        <translation>POI文件</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/site_tool.py" line="60"/>
        <source>Residents newly within reach</source>
        <translation>新覆盖居民数</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/site_tool.py" line="73"/>
        <source>Point {0:.0f}, {1:.0f} (project CRS): a new facility here would bring these residents within its threshold.</source>
        <translation>点 {0:.0f}, {1:.0f}（项目坐标系）：在此新建设施可使以下居民进入其阈值范围。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/site_tool.py" line="117"/>
        <source>Run Evaluate first: the site tool uses the evaluation in memory.</source>
        <translation>请先运行“评估”：选址工具使用内存中的评估结果。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/task_tree.py" line="33"/>
        <source>Task / facility type</source>
        <translation>任务 / 设施类型</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/task_tree.py" line="33"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/task_tree.py" line="76"/>
        <source>Threshold: {0:.0f} m</source>
        <translation>阈值：{0:.0f} 米</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/task_tree.py" line="83"/>
        <source>No facility of this type in the project</source>
        <translation>项目中没有此类设施</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/thresholds.py" line="32"/>
        <source>verified</source>
        <translation>已核实</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/thresholds.py" line="32"/>
        <source>from a standard, not verified</source>
        <translation>来自标准，未核实</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/thresholds.py" line="33"/>
        <source>local practice, not verified</source>
        <translation>地方实践，未核实</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/thresholds.py" line="33"/>
        <source>set by this project</source>
        <translation>本项目设定</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/thresholds.py" line="50"/>
        <source>Catalogue (m)</source>
        <translation>目录值（米）</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/thresholds.py" line="50"/>
        <source>In use (m)</source>
        <translation>采用值（米）</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/thresholds.py" line="50"/>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/thresholds.py" line="55"/>
        <source>Save for this project</source>
        <translation>保存到本项目</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/thresholds.py" line="56"/>
        <source>Reset to catalogue</source>
        <translation>恢复目录默认值</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/layers.py" line="72"/>
        <source>file not found</source>
        <translation>找不到文件</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/layers.py" line="78"/>
        <source>cannot read the project: {0}</source>
        <translation>无法读取项目：{0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/layers.py" line="102"/>
        <source>cannot open the layer</source>
        <translation>无法打开图层</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/layers.py" line="130"/>
        <source>Life circle project</source>
        <translation>生活圈项目</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/layers.py" line="156"/>
        <source>Sub-districts (街镇)</source>
        <translation>街镇边界</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/layers.py" line="183"/>
        <source>the project has no evaluation results yet; run Evaluate first</source>
        <translation>项目尚无评估结果；请先运行“评估”</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/layers.py" line="187"/>
        <source>Evaluation results</source>
        <translation>评估结果</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/layers.py" line="191"/>
        <source>Residents: basic types within 15 min</source>
        <translation>居民点：15分钟内可达的基础设施类型数</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/layers.py" line="203"/>
        <source>Sub-district coverage table</source>
        <translation>街镇覆盖率表</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/layers.py" line="196"/>
        <source>Gaps per facility type</source>
        <translation>各类设施缺口</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/layers.py" line="196"/>
        <source>Gap: {0}</source>
        <translation>缺口：{0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/plugin.py" line="68"/>
        <source>New life circle project…</source>
        <translation>新建生活圈项目…</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/base.py" line="87"/>
        <source>Cancelled by the user; nothing was saved.</source>
        <translation>用户已取消，未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/base.py" line="126"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/base.py" line="127"/>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/base.py" line="128"/>
        <source>Site selection</source>
        <translation>选址</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/base.py" line="129"/>
        <source>Maps and reports</source>
        <translation>地图与报告</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/base.py" line="130"/>
        <source>Field survey</source>
        <translation>现场核查</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/build_project.py" line="38"/>
        <source>Build life circle project</source>
        <translation>构建生活圈项目</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/build_project.py" line="41"/>
        <source>Reads sub-districts with population and POI files (WGS84, GCJ-02 or BD-09 coordinates), OSM data, an optional walking network and residents layer; classifies every POI into the catalogue&apos;s facility types and writes one project GeoPackage. A failed or cancelled build leaves no file behind.</source>
        <translation>读取带人口的街镇边界、POI文件（WGS84、GCJ-02或BD-09坐标）、OSM数据以及可选的步行路网和居民图层；将每个POI归入目录中的设施类型，并写出一个项目GeoPackage。构建失败或取消时不会留下文件。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/build_project.py" line="50"/>
        <source>POI files in WGS84 (or with their own CRS)</source>
        <translation>WGS84坐标的POI文件（或自带坐标系）</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/build_project.py" line="51"/>
        <source>POI tables in GCJ-02 (AMap, Tencent)</source>
        <translation>GCJ-02坐标的POI表（高德、腾讯）</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/build_project.py" line="52"/>
        <source>POI tables in BD-09 (Baidu)</source>
        <translation>BD-09坐标的POI表（百度）</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/build_project.py" line="56"/>
        <source>OSM file (.osm / .pbf)</source>
        <translation>OSM文件（.osm / .pbf）</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/build_project.py" line="59"/>
        <source>Project CRS (empty = chosen for the area)</source>
        <translation>项目坐标系（留空 = 按区域自动选择）</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="70"/>
        <source>Project GeoPackage</source>
        <translation>项目GeoPackage</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/build_project.py" line="66"/>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/build_project.py" line="67"/>
        <source>Sub-districts</source>
        <translation>街镇</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/evaluate.py" line="70"/>
        <source>Resident origins</source>
        <translation>居民点</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/evaluate.py" line="46"/>
        <source>Evaluate walking access</source>
        <translation>评估步行可达性</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/evaluate.py" line="49"/>
        <source>Distances from every resident origin to the nearest facility of each type (along the walking network, or straight line × detour factor when the project has none), coverage shares per sub-district and task, the 达标 verdict, gaps and service areas. Results are written into the project GeoPackage; a cancelled run writes nothing.</source>
        <translation>计算每个居民点到各类最近设施的距离（沿步行路网；项目无路网时为直线距离 × 绕行系数），按街镇和任务统计覆盖率、达标判定、缺口和服务范围。结果写入项目GeoPackage；取消运行时不写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="50"/>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="50"/>
        <source>Existing facilities</source>
        <translation>现状设施</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="50"/>
        <source>With planned facilities</source>
        <translation>含规划设施</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/evaluate.py" line="60"/>
        <source>Use the walking network when the project has one</source>
        <translation>项目有步行路网时使用路网</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/evaluate.py" line="62"/>
        <source>Detour factor for straight-line distances (empty = catalogue)</source>
        <translation>直线距离绕行系数（留空 = 目录默认值）</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/evaluate.py" line="67"/>
        <source>Build service-area polygons</source>
        <translation>生成服务范围多边形</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/evaluate.py" line="71"/>
        <source>Facility types evaluated</source>
        <translation>已评估的设施类型</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/evaluate.py" line="72"/>
        <source>Sub-district × type rows</source>
        <translation>街镇 × 设施类型行数</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/evaluate.py" line="87"/>
        <source>Distances: {0}</source>
        <translation>距离：{0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/provider.py" line="46"/>
        <source>Life Circle (15-minute community life circle)</source>
        <translation>生活圈（15分钟社区生活圈）</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="83"/>
        <source>Candidate layer not found</source>
        <translation>找不到候选点图层</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="104"/>
        <source>Score candidate sites</source>
        <translation>候选选址评分</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="107"/>
        <source>For each candidate point and each chosen facility type: the residents a new facility there would newly bring within the type&apos;s walking threshold.</source>
        <translation>对每个候选点和所选的每类设施：计算在该处新建设施后，新进入该类设施步行阈值范围内的居民数。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="113"/>
        <source>Candidate sites</source>
        <translation>候选选址</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="115"/>
        <source>Facility types (none = all)</source>
        <translation>设施类型（不选 = 全部）</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="118"/>
        <source>Scored sites</source>
        <translation>选址评分结果</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="157"/>
        <source>Best sites for a facility type</source>
        <translation>某类设施的最佳选址</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="160"/>
        <source>Picks up to k candidate sites one after another, each time the one that brings the most not-yet-covered residents within the type&apos;s threshold. Without a candidate layer, the resident origins are the candidates.</source>
        <translation>依次选出最多k个候选点，每次选择能使最多尚未覆盖的居民进入该类设施阈值范围的点。未提供候选点图层时，以居民点作为候选点。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="169"/>
        <source>Number of sites</source>
        <translation>选址数量</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="172"/>
        <source>Candidate sites (empty = resident origins)</source>
        <translation>候选选址（留空 = 居民点）</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="175"/>
        <source>Also store the picks in the project (site_scores)</source>
        <translation>同时将选址结果保存到项目（site_scores）</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="177"/>
        <source>Best sites</source>
        <translation>最佳选址</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="178"/>
        <source>Sites picked</source>
        <translation>选出的选址数</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="188"/>
        <source>{0} is not evaluated in this project</source>
        <translation>本项目未评估 {0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sites.py" line="213"/>
        <source>{0} sites picked; residents covered after the last pick: {1:,.0f}</source>
        <translation>选出{0}处；最后一次选址后覆盖居民：{1:,.0f}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/tasks/core_task.py" line="73"/>
        <source>The task stopped.</source>
        <translation>任务已停止。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/tasks/jobs.py" line="29"/>
        <source>Downloading OSM facilities (Overpass API)</source>
        <translation>正在下载OSM设施（Overpass API）</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/tasks/jobs.py" line="36"/>
        <source>Life Circle: building the project</source>
        <translation>生活圈：正在构建项目</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/tasks/jobs.py" line="97"/>
        <source>Life Circle: evaluating walking access</source>
        <translation>生活圈：正在评估步行可达性</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/make_package_algorithm.py" line="42"/>
        <source>All tasks</source>
        <translation>全部任务</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/coverage.py" line="110"/>
        <source>{0}: {1} of {2} basic facility types with data meet their target (达标); {3} have no data.</source>
        <translation>{0}：有数据的{2}类基础设施中{1}类达标；{3}类无数据。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/coverage.py" line="142"/>
        <source>No facility of this type in the project: no data</source>
        <translation>项目中没有此类设施：无数据</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/layers.py" line="199"/>
        <source>Service areas per facility type</source>
        <translation>各类设施服务范围</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/layers.py" line="199"/>
        <source>Service area: {0}</source>
        <translation>服务范围：{0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/results.py" line="79"/>
        <source>straight line × {0} (no walking network)</source>
        <translation>直线距离 × {0}（无步行路网）</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/results.py" line="82"/>
        <source>along the walking network</source>
        <translation>沿步行路网</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/dock.py" line="123"/>
        <source>Score candidate sites…</source>
        <translation>候选选址评分…</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/dock.py" line="124"/>
        <source>Best sites…</source>
        <translation>最佳选址…</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/actions.py" line="43"/>
        <source>Make survey package…</source>
        <translation>制作调查包…</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/actions.py" line="43"/>
        <source>Import survey results…</source>
        <translation>导入调查结果…</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/actions.py" line="43"/>
        <source>Review survey conflicts</source>
        <translation>审核调查冲突</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/actions.py" line="43"/>
        <source>Export layers for official maps…</source>
        <translation>导出图层(用于正式地图)…</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/conflict_dock.py" line="211"/>
        <source>Survey conflicts</source>
        <translation>调查冲突</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/conflict_dock.py" line="59"/>
        <source>Facility / field</source>
        <translation>设施 / 字段</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/conflict_dock.py" line="59"/>
        <source>Base (package)</source>
        <translation>基准值(调查包)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/conflict_dock.py" line="59"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/conflict_dock.py" line="63"/>
        <source>Show resolved</source>
        <translation>显示已解决</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/conflict_dock.py" line="65"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/conflict_dock.py" line="67"/>
        <source>Keep project value</source>
        <translation>保留项目值</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/conflict_dock.py" line="69"/>
        <source>Accept field value</source>
        <translation>采用现场值</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/conflict_dock.py" line="189"/>
        <source>the project&apos;s values</source>
        <translation>项目中的值</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/conflict_dock.py" line="190"/>
        <source>the field survey&apos;s values</source>
        <translation>现场调查的值</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/conflict_dock.py" line="191"/>
        <source>Keep {0} for {1} field(s)? The other values are discarded and the conflicts are marked resolved.</source>
        <translation>对 {1} 个字段保留{0}?另一方的值将被舍弃,冲突标记为已解决。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/conflict_dock.py" line="205"/>
        <source>{0} conflict(s) resolved.</source>
        <translation>已解决 {0} 个冲突。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_choices.py" line="18"/>
        <source>Audited facilities</source>
        <translation>已核查设施</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_choices.py" line="19"/>
        <source>Audits</source>
        <translation>核查记录</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_choices.py" line="35"/>
        <source>GeoPackage</source>
        <translation>GeoPackage</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_choices.py" line="36"/>
        <source>Shapefile (with a field-name mapping CSV)</source>
        <translation>Shapefile(附字段名对照 CSV)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_choices.py" line="37"/>
        <source>GeoJSON</source>
        <translation>GeoJSON</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_choices.py" line="38"/>
        <source>CSV (UTF-8 with BOM, for Excel)</source>
        <translation>CSV(UTF-8 带 BOM,适用于 Excel)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_choices.py" line="42"/>
        <source>CGCS2000 geographic (EPSG:4490)</source>
        <translation>CGCS2000 地理坐标(EPSG:4490)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_choices.py" line="43"/>
        <source>CGCS2000 / Gauss-Krüger CM 120°E (EPSG:4549)</source>
        <translation>CGCS2000 / 高斯-克吕格 中央经线 120°E(EPSG:4549)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_choices.py" line="44"/>
        <source>WGS 84 (EPSG:4326)</source>
        <translation>WGS 84(EPSG:4326)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_choices.py" line="60"/>
        <source>{0}: {1} features -&gt; {2}</source>
        <translation>{0}:{1} 个要素 -&gt; {2}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_choices.py" line="63"/>
        <source>Not in the project (skipped): {0}</source>
        <translation>项目中没有(已跳过):{0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_choices.py" line="64"/>
        <source>Warning: {0}</source>
        <translation>警告:{0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_dialog.py" line="102"/>
        <source>Export layers</source>
        <translation>导出图层</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_dialog.py" line="63"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_layers_algorithm.py" line="38"/>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_layers_algorithm.py" line="41"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_layers_algorithm.py" line="44"/>
        <source>Coordinate system</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_layers_algorithm.py" line="47"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sync_base.py" line="44"/>
        <source>Choose the project GeoPackage.</source>
        <translation>请选择项目 GeoPackage。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_layers_algorithm.py" line="56"/>
        <source>Choose at least one layer.</source>
        <translation>请至少选择一个图层。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_dialog.py" line="86"/>
        <source>Choose the output folder.</source>
        <translation>请选择输出文件夹。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/export_dialog.py" line="102"/>
        <source>{0} layer(s) written to {1}</source>
        <translation>已将 {0} 个图层写入 {1}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/import_survey_algorithm.py" line="34"/>
        <source>Import survey results</source>
        <translation>导入调查结果</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="63"/>
        <source>Add packages…</source>
        <translation>添加调查包…</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="68"/>
        <source>Default: beside the project</source>
        <translation>默认:项目文件旁</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="69"/>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="69"/>
        <source>Adds</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="69"/>
        <source>Updates</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="69"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="69"/>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="79"/>
        <source>Notes of the dry run (schema changes, errors)</source>
        <translation>试运行说明(结构变化、错误)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="160"/>
        <source>Dry run</source>
        <translation>试运行</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="87"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="106"/>
        <source>Packages</source>
        <translation>调查包</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="107"/>
        <source>Photos folder</source>
        <translation>照片文件夹</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="111"/>
        <source>Dry run: what the import would do, per layer</source>
        <translation>试运行:导入将对各图层做什么</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/import_survey_algorithm.py" line="51"/>
        <source>Survey packages</source>
        <translation>调查包</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/make_package_algorithm.py" line="49"/>
        <source>Survey package (*{0})</source>
        <translation>调查包 (*{0})</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="160"/>
        <source>Nothing was written. Check the counts, then press Import.</source>
        <translation>未写入任何内容。请核对数量,然后点击“导入”。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="170"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="181"/>
        <source>Import refused</source>
        <translation>导入被拒绝</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_dialog.py" line="198"/>
        <source>Imported: {0} added, {1} updated, {2} conflicts held for review, {3} errors.</source>
        <translation>已导入:新增 {0},更新 {1},{2} 个冲突待审核,{3} 个错误。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_summary.py" line="39"/>
        <source>Schema change: {0}</source>
        <translation>结构变化:{0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_summary.py" line="40"/>
        <source>Kept in the JSON column (no field for it): {0}</source>
        <translation>保存在 JSON 列中(无对应字段):{0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/import_summary.py" line="42"/>
        <source>Error: {0}</source>
        <translation>错误:{0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/importer_calls.py" line="28"/>
        <source>Save or discard the edits of these layers first, then import again: {0}</source>
        <translation>请先保存或放弃以下图层的编辑,再重新导入:{0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/task_runner.py" line="44"/>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消,未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/messages.py" line="25"/>
        <source>Unexpected error: {0}. Details are in the Life Circle log.</source>
        <translation>意外错误:{0}。详情见 Life Circle 日志。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/make_package_algorithm.py" line="31"/>
        <source>Make survey package</source>
        <translation>制作调查包</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/package_dialog.py" line="60"/>
        <source>Name of the inspector</source>
        <translation>核查员姓名</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/package_dialog.py" line="67"/>
        <source>Make package</source>
        <translation>制作调查包</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/make_package_algorithm.py" line="48"/>
        <source>Inspector</source>
        <translation>核查员</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/package_dialog.py" line="77"/>
        <source>Package file</source>
        <translation>调查包文件</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/package_dialog.py" line="87"/>
        <source>All sub-districts</source>
        <translation>全部街镇</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/package_dialog.py" line="104"/>
        <source>Only the facilities selected on the map ({0} selected)</source>
        <translation>仅限地图上选中的设施(已选 {0} 个)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/package_dialog.py" line="122"/>
        <source>Choose where to save the package.</source>
        <translation>请选择调查包的保存位置。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/make_package_algorithm.py" line="59"/>
        <source>Enter the inspector&apos;s name.</source>
        <translation>请输入核查员姓名。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/package_dialog.py" line="140"/>
        <source>Package written: {0}</source>
        <translation>调查包已写入:{0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/widgets.py" line="26"/>
        <source>Life Circle project (*.gpkg)</source>
        <translation>生活圈项目 (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_layers_algorithm.py" line="29"/>
        <source>Export layers for official maps</source>
        <translation>导出图层(用于正式地图)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_layers_algorithm.py" line="32"/>
        <source>Writes audited facilities, audits and evaluation results as GeoPackage, Shapefile (UTF-8, with a CSV mapping the shortened field names), GeoJSON or CSV (UTF-8 with BOM) in CGCS2000 or WGS 84.</source>
        <translation>将已核查设施、核查记录和评估结果导出为 GeoPackage、Shapefile(UTF-8,附缩短字段名对照 CSV)、GeoJSON 或 CSV(UTF-8 带 BOM),坐标系为 CGCS2000 或 WGS 84。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_layers_algorithm.py" line="49"/>
        <source>Files written</source>
        <translation>已写入的文件</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_layers_algorithm.py" line="67"/>
        <source>The project has none of the chosen layers: {0}</source>
        <translation>项目中没有所选的任何图层:{0}</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="55"/>
        <source>Export official map and report</source>
        <translation>导出官方地图和报告</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="58"/>
        <source>Exports the official map of an evaluated project: one PDF page per sub-district (title, map, legend, scale bar, north arrow, CGCS2000 note, data sources and date, OSM attribution, distance method), PNG images at the chosen DPI, and an HTML report with the tables per sub-district and task, the unverified thresholds and the data sources.</source>
        <translation>导出已评估项目的官方地图：每个街镇一页PDF（标题、地图、图例、比例尺、指北针、CGCS2000坐标系说明、数据来源和日期、OSM署名、距离计算方法），按所选DPI输出PNG图片，以及包含各街镇和各任务表格、未核实阈值和数据来源的HTML报告。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="72"/>
        <source>Sub-districts (comma-separated names; empty = all)</source>
        <translation>街镇（以逗号分隔的名称；留空 = 全部）</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="75"/>
        <source>Also export the district overview map</source>
        <translation>同时导出全区总览图</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="77"/>
        <source>Resolution (DPI)</source>
        <translation>分辨率（DPI）</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="80"/>
        <source>Official map (PDF)</source>
        <translation>官方地图（PDF）</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="80"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="82"/>
        <source>Folder for PNG maps</source>
        <translation>PNG地图输出文件夹</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="85"/>
        <source>HTML report</source>
        <translation>HTML报告</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="85"/>
        <source>HTML files (*.html)</source>
        <translation>HTML文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="88"/>
        <source>PDF pages</source>
        <translation>PDF页数</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="124"/>
        <source>Official map written</source>
        <translation>官方地图已写出</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/import_survey_algorithm.py" line="37"/>
        <source>Merges returned survey packages into the project: audits and photos are added, facility changes merged field by field, conflicts held for review. With &apos;dry run&apos; nothing is written and the counts say what would happen.</source>
        <translation>将交回的调查包合并到项目中:新增核查记录和照片,设施变更逐字段合并,冲突留待审核。选择“试运行”时不写入任何内容,只统计将会发生的变化。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/import_survey_algorithm.py" line="53"/>
        <source>Dry run (write nothing)</source>
        <translation>试运行(不写入)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/import_survey_algorithm.py" line="55"/>
        <source>Photos folder (default: beside the project)</source>
        <translation>照片文件夹(默认:项目文件旁)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/import_survey_algorithm.py" line="60"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/make_package_algorithm.py" line="34"/>
        <source>Writes a survey package (one SQLite file) for field inspectors: the facilities of a sub-district and task (or the selected features of the facilities layer), their checklists and the offline map context.</source>
        <translation>为现场核查员制作调查包(一个 SQLite 文件):某街镇某任务的设施(或设施图层中选中的要素)、其核查清单及离线地图底图。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/make_package_algorithm.py" line="40"/>
        <source>Sub-district (empty: all)</source>
        <translation>街镇(留空:全部)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/make_package_algorithm.py" line="45"/>
        <source>Only these facilities (a layer with a uuid field)</source>
        <translation>仅限这些设施(含 uuid 字段的图层)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/make_package_algorithm.py" line="49"/>
        <source>Survey package</source>
        <translation>调查包</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/make_package_algorithm.py" line="76"/>
        <source>The facilities layer has no &apos;uuid&apos; field; choose the project&apos;s facilities layer.</source>
        <translation>设施图层没有“uuid”字段,请选择项目的设施图层。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/make_package_algorithm.py" line="81"/>
        <source>No facility was chosen.</source>
        <translation>未选择任何设施。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/sync_base.py" line="37"/>
        <source>Life Circle project (GeoPackage)</source>
        <translation>生活圈项目(GeoPackage)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/survey/conflict_model.py" line="97"/>
        <source>{0} — not in the project</source>
        <translation>{0}(项目中已不存在)</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/options_page.py" line="27"/>
        <source>chosen for the area (EPSG:4549 for Shanghai)</source>
        <translation>按区域自动选择（上海为EPSG:4549）</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/options_page.py" line="28"/>
        <source>Build and load service-area polygons</source>
        <translation>生成并加载服务范围多边形</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/options_page.py" line="34"/>
        <source>CRS of new projects</source>
        <translation>新项目的坐标系</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/options_page.py" line="35"/>
        <source>Overpass API server</source>
        <translation>Overpass API服务器</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/gui/options_page.py" line="37"/>
        <source>Facility labels from scale 1:</source>
        <translation>设施标注显示的最小比例尺 1:</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/base.py" line="98"/>
        <source>Internal error in {0} ({1}). The details are in the log (Log Messages panel, tab &quot;Life Circle&quot;).</source>
        <translation>{0} 内部错误（{1}）。详情见日志（日志消息面板，“Life Circle”标签页）。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/base.py" line="119"/>
        <source>{0} ({1}): {2} is not one of the choices ({3})</source>
        <translation>{0}（{1}）：{2} 不是可选项之一（{3}）</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="137"/>
        <source>project file not found</source>
        <translation>找不到项目文件</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="141"/>
        <source>not a Life Circle project: the layer is missing; build the project first (lifecircle:buildproject)</source>
        <translation>不是生活圈项目：缺少该图层；请先建立项目（lifecircle:buildproject）</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="146"/>
        <source>the output is a folder; give a file name</source>
        <translation>输出是一个文件夹；请给出文件名</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/export_map.py" line="148"/>
        <source>the PNG output must be a folder, not a file</source>
        <translation>PNG 输出必须是文件夹，而不是文件</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/import_survey_algorithm.py" line="83"/>
        <source>No survey package given: choose at least one survey package (.lcsurvey).</source>
        <translation>未给出调查包：请至少选择一个调查包（.lcsurvey）。</translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/processing/build_project.py" line="63"/>
        <source>Population field of the sub-districts (empty = pop_census2010, population, 人口 …)</source>
        <translation>街镇人口字段（留空 = pop_census2010、population、人口 …）</translation>
    </message>
</context>
</TS>
