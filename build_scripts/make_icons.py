"""Draw the app icons (a white check mark on the theme green) as PNG, with the standard library.

python3 build_scripts/make_icons.py   # writes docs/assets/cek-kpj/icons/icon-{192,512}.png
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

GREEN = (46, 125, 50)
WHITE = (255, 255, 255)
OUT = Path(__file__).resolve().parent.parent / "docs" / "assets" / "cek-kpj" / "icons"


def distance_to_segment(
    px: float, py: float, a: tuple[float, float], b: tuple[float, float]
) -> float:
    ax, ay = a
    bx, by = b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return ((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5


def pixels(size: int) -> bytes:
    """Rows of RGB pixels: a check mark inside the maskable icon's safe zone."""
    stroke = size * 0.07
    points = [(0.30, 0.52), (0.44, 0.66), (0.72, 0.36)]
    p = [(x * size, y * size) for x, y in points]
    rows = bytearray()
    for y in range(size):
        rows.append(0)  # filter: none
        for x in range(size):
            near = min(distance_to_segment(x, y, p[0], p[1]), distance_to_segment(x, y, p[1], p[2]))
            rows.extend(WHITE if near <= stroke else GREEN)
    return bytes(rows)


def png(size: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixels(size), 9))
        + chunk(b"IEND", b"")
    )


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        (OUT / f"icon-{size}.png").write_bytes(png(size))
