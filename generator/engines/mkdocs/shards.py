"""`coursegen build` on every CPU: the lesson pages are split between forked MkDocs builds.

MkDocs converts and renders pages one after another, and at 1,000 lessons that is most
of a build (issue 8). Here the parent forks one child per extra CPU, before MkDocs
starts. Every process loads the same configuration, course and navigation, but
converts and renders only its own share of the lesson pages (`Shard.owns`); the parent
also does everything else (the other pages, theme files, sitemap, 404). Each child
builds into its own folder next to the parent's; when all are done, the parent moves
their pages in and merges their search entries into its index, in page order, so the
site is byte for byte the one a single process builds (tests/build/test_parallel_build.py).

Only where that is sure to hold: where forking is safe (parallel.worker_count decides,
as for `check`), and with no MkDocs plugin but the course plugin and Material's search
(another plugin may keep state across pages).
Everything else, `mkdocs build` and `mkdocs serve` included, builds in one process.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.exceptions import PluginError

SEARCH_INDEX = "search/search_index.json"
SHARD_SAFE_PLUGINS = {"course", "search", "material/search"}


class Shard:
    """One process's share of a build: the pages given to `deal` dealt out in turn, every other page to the parent."""

    def __init__(self, index: int, count: int, children: list[tuple[int, Path]] | None = None) -> None:
        self.index, self.count = index, count
        self.children = children or []  # the parent's (pid, folder) of each child
        self.owner: dict[str, int] = {}
        self.last: str | None = None  # the last page this process renders
        self.gathered = False
        self.reaped: set[int] = set()  # children waited for: their pids may be reused
        self.snapshot: Callable[[], object] | None = None  # the parent's view of the course files
        self.before: object = None

    def deal(self, paths: list[str]) -> None:
        """The pages to share (lessons and module overviews), in turn: neighbours cost alike.
        Even shares: the parent's other work (home and progress pages, theme files, the
        gathering) took as long as the child's extra pages at 1,000 lessons on 2 CPUs."""
        self.owner = {path: i % self.count for i, path in enumerate(paths)}

    def owns(self, src_uri: str) -> bool:
        return self.owner.get(src_uri, 0) == self.index

    @property
    def is_parent(self) -> bool:
        return self.index == 0

    def restrict(self, files, config) -> None:
        """Have MkDocs convert and render only this process's pages.

        MkDocs' build loops ask `files.documentation_pages(inclusion=...)`; the
        sitemap and templates ask without arguments and still get every page.
        A child leaves theme files, sitemap and 404 page to the parent, and writes only
        the generated files (its lessons' review scripts are among them)."""
        every = files.documentation_pages

        def documentation_pages(**kwargs):
            pages = every(**kwargs)
            if "inclusion" not in kwargs:
                return pages
            mine = [f for f in pages if self.owns(f.src_uri)]
            self.last = mine[-1].src_uri if mine else None
            return mine

        files.documentation_pages = documentation_pages
        if not self.is_parent:
            files.copy_static_files = lambda **kwargs: _copy_generated(files, **kwargs)
            config.theme.static_templates.clear()
            config.extra_templates.clear()

    def read_others(self, files, config) -> None:
        """Front matter of the pages another process renders: the navigation shows it here too."""
        for file in files.documentation_pages():
            if file.page is not None and not self.owns(file.src_uri):
                file.page.read_source(config)

    def gather(self, config, files, search) -> None:
        """In the parent, after its own last page (so that Material's search plugin then
        writes one whole index): wait for the children, move their pages in and merge
        their search entries, in page order; a child that failed fails the build."""
        if self.gathered or not self.is_parent:
            return
        self.gathered = True
        statuses = []
        for pid, _ in self.children:
            statuses.append(os.waitpid(pid, 0)[1])
            self.reaped.add(pid)
        for status in statuses:
            if os.WIFSIGNALED(status):
                raise PluginError(f"A process building pages side by side was stopped by signal {os.WTERMSIG(status)}.")
            if os.waitstatus_to_exitcode(status) != 0:
                raise PluginError("Pages built in a parallel process failed; its messages are above.")
        if self.snapshot is not None and self.snapshot() != self.before:
            # the processes may have loaded different versions: pages could be missing or disagree
            raise PluginError("Course files changed while the site was being built; build again.")
        site = Path(config.site_dir)
        order = [page_url(f) for f in files.documentation_pages()]
        entries = list(search.search_index.entries) if search else []
        for _, folder in self.children:
            index = folder / SEARCH_INDEX
            if search and index.is_file():
                entries += json.loads(index.read_text(encoding="utf-8"))["docs"]
            _move_missing(folder, site)
        if search:
            search.search_index.entries = in_page_order(entries, order)


