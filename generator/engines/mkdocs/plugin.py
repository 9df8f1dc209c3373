"""The MkDocs adapter: a thin plugin whose hooks call the core.

The only module (with cli.py's build and serve) that imports mkdocs. It validates the
course in `on_config`, before MkDocs empties the site folder, so a failed build leaves
the previous site untouched; adds the rendered pages in memory in `on_files`; and has
`mkdocs serve` watch the course and quiz folders.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.utils import normalize_url

from generator.site import assets
from generator.load import brand
from generator.engines.mkdocs import rawblocks
from generator.check.rules import CheckOptions
from generator.errors import CourseError
from generator.load.course import CoursePaths
from generator.site.markup import inert_lessons, nav_title
from generator.engines.mkdocs.incremental import IncrementalPages
from generator.engines.mkdocs.shards import page_url, search_plugin
from generator.engines.output import write_marker
from generator.load.overlay import prepare_branded
from generator.check.pipeline import prepare
from generator.site.preview import with_error_banner
from generator.site.render import REQUIRED_EXTENSIONS, NavItem, RenderedSite, in_parts, lesson_path, module_path, render_site
from generator.check.report import format_text

log = logging.getLogger("mkdocs.plugins.course")


class CoursePluginConfig(base.Config):
    course_dir = c.Type(str, default="course")
    quizzes_dir = c.Type(str, default="quizzes")
    # Raw HTML in lesson Markdown: trusted trainers may use it; firms that take content
    # from many authors set this to false and it is escaped like quiz text always is.
    allow_html = c.Type(bool, default=True)
    strict = c.Type(bool, default=False)  # course warnings fail the build
    min_questions = c.Type(int, default=1)
    # A firm's branded copy: the name of a folder in brands_dir (see README, "Brands").
    brand = c.Optional(c.Type(str))
    brands_dir = c.Type(str, default="brands")


class CoursePlugin(BasePlugin[CoursePluginConfig]):
    def __init__(self) -> None:
        self.site: RenderedSite | None = None
        self.paths: CoursePaths | None = None
        self.brand = None  # a LoadedBrand when building a firm's copy
        self.serving = False
        self.raw_blocks: dict[str, list[str]] = {}  # page path -> finished HTML set aside (rawblocks.py)
        self.last_good: tuple | None = None  # (course, site) of the last build without errors
        self.incremental: IncrementalPages | None = None
        self.shard = None  # this process's share of a parallel `coursegen build` (mkdocs_shards.py)
        self.files: Files | None = None
        self.temp_dirs: list[Path] = []  # removed at exit (a brand's Material strings)

    def on_startup(self, *, command, dirty) -> None:
        # Defining this hook makes `mkdocs serve` keep this one instance across rebuilds,
        # so a broken save can fall back to the last good pages instead of hanging.
        self.serving = command == "serve"
        # `coursegen serve` runs MkDocs' dirty builds: a save rebuilds only the pages it changed
        self.incremental = IncrementalPages() if self.serving and dirty else None

    @event_priority(50)  # before the search plugin, so it indexes in the course's (or brand's) language
    def on_config(self, config):
        if self.serving and not self.config.brand and os.environ.get(brand.SERVE_BRAND_ENV):
            self.config["brand"] = os.environ[brand.SERVE_BRAND_ENV]
        root = Path(config.config_file_path or ".").resolve().parent
        self.paths = CoursePaths.at(root, self.config.course_dir, self.config.quizzes_dir)
        options = CheckOptions(min_questions=self.config.min_questions)
        try:
            if self.config.brand:
                course, self.brand, warnings = prepare_branded(self.paths, self.config.brand, options, strict=self.config.strict,
                                                               brands_dir=self.config.brands_dir)
            else:
                course, warnings = prepare(self.paths, options, strict=self.config.strict)
            if warnings and not (self.shard and not self.shard.is_parent):  # once, not per process
                log.warning("The course has warnings:\n\n" + format_text(warnings, root))
            if not self.config.allow_html:  # lesson text from many authors: every tag shown as text
                course = inert_lessons(course)
            if self.shard:  # a parallel build: deal the pages out before rendering their quizzes
                self.shard.deal(shared_pages(course))
            self.site = render_site(course, contact=brand.contact_links(self.brand) if self.brand else [],
                                    brand_name=self.brand.model.firm if self.brand else "",
                                    quizzes_of=self.shard.owns if self.shard else None)
            self.last_good = (course, self.site)
        except CourseError as error:
            if not self.serving:  # `mkdocs build` and `coursegen build` fail
                raise PluginError("The course has errors:\n\n" + format_text(error.findings, root)) from None
            course = self._serve_last_good(format_text(error.findings, root))
        except Exception as exc:  # a generator bug, not a trainer's mistake: the preview stays up all the same
            if not self.serving:
                raise
            log.exception("Internal error in the course generator while rebuilding")
            course = self._serve_last_good(f"internal error in the generator: {exc!r}; the terminal shows the details")
        if course is None:  # serving, and no good version yet: only the error page
            config.nav = [_mkdocs_nav(item) for item in self.site.nav]
            return config
        config.nav = [_mkdocs_nav(item) for item in self.site.nav]
        if not config.site_name or config.site_name == "course":
            config.site_name = course.settings.title
        config.theme["language"] = course.settings.language
        theme_dir = str(Path(__file__).parent / "theme")  # accessibility fixes to Material's partials
        if theme_dir not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, theme_dir)
        for name in REQUIRED_EXTENSIONS + ([] if self.config.allow_html else ["generator.site.markup"]):
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        for css in assets.stylesheets():
            if css not in config.extra_css:
                config.extra_css.append(css)
        for js in self.site.scripts + assets.scripts():  # the generated course map first
            if js not in [str(s) for s in config.extra_javascript]:
                config.extra_javascript.append(js)
        if self.brand:
            _apply_brand(config, self.brand, self.site.strings, self.temp_dirs)
        return config

    def _serve_last_good(self, report: str):
        """Serve mode after a broken save: log the findings, keep the last good pages with a banner."""
        stale = self.last_good is not None
        log.error("The course has errors; %s until they are fixed:\n\n%s",
                  "the preview keeps showing the last good version" if stale else "the preview shows only this report", report)
        course, site = self.last_good if stale else (None, None)
        self.site = with_error_banner(site, report)
        return course

    def on_files(self, files: Files, config) -> Files:
        assert self.site is not None
        for page in self.site.pages:
            existing = files.get_file_from_path(page.path)
            if existing is not None:
                files.remove(existing)
            content, self.raw_blocks[page.path] = rawblocks.set_aside(page.content)  # quiz HTML skips Markdown
            files.append(File.generated(config, page.path, content=content))
        for uri, content in assets.files() + self.site.files:  # package assets, then generated ones
            files.append(File.generated(config, uri, content=content))
        if self.brand:
            files.append(File.generated(config, brand.BRAND_CSS, content=brand.brand_css(self.brand)))
            for uri, path in self.brand.asset_files():
                files.append(File.generated(config, uri, content=path.read_bytes()))
        if self.shard:
            self.shard.restrict(files, config)
        if self.incremental:
            everywhere = (self.site.nav, self.site.strings, dict(self.config), self.brand.model if self.brand else None,
                          config.site_name)
            self.incremental.mark(files, config, everywhere, self.raw_blocks)
        self.files = files
        return files

    def on_nav(self, nav, *, config, files):
        if self.shard:
            self.shard.read_others(files, config)
        return nav

    def on_env(self, env, *, config, files):
        env.globals["coursegen_nav_item"] = NavItemMemo(config.theme.get("features") or [])  # theme/partials/nav.html
        return env

    def on_post_page(self, output: str, *, page, config) -> str:
        try:
            output = rawblocks.put_back(output, self.raw_blocks.get(page.file.src_uri, []))
        except LookupError as error:
            raise PluginError(f"{page.file.src_uri}: {error}") from None
        if self.shard and page.file.src_uri == self.shard.last:
            self.shard.gather(config, self.files, search_plugin(config))
        if self.incremental and page.url == self.incremental.last:
            self.incremental.merge_search(search_plugin(config), [page_url(f) for f in self.files.documentation_pages()])
        return output

    def remove_temp_dirs(self) -> None:
        while self.temp_dirs:
            shutil.rmtree(self.temp_dirs.pop(), ignore_errors=True)

    def on_build_error(self, *, error) -> None:
        if self.incremental:
            self.incremental.forget()

    def on_post_build(self, config) -> None:
        if self.shard:
            self.shard.gather(config, self.files, search_plugin(config))
        # mark the folder as ours, so `coursegen build` may replace it later (outdir.py)
        write_marker(Path(config.site_dir))

    def on_serve(self, server, config, builder):
        assert self.paths is not None
        for folder in (self.paths.course_dir, self.paths.quizzes_dir):
            if folder.is_dir():
                server.watch(str(folder))
        if self.config.brand:
            folder = brand.brand_dir(self.paths.root, self.config.brand, self.config.brands_dir)
            if folder.is_dir():
                server.watch(str(folder))
        return server


class NavItemMemo:
    """Renders a top-level navigation item once per relative link, not once per page.

    Material's `render` macro gives the same HTML for an item that does not hold the
    current page wherever its one link resolves to the same relative URL: a page, or a
    section that navigation.prune folds to a link to its first page. Anything else (the
    current page's own item, unfolded sections) is rendered as Material does. One memo
    per build: `on_env` makes a new one, so a serve rebuild never sees stale HTML.
    """

    def __init__(self, features: list[str]) -> None:
        # Material unfolds every top-level section with navigation.sections, unless tabs are on
        self.folds_sections = "navigation.prune" in features and (
            "navigation.sections" not in features or "navigation.tabs" in features)
        self.html: dict[tuple, object] = {}

    def __call__(self, render, nav_item, path: str, page):
        target = None if nav_item.active or page is None else self._only_link(nav_item)
        if target is None:
            return render(nav_item, path, 1)
        key = (id(nav_item), path, normalize_url(target, page=page))
        if key not in self.html:
            self.html[key] = render(nav_item, path, 1)
        return self.html[key]

    def _only_link(self, nav_item) -> str | None:
        if not nav_item.children:
            return nav_item.url
        if not self.folds_sections:
            return None
        while nav_item.children:  # Material's render_pruned links to the first page inside
            nav_item = nav_item.children[0]
        return nav_item.url


def shared_pages(course) -> list[str]:
    """The pages a parallel build deals out: module overviews and lessons, in course order."""
    modules = [module_path(i) for i in range(len(in_parts(course).settings.modules or []))]
    return modules + [lesson_path(lesson.id) for lesson in course.ordered_lessons()]


def _apply_brand(config, loaded, strings: dict[str, str], temp_dirs: list[Path]) -> None:
    """A firm's copy: its title, footer, theme and language; pages open from file:// too."""
    settings = brand.site_settings(loaded, strings)
    for key, value in settings.pop("theme").items():
        config.theme[key] = value
    for key, value in settings.items():
        config[key] = value
    if loaded.model.theme_strings:  # Material's own strings: a generated partials/languages/custom.html
        folder = Path(tempfile.mkdtemp(prefix="coursegen-brand-"))
        temp_dirs.append(folder)
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        (folder / "partials" / "languages").mkdir(parents=True)
        (folder / "partials" / "languages" / "custom.html").write_text(
            brand.theme_strings_template(config.theme["language"], loaded.model.theme_strings), encoding="utf-8")
        config.theme.dirs.insert(0, str(folder))
        config.theme["language"] = "custom"
    for css in brand.stylesheets(loaded):
        if css not in config.extra_css:
            config.extra_css.append(css)


def _mkdocs_nav(item: NavItem):
    title = nav_title(item.title)  # Material prints nav titles as HTML
    if item.children:
        return {title: [_mkdocs_nav(child) for child in item.children]}
    return {title: item.path}
