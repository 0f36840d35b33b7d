"""One colour per task (任务一 … 任务十二), shared by icons, layer styles and the dock.

Chosen to stay apart from each other on a light base map. Plain data, no Qt, so the icon
script and the core-free parts can read it too.
"""
from __future__ import annotations

TASK_COLOURS = {
    1: "#c62828", 2: "#6d4c41", 3: "#ef6c00", 4: "#5e35b1", 5: "#2e7d32", 6: "#ad1457",
    7: "#0277bd", 8: "#f9a825", 9: "#00897b", 10: "#d81b60", 11: "#455a64", 12: "#3949ab",
}
