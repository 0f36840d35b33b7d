"""Widgets of the plugin: the 生活圈 dock, dialogs and map tools."""
