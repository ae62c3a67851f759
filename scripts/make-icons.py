#!/usr/bin/env python3
"""Draws the PNG app icons (public/icon-192.png, public/icon-512.png) of the web app manifest
from the funnel of public/favicon.svg (path "M4 4h24l-9 12v10l-6 3V16z" in a 32x32 box, fill
#0072b2), on white, inside the central 80% so that a "maskable" crop keeps all of it.

Not part of the build: the PNGs are committed. Rerun after changing the favicon:
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install pillow
    /tmp/venv/bin/python scripts/make-icons.py
"""
from pathlib import Path

from PIL import Image, ImageDraw

FUNNEL = [(4, 4), (28, 4), (19, 16), (19, 26), (13, 29), (13, 16)]  # the favicon's path
BLUE = (0x00, 0x72, 0xB2, 255)
SUPERSAMPLE = 4  # drawn 4x larger, then reduced: smooth edges without an SVG renderer
PUBLIC = Path(__file__).resolve().parent.parent / "public"


def icon(size: int) -> Image.Image:
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (255, 255, 255, 255))
    # The funnel spans x 4..28 and y 4..29 of 32: fit its 25-unit height into 64% of the icon
    # (inside the 80% safe zone of maskable icons), centred.
    scale = big * 0.64 / 25
    cx, cy = 16, 16.5
    points = [(big / 2 + (x - cx) * scale, big / 2 + (y - cy) * scale) for x, y in FUNNEL]
    ImageDraw.Draw(image).polygon(points, fill=BLUE)
    return image.resize((size, size), Image.LANCZOS)


if __name__ == "__main__":
    for size in (192, 512):
        out = PUBLIC / f"icon-{size}.png"
        icon(size).save(out, optimize=True)
        print(f"wrote {out} ({out.stat().st_size} bytes)")
