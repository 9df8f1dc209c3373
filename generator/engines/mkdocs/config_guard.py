"""`coursegen serve` (and `mkdocs serve`) after a save that breaks mkdocs.yml itself.

MkDocs reads mkdocs.yml anew for every rebuild; when it cannot, it prints a traceback and
every request then waits for a build that never comes. The guard stands in for MkDocs'
rebuild: the terminal shows the file:line, and the last good pages are built again, from
the last mkdocs.yml that worked, with the error banner, until the file is fixed.
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

from generator.check.report import format_text
from generator.engines.mkdocs.config import config_path
from generator.errors import Finding, SourceLocation
from generator.load.settings import SettingsError, read_settings, setting_line

log = logging.getLogger("mkdocs.plugins.course")


class ConfigGuard:
    """MkDocs' `builder` made to survive a broken mkdocs.yml. `first`: the first build's
    config (its file, site folder and address). While the fallback build runs, `findings`
    say why mkdocs.yml cannot be used, for the plugin's banner; else there are none."""

    def __init__(self, builder, first) -> None:
        self.builder, self.first = builder, first
        self.file = config_path(first)
        self.good = self.file.read_bytes()  # the first build has just used it
        self.findings: list[Finding] = []

    def __call__(self) -> None:
        text = self.file.read_bytes() if self.file.is_file() else None
        refused = Refusals()  # MkDocs logs each value it refuses, then raises Abort
        try:
            read_settings(self.file)  # its YAML and the course's options, with file:line
            self.builder()
            self.good = text if text is not None else self.good
            return
        except SettingsError as error:
            findings = [error.finding()]
        except (ConfigurationError, Abort) as error:
            findings = refused.findings(self.file, error)
        finally:
            refused.close()
        self._fall_back(findings)

    def _fall_back(self, findings: list[Finding]) -> None:
        self.findings = findings
        try:
            good = load_config(io.BytesIO(self.good), config_file_path=str(self.file), site_dir=self.first.site_dir)
            good.site_url = self.first.site_url
            self.builder(good)
        except Exception:  # the last good file no longer builds either: the terminal has the error
            log.error("%s cannot be used, and the preview keeps the pages it had:\n\n%s", self.file.name,
                      format_text(findings, self.file.parent))
        finally:
            self.findings = []


class Refusals(logging.Handler):
    """The values MkDocs refuses while it loads mkdocs.yml (it logs each, then raises
    Abort), from creation until close(); findings() places them at their lines."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.values: list[tuple[str, str]] = []  # (top-level setting, problem)
        logging.getLogger("mkdocs.config").addHandler(self)

    def close(self) -> None:
        logging.getLogger("mkdocs.config").removeHandler(self)
        super().close()

    def findings(self, file: Path, error: Exception) -> list[Finding]:
        """One finding per refused value, at its setting's line in `file`; else `error` itself."""
        found = [Finding(SourceLocation(file.name, line, 1 if line else 0), problem)
                 for key, problem in self.values for line in [setting_line(file, key)]]
        return found or [Finding(SourceLocation(file.name), str(error))]

    def emit(self, record: logging.LogRecord) -> None:
        match = re.match(r"Config value '([^']*)': (.*)", record.getMessage(), re.DOTALL)
        if match:
            self.values.append((match[1].split(".")[0], f"{match[1]}: {match[2]}"))
