"""A brand's palette: every colour that text or a focus ring sits on, derived from the
firm's `primary` and `accent` so that text reaches 4.5:1 and focus indicators 3:1
(WCAG 2.2, SC 1.4.3 and 1.4.11; https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio) in
both of Material's schemes, `default` (light) and `slate` (dark), and in every state.

Contrast, mixing and layering are coloraide's (its `wcag21` contrast is the WCAG
formula); this module only decides which colour goes where. The rules, each a way of
keeping a pair of colours apart:

- Text on the brand colour (header, its search field, primary buttons) is black or
  white, whichever reads better: one of them always reaches 4.58:1 on any colour.
- Shades of the brand colour that carry the same text (the search field, its hovered
  state, hovered progress-page buttons) move *away* from the text colour, so they can
  only gain contrast; Material's own shades (a 26 % black overlay) lose it on a light
  brand colour (harbor: black on #bd4466, 4.18:1).
- Colours used as text or a focus ring on the page (links, hovered links, the focus
  ring, the accent) are mixed towards black on the light page, towards white on the
  dark one, by the least amount that reaches the target on every surface of the scheme:
  the page, code and feedback blocks, and the accent's 10 % tint used under hovered text.

Each colour the firm gave that had to change is an `Adjustment`; `coursegen check
--brand` reports them as notes (load/brand.py) and site/branding.py writes the palette
into the brand's stylesheet.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coloraide import Color

TEXT = 4.5  # SC 1.4.3 (AA): text of normal size
NON_TEXT = 3.0  # SC 1.4.11 (AA) and 2.4.13: focus indicators, parts of controls
BLACK, WHITE = "#000000", "#ffffff"
TINT = 0.1  # Material's --md-accent-fg-color--transparent: the accent at 10 % under hovered text


def _color(value: str | Color) -> Color:
    """coloraide's colour, imported on first use: only a brand needs it, and importing it
    is 0.05 s of every `coursegen check` (issue 16)."""
    from coloraide import Color

    return Color(value)


def _hex(colour: str | Color) -> str:
    return _color(colour).convert("srgb").fit().to_string(hex=True)


@dataclass(frozen=True)
class Scheme:
    """One of Material's colour schemes: its name and the opaque surfaces text sits on."""

    name: str  # Material's: "default" or "slate"
    label: str  # as a trainer reads it in a note
    page: str
    blocks: str  # code blocks, quiz feedback and hints (--md-code-bg-color)

    @property
    def surfaces(self) -> tuple[str, str]:
        return self.page, self.blocks


# Material 9.x: default --md-default-bg-color #fff and --md-code-bg-color #f5f5f5; slate
# hsl(232 15% 14%) and hsl(232 15% 18%) (--md-hue 232deg), in sRGB hex (tests/load/test_brands.py
# converts them again)
LIGHT = Scheme("default", "light scheme", WHITE, "#f5f5f5")
DARK = Scheme("slate", "dark scheme", "#1e2029", "#272935")
SCHEMES = (LIGHT, DARK)


def contrast(a: str, b: str) -> float:
    """WCAG 2.x contrast ratio of two opaque colours, 1.0 to 21.0."""
    return _color(a).contrast(b, method="wcag21")


def readable_on(colour: str) -> str:
    """Black or white, whichever reads better on the colour (at least 4.58:1)."""
    return BLACK if contrast(colour, BLACK) >= contrast(colour, WHITE) else WHITE


def mix(colour: str, towards: str, amount: float) -> str:
    """`colour` moved `amount` (0 to 1) of the way to `towards`, in sRGB, as #rrggbb."""
    return _hex(_color(colour).mix(towards, amount, space="srgb"))


def tint(colour: str, surface: str, alpha: float = TINT) -> str:
    """`colour` at `alpha` laid over the opaque `surface`, as the browser paints it."""
    from coloraide import Color  # see _color

    return _hex(Color.layer([Color(colour).set("alpha", alpha), surface], space="srgb"))


def _worst(colour: str, surfaces: tuple[str, ...], tinted: bool) -> float:
    on = surfaces + tuple(tint(colour, s) for s in surfaces) if tinted else surfaces
    return min(contrast(colour, s) for s in on)


