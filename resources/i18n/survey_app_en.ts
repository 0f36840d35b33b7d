<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>AddFacilityDialog</name>
    <message>
        <location filename="../../survey_app/dialogs.py" line="55"/>
        <source>Add a facility found on site</source>
        <translation>Add a facility found on site</translation>
    </message>
    <message>
        <location filename="../../survey_app/dialogs.py" line="67"/>
        <source>&amp;Type:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <location filename="../../survey_app/dialogs.py" line="68"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../survey_app/dialogs.py" line="69"/>
        <source>Position:</source>
        <translation>Position:</translation>
    </message>
    <message>
        <location filename="../../survey_app/dialogs.py" line="75"/>
        <source>Enter a name.</source>
        <translation>Enter a name.</translation>
    </message>
</context>
<context>
    <name>AuditForm</name>
    <message>
        <location filename="../../survey_app/form.py" line="104"/>
        <source>Other photos (drop image files here):</source>
        <translation>Other photos (drop image files here):</translation>
    </message>
    <message>
        <location filename="../../survey_app/form.py" line="116"/>
        <source>Mark complete</source>
        <translation>Mark complete</translation>
    </message>
    <message>
        <location filename="../../survey_app/form.py" line="119"/>
        <source>Reopen audit</source>
        <translation>Reopen audit</translation>
    </message>
    <message>
        <location filename="../../survey_app/form.py" line="139"/>
        <source>Choose a facility in the list or on the map.</source>
        <translation>Choose a facility in the list or on the map.</translation>
    </message>
    <message>
        <location filename="../../survey_app/form.py" line="247"/>
        <source>Required</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../survey_app/form.py" line="250"/>
        <source>Cannot mark complete; answer first:</source>
        <translation>Cannot mark complete; answer first:</translation>
    </message>
</context>
<context>
    <name>AuditState</name>
    <message>
        <location filename="../../survey_app/models.py" line="120"/>
        <source>not audited</source>
        <translation>not audited</translation>
    </message>
    <message>
        <location filename="../../survey_app/models.py" line="121"/>
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../survey_app/models.py" line="122"/>
        <source>complete</source>
        <translation>complete</translation>
    </message>
    <message>
        <location filename="../../survey_app/models.py" line="123"/>
        <source>problem</source>
        <translation>problem</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../survey_app/dialogs.py" line="41"/>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../survey_app/dialogs.py" line="42"/>
        <source>Your name (recorded with every answer):</source>
        <translation>Your name (recorded with every answer):</translation>
    </message>
</context>
<context>
    <name>FacilityDetailsDialog</name>
    <message>
        <location filename="../../survey_app/dialogs.py" line="89"/>
        <source>Name and address</source>
        <translation>Name and address</translation>
    </message>
    <message>
        <location filename="../../survey_app/dialogs.py" line="99"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../survey_app/dialogs.py" line="100"/>
        <source>A&amp;ddress:</source>
        <translation>A&amp;ddress:</translation>
    </message>
    <message>
        <location filename="../../survey_app/dialogs.py" line="106"/>
        <source>Enter a name.</source>
        <translation>Enter a name.</translation>
    </message>
</context>
<context>
    <name>FacilityListPanel</name>
    <message>
        <location filename="../../survey_app/listpanel.py" line="36"/>
        <source>Search name, address or type</source>
        <translation>Search name, address or type</translation>
    </message>
    <message>
        <location filename="../../survey_app/listpanel.py" line="64"/>
        <source>&amp;Search:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../survey_app/listpanel.py" line="65"/>
        <source>T&amp;ask:</source>
        <translation>T&amp;ask:</translation>
    </message>
    <message>
        <location filename="../../survey_app/listpanel.py" line="66"/>
        <source>T&amp;ype:</source>
        <translation>T&amp;ype:</translation>
    </message>
    <message>
        <location filename="../../survey_app/listpanel.py" line="67"/>
        <source>S&amp;tate:</source>
        <translation>S&amp;tate:</translation>
    </message>
    <message>
        <location filename="../../survey_app/listpanel.py" line="68"/>
        <source>Au&amp;dited:</source>
        <translation>Au&amp;dited:</translation>
    </message>
    <message>
        <location filename="../../survey_app/listpanel.py" line="105"/>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../survey_app/listpanel.py" line="77"/>
        <source>Audited</source>
        <translation>Audited</translation>
    </message>
    <message>
        <location filename="../../survey_app/listpanel.py" line="78"/>
        <source>Not audited</source>
        <translation>Not audited</translation>
    </message>
