"""The course's site built by MkDocs into a folder, with `.html` page addresses.

LMS file servers serve a package's files as they are and do not turn `lessons/x/` into
`lessons/x/index.html`, so the package's pages are built with `use_directory_urls: false`.
The check made before is handed to the `course` plugin, so the course is loaded once.
"""

from __future__ import annotations

from pathlib import Path

from generator.check.pipeline import Checked
from generator.errors import Refusal
from generator.load.settings import PLUGIN, ProjectSettings
from generator.site.build import SiteBuild


def build_html_site(settings: ProjectSettings, checked: Checked, brand: str | None, dest: Path) -> SiteBuild:
    """Build the checked course (as `brand`) into `dest`; returns the plugin's SiteBuild
    (strings, title, language of the built site). Raises Refusal when mkdocs.yml does not
    use the course plugin, mkdocs' own exceptions when MkDocs fails."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(settings.config_file), site_dir=str(dest), use_directory_urls=False)
    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        raise Refusal(f"{settings.config_file.name} does not use the `{PLUGIN}` plugin; add it under `plugins:`")
    plugin.config["brand"] = brand
    plugin.config["language"] = settings.options.language  # `export --lang`: the checked course is translated
    plugin.checked = checked
    build(config)
    assert plugin.built is not None  # on_config set it, or build() raised
    return plugin.built