def reaching(colour: str, surfaces: tuple[str, ...], target: float, *, tinted: bool = False) -> str:
    """The colour mixed towards black (on light surfaces) or white (on dark ones) by the
    least hundredth that reaches `target` on every surface (and, with `tinted`, on its own
    10 % tint over each). Returns black or white when nothing less does."""
    pole = readable_on(surfaces[0])
    for step in range(101):
        mixed = mix(colour, pole, step / 100)
        if _worst(mixed, surfaces, tinted) >= target:
            return mixed
    return pole


def away_from(colour: str, text: str, amount: float) -> str:
    """A shade of `colour` moved `amount` towards the pole opposite `text` (black or white):
    `text` on it reads at least as well as on `colour` itself."""
    return mix(colour, WHITE if text == BLACK else BLACK, amount)


def softened(text: str, surface: str, target: float = TEXT) -> str:
    """`text` mixed into `surface` as far as it may go while still reaching `target` on it:
    an opaque stand-in for Material's 70 % text (placeholders)."""
    for step in range(50, -1, -1):
        mixed = mix(text, surface, step / 100)
        if contrast(mixed, surface) >= target:
            return mixed
    return text


@dataclass(frozen=True)
class Adjustment:
    """A colour the firm gave, replaced for one use because it did not reach its target."""

    field: str  # in brand.yml: colors.primary or colors.accent
    use: str  # what the colour is for, e.g. "links in the light scheme"
    given: str
    used: str
    given_ratio: float
    used_ratio: float
    target: float

    def message(self) -> str:
        return (f"{self.use} use {self.used} ({self.used_ratio:.2f}:1) instead of {self.given} "
                f"({self.given_ratio:.2f}:1), to reach {self.target:g}:1")


@dataclass(frozen=True)
class SchemeColours:
    """The colours that differ between the schemes."""

    link: str  # links in running text and quizzes, outline buttons, the progress bar
    accent: str  # hovered and focused links, focus rings, hovered buttons' background
    on_accent: str  # text on a hovered or focused button


@dataclass(frozen=True)
class Palette:
    """Every colour of a brand's stylesheet (templates/brand/brand.css.j2), by use."""

    primary: str  # header, primary buttons: as the firm gave it
    accent: str
    on_primary: str  # text and icons on the header and primary buttons
    on_primary_soft: str  # the search field's placeholder: opaque, still 4.5:1
    field: str  # the header's search field
    field_hover: str
    shade: str  # hovered and focused buttons on the progress pages, with on_primary text
    shade_light: str  # Material's --md-primary-fg-color--light (same rule, less of it)
    header_focus: str  # focus ring on the header
    light: SchemeColours
    dark: SchemeColours
    adjustments: tuple[Adjustment, ...]


@lru_cache(maxsize=64)
def derive_palette(primary: str, accent: str) -> Palette:
    """The palette of `primary` and `accent` (#rgb or #rrggbb, any case)."""
    primary, accent = _hex(primary), _hex(accent)
    on_primary = readable_on(primary)
    adjustments: list[Adjustment] = []

    def adjusted(field: str, use: str, given: str, used: str, surfaces: tuple[str, ...], target: float, tinted=False) -> str:
        if used != given:
            adjustments.append(Adjustment(field, use, given, used, _worst(given, surfaces, tinted), _worst(used, surfaces, tinted), target))
        return used

    per_scheme = {}
    for scheme in SCHEMES:
        link = adjusted("colors.primary", f"links and outline buttons in the {scheme.label}", primary,
                        reaching(primary, scheme.surfaces, TEXT), scheme.surfaces, TEXT)
        hover = adjusted("colors.accent", f"hovered links and focus rings in the {scheme.label}", accent,
                         reaching(accent, scheme.surfaces, TEXT, tinted=True), scheme.surfaces, TEXT, tinted=True)
        per_scheme[scheme.name] = SchemeColours(link, hover, readable_on(hover))
    header_focus = accent if contrast(accent, primary) >= NON_TEXT else on_primary
    adjusted("colors.accent", "focus rings on the header", accent, header_focus, (primary,), NON_TEXT)
    return Palette(
        primary=primary, accent=accent, on_primary=on_primary, on_primary_soft=softened(on_primary, primary),
        field=away_from(primary, on_primary, 0.26), field_hover=away_from(primary, on_primary, 0.12),
        shade=away_from(primary, on_primary, 0.25), shade_light=away_from(primary, on_primary, 0.1),
        header_focus=header_focus, light=per_scheme[LIGHT.name], dark=per_scheme[DARK.name], adjustments=tuple(adjustments))
