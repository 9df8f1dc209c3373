"""`coursegen serve`: preview with live reload, rebuilding only the pages a save changed."""

from __future__ import annotations

import errno
import logging
import os
import socket
import sys

from generator.cli.common import EXIT_CONTENT, EXIT_OK, quiet_mkdocs, settings
from generator.errors import Refusal


def add_parser(sub) -> None:
    p = sub.add_parser("serve", help="preview the site, rebuilding on every save")
    p.add_argument("--dev-addr", "-a", default="127.0.0.1:8000", help="address to serve on (default 127.0.0.1:8000)")
    p.add_argument("--brand", metavar="NAME", help="preview brand NAME (brands/NAME/), rebuilding on every save there too")
    p.add_argument("--lang", metavar="LANG", help="preview the course's translation into LANG (translations/LANG/)")
    p.set_defaults(run=run)


def run(args) -> int:
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import MkDocsException

    from generator.engines.mkdocs.incremental import QuietDirtyWarning
    from generator.engines.mkdocs.config import SERVE_BRAND_ENV, SERVE_LANGUAGE_ENV

    settings(args, required=True)
    check_address(args.dev_addr)  # before building: a port in use is one line, not a traceback after the build
    quiet_mkdocs(logging.INFO)
    if args.brand:  # read by the plugin at every rebuild (see SERVE_BRAND_ENV for why)
        os.environ[SERVE_BRAND_ENV] = args.brand
    if args.lang:
        os.environ[SERVE_LANGUAGE_ENV] = args.lang
    try:
        # dirty builds: a save rebuilds only the pages it changed (engines/mkdocs/incremental.py)
        logging.getLogger("mkdocs.commands.build").addFilter(QuietDirtyWarning())
        serve(config_file=args.config_file, dev_addr=args.dev_addr, livereload=True, build_type="dirty")
    except MkDocsException as exc:
        print(f"Serve failed: {exc}", file=sys.stderr)
        return EXIT_CONTENT
    return EXIT_OK


def check_address(dev_addr: str) -> None:
    """Refuse (exit 2) an address that is not host:port, or whose port cannot be bound
    (in use, or not allowed), by binding it once as the server will."""
    host, sep, port_text = dev_addr.rpartition(":")
    host = host.strip("[]")
    if not sep or not host or not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise Refusal(f"'{dev_addr}' is not an address to serve on: write host:port, e.g. -a 127.0.0.1:8001")
    port = int(port_text)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise Refusal(f"cannot serve on {dev_addr}: there is no host '{host}'; pick another address, e.g. -a 127.0.0.1:{port}") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does: a port in TIME_WAIT is free
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise Refusal(f"port {port} on {host} is in use (another `coursegen serve`?); "
                              f"pick another with -a {host}:{_free_port(family, host, port)}") from None
            raise Refusal(f"cannot serve on {dev_addr}: {exc.strerror or exc}; pick another with -a 127.0.0.1:8001") from None


def _free_port(family: socket.AddressFamily, host: str, port: int) -> int:
    """The next port after `port` that is free on `host` (for the hint), or port + 1."""
    for candidate in range(port + 1, min(port + 20, 65535)):
        try:
            with socket.create_server((host, candidate), family=family):
                return candidate
        except OSError:
            continue
    return port + 1
