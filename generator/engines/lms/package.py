"""`export_package`: a course as a SCORM 1.2, SCORM 2004 or cmi5 zip for a firm's LMS.

The package is the site (built with `.html` addresses, html_site.py), a launcher page
(templates/launcher.html.j2) that owns the LMS session and frames the site, its scripts
(assets/: progress-data.js turns the course's stored progress into suspend data and back;
scorm.js or cmi5.js speaks to the LMS), the manifest (manifest.py) and, for SCORM, the
XSDs the manifest names. Everything is checked before anything is written, and the zip
is written next to its destination and renamed into place: a refusal or a failure leaves
no file behind and an earlier package untouched.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator.check.pipeline import prepare_project
from generator.engines.lms.formats import FORMATS, REPORTS, Format
from generator.engines.lms.html_site import build_html_site
from generator.engines.lms.manifest import PackageInfo, cmi5_structure, scorm12_manifest, scorm2004_manifest
from generator.errors import Refusal
from generator.load.settings import ProjectSettings
from generator.model.course import Course
from generator.site.build import SiteBuild

HERE = Path(__file__).resolve().parent
TEMPLATES, ASSETS, SCHEMAS, VENDOR = HERE / "templates", HERE / "assets", HERE / "schemas", HERE / "vendor"
LAUNCH = "launch.html"
ASSET_DIR = "assets/lms/"
CMI5_BUNDLE = "cmi5.min.js"  # vendor/: @xapi/cmi5 bundled by esbuild (vendor/README.md)
COMMENT = b"coursegen LMS package"  # the zip comment that marks an earlier export, safe to replace




class PackageRefused(Refusal):
    """The package cannot be made as asked; the message says why and what to do."""


@dataclass
class PackageResult:
    """A written package: where, how many files, its size in bytes, and the mastery score
    (the final assessment's pass mark, percent; None without a final)."""

    dest: Path
    files: int
    size: int
    mastery: int | None


def export_package(settings: ProjectSettings, dest: Path, fmt: str, *, brand: str | None = None,
                   report: str = REPORTS[0], strict: bool | None = None) -> PackageResult:
    """Check the course, build it and write the `fmt` package ("scorm12", "scorm2004",
    "cmi5") to `dest` (a .zip); `strict` refuses warnings too (default: the plugin's
    `strict` option). Raises PackageRefused (exit 2: unknown format or report, a
    destination that exists and is not an earlier package, a SCORM report without a final
    assessment) or CourseError (the course has errors); either way nothing is written."""
    if fmt not in FORMATS:
        raise PackageRefused(f"unknown package format '{fmt}'; choose one of {', '.join(FORMATS)}")
    if report not in REPORTS:
        raise PackageRefused(f"unknown report '{report}'; choose one of {', '.join(REPORTS)}")
    form, dest = FORMATS[fmt], Path(dest).expanduser().resolve()
    if dest.suffix.lower() != ".zip":  # as the quiz-bank exports do: the suffix is added when missing
        dest = dest.with_name(dest.name + ".zip")
    check_destination(dest, [*settings.paths.content_dirs, settings.brands_dir])
    checked = prepare_project(settings, brand=brand, strict=strict)
    course = checked.course
    assert course is not None  # prepare_project raised otherwise
    final = course.final_quiz
    if form.needs_score and final is None:
        raise PackageRefused(
            f"{fmt} reports a score and a pass or fail, which come from the final assessment, and this course has none. "
            "Add a quiz with `final: true` in quizzes/ and name it in course.yml as `final_quiz: <its id>`")
    mastery = course.pass_mark(final) if final else None
    with tempfile.TemporaryDirectory(prefix="coursegen-lms-") as temp:
        folder = Path(temp) / "package"
        built = build_html_site(settings, checked, brand, folder)
        info = PackageInfo(identifier=_identifier(course, brand), title=built.site_name, description=course.settings.description or "",
                           language=built.language, launch=LAUNCH, mastery=mastery)
        _add_launcher(folder, form, course, built, info, report)
        files = _package_files(folder)
        schemas = _add_schemas(folder, form)
        _write_manifest(folder, form, info, files, schemas, brand)
        return PackageResult(dest, len(files) + len(schemas) + 1, _zip(folder, dest), mastery)


def check_destination(dest: Path, content: list[Path]) -> None:
    """Refuse a destination inside the course's own folders (`content`: the next build would
    publish the zip), or one that exists and is not a package we wrote (by its zip comment)."""
    for folder in content:
        if dest.is_relative_to(folder.resolve()):
            raise PackageRefused(f"{dest}: is inside {folder}, where the course's own files live; "
                                 "write the package elsewhere, e.g. ../course-scorm12.zip")
    if not dest.exists():
        if not dest.parent.is_dir():
            raise PackageRefused(f"{dest.parent}: no such folder; create it first or give another path")
        return
    if dest.is_file() and _is_earlier_package(dest):
        return
    raise PackageRefused(f"{dest}: exists and is not a package written by coursegen; nothing was written. "
                         "Give a new file name, or move that file away")


def _is_earlier_package(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.comment.startswith(COMMENT)
    except (OSError, zipfile.BadZipFile):
        return False


def _identifier(course: Course, brand: str | None) -> str:
    return f"coursegen-{course.settings.id}" + (f"-{brand}" if brand else "")


def _add_launcher(folder: Path, form: Format, course: Course, built: SiteBuild, info: PackageInfo, report: str) -> None:
    """The launcher page with its settings for the bridge, and the bridge's files. The
    launcher loads the site's own scripts first (the course map, CourseKit, CourseProgress):
    the bridge reads the learner's progress through them."""
    final, strings = course.final_quiz, built.strings
    config = {"format": form.name, "scorm": form.scorm, "course": course.settings.id, "final": final.id if final else "",
              "report": report, "limit": form.suspend_limit, "home": "index.html", "launcher": LAUNCH,
              "strings": {"not_reported": strings["lms_not_reported"], "read_only": strings["lms_read_only"]}}
    scripts = ["progress-data.js", "cmi5.js" if form.name == "cmi5" else "scorm.js"]
    vendor = [CMI5_BUNDLE] if form.name == "cmi5" else []
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    page = env.get_template("launcher.html.j2").render(
        language=info.language, title=info.title, config=config,
        scripts=built.scripts + [ASSET_DIR + name for name in vendor + scripts], stylesheet=ASSET_DIR + "launcher.css")
    (folder / LAUNCH).write_text(page, encoding="utf-8")
    target = folder / ASSET_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name in [*scripts, "launcher.css"]:
        (target / name).write_bytes((ASSETS / name).read_bytes())
    for name in vendor + [name + ".LICENSE.txt" for name in vendor]:  # the bundle's licence notices beside it
        (target / name).write_bytes((VENDOR / name).read_bytes())


def _package_files(folder: Path) -> list[str]:
    """Every file of the package, sorted, without dotfiles (an LMS would serve them)."""
    found = []
    for path in folder.rglob("*"):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and not any(part.startswith(".") for part in rel.split("/")):
            found.append(rel)
        elif path.is_file():
            path.unlink()
    return sorted(found)


def _add_schemas(folder: Path, form: Format) -> list[str]:
    if not form.schemas:
        return []
    names = sorted(p.name for p in (SCHEMAS / form.schemas).iterdir() if p.is_file())
    for name in names:
        (folder / name).write_bytes((SCHEMAS / form.schemas / name).read_bytes())
    return names


def _write_manifest(folder: Path, form: Format, info: PackageInfo, files: list[str], schemas: list[str], brand: str | None) -> None:
    if form.name == "scorm12":
        (folder / "imsmanifest.xml").write_bytes(scorm12_manifest(info, files, schemas))
    elif form.name == "scorm2004":
        (folder / "imsmanifest.xml").write_bytes(scorm2004_manifest(info, files, schemas))
    else:
        iri = f"urn:coursegen:{info.identifier.removeprefix('coursegen-')}"
        (folder / "cmi5.xml").write_bytes(cmi5_structure(info, iri))


def _zip(folder: Path, dest: Path) -> int:
    """Zip `folder` into a temporary file beside `dest`, then rename it into place; its size in bytes."""
    fd, name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(folder).as_posix())
            archive.comment = COMMENT + b" " + json.dumps({"files": len(archive.namelist())}).encode()
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(name, 0o666 & ~umask)  # mkstemp made it private; a package is an ordinary file
        os.replace(name, dest)
    finally:
        if os.path.exists(name):
            os.unlink(name)
    return dest.stat().st_size
