"""The preview server: the built folder over http, as a phone would get it.

It binds 127.0.0.1 unless asked for the hotspot address. Browsers give a
service worker (offline use) only to https and localhost, so over a hotspot
readers get the plain pages; the printed message says so.
"""
from collections import deque
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
import re
import socket
from urllib.parse import parse_qs, urlsplit

from . import hotspot
from .search import page as search_page

SEARCH_PAGE = re.compile(r"/([A-Za-z0-9_-]+)/search\.html")


class Handler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map,
                      ".webmanifest": "application/manifest+json",
                      ".js": "text/javascript", ".json": "application/json"}

    def do_GET(self):
        """Static files, except that a search is answered from the Whoosh index,
        and that with --lan the hotspot page shows the address as QR codes."""
        parts = urlsplit(self.path)
        if parts.path == hotspot.PAGE and self.server.lan is not None:
            return self._send(hotspot.page(self.server.lan))
        match = SEARCH_PAGE.fullmatch(parts.path)
        text = parse_qs(parts.query).get("q", [""])[0]
        root = Path(self.directory)
        page = root / parts.path.lstrip("/")
        index = self.server.index_dir
        if not (match and text.strip() and page.is_file() and index):
            return super().do_GET()
        lang = match.group(1)
        self._send(search_page.render(page.read_text(encoding="utf-8"), index / lang, lang, text))

    def _send(self, html):
        body = html.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self):
        # Preview shows each new build at once; the service worker does the caching.
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_request(self, code="-", size="-"):
        self.server.requests.append(self.path)
        super().log_request(code, size)

    def log_message(self, format, *args):
        if self.server.verbose:
            super().log_message(format, *args)


def make_server(directory, host="127.0.0.1", port=8000, verbose=False, index_dir=None,
                lan=None):
    """A server of the built folder `directory`; search pages are answered
    from the Whoosh indexes in `index_dir` (the build's cache), if given.
    `lan`: the addresses phones type, shown as QR codes at hotspot.PAGE."""
    server = ThreadingHTTPServer((host, port), partial(Handler, directory=str(directory)))
    server.verbose = verbose
    server.index_dir = Path(index_dir) if index_dir else None
    server.lan = lan
    server.requests = deque(maxlen=10_000)  # recent paths, for tests and curious users
    return server


def lan_addresses():
    """This machine's own network addresses, as a hotspot's phones see it."""
    found = set()
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.add(info[4][0])
    except OSError:
        pass
    return sorted(a for a in found if not a.startswith("127."))
