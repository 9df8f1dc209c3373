"""One reading of a project's settings: mkdocs.yml and its `course` plugin's options.

The command line, the MkDocs plugin and the export all take a project's settings from
here, so they agree on them: both forms MkDocs accepts for `plugins:` (a list, or a
mapping of name to options), and every option's default, written once in
`CourseOptions` (the plugin's MkDocs config is made from it, engines/mkdocs/config.py).

mkdocs.yml is read with PyYAML, without mkdocs: it may hold tags such as `!ENV [X]` or
`!!python/name:...`, which are kept as `Tagged` values, neither run nor dropped, so the
export can write them back.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from generator.source.document import yaml_error_finding
from generator.errors import Finding, Refusal, SourceLocation
from generator.load.brand import BRANDS_DIR
from generator.load.course import COURSE_DIR, DIALOGUES_DIR, HANDOUTS_DIR, QUIZZES_DIR, SCENARIOS_DIR, CoursePaths

PLUGIN = "course"


class SettingsError(Refusal):
    """mkdocs.yml cannot be read, or the course plugin's options are wrong (exit 1).
    `where` is the spot in mkdocs.yml, `problem` what is wrong there and what to write."""

    exit_code = 1

    def __init__(self, where: SourceLocation, problem: str, hint: str = "") -> None:
        super().__init__(f"{where}: {problem}" + (f" ({hint})" if hint else ""))
        self.where, self.problem, self.hint = where, problem, hint

    def finding(self) -> Finding:
        """This error as a finding like any other, for the check report and the serve banner."""
        return Finding(self.where, self.problem, hint=self.hint, code="settings")


class CourseOptions(BaseModel):
    """The `course` plugin's options in mkdocs.yml, with their defaults."""

    model_config = ConfigDict(extra="forbid", strict=True)

    course_dir: str = Field(COURSE_DIR, description="Folder of course.yml and lessons/, relative to mkdocs.yml.")
    quizzes_dir: str = Field(QUIZZES_DIR, description="Folder of the quiz files.")
    scenarios_dir: str = Field(SCENARIOS_DIR, description="Folder of the branching scenario files.")
    dialogues_dir: str = Field(DIALOGUES_DIR, description="Folder of the annotated dialogue files.")
    handouts_dir: str = Field(HANDOUTS_DIR, description="Folder of the printable handout files.")
    # Raw HTML in lesson Markdown: trusted trainers may use it; firms that take content
    # from many authors set this to false and it is escaped like quiz text always is.
    allow_html: bool = Field(True, description="Allow raw HTML in lesson Markdown.")
    strict: bool = Field(False, description="Course warnings fail the build.")
    min_questions: int = Field(1, ge=0, description="A quiz with fewer questions is an error.")
    brand: str | None = Field(None, description="Build a firm's branded copy: a folder name in brands_dir.")
    brands_dir: str = Field(BRANDS_DIR, description="Folder of the brands.")
    language: str | None = Field(None, description="Build the course in this translation: a folder name in translations/.")


@dataclass(frozen=True)
class Tagged:
    """A YAML value under a tag we do not interpret, e.g. `!ENV [SITE_URL]`."""

    tag: str
    value: Any


class _KeepTagsLoader(yaml.SafeLoader):
    pass


