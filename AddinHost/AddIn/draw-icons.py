"""Draws the add-in's icons (a white envelope with a euro sign on the Fluent brand blue), at the sizes Office asks.

Run once when the design changes: python3 AddinHost/AddIn/draw-icons.py. Needs only the standard library.
"""
import pathlib
import struct
import zlib

BLUE = (15, 108, 189)
SIZES = [16, 32, 64, 80, 128, 192]  # 192: the unified manifest's color icon
OUT = pathlib.Path(__file__).resolve().parent.parent / "wwwroot" / "icons"


def inside_rounded(x, y, r):
    cx = min(max(x, r), 1 - r)
    cy = min(max(y, r), 1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def near_segment(x, y, a, b, width):
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    px, py = ax + t * dx, ay + t * dy
    return (x - px) ** 2 + (y - py) ** 2 <= (width / 2) ** 2


def white_at(x, y, size):
    stroke = max(0.06, 1.6 / size)
    left, right, top, bottom = 0.18, 0.82, 0.27, 0.73
    edges = [((left, top), (right, top)), ((right, top), (right, bottom)), ((right, bottom), (left, bottom)),
             ((left, bottom), (left, top)), ((left, top), (0.5, 0.52)), ((0.5, 0.52), (right, top))]
    if any(near_segment(x, y, a, b, stroke) for a, b in edges):
        return True
    if size < 64:
        return False  # the euro sign only where it can be read
    cx, cy, r = 0.5, 0.64, 0.075
    d = ((x - cx) ** 2 + (y - cy) ** 2) ** 0.5
    ring = abs(d - r) <= stroke * 0.35 and x <= cx + r * 0.4
    bars = (near_segment(x, y, (cx - r - 0.03, cy - 0.018), (cx + 0.02, cy - 0.018), stroke * 0.5)
            or near_segment(x, y, (cx - r - 0.03, cy + 0.018), (cx + 0.02, cy + 0.018), stroke * 0.5))
    return ring or bars


def pixel(px, py, size, samples=4):
    covered = white = 0
    for sy in range(samples):
        for sx in range(samples):
            x = (px + (sx + 0.5) / samples) / size
            y = (py + (sy + 0.5) / samples) / size
            if inside_rounded(x, y, 0.18):
                covered += 1
                white += white_at(x, y, size)
    n = samples * samples
    alpha = round(255 * covered / n)
    if covered == 0:
        return (0, 0, 0, 0)
    w = white / covered
    return tuple(round(c * (1 - w) + 255 * w) for c in BLUE) + (alpha,)


def outline_pixel(px, py, size, samples=4):
    """The unified manifest's outline icon: the white envelope alone on a transparent background."""
    white = sum(white_at((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, size)
                for sy in range(samples) for sx in range(samples))
    return (255, 255, 255, round(255 * white / (samples * samples)))


def png(size, paint=pixel):
    rows = b"".join(b"\x00" + b"".join(bytes(paint(x, y, size)) for x in range(size)) for y in range(size))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


OUT.mkdir(parents=True, exist_ok=True)
for s in SIZES:
    (OUT / f"icon-{s}.png").write_bytes(png(s))
    print(OUT / f"icon-{s}.png")
(OUT / "outline-32.png").write_bytes(png(32, outline_pixel))
print(OUT / "outline-32.png")
