"""The course plugin's `on_post_build`, in two steps around Material's search plugin
(mkdocs.plugins.CombinedEvent): before it, the pages built side by side are gathered
(shards.py), so that it writes one whole index; after it, that index is also written
as a script for search from disk (engines/offline_search.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from generator.engines import offline_search
from generator.engines.mkdocs.config import addressed_as_files
from generator.engines.mkdocs.shards import search_plugin
from generator.engines.output import write_marker


def gather_and_mark(plugin, config) -> None:
    """Gather the other processes' pages and search entries (a parallel build), and mark
    the site folder as ours: `coursegen build` may replace it (output.py)."""
    if plugin.shard:
        plugin.shard.gather(config, plugin.files, search_plugin(config))
    write_marker(Path(config.site_dir))


@event_priority(-100)  # after Material's search plugin has written search_index.json
def search_from_disk(plugin, config) -> None:
    """search/search_index.js beside the JSON index, for pages addressed as files."""
    if addressed_as_files(config):
        offline_search.write_search_index_js(Path(config.site_dir))