</context>
<context>
    <name>FacilityTableModel</name>
    <message>
        <location filename="../../survey_app/models.py" line="79"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../survey_app/models.py" line="79"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../survey_app/models.py" line="79"/>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../survey_app/models.py" line="79"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../survey_app/models.py" line="79"/>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <location filename="../../survey_app/models.py" line="96"/>
        <source>(no name)</source>
        <translation>(no name)</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../survey_app/history.py" line="17"/>
        <source>Audit started</source>
        <translation>Audit started</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="18"/>
        <source>Audit completed</source>
        <translation>Audit completed</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="19"/>
        <source>Photo added</source>
        <translation>Photo added</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="24"/>
        <source>Name changed</source>
        <translation>Name changed</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="25"/>
        <source>Address changed</source>
        <translation>Address changed</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="26"/>
        <source>Status changed</source>
        <translation>Status changed</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="27"/>
        <source>Position moved (x)</source>
        <translation>Position moved (x)</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="28"/>
        <source>Position moved (y)</source>
        <translation>Position moved (y)</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="29"/>
        <source>Type changed</source>
        <translation>Type changed</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="30"/>
        <source>Facility added on site</source>
        <translation>Facility added on site</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="31"/>
        <source>Audit reopened</source>
        <translation>Audit reopened</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="51"/>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="51"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="62"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="62"/>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="62"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="62"/>
        <source>Old value</source>
        <translation>Old value</translation>
    </message>
    <message>
        <location filename="../../survey_app/history.py" line="62"/>
        <source>New value</source>
        <translation>New value</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../survey_app/window.py" line="54"/>
        <source>Move facility</source>
        <translation>Move facility</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="87"/>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="88"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="110"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="111"/>
        <source>&amp;Open package…</source>
        <translation>&amp;Open package…</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="113"/>
        <source>&amp;Save answer</source>
        <translation>&amp;Save answer</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="116"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="117"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="118"/>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="120"/>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="123"/>
        <source>F&amp;acility</source>
        <translation>F&amp;acility</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="124"/>
        <source>&amp;Next facility</source>
        <translation>&amp;Next facility</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="126"/>
        <source>&amp;Previous facility</source>
        <translation>&amp;Previous facility</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="129"/>
        <source>&amp;Add facility found on site…</source>
        <translation>&amp;Add facility found on site…</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="134"/>
        <source>Mark &amp;closed</source>
        <translation>Mark &amp;closed</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="134"/>
        <source>Mark &amp;moved</source>
        <translation>Mark &amp;moved</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="134"/>
        <source>Mark not &amp;found</source>
        <translation>Mark not &amp;found</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="134"/>
        <source>Mark &amp;existing</source>
        <translation>Mark &amp;existing</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="141"/>
        <source>Mark audit &amp;complete</source>
        <translation>Mark audit &amp;complete</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="144"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="145"/>
        <source>&amp;Zoom to all</source>
        <translation>&amp;Zoom to all</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="146"/>
        <source>&amp;Find facility</source>
        <translation>&amp;Find facility</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="148"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="149"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="182"/>
        <source>Life Circle survey</source>
        <translation>Life Circle survey</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="187"/>
        <source>inspector: {}</source>
        <translation>inspector: {}</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="192"/>
        <source>Open survey package</source>
        <translation>Open survey package</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="192"/>
        <source>Survey packages ({})</source>
        <translation>Survey packages ({})</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="231"/>
        <source>Cannot open survey package</source>
        <translation>Cannot open survey package</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="231"/>
        <source>The file {} cannot be opened as a survey package:
{}

The file was not changed.</source>
        <translation>The file {} cannot be opened as a survey package:
{}

The file was not changed.</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="240"/>
        <source>Task {}</source>
        <translation>Task {}</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="295"/>
        <source>(no name)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="303"/>
        <source>Status: {} · Audit: {}</source>
        <translation>Status: {} · Audit: {}</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="339"/>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="360"/>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="364"/>
        <source>All answers are saved</source>
        <translation>All answers are saved</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="371"/>
        <source>Audit marked complete</source>
        <translation>Audit marked complete</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="422"/>
        <source>Move “{}” by {} m to the new position?
The original position is kept in the history.</source>
        <translation>Move “{}” by {} m to the new position?
