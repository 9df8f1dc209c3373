"""`coursegen serve` rebuilds only the pages a save changed (MkDocs' dirty builds, made exact).

MkDocs rebuilds every page on every save: at 1,000 lessons a trainer waited tens of
seconds to see one edit (issue 8). Under `serve --dirty` MkDocs skips a page whose
file says it is not modified; ours are generated in memory, so that is decided here:
a page is rebuilt when its Markdown changed, or when anything every page shows changed
(the navigation's titles and order, the site's settings, the theme files, a brand's
files), which rebuilds them all. Files other than pages are rewritten only when their
bytes changed; the output of a page that is gone is deleted.

Material's search plugin, under dirty builds, assumes one page changed; this keeps the
whole index instead and puts each rebuilt page's entries back in page order.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from generator.engines.mkdocs.shards import in_page_order, page_url


class IncrementalPages:
    """What the last build of a serve session wrote, to decide what the next one must."""

    def __init__(self) -> None:
        self.keys: dict[str, int] = {}  # src_uri -> hash of what decides its output
        self.outputs: dict[str, str] = {}  # src_uri -> the file it was written to
        self.entries: list[dict] = []  # the whole search index of the last build
        self.rebuilt: set[str] = set()  # page URLs this build renders
        self.last: str | None = None
        self.common: int | None = None  # the hash of what every page shows, at the last build

    def mark(self, files, config, everywhere: object, blocks: dict[str, tuple[str, ...]]) -> None:
        """Tell MkDocs, through each file, whether it must be written again. `everywhere` is
        what every page shows (navigation, settings); `blocks` the finished HTML kept out
        of each page's Markdown (site/render.Page)."""
        common = hash((repr(everywhere), _settings_signature(config)))
        same_frame = common == self.common
        keys, outputs, rebuilt = {}, {}, set()
        for file in files:
            outputs[file.src_uri] = file.abs_dest_path
            if file.generated_by is None:  # a file on disk: MkDocs compares its dates...
                if file.is_documentation_page() and not same_frame:
                    file.is_modified = _changed  # ...but its page shows the navigation too
                if file.is_documentation_page() and file.is_modified():
                    rebuilt.add(page_url(file))
                continue
            if file.is_documentation_page():
                key = hash((common, file.content_string, tuple(blocks.get(file.src_uri, ()))))
            else:
                key = hash(file.content_bytes)
            keys[file.src_uri] = key
            if self.keys.get(file.src_uri) == key and os.path.exists(file.abs_dest_path):
                file.is_modified = _unchanged
            elif file.is_documentation_page():
                rebuilt.add(page_url(file))
        for gone in self.outputs.keys() - outputs.keys():  # a lesson deleted, an image removed
            Path(self.outputs[gone]).unlink(missing_ok=True)
        self.keys, self.outputs, self.rebuilt, self.common = keys, outputs, rebuilt, common
        built = [page_url(f) for f in files.documentation_pages() if page_url(f) in rebuilt]
        self.last = built[-1] if built else None  # after this page, the search index is merged

    def forget(self) -> None:
        """A build failed part-way: pages it did not write would look up to date next time."""
        self.keys, self.common = {}, None

    def merge_search(self, search, page_order: list[str]) -> None:
        """The last build's index, the rebuilt pages' entries replacing theirs; run before
        Material's search plugin writes, with its own dirty-build merge turned off."""
        if search is None:  # no search plugin, or it is turned off
            return
        fresh = search.search_index.entries
        still = set(page_order) - self.rebuilt  # pages kept as they were (not rebuilt, not gone)
        kept = [e for e in self.entries if e["location"].split("#", 1)[0] in still]
        self.entries = in_page_order(kept + fresh, page_order)
        search.search_index.entries = list(self.entries)
        search.search_index_prev = None


def _unchanged() -> bool:
    return False


def _changed() -> bool:
    return True


def _settings_signature(config) -> str:
    """mkdocs.yml and every file of the theme's override folders: an edit there rebuilds all pages."""
    digest = hashlib.blake2b(digest_size=16)
    if config.config_file_path and os.path.isfile(config.config_file_path):
        digest.update(Path(config.config_file_path).read_bytes())
    for folder in config.theme.dirs:
        if "site-packages" in folder or "dist-packages" in folder:  # Material does not change under a running server
            continue
        for top, _, names in sorted(os.walk(folder)):
            for name in sorted(names):
                # bytes, not dates: a brand's Material strings are written anew at every build
                path = os.path.join(top, name)
                digest.update(os.path.relpath(path, folder).encode() + b"\0" + Path(path).read_bytes())
    return digest.hexdigest()


class QuietDirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build that pages may be stale; here they are not."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()