def _copy_generated(files, dirty: bool = False, **kwargs) -> None:
    for file in files:
        if file.generated_by is not None and not file.is_documentation_page():
            file.copy_file(dirty)


def page_url(file) -> str:
    """The URL Material's search index gives the page of `file` (the home page's is "", not "./")."""
    return "" if file.url in (".", "./") else file.url


def in_page_order(entries: list[dict], order: list[str]) -> list[dict]:
    """Search entries grouped by page ("<page url>#<section>"), pages in navigation order."""
    rank = {url: i for i, url in enumerate(order)}
    position = {id(entry): n for n, entry in enumerate(entries)}
    return sorted(entries, key=lambda e: (rank.get(e["location"].split("#", 1)[0], len(rank)), position[id(e)]))


def _move_missing(source: Path, dest: Path) -> None:
    """Move into `dest` what only `source` has; a child's copy of a shared file is dropped."""
    for entry in os.scandir(source):
        target = dest / entry.name
        if not target.exists():
            os.replace(entry.path, target)
        elif entry.is_dir() and target.is_dir():
            _move_missing(Path(entry.path), target)


def shard_safe(config) -> bool:
    names = set(config.plugins)
    if not names <= SHARD_SAFE_PLUGINS or "course" not in names:
        return False
    # MkDocs checks a link's #anchor only in pages its own process rendered: a site that
    # wants those checks reported (validation: anchors: warn) is built in one process
    if (config.validation.links.anchors or 0) >= logging.WARNING:
        return False
    search = search_plugin(config)
    return search is None or type(search).__module__.startswith("material.plugins.search")


def search_plugin(config):
    """Material's search plugin when it is on and indexing, else None."""
    for name in ("material/search", "search"):
        plugin = config.plugins.get(name)
        if plugin is not None and getattr(plugin, "search_index", None) is not None:
            return plugin
    return None


def parallel_build(config, jobs: int, snapshot: Callable[[], object] | None = None) -> None:
    """MkDocs' build, split between `jobs` processes when that is safe (see the module's doc).
    `snapshot()` tells the state of the course files: if it changes during the build, the
    processes may have read different versions, and the build fails rather than mix them."""
    if jobs <= 1 or not shard_safe(config) or not hasattr(os, "fork") or sys.platform == "darwin":
        build(config)
        return
    site = Path(config.site_dir)
    parent = Shard(0, jobs)
    parent.snapshot, parent.before = snapshot, snapshot() if snapshot else None
    # `timeout`, `docker stop` or a CI limit end the parent with SIGTERM: clean up as for Ctrl-C
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        for index in range(1, jobs):
            folder = Path(tempfile.mkdtemp(prefix=f".{site.name}.part{index}-", dir=site.parent))
            parent.children.append((-1, folder))
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:
                _run_child(config, Shard(index, jobs), folder)  # never returns
            parent.children[-1] = (pid, folder)
        config.plugins["course"].shard = parent
        build(config)
    finally:
        for pid, folder in parent.children:
            if pid > 0 and pid not in parent.reaped:
                _stop(pid)
            shutil.rmtree(folder, ignore_errors=True)
        config.plugins["course"].shard = None
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def _stop(pid: int) -> None:
    """A child still running when the parent stops (the parent failed): end it."""
    try:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass


def _run_child(config, shard: Shard, folder: Path) -> None:
    """The child's whole life: build its share into `folder`, then exit without ever
    returning into the parent's code (its cleanup, staged folders and atexit are the parent's)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    code = 1
    try:
        config["site_dir"] = str(folder)
        config.plugins["course"].shard = shard
        build(config)
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException as exc:  # MkDocs has logged a build error; anything else, show it
        if not type(exc).__module__.startswith("mkdocs"):
            traceback.print_exc()
    finally:
        config.plugins["course"].remove_temp_dirs()  # its own; atexit handlers are the parent's
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
