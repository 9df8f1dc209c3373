"""The core in one call: load, validate and check a course (and its brand). Never imports mkdocs.

`check` and `prepare` work on a course's folders; `check_project` and `prepare_project`
on a whole project's settings (load/settings.py), with an optional brand, adding what
only the settings can tell (the site's name). The command line, the MkDocs plugin and
the export all come through here.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from generator.check.lessons import check_lesson_length, check_sections
from generator.check.questions import check_each_question, check_questions
from generator.check.references import check_lesson_quiz_links, check_objectives
from generator.check.rules import CheckOptions, Rule, check_course
from generator.check.scenarios import check_scenario_paths, check_scenario_structure
from generator.check.known import mark_known
from generator.errors import CourseError, Finding, Severity
from generator.load.brand import BRANDS_DIR, LoadedBrand, load_brand
from generator.load.course import CoursePaths, load_course, load_files_alone
from generator.load.overlay import apply_overlay
from generator.load.settings import ProjectSettings
from generator.load.translation import apply_translation, translations_dir
from generator.model.course import Course, Lesson


@dataclass
class Checked:
    """A course (merged with its brand's overlay, if any), the brand, and every finding."""

    course: Course | None
    brand: LoadedBrand | None
    findings: list[Finding]

    def failing(self, strict: bool) -> list[Finding]:
        """The findings that stop a build: errors, and with `strict` warnings too; never the
        known ones (known-findings.yml, check/known.py)."""
        return [f for f in self.findings if not f.known and (f.is_error or (strict and f.severity is Severity.WARNING))]

    def ready(self, strict: bool) -> Checked:
        """This result, when a site can be built from it; raises CourseError otherwise."""
        if self.course is None or self.failing(strict):
            raise CourseError(self.findings)
        return self

    @property
    def warnings(self) -> list[Finding]:
        """The warnings a build shows: all but the known ones (known-findings.yml)."""  # a known error too is left out
        return [f for f in self.findings if f.severity is Severity.WARNING and not f.known]


def check(paths: CoursePaths, options: CheckOptions | None = None) -> tuple[Course | None, list[Finding]]:
    """Every finding about a course: load and validation errors, then integrity findings."""
    with _collector_paused():
        course, findings = _load(paths, options)
        if course is not None:
            findings = mark_known(findings + check_course(course, _with_docs_dir(options, paths)), paths,
                                  stale_reported=course.translation is None)
    return course, findings


# The rules that need nothing of course.yml: they still run when it is unusable.
RULES_WITHOUT_SETTINGS: list[Rule] = [check_lesson_quiz_links, check_objectives, check_questions, check_sections, check_lesson_length,
                                      check_scenario_structure, check_scenario_paths]


def _load(paths: CoursePaths, options: CheckOptions | None) -> tuple[Course | None, list[Finding]]:
    """`load_course`; when course.yml is unusable or missing, every lesson and quiz file is
    still loaded and checked on its own, so that all findings come at once (issue 18). The
    course is None then: nothing is built from it."""
    course, findings = load_course(paths)
    options = _with_docs_dir(options, paths)
    if course is not None and options is not None and options.language and options.language != course.settings.language:
        course, more = apply_translation(course, paths, options.language)
        findings += more
    if course is None and (paths.course_file.is_file() or any(folder.is_dir() for folder in paths.content_dirs)):
        alone, more = load_files_alone(paths)
        findings += more + [finding for rule in RULES_WITHOUT_SETTINGS for finding in rule(alone, options)]
        findings += held_back_findings(alone, options)
    elif course is not None:
        findings += held_back_findings(course, options)
    return course, findings


# The rules that look at one question or section at a time: they also run on what validates
# of a lesson or quiz file that failed validation, so one run lists all of its errors.
HELD_BACK_RULES: list[Rule] = [check_each_question, check_sections]


def held_back_findings(course: Course, options: CheckOptions) -> list[Finding]:
    """HELD_BACK_RULES' findings about the valid questions and sections of the files that
    failed validation (`Course.held_back`, load/partial.py)."""
    if not course.held_back:
        return []
    held = Course(course.settings, sources={key: source for key, (_, source) in course.held_back.items()})
    for (_, stem), (item, _) in course.held_back.items():
        if isinstance(item, Lesson):
            held.lessons[stem] = item
        else:
            held.quizzes[stem] = item
    return [finding for rule in HELD_BACK_RULES for finding in rule(held, options)]


def prepare(paths: CoursePaths, options: CheckOptions | None = None, *, strict: bool = False) -> tuple[Course, list[Finding]]:
    """A course ready to render, and its warnings; raises CourseError on any error."""
    ready = _checked(paths, options).ready(strict)
    assert ready.course is not None
    return ready.course, ready.findings


def _checked(paths: CoursePaths, options: CheckOptions | None) -> Checked:
    course, findings = check(paths, options)
    return Checked(course, None, findings)


def check_branded(paths: CoursePaths, name: str, options: CheckOptions | None = None,
                  brands_dir: str = BRANDS_DIR) -> Checked:
    """Every finding about a brand and the course merged with its overlay."""
    with _collector_paused():
        brand, findings = load_brand(paths, name, brands_dir)
        options = _brand_language(options, brand, paths)
        course, course_findings = _load(paths, options)
        findings += course_findings
        if brand is None or course is None:
            return Checked(None, brand, findings)
        merged, overlay_findings = apply_overlay(course, brand, paths)
        findings += overlay_findings
        if merged is None:
            return Checked(None, brand, findings)
        options = replace(options or CheckOptions(), contact=bool(brand.model.contact.email or brand.model.contact.phone
                                                                  or brand.model.contact.web))
        findings = mark_known(findings + check_course(merged, _with_docs_dir(options, paths)), paths, brand.folder)
    return Checked(merged, brand, findings)


def _brand_language(options: CheckOptions | None, brand: LoadedBrand | None, paths: CoursePaths) -> CheckOptions | None:
    """A brand's `language:` picks the course's translation into it, when there is one
    (an explicit `--lang` wins); without one, the brand shows the source text."""
    language = brand.model.language if brand is not None else None
    if (options is not None and options.language) or not language or not translations_dir(paths, language).is_dir():
        return options
    return replace(options or CheckOptions(), language=language)


def check_options(settings: ProjectSettings, min_questions: int | None = None, language: str | None = None) -> CheckOptions:
    """The check's options from the project's settings; `min_questions` overrides the plugin's;
    `language` shows the course in that translation (translations/<language>/)."""
    return CheckOptions(min_questions=settings.options.min_questions if min_questions is None else min_questions,
                        allow_html=settings.options.allow_html, language=language)


def check_project(settings: ProjectSettings, *, brand: str | None = None, min_questions: int | None = None,
                  language: str | None = None) -> Checked:
    """Every finding about a project: its course (merged with `brand`, else the plugin's
    `brand` option, if any; in `language`, if given) and what the settings say of it."""
    brand = brand or settings.options.brand
    options = check_options(settings, min_questions, language or settings.options.language)
    if brand:
        return check_branded(settings.paths, brand, options, settings.options.brands_dir)
    checked = _checked(settings.paths, options)
    if checked.course is not None and checked.course.translation is None:  # a translated title differs, rightly
        checked.findings += site_name_findings(settings, checked.course)
    return checked


def prepare_project(settings: ProjectSettings, *, brand: str | None = None, strict: bool | None = None,
                    language: str | None = None) -> Checked:
    """A project's course ready to render (see `check_project`); raises CourseError on any
    error, and on warnings too when `strict` (default: the plugin's `strict` option)."""
    strict = settings.options.strict if strict is None else strict
    return check_project(settings, brand=brand, language=language).ready(strict)


def site_name_findings(settings: ProjectSettings, course: Course) -> list[Finding]:
    """The course's title names the site: a different `site_name` in mkdocs.yml is a warning."""
    name, title = settings.site_name, course.settings.title
    if not name or name == title:
        return []
    source = course.sources.get(("course", course.settings.id))
    where = source.location(("title",)) if source is not None else None
    shown = f"{where.file}:{where.line}" if where else "course/course.yml"
    return [Finding(settings.site_name_at, f"'{name}' differs from the course's title '{title}' ({shown}), which names the site",
                    hint=f'set `site_name: "{title}"` here, or change `title:` in {shown.split(":")[0]}',
                    code="site-name", severity=Severity.WARNING, field="site_name")]


def _with_docs_dir(options: CheckOptions | None, paths: CoursePaths) -> CheckOptions:
    options = options or CheckOptions()
    if options.docs_dir is None:  # images and linked files are looked up next to the lessons
        options = replace(options, docs_dir=paths.course_dir)
    return options


def fingerprint(*folders: Path) -> tuple:
    """Name, size and modification time of every file in `folders`."""
    found = []
    for folder in folders:
        # os.walk and plain strings, not Path.rglob: rglob hashed 2,000 Paths, 0.1 s of `check` (issue 8)
        names = [os.path.join(top, name) for top, dirs, files in os.walk(folder, followlinks=True) for name in dirs + files]
        for entry in sorted(names):
            try:
                stat = os.stat(entry)
            except OSError:
                continue
            found.append((entry, stat.st_size, stat.st_mtime_ns))
    return tuple(found)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a course is loaded and checked: the hundreds of
    thousands of objects made from the YAML trigger full collections that find nothing
    (0.2 s of a 1,000-lesson `check`, the same peak memory without them; issue 8)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
