"""A brand's file, brands/<name>/brand.yml, as pydantic models: a firm's name, look,
contact, language and course overlay. Its JSON Schema is written by model/schema.py;
loading and the checks that need the brand folder are in load/brand.py."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints

from generator.model.questions.base import Id, Strict, Text


def _matches(pattern: str, message: str):
    def check(value: str) -> str:
        if not re.fullmatch(pattern, value):
            raise ValueError(message.format(value=value))
        return value
    return AfterValidator(check)


Hex = Annotated[
    str,
    _matches(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})",
             "'{value}' is not a hex colour: write it as \"#rrggbb\" in quotes, e.g. \"#0b5d4b\" (any hex value works)"),
    Field(description="A colour as #rgb or #rrggbb, e.g. '#0b5d4b' (quote it: # starts a YAML comment).",
          json_schema_extra={"pattern": "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"}),
]
AssetPath = Annotated[
    str,
    StringConstraints(min_length=1, max_length=300),
    Field(description="A file inside the brand folder, relative to brand.yml, e.g. logo.svg."),
]
Line = Annotated[str, StringConstraints(min_length=1, max_length=500)]
# A CSS font stack goes into the generated stylesheet as is: only names, quotes and commas.
FontStack = Annotated[str, StringConstraints(max_length=300), _matches(
    r"""[A-Za-z0-9 _.,'"-]+""", "'{value}' is not a font stack: write font names separated by commas, "
    "e.g. '\"Firm Sans\", Arial, sans-serif' (letters, digits, spaces, quotes and hyphens only)")]
SYSTEM_TEXT = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif'
SYSTEM_CODE = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace'
FONT_FORMATS = {".woff2": "woff2", ".woff": "woff", ".ttf": "truetype", ".otf": "opentype"}


class Colors(Strict):
    primary: Hex = Field(description="Header, links and buttons; any colour: shades that read at 4.5:1 are derived for text.")
    accent: Hex = Field(description="Hover and focus highlights; any colour: shades that read at 4.5:1 are derived for text.")


class FontFile(Strict):
    family: Annotated[Line, _matches(r"[A-Za-z0-9 _.-]+", "'{value}' is not a font name: letters, digits, spaces and hyphens only")] = Field(
        description="The name CSS uses for this face, e.g. 'Firm Serif'.")
    file: AssetPath = Field(description="A .woff2, .woff, .ttf or .otf file in the brand folder; published as WOFF2, "
                            "subset to the course's characters.")
    weight: Literal["normal", "bold", "100", "200", "300", "400", "500", "600", "700", "800", "900"] = "normal"
    style: Literal["normal", "italic"] = "normal"


class Fonts(Strict):
    text: FontStack = Field(SYSTEM_TEXT, description="CSS font stack for body text; system fonts or a family from `files`.")
    code: FontStack = Field(SYSTEM_CODE, description="CSS font stack for code.")
    files: list[FontFile] = Field(default_factory=list, description="Self-hosted font files (never loaded from another host).")


class Contact(Strict):
    email: Annotated[str, _matches(r"[^@\s]+@[^@\s]+\.[^@\s]+", "'{value}' is not an email address, e.g. training@firm.example")] | None = None
    phone: Annotated[str, _matches(r"\+?[0-9 ()./-]{4,30}", "'{value}' is not a phone number: digits, spaces and + ( ) . / - only")] | None = None
    web: Annotated[str, _matches(r"https?://\S+", "'{value}' is not a web address: start it with https://")] | None = None


class Module(Strict):
    title: Text
    lessons: Annotated[list[Id], Field(min_length=1)]
    scenarios: list[Id] | None = Field(None, description="Scenarios on their own page in this module, after its lessons; "
                                                         "when no module gives them, each keeps to the lessons of its base module.")


class CourseOverlay(Strict):
    """What a brand changes in the course; lesson, quiz and scenario files live in the brand folder."""

    id: Id | None = Field(None, description="Course id for saved progress; default `<course id>-<brand name>`.")
    title: Text | None = Field(None, description="Course title on the home page; default the brand's site_title.")
    description: Text | None = Field(None, description="Home page introduction; default the base course's.")
    hide: list[Id] = Field(default_factory=list, description="Lesson ids of the base course to leave out (their quizzes and scenarios too).")
    hide_scenarios: list[Id] = Field(default_factory=list, description="Scenario ids of the base course to leave out.")
    lessons: list[Id] | None = Field(None, description="The whole lesson order (base and brand lessons).")
    modules: list[Module] | None = Field(None, description="The whole order as titled groups (instead of `lessons`).")
    final_quiz: Id | None = Field(None, description="Another final quiz (a brand quiz with `final: true`).")
    lessons_dir: AssetPath = Field("lessons", description="Folder of the brand's own and replacing lessons.")
    quizzes_dir: AssetPath = Field("quizzes", description="Folder of the brand's own and replacing quizzes.")
    scenarios_dir: AssetPath = Field("scenarios", description="Folder of the brand's own and replacing scenarios.")


# the files a brand's logo and favicon may be: what browsers show in a header and a tab
LOGO_FORMATS = (".svg", ".png", ".jpg", ".jpeg", ".webp")
FAVICON_FORMATS = (".svg", ".png", ".ico")


class Brand(Strict):
    firm: Line = Field(description="The firm's name, as shown in the footer.")
    site_title: Line = Field(description="The site's title in the header and the browser tab.")
    logo: AssetPath = Field(description="Required: the logo shown in the header, a file in the brand folder "
                                        f"({', '.join(LOGO_FORMATS)}), e.g. logo.svg.")
    favicon: AssetPath = Field(description="Required: the icon in the browser tab, a file in the brand folder "
                                           f"({', '.join(FAVICON_FORMATS)}), e.g. favicon.svg.")
    colors: Colors
    scheme: Literal["light", "dark"] = Field("light", description="The colour scheme learners see first; they may switch.")
    fonts: Fonts = Field(default_factory=Fonts)
    footer: Text | None = Field(None, description="A line of text in every page's footer.")
    contact: Contact = Field(default_factory=Contact)
    copyright: Line | None = Field(None, description="e.g. '© 2026 Firm GmbH'.")
    language: Annotated[str, _matches(r"[a-z]{2}(-[A-Z]{2})?", "'{value}' is not a language code: use one such as en, de, fr")] | None = Field(
        None, description="en, de, es, fr, it, nl or pt: interface strings and Material's translations; "
        "another language needs every interface string under `strings:`. Default: the course's."
    )
    site_url: Annotated[str, _matches(r"https?://[^\s?#]+/", "'{value}' is not a site address: write it in full, ending in /, "
                                      "e.g. https://intranet.example/training/rapport/")] | None = Field(
        None, description="Where the site will be published, e.g. https://intranet.example/training/rapport/; "
        "gives the 404 page working links under that sub-path (every other page works anywhere)."
    )
    css: list[AssetPath] = Field(default_factory=list, description="Extra stylesheets in the brand folder.")
    strings: dict[str, Text] = Field(default_factory=dict, description="Overrides of interface strings (see generator/i18n/strings.yml).")
    theme_strings: dict[str, Text] = Field(
        default_factory=dict, description="Overrides of Material's own strings, e.g. `search.placeholder`."
    )
    course: CourseOverlay = Field(default_factory=CourseOverlay)