def _construct_tagged(loader: yaml.SafeLoader, tag: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.ScalarNode):
        return Tagged(tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return Tagged(tag, loader.construct_sequence(node, deep=True))
    return Tagged(tag, loader.construct_mapping(node, deep=True))  # type: ignore[arg-type]


_KeepTagsLoader.add_multi_constructor("", _construct_tagged)


MarkdownExtension = tuple[str, dict]  # an extension's name and its options, as mkdocs.yml gives them


def markdown_extensions_of(configured: Any, configs: dict | None = None) -> tuple[MarkdownExtension, ...]:
    """mkdocs.yml's `markdown_extensions:` (a list of names and {name: options}, or a mapping
    of name to options; `configs`: MkDocs' `mdx_configs`, when MkDocs read the file) as
    (name, options) pairs. An option under a tag we do not run (`!!python/name:...`) is
    left out: the site's own build applies it, quiz text goes without."""
    if isinstance(configured, dict):
        configured = [{name: options} for name, options in configured.items()]
    found: list[MarkdownExtension] = []
    for entry in configured if isinstance(configured, list) else []:
        if isinstance(entry, str):
            name, options = entry, (configs or {}).get(entry)
        elif isinstance(entry, dict) and len(entry) == 1:
            name, options = next(iter(entry.items()))
        else:  # an Extension object MkDocs was handed: quiz text goes without it
            continue
        if isinstance(name, str) and name:
            options = options if isinstance(options, dict) else {}
            found.append((name, {k: v for k, v in options.items() if not _tagged(v)}))
    return tuple(found)


def _tagged(value: Any) -> bool:
    if isinstance(value, Tagged):
        return True
    if isinstance(value, dict):
        return any(_tagged(v) for v in value.values())
    return isinstance(value, list) and any(_tagged(v) for v in value)


@dataclass(frozen=True)
class ProjectSettings:
    """A project's settings: where its mkdocs.yml is, what it says, and the course options.

    `config` is the whole parsed mkdocs.yml (tags kept as `Tagged`; {} when MkDocs read
    it), `site_name` its `site_name:`, `markdown_extensions` its Markdown extensions
    (quiz text is rendered with them, site/markup.py)."""

    config_file: Path
    options: CourseOptions
    config: dict
    site_name: str | None = None
    markdown_extensions: tuple[MarkdownExtension, ...] = ()

    @property
    def root(self) -> Path:
        return self.config_file.parent

    @property
    def paths(self) -> CoursePaths:
        return CoursePaths.at(self.root, self.options.course_dir, self.options.quizzes_dir, self.options.scenarios_dir,
                              self.options.dialogues_dir, self.options.handouts_dir)

    @property
    def brands_dir(self) -> Path:
        return self.root / self.options.brands_dir

    @property
    def site_name_at(self) -> SourceLocation:
        """Where `site_name:` is written (the file is read again: only a warning needs it)."""
        try:
            line = _line_of(yaml.compose(self.config_file.read_text(encoding="utf-8-sig"), Loader=_KeepTagsLoader), "site_name")
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            line = 0
        return SourceLocation(self.config_file.name, line, 1 if line else 0)


def read_settings(config_file: Path) -> ProjectSettings:
    """The settings in `config_file` (a project's mkdocs.yml).

    Raises SettingsError when the file cannot be read, is not YAML, is not a mapping, or
    the course plugin's options are wrong (every wrong option in one message)."""
    config_file = Path(config_file).resolve()
    name = config_file.name
    try:
        text = config_file.read_text(encoding="utf-8-sig")
        data = yaml.load(text, Loader=_KeepTagsLoader) or {}
    except yaml.MarkedYAMLError as error:  # pointed at the likely slip, as in a course file
        finding = yaml_error_finding(error, name, text)
        raise SettingsError(finding.location, finding.message, finding.hint) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise SettingsError(SourceLocation(name), f"cannot be read ({error})") from None
    if not isinstance(data, dict):
        raise SettingsError(SourceLocation(name), "expected a mapping of settings (site_name: ..., theme: ...)")
    site_name = data.get("site_name")
    try:
        options = course_options(plugin_options(data), name)
    except SettingsError as error:  # point at the `plugins:` line
        line = _line_of(yaml.compose(config_file.read_text(encoding="utf-8-sig"), Loader=_KeepTagsLoader), "plugins")
        raise SettingsError(SourceLocation(name, line, 1 if line else 0), error.problem) from None
    return ProjectSettings(config_file, options, data, site_name if isinstance(site_name, str) else None,
                           markdown_extensions_of(data.get("markdown_extensions")))


def setting_line(config_file: Path, key: str) -> int:
    """The line of top-level `key`'s value in a readable mkdocs.yml (0: not found)."""
    try:
        return _line_of(yaml.compose(Path(config_file).read_text(encoding="utf-8-sig"), Loader=_KeepTagsLoader), key)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return 0


def _line_of(root: yaml.Node | None, key: str) -> int:
    if isinstance(root, yaml.MappingNode):
        for key_node, value_node in root.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                return value_node.start_mark.line + 1
    return 0


def plugins(config: dict) -> list:
    """The `plugins:` of a parsed mkdocs.yml as a list, whichever form it was written in."""
    found = config.get("plugins") or []
    if isinstance(found, dict):  # MkDocs also accepts a mapping of name -> options
        return [{name: options} if options is not None and options != {} else name for name, options in found.items()]
    return list(found) if isinstance(found, list) else []


def is_course_plugin(plugin: Any) -> bool:
    return plugin == PLUGIN or (isinstance(plugin, dict) and PLUGIN in plugin)


def plugin_options(config: dict) -> dict:
    """The `course` plugin's options in a parsed mkdocs.yml ({} when it has none).
    Raises SettingsError when they are not a mapping (`course: true`)."""
    for plugin in plugins(config):
        if isinstance(plugin, dict) and PLUGIN in plugin:
            options = plugin[PLUGIN] or {}
            if not isinstance(options, dict):
                raise SettingsError(SourceLocation("mkdocs.yml"), f"the course plugin's options must be a mapping, e.g. `- course: {{min_questions: 2}}`, "
                                    f"not {options!r}; or write just `- course`")
            return options
    return {}


def course_options(options: dict, where: str = "mkdocs.yml") -> CourseOptions:
    """`options` validated, defaults filled in (an option given as None takes its default).
    Raises SettingsError naming every wrong option."""
    try:
        return CourseOptions.model_validate({k: v for k, v in options.items() if v is not None})
    except ValidationError as error:
        problems = []
        for item in error.errors(include_url=False):
            field = ".".join(str(step) for step in item["loc"])
            close = difflib.get_close_matches(field, list(CourseOptions.model_fields), n=1)
            unknown = "not an option of the course plugin" + (f" (did you mean `{close[0]}`?)" if close else "")
            message = unknown if item["type"] == "extra_forbidden" else item["msg"].lower()
            problems.append(f"`{field}`: {message}")
        known = ", ".join(CourseOptions.model_fields)
        raise SettingsError(SourceLocation(where), f"the course plugin's options are wrong: {'; '.join(problems)} (options: {known})") from None
