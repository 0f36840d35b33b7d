<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>AddFacilityDialog</name>
    <message>
        <location filename="../../survey_app/dialogs.py" line="55"/>
        <source>Add a facility found on site</source>
        <translation>添加现场发现的设施</translation>
    </message>
    <message>
        <location filename="../../survey_app/dialogs.py" line="67"/>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../survey_app/dialogs.py" line="68"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../survey_app/dialogs.py" line="69"/>
        <source>Position:</source>
        <translation>位置：</translation>
    </message>
    <message>
        <location filename="../../survey_app/dialogs.py" line="75"/>
        <source>Enter a name.</source>
        <translation>请输入名称。</translation>
    </message>
</context>
<context>
    <name>AuditForm</name>
    <message>
        <location filename="../../survey_app/form.py" line="104"/>
        <source>Other photos (drop image files here):</source>
        <translation>其他照片（可将图片文件拖到此处）：</translation>
    </message>
    <message>
        <location filename="../../survey_app/form.py" line="116"/>
        <source>Mark complete</source>
        <translation>标记为完成</translation>
    </message>
    <message>
        <location filename="../../survey_app/form.py" line="119"/>
        <source>Reopen audit</source>
        <translation>重新打开核查</translation>
    </message>
    <message>
        <location filename="../../survey_app/form.py" line="139"/>
        <source>Choose a facility in the list or on the map.</source>
        <translation>请在列表或地图上选择一个设施。</translation>
    </message>
    <message>
        <location filename="../../survey_app/form.py" line="247"/>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../../survey_app/form.py" line="250"/>
        <source>Cannot mark complete; answer first:</source>
        <translation>无法标记为完成，请先回答：</translation>
    </message>
</context>
<context>
    <name>AuditState</name>
    <message>
        <location filename="../../survey_app/models.py" line="120"/>
        <source>not audited</source>
        <translation>未核查</translation>
    </message>
    <message>
        <location filename="../../survey_app/models.py" line="121"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../survey_app/models.py" line="122"/>
        <source>complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../survey_app/models.py" line="123"/>
        <source>problem</source>
        <translation>有问题</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../survey_app/dialogs.py" line="41"/>
        <source>Inspector</source>
        <translation>核查员</translation>
    </message>
    <message>
        <location filename="../../survey_app/dialogs.py" line="42"/>
        <source>Your name (recorded with every answer):</source>
        <translation>您的姓名（随每条回答一并记录）：</translation>
    </message>
