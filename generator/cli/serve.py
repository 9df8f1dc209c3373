"""`coursegen serve`: preview with live reload, rebuilding only the pages a save changed."""

from __future__ import annotations

import logging
import os
import sys

from generator.cli.common import EXIT_CONTENT, EXIT_OK, quiet_mkdocs, settings


def add_parser(sub) -> None:
    p = sub.add_parser("serve", help="preview the site, rebuilding on every save")
    p.add_argument("--dev-addr", "-a", default="127.0.0.1:8000", help="address to serve on (default 127.0.0.1:8000)")
    p.add_argument("--brand", metavar="NAME", help="preview brand NAME (brands/NAME/), rebuilding on every save there too")
    p.set_defaults(run=run)


def run(args) -> int:
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import MkDocsException

    from generator.engines.mkdocs.incremental import QuietDirtyWarning
    from generator.engines.mkdocs.plugin import SERVE_BRAND_ENV

    settings(args, required=True)
    quiet_mkdocs(logging.INFO)
    if args.brand:  # read by the plugin at every rebuild (see SERVE_BRAND_ENV for why)
        os.environ[SERVE_BRAND_ENV] = args.brand
    try:
        # dirty builds: a save rebuilds only the pages it changed (engines/mkdocs/incremental.py)
        logging.getLogger("mkdocs.commands.build").addFilter(QuietDirtyWarning())
        serve(config_file=args.config_file, dev_addr=args.dev_addr, livereload=True, build_type="dirty")
    except MkDocsException as exc:
        print(f"Serve failed: {exc}", file=sys.stderr)
        return EXIT_CONTENT
    return EXIT_OK
