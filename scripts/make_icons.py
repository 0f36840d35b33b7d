"""Generate the SVG icon of every facility type once; the files are committed.

Each icon is a round badge in its task's colour (twelve colours, one per task) with a white
glyph that tells the types of one task apart (circle, square, triangle, …). Plain SVG
shapes only, no text, so icons look the same on every machine whatever fonts it has.
Run again only when the catalogue gains a type: `.venv/bin/python scripts/make_icons.py`.
"""
from __future__ import annotations

import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lifecircle_plugin.core.catalogue import load_catalogue  # noqa: E402
from lifecircle_plugin.task_colours import TASK_COLOURS  # noqa: E402

OUT = ROOT / "resources" / "icons" / "facility"


def _polygon(sides: int, radius: float, rotation: float = -90.0, star: bool = False) -> str:
    points = []
    count = sides * 2 if star else sides
    for i in range(count):
        r = radius if not star or i % 2 == 0 else radius * 0.45
        angle = math.radians(rotation + 360.0 * i / count)
        points.append(f"{32 + r * math.cos(angle):.2f},{32 + r * math.sin(angle):.2f}")
    return f'<polygon points="{" ".join(points)}" fill="#ffffff"/>'


GLYPHS = [
    '<circle cx="32" cy="32" r="11" fill="#ffffff"/>',
    '<rect x="21" y="21" width="22" height="22" fill="#ffffff"/>',
    _polygon(3, 14),
    _polygon(4, 14, rotation=0),
    _polygon(5, 14, star=True),
    '<path d="M27 19h10v8h8v10h-8v8H27v-8h-8V27h8z" fill="#ffffff"/>',
    _polygon(6, 13),
    '<circle cx="32" cy="32" r="11" fill="none" stroke="#ffffff" stroke-width="5"/>',
    '<rect x="21" y="21" width="22" height="22" fill="none" stroke="#ffffff" stroke-width="5"/>',
    _polygon(3, 14, rotation=90),
    _polygon(8, 13, star=True),
    '<rect x="18" y="27" width="28" height="10" fill="#ffffff"/>',
]


def icon(colour: str, glyph: str) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">\n'
        f'  <circle cx="32" cy="32" r="28" fill="{colour}" stroke="#ffffff" stroke-width="4"/>\n'
        f"  {glyph}\n</svg>\n"
    )


def main() -> None:
    catalogue = load_catalogue()
    OUT.mkdir(parents=True, exist_ok=True)
    for task in sorted(catalogue.tasks):
        for index, facility in enumerate(catalogue.types_of_task(task)):
            glyph = GLYPHS[index % len(GLYPHS)]
            (OUT / f"{facility.id}.svg").write_text(icon(TASK_COLOURS[task], glyph),
                                                    encoding="utf-8")
    print(f"{len(catalogue.types)} icons in {OUT}")


if __name__ == "__main__":
    main()
