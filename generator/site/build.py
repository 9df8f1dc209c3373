"""One engine-neutral build: a project's settings (and an optional brand) in, everything
an engine needs to publish the site out.

`build_site` is the single call both engine adapters make (engines/mkdocs/ and
engines/export/): it checks the course (unless given the result of a check already
made), renders every page from the site map, and gathers the files, navigation,
Markdown extensions, stylesheets, scripts and theme settings into a `SiteBuild`. An
adapter only translates that into its engine's terms; a new engine needs a new adapter
folder and nothing here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from generator.check.pipeline import Checked, prepare_project
from generator.errors import Finding
from generator.load.brand import LoadedBrand
from generator.load.settings import ProjectSettings
from generator.model.course import Course
from generator.site import assets, branding
from generator.site.markup import inert_lessons, meta_description
from generator.site.render import REQUIRED_EXTENSIONS, Page, RenderedSite, Renderer
from generator.site.sitemap import NavItem, SiteMap

# Material theme overrides (accessibility fixes to its partials), for any engine that
# renders with Material's templates: MkDocs with Material, and Zensical.
THEME_DIR = Path(__file__).resolve().parent / "theme"
TEMPLATES = Path(__file__).resolve().parent / "templates"
INERT_EXTENSION = "generator.site.markup"  # `allow_html: false`: lesson tags shown as text, unsafe links dropped


class Share(Protocol):
    """A parallel build's share of the pages (engines/mkdocs/shards.py): which pages'
    quizzes this process renders, dealt from the site map before anything is rendered."""

    def deal(self, pages: list[str]) -> None: ...

    def owns(self, path: str) -> bool: ...


@dataclass
class SiteBuild:
    """Everything an engine needs to publish a course's site.

    - `pages`: rendered pages (docs-relative .md paths, Markdown with finished HTML blocks apart);
    - `files`: (site path, bytes) of every other file: the package's assets, the course's
      generated scripts, the brand's stylesheet and files;
    - `nav`: the navigation; `site_name`, `language`;
    - `markdown_extensions`, `stylesheets`, `scripts`: what every page needs, in order
      (site paths), to be added to the site's own;
    - `theme`: theme settings to set (a brand's logo, favicon, palette, fonts);
    - `settings`: other site settings to set (a brand's copyright, URL style, site_url);
    - `theme_dirs`: override folders, first wins; `theme_strings`: when a brand overrides
      Material's own strings, the content of `partials/languages/custom.html`;
    - `warnings`: the course's warnings (a build with errors raises CourseError instead).
    """

    site_name: str
    language: str
    pages: list[Page]
    nav: list[NavItem]
    files: list[tuple[str, bytes]]
    markdown_extensions: list[str]
    stylesheets: list[str]
    scripts: list[str]
    site: SiteMap | None
    strings: dict[str, str]
    theme: dict = field(default_factory=dict)
    settings: dict = field(default_factory=dict)
    theme_dirs: list[Path] = field(default_factory=lambda: [THEME_DIR])
    theme_strings: str | None = None
    warnings: list[Finding] = field(default_factory=list)
    brand: LoadedBrand | None = None

    @property
    def rendered(self) -> RenderedSite:
        return RenderedSite(self.pages, self.nav, self.strings, site=self.site)


def build_site(settings: ProjectSettings, brand: str | None = None, *, checked: Checked | None = None,
               share: Share | None = None, strict: bool | None = None) -> SiteBuild:
    """The whole site of the project behind `settings`, as `brand` (else the plugin's
    `brand` option) when given. `checked` is a check of the same project made just
    before (the command line's), so the course is not loaded twice. Raises CourseError
    when the course has errors (or, with `strict`, warnings)."""
    strict = settings.options.strict if strict is None else strict
    checked = (checked or prepare_project(settings, brand=brand, strict=strict)).ready(strict)
    course, loaded = checked.course, checked.brand
    assert course is not None  # ready() says so
    if not settings.options.allow_html:  # lesson text from many authors: every tag shown as text
        course = inert_lessons(course)
    contact = branding.brand_contacts(loaded) if loaded else []
    renderer = Renderer(course, contact=contact, brand_name=loaded.model.firm if loaded else "",
                        quizzes_of=share.owns if share is not None else None,
                        markdown_extensions=settings.markdown_extensions)
    if share is not None:  # a parallel build: deal the pages out before rendering their quizzes
        share.deal(renderer.site.dealt_pages())
    site = renderer.render()
    built = SiteBuild(
        site_name=loaded.model.site_title if loaded else course.settings.title,
        language=course.settings.language, pages=site.pages, nav=site.nav,
        files=assets.files() + site.files, markdown_extensions=REQUIRED_EXTENSIONS + ([] if settings.options.allow_html else [INERT_EXTENSION]),
        stylesheets=assets.stylesheets(), scripts=site.scripts + assets.scripts(),  # the generated course map first
        site=site.site, strings=site.strings, warnings=checked.warnings, brand=loaded,
        settings={"site_description": meta_description(course.settings.description)})  # for pages without their own
    if loaded:
        _add_brand(built, loaded, course)
    return built


def _add_brand(built: SiteBuild, loaded: LoadedBrand, course: Course) -> None:
    """A firm's copy: its title, footer, theme, stylesheet and files (its fonts subset to
    the site's text); pages open from file:// too."""
    extra = branding.site_settings(loaded, built.strings)
    built.theme.update(extra.pop("theme"))
    built.settings.update(extra)
    built.files.append((branding.BRAND_CSS, branding.brand_css(loaded).encode("utf-8")))
    built.files += [(uri, path.read_bytes()) for uri, path in loaded.asset_files()]
    if loaded.model.fonts.files:
        built.files += branding.web_fonts(loaded, [*site_texts(built, course), *branding.brand_texts(loaded)])
    built.stylesheets += branding.stylesheets(loaded)
    if loaded.model.theme_strings:  # Material's own strings: a generated partials/languages/custom.html
        built.theme_strings = branding.theme_strings_template(built.language, loaded.model.theme_strings)


def site_texts(built: SiteBuild, course: Course) -> list[str]:
    """Every text the site shows, the same in every process of a parallel build (which
    renders only its share of the quizzes): the course's lessons, quizzes and settings,
    the pages without their quiz blocks, the navigation, the interface strings, and the
    templates and scripts that write the rest (arrows of order questions, ✓ and ✗)."""
    texts = [built.site_name, *built.strings.values(), *(data.decode("utf-8", "replace") for _, data in assets.files())]
    texts += [path.read_text("utf-8") for path in sorted(TEMPLATES.rglob("*.j2"))]
    texts += [text for page in built.pages for text in (page.title, page.content)]
    stack = list(built.nav)
    while stack:
        item = stack.pop()
        texts.append(item.title)
        stack += item.children
    models = [course.settings, *course.lessons.values(), *course.quizzes.values()]
    return texts + [text for model in models for text in _strings(model.model_dump())]


def _strings(value) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def serving_fallback(report: str, last_good: SiteBuild | None) -> SiteBuild:
    """The preview after a broken save: the last good build with the findings in a banner
    on every page, or a one-page site showing them (site/preview.py)."""
    from generator.site.preview import with_error_banner

    shown = with_error_banner(last_good.rendered if last_good else None, report)
    if last_good is None:
        return SiteBuild(site_name=shown.pages[0].title, language="en", pages=shown.pages, nav=shown.nav, files=[],
                         markdown_extensions=[], stylesheets=[], scripts=[], site=None, strings={})
    return dataclasses.replace(last_good, pages=shown.pages)