</context>
<context>
    <name>FacilityDetailsDialog</name>
    <message>
        <location filename="../../survey_app/dialogs.py" line="89"/>
        <source>Name and address</source>
        <translation>名称和地址</translation>
    </message>
    <message>
        <location filename="../../survey_app/dialogs.py" line="99"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../survey_app/dialogs.py" line="100"/>
        <source>A&amp;ddress:</source>
        <translation>地址(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../survey_app/dialogs.py" line="106"/>
        <source>Enter a name.</source>
        <translation>请输入名称。</translation>
    </message>
</context>
<context>
    <name>FacilityListPanel</name>
    <message>
        <location filename="../../survey_app/listpanel.py" line="36"/>
        <source>Search name, address or type</source>
        <translation>搜索名称、地址或类型</translation>
    </message>
    <message>
        <location filename="../../survey_app/listpanel.py" line="64"/>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../survey_app/listpanel.py" line="65"/>
        <source>T&amp;ask:</source>
        <translation>任务(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../survey_app/listpanel.py" line="66"/>
        <source>T&amp;ype:</source>
        <translation>类型(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../survey_app/listpanel.py" line="67"/>
        <source>S&amp;tate:</source>
        <translation>核查状态(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../survey_app/listpanel.py" line="68"/>
        <source>Au&amp;dited:</source>
        <translation>是否已核查(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../survey_app/listpanel.py" line="105"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../survey_app/listpanel.py" line="77"/>
        <source>Audited</source>
        <translation>已核查</translation>
    </message>
    <message>
        <location filename="../../survey_app/listpanel.py" line="78"/>
        <source>Not audited</source>
        <translation>未核查</translation>
    </message>
</context>
<context>
    <name>FacilityTableModel</name>
    <message>
        <location filename="../../survey_app/models.py" line="79"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../survey_app/models.py" line="79"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../survey_app/models.py" line="79"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../survey_app/models.py" line="79"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../survey_app/models.py" line="79"/>
        <source>Audit</source>
        <translation>核查</translation>
    </message>
    <message>
        <location filename="../../survey_app/models.py" line="96"/>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../survey_app/history.py" line="17"/>
        <source>Audit started</source>
        <translation>开始核查</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="18"/>
        <source>Audit completed</source>
        <translation>核查完成</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="19"/>
        <source>Photo added</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="24"/>
        <source>Name changed</source>
        <translation>名称修改</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="25"/>
        <source>Address changed</source>
        <translation>地址修改</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="26"/>
        <source>Status changed</source>
        <translation>状态修改</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="27"/>
        <source>Position moved (x)</source>
        <translation>位置移动（x）</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="28"/>
        <source>Position moved (y)</source>
        <translation>位置移动（y）</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="29"/>
        <source>Type changed</source>
        <translation>类型修改</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="30"/>
        <source>Facility added on site</source>
        <translation>现场新增设施</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="31"/>
        <source>Audit reopened</source>
        <translation>核查重新打开</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="51"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="51"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="62"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="62"/>
        <source>Inspector</source>
        <translation>核查员</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="62"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="62"/>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="62"/>
        <source>New value</source>
        <translation>新值</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../survey_app/window.py" line="54"/>
        <source>Move facility</source>
        <translation>移动设施</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="87"/>
        <source>Audit</source>
        <translation>核查</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="88"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="110"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="111"/>
        <source>&amp;Open package…</source>
        <translation>打开调查包(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="113"/>
        <source>&amp;Save answer</source>
        <translation>保存回答(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="116"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="117"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="118"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="120"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="123"/>
        <source>F&amp;acility</source>
        <translation>设施(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="124"/>
        <source>&amp;Next facility</source>
        <translation>下一个设施(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="126"/>
        <source>&amp;Previous facility</source>
        <translation>上一个设施(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="129"/>
        <source>&amp;Add facility found on site…</source>
        <translation>添加现场发现的设施(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="134"/>
        <source>Mark &amp;closed</source>
        <translation>标记为已关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="134"/>
        <source>Mark &amp;moved</source>
        <translation>标记为已搬迁(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="134"/>
        <source>Mark not &amp;found</source>
        <translation>标记为未找到(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="134"/>
        <source>Mark &amp;existing</source>
        <translation>标记为现存(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="141"/>
        <source>Mark audit &amp;complete</source>
        <translation>标记核查完成(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="144"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="145"/>
        <source>&amp;Zoom to all</source>
        <translation>缩放至全部(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="146"/>
        <source>&amp;Find facility</source>
        <translation>查找设施(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="148"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="149"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="182"/>
        <source>Life Circle survey</source>
        <translation>生活圈设施核查</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="187"/>
        <source>inspector: {}</source>
        <translation>核查员：{}</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="192"/>
        <source>Open survey package</source>
        <translation>打开调查包</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="192"/>
        <source>Survey packages ({})</source>
        <translation>调查包 ({})</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="231"/>
        <source>Cannot open survey package</source>
        <translation>无法打开调查包</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="231"/>
        <source>The file {} cannot be opened as a survey package:
{}

The file was not changed.</source>
        <translation>文件 {} 无法作为调查包打开：
{}

该文件未被修改。</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="240"/>
        <source>Task {}</source>
        <translation>任务 {}</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="295"/>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="303"/>
        <source>Status: {} · Audit: {}</source>
        <translation>状态：{} · 核查：{}</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="339"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="360"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="364"/>
        <source>All answers are saved</source>
        <translation>所有回答均已保存</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="371"/>
        <source>Audit marked complete</source>
        <translation>核查已标记为完成</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="422"/>
        <source>Move “{}” by {} m to the new position?
The original position is kept in the history.</source>
        <translation>将“{}”移动 {} 米到新位置吗？
原位置会保留在历史记录中。</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="425"/>
        <source>Correct position</source>
        <translation>更正位置</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="435"/>
        <source>Click the facility&apos;s position on the map</source>
        <translation>请在地图上点击设施的位置</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="454"/>
        <source>Facility added</source>
        <translation>设施已添加</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="463"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="131"/>
        <source>&amp;Edit name and address…</source>
        <translation>修改名称和地址(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="391"/>
        <source>Remove photo</source>
        <translation>删除照片</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="391"/>
        <source>Remove this photo from the package?</source>
        <translation>要从调查包中删除这张照片吗？</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="153"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="256"/>
        <source>{} facilities · {} audited · {} with problems</source>
        <translation>共 {} 个设施 · 已核查 {} 个 · 有问题 {} 个</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="293"/>
        <source>Cannot show this facility</source>
        <translation>无法显示该设施</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../survey_app/mapview.py" line="317"/>
        <source>{} km</source>
        <translation>{} 公里</translation>
    </message>
    <message>
        <location filename="../../survey_app/mapview.py" line="317"/>
        <source>{} m</source>
        <translation>{} 米</translation>
    </message>
</context>
<context>
    <name>MomentField</name>
    <message>
        <location filename="../../survey_app/fields.py" line="215"/>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../survey_app/fields.py" line="221"/>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日 (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../survey_app/fields.py" line="221"/>
        <source>HH:MM</source>
        <translation>时：分 (HH:MM)</translation>
    </message>
    <message>
        <location filename="../../survey_app/fields.py" line="222"/>
        <source>YYYY-MM-DD HH:MM</source>
        <translation>年-月-日 时：分</translation>
    </message>
</context>
<context>
    <name>PhotoField</name>
    <message>
        <location filename="../../survey_app/photos.py" line="51"/>
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../survey_app/photos.py" line="62"/>
        <source>Choose photos</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <location filename="../../survey_app/photos.py" line="62"/>
        <source>Images (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.heic *.tif *.tiff)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.heic *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../../survey_app/photos.py" line="84"/>
        <source>Remove this photo</source>
        <translation>删除这张照片</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../survey_app/models.py" line="108"/>
        <source>existing</source>
        <translation>现存</translation>
    </message>
    <message>
        <location filename="../../survey_app/models.py" line="109"/>
        <source>planned</source>
        <translation>规划中</translation>
    </message>
    <message>
        <location filename="../../survey_app/models.py" line="110"/>
        <source>under construction</source>
        <translation>在建</translation>
    </message>
    <message>
        <location filename="../../survey_app/models.py" line="111"/>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../survey_app/models.py" line="112"/>
        <source>moved</source>
        <translation>已搬迁</translation>
    </message>
    <message>
        <location filename="../../survey_app/models.py" line="113"/>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <location filename="../../survey_app/questions.py" line="37"/>
        <source>Not a date (YYYY-MM-DD): {}</source>
        <translation>不是有效日期（YYYY-MM-DD）：{}</translation>
    </message>
    <message>
        <location filename="../../survey_app/questions.py" line="40"/>
        <source>Not a time (HH:MM): {}</source>
        <translation>不是有效时间（HH:MM）：{}</translation>
    </message>
    <message>
        <location filename="../../survey_app/questions.py" line="43"/>
        <source>Not a date and time (YYYY-MM-DD HH:MM): {}</source>
        <translation>不是有效的日期时间（YYYY-MM-DD HH:MM）：{}</translation>
    </message>
    <message>
        <location filename="../../survey_app/questions.py" line="50"/>
        <source>Not a number: {}</source>
        <translation>不是数字：{}</translation>
    </message>
    <message>
        <location filename="../../survey_app/questions.py" line="52"/>
        <source>Must be a whole number: {}</source>
        <translation>必须为整数：{}</translation>
    </message>
    <message>
        <location filename="../../survey_app/questions.py" line="54"/>
        <source>Must be at least {}</source>
        <translation>不能小于 {}</translation>
    </message>
    <message>
        <location filename="../../survey_app/questions.py" line="56"/>
        <source>Must be at most {}</source>
        <translation>不能大于 {}</translation>
    </message>
</context>
<context>
    <name>YesNoField</name>
    <message>
        <location filename="../../survey_app/fields.py" line="59"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../survey_app/fields.py" line="60"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
</TS>
