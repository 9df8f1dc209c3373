"""Colour maths for a brand's palette: WCAG 2.x relative luminance and contrast ratio
(https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio), and link colours adjusted to reach AA."""

from __future__ import annotations


def rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def to_hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in rgb)


def mix(hex_colour: str, other: tuple[int, int, int], amount: float) -> str:
    r, g, b = rgb(hex_colour)
    return to_hex((r + (other[0] - r) * amount, g + (other[1] - g) * amount, b + (other[2] - b) * amount))


def luminance(hex_colour: str) -> float:
    """WCAG relative luminance of an sRGB colour, 0 (black) to 1 (white)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def readable_on(hex_colour: str) -> str:
    """Black or white, whichever reads better on the colour."""
    lum = luminance(hex_colour)
    return "#000000" if (lum + 0.05) / 0.05 > 1.05 / (lum + 0.05) else "#ffffff"


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


SLATE_BG = "#1e2029"  # Material's slate background, hsl(232, 15%, 14%)


def link_colour(colour: str, background: str) -> str:
    """The brand colour, darkened (on light) or lightened (on dark) just enough for
    body-text links to reach WCAG AA contrast (4.5:1) on the background."""
    towards = (0, 0, 0) if luminance(background) > 0.5 else (255, 255, 255)
    for step in range(21):
        mixed = mix(colour, towards, step / 20)
        if contrast(mixed, background) >= 4.5:
            return mixed
    return to_hex(towards)