The original position is kept in the history.</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="425"/>
        <source>Correct position</source>
        <translation>Correct position</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="435"/>
        <source>Click the facility&apos;s position on the map</source>
        <translation>Click the facility's position on the map</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="454"/>
        <source>Facility added</source>
        <translation>Facility added</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="463"/>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="131"/>
        <source>&amp;Edit name and address…</source>
        <translation>&amp;Edit name and address…</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="391"/>
        <source>Remove photo</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="391"/>
        <source>Remove this photo from the package?</source>
        <translation>Remove this photo from the package?</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="153"/>
        <source>Main</source>
        <translation>Main</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="256"/>
        <source>{} facilities · {} audited · {} with problems</source>
        <translation>{} facilities · {} audited · {} with problems</translation>
    </message>
    <message>
        <location filename="../../survey_app/window.py" line="293"/>
        <source>Cannot show this facility</source>
        <translation>Cannot show this facility</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../survey_app/mapview.py" line="317"/>
        <source>{} km</source>
        <translation>{} km</translation>
    </message>
    <message>
        <location filename="../../survey_app/mapview.py" line="317"/>
        <source>{} m</source>
        <translation>{} m</translation>
    </message>
</context>
<context>
    <name>MomentField</name>
    <message>
        <location filename="../../survey_app/fields.py" line="215"/>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <location filename="../../survey_app/fields.py" line="221"/>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../survey_app/fields.py" line="221"/>
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
    <message>
        <location filename="../../survey_app/fields.py" line="222"/>
        <source>YYYY-MM-DD HH:MM</source>
        <translation>YYYY-MM-DD HH:MM</translation>
    </message>
</context>
<context>
    <name>PhotoField</name>
    <message>
        <location filename="../../survey_app/photos.py" line="51"/>
        <source>Add photo…</source>
        <translation>Add photo…</translation>
    </message>
    <message>
        <location filename="../../survey_app/photos.py" line="62"/>
        <source>Choose photos</source>
        <translation>Choose photos</translation>
    </message>
    <message>
        <location filename="../../survey_app/photos.py" line="62"/>
        <source>Images (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.heic *.tif *.tiff)</source>
        <translation>Images (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.heic *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../../survey_app/photos.py" line="84"/>
        <source>Remove this photo</source>
        <translation>Remove this photo</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../survey_app/models.py" line="108"/>
        <source>existing</source>
        <translation>existing</translation>
    </message>
    <message>
        <location filename="../../survey_app/models.py" line="109"/>
        <source>planned</source>
        <translation>planned</translation>
    </message>
    <message>
        <location filename="../../survey_app/models.py" line="110"/>
        <source>under construction</source>
        <translation>under construction</translation>
    </message>
    <message>
        <location filename="../../survey_app/models.py" line="111"/>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../survey_app/models.py" line="112"/>
        <source>moved</source>
        <translation>moved</translation>
    </message>
    <message>
        <location filename="../../survey_app/models.py" line="113"/>
        <source>not found</source>
        <translation>not found</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <location filename="../../survey_app/questions.py" line="37"/>
        <source>Not a date (YYYY-MM-DD): {}</source>
        <translation>Not a date (YYYY-MM-DD): {}</translation>
    </message>
    <message>
        <location filename="../../survey_app/questions.py" line="40"/>
        <source>Not a time (HH:MM): {}</source>
        <translation>Not a time (HH:MM): {}</translation>
    </message>
    <message>
        <location filename="../../survey_app/questions.py" line="43"/>
        <source>Not a date and time (YYYY-MM-DD HH:MM): {}</source>
        <translation>Not a date and time (YYYY-MM-DD HH:MM): {}</translation>
    </message>
    <message>
        <location filename="../../survey_app/questions.py" line="50"/>
        <source>Not a number: {}</source>
        <translation>Not a number: {}</translation>
    </message>
    <message>
        <location filename="../../survey_app/questions.py" line="52"/>
        <source>Must be a whole number: {}</source>
        <translation>Must be a whole number: {}</translation>
    </message>
    <message>
        <location filename="../../survey_app/questions.py" line="54"/>
        <source>Must be at least {}</source>
        <translation>Must be at least {}</translation>
    </message>
    <message>
        <location filename="../../survey_app/questions.py" line="56"/>
        <source>Must be at most {}</source>
        <translation>Must be at most {}</translation>
    </message>
</context>
<context>
    <name>YesNoField</name>
    <message>
        <location filename="../../survey_app/fields.py" line="59"/>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../survey_app/fields.py" line="60"/>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
</TS>
