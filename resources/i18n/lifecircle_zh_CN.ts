<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../../lifecircle_plugin/plugin.py" line="42"/>
        <source>Life circle panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/plugin.py" line="53"/>
        <source>Life Circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lifecircle_plugin/plugin.py" line="53"/>
        <source>Missing Python packages: {0}. Install them with: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
